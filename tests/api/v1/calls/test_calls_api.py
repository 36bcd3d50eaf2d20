"""Published calls and laureates in the API: public part, aggregates, filters, CSV, queries."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.calls.factories import (
    ApplicationFactory,
    CallFactory,
    CallWindowFactory,
    QuestionFactory,
)
from tests.calls.instruction_setup import at_status, make_call
from tests.querycount import queries_for
from tipilot.calls.enums import ApplicationStatus as S
from tipilot.calls.enums import QuestionKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(world):
    call = make_call(title="Fonds d'accélération 2026", budget=Decimal("5000000"))
    call.regions.set([world.region_a])
    QuestionFactory(
        call=call, label="Marchés visés", kind=QuestionKind.MULTIPLE_CHOICE, choices=["UE", "Monde"]
    )
    laureate = at_status(world, S.LAUREATE, call=call)
    at_status(world, S.REJECTED, call=call)
    at_status(world, S.SUBMITTED, call=call)
    ApplicationFactory(call=call)  # a draft: never counted
    CallFactory(is_published=False, slug="brouillon-d-appel")
    return call, laureate


def test_published_calls_with_their_public_part(get_json, calls, world):
    call, laureate = calls
    listing = get_json("/api/v1/calls/")
    assert [c["slug"] for c in listing["results"]] == [call.slug]
    detail = get_json(f"/api/v1/calls/{call.slug}/")
    assert detail["title"] == "Fonds d'accélération 2026" and detail["operator_name"] == "Bpifrance"
    (window,) = detail["windows"]
    assert dt.datetime.fromisoformat(window["opens_at"]) == call.windows.get().opens_at
    assert detail["eligibility"]["regions"] == ["84"]
    assert detail["eligibility"]["requires_labelled_territory"] is True
    (question,) = detail["questions"]
    assert question == {
        "position": question["position"],
        "label": "Marchés visés",
        "help_text": "",
        "kind": "multiple_choice",
        "required": True,
        "choices": ["UE", "Monde"],
    }
    assert [c["max_score"] for c in detail["criteria"]] == [5, 10]
    assert detail["application_counts"] == {
        "submitted": 1, "ineligible": 0, "in_review": 0, "waitlisted": 0,
        "laureate": 1, "rejected": 1, "withdrawn": 0,
    }  # fmt: skip
    assert detail["laureate_count"] == 1
    assert Decimal(detail["amount_granted"]) == laureate.amount_granted
    assert "draft" not in detail["application_counts"]


def test_unpublished_calls_are_not_found(client, calls):
    assert client.get("/api/v1/calls/brouillon-d-appel/").status_code == 404


def test_laureates_and_their_filters(get_json, calls, world):
    call, laureate = calls
    other = at_status(world, S.LAUREATE, territory=world.t3)
    (row,) = get_json("/api/v1/laureates/", call=call.slug)["results"]
    assert row == {
        "reference": laureate.reference,
        "call": call.slug,
        "title": laureate.title,
        "organisation_name": laureate.organisation.name,
        "organisation_siren": laureate.organisation.siren,
        "commune": laureate.commune.insee_code,
        "territory": "ti-8401",
        "region": "84",
        "amount_requested": "200000.00",
        "amount_granted": "200000.00",
        "jobs_created_planned": 12,
        "jobs_maintained_planned": 0,
        "is_relocation": False,
        "decided_on": dt.date.today().isoformat(),
        "action": laureate.action.external_id,
        "is_demo": False,
    }
    refs = lambda **f: [r["reference"] for r in get_json("/api/v1/laureates/", **f)["results"]]  # noqa: E731
    assert refs(region="27") == [other.reference]
    assert refs(territory="ti-8401") == [laureate.reference]
    assert set(refs()) == {laureate.reference, other.reference}
    assert get_json(f"/api/v1/laureates/{laureate.reference}/")["action"] == row["action"]


def test_only_laureates_are_public(client, calls):
    call, _ = calls
    rejected = call.applications.get(status=S.REJECTED)
    assert client.get(f"/api/v1/laureates/{rejected.reference}/").status_code == 404


def test_laureates_csv(client, calls):
    call, laureate = calls
    response = client.get("/api/v1/laureates.csv", {"call": call.slug})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    header, row, *rest = text.lstrip("\ufeff").strip().split("\r\n")
    assert not rest
    assert header.startswith("référence;appel;intitulé de l'appel;projet;porteur;SIREN du porteur")
    assert row.startswith(f"{laureate.reference};{call.slug};")
    assert ";200000.00;200000.00;12;0;" in row and row.endswith(";non")


def test_no_applicant_nor_instructor_in_the_answers(client, calls, world):
    call, laureate = calls
    hidden = {laureate.applicant.email, world.instructor.email, world.national.email, "@"}
    for url in (
        "/api/v1/calls/",
        f"/api/v1/calls/{call.slug}/",
        "/api/v1/laureates/",
        f"/api/v1/laureates/{laureate.reference}/",
        "/api/v1/laureates.csv",
    ):
        body = client.get(url).content.decode()
        assert not {h for h in hidden if h in body}, url


def _grow(world, n):
    for _ in range(n):
        call = make_call()
        CallWindowFactory(call=call)
        QuestionFactory(call=call)
        at_status(world, S.LAUREATE, call=call)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/v1/calls/", 6),  # count, page, windows, questions, criteria, regions
        ("/api/v1/laureates/", 3),  # count, page (call, porteur, commune, territory...), regions
        ("/api/v1/laureates/?region=84&territory=ti-8401", 3),
        ("/api/v1/laureates.csv", 2),
    ],
)
def test_list_queries_do_not_grow(client, world, django_assert_num_queries, url, expected):
    _grow(world, 2)
    small = queries_for(client, url)
    _grow(world, 5)
    assert queries_for(client, url) == small
    with django_assert_num_queries(expected):
        client.get(url)
