"""The open-data table of sites clés en main: one row per site, public columns only.

Shared by the API's CSV and the downloads of ``/exports/`` (CSV, XLSX, JSON). The contact
(référent) and the enquiries are never part of it.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.urls import reverse

from .enums import ACCESS, PROCEDURES, UTILITIES
from .models import Site


def flat(value) -> object:
    """A cell for CSV and XLSX: « oui »/« non » for booleans, empty for unknown values."""
    if isinstance(value, bool):
        return "oui" if value else "non"
    return "" if value is None else value


def _columns() -> list[tuple[str, str, Callable[[Site], object]]]:
    """(CSV header in French, JSON key, value getter)."""
    columns = [
        ("référence", "slug", lambda s: s.slug),
        ("nom", "name", lambda s: s.name),
        ("statut", "status", lambda s: s.get_status_display()),
        ("vague", "wave", lambda s: s.wave.name if s.wave else ""),
        ("commune (code INSEE)", "commune_insee", lambda s: s.commune.insee_code),
        ("commune", "commune", lambda s: s.commune.name),
        ("département", "department", lambda s: s.commune.department.code),
        ("région", "region", lambda s: s.commune.region.code),
        ("territoire", "territory", lambda s: s.territory.identifier if s.territory else ""),
        ("nom du territoire", "territory_name", lambda s: s.territory.name if s.territory else ""),
        ("latitude", "latitude", lambda s: s.latitude),
        ("longitude", "longitude", lambda s: s.longitude),
        ("surface totale (ha)", "surface_total_ha", lambda s: s.surface_total_ha),
        ("surface disponible (ha)", "surface_available_ha", lambda s: s.surface_available_ha),
        ("propriétaire", "owner_name", lambda s: s.owner_name),
        ("nature du propriétaire", "owner_kind", lambda s: s.get_owner_kind_display()),
        ("disponible à partir du", "available_from", lambda s: s.available_from),
    ]
    for has, km, label in ACCESS.values():
        columns.append((label.lower(), has, lambda s, f=has: getattr(s, f)))
        columns.append((f"{label.lower()} (km)", km, lambda s, f=km: getattr(s, f)))
    for code, label in UTILITIES.items():
        columns.append((label.lower(), code, lambda s, f=code: getattr(s, f)))
    for code, label in PROCEDURES.items():
        display = f"get_{code}_display"
        columns.append((label, code, lambda s, f=display: getattr(s, f)()))
    columns += [
        ("prêt", "is_ready", lambda s: s.is_ready),
        ("page", "page_url", page_url),
        ("données de démonstration", "is_demo", lambda s: s.is_demo),
    ]
    return columns


def page_path(site: Site) -> str:
    """The site's public page, as a path (the map's and the API's links)."""
    return reverse("site-detail", args=[site.slug])


def page_url(site: Site) -> str:
    """The site's public page, as a full address (downloaded files)."""
    return settings.TIPILOT_SITE_URL + page_path(site)


COLUMNS = _columns()
HEADER = [header for header, _, _ in COLUMNS]
KEYS = [key for _, key, _ in COLUMNS]


def values(site: Site) -> list:
    """The site's public values, typed (bool, Decimal, date, None)."""
    return [get(site) for _, _, get in COLUMNS]


def rows(sites: Iterable[Site]) -> Iterable[list]:
    """Rows for CSV and XLSX, in the order of ``HEADER``."""
    for site in sites:
        yield [flat(v) for v in values(site)]
