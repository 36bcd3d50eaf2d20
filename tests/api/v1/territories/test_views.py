"""Territory list, filters and detail on the ``programme`` fixture (both generations)."""

import pytest

from tipilot.territories.models import Territory, Wave

LIST = "/api/v1/territories/"


def identifiers(get_json, **params) -> list[tuple[str, str]]:
    return [(t["generation"], t["identifier"]) for t in get_json(LIST, **params)["results"]]


def test_list_shows_labelled_territories_newest_generation_first(get_json, programme):
    assert identifiers(get_json) == [
        ("2023-2027", "ti-2701"),
        ("2023-2027", "ti-8401"),
        ("2018-2022", "ti-2702"),
        ("2018-2022", "ti-8401"),
    ]


def test_list_item(get_json, programme):
    nevers = get_json(LIST)["results"][0]
    assert nevers == {
        "url": "http://testserver/api/v1/territories/2023-2027/ti-2701/",
        "page_url": "/territoires/ti-2701/?generation=2023-2027",
        "generation": "2023-2027",
        "identifier": "ti-2701",
        "name": "Nevers Val de Loire",
        "status": "labelled",
        "status_label": "Labellisé",
        "labelled_on": None,
        "withdrawn_on": None,
        "wave": None,
        "regions": ["27"],
        "departments": ["58"],
        "population": 44400,
        "commune_count": 3,
        "member_count": 2,
        "is_demo": False,
    }


def test_list_item_with_its_wave(get_json, programme):
    wave = Wave.objects.get(generation__code="2023-2027", cumulative_count=183)
    Territory.objects.filter(identifier="ti-2701").update(wave=wave)
    nevers = get_json(LIST, q="cercy")["results"][0]
    assert nevers["wave"] == {
        "period_label": wave.period_label,
        "date": wave.date.isoformat() if wave.date else None,
        "cumulative_count": 183,
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"generation": "2018-2022"}, [("2018-2022", "ti-2702"), ("2018-2022", "ti-8401")]),
        ({"region": "84"}, [("2023-2027", "ti-8401"), ("2018-2022", "ti-8401")]),
        ({"department": "58", "generation": "2023-2027"}, [("2023-2027", "ti-2701")]),
        ({"q": "cercy"}, [("2023-2027", "ti-2701")]),
        ({"q": "NIÈVRE"}, [("2023-2027", "ti-2701"), ("2018-2022", "ti-2702")]),
        ({"q": "ain industries"}, [("2023-2027", "ti-8401")]),
        ({"q": "monts lyonnais"}, []),
        ({"q": "monts lyonnais", "status": "all"}, [("2023-2027", "ti-8402")]),
        ({"status": "withdrawn"}, [("2023-2027", "ti-8402")]),
        ({"generation": "1999-2000"}, []),
    ],
)
def test_list_filters(get_json, programme, params, expected):
    assert identifiers(get_json, **params) == expected


def test_status_all_includes_withdrawn(get_json, programme):
    everything = get_json(LIST, status="all")
    assert everything["count"] == 5
    withdrawn = next(t for t in everything["results"] if t["identifier"] == "ti-8402")
    assert withdrawn["status"] == "withdrawn"
    assert withdrawn["status_label"] == "Sorti du programme"
    assert withdrawn["withdrawn_on"] == "2024-07-04"


def test_unknown_status_is_rejected(client, programme):
    assert client.get(LIST, {"status": "deleted"}).status_code == 400


def test_detail_composition_and_history(get_json, programme):
    nevers = get_json("/api/v1/territories/2023-2027/ti-2701/")
    assert nevers["name"] == "Nevers Val de Loire"
    assert sorted(nevers["composition"], key=lambda m: m["siren"]) == [
        {
            "kind": "epci",
            "siren": "200000004",
            "insee_code": None,
            "name": "CA Nevers Agglomération",
            "epci_kind": "CA",
            "joined_on": "2023-11-14",
            "left_on": None,
            "dissolved": False,
        },
        {
            "kind": "commune",
            "siren": "215800861",
            "insee_code": "58086",
            "name": "Cercy-la-Tour",
            "epci_kind": None,
            "joined_on": "2024-07-04",
            "left_on": None,
            "dissolved": False,
        },
    ]
    assert nevers["history"] == [
        {
            "date": "2023-11-14",
            "kind": "labelled",
            "kind_label": "Labellisation",
            "member_name": None,
            "member_siren": None,
            "old_value": "",
            "new_value": "Nevers Val de Loire",
        },
        {
            "date": "2024-07-04",
            "kind": "joined",
            "kind_label": "Entrée d'un membre",
            "member_name": "Cercy-la-Tour",
            "member_siren": "215800861",
            "old_value": "",
            "new_value": "",
        },
    ]


def test_detail_of_a_renamed_territory(get_json, programme):
    ain = get_json("/api/v1/territories/2023-2027/ti-8401/")
    assert ain["name"] == "Ain Industries"
    assert [(h["date"], h["kind"], h["old_value"], h["new_value"]) for h in ain["history"]] == [
        ("2023-11-14", "labelled", "", "Ain Industrie"),
        ("2024-07-04", "renamed", "Ain Industrie", "Ain Industries"),
    ]
    assert sorted(m["name"] for m in ain["composition"]) == ["CA Beta", "CC Alpha"]


def test_detail_of_a_withdrawn_territory_keeps_its_past_members(get_json, programme):
    monts = get_json("/api/v1/territories/2023-2027/ti-8402/")
    assert monts["status"] == "withdrawn"
    assert [(m["name"], m["joined_on"], m["left_on"]) for m in monts["composition"]] == [
        ("CC Gamma", "2023-11-14", "2024-07-04")
    ]
    assert [(h["kind"], h["kind_label"]) for h in monts["history"]] == [
        ("labelled", "Labellisation"),
        ("withdrawn", "Sortie du programme"),
    ]


def test_same_identifier_in_two_generations(get_json, client, programme):
    old = get_json("/api/v1/territories/2018-2022/ti-8401/")
    assert old["name"] == "Ain - Bugey"
    assert old["url"] == "http://testserver/api/v1/territories/2018-2022/ti-8401/"
    assert old["page_url"] == "/territoires/ti-8401/?generation=2018-2022"
    members = {m["siren"]: m for m in old["composition"]}
    assert members["200000009"]["name"] == "CC Ancienne"
    assert members["200000009"]["dissolved"] is True
    assert members["200000001"]["joined_on"] == "2022-12-31"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/territories/2018-2022/ti-2701/",
        "/api/v1/territories/1999-2000/ti-2701/",
        "/api/v1/territories/ti-2701/",
    ],
)
def test_unknown_territory_is_404(client, programme, url):
    assert client.get(url).status_code == 404
