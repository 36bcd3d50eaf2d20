"""Reads of the deployments registries: filtered lists, map points, counts against targets."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from tipilot.core.text import fold
from tipilot.geo.models import Region

from .enums import (
    COUNTED_STATUSES,
    COUNTING_RULES,
    MEASURE_CODES,
    WAVES,
    DeploymentKind,
    DeploymentStatus,
)
from .models import Deployment, DeploymentTarget


@dataclass(frozen=True)
class DeploymentFilters:
    kind: str = ""
    region: str = ""
    territory: str = ""
    status: str = ""
    wave: int | None = None
    measure: str = ""
    q: str = ""


def _filtered(filters: DeploymentFilters) -> QuerySet[Deployment]:
    qs = Deployment.objects.all()
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.region:
        qs = qs.filter(commune__region__code=filters.region)
    if filters.territory:
        qs = qs.filter(territory__identifier=filters.territory)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.wave is not None:
        qs = qs.filter(wave=filters.wave)
    if filters.measure:
        qs = qs.filter(measure__code=filters.measure)
    for word in fold(filters.q).split():
        qs = qs.filter(search_text__contains=word)
    return qs


def deployment_list(filters: DeploymentFilters = DeploymentFilters()) -> QuerySet[Deployment]:
    """Deployments with their commune, region, territory, organisation and measure: 1 query."""
    return (
        _filtered(filters)
        .select_related(
            "commune__region",
            "commune__department",
            "territory__generation",
            "organisation",
            "measure",
        )  # fmt: skip
        .defer(
            "commune__outline",
            "commune__region__outline",
            "commune__department__outline",
            "territory__outline",
            "territory__search_text",
        )  # fmt: skip
        .order_by("kind", "name", "id")
    )


def deployment_detail(pk: int) -> Deployment:
    return deployment_list().prefetch_related("measure__operators").get(pk=pk)


def map_points(filters: DeploymentFilters = DeploymentFilters()) -> list[dict]:
    """One row per deployment with a point: the GeoJSON's properties. One query."""
    rows = (
        _filtered(filters)
        .exclude(latitude__isnull=True)
        .exclude(longitude__isnull=True)
        .values(
            "pk",
            "kind",
            "name",
            "status",
            "wave",
            "latitude",
            "longitude",
            "commune__name",
            "territory__identifier",
            "territory__name",
        )  # fmt: skip
        .order_by("kind", "pk")
    )
    kinds, statuses = dict(DeploymentKind.choices), dict(DeploymentStatus.choices)
    return [
        {
            "id": row["pk"],
            "kind": row["kind"],
            "kind_label": kinds[row["kind"]],
            "name": row["name"],
            "status": row["status"],
            "status_label": statuses[row["status"]],
            "wave": row["wave"],
            "commune": row["commune__name"],
            "territory": row["territory__identifier"],
            "territory_name": row["territory__name"],
            "latitude": float(row["latitude"]),
            "longitude": float(row["longitude"]),
        }
        for row in rows
    ]


def _counted_q() -> Q:
    condition = Q(pk__in=[])
    for kind, statuses in COUNTED_STATUSES.items():
        condition |= Q(kind=kind, status__in=statuses)
    return condition


def target_progress(
    *, region: str = "", territory: str = "", territory_pk: int | None = None
) -> list[dict]:
    """Per kind: the target, how many count toward it (see ``COUNTED_STATUSES``), the share,
    how many are registered, and by wave. Two queries."""
    rows = Deployment.objects.all()
    if region:
        rows = rows.filter(commune__region__code=region)
    if territory:
        rows = rows.filter(territory__identifier=territory)
    if territory_pk is not None:
        rows = rows.filter(territory_id=territory_pk)
    counts = defaultdict(lambda: {"counted": 0, "registered": 0, "waves": defaultdict(int)})
    grouped = rows.values("kind", "wave").annotate(
        registered=Count("pk"), counted=Count("pk", filter=_counted_q())
    )
    for row in grouped:
        entry = counts[row["kind"]]
        entry["registered"] += row["registered"]
        entry["counted"] += row["counted"]
        if row["wave"] is not None:
            entry["waves"][row["wave"]] += row["counted"]
    targets = {t.kind: t for t in DeploymentTarget.objects.select_related("measure")}
    return [_progress(kind, counts[kind], targets.get(kind)) for kind in KIND_ORDER]


KIND_ORDER = (DeploymentKind.CNAM_ANTENNA, DeploymentKind.PRODUCTION_SCHOOL, DeploymentKind.VTE)


def _progress(kind: str, counts: dict, target: DeploymentTarget | None) -> dict:
    value = target.value if target else None
    share = round(counts["counted"] / value, 4) if value else None
    return {
        "kind": kind,
        "label": DeploymentKind(kind).label,
        "counted": counts["counted"],
        "registered": counts["registered"],
        "rule": COUNTING_RULES[kind],
        "target": value,
        "target_label": target.label if target else "",
        "source": target.source if target else "",
        "measure_id": target.measure_id if target else None,
        "share": share,
        "percent": min(100, round(share * 100)) if share is not None else None,
        "waves": [{"wave": w, "counted": counts["waves"].get(w, 0)} for w in WAVES.get(kind, ())],
    }


def progress_by_region() -> list[dict]:
    """Per region with deployments: counted deployments of each kind. Two queries."""
    rows = (
        Deployment.objects.filter(_counted_q())
        .values("commune__region__code", "kind")
        .annotate(n=Count("pk"))
    )
    table: dict[str, dict] = defaultdict(lambda: dict.fromkeys(KIND_ORDER, 0))
    for row in rows:
        table[row["commune__region__code"]][row["kind"]] = row["n"]
    names = dict(Region.objects.filter(code__in=table).values_list("code", "name"))
    return [
        {
            "code": code,
            "name": names.get(code, code),
            "counts": [table[code][k] for k in KIND_ORDER],
        }
        for code in sorted(table, key=lambda c: names.get(c, c))
    ]


def measure_progress(measure) -> dict | None:
    """The registry progress of a measure (None when the measure has no registry)."""
    kind = measure_kind(measure)
    if not kind:
        return None
    return next(p for p in target_progress() if p["kind"] == kind)


def measure_kind(measure) -> str:
    return next((k for k, code in MEASURE_CODES.items() if code == measure.code), "")
