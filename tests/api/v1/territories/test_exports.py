"""CSV and GeoJSON exports of the territory list: same filters, whole list."""

import csv
import io
import json

from tests.factories import TerritoryFactory, make_programme
from tipilot.territories.models import Generation, Territory

CSV = "/api/v1/territories.csv"
GEOJSON = "/api/v1/territories.geojson"
HEADER = [
    "génération",
    "identifiant",
    "nom",
    "statut",
    "régions",
    "départements",
    "population",
    "communes",
    "membres",
    "données de démonstration",
]


def csv_rows(response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads it as UTF-8
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == ";".join(HEADER)
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_opens_in_excel(get, programme):
    response = get(CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="territoires-industrie.csv"'
    assert csv_rows(response) == [
        HEADER,
        ["2023-2027", "ti-2701", "Nevers Val de Loire", "Labellisé", "27", "58"]
        + ["44400", "3", "2", "non"],
        ["2023-2027", "ti-8401", "Ain Industries", "Labellisé", "84", "01,69"]
        + ["19710", "5", "2", "non"],
        ["2018-2022", "ti-2702", "Nevers", "Labellisé", "27", "58", "42500", "2", "2", "non"],
        ["2018-2022", "ti-8401", "Ain - Bugey", "Labellisé", "84", "01,69"]
        + ["2310", "4", "2", "non"],
    ]


def test_csv_takes_the_list_filters(get, programme):
    found = csv_rows(get(CSV, q="cercy"))
    assert [row[1] for row in found[1:]] == ["ti-2701"]
    in_2023 = csv_rows(get(CSV, generation="2023-2027", status="all"))
    assert [(row[1], row[3]) for row in in_2023[1:]] == [
        ("ti-2701", "Labellisé"),
        ("ti-8401", "Labellisé"),
        ("ti-8402", "Sorti du programme"),
    ]


def test_csv_is_not_paginated(get, db):
    epci = make_programme(60)[0].memberships.get().epci
    older = Generation.objects.get(code="2018-2022")  # identifiers: unique within a generation
    TerritoryFactory.create_batch(50, generation=older, epcis=[epci])
    assert len(csv_rows(get(CSV))) == 1 + 110
    assert len(json.loads(get(GEOJSON).content)["features"]) == 110


def test_csv_whatever_the_client_accepts(client, programme):
    response = client.get(CSV, HTTP_ACCEPT="text/csv")
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")


def test_bad_filter_is_answered_in_json(client, programme):
    response = client.get(CSV, {"status": "deleted"}, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert "status" in response.json()


def test_geojson_of_territories(get, programme):
    response = get(GEOJSON, generation="2023-2027")
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert [f["properties"] for f in data["features"]] == [
        {
            "generation": "2023-2027",
            "identifier": "ti-2701",
            "name": "Nevers Val de Loire",
            "population": 44400,
            "commune_count": 3,
            "regions": ["27"],
            "page_url": "/territoires/ti-2701/?generation=2023-2027",
        },
        {
            "generation": "2023-2027",
            "identifier": "ti-8401",
            "name": "Ain Industries",
            "population": 19710,
            "commune_count": 5,
            "regions": ["84"],
            "page_url": "/territoires/ti-8401/?generation=2023-2027",
        },
    ]
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert feature["geometry"]["coordinates"]


def test_geojson_splices_the_stored_outline(get, programme):
    nevers = Territory.objects.get(generation__code="2023-2027", identifier="ti-2701")
    nevers.outline = '{"type":"Point","coordinates":[3.16,46.99]}'
    nevers.save(update_fields=["outline"])
    data = json.loads(get(GEOJSON, q="cercy").content)
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [3.16, 46.99]}


def test_geojson_geometry_is_null_without_an_outline(get, programme):
    Territory.objects.filter(identifier="ti-8401").update(outline="")
    data = json.loads(get(GEOJSON, region="84").content)
    assert [f["geometry"] for f in data["features"]] == [None, None]
    assert json.loads(get(GEOJSON, q="nonexistent").content) == {
        "type": "FeatureCollection",
        "features": [],
    }
