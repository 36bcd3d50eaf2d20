"""Reading Etalab's « découpage administratif » package (npm ``@etalab/decoupage-administratif``).

The package is fetched at set-up with ``npm pack`` at a pinned version; we accept the ``.tgz``
or its unpacked ``data/`` folder, check the tarball against the registry's integrity hash when
we know it, and map the package version to the COG year it holds.
"""

import base64
import hashlib
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
DEFAULT_VERSION = "6.0.0"

# Registry integrity (sha512) of the versions whose vintage we know for sure.
KNOWN_VERSIONS: dict[str, tuple[int, str]] = {
    "6.0.0": (
        2026,
        "sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ==",
    ),
    "1.1.1": (2021, ""),
}

FILES = ("regions", "departements", "communes", "epci", "ept")


class SourceError(Exception):
    pass


@dataclass
class GeoPackage:
    version: str
    integrity: str
    data: dict[str, list[dict]]


def integrity_of(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def read_package(path: Path) -> GeoPackage:
    path = Path(path)
    if path.is_dir():
        return _read_folder(path)
    if not path.is_file():
        raise SourceError(f"{path} : fichier ou dossier introuvable.")
    integrity = integrity_of(path)
    try:
        with tarfile.open(path, "r:gz") as tar:
            members = {m.name: m for m in tar.getmembers()}
            meta = _json_member(tar, members, "package/package.json", path)
            data = {
                name: _json_member(tar, members, f"package/data/{name}.json", path)
                for name in FILES
                if f"package/data/{name}.json" in members or name != "ept"
            }
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise SourceError(f"{path} : archive illisible ({exc}).") from exc
    version = meta.get("version", "")
    expected = KNOWN_VERSIONS.get(version, (0, ""))[1]
    if expected and integrity != expected:
        raise SourceError(
            f"{path} : l'empreinte {integrity} ne correspond pas à {PACKAGE}@{version} "
            f"({expected}) ; fichier altéré ou incomplet."
        )
    return GeoPackage(version=version, integrity=integrity, data=data)


def _json_member(tar, members, name, path):
    if name not in members:
        raise SourceError(f"{path} : {name} absent de l'archive.")
    try:
        return json.load(tar.extractfile(members[name]))
    except ValueError as exc:
        raise SourceError(f"{path} : {name} n'est pas du JSON valide ({exc}).") from exc


def _read_folder(path: Path) -> GeoPackage:
    folder = path / "data" if (path / "data").is_dir() else path
    package_json = folder.parent / "package.json"
    version = ""
    if package_json.is_file():
        version = json.loads(package_json.read_text()).get("version", "")
    data = {}
    for name in FILES:
        file = folder / f"{name}.json"
        if not file.is_file():
            if name == "ept":
                continue
            raise SourceError(f"{file} : fichier absent.")
        try:
            data[name] = json.loads(file.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise SourceError(f"{file} : JSON invalide ({exc}).") from exc
    return GeoPackage(version=version, integrity="", data=data)


def vintage_of(package: GeoPackage, override: int | None) -> int:
    if override:
        return override
    if package.version in KNOWN_VERSIONS:
        return KNOWN_VERSIONS[package.version][0]
    raise SourceError(
        f"millésime inconnu pour {PACKAGE}@{package.version or '?'} : précisez --vintage ANNÉE."
    )
