"""The territory page's « what the programme brought here » block, on known data."""

from decimal import Decimal

from tests.calls.factories import ApplicationFactory
from tests.deployments.factories import DeploymentFactory
from tests.experimentation.factories import DerogationFactory
from tests.sites.factories import catalogue, commune_of
from tipilot.analytics.reach import territory_reach
from tipilot.calls.enums import ApplicationStatus
from tipilot.deployments.enums import DeploymentKind
from tipilot.experimentation.enums import RequestStatus


def test_reach_counts_sites_deployments_and_laureates_of_the_territory(
    world, django_assert_num_queries
):
    catalogue(world)  # ti-8401: parc des forges (ready, 40 ha available)
    commune = commune_of(world.t1)
    DeploymentFactory(commune=commune, territory=world.t1)
    DeploymentFactory(commune=commune, territory=world.t1, kind=DeploymentKind.VTE)
    DeploymentFactory(commune=commune_of(world.t3), territory=world.t3)
    for status, granted in ((ApplicationStatus.LAUREATE, 150_000), (ApplicationStatus.REJECTED, 0)):
        ApplicationFactory(
            territory=world.t1, status=status, amount_granted=Decimal(granted) or None
        )
    DerogationFactory(territory=world.t1)
    DerogationFactory(territory=world.t1, status=RequestStatus.REFUSED, answer="Non.")
    DerogationFactory(
        territory=world.t1, status=RequestStatus.SUBMITTED, answer="", answered_on=None
    )
    DerogationFactory(territory=world.t1, is_public=False)  # not published: not counted
    DerogationFactory(territory=world.t3)
    with django_assert_num_queries(4):
        reach = territory_reach(world.t1)
    assert reach["sites"] == {"count": 1, "ready": 1, "hectares": Decimal(40)}
    counts = {row["kind"]: row["count"] for row in reach["deployments"]}
    assert counts == {"production_school": 0, "cnam_antenna": 1, "vte": 1}
    assert reach["laureates"] == {"count": 1, "granted": Decimal(150_000)}
    assert reach["derogations"] == {"count": 3, "answered": 2, "accepted": 1}
    assert territory_reach(world.t1, user=world.national)["derogations"]["count"] == 4


def test_territory_page_shows_the_block(client, world):
    catalogue(world)
    page = client.get(f"/territoires/{world.t1.identifier}/").content.decode()
    assert "Sites clés en main" in page and "1 site, dont 1 prêt" in page
    assert "Aucun lauréat pour l'instant." in page
    assert f"/appels/laureats/?territoire={world.t1.identifier}" in page
    assert f"/sites/?territoire={world.t1.identifier}" in page
    assert "Aucune demande de dérogation publiée." in page
    assert f"/france-experimentation/?territoire={world.t1.identifier}" in page
