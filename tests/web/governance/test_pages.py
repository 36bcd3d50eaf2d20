"""COPIL and team pages: public record, private details, forms that say what is wrong."""

import datetime as dt

from django.test import Client
from django.urls import reverse

from tests.governance.factories import PersonFactory, RoleFactory
from tipilot.governance.enums import RoleKind
from tipilot.governance.services import copil_decision_add, copil_meeting_save

DAY = dt.date(2024, 6, 3)


def _meeting(world):
    member = PersonFactory(first_name="Marc", last_name="Présent", email="marc@example.org")
    meeting = copil_meeting_save(
        by=world.pilot,
        region=world.region_a,
        date=DAY,
        agenda="Validation des contrats",
        members_present=[member],
    )
    copil_decision_add(
        meeting=meeting, kind="composition_change", territory=world.t1,
        text="Entrée de la CC du Val", by=world.pilot,
    )  # fmt: skip
    return meeting


def test_copil_public_page_hides_members(world, client):
    meeting = _meeting(world)
    html = client.get(reverse("copil-detail", args=[meeting.pk])).content.decode()
    assert "Validation des contrats" in html and "Entrée de la CC du Val" in html
    assert "Marc Présent" not in html
    client.force_login(world.copil)
    html = client.get(reverse("copil-detail", args=[meeting.pk])).content.decode()
    assert "Marc Présent" in html
    assert 'id="decision-form"' not in html  # a COPIL member reads, the pilot records
    client.force_login(world.pilot)
    assert (
        'id="decision-form"'
        in client.get(reverse("copil-detail", args=[meeting.pk])).content.decode()
    )


def test_copil_list_filters_by_region(world, client):
    _meeting(world)
    html = client.get(reverse("copil-list"), {"region": "27"}).content.decode()
    assert "Aucune réunion" in html
    html = client.get(reverse("copil-list"), {"region": "84"}).content.decode()
    assert "03/06/2024" in html


def test_meeting_form_reports_a_non_pdf_minutes(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.pilot)
    response = client.post(
        reverse("copil-create"),
        {
            "region": world.region_a.pk,
            "date": "2024-06-03",
            "agenda": "x",
            "minutes": SimpleUploadedFile("cr.pdf", b"GIF89a"),
        },
    )
    assert response.status_code == 400
    assert "n&#x27;est pas un PDF" in response.content.decode()


def test_team_page_public_and_private(world, client):
    RoleFactory(
        kind=RoleKind.BINOME_INDUSTRIAL, territory=world.t1,
        person=PersonFactory(first_name="Ivan", last_name="Industriel"),
    )  # fmt: skip
    world.binome.person.public_office = True
    world.binome.person.save()
    url = reverse("territory-team", args=[world.t1.identifier])
    html = client.get(url).content.decode()
    assert str(world.binome.person) in html
    assert "Ivan Industriel" not in html and "@" not in html.split("<main")[1].split("</main>")[0]
    client.force_login(world.team)
    html = client.get(url).content.decode()
    assert "Ivan Industriel" in html and world.binome.email in html
    assert 'id="role-form"' not in html
    client.force_login(world.pilot)
    assert 'id="role-form"' in client.get(url).content.decode()


def test_territory_page_shows_contract_and_binome(world, client):
    world.binome.person.public_office = True
    world.binome.person.save()
    url = reverse("territory-detail", args=[world.t1.identifier])
    html = client.get(url).content.decode()
    assert world.contract.title in html and str(world.binome.person) in html
    assert (
        "Créer le contrat"
        not in Client()
        .get(reverse("territory-detail", args=[world.t2.identifier]))
        .content.decode()
    )
    client.force_login(world.pilot)
    html = client.get(reverse("territory-detail", args=[world.t2.identifier])).content.decode()
    assert "Créer le contrat" in html


def test_role_form_rejects_dates_in_the_wrong_order(world, client):
    client.force_login(world.pilot)
    response = client.post(
        reverse("territory-role-add", args=[world.t1.identifier]),
        {
            "person": PersonFactory().pk,
            "kind": "project_lead",
            "start_on": "2024-06-01",
            "end_on": "2024-01-01",
        },
    )
    assert response.status_code == 400
    assert "La date de fin précède la date de début" in response.content.decode()


def test_organisation_form_rejects_a_bad_siren(world, client):
    client.force_login(world.national)
    response = client.post(
        reverse("organisations"), {"name": "X", "kind": "firm", "siren": "123456789"}
    )
    assert response.status_code == 400
    assert "clé de contrôle" in response.content.decode()


def test_region_team_page_pilot_names_copil_members_only(world, client):
    url = reverse("region-team", args=["84"])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(world.copil)
    html = client.get(url).content.decode()
    assert str(world.pilot.person) in html and 'id="role-form"' not in html
    client.force_login(world.pilot)
    person = PersonFactory()
    response = client.post(
        url, {"person": person.pk, "kind": "regional_pilot", "start_on": "2024-01-01"}
    )
    assert response.status_code == 400  # a pilot does not appoint pilots
    response = client.post(
        url, {"person": person.pk, "kind": "copil_member", "start_on": "2024-01-01"}
    )
    assert response.status_code == 302
    assert person.roles.get().region == world.region_a


def test_national_team_page_is_for_the_national_team(world, client):
    client.force_login(world.pilot)
    assert client.get(reverse("national-team")).status_code == 403
    client.force_login(world.national)
    html = client.get(reverse("national-team")).content.decode()
    assert str(world.instructor.person) in html and "Bpifrance" in html
    response = client.post(
        reverse("national-team"),
        {"person": PersonFactory().pk, "kind": "national_team", "operator": world.operator.pk,
         "start_on": "2024-01-01"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "ne s&#x27;exerce pas dans ce périmètre" in response.content.decode()


def test_copil_list_is_newest_first(world, client):
    for day in (dt.date(2023, 1, 5), dt.date(2025, 2, 1), dt.date(2024, 7, 9)):
        copil_meeting_save(by=world.pilot, region=world.region_a, date=day, agenda="x")
    html = client.get(reverse("copil-list")).content.decode()
    positions = [html.index(d) for d in ("01/02/2025", "09/07/2024", "05/01/2023")]
    assert positions == sorted(positions)
