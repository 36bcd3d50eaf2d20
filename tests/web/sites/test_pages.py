"""The sites pages: catalogue with filters and map source, detail, enquiry form, waves,
create and edit, and the downloads."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.sites.factories import CONTACT, catalogue, commune_of
from tipilot.sites.models import Enquiry, Site


@pytest.fixture
def data(world):
    return catalogue(world)


def cards(response) -> list[str]:
    return [s.slug for s in response.context["page_obj"]]


def test_catalogue_lists_sites_with_figures_and_map_source(client, data):
    response = client.get("/sites/")
    assert response.status_code == 200
    assert sorted(cards(response)) == ["parc-des-forges", "site-du-morvan", "zone-de-la-gare"]
    assert response.context["figures"] == {"count": 3, "ready": 2, "hectares": Decimal(48)}
    body = response.content.decode()
    assert 'id="sites-map"' in body and 'data-src="/api/v1/sites.geojson"' in body
    assert "Sites clés en main" in body and CONTACT not in body and "Claire" not in body


def test_catalogue_filters_and_hands_them_to_the_map(client, data):
    url = "/sites/?region=84&acces=rail&reseau=gas&pret=true&surface_min=10"
    response = client.get(url)
    assert cards(response) == ["parc-des-forges"]
    src = response.context["geojson_url"]
    assert src.startswith("/api/v1/sites.geojson?")  # under the API's names
    assert "access=rail" in src and "utility=gas" in src and "ready=true" in src
    geojson = client.get(src).json()
    assert [f["properties"]["slug"] for f in geojson["features"]] == ["parc-des-forges"]
    assert 'id="site-count">1<' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("disponible=true", ["parc-des-forges"]),
        ("vague=2020-07", ["zone-de-la-gare"]),
        ("territoire=ti-2701", ["site-du-morvan"]),
        ("q=morvan", ["site-du-morvan"]),
        ("statut=withdrawn", ["ancien-site"]),
        ("surface_max=8&region=84", ["zone-de-la-gare"]),
    ],
)
def test_catalogue_filters(client, data, query, expected):
    assert cards(client.get(f"/sites/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("surface_min=beaucoup", "Saisissez un nombre."),
        ("surface_min=-1", "supérieure ou égale à 0"),
        ("surface_min=20&surface_max=10", "Le maximum doit être supérieur ou égal au minimum."),
        ("territoire=8401", "Identifiant de territoire attendu"),
        ("acces=teleport", "Sélectionnez un choix valide"),
    ],
)
def test_bad_filters_are_explained_in_french(client, data, query, message):
    response = client.get(f"/sites/?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and 'id="filter-errors"' in body
    assert cards(response) == []
    map_data = client.get(response.context["geojson_url"])  # the map shows no site either
    assert map_data.status_code == 400 or map_data.json()["features"] == []


def test_pagination_keeps_the_filters(client, world):
    from tests.sites.factories import SiteFactory

    commune = commune_of(world.t1)
    SiteFactory.create_batch(30, commune=commune, has_rail=True)
    first = client.get("/sites/?acces=rail")
    assert len(cards(first)) == 24 and "acces=rail&page=2" in first.content.decode()
    assert len(cards(client.get("/sites/?acces=rail&page=2"))) == 6


def test_site_page_shows_facts_checklist_and_no_contact(client, data):
    response = client.get("/sites/parc-des-forges/")
    assert response.status_code == 200
    body = response.content.decode()
    for text in ("Parc des Forges", "40 ha disponibles sur 50 ha", "Territoire ti-8401",
                 "Janvier 2020", "Prêt", "Urbanisme (PLU/PLUi compatible)", "Non requise",
                 "Autoroute : oui, à 2,5 km", 'id="enquiry-form"', 'id="site-map"'):  # fmt: skip
        assert text in body, text
    assert CONTACT not in body and "Claire Référente" not in body
    assert 'id="site-private"' not in body
    assert client.get("/sites/inconnu/").status_code == 404


def test_site_page_for_the_pilot_shows_contact_enquiries_and_actions(client, data, world):
    Enquiry.objects.create(
        site=data.forges, name="Ines", email="ines@exemple.fr", company="ACME", message="Bonjour"
    )
    client.force_login(world.pilot)
    body = client.get("/sites/parc-des-forges/").content.decode()
    assert 'id="site-private"' in body and CONTACT in body and "ines@exemple.fr" in body
    assert 'id="transition-market"' in body and 'id="site-edit"' in body
    client.force_login(world.other_pilot)
    assert 'id="site-private"' not in client.get("/sites/parc-des-forges/").content.decode()


ENQUIRY = {
    "name": "Ines Investisseuse",
    "company": "Usine Exemple SAS",
    "email": "ines@usine-exemple.fr",
    "message": "Nous cherchons 10 ha.",
    "consent": "on",
}


def test_enquiry_form_sends_and_thanks_without_the_contact_address(client, data, mailoutbox):
    response = client.post("/sites/parc-des-forges/contact/", ENQUIRY, follow=True)
    assert response.redirect_chain[-1][0] == "/sites/parc-des-forges/#contact"
    body = response.content.decode()
    assert "Votre message a été transmis au référent du site" in body
    assert CONTACT not in body
    [mail] = mailoutbox
    assert mail.to == [CONTACT] and mail.reply_to == ["Ines Investisseuse <ines@usine-exemple.fr>"]
    assert Enquiry.objects.get().company == "Usine Exemple SAS"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"email": "ines"}, "email", "Saisissez une adresse e-mail valide."),
        ({"name": ""}, "name", "Ce champ est obligatoire."),
        ({"message": ""}, "message", "Ce champ est obligatoire."),
        ({"consent": ""}, "consent", "Cochez la case pour que votre demande"),
    ],
)
def test_enquiry_form_errors(client, data, mailoutbox, change, field, message):
    post = {k: v for k, v in {**ENQUIRY, **change}.items() if v}
    response = client.post("/sites/parc-des-forges/contact/", post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert field in response.context["form"].errors
    assert not Enquiry.objects.exists() and not mailoutbox


def test_enquiry_honeypot_looks_like_success(client, data, mailoutbox):
    response = client.post(
        "/sites/parc-des-forges/contact/", {**ENQUIRY, "website": "http://spam"}, follow=True
    )
    assert "Votre message a été transmis" in response.content.decode()
    assert not Enquiry.objects.exists() and not mailoutbox


def test_enquiry_rate_limit_message(client, data, mailoutbox):
    for _ in range(5):
        client.post("/sites/parc-des-forges/contact/", ENQUIRY)
    response = client.post("/sites/parc-des-forges/contact/", ENQUIRY)
    assert response.status_code == 400
    assert "réessayer plus tard" in response.content.decode()


def test_withdrawn_site_takes_no_enquiry(client, data):
    body = client.get("/sites/ancien-site/").content.decode()
    assert 'id="no-enquiries"' in body and 'id="enquiry-form"' not in body
    response = client.post("/sites/ancien-site/contact/", ENQUIRY)
    assert response.status_code == 400 and "ne reçoit pas de demandes" in response.content.decode()


def test_waves_page(client, data):
    response = client.get("/sites/vagues/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Janvier 2020" in body and "Juillet 2020" in body and ">127<" in body
    assert 'id="wave-recorded-total">3<' in body


SITE_POST = {
    "name": "Parc Nouveau",
    "surface_total_ha": "30",
    "surface_available_ha": "25",
    "owner_name": "CC du Test",
    "owner_kind": "public",
    "urbanism": "done",
    "archaeology": "done",
    "environment": "not_required",
    "biodiversity": "in_progress",
    "has_rail": "on",
}


def test_create_page_for_the_pilot(client, world, data):
    client.force_login(world.pilot)
    assert client.get("/sites/").context["can_create"]
    commune = commune_of(world.t2)
    response = client.post("/sites/nouveau/", {**SITE_POST, "commune": commune.insee_code})
    site = Site.objects.get(name="Parc Nouveau")
    assert response.status_code == 302 and response.url == f"/sites/{site.slug}/"
    assert site.territory == world.t2 and site.has_rail and not site.is_ready


def test_create_page_refuses_other_regions_and_bad_input(client, world, data):
    client.force_login(world.pilot)
    response = client.post(
        "/sites/nouveau/", {**SITE_POST, "commune": commune_of(world.t3).insee_code}
    )
    assert response.status_code == 403
    response = client.post(
        "/sites/nouveau/",
        {**SITE_POST, "commune": "99999", "surface_available_ha": "40", "latitude": "45"},
    )
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert errors["commune"] == ["Aucune commune n'a le code INSEE « 99999 »."]
    assert errors["longitude"] == ["Indiquez la latitude et la longitude, ou aucune des deux."]
    response = client.post(
        "/sites/nouveau/",
        {**SITE_POST, "commune": commune_of(world.t1).insee_code, "surface_available_ha": "40"},
    )
    assert "ne peut pas dépasser la surface totale" in response.content.decode()


def test_create_needs_a_role(client, world):
    assert client.get("/sites/nouveau/").status_code == 302  # to the login page
    client.force_login(world.team)
    assert client.get("/sites/nouveau/").status_code == 403


def test_edit_and_transition_pages(client, world, data):
    client.force_login(world.pilot)
    form = client.get("/sites/zone-de-la-gare/modifier/").context["form"]
    post = {k: v for k, v in form.initial.items() if v not in (None, False)}
    post.update({name: "done" for name in ("urbanism", "archaeology", "environment",
                                           "biodiversity")})  # fmt: skip
    response = client.post("/sites/zone-de-la-gare/modifier/", post)
    assert response.status_code == 302, response.context["form"].errors
    assert Site.objects.get(slug="zone-de-la-gare").is_ready
    client.post("/sites/zone-de-la-gare/etape/", {"name": "market"})
    assert Site.objects.get(slug="zone-de-la-gare").status == "marketed"
    response = client.post("/sites/zone-de-la-gare/etape/", {"name": "label"}, follow=True)
    assert "pas possible depuis le statut" in response.content.decode()
    assert client.post("/sites/site-du-morvan/etape/", {"name": "withdraw"}).status_code == 403


def test_downloads(client, data):
    response = client.get(reverse("export-sites-csv") + "?region=84")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["référence", "nom", "statut"]
    assert sorted(r[0] for r in rows[1:]) == ["parc-des-forges", "zone-de-la-gare"]
    assert "@" not in text and "Claire" not in text
    records = json.loads(client.get(reverse("export-sites-json")).content)
    forges = next(r for r in records if r["slug"] == "parc-des-forges")
    assert forges["is_ready"] is True and forges["surface_available_ha"] == 40.0
    assert forges["has_motorway"] is True and forges["motorway_km"] == 2.5
    book = load_workbook(io.BytesIO(client.get(reverse("export-sites-xlsx")).getvalue()))
    sheet = book["Sites clés en main"]
    assert sheet.max_row == 4 and sheet["A1"].value == "référence"
    filtered = client.get(reverse("export-sites-json") + "?territoire=ti-2701&acces=port")
    assert [row["slug"] for row in filtered.json()] == ["site-du-morvan"]
    bad = client.get(reverse("export-sites-csv") + "?surface_min=x")
    assert bad.status_code == 400 and "Filtres invalides" in bad.content.decode()


def test_exports_page_links_the_sites_downloads(client, data):
    body = client.get("/exports/?region=84").content.decode()
    assert 'id="export-sites"' in body
    for url in ("/sites/export.csv?region=84", "/sites/export.xlsx?region=84",
                "/sites/export.json?region=84", "/api/v1/sites.geojson?region=84"):  # fmt: skip
        assert url in body, url


def test_main_navigation_has_the_sites(client, db):
    body = client.get("/").content.decode()
    assert 'href="/sites/"' in body and "Sites clés en main" in body
