"""Loading vintages of the reference geography: validation, counts, history between vintages."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import DATA, load_geo
from tipilot.core.errors import ImportRejected, Problem
from tipilot.geo.importers import load_package
from tipilot.geo.models import Commune, Epci, Vintage
from tipilot.geo.sources import integrity_of, read_package

from .conftest import geo_counts, read_mini

pytestmark = pytest.mark.django_db

MINI_2026 = {"region": 2, "department": 3, "commune": 10, "epci": 5}


def _edit_epci(data, **values):
    data["epci"][0].update(values)


def _unknown_department(data):
    data["communes"][0]["departement"] = "99"


def _unknown_kind(data):
    _edit_epci(data, type="SIVU")


def _malformed_siren(data):
    _edit_epci(data, code="20000001")


def _unknown_member(data):
    data["epci"][0]["membres"].append({"code": "01999", "nom": "Nulle-Part"})


def _missing_name(data):
    del data["communes"][1]["nom"]


def _unknown_region(data):
    data["departements"][2]["region"] = "99"


def _duplicate_epci(data):
    data["epci"].append(dict(data["epci"][0]))


def _duplicate_commune(data):
    data["communes"].append(dict(data["communes"][2]))


def _not_a_list(data):
    data["regions"] = {"84": "Auvergne-Rhône-Alpes"}


BAD_PACKAGES = {
    "unknown-department": (
        _unknown_department,
        Problem("communes.json #1 (01001)", "departement", "département « 99 » inconnu"),
    ),
    "unknown-kind": (
        _unknown_kind,
        Problem("epci.json #1 (200000001)", "type", "nature « SIVU » inconnue"),
    ),
    "malformed-siren": (
        _malformed_siren,
        Problem(
            "epci.json #1 (20000001)", "code", "SIREN « 20000001 » invalide (9 chiffres attendus)"
        ),
    ),
    "unknown-member": (
        _unknown_member,
        Problem("epci.json #1 (200000001)", "membres", "commune « 01999 » inconnue"),
    ),
    "missing-value": (
        _missing_name,
        Problem("communes.json #2 (01002)", "nom", "valeur manquante"),
    ),
    "unknown-region": (
        _unknown_region,
        Problem("departements.json #3", "region", "région « 99 » inconnue"),
    ),
    "duplicate-epci": (
        _duplicate_epci,
        Problem("epci.json #6 (200000001)", "code", "« 200000001 » figure déjà en epci.json #1"),
    ),
    "duplicate-commune": (
        _duplicate_commune,
        Problem("communes.json #12 (01004)", "code", "« 01004 » figure déjà en communes.json #3"),
    ),
    "not-a-list": (
        _not_a_list,
        Problem("regions.json", "-", "une liste d'objets JSON est attendue"),
    ),
}


@pytest.mark.parametrize("case", BAD_PACKAGES)
def test_invalid_package_is_rejected_with_one_located_error(case, mini_copy):
    edit, problem = BAD_PACKAGES[case]
    load_geo("decoupage-2021", 2021)  # something already there must stay untouched
    data = read_mini()
    edit(data)
    package = read_package(mini_copy(data))
    before = geo_counts()
    with pytest.raises(ImportRejected) as caught:
        load_package(package=package, vintage=2026, source="mini")
    assert caught.value.report.errors == [problem]
    assert str(caught.value) == "mini : 1 erreur(s), rien n'a été écrit."
    assert geo_counts() == before
    assert not Vintage.objects.filter(year=2026).exists()


@pytest.mark.parametrize("case", BAD_PACKAGES)
def test_command_prints_the_located_error(case, mini_copy):
    edit, problem = BAD_PACKAGES[case]
    data = read_mini()
    edit(data)
    folder = mini_copy(data)
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"1 erreur\(s\), rien n'a été écrit"):
        call_command("geo", "load", str(folder), "--vintage", "2026", stderr=err)
    assert f"@etalab/decoupage-administratif@6.0.0-test : {problem}" in err.getvalue()
    assert geo_counts()["geo_commune"] == 0


def test_dry_run_reports_every_error_and_writes_nothing(mini_copy):
    data = read_mini()
    _unknown_department(data)
    _unknown_kind(data)
    _missing_name(data)
    folder = mini_copy(data)
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"^3 erreur\(s\) : rien ne serait écrit\.$"):
        call_command("geo", "load", str(folder), "--vintage", "2026", "--dry-run", stderr=err)
    assert len(err.getvalue().splitlines()) == 3
    assert geo_counts()["geo_commune"] == 0


def test_dry_run_of_a_valid_package_writes_nothing():
    out = io.StringIO()
    before = geo_counts()
    call_command(
        "geo", "load", str(DATA / "decoupage-2026"), "--vintage", "2026", "--dry-run", stdout=out
    )
    assert out.getvalue().strip() == "Validation réussie (millésime 2026) ; rien n'a été écrit."
    assert geo_counts() == before


def test_mini_2026_gives_expected_counts():
    result = load_geo("decoupage-2026", 2026)
    assert result.created == MINI_2026
    assert result.dissolved == dict.fromkeys(MINI_2026, 0)
    assert Commune.objects.count() == 10  # the commune déléguée 01099 is not a commune
    assert Epci.communes.through.objects.count() == 10
    alpha = Epci.objects.get(siren="200000001")
    assert (alpha.name, alpha.kind, alpha.financing, alpha.population) == (
        "CC Alpha",
        "CC",
        "FPU",
        1110,
    )
    assert sorted(alpha.communes.values_list("insee_code", flat=True)) == ["01001", "01002"]
    clemenciat = Commune.objects.get(insee_code="01001")
    assert clemenciat.epci == alpha
    assert clemenciat.former_codes == ["01099"]
    assert (clemenciat.department.code, clemenciat.region.code) == ("01", "84")
    vintage = Vintage.objects.get()
    assert (vintage.year, vintage.counts["communes"]) == (2026, 11)


def test_loading_twice_is_idempotent():
    load_geo("decoupage-2026", 2026)
    before = geo_counts()
    second = load_geo("decoupage-2026", 2026)
    assert second.created == dict.fromkeys(MINI_2026, 0)
    assert second.updated == dict.fromkeys(MINI_2026, 0)
    assert second.unchanged == MINI_2026
    assert geo_counts() == before


def test_newer_vintage_marks_what_disappeared():
    load_geo("decoupage-2021", 2021)
    assert Commune.objects.get(insee_code="69001").epci.siren == "200000009"
    result = load_geo("decoupage-2026", 2026)
    assert result.dissolved == {"region": 0, "department": 0, "commune": 1, "epci": 1}
    ancienne = Epci.objects.get(siren="200000009")
    assert (ancienne.dissolved, ancienne.first_vintage, ancienne.last_vintage) == (True, 2021, 2021)
    merged = Commune.objects.get(insee_code="01099")
    assert (merged.dissolved, merged.last_vintage) == (True, 2021)
    current = Epci.objects.exclude(siren="200000009")
    assert not current.filter(dissolved=True).exists()
    assert set(current.values_list("last_vintage", flat=True)) == {2026}
    assert not Commune.objects.exclude(insee_code="01099").filter(dissolved=True).exists()
    # The communes of CC Ancienne now belong to CC Gamma; CC Alpha lost the merged commune.
    assert Commune.objects.get(insee_code="69001").epci.siren == "200000003"
    alpha = Epci.objects.get(siren="200000001")
    assert (alpha.population, alpha.first_vintage, alpha.last_vintage) == (1110, 2021, 2026)
    assert sorted(alpha.communes.values_list("insee_code", flat=True)) == ["01001", "01002"]
    # CC Ancienne keeps its 2021 members: the 2018 territories are computed from them.
    assert sorted(ancienne.communes.values_list("insee_code", flat=True)) == ["69001", "69004"]


def test_older_vintage_after_newer_only_widens_first_vintage(mini_copy):
    load_geo("decoupage-2026", 2026)
    older = read_mini("decoupage-2021")
    older["epci"][0]["nom"] = "CC Alpha (ancien nom)"
    older["communes"][1]["nom"] = "Varey (ancien nom)"
    result = load_package(
        package=read_package(mini_copy(older, version="1.0.0-test")), vintage=2021, source="2021"
    )
    assert result.created == {"region": 0, "department": 0, "commune": 1, "epci": 1}
    alpha = Epci.objects.get(siren="200000001")
    assert (alpha.name, alpha.population) == ("CC Alpha", 1110)
    assert (alpha.first_vintage, alpha.last_vintage, alpha.dissolved) == (2021, 2026, False)
    assert sorted(alpha.communes.values_list("insee_code", flat=True)) == ["01001", "01002"]
    assert Commune.objects.get(insee_code="01002").name == "L'Abergement-de-Varey"
    assert Commune.objects.get(insee_code="69001").epci.siren == "200000003"
    gamma = Epci.objects.get(siren="200000003")
    assert (gamma.first_vintage, gamma.last_vintage) == (2026, 2026)
    ancienne = Epci.objects.get(siren="200000009")
    assert (ancienne.dissolved, ancienne.first_vintage, ancienne.last_vintage) == (True, 2021, 2021)
    assert sorted(ancienne.communes.values_list("insee_code", flat=True)) == ["69001", "69004"]
    assert Commune.objects.get(insee_code="01099").dissolved is True
    assert set(Vintage.objects.values_list("year", flat=True)) == {2021, 2026}


def test_command_prints_counts():
    out = io.StringIO()
    call_command("geo", "load", str(DATA / "decoupage-2026"), "--vintage", "2026", stdout=out)
    lines = out.getvalue().splitlines()
    assert f"Millésime 2026 chargé depuis {DATA / 'decoupage-2026'}" in lines
    commune_line = next(line for line in lines if line.strip().startswith("commune "))
    assert commune_line.split() == [
        "commune",
        "créés",
        "10",
        "mis",
        "à",
        "jour",
        "0",
        "inchangés",
        "0",
        "disparus",
        "0",
    ]
    assert Commune.objects.count() == 10


def test_command_loads_a_tgz(tgz):
    path = tgz(version="6.0.0-test")
    out = io.StringIO()
    call_command("geo", "load", str(path), "--vintage", "2026", stdout=out)
    vintage = Vintage.objects.get()
    assert vintage.integrity == integrity_of(path)
    assert vintage.source == "@etalab/decoupage-administratif@6.0.0-test"
    assert Commune.objects.count() == 10
    assert Epci.objects.count() == 5
