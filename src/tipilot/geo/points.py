"""A point for the map inside a commune's outline, for what is placed by its commune only
(a site, a deployment) when no coordinates were given."""

from decimal import Decimal

import shapely

PLACES = Decimal("0.00001")


def point_in_outline(outline: str) -> tuple[Decimal, Decimal] | None:
    """(latitude, longitude) of a point surely inside the GeoJSON outline, or None."""
    if not outline:
        return None
    try:
        geometry = shapely.from_geojson(outline)
    except shapely.errors.GEOSException:
        return None
    if geometry.is_empty:
        return None
    point = geometry.representative_point()
    return Decimal(point.y).quantize(PLACES), Decimal(point.x).quantize(PLACES)
