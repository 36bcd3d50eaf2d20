"""Shared fixtures: a small real-shaped geography and programme loaded through the importers."""

import datetime as dt
from pathlib import Path

import pytest

from tipilot.geo import outlines
from tipilot.geo.importers import load_package
from tipilot.geo.sources import read_package
from tipilot.territories.importers import read_file
from tipilot.territories.models import Generation
from tipilot.territories.services import territories_import

DATA = Path(__file__).parent / "data"


def _quiet(step, done, total):
    return None


def load_geo(version_folder: str, vintage: int):
    package = read_package(DATA / version_folder)
    return load_package(package=package, vintage=vintage, source=version_folder, progress=_quiet)


def import_territories(name: str, generation: str, as_of: str, **kwargs):
    path = DATA / "territories" / name
    return territories_import(
        parsed=read_file(path),
        generation=Generation.objects.get(code=generation),
        as_of=dt.date.fromisoformat(as_of),
        sha256=name,
        **kwargs,
    )


@pytest.fixture
def geography(db):
    """Vintage 2026 of the mini geography (2 regions, 3 departments, 10 communes, 5 EPCI)."""
    load_geo("decoupage-2026", 2026)
    outlines.load_outlines(
        shapes=outlines.read_geojson([DATA / "communes.geojson"]), progress=_quiet
    )


@pytest.fixture
def geography_history(db):
    """Vintages 2021 then 2026: CC Ancienne (200000009) dissolved, commune 01099 merged."""
    load_geo("decoupage-2021", 2021)
    load_geo("decoupage-2026", 2026)
    outlines.load_outlines(
        shapes=outlines.read_geojson([DATA / "communes.geojson"]), progress=_quiet
    )


@pytest.fixture
def programme(geography_history):
    """Both generations: 2018-2022 (2 territories) and 2023-2027 in two dated states.

    Between 2023-11-14 and 2024-07-04: ti-8401 renamed, ti-2701 gains Cercy-la-Tour,
    ti-8402 leaves the programme.
    """
    import_territories("ti-2018.geojson", "2018-2022", "2022-12-31")
    import_territories("ti-v2-2023-11.geojson", "2023-2027", "2023-11-14")
    import_territories("ti-v2-2024-07.geojson", "2023-2027", "2024-07-04")
