import csv
import io
import json

import pytest

from tests.querycount import assert_constant_queries


def _get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return response


def test_api_root_lists_endpoints(client, programme):
    data = _get(client, "/api/v1/").json()
    assert {"regions", "departments", "epcis", "territories"} <= set(data)


def test_territory_list_hides_withdrawn_and_filters(client, programme):
    data = _get(client, "/api/v1/territories/").json()
    ids = {(t["generation"], t["identifier"]) for t in data["results"]}
    assert ids == {
        ("2018-2022", "ti-8401"),
        ("2018-2022", "ti-2702"),
        ("2023-2027", "ti-8401"),
        ("2023-2027", "ti-2701"),
    }
    everything = _get(client, "/api/v1/territories/", status="all").json()
    assert everything["count"] == 5
    one = _get(client, "/api/v1/territories/", generation="2023-2027", region="27").json()
    assert [t["name"] for t in one["results"]] == ["Nevers Val de Loire"]
    found = _get(client, "/api/v1/territories/", q="cercy").json()
    assert [t["identifier"] for t in found["results"]] == ["ti-2701"]
    nevers = found["results"][0]
    assert nevers["population"] == 44400
    assert nevers["regions"] == ["27"]
    assert nevers["page_url"] == "/territoires/ti-2701/?generation=2023-2027"


def test_territory_detail_has_composition_and_history(client, programme):
    data = _get(client, "/api/v1/territories/2023-2027/ti-2701/").json()
    members = {m["name"]: m for m in data["composition"]}
    assert members["Cercy-la-Tour"]["kind"] == "commune"
    assert members["Cercy-la-Tour"]["insee_code"] == "58086"
    assert members["Cercy-la-Tour"]["joined_on"] == "2024-07-04"
    assert members["CA Nevers Agglomération"]["joined_on"] == "2023-11-14"
    kinds = [(h["date"], h["kind"], h["member_name"]) for h in data["history"]]
    assert ("2024-07-04", "joined", "Cercy-la-Tour") in kinds
    renamed = _get(client, "/api/v1/territories/2023-2027/ti-8401/").json()["history"]
    assert {
        "kind": "renamed",
        "old_value": "Ain Industrie",
        "new_value": "Ain Industries",
    }.items() <= [h for h in renamed if h["kind"] == "renamed"][0].items()


def test_same_identifier_in_two_generations(client, programme):
    old = _get(client, "/api/v1/territories/2018-2022/ti-8401/").json()
    assert old["name"] == "Ain - Bugey"
    dissolved = [m for m in old["composition"] if m["siren"] == "200000009"]
    assert dissolved[0]["dissolved"] is True
    assert client.get("/api/v1/territories/2018-2022/ti-2701/").status_code == 404
    assert client.get("/api/v1/territories/1999-2000/ti-2701/").status_code == 404


def test_geography_endpoints(client, programme):
    regions = _get(client, "/api/v1/regions/").json()["results"]
    assert [r["code"] for r in regions] == ["27", "84"]
    depts = _get(client, "/api/v1/departments/", region="27").json()["results"]
    assert [d["code"] for d in depts] == ["58"]
    epcis = _get(client, "/api/v1/epcis/", dissolved="true").json()["results"]
    assert [(e["siren"], e["last_vintage"]) for e in epcis] == [("200000009", 2021)]
    beta = _get(client, "/api/v1/epcis/200000002/").json()
    assert beta["commune_count"] == 3
    assert {c["insee_code"] for c in beta["communes"]} == {"01004", "01005", "69003"}
    in_rhone = _get(client, "/api/v1/epcis/", department="69").json()["results"]
    assert {e["name"] for e in in_rhone} == {"CA Beta", "CC Gamma", "CC Ancienne"}


def test_csv_export_opens_in_excel(client, programme):
    response = _get(client, "/api/v1/territories.csv", generation="2023-2027")
    assert response["Content-Type"].startswith("text/csv")
    assert "territoires-industrie.csv" in response["Content-Disposition"]
    raw = response.content.decode("utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw[1:]), delimiter=";"))
    assert rows[0][:3] == ["génération", "identifiant", "nom"]
    assert sorted(r[1] for r in rows[1:]) == ["ti-2701", "ti-8401"]
    nevers = next(r for r in rows if r[1] == "ti-2701")
    assert nevers[6] == "44400" and nevers[4] == "27"


def test_geojson_of_territories_and_regions(client, programme):
    data = json.loads(_get(client, "/api/v1/territories.geojson", generation="2023-2027").content)
    assert data["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in data["features"]}
    assert names == {"Ain Industries", "Nevers Val de Loire"}
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in data["features"])
    regions = json.loads(_get(client, "/api/v1/regions.geojson").content)
    assert {f["properties"]["code"] for f in regions["features"]} == {"27", "84"}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_anonymous_writes_are_refused(client, programme, method):
    for url in ("/api/v1/territories/", "/api/v1/epcis/200000002/", "/api/v1/regions/84/"):
        response = getattr(client, method)(url, {}, content_type="application/json")
        assert response.status_code in (403, 405), (method, url, response.status_code)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/regions/",
        "/api/v1/departments/",
        "/api/v1/epcis/",
        "/api/v1/territories/",
        "/api/v1/territories.csv",
        "/api/v1/territories.geojson",
        "/api/v1/regions.geojson",
    ],
)
def test_list_queries_do_not_grow_with_data(client, db, url):
    assert assert_constant_queries(client, url) <= 6


def test_territory_list_exact_query_count(client, db, django_assert_num_queries):
    from tests.factories import make_programme

    make_programme(5)
    # count, page, then regions, departments (prefetch) — the wave is joined
    with django_assert_num_queries(4):
        client.get("/api/v1/territories/")
