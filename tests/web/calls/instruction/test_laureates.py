"""The public laureates page and the calls' open-data files on /exports/."""

import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.calls.factories import ApplicationFactory
from tests.calls.instruction_setup import at_status, make_call
from tipilot.calls.enums import ApplicationStatus as S

pytestmark = pytest.mark.django_db
URL = "/appels/laureats/"


@pytest.fixture
def laureates(world):
    call = make_call(title="Fonds d'accélération 2026")
    first = at_status(world, S.LAUREATE, call=call, title="Ligne de forge")
    second = at_status(world, S.LAUREATE, territory=world.t3, title="Atelier de soudure")
    at_status(world, S.REJECTED, call=call, title="Projet refusé")
    ApplicationFactory(call=call, title="Brouillon secret")
    return call, first, second


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_public_list_of_laureates(client, world, laureates):
    call, first, second = laureates
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ligne de forge" in body and "Atelier de soudure" in body
    assert "Projet refusé" not in body and "Brouillon secret" not in body
    assert f"/fiches-actions/{first.action.external_id}/" in body
    assert first.organisation.siren in body and "2 lauréats" in body
    assert first.applicant.email not in body and world.national.username not in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"region": "27"}, {"Atelier de soudure"}),
        ({"territoire": "ti-8401"}, {"Ligne de forge"}),
        ({"q": "forge"}, {"Ligne de forge"}),
        ({"region": "99"}, set()),
    ],
)
def test_filters(client, laureates, query, expected):
    page = client.get(URL, query).context["page_obj"]
    assert {a.title for a in page} == expected


def test_filter_by_call(client, laureates):
    call, first, _ = laureates
    assert [a.title for a in client.get(URL, {"call": call.slug}).context["page_obj"]] == [
        first.title
    ]


def test_the_page_costs_the_same_queries_at_two_sizes(client, world):
    for _ in range(2):
        at_status(world, S.LAUREATE)
    with CaptureQueriesContext(connection) as small:
        client.get(URL)
    for _ in range(6):
        at_status(world, S.LAUREATE, territory=world.t3)
    with CaptureQueriesContext(connection) as large:
        assert len(client.get(URL).context["page_obj"]) == 8
    assert len(small.captured_queries) == len(large.captured_queries)


def test_the_exports_page_links_the_files(client, laureates):
    body = client.get("/exports/", {"region": "84"}).content.decode()
    assert "/appels/laureats/laureats.csv?region=84" in body
    assert "/appels/laureats/appels.xlsx" in body


def test_laureates_csv_json_xlsx(client, world, laureates):
    call, first, second = laureates
    csv = client.get("/appels/laureats/laureats.csv", {"region": "84"})
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8")
    assert text.startswith("\ufeffréférence;appel;")
    assert first.reference in text and second.reference not in text
    data = json.loads(client.get("/appels/laureats/laureats.json").content)
    assert {d["reference"] for d in data} == {first.reference, second.reference}
    record = next(d for d in data if d["reference"] == first.reference)
    assert record["amount_granted"] == "200000.00" and record["region"] == "84"
    assert record["action"] == first.action.external_id and record["is_demo"] is False
    book = load_workbook(io.BytesIO(content(client.get("/appels/laureats/laureats.xlsx"))))
    rows = list(book["Lauréats"].values)
    assert rows[0][0] == "référence" and len(rows) == 3


def test_calls_files(client, world, laureates):
    call, first, _ = laureates
    data = json.loads(client.get("/appels/laureats/appels.json").content)
    record = next(d for d in data if d["slug"] == call.slug)
    assert record["applications"] == 2 and record["laureates"] == 1  # the draft is not counted
    assert record["amount_granted"] == "200000.00" and record["opens_at"][-6:] in {
        "+01:00",
        "+02:00",
    }
    csv = client.get("/appels/laureats/appels.csv").content.decode("utf-8")
    assert "Fonds d'accélération 2026" in csv and "@" not in csv
    book = load_workbook(io.BytesIO(content(client.get("/appels/laureats/appels.xlsx"))))
    assert list(book["Appels à projets"].values)[0][0] == "adresse"
