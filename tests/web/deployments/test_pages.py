"""The deployments pages: registry with filters, targets and map source; detail; edit pages."""

import datetime as dt
import json

import pytest

from tests.deployments.conftest import commune_of
from tests.deployments.factories import DeploymentFactory, ensure_targets
from tests.querycount import queries_for
from tipilot.deployments.enums import DeploymentKind as K
from tipilot.deployments.enums import DeploymentStatus as S
from tipilot.deployments.models import Deployment

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(world):
    ensure_targets()
    a1, a3 = commune_of(world.t1), commune_of(world.t3)
    DeploymentFactory(name="Antenne d'Alpha", commune=a1, territory=world.t1)
    DeploymentFactory(name="Antenne de Bêta", commune=a3, territory=world.t3, wave=2,
                      status=S.LABELLED)  # fmt: skip
    DeploymentFactory(name="École de Gamma", kind=K.PRODUCTION_SCHOOL, commune=a3,
                      territory=world.t3)  # fmt: skip
    DeploymentFactory(name="VTE Delta", kind=K.VTE, commune=a1, territory=world.t1)
    return world


def test_registry_shows_counts_against_targets_map_and_table(client, registry):
    html = client.get("/deploiements/").content.decode()
    assert 'id="deployment-count">4 déploiements.' in html
    assert 'data-kind="cnam_antenna"' in html
    assert '<strong class="fr-h4 tp-counted">2</strong> / <span class="tp-target">100' in html
    assert '<progress class="tp-progress" max="100" value="2"' in html
    assert 'data-src="/api/v1/deployments.geojson"' in html
    assert "Antenne de Bêta" in html and "VTE Delta" in html
    assert "Nouveau déploiement" not in html


def test_filters_narrow_table_counts_and_map(client, registry):
    html = client.get("/deploiements/?type=cnam_antenna&region=27&vague=2").content.decode()
    assert 'id="deployment-count">1 déploiement.' in html
    assert "Antenne de Bêta" in html and "Antenne d&#x27;Alpha" not in html
    api = "/api/v1/deployments.geojson?kind=cnam_antenna&amp;region=27&amp;wave=2"
    assert f'data-src="{api}"' in html
    # counts against targets follow the region, not the kind
    assert '<strong class="fr-h4 tp-counted">1</strong> / <span class="tp-target">35</span>' in html


def test_bad_filters_answer_400_in_french(client, registry):
    response = client.get("/deploiements/?territoire=8401&vague=7")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Identifiant de territoire attendu, ex. ti-8401." in html
    assert "Sélectionnez un choix valide" in html


def test_detail(client, registry):
    school = Deployment.objects.get(name="École de Gamma")
    html = client.get(f"/deploiements/{school.pk}/").content.decode()
    assert "École de production" in html and "Territoire ti-2701" in html
    assert "Modifier" not in html and "Historique" not in html
    assert client.get("/deploiements/999999/").status_code == 404


def test_pilot_registers_edits_and_opens_a_school(client, registry):
    world = registry
    client.force_login(world.pilot)
    assert "Nouveau déploiement" in client.get("/deploiements/").content.decode()
    response = client.post("/deploiements/nouveau/", {
        "kind": "production_school", "name": "École de production de test",
        "commune": commune_of(world.t1).insee_code, "status": "labelled",
        "labelled_on": "2022-01-10",
    })  # fmt: skip
    school = Deployment.objects.get(name="École de production de test")
    assert response.status_code == 302 and response.url == f"/deploiements/{school.pk}/"
    assert school.territory == world.t1 and school.latitude is not None
    response = client.post(f"/deploiements/{school.pk}/modifier/", {
        "name": "École de production renommée", "commune": school.commune.insee_code,
        "headcount": "24",
    })  # fmt: skip
    assert response.status_code == 302
    response = client.post(
        f"/deploiements/{school.pk}/etape/", {"name": "open", "open-name": "open",
                                             "open-on": "2022-09-01"}
    )  # fmt: skip
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.name == "École de production renommée"
    assert (school.headcount, school.status) == (24, S.OPEN)
    assert school.opened_on == dt.date(2022, 9, 1)
    html = client.get(f"/deploiements/{school.pk}/").content.decode()
    assert "Historique des modifications (3)" in html and 'id="transition-close"' in html


