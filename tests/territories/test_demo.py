"""The demonstration programme, built from real EPCIs when no official list can be had."""

import io

import pytest
from django.core.management import call_command

from tests.geo.conftest import make_tgz
from tipilot.core import datasources
from tipilot.territories.demo import demo_programme_build
from tipilot.territories.importers.validation import IDENTIFIER_RE
from tipilot.territories.models import ImportBatch, Territory


def test_demo_programme_on_the_mini_geography(geography):
    result = demo_programme_build()
    territories = Territory.objects.order_by("identifier")
    assert result.created == 3
    # One per department: its most populous CC/CA lying wholly inside it.
    assert [(t.identifier, t.name) for t in territories] == [
        ("ti-2701", "CA Nevers Agglomération (démonstration)"),
        ("ti-8401", "CC Alpha (démonstration)"),
        ("ti-8402", "CC Gamma (démonstration)"),
    ]
    assert all(IDENTIFIER_RE.match(t.identifier) for t in territories)
    assert all(t.is_demo for t in territories)
    assert all(t.region_code == t.regions.get().code for t in territories)
    assert ImportBatch.objects.get().is_demo is True


def test_demo_command_falls_back_when_the_lists_are_unavailable(
    db, settings, tmp_path, monkeypatch
):
    settings.TIPILOT_DATA_MIRROR = str(tmp_path / "empty-mirror")
    settings.TIPILOT_CACHE_DIR = str(tmp_path / "cache")

    def offline(key):
        raise datasources.SourceUnavailable(f"{key} : hors ligne")

    monkeypatch.setattr(datasources, "resolve", offline)
    archive = make_tgz(tmp_path / "geo.tgz", version="6.0.0-test")
    monkeypatch.setattr(
        "tipilot.geo.sources.KNOWN_VERSIONS", {"6.0.0-test": (2026, "")}, raising=True
    )
    out, err = io.StringIO(), io.StringIO()
    call_command("demo", "--geo", str(archive), stdout=out, stderr=err)
    assert "Liste officielle indisponible : ti-2018-2022 : hors ligne" in err.getvalue()
    assert "Programme de DÉMONSTRATION" in out.getvalue()
    assert Territory.objects.filter(is_demo=True).count() == 3


@pytest.mark.django_db
def test_demo_refuses_a_missing_archive(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="archive introuvable"):
        call_command("demo", "--geo", str(tmp_path / "absent.tgz"))
