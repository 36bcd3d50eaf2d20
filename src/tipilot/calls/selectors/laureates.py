"""Public reads: the laureates of the calls (open data) and the calls' public figures.

Nothing here names a person: a laureate is a project and its organisation (name, SIREN), its
place, its amounts and the fiche action it became.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from tipilot.geo.models import Region

from ..enums import ApplicationStatus
from ..models import Application, Call

S = ApplicationStatus
MONEY = DecimalField(max_digits=16, decimal_places=2)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class LaureateFilters:
    """Filters of the public list and the API (empty: no filter)."""

    call: str = ""
    region: str = ""
    territory: str = ""
    q: str = ""


def laureate_list(filters: LaureateFilters = LaureateFilters()) -> QuerySet[Application]:
    """Laureates of published calls, newest decisions first."""
    qs = Application.objects.filter(status=S.LAUREATE, call__is_published=True)
    if filters.call:
        qs = qs.filter(call__slug=filters.call)
    if filters.territory:
        qs = qs.filter(territory__identifier=filters.territory)
    if filters.region:
        located = Application.objects.filter(
            Q(territory__regions__code=filters.region)
            | Q(territory__isnull=True, commune__region__code=filters.region)
        )
        qs = qs.filter(pk__in=located.values("pk"))
    if filters.q:
        qs = qs.filter(
            Q(title__icontains=filters.q)
            | Q(organisation__name__icontains=filters.q)
            | Q(reference__icontains=filters.q)
        )
    return (
        qs.select_related("call", "organisation", "commune__region", "territory", "action")
        .defer(
            "territory__outline",
            "territory__search_text",
            "commune__outline",
            "commune__region__outline",
            "eligibility",
            "summary",
        )
        .prefetch_related(Prefetch("territory__regions", queryset=Region.objects.defer("outline")))
        .order_by("-decided_at", "reference")
    )


def laureate_totals(qs: QuerySet[Application]) -> dict:
    return qs.aggregate(
        count=Count("pk"),
        granted=Coalesce(Sum("amount_granted"), Value(Decimal(0)), output_field=MONEY),
    )


def region_of(application: Application) -> str:
    """The project's region: its commune's, else its territory's first."""
    if application.commune_id:
        return application.commune.region.code
    regions = list(application.territory.regions.all()) if application.territory_id else []
    return regions[0].code if regions else ""


def decided_on(application: Application) -> dt.date | None:
    """The decision's date in Paris time."""
    return timezone.localdate(application.decided_at) if application.decided_at else None


def laureate_record(application: Application) -> dict:
    """One laureate as open data: no person, only the project, its organisation and amounts."""
    organisation, commune, territory = (
        application.organisation,
        application.commune,
        application.territory,
    )
    return {
        "reference": application.reference,
        "call": application.call.slug,
        "call_title": application.call.title,
        "title": application.title,
        "organisation_name": organisation.name if organisation else "",
        "organisation_siren": organisation.siren if organisation else "",
        "commune": commune.insee_code if commune else "",
        "commune_name": commune.name if commune else "",
        "territory": territory.identifier if territory else "",
        "territory_name": territory.name if territory else "",
        "region": region_of(application),
        "amount_requested": application.amount_requested,
        "amount_granted": application.amount_granted,
        "jobs_created_planned": application.jobs_created_planned,
        "jobs_maintained_planned": application.jobs_maintained_planned,
        "decided_on": decided_on(application),
        "action": application.action.external_id if application.action_id else "",
        "is_demo": application.is_demo,
    }


LAUREATE_COLUMNS = {
    "reference": "référence",
    "call": "appel",
    "call_title": "intitulé de l'appel",
    "title": "projet",
    "organisation_name": "porteur",
    "organisation_siren": "SIREN du porteur",
    "commune": "code INSEE de la commune",
    "commune_name": "commune",
    "territory": "territoire",
    "territory_name": "nom du territoire",
    "region": "région",
    "amount_requested": "aide demandée (€)",
    "amount_granted": "aide accordée (€)",
    "jobs_created_planned": "emplois créés prévus",
    "jobs_maintained_planned": "emplois maintenus prévus",
    "decided_on": "décidé le",
    "action": "fiche action",
    "is_demo": "données de démonstration",
}
STATUS_COUNTED = [s for s in S.values if s != S.DRAFT]


def _status_counts() -> dict:
    return {
        f"count_{status}": Count("applications", filter=Q(applications__status=status))
        for status in STATUS_COUNTED
    }


def published_calls() -> QuerySet[Call]:
    """Published calls with ``count_<status>`` per status (never drafts), the laureates' count
    and the amount granted: aggregates only."""
    return (
        Call.objects.filter(is_published=True)
        .select_related("measure", "operator")
        .prefetch_related(
            "windows",
            "questions",
            "criteria",
            Prefetch("regions", queryset=Region.objects.defer("outline")),
        )
        .annotate(
            **_status_counts(),
            laureate_count=Count("applications", filter=Q(applications__status=S.LAUREATE)),
            amount_granted_total=Coalesce(
                Sum("applications__amount_granted", filter=Q(applications__status=S.LAUREATE)),
                Value(Decimal(0)),
                output_field=MONEY,
            ),
        )
        .order_by("-published_at", "title", "pk")
    )


def application_counts(call: Call) -> dict[str, int]:
    """A call of ``published_calls``: how many applications in each status, drafts apart."""
    return {status: getattr(call, f"count_{status}") for status in STATUS_COUNTED}


def call_record(call: Call) -> dict:
    """One published call as open data (its public part and aggregates)."""
    windows = list(call.windows.all())
    counts = application_counts(call)
    return {
        "slug": call.slug,
        "title": call.title,
        "summary": call.summary,
        "measure": call.measure.code,
        "operator_name": call.operator.name,
        "operator_siren": call.operator.siren,
        "budget": call.budget,
        "opens_at": min((w.opens_at for w in windows), default=None),
        "closes_at": max((w.closes_at for w in windows), default=None),
        "windows": len(windows),
        "regions": ",".join(r.code for r in call.regions.all()),
        "amount_min": call.amount_min,
        "amount_max": call.amount_max,
        "applications": sum(counts.values()),
        "laureates": call.laureate_count,
        "amount_granted": Decimal(call.amount_granted_total).quantize(CENT),
        "is_demo": call.is_demo,
    }


CALL_COLUMNS = {
    "slug": "adresse",
    "title": "intitulé",
    "summary": "résumé",
    "measure": "mesure",
    "operator_name": "opérateur",
    "operator_siren": "SIREN de l'opérateur",
    "budget": "enveloppe (€)",
    "opens_at": "ouverture",
    "closes_at": "clôture",
    "windows": "périodes de dépôt",
    "regions": "régions éligibles",
    "amount_min": "aide minimale (€)",
    "amount_max": "aide maximale (€)",
    "applications": "candidatures déposées",
    "laureates": "lauréats",
    "amount_granted": "aides accordées (€)",
    "is_demo": "données de démonstration",
}


def region_choices() -> QuerySet[Region]:
    return Region.objects.filter(dissolved=False).defer("outline").order_by("name")
