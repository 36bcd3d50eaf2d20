"""Where official files come from: a local mirror folder, a cache, or their publisher.

Government networks are often offline, so an administrator can drop the official files in a
folder and point ``TIPILOT_DATA_MIRROR`` at it; tipilot then never goes to the network. Every
source records its licence and attribution (also listed in the README).
"""

import hashlib
import shutil
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class DataSource:
    key: str
    title: str
    mirror_path: str  # relative to TIPILOT_DATA_MIRROR (and to the cache folder)
    url: str  # empty when the file comes from a package registry through its own client
    sha256: str
    licence: str
    attribution: str


class SourceUnavailable(Exception):
    pass


ANCT_BASE = "https://raw.githubusercontent.com/anct-carto"

SOURCES: dict[str, DataSource] = {
    s.key: s
    for s in [
        DataSource(
            key="ti-2018-2022",
            title="Territoires d'industrie 2018-2022, 149 territoires arrêtés fin 2022",
            mirror_path="territoires-industrie/ti-2018-2022_149.geojson",
            url=f"{ANCT_BASE}/superposeur-V2/3f2b0c0b87604a13831a9f214988878b6a4cb67e"
            "/data/admin/polygone-4326_ti.geojson",
            sha256="b6690f21a7421fc575c272790d896a389f6560940ce989552283ef85cef8be08",
            licence="Licence Ouverte 2.0 (Etalab)",
            attribution="ANCT — programme Territoires d'industrie, data.gouv.fr",
        ),
        DataSource(
            key="ti-2023-2027-2023-11",
            title="Territoires d'industrie 2023-2027, état de novembre 2023",
            mirror_path="territoires-industrie/ti-2023-2027_2023-11.geojson",
            url=f"{ANCT_BASE}/superposeur-anct/949f7e581185229a3bef1962d8f81f5608757f0c"
            "/data/geom/old/ti_geom.geojson",
            sha256="713fa519994b7458a187fc9834ddc7e58fe8b9e4d3a4806ad43477eef1eb5010",
            licence="Licence Ouverte 2.0 (Etalab)",
            attribution="ANCT — programme Territoires d'industrie, data.gouv.fr",
        ),
        DataSource(
            key="ti-2023-2027-2024-09",
            title="Territoires d'industrie 2023-2027, liste ANCT du 4 juillet 2024",
            mirror_path="territoires-industrie/ti-2023-2027_2024-09.geojson",
            url=f"{ANCT_BASE}/superposeur-anct/949f7e581185229a3bef1962d8f81f5608757f0c"
            "/data/geom/geojsonV2/ti_geom.geojson",
            sha256="7d114c0d2538cd1653a6807ab88fbe3bf468133c681c84b0ab2da03ffa175ffb",
            licence="Licence Ouverte 2.0 (Etalab)",
            attribution="ANCT — programme Territoires d'industrie, data.gouv.fr",
        ),
    ]
}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def resolve(key: str) -> Path:
    """Return a local path for the source, from the mirror, the cache, or a download."""
    source = SOURCES[key]
    mirror = settings.TIPILOT_DATA_MIRROR
    if mirror and (Path(mirror) / source.mirror_path).is_file():
        return _checked(Path(mirror) / source.mirror_path, source)
    cached = Path(settings.TIPILOT_CACHE_DIR) / source.mirror_path
    if not cached.is_file():
        _download(source, cached)
    try:
        return _checked(cached, source)
    except SourceUnavailable:
        cached.unlink()  # else the bad copy would be refused on every later run
        raise


def _download(source: DataSource, target: Path) -> None:
    hint = f"placez le fichier dans TIPILOT_DATA_MIRROR sous « {source.mirror_path} »"
    if not source.url:
        raise SourceUnavailable(f"{source.title} : pas d'adresse de téléchargement ; {hint}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    try:
        with urllib.request.urlopen(source.url, timeout=30) as response, partial.open("wb") as out:
            shutil.copyfileobj(response, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise SourceUnavailable(
            f"{source.title} : téléchargement impossible depuis {source.url} ({exc}) ; {hint}."
        ) from exc
    partial.rename(target)


def _checked(path: Path, source: DataSource) -> Path:
    if source.sha256 and sha256_of(path) != source.sha256:
        raise SourceUnavailable(
            f"{path} : l'empreinte SHA-256 ne correspond pas à {source.title} "
            f"(attendu {source.sha256})."
        )
    return path
