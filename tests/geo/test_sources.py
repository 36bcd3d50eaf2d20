"""Reading the Etalab package: every way a file can be unusable gives one clear error."""

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import DATA
from tipilot.geo.sources import (
    KNOWN_VERSIONS,
    SourceError,
    integrity_of,
    read_package,
    vintage_of,
)

from .conftest import geo_counts

pytestmark = pytest.mark.django_db


def _load_fails(path, *args) -> str:
    before = geo_counts()
    with pytest.raises(CommandError) as caught:
        call_command("geo", "load", str(path), *args)
    assert geo_counts() == before, "a rejected package must write nothing"
    return str(caught.value)


def test_missing_file(tmp_path):
    path = tmp_path / "absent.tgz"
    assert _load_fails(path, "--vintage", "2026") == f"{path} : fichier ou dossier introuvable."


def test_corrupt_tgz(tmp_path):
    path = tmp_path / "corrupt.tgz"
    path.write_bytes(b"this is not a gzip file")
    message = _load_fails(path, "--vintage", "2026")
    assert message.startswith(f"{path} : archive illisible (")


def test_truncated_tgz(tgz, tmp_path):
    whole = tgz(version="6.0.0-test").read_bytes()
    path = tmp_path / "truncated.tgz"
    path.write_bytes(whole[: len(whole) // 2])
    assert _load_fails(path, "--vintage", "2026").startswith(f"{path} : archive illisible (")


def test_tgz_missing_a_data_file(tgz):
    path = tgz(version="6.0.0-test", skip=("data/communes.json",))
    message = _load_fails(path, "--vintage", "2026")
    assert message == f"{path} : package/data/communes.json absent de l'archive."


def test_tgz_with_invalid_json(tgz):
    path = tgz(version="6.0.0-test", replace={"data/epci.json": b'[{"code": '})
    message = _load_fails(path, "--vintage", "2026")
    assert message.startswith(f"{path} : package/data/epci.json n'est pas du JSON valide (")


def test_folder_with_invalid_json(mini_copy):
    folder = mini_copy()
    (folder / "data" / "regions.json").write_text("[{", encoding="utf-8")
    message = _load_fails(folder, "--vintage", "2026")
    assert message.startswith(f"{folder / 'data' / 'regions.json'} : JSON invalide (")


def test_folder_missing_a_data_file(mini_copy):
    folder = mini_copy()
    (folder / "data" / "epci.json").unlink()
    assert _load_fails(folder, "--vintage", "2026") == (
        f"{folder / 'data' / 'epci.json'} : fichier absent."
    )


def test_integrity_mismatch_for_a_known_version(tgz):
    path = tgz(version="6.0.0")  # the pinned sha512 is that of the official tarball
    message = _load_fails(path)
    expected = KNOWN_VERSIONS["6.0.0"][1]
    assert message == (
        f"{path} : l'empreinte {integrity_of(path)} ne correspond pas à "
        f"@etalab/decoupage-administratif@6.0.0 ({expected}) ; fichier altéré ou incomplet."
    )


def test_unknown_version_needs_vintage():
    message = _load_fails(DATA / "decoupage-2026")
    assert message == (
        "millésime inconnu pour @etalab/decoupage-administratif@6.0.0-test : "
        "précisez --vintage ANNÉE."
    )


def test_vintage_of_known_version_and_override():
    package = read_package(DATA / "decoupage-2026")
    package.version = "6.0.0"
    assert vintage_of(package, None) == 2026
    assert vintage_of(package, 2025) == 2025


def test_read_tgz_gives_same_data_as_folder(tgz):
    path = tgz(version="6.0.0-test")
    from_tgz = read_package(path)
    from_folder = read_package(DATA / "decoupage-2026")
    assert from_tgz.version == from_folder.version == "6.0.0-test"
    assert from_tgz.integrity == integrity_of(path)
    assert from_tgz.data == from_folder.data
    assert "ept" not in from_tgz.data  # optional file


def test_read_package_error_is_a_source_error(tmp_path):
    with pytest.raises(SourceError):
        read_package(tmp_path / "nothing-here")
