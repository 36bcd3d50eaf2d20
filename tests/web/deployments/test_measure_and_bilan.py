"""Deployments against targets on the measure's page, in the bilan page and in the bilan API."""

import pytest

from tests.actions.factories import measure
from tests.deployments.conftest import commune_of
from tests.deployments.factories import DeploymentFactory, ensure_targets
from tipilot.deployments.enums import DeploymentKind as K
from tipilot.deployments.enums import DeploymentStatus as S

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(world):
    ensure_targets()
    a1, a3 = commune_of(world.t1), commune_of(world.t3)
    for wave, status, commune, territory in (
        (1, S.OPEN, a1, world.t1),
        (1, S.LABELLED, a3, world.t3),
        (2, S.OPEN, a1, world.t1),
        (None, S.PROJECT, a1, world.t1),
    ):
        DeploymentFactory(wave=wave, status=status, commune=commune, territory=territory)
    DeploymentFactory(kind=K.PRODUCTION_SCHOOL, commune=a3, territory=world.t3)
    DeploymentFactory.create_batch(3, kind=K.VTE, commune=a1, territory=world.t1)
    DeploymentFactory(kind=K.VTE, status=S.CLOSED, commune=a3, territory=world.t3)
    return world


def test_measure_page_shows_its_registry_against_its_target(client, registry):
    html = client.get(f"/mesures/{measure('antennes-cnam').pk}/").content.decode()
    assert 'id="measure-deployments-counted">3</strong>' in html
    assert 'id="measure-deployments-target">100</span>' in html
    assert "vague 1 : 2 · vague 2 : 1 · vague 3 : 0" in html
    assert "4 inscrits au registre" in html
    assert 'href="/deploiements/?type=cnam_antenna" id="measure-deployments-link"' in html
    vte = client.get(f"/mesures/{measure('vte').pk}/").content.decode()
    assert 'id="measure-deployments-counted">4</strong>' in vte
    other = client.get(f"/mesures/{measure('fonds-acceleration').pk}/").content.decode()
    assert 'id="measure-deployments"' not in other


def _row(html: str, kind: str) -> str:
    start = html.index(f'<tr data-kind="{kind}">')
    return html[start : html.index("</tr>", start)]


def test_bilan_section(client, registry):
    html = client.get("/bilan/").content.decode()
    assert 'id="table-deployments"' in html
    cnam = _row(html, "cnam_antenna")
    assert '<td class="tp-num">3</td><td class="tp-num">100</td><td class="tp-num">3 %</td>' in cnam
    assert "(vagues : 2 / 1 / 0)" in cnam
    vte = _row(html, "vte")
    assert '<td class="tp-num">4</td><td class="tp-num">1\xa0000</td>' in vte
    assert '<td class="tp-num">0 %</td>' in vte
    region = client.get("/bilan/?region=27").content.decode()
    assert "cette région seulement" in region
    assert '<td class="tp-num">1</td><td class="tp-num">100</td>' in _row(region, "cnam_antenna")
    school = _row(region, "production_school")
    assert '<td class="tp-num">1</td><td class="tp-num">35</td>' in school
    territory = client.get("/territoires/ti-8401/bilan/").content.decode()
    assert '<td class="tp-num">2</td><td class="tp-num">100</td>' in _row(territory, "cnam_antenna")


def test_bilan_api(client, registry):
    data = client.get("/api/v1/bilan/?region=84").json()
    counted = {d["kind"]: (d["counted"], d["target"]) for d in data["deployments"]}
    assert counted == {"cnam_antenna": (2, 100), "production_school": (0, 35), "vte": (3, 1000)}
    national = client.get("/api/v1/bilan/").json()["deployments"]
    assert [d["counted"] for d in national] == [3, 1, 4]


def test_a_frozen_bilan_keeps_its_deployments_as_they_were(client, registry):
    from tipilot.analytics.models import BilanSnapshot
    from tipilot.analytics.services import bilan_freeze, bilan_publish

    snapshot = bilan_publish(snapshot=bilan_freeze(by=registry.national), by=registry.national)
    DeploymentFactory.create_batch(5, commune=commune_of(registry.t1), territory=registry.t1)
    client.force_login(registry.national)
    html = client.get(f"/bilan/arretes/{snapshot.pk}/").content.decode()
    assert '<td class="tp-num">3</td><td class="tp-num">100</td>' in _row(html, "cnam_antenna")
    assert '<td class="tp-num">8</td><td class="tp-num">100</td>' in _row(
        client.get("/bilan/").content.decode(), "cnam_antenna"
    )
    csv = client.get(f"/bilan/arretes/{snapshot.pk}/bilan.csv").content.decode("utf-8-sig")
    lines = [line for line in csv.splitlines() if line.startswith("Déploiements")]
    assert len(lines) == 9 and "Antenne du Cnam" in lines[0] and lines[0].endswith("3")
    api = client.get(f"/api/v1/bilans/{snapshot.pk}/").json()
    assert [d["counted"] for d in api["figures"]["deployments"]] == [3, 1, 4]
    # A bilan frozen before deployments were recorded shows no such section.
    BilanSnapshot.objects.filter(pk=snapshot.pk).update(
        figures={k: v for k, v in snapshot.figures.items() if k != "deployments"}
    )
    html = client.get(f"/bilan/arretes/{snapshot.pk}/").content.decode()
    assert 'id="table-deployments"' not in html
