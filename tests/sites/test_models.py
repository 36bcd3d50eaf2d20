"""The site's constraints, coordinates check, readiness and search text."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.sites.factories import SiteFactory, commune_of, ensure_waves
from tipilot.sites.enums import ProcedureState
from tipilot.sites.models import Site, in_france


def test_available_surface_cannot_exceed_total(world):
    site = SiteFactory.build(
        commune=commune_of(world.t1), surface_total_ha=Decimal(10), surface_available_ha=Decimal(11)
    )
    with pytest.raises(ValidationError) as error:
        site.full_clean()
    assert "ne peut pas dépasser la surface totale" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        site.save()


def test_total_surface_must_be_positive(world):
    site = SiteFactory.build(
        commune=commune_of(world.t1), surface_total_ha=Decimal(0), surface_available_ha=Decimal(0)
    )
    with pytest.raises(ValidationError, match="surface totale doit être positive"):
        site.full_clean()


@pytest.mark.parametrize(
    ("latitude", "longitude", "inside"),
    [
        (48.85, 2.35, True),  # Paris
        (42.7, 9.45, True),  # Bastia
        (16.24, -61.53, True),  # Guadeloupe
        (14.6, -61.07, True),  # Martinique
        (4.93, -52.33, True),  # Cayenne
        (-20.88, 55.45, True),  # Saint-Denis de La Réunion
        (-12.78, 45.23, True),  # Mamoudzou
        (40.4, -3.7, False),  # Madrid
        (52.5, 13.4, False),  # Berlin
        (0, 0, False),
    ],
)
def test_coordinates_in_france(latitude, longitude, inside):
    assert in_france(latitude, longitude) is inside


def test_coordinates_outside_france_are_refused_in_french(world):
    site = SiteFactory.build(
        commune=commune_of(world.t1), latitude=Decimal("40.4"), longitude=Decimal("-3.7")
    )
    with pytest.raises(ValidationError) as error:
        site.full_clean()
    assert "pas en France" in error.value.message_dict["latitude"][0]


def test_ready_when_all_four_procedures_are_done_or_not_required(world):
    ensure_waves()
    site = SiteFactory(commune=commune_of(world.t1))
    assert not site.is_ready and site.ready_count == 0
    for name in ("urbanism", "archaeology", "environment"):
        setattr(site, name, ProcedureState.DONE)
    site.biodiversity = ProcedureState.IN_PROGRESS
    site.save()
    assert not Site.objects.get(pk=site.pk).is_ready
    site.biodiversity = ProcedureState.NOT_REQUIRED
    site.save()
    assert Site.objects.get(pk=site.pk).is_ready
    assert [state for _, state, _ in site.procedures][-1] == "not_required"


def test_search_text_is_folded(world):
    site = SiteFactory(commune=commune_of(world.t1), name="Écoparc de Châtellerault")
    assert "|ecoparc de chatellerault|" in site.search_text
    assert site.commune.name.lower() in site.search_text
