"""Helpers to build small geography packages (folders and npm-style .tgz) in tmp_path."""

import io
import json
import tarfile
from pathlib import Path

import pytest

from tests.conftest import DATA
from tipilot.geo.models import Commune, Department, Epci, Region, Vintage

FILES = ("regions", "departements", "communes", "epci")


def geo_counts() -> dict[str, int]:
    """Row counts of every geography table, to check that a rejected load wrote nothing."""
    models = (Region, Department, Commune, Epci, Vintage, Epci.communes.through)
    counts = {model._meta.db_table: model.objects.count() for model in models}
    counts["commune.epci"] = Commune.objects.filter(epci__isnull=False).count()
    return counts


def read_mini(version_folder: str = "decoupage-2026") -> dict[str, list[dict]]:
    folder = DATA / version_folder / "data"
    return {name: json.loads((folder / f"{name}.json").read_text()) for name in FILES}


@pytest.fixture
def mini_copy(tmp_path):
    """Write a (possibly edited) copy of a mini package to tmp_path and return its folder."""

    def build(data=None, version="6.0.0-test", source="decoupage-2026", name="pkg") -> Path:
        folder = tmp_path / name
        (folder / "data").mkdir(parents=True)
        (folder / "package.json").write_text(json.dumps({"version": version}))
        for file, rows in (data or read_mini(source)).items():
            (folder / "data" / f"{file}.json").write_text(json.dumps(rows), encoding="utf-8")
        return folder

    return build


def make_tgz(
    target: Path,
    source: Path = DATA / "decoupage-2026",
    *,
    version: str | None = None,
    skip: tuple[str, ...] = (),
    replace: dict[str, bytes] | None = None,
) -> Path:
    """An npm-style tarball (``package/`` prefix) of a package folder."""
    replace = dict(replace or {})
    if version is not None:
        replace["package.json"] = json.dumps({"version": version}).encode()
    with tarfile.open(target, "w:gz") as tar:
        for path in sorted(source.rglob("*.json")):
            name = path.relative_to(source).as_posix()
            if name in skip:
                continue
            content = replace.get(name, path.read_bytes())
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return target


@pytest.fixture
def tgz(tmp_path):
    def build(name="decoupage.tgz", **kwargs):
        return make_tgz(tmp_path / name, **kwargs)

    return build
