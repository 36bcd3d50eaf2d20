"""The bilan as CSV rows, and how a scope is named by codes."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import CommuneFactory, DepartmentFactory, EpciFactory, TerritoryFactory
from tipilot.analytics.scope import resolve_scope
from tipilot.analytics.selectors import bilan_figures
from tipilot.analytics.tables import CSV_HEADER, bilan_rows, cell
from tipilot.territories.models import Generation

pytestmark = pytest.mark.django_db


def test_cells_read_as_french_numbers():
    assert cell(145000.0) == "145000"
    assert cell(0.3333) == "0,3333"
    assert cell(None) == ""
    assert cell(7) == 7 and cell("État") == "État"


def test_every_section_of_the_bilan_is_in_the_rows(world, bilan_data):
    rows = bilan_rows(bilan_figures(generation=Generation.objects.get(code="2023-2027")))
    assert CSV_HEADER == ["rubrique", "ligne", "indicateur", "valeur"]
    assert all(len(row) == 4 for row in rows)
    sections = {row[0] for row in rows}
    assert sections == {
        "Périmètre",
        "Actions",
        "Actions par statut",
        "Actions par axe",
        "Actions par statut et axe",
        "Financements",
        "Financements par groupe",
        "Financements par catégorie",
        "Financements par mesure",
        "Emplois",
        "Relocalisations",
        "Territoires fragiles",
        "Évolution mensuelle",
        "Par région",
    }
    assert ["Périmètre", "Génération", "code", "2023-2027"] in rows
    assert ["Actions par statut et axe", "Abandonnée", "Innover", 1] in rows
    assert ["Financements", "Total", "décaissé (€)", "35000"] in rows
    assert ["Financements par mesure", "Autres dispositifs", "engagé (€)", "65000"] in rows
    assert ["Évolution mensuelle", "2024-01", "engagé (€)", "80000"] in rows
    assert ["Évolution mensuelle", "2023-12", "actions engagées", 1] in rows
    assert ["Par région", "Auvergne-Rhône-Alpes (84)", "emplois prévus", 18] in rows
    assert ["Territoires fragiles", "Montants engagés", "part", "0,9655"] in rows


def test_targets_in_the_rows(world):
    rows = bilan_rows(bilan_figures(generation=Generation.objects.get(code="2018-2022")))
    assert [
        "Objectifs",
        "Fonds d'accélération : projets soutenus",
        "objectif (projets)",
        1416,
    ] in rows
    assert ["Objectifs", "Fonds d'accélération : projets soutenus", "réalisé (projets)", 0] in rows


def test_a_territory_identifier_names_the_latest_generation_unless_told(world):
    department = DepartmentFactory(region=world.region_a)
    older = TerritoryFactory(
        generation=Generation.objects.get(code="2018-2022"),
        identifier="ti-8401",
        epcis=[EpciFactory(members=CommuneFactory.create_batch(1, department=department))],
    )
    assert resolve_scope(territory="ti-8401").territory == world.t1
    scope = resolve_scope(territory="ti-8401", generation="2018-2022")
    assert scope.territory == older and scope.generation.code == "2018-2022"
    with pytest.raises(ValidationError) as error:
        resolve_scope(territory="ti-8402", generation="2018-2022")
    assert error.value.message_dict == {"territory": ["Territoire inconnu : « ti-8402 »."]}
