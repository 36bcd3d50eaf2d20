"""Regions, departments and EPCI on the mini geography (vintages 2021 then 2026)."""

import json

import pytest


def test_regions(get_json, programme):
    regions = get_json("/api/v1/regions/")
    assert regions["count"] == 2
    assert regions["results"] == [
        {
            "url": "http://testserver/api/v1/regions/27/",
            "code": "27",
            "name": "Bourgogne-Franche-Comté",
            "first_vintage": 2021,
            "last_vintage": 2026,
            "dissolved": False,
        },
        {
            "url": "http://testserver/api/v1/regions/84/",
            "code": "84",
            "name": "Auvergne-Rhône-Alpes",
            "first_vintage": 2021,
            "last_vintage": 2026,
            "dissolved": False,
        },
    ]
    assert get_json("/api/v1/regions/84/")["name"] == "Auvergne-Rhône-Alpes"
    assert get_json("/api/v1/regions/", dissolved="true")["count"] == 0


def test_unknown_region_is_404(client, programme):
    assert client.get("/api/v1/regions/99/").status_code == 404


def test_departments_with_their_region(get_json, programme):
    departments = get_json("/api/v1/departments/")["results"]
    assert [(d["code"], d["name"], d["region"]) for d in departments] == [
        ("01", "Ain", "84"),
        ("58", "Nièvre", "27"),
        ("69", "Rhône", "84"),
    ]
    in_84 = get_json("/api/v1/departments/", region="84")["results"]
    assert [d["code"] for d in in_84] == ["01", "69"]
    nievre = get_json("/api/v1/departments/58/")
    assert nievre["url"] == "http://testserver/api/v1/departments/58/"
    assert nievre["region"] == "27"


def test_epci_list(get_json, programme):
    epcis = get_json("/api/v1/epcis/")
    assert epcis["count"] == 6
    beta = epcis["results"][0]
    assert beta == {
        "url": "http://testserver/api/v1/epcis/200000002/",
        "siren": "200000002",
        "name": "CA Beta",
        "kind": "CA",
        "kind_label": "Communauté d'agglomération",
        "population": 18600,
        "commune_count": 3,
        "first_vintage": 2021,
        "last_vintage": 2026,
        "dissolved": False,
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "CA"}, ["CA Beta", "CA Nevers Agglomération"]),
        ({"dissolved": "true"}, ["CC Ancienne"]),
        ({"region": "27"}, ["CA Nevers Agglomération", "CC Sud Nivernais"]),
        ({"department": "69"}, ["CA Beta", "CC Ancienne", "CC Gamma"]),
        ({"q": "nevers"}, ["CA Nevers Agglomération"]),
        ({"kind": "CC", "region": "84", "dissolved": "false"}, ["CC Alpha", "CC Gamma"]),
    ],
)
def test_epci_filters(get_json, programme, params, expected):
    assert [e["name"] for e in get_json("/api/v1/epcis/", **params)["results"]] == expected


def test_epci_region_filter_does_not_multiply_commune_count(get_json, programme):
    in_84 = get_json("/api/v1/epcis/", region="84")["results"]
    assert {e["name"]: e["commune_count"] for e in in_84}["CA Beta"] == 3


def test_unknown_epci_kind_is_rejected(client, programme):
    assert client.get("/api/v1/epcis/", {"kind": "XX"}).status_code == 400


def test_epci_detail_lists_member_communes(get_json, programme):
    beta = get_json("/api/v1/epcis/200000002/")
    assert beta["commune_count"] == 3
    assert beta["communes"] == [
        {
            "insee_code": "01004",
            "siren": "210100046",
            "name": "Ambérieu-en-Bugey",
            "population": 14000,
            "dissolved": False,
        },
        {
            "insee_code": "01005",
            "siren": "210100053",
            "name": "Ambérieux-en-Dombes",
            "population": 1700,
            "dissolved": False,
        },
        {
            "insee_code": "69003",
            "siren": "216900035",
            "name": "Albigny-sur-Saône",
            "population": 2900,
            "dissolved": False,
        },
    ]
    dissolved = get_json("/api/v1/epcis/200000009/")
    assert (dissolved["dissolved"], dissolved["last_vintage"]) == (True, 2021)


def test_regions_geojson_is_the_map_base_layer(get, programme):
    response = get("/api/v1/regions.geojson")
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert [f["properties"] for f in data["features"]] == [
        {"code": "27", "name": "Bourgogne-Franche-Comté"},
        {"code": "84", "name": "Auvergne-Rhône-Alpes"},
    ]
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert feature["geometry"]["coordinates"]
