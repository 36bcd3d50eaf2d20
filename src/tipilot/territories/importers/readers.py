"""Readers for the three official formats, each giving the same list of raw territories.

- ANCT cartography GeoJSON, 2023-2027 style: ``id_territoire, lib_territoire, liste_geo``
  (members as ``"Name (SIREN); Name (SIREN)"``);
- ANCT cartography GeoJSON, 2018 style: ``id_ti, lib_ti, siren_groupement`` (``", "``-joined;
  names are not split because some contain commas);
- data.gouv.fr CSV: the groupement list (``id_ti, lib_ti, siren_groupement, lib_groupement,
  nature_juridique``) or the commune list (``insee_com, lib_com, id_ti, lib_ti``).
Readers only parse; every problem they meet is reported with its line or feature number.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tipilot.core.errors import ValidationReport
from tipilot.core.text import clean_label

MEMBER_RE = re.compile(r"^(?P<name>.*)\((?P<code>[^()]*)\)\s*$")
GROUP_COLUMNS = {"id_ti", "lib_ti", "siren_groupement"}
COMMUNE_COLUMNS = {"insee_com", "id_ti", "lib_ti"}


@dataclass
class RawMember:
    code: str
    kind: str  # "siren" or "insee"
    name: str
    where: str


@dataclass
class RawTerritory:
    identifier: str
    name: str
    where: str
    members: list[RawMember] = field(default_factory=list)
    geometry: dict | None = None


@dataclass
class ParsedFile:
    file_format: str
    territories: list[RawTerritory]
    report: ValidationReport


def read_file(path: Path, source: str | None = None) -> ParsedFile:
    path = Path(path)
    report = ValidationReport(source or path.name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report.error("fichier", "-", f"illisible ({exc.strerror})")
        return ParsedFile("inconnu", [], report)
    if path.suffix.lower() in (".geojson", ".json"):
        return _read_geojson(raw, report)
    if path.suffix.lower() == ".csv":
        return _read_csv(raw, report)
    report.error("fichier", "-", "format non reconnu : .geojson, .json ou .csv attendu")
    return ParsedFile("inconnu", [], report)


def _read_geojson(raw: bytes, report: ValidationReport) -> ParsedFile:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        report.error("fichier", "-", f"JSON invalide ({exc})")
        return ParsedFile("geojson", [], report)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        report.error("fichier", "features", "une FeatureCollection GeoJSON est attendue")
        return ParsedFile("geojson", [], report)
    territories = []
    for number, feature in enumerate(features, 1):
        where = f"entité {number}"
        props = (feature or {}).get("properties") or {}
        if "id_territoire" in props:
            territory = _anct_v2(props, where, report)
        elif "id_ti" in props:
            territory = _anct_2018(props, where, report)
        else:
            report.error(where, "properties", "ni id_territoire ni id_ti : format non reconnu")
            continue
        territory.geometry = feature.get("geometry")
        territories.append(territory)
    return ParsedFile("geojson-anct", territories, report)


def _anct_v2(props, where, report) -> RawTerritory:
    territory = RawTerritory(
        identifier=clean_label(props.get("id_territoire")),
        name=clean_label(props.get("lib_territoire")),
        where=where,
    )
    for part in filter(None, (p.strip() for p in (props.get("liste_geo") or "").split(";"))):
        match = MEMBER_RE.match(part)
        if not match:
            report.error(where, "liste_geo", f"membre « {part} » sans SIREN entre parenthèses")
            continue
        territory.members.append(
            RawMember(match["code"].strip(), "siren", clean_label(match["name"]), where)
        )
    return territory


def _anct_2018(props, where, report) -> RawTerritory:
    territory = RawTerritory(
        identifier=clean_label(props.get("id_ti")),
        name=clean_label(props.get("lib_ti")),
        where=where,
    )
    if "siren_groupement" not in props:
        report.error(where, "siren_groupement", "colonne absente")
    for code in filter(
        None, (c.strip() for c in str(props.get("siren_groupement") or "").split(","))
    ):
        territory.members.append(RawMember(code, "siren", "", where))
    return territory


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _read_csv(raw: bytes, report: ValidationReport) -> ParsedFile:
    text = _decode(raw)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = {(c or "").strip() for c in (reader.fieldnames or [])}
    if GROUP_COLUMNS <= columns:
        kind, code_column, file_format = "siren", "siren_groupement", "csv-groupements"
    elif COMMUNE_COLUMNS <= columns:
        kind, code_column, file_format = "insee", "insee_com", "csv-communes"
    else:
        expected = COMMUNE_COLUMNS if "insee_com" in columns else GROUP_COLUMNS
        missing = sorted(expected - columns)
        report.error("ligne 1", "en-tête", f"colonnes attendues absentes : {', '.join(missing)}")
        return ParsedFile("csv", [], report)
    by_id: dict[str, RawTerritory] = {}
    for number, row in enumerate(reader, 2):
        row = {(k or "").strip(): clean_label(v) for k, v in row.items() if k}
        where = f"ligne {number}"
        identifier, name = row.get("id_ti", ""), row.get("lib_ti", "")
        territory = by_id.get(identifier)
        if territory is None:
            territory = by_id[identifier] = RawTerritory(identifier, name, where)
        elif name != territory.name:
            report.error(
                where, "lib_ti", f"« {name} » diffère de « {territory.name} » ({territory.where})"
            )
        name_column = "lib_groupement" if kind == "siren" else "lib_com"
        territory.members.append(
            RawMember(row.get(code_column, ""), kind, row.get(name_column, ""), where)
        )
    return ParsedFile(file_format, list(by_id.values()), report)
