"""A stand-in programme built from real EPCIs, for when no official list can be had.

Used only by ``tipilot demo`` when the official files are neither in the mirror nor
downloadable. Every territory it creates is marked ``is_demo`` and every page then shows the
« données de démonstration » banner.
"""

import datetime as dt
from collections import defaultdict

from tipilot.core.errors import ValidationReport
from tipilot.geo.enums import EpciKind
from tipilot.geo.models import Epci

from .importers import ParsedFile, RawMember, RawTerritory
from .models import Generation
from .services import ImportResult, territories_import

DEMO_DATE = dt.date(2023, 11, 14)


def demo_programme_build() -> ImportResult:
    """One territory per department: its most populous community of communes or agglomeration."""
    best: dict[str, Epci] = {}
    region_of: dict[str, str] = {}
    candidates = Epci.objects.filter(
        dissolved=False, kind__in=[EpciKind.CC, EpciKind.CA]
    ).prefetch_related("communes__department")
    for epci in candidates.order_by("-population"):
        departments = {c.department for c in epci.communes.all()}
        if len(departments) != 1:
            continue
        department = departments.pop()
        if department.code not in best:
            best[department.code] = epci
            region_of[department.code] = department.region.code
    per_region: dict[str, int] = defaultdict(int)
    territories = []
    for code in sorted(best):
        region = region_of[code]
        per_region[region] += 1
        epci = best[code]
        territories.append(
            RawTerritory(
                identifier=f"ti-{region}{per_region[region]:02d}",
                name=f"{epci.name} (démonstration)",
                where=f"démo {code}",
                members=[RawMember(epci.siren, "siren", epci.name, f"démo {code}")],
            )
        )
    parsed = ParsedFile("demo", territories, ValidationReport("programme de démonstration"))
    return territories_import(
        parsed=parsed,
        generation=Generation.objects.get(code="2023-2027"),
        as_of=DEMO_DATE,
        sha256="demo",
        is_demo=True,
    )