def test_bad_input_is_shown_in_french(client, registry):
    world = registry
    client.force_login(world.national)
    response = client.post("/deploiements/nouveau/", {
        "kind": "cnam_antenna", "name": "Antenne", "commune": "00000", "status": "open",
    })  # fmt: skip
    assert response.status_code == 400
    assert "Aucune commune n&#x27;a le code INSEE « 00000 »." in response.content.decode()
    response = client.post("/deploiements/nouveau/", {
        "kind": "cnam_antenna", "name": "Antenne", "commune": commune_of(world.t1).insee_code,
        "status": "open", "opened_on": "2022-01-01", "latitude": "45.1",
    })  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 400
    assert "Indiquez la latitude et la longitude, ou aucune des deux." in html
    response = client.post("/deploiements/nouveau/", {
        "kind": "cnam_antenna", "name": "Antenne", "commune": commune_of(world.t1).insee_code,
        "status": "open", "opened_on": "2022-01-01",
    })  # fmt: skip
    assert response.status_code == 400
    assert "Indiquez la vague de l&#x27;AMI de cette antenne." in response.content.decode()
    antenna = Deployment.objects.get(name="Antenne d'Alpha")
    response = client.post(f"/deploiements/{antenna.pk}/etape/", {"name": "label"})
    assert response.status_code == 400
    response = client.post(f"/deploiements/{antenna.pk}/etape/", {"name": "explode"})
    assert response.status_code == 400 and "Transition inconnue" in response.content.decode()


@pytest.mark.parametrize(
    ("user", "create", "edit_84", "edit_27"),
    [
        ("national", 200, 200, 200),
        ("pilot", 200, 200, 403),
        ("instructor", 200, 403, 403),  # Bpifrance: VTE only
        ("team", 403, 403, 403),
        ("copil", 403, 403, 403),
        ("nobody", 403, 403, 403),
    ],
)
def test_who_reaches_the_edit_pages(client, registry, user, create, edit_84, edit_27):
    client.force_login(getattr(registry, user))
    alpha = Deployment.objects.get(name="Antenne d'Alpha")
    beta = Deployment.objects.get(name="Antenne de Bêta")
    assert client.get("/deploiements/nouveau/").status_code == create
    assert client.get(f"/deploiements/{alpha.pk}/modifier/").status_code == edit_84
    assert client.get(f"/deploiements/{beta.pk}/modifier/").status_code == edit_27


def test_anonymous_is_sent_to_login(client, registry):
    response = client.get("/deploiements/nouveau/")
    assert response.status_code == 302 and "/comptes/connexion/" in response.url


@pytest.mark.parametrize("url", ["/deploiements/", "/deploiements/?type=vte&region=84"])
def test_list_queries_do_not_grow(client, world, url):
    ensure_targets()

    def add(count):
        for territory in (world.t1, world.t2, world.t3):
            for kind in K.values:
                DeploymentFactory.create_batch(count, kind=kind, commune=commune_of(territory),
                                               territory=territory)  # fmt: skip

    add(1)
    first = queries_for(client, url)
    add(10)
    assert queries_for(client, url) == first


def test_downloads(client, registry):
    response = client.get("/deploiements/deploiements.csv?type=cnam_antenna")
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("\ufeffidentifiant;type;nom;statut;vague")
    assert body.count("\r\n") == 3 and "Antenne de Bêta;Labellisé;2" in body
    rows = json.loads(b"".join(client.get("/deploiements/deploiements.json").streaming_content))
    assert len(rows) == 4 and {r["kind"] for r in rows} >= {"Antenne du Cnam"}
    xlsx = client.get("/deploiements/deploiements.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert b"".join(xlsx.streaming_content)[:2] == b"PK"
    geo = json.loads(client.get("/deploiements/deploiements.geojson?type=vte").content)
    assert len(geo["features"]) == 1
    bad = client.get("/deploiements/deploiements.csv?territoire=nope")
    assert bad.status_code == 400 and "Filtres invalides" in bad.content.decode()


def test_exports_page_links_the_files(client, registry):
    html = client.get("/exports/").content.decode()
    assert "/deploiements/deploiements.geojson" in html
    assert "/france-experimentation/france-experimentation.csv" in html


def test_nav_links(client, db):
    html = client.get("/deploiements/").content.decode()
    assert 'href="/deploiements/" aria-current="page">Déploiements</a>' in html
    assert 'href="/france-experimentation/" >France Expérimentation</a>' in html
