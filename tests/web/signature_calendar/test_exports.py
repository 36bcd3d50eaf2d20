"""Calendar filters on every format, file headers, links, and no personal data in public."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.governance.factories import OrganisationFactory, PersonFactory
from tipilot.contracts.models import Signatory

FORMATS = ["calendar", "calendar-ics", "calendar-csv", "api-calendar"]


def _identifiers(client, name, **params) -> set[str]:
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    if name == "api-calendar":
        return {c["territory"]["identifier"] for c in response.json()["contracts"]}
    if name == "calendar-ics":
        events = Calendar.from_ical(response.content).walk("VEVENT")
        return {str(e["DESCRIPTION"]).split()[2] for e in events}
    text = response.content.decode("utf-8-sig")
    return {w for w in ("ti-8401", "ti-8402", "ti-2701") if w in text}


@pytest.mark.parametrize("name", FORMATS)
def test_generation_and_region_filters_on_every_format(calendar, client, name):
    everything = {"ti-8401", "ti-8402", "ti-2701"}
    assert _identifiers(client, name) == everything
    assert _identifiers(client, name, generation="2023-2027") == everything
    assert _identifiers(client, name, generation="2018-2022") == set()
    assert _identifiers(client, name, region="84") == {"ti-8401", "ti-8402"}
    assert _identifiers(client, name, region="27", generation="2023-2027") == {"ti-2701"}


def test_unscheduled_contracts_have_no_event(world, client):
    cal = Calendar.from_ical(client.get(reverse("calendar-ics")).content)
    assert cal.walk("VEVENT") == []
    html = client.get(reverse("calendar")).content.decode()
    unscheduled = html.split('id="unscheduled"')[1].split("</section>")[0]
    assert "ti-8401" in unscheduled and "ti-2701" in unscheduled


def test_file_headers(calendar, client):
    ics = client.get(reverse("calendar-ics"), {"region": "27"})
    assert ics["Content-Disposition"] == 'inline; filename="signatures-27.ics"'
    csv = client.get(reverse("calendar-csv"))
    assert csv["Content-Type"].startswith("text/csv")
    assert 'filename="signatures.csv"' in csv["Content-Disposition"]
    assert csv.content.startswith(b"\xef\xbb\xbf")
    header = csv.content.decode("utf-8-sig").split("\r\n")[0].split(";")
    assert header[:8] == [
        "génération",
        "identifiant",
        "territoire",
        "régions",
        "état du contrat",
        "calendrier",
        "signature prévue le",
        "signé le",
    ]


def test_ics_links_to_the_contract_page_on_the_site(calendar, client, settings):
    settings.TIPILOT_SITE_URL = "https://tipilot.example.gouv.fr"
    cal = Calendar.from_ical(client.get(reverse("calendar-ics")).content)
    urls = {str(e["UID"]): str(e["URL"]) for e in cal.walk("VEVENT")}
    pk = calendar.contract.pk
    assert urls[f"contract-{pk}@tipilot"] == (
        "https://tipilot.example.gouv.fr" + reverse("contract-detail", args=[pk])
    )
    assert "ti-2701" not in str(cal["X-WR-CALNAME"]) and "Territoires" in str(cal["X-WR-CALNAME"])


def test_page_links_territories_contracts_and_exports(calendar, client):
    html = client.get(reverse("calendar"), {"region": "84"}).content.decode()
    territory = reverse("territory-detail", args=["ti-8401"]) + "?generation=2023-2027"
    assert f'href="{territory}"' in html
    assert f'href="{reverse("contract-detail", args=[calendar.contract.pk])}"' in html
    assert f'href="{reverse("calendar-ics")}?region=84"' in html
    assert f'href="{reverse("calendar-csv")}?region=84"' in html
    assert '<option value="84" selected>' in html


@pytest.mark.parametrize("name", FORMATS)
def test_no_personal_data_in_public(calendar, client, name):
    representative = PersonFactory(first_name="Élise", last_name="Confidentielle")
    Signatory.objects.create(
        contract=calendar.contract,
        organisation=OrganisationFactory(),
        representative=representative,
    )
    body = client.get(reverse(name)).content.decode("utf-8-sig")
    assert "Confidentielle" not in body and representative.email not in body
