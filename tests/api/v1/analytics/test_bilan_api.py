"""The bilan through the API: the same figures as the page, same filters, published bilans."""

import pytest

from tests.actions.factories import ActionFactory, FundingLineFactory
from tests.api.v1.test_schema import assert_matches_schema
from tests.querycount import queries_for
from tipilot.actions import services as actions
from tipilot.analytics.deployments import bilan_deployments
from tipilot.analytics.selectors import bilan_figures
from tipilot.analytics.services import bilan_freeze, bilan_publish

pytestmark = pytest.mark.django_db


def test_national_bilan_is_the_selector_s(client, world, bilan_data):
    data = client.get("/api/v1/bilan/").json()
    assert data == {**bilan_figures(), "deployments": bilan_deployments()}
    assert data["actions"]["total"] == 4
    assert data["money"]["total"]["committed"] == 145000.0
    assert data["targets"] == []
    first = client.get("/api/v1/bilan/", {"generation": "2018-2022"}).json()
    assert {t["code"] for t in first["targets"]} >= {"fund-projects"}


def test_filters(client, world, bilan_data):
    region = client.get("/api/v1/bilan/", {"region": "84"}).json()
    assert region["scope"]["level"] == "region" and region["actions"]["total"] == 2
    territory = client.get("/api/v1/bilan/", {"territory": "ti-2701"}).json()
    assert territory["scope"]["territory"]["identifier"] == "ti-2701"
    assert territory["jobs"]["planned"] == 7 and territory["breakdown"] is None
    first = client.get("/api/v1/bilan/", {"generation": "2018-2022"}).json()
    assert first["actions"]["total"] == 0


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"region": "99"}, "region", "Région inconnue : « 99 »."),
        ({"generation": "2050"}, "generation", "Génération inconnue : « 2050 »."),
        ({"territory": "ti-0000"}, "territory", "Territoire inconnu : « ti-0000 »."),
        (
            {"territory": "ti-2701", "region": "27"},
            "region",
            "Choisissez une région ou un territoire, pas les deux.",
        ),
    ],
)
def test_bad_filters_answer_400_in_french(client, world, params, field, message):
    response = client.get("/api/v1/bilan/", params)
    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_published_bilans(client, world, bilan_data):
    draft = bilan_freeze(by=world.national)
    published = bilan_publish(
        snapshot=bilan_freeze(by=world.pilot, region=world.region_a), by=world.pilot
    )
    listing = client.get("/api/v1/bilans/").json()
    assert listing["count"] == 1
    row = listing["results"][0]
    assert row["id"] == published.pk and row["region"] == "84" and row["level"] == "region"
    assert "figures" not in row
    assert client.get("/api/v1/bilans/", {"region": "27"}).json()["count"] == 0
    assert client.get("/api/v1/bilans/", {"level": "region"}).json()["count"] == 1
    assert client.get(f"/api/v1/bilans/{draft.pk}/").status_code == 404
    detail = client.get(f"/api/v1/bilans/{published.pk}/").json()
    assert detail["figures"]["actions"]["total"] == 2
    actions.action_update(action=bilan_data.a1, version=None, by=world.national, title="Autre")
    ActionFactory(territory=world.t1)
    again = client.get(f"/api/v1/bilans/{published.pk}/").json()
    assert again["figures"] == detail["figures"]


def test_published_bilans_are_read_only(client, world, bilan_data):
    published = bilan_publish(snapshot=bilan_freeze(by=world.national), by=world.national)
    client.force_login(world.national)
    assert client.post("/api/v1/bilans/", {}).status_code == 405
    assert client.patch(f"/api/v1/bilans/{published.pk}/", {}).status_code == 405
    assert client.delete(f"/api/v1/bilans/{published.pk}/").status_code == 405


@pytest.mark.parametrize("url", ["/api/v1/bilan/", "/api/v1/bilan/?region=84", "/api/v1/bilans/"])
def test_queries_do_not_grow_with_the_data(client, world, url):
    def add(count):
        for territory in (world.t1, world.t2, world.t3):
            for _ in range(count):
                FundingLineFactory(action=ActionFactory(territory=territory))
        bilan_publish(snapshot=bilan_freeze(by=world.national), by=world.national)

    add(1)
    first = queries_for(client, url)
    add(10)
    assert queries_for(client, url) == first


@pytest.mark.parametrize(
    "url",
    ["/api/v1/bilan/", "/api/v1/bilan/?region=84", "/api/v1/bilan/?territory=ti-8401"],
)
def test_answers_match_the_schema(openapi, client, rf, world, bilan_data, url):
    assert_matches_schema(openapi, client, rf, url)


def test_snapshot_answers_match_the_schema(openapi, client, rf, world, bilan_data):
    published = bilan_publish(snapshot=bilan_freeze(by=world.national), by=world.national)
    assert_matches_schema(openapi, client, rf, "/api/v1/bilans/")
    assert_matches_schema(openapi, client, rf, f"/api/v1/bilans/{published.pk}/")
