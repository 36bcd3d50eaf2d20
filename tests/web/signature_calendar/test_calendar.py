"""The public signature calendar: page, CSV, iCalendar feed (parsed with a real parser)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.contracts.factories import ContractFactory
from tests.querycount import queries_for

TODAY = timezone.localdate()


def test_page_sorts_contracts_by_status(calendar, client):
    html = client.get(reverse("calendar")).content.decode()
    signed = html.split('id="signed"')[1].split("</section>")[0]
    late = html.split('id="late"')[1].split("</section>")[0]
    planned = html.split('id="planned"')[1].split("</section>")[0]
    assert "ti-8401" in signed and "ti-2701" in late and "ti-8402" in planned


def test_region_filter(calendar, client):
    html = client.get(reverse("calendar"), {"region": "27"}).content.decode()
    assert "ti-2701" in html and "ti-8401" not in html
    assert "Bourgogne-Franche-Comté" in html.split("<h1")[1].split("</h1>")[0]


def test_home_page_counts_signed_contracts(calendar, client):
    html = client.get(reverse("home")).content.decode()
    block = html.split('id="signed-2023-2027"')[1].split("</p>")[0]
    assert "<strong>1</strong> contrat signé" in block


def test_ics_parses_and_is_complete(calendar, client):
    response = client.get(reverse("calendar-ics"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = Calendar.from_ical(response.content)
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {
        f"contract-{c.pk}@tipilot"
        for c in (calendar.contract, calendar.t2.contract, calendar.other_contract)
    }
    signed = events[f"contract-{calendar.contract.pk}@tipilot"]
    assert str(signed["STATUS"]) == "CONFIRMED"
    assert signed.decoded("DTSTART") == TODAY - dt.timedelta(days=30)
    assert all("DTSTAMP" in e and "DTSTART" in e and "SUMMARY" in e for e in events.values())
    late = events[f"contract-{calendar.other_contract.pk}@tipilot"]
    assert str(late["STATUS"]) == "TENTATIVE" and "en retard" in str(late["SUMMARY"])
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))


def test_ics_region_filter_and_calendar_name(calendar, client):
    cal = Calendar.from_ical(client.get(reverse("calendar-ics"), {"region": "27"}).content)
    assert len(cal.walk("VEVENT")) == 1
    assert "Bourgogne-Franche-Comté" in str(cal["X-WR-CALNAME"])


def test_csv_export(calendar, client):
    response = client.get(reverse("calendar-csv"), {"region": "84"})
    text = response.content.decode("utf-8-sig")
    lines = text.strip().split("\r\n")
    assert lines[0].startswith("génération;identifiant;territoire")
    assert len(lines) == 3
    assert any(";Signé;" in line for line in lines)


@pytest.mark.django_db
def test_calendar_queries_do_not_grow(client):
    from tests.factories import make_programme

    def grow(n):
        for territory in make_programme(n):
            ContractFactory(territory=territory, planned_signature_on=TODAY)

    grow(2)
    counts = [queries_for(client, reverse(n)) for n in ("calendar", "calendar-ics", "calendar-csv")]
    grow(8)
    assert [
        queries_for(client, reverse(n)) for n in ("calendar", "calendar-ics", "calendar-csv")
    ] == counts
