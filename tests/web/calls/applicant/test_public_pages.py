"""Public calls pages: grouped list with Paris deadlines, filters, presentation, who sees what."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.actions.factories import measure
from tests.calls.factories import CallFactory, CallWindowFactory, QuestionFactory
from tipilot.calls.deadlines import paris_datetime
from tipilot.calls.enums import QuestionKind
from tipilot.governance.enums import OrganisationKind

from .conftest import text


def test_url_names():
    assert reverse("call-list") == "/appels/"
    assert reverse("call-create") == "/appels/nouveau/"
    assert reverse("applicant-signup") == "/appels/compte/creer/"
    assert reverse("my-applications") == "/appels/candidatures/"
    assert reverse("call-detail", args=["fonds"]) == "/appels/fonds/"
    assert reverse("call-edit", args=["fonds"]) == "/appels/fonds/configurer/"
    assert reverse("application-start", args=["fonds"]) == "/appels/fonds/candidater/"
    assert reverse("application-detail", args=["F-0001"]) == "/appels/candidatures/F-0001/"
    assert reverse("application-file", args=["F-0001", 3]) == (
        "/appels/candidatures/F-0001/fichiers/3/"
    )
    assert reverse("application-submit", args=["F-0001"]).startswith("/appels/candidatures/")
    assert reverse("application-withdraw", args=["F-0001"]).startswith("/appels/candidatures/")


@pytest.fixture
def calls(world):
    now = dt.datetime.now(dt.UTC)
    open_call = CallFactory(title="Appel ouvert", open_window=False)
    CallWindowFactory(
        call=open_call,
        name="Vague 2",
        opens_at=now - dt.timedelta(days=5),
        closes_at=paris_datetime(dt.date(now.year + 1, 3, 15), dt.time(23, 59, 59)),
    )
    upcoming = CallFactory(
        title="Appel à venir", open_window=False, measure=measure("ecoles-production")
    )
    CallWindowFactory(
        call=upcoming, opens_at=now + dt.timedelta(days=5), closes_at=now + dt.timedelta(days=9)
    )
    closed = CallFactory(title="Appel clos", open_window=False)
    CallWindowFactory(
        call=closed, opens_at=now - dt.timedelta(days=9), closes_at=now - dt.timedelta(days=5)
    )
    hidden = CallFactory(title="Appel en préparation", is_published=False, published_at=None)
    return open_call, upcoming, closed, hidden


def section(html: str, name: str) -> str:
    start = html.index(f'id="calls-{name}"')
    return html[start : html.index("</section>", start)]


def test_list_groups_calls_and_shows_paris_deadlines(calls, client):
    year = dt.date.today().year + 1
    html = text(client.get("/appels/"))
    assert "Appel ouvert" in section(html, "open")
    assert f"clôture le 15 mars {year} à 23 h 59 min 59 s (heure de Paris)" in html
    assert "Appel à venir" in section(html, "upcoming") and "ouverture le" in html
    assert "Appel clos" in section(html, "closed")
    assert "Appel en préparation" not in html and 'id="call-create"' not in html


def test_national_team_sees_calls_in_preparation(calls, client, world):
    client.force_login(world.national)
    html = text(client.get("/appels/"))
    assert "Appel en préparation" in section(html, "drafts") and 'id="call-create"' in html
    assert client.get(reverse("call-detail", args=[calls[3].slug])).status_code == 200


def test_unpublished_call_is_not_found_by_others(calls, client, world):
    url = reverse("call-detail", args=[calls[3].slug])
    assert client.get(url).status_code == 404
    client.force_login(world.instructor)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?mesure=ecoles-production", ["Appel à venir"], ["Appel ouvert", "Appel clos"]),
        ("?mesure=inconnue", [], ["Appel ouvert", "Appel à venir"]),
        ("?operateur=abc", [], ["Appel ouvert"]),
    ],
)
def test_list_filters(calls, client, query, shown, hidden):
    html = text(client.get(f"/appels/{query}"))
    main = html[html.index('id="calls-open"') :]
    for title in shown:
        assert title in main
    for title in hidden:
        assert title not in main


def test_operator_filter(calls, client, world):
    html = text(client.get(f"/appels/?operateur={world.operator.pk}"))
    assert "Appel ouvert" in html[html.index('id="calls-open"') :]


def test_detail_presents_rules_questions_and_files(world, client):
    call = CallFactory(
        slug="fonds-2027",
        description="Pour les industriels.",
        applicant_kinds=[OrganisationKind.FIRM, OrganisationKind.SCHOOL],
        naf_prefixes=["25", "28.1"],
        amount_min=Decimal(100_000),
        amount_max=Decimal(800_000),
    )
    call.regions.set([world.region_a])
    QuestionFactory(call=call, label="Motivation", kind=QuestionKind.LONG_TEXT)
    QuestionFactory(call=call, label="Bilan comptable", kind=QuestionKind.FILE)
    html = text(client.get("/appels/fonds-2027/"))
    rules = html[html.index('id="call-rules"') :]
    assert "territoire d'industrie labellisé de la génération en cours" in rules
    assert "Régions éligibles : Auvergne-Rhône-Alpes." in rules
    assert "Porteurs éligibles : entreprise, école, organisme de formation." in rules
    assert "commençant par) : 25, 28.1." in rules
    assert "au moins 100\xa0000 €" in rules and "au plus 800\xa0000 €" in rules
    assert "Motivation" in html[html.index('id="call-questions"') :]
    assert "Bilan comptable" in html[html.index('id="call-files"') :]
    assert "/appels/laureats/?call=fonds-2027" in html
    assert "heure de Paris" in html[html.index('id="call-windows"') :]


def test_anonymous_visitor_is_sent_to_signup_or_login(world, client):
    CallFactory(slug="fonds-2027")
    html = text(client.get("/appels/fonds-2027/"))
    assert "/appels/compte/creer/?next=/appels/fonds-2027/candidater/" in html
    assert "/comptes/connexion/?next=/appels/fonds-2027/candidater/" in html
    response = client.get("/appels/fonds-2027/candidater/")
    assert response.status_code == 302 and "/comptes/connexion/" in response["Location"]


def test_signed_in_visitor_gets_the_apply_button(world, client):
    CallFactory(slug="fonds-2027")
    client.force_login(world.nobody)
    assert 'id="apply-button"' in text(client.get("/appels/fonds-2027/"))


def test_header_links_to_the_calls(client, world):
    assert 'href="/appels/"' in text(client.get("/appels/"))
