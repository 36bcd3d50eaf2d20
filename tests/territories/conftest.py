"""Helpers for the territory importer tests."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import DATA, import_territories
from tipilot.territories.models import ImportBatch, Membership, Territory, TerritoryChange

TERRITORIES = DATA / "territories"
BAD = TERRITORIES / "bad"


def territory_counts() -> dict[str, int]:
    """Row counts of every table an import writes to, to check a rejected one wrote nothing."""
    models = (Territory, Membership, TerritoryChange, ImportBatch)
    return {model.__name__: model.objects.count() for model in models}


def run_import(
    path: Path, *options: str, generation="2023-2027", as_of="2024-07-04", err=None
) -> tuple[str, str]:
    """``tipilot territories import``; returns (stdout, stderr). Pass ``err`` to read stderr
    when the command fails."""
    out, err = io.StringIO(), err or io.StringIO()
    call_command(
        "territories",
        "import",
        str(path),
        "--generation",
        generation,
        "--as-of",
        as_of,
        *options,
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


@pytest.fixture
def state_2023(geography):
    """The mini geography and the 2023-11-14 state of 2023-2027 (3 territories)."""
    import_territories("ti-v2-2023-11.geojson", "2023-2027", "2023-11-14")
    return dt.date(2023, 11, 14)
