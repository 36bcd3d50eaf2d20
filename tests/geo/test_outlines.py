"""Outlines: communes from GeoJSON, everything above them as unions of their communes."""

import json

import pytest
import shapely

from tests.conftest import DATA, load_geo
from tipilot.geo import outlines
from tipilot.geo.models import Commune, Department, Epci, Region

pytestmark = pytest.mark.django_db
COMMUNES = DATA / "communes.geojson"


def _quiet(step, done, total):
    return None


def _load(*paths, only_missing=False):
    shapes = outlines.read_geojson(list(paths))
    return outlines.load_outlines(shapes=shapes, only_missing=only_missing, progress=_quiet)


def _bounds(outline: str) -> tuple[float, ...]:
    return tuple(shapely.from_geojson(outline).bounds)


def _source_shapes() -> dict[str, object]:
    return dict(outlines.read_geojson([COMMUNES]))


def _union_bounds(codes) -> tuple[float, ...]:
    shapes = _source_shapes()
    return tuple(shapely.union_all([shapes[c] for c in codes]).bounds)


def _write(tmp_path, name, features: dict[str, dict]):
    path = tmp_path / name
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"code": code}, "geometry": geometry}
            for code, geometry in features.items()
        ],
    }
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def _square(x, y, size=0.1):
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def test_commune_outlines_are_stored_as_geojson():
    load_geo("decoupage-2026", 2026)
    counts = _load(COMMUNES)
    assert counts == {
        "communes": 10,
        "epci": 5,
        "departements": 3,
        "regions": 2,
        "sans contour": 0,
    }
    nevers = json.loads(Commune.objects.get(insee_code="58194").outline)
    assert nevers["type"] == "Polygon"
    assert _bounds(Commune.objects.get(insee_code="58194").outline) == pytest.approx(
        (3.1, 47.0, 3.2, 47.1)
    )


def test_epci_department_and_region_outlines_are_unions():
    load_geo("decoupage-2026", 2026)
    _load(COMMUNES)
    for epci in Epci.objects.all():
        codes = epci.communes.values_list("insee_code", flat=True)
        assert _bounds(epci.outline) == pytest.approx(_union_bounds(codes)), epci.name
    alpha = Epci.objects.get(siren="200000001")
    assert _bounds(alpha.outline) == pytest.approx((5.0, 46.0, 5.2, 46.1))
    assert shapely.from_geojson(alpha.outline).geom_type == "Polygon"  # adjacent squares merged
    ain = Department.objects.get(code="01")
    assert _bounds(ain.outline) == pytest.approx((5.0, 46.0, 5.4, 46.1))
    bfc = Region.objects.get(code="27")
    assert _bounds(bfc.outline) == pytest.approx((3.1, 46.9, 3.7, 47.1))


def test_merged_commune_gets_the_union_of_its_former_communes(tmp_path):
    load_geo("decoupage-2026", 2026)  # 01001 lists 01099 among its former codes
    path = _write(tmp_path, "old.geojson", {"01099": _square(4.9, 46.0)})
    counts = _load(path)
    assert counts["communes"] == 1
    assert counts["sans contour"] == 9
    merged = Commune.objects.get(insee_code="01001")
    assert _bounds(merged.outline) == pytest.approx((4.9, 46.0, 5.0, 46.1))
    assert Epci.objects.get(siren="200000001").outline  # unions use it too


def test_own_outline_wins_over_former_communes(tmp_path):
    load_geo("decoupage-2026", 2026)
    path = _write(tmp_path, "old.geojson", {"01099": _square(4.9, 46.0)})
    _load(COMMUNES, path)
    merged = Commune.objects.get(insee_code="01001")
    assert _bounds(merged.outline) == pytest.approx((5.0, 46.0, 5.1, 46.1))


def test_only_missing_keeps_existing_outlines(tmp_path):
    load_geo("decoupage-2026", 2026)
    partial = _write(
        tmp_path, "partial.geojson", {k: v for k, v in _raw_features().items() if k != "58086"}
    )
    _load(partial)
    assert Commune.objects.get(insee_code="58086").outline == ""
    before = Commune.objects.get(insee_code="58194").outline
    moved = _write(
        tmp_path, "moved.geojson", {"58194": _square(0.0, 0.0), "58086": _square(3.6, 46.9)}
    )
    counts = _load(moved, only_missing=True)
    assert counts["communes"] == 1
    assert Commune.objects.get(insee_code="58194").outline == before
    assert _bounds(Commune.objects.get(insee_code="58086").outline) == pytest.approx(
        (3.6, 46.9, 3.7, 47.0)
    )
    # Unions are rebuilt from the kept and the new outlines alike.
    assert _bounds(Region.objects.get(code="27").outline) == pytest.approx((3.1, 46.9, 3.7, 47.1))


def test_without_only_missing_outlines_are_replaced(tmp_path):
    load_geo("decoupage-2026", 2026)
    _load(COMMUNES)
    _load(_write(tmp_path, "moved.geojson", {"58194": _square(0.0, 0.0)}))
    assert _bounds(Commune.objects.get(insee_code="58194").outline) == pytest.approx(
        (0.0, 0.0, 0.1, 0.1)
    )


def test_read_geojson_accepts_folders_and_other_code_properties(tmp_path):
    folder = tmp_path / "by-department"
    folder.mkdir()
    (folder / "58.geojson").write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"INSEE_COM": "58194"},
                        "geometry": _square(3.1, 47.0),
                    },
                    {"type": "Feature", "properties": {"insee_com": "58303"}, "geometry": None},
                ],
            }
        )
    )
    assert [code for code, _ in outlines.read_geojson([folder])] == ["58194"]


def _raw_features() -> dict[str, dict]:
    collection = json.loads(COMMUNES.read_text(encoding="utf-8"))
    return {f["properties"]["code"]: f["geometry"] for f in collection["features"]}
