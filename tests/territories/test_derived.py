"""Derived figures stored on territories, and the accent-blind search they make possible."""

import io

import pytest
from django.core.management import call_command

from tests.conftest import import_territories
from tipilot.core.text import fold
from tipilot.geo.models import Commune
from tipilot.territories.derived import territories_refresh_derived
from tipilot.territories.models import Territory
from tipilot.territories.selectors import territory_list


def _territory(identifier, generation="2023-2027"):
    return Territory.objects.get(generation__code=generation, identifier=identifier)


@pytest.fixture
def state(geography):
    import_territories("liste-ti-com.csv", "2023-2027", "2023-11-14")


def test_figures_of_a_mixed_territory(state):
    ain = _territory("ti-8401")  # CC Alpha (01001, 01002) + Ambérieu-en-Bugey
    assert ain.population == 860 + 250 + 14000
    assert ain.commune_count == 3
    assert ain.member_count == 2
    assert [r.code for r in ain.regions.all()] == ["84"]
    assert [d.code for d in ain.departments.all()] == ["01"]


def test_search_text_holds_folded_names(state):
    text = _territory("ti-8401").search_text
    for name in ("Ain Industrie", "ti-8401", "CC Alpha", "Ambérieu-en-Bugey", "Ain"):
        assert f"|{fold(name)}|" in text
    assert "|l abergement clemenciat|" in text
    assert "CA Beta".lower() not in text  # only Ambérieu is a member, not its EPCI


@pytest.mark.parametrize(
    "query",
    ["amberieu", "Ambérieu-en-Bugey", "AMBERIEU EN BUGEY", "clemenciat", "l'abergement", "alpha"],
)
def test_search_finds_a_commune_typed_without_accents(state, query):
    found = [t.identifier for t in territory_list(q=query)]
    assert found == ["ti-8401"]


def test_search_by_department_name(state):
    assert [t.identifier for t in territory_list(q="nievre")] == ["ti-2701"]


def test_refresh_follows_a_new_population(state):
    Commune.objects.filter(insee_code="01004").update(population=15000)
    out = io.StringIO()
    call_command("territories", "refresh", stdout=out)
    assert out.getvalue().strip() == "2 territoires recalculés."
    assert _territory("ti-8401").population == 860 + 250 + 15000
    assert territories_refresh_derived() == 2
