"""The France Expérimentation API: published requests only, search and filters."""

import pytest

from tests.api.v1.test_schema import assert_matches_schema
from tests.experimentation.factories import DerogationFactory
from tests.querycount import queries_for
from tipilot.experimentation.enums import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests_(world):
    return world, [
        DerogationFactory(
            territory=world.t1,
            title="Hauteur",
            theme=Theme.URBANISM,
            rule="Hauteur maximale des bâtiments",
        ),  # fmt: skip
        DerogationFactory(territory=world.t3, title="Raccordement", theme=Theme.ENERGY),
        DerogationFactory(territory=world.t1, title="Caché", is_public=False),
    ]


def test_only_published_requests_even_for_the_national_team(client, requests_):
    world, rows = requests_
    for user in (None, world.national):
        if user:
            client.force_login(user)
        data = client.get("/api/v1/derogations/").json()
        assert sorted(d["title"] for d in data["results"]) == ["Hauteur", "Raccordement"]
        assert client.get(f"/api/v1/derogations/{rows[2].pk}/").status_code == 404


def test_detail(get_json, requests_):
    world, rows = requests_
    data = get_json(f"/api/v1/derogations/{rows[0].pk}/")
    assert data["theme"] == "urbanism" and data["theme_label"] == "Urbanisme"
    assert data["territory"] == "ti-8401" and data["regions"] == ["84"]
    assert data["legal_reference"] == "Code de l'environnement, art. R. 512-46-4"


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"q": "batiments hauteur"}, ["Hauteur"]),
        ({"theme": "energy"}, ["Raccordement"]),
        ({"region": "27"}, ["Raccordement"]),
        ({"territory": "ti-8401"}, ["Hauteur"]),
        ({"status": "refused"}, []),
    ],
)
def test_filters(get_json, requests_, params, titles):
    data = get_json("/api/v1/derogations/", **params)
    assert [d["title"] for d in data["results"]] == titles


def test_bad_filter_is_a_400(client, requests_):
    assert client.get("/api/v1/derogations/?theme=astrologie").status_code == 400


def test_answers_match_the_schema(openapi, client, rf, requests_):
    world, rows = requests_
    assert_matches_schema(openapi, client, rf, "/api/v1/derogations/")
    assert_matches_schema(openapi, client, rf, f"/api/v1/derogations/{rows[0].pk}/")


def test_queries_do_not_grow(client, world):
    DerogationFactory.create_batch(2, territory=world.t1)
    first = queries_for(client, "/api/v1/derogations/")
    DerogationFactory.create_batch(20, territory=world.t3)
    DerogationFactory.create_batch(5, territory=None)
    assert queries_for(client, "/api/v1/derogations/") == first
