import pytest

from tests.deployments.factories import ensure_targets
from tipilot.geo.models import Commune


def commune_of(territory) -> Commune:
    """The first member commune of a ``world`` territory."""
    return Commune.objects.filter(epci_memberships__territory_memberships__territory=territory)[0]


@pytest.fixture
def targets(world):
    ensure_targets()
    return world
