"""Official files: from the mirror folder, else the cache, else a download, always checked."""

import hashlib
import io
import urllib.request

import pytest

from tipilot.core import datasources
from tipilot.core.datasources import DataSource, SourceUnavailable, resolve

CONTENT = b'{"type": "FeatureCollection", "features": []}'


@pytest.fixture
def folders(settings, tmp_path):
    settings.TIPILOT_DATA_MIRROR = str(tmp_path / "mirror")
    settings.TIPILOT_CACHE_DIR = str(tmp_path / "cache")
    (tmp_path / "mirror").mkdir()
    return tmp_path


@pytest.fixture
def source(monkeypatch):
    """A small source of our own, so no test depends on the real files."""
    test_source = DataSource(
        key="test",
        title="Liste de test",
        mirror_path="territoires-industrie/test.geojson",
        url="https://example.invalid/test.geojson",
        sha256=hashlib.sha256(CONTENT).hexdigest(),
        licence="Licence Ouverte 2.0 (Etalab)",
        attribution="ANCT",
    )
    monkeypatch.setitem(datasources.SOURCES, "test", test_source)
    return test_source


def _offline(monkeypatch):
    def refuse(url, timeout=None):
        raise OSError("réseau injoignable")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def _files(folder):
    return [p for p in folder.rglob("*") if p.is_file()]


def _put(folder, source, content=CONTENT):
    path = folder / source.mirror_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_mirror_file_is_used_without_network(folders, source, monkeypatch):
    _offline(monkeypatch)
    path = _put(folders / "mirror", source)
    assert resolve("test") == path


def test_missing_everywhere_names_the_mirror_setting(folders, source, monkeypatch):
    _offline(monkeypatch)
    with pytest.raises(SourceUnavailable) as caught:
        resolve("test")
    assert str(caught.value) == (
        "Liste de test : téléchargement impossible depuis https://example.invalid/test.geojson "
        "(réseau injoignable) ; placez le fichier dans TIPILOT_DATA_MIRROR sous "
        "« territoires-industrie/test.geojson »."
    )
    assert _files(folders / "cache") == []  # no partial file left behind


def test_real_source_offline_names_the_mirror_setting(folders, monkeypatch):
    _offline(monkeypatch)
    with pytest.raises(SourceUnavailable, match="TIPILOT_DATA_MIRROR") as caught:
        resolve("ti-2023-2027-2024-09")
    assert "territoires-industrie/ti-2023-2027_2024-09.geojson" in str(caught.value)


def test_source_without_url(folders, source, monkeypatch):
    monkeypatch.setitem(
        datasources.SOURCES, "test", source.__class__(**{**vars(source), "url": ""})
    )
    with pytest.raises(SourceUnavailable) as caught:
        resolve("test")
    assert str(caught.value) == (
        "Liste de test : pas d'adresse de téléchargement ; placez le fichier dans "
        "TIPILOT_DATA_MIRROR sous « territoires-industrie/test.geojson »."
    )


def test_download_goes_to_the_cache(folders, source, monkeypatch):
    calls = []

    def fake(url, timeout=None):
        calls.append(url)
        return io.BytesIO(CONTENT)

    monkeypatch.setattr(urllib.request, "urlopen", fake)
    path = resolve("test")
    assert path == folders / "cache" / source.mirror_path
    assert path.read_bytes() == CONTENT
    assert resolve("test") == path
    assert calls == [source.url]  # the second call read the cache


def test_mirror_file_with_wrong_checksum_is_refused(folders, source, monkeypatch):
    _offline(monkeypatch)
    path = _put(folders / "mirror", source, b"altered")
    with pytest.raises(SourceUnavailable) as caught:
        resolve("test")
    assert str(caught.value) == (
        f"{path} : l'empreinte SHA-256 ne correspond pas à Liste de test (attendu {source.sha256})."
    )


def test_downloaded_file_with_wrong_checksum_is_refused(folders, source, monkeypatch):
    monkeypatch.setattr(urllib.request, "urlopen", lambda url, timeout=None: io.BytesIO(b"x"))
    with pytest.raises(SourceUnavailable, match="l'empreinte SHA-256 ne correspond pas"):
        resolve("test")
    assert _files(folders / "cache") == []  # the next run downloads again
    monkeypatch.setattr(urllib.request, "urlopen", lambda url, timeout=None: io.BytesIO(CONTENT))
    assert resolve("test").read_bytes() == CONTENT


def test_every_source_has_a_licence_and_a_checksum():
    for source in datasources.SOURCES.values():
        assert source.licence and source.attribution
        assert len(source.sha256) == 64
