import pytest

from tests.analytics.data import build_bilan_data


@pytest.fixture
def bilan_data(world):
    return build_bilan_data(world)
