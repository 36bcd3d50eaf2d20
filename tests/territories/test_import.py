"""Accepted territory lists in each official format, re-imports, dry runs and warnings."""

import pytest
import shapely

from tests.conftest import import_territories
from tipilot.territories.enums import ChangeKind, TerritoryStatus
from tipilot.territories.models import ImportBatch, Membership, Territory, TerritoryChange

from .conftest import BAD, TERRITORIES, run_import, territory_counts


def _territory(identifier, generation="2023-2027"):
    return Territory.objects.get(generation__code=generation, identifier=identifier)


def _members(territory) -> tuple[list[str], list[str]]:
    """(EPCI names, commune names) of the current members."""
    current = territory.memberships.filter(left_on__isnull=True)
    epcis = sorted(current.filter(epci__isnull=False).values_list("epci__name", flat=True))
    communes = sorted(current.filter(commune__isnull=False).values_list("commune__name", flat=True))
    return epcis, communes


def _bounds(outline):
    return shapely.from_geojson(outline).bounds


def test_geojson_2023_style(geography):
    result = import_territories("ti-v2-2023-11.geojson", "2023-2027", "2023-11-14")
    assert (result.created, result.updated, result.unchanged, result.withdrawn) == (3, 0, 0, 0)
    assert result.batch.file_format == "geojson-anct"
    assert result.batch.counts == {"créés": 3, "modifiés": 0, "inchangés": 0, "sortis": 0}
    ain = _territory("ti-8401")
    assert _members(ain) == (["CA Beta", "CC Alpha"], [])
    assert _bounds(ain.outline) == pytest.approx((4, 46, 5, 47))  # the file's own outline
    assert _territory("ti-8402").name == "Monts du Lyonnais"
    assert TerritoryChange.objects.filter(kind=ChangeKind.LABELLED).count() == 3
    assert Membership.objects.count() == 4


def test_geojson_2018_style_with_commune_members(geography_history):
    result = import_territories("ti-2018.geojson", "2018-2022", "2022-12-31")
    assert result.created == 2
    nevers = _territory("ti-2702", "2018-2022")
    assert _members(nevers) == ([], ["Nevers", "Varennes-Vauzelles"])
    # The file gives centroids (MultiPoint): the outline is the union of the members' outlines.
    assert _bounds(nevers.outline) == pytest.approx((3.1, 47.0, 3.3, 47.1))
    ain = _territory("ti-8401", "2018-2022")
    assert _members(ain) == (["CC Alpha", "CC Ancienne"], [])


def test_csv_groupement_list(geography):
    result = import_territories("liste-ti-grpt.csv", "2023-2027", "2023-11-14")
    assert result.batch.file_format == "csv-groupements"
    assert result.created == 2
    assert _members(_territory("ti-8401")) == (["CA Beta", "CC Alpha"], [])
    assert _members(_territory("ti-2701")) == (["CA Nevers Agglomération"], [])
    assert _territory("ti-8401").name == "Ain Industrie"


@pytest.mark.django_db  # the fixture is requested by name: pytest-django must still order it
@pytest.mark.parametrize("fixture", ["geography", "geography_history"])
def test_csv_commune_list_groups_whole_epcis(fixture, request):
    request.getfixturevalue(fixture)
    result = import_territories("liste-ti-com.csv", "2023-2027", "2023-11-14")
    assert result.batch.file_format == "csv-communes"
    # CC Alpha is wholly listed; CA Beta only through Ambérieu-en-Bugey.
    assert _members(_territory("ti-8401")) == (["CC Alpha"], ["Ambérieu-en-Bugey"])
    # Cercy-la-Tour is the only commune of CC Sud Nivernais.
    assert _members(_territory("ti-2701")) == (["CA Nevers Agglomération", "CC Sud Nivernais"], [])
    assert _territory("ti-2701").commune_count == 3


def test_reimporting_the_same_state_is_idempotent(geography):
    import_territories("ti-v2-2023-11.geojson", "2023-2027", "2023-11-14")
    before = territory_counts()
    again = import_territories("ti-v2-2023-11.geojson", "2023-2027", "2023-11-14")
    assert again.batch is None
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert again.changes == []
    assert territory_counts() == before


def test_command_dry_run_reports_counts_and_writes_nothing(geography):
    before = territory_counts()
    out, err = run_import(TERRITORIES / "ti-v2-2023-11.geojson", "--dry-run", as_of="2023-11-14")
    assert territory_counts() == before
    assert out.strip().splitlines()[-1] == (
        "Validation réussie (rien n'a été écrit) : ti-v2-2023-11.geojson — "
        "créés 3, modifiés 0, inchangés 0, sortis 0"
    )
    assert err == ""


def test_command_prints_changes_of_a_later_state(geography):
    run_import(TERRITORIES / "ti-v2-2023-11.geojson", as_of="2023-11-14")
    out, _ = run_import(TERRITORIES / "ti-v2-2024-07.geojson", as_of="2024-07-04")
    assert "  ti-8401 : Changement de nom — Ain Industries" in out
    assert "  ti-2701 : Entrée d'un membre — Cercy-la-Tour (58086)" in out
    assert "  ti-8402 : Sortie du programme — Monts du Lyonnais" in out
    assert out.strip().endswith("créés 0, modifiés 2, inchangés 0, sortis 1")
    assert ImportBatch.objects.count() == 2


def test_command_with_wave(geography):
    run_import(TERRITORIES / "ti-v2-2023-11.geojson", "--wave", "183", as_of="2023-11-14")
    ain = _territory("ti-8401")
    assert ain.wave.cumulative_count == 183
    assert ain.labelled_on is None  # the wave has no exact date


def test_epci_dissolved_before_the_file_vintage_is_a_warning(geography_history):
    out, err = run_import(
        TERRITORIES / "ti-2018.geojson", generation="2018-2022", as_of="2022-12-31"
    )
    assert err.splitlines() == [
        "ti-2018.geojson : avertissement · entité 1 · membres : CC Ancienne (200000009) "
        "n'est connu que des millésimes 2021 à 2021, pas 2022"
    ]
    assert "Importé : ti-2018.geojson — créés 2" in out
    assert _members(_territory("ti-8401", "2018-2022"))[0] == ["CC Alpha", "CC Ancienne"]


def test_explicit_vintage_silences_the_warning(geography_history):
    _, err = run_import(
        TERRITORIES / "ti-2018.geojson",
        "--vintage",
        "2021",
        generation="2018-2022",
        as_of="2022-12-31",
    )
    assert err == ""


def test_withdrawn_territory_comes_back(geography):
    import_territories("ti-v2-2023-11.geojson", "2023-2027", "2023-11-14")
    import_territories("ti-v2-2024-07.geojson", "2023-2027", "2024-07-04")
    assert _territory("ti-8402").status == TerritoryStatus.WITHDRAWN
    result = import_territories("ti-v2-2023-11.geojson", "2023-2027", "2024-12-31")
    lyon = _territory("ti-8402")
    assert (lyon.status, lyon.withdrawn_on) == (TerritoryStatus.LABELLED, None)
    assert result.updated == 3  # ti-8402 back, ti-8401 renamed back, ti-2701 loses Cercy
    assert _members(lyon) == (["CC Gamma"], [])


def test_bad_sample_files_are_all_used():
    from .test_import_errors import BAD_FILES

    assert sorted(p.name for p in BAD.iterdir()) == sorted(BAD_FILES)
