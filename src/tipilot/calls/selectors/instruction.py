"""Reads of the instruction desk: which applications a user follows, with filters, counts and
scores, and one application with everything its instruction page shows.

A draft is never read here, unless it was deposited before: a reopened application stays on
its instructors' desk (as « rouverte ») while its applicant changes it, so that it is not lost
from sight between the reopening and the new deposit.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Cast

from tipilot.geo.models import Region
from tipilot.governance.enums import RoleKind
from tipilot.governance.models import RoleAssignment
from tipilot.governance.scope import user_scope

from ..enums import ApplicationStatus
from ..models import (
    Answer,
    Application,
    ApplicationEvent,
    Assignment,
    Call,
    Criterion,
    Opinion,
    Question,
    Score,
    Submission,
)
from ..permissions import SEEN_BY_FOLLOWERS

S = ApplicationStatus
SCALE = 20  # scores are shown « sur 20 »
REOPENED_LABEL = "Rouverte"  # how the desk names a draft that was deposited before


def deposited() -> Q:
    """Applications deposited at least once: not a draft, or a draft reopened after a deposit."""
    return ~Q(status=S.DRAFT) | Exists(Submission.objects.filter(application_id=OuterRef("pk")))


def display_name(user) -> str:
    """A user's name for the instruction pages (never shown to the public)."""
    if user is None:
        return "système"
    return user.get_full_name() or user.get_username()


def assignable_instructors(call: Call) -> QuerySet:
    """Accounts holding an operator-instructor role in force for the call's operator."""
    roles = RoleAssignment.objects.in_force(dt.date.today()).filter(
        kind=RoleKind.OPERATOR_INSTRUCTOR, operator_id=call.operator_id
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, person__in=roles.values("person"))
        .order_by("last_name", "first_name", "username")
    )


def _weighted_score() -> Subquery:
    """The average weighted score of an application, out of 20 (None before any score).

    Each score counts as ``value / max_score`` weighted by its criterion's coefficient; over
    several instructors this is the mean of their weighted totals.
    """
    points = Cast("value", FloatField()) * Cast("criterion__weight", FloatField())
    points = points / Cast("criterion__max_score", FloatField())
    rows = (
        Score.objects.filter(application_id=OuterRef("pk"))
        .order_by()
        .values("application_id")
        .annotate(
            total=SCALE * Sum(points) / Sum(Cast("criterion__weight", FloatField())),
        )
        .values("total")
    )
    return Subquery(rows, output_field=FloatField())


def _in_regions(codes) -> Q:
    located = Application.objects.filter(
        Q(territory__regions__code__in=codes)
        | Q(territory__isnull=True, commune__region__code__in=codes)
    )
    return Q(pk__in=located.values("pk"))


def visible_to(user) -> QuerySet[Application]:
    """The applications ``user`` may follow, as ``calls.view_application`` says.

    Never a draft that was not deposited; reopened ones only for the national team and the
    call's instructors (pilots and territory teams follow what is under instruction).
    """
    scope = user_scope(user)
    submitted = Application.objects.filter(deposited())
    if scope.national:
        return submitted
    visible = Q(call__operator_id__in=scope.operators)
    followed = Q(pk__in=[])
    if scope.pilot_regions:
        followed |= _in_regions(scope.pilot_regions)
    if scope.territories:
        followed |= Q(territory_id__in=scope.territories)
    visible |= followed & Q(status__in=SEEN_BY_FOLLOWERS)
    if not (scope.operators or scope.pilot_regions or scope.territories):
        return Application.objects.none()
    return submitted.filter(visible)


@dataclass(frozen=True)
class DeskFilters:
    """The desk's filters (empty: no filter); unknown values simply match nothing."""

    call: str = ""
    status: str = ""
    region: str = ""
    territory: str = ""
    mine: bool = False
    q: str = ""


def _filtered(qs: QuerySet[Application], filters: DeskFilters, user) -> QuerySet[Application]:
    if filters.call:
        qs = qs.filter(call__slug=filters.call)
    if filters.region:
        qs = qs.filter(_in_regions([filters.region]))
    if filters.territory:
        qs = qs.filter(territory__identifier=filters.territory)
    if filters.mine:
        qs = qs.filter(pk__in=Assignment.objects.filter(instructor=user).values("application"))
    if filters.q:
        qs = qs.filter(
            Q(reference__icontains=filters.q)
            | Q(title__icontains=filters.q)
            | Q(organisation__name__icontains=filters.q)
            | Q(organisation__siren=filters.q)
        )
    return qs


def desk_list(user, filters: DeskFilters = DeskFilters()) -> QuerySet[Application]:
    """The desk: the user's applications, filtered, with ``score20`` and ``assignment_count``."""
    qs = _filtered(visible_to(user), filters, user)
    if filters.status:
        qs = qs.filter(status=filters.status)
    assigned = (
        Assignment.objects.filter(application_id=OuterRef("pk"))
        .order_by()
        .values("application_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        qs.select_related("call", "organisation", "territory", "commune")
        .defer("territory__outline", "territory__search_text", "commune__outline", "eligibility")
        .annotate(score20=_weighted_score(), assignment_count=Subquery(assigned))
        .order_by(F("submitted_at").desc(nulls_last=True), "reference")
    )


def status_counts(user, filters: DeskFilters = DeskFilters()) -> list[dict]:
    """How many of the desk's applications (other filters applied) are in each status."""
    rows = (
        _filtered(visible_to(user), filters, user)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
    )
    counts = {row["status"]: row["n"] for row in rows}
    return [
        {"value": value, "label": label, "count": counts.get(value, 0)}
        for value, label in desk_statuses()
    ]


def desk_statuses() -> list[tuple[str, str]]:
    """The statuses the desk filters on, a draft there being a reopened application."""
    return [(value, REOPENED_LABEL if value == S.DRAFT else label) for value, label in S.choices]


def desk_calls(user) -> QuerySet[Call]:
    """The calls whose applications the user may follow (for the desk's call filter)."""
    scope = user_scope(user)
    calls = Call.objects.only("slug", "title").order_by("title")
    if scope.national:
        return calls
    return calls.filter(pk__in=visible_to(user).values("call"))


def application_for_instruction(reference: str) -> Application:
    """One application with its call, answers, timeline, assignments, scores and opinions."""
    return (
        Application.objects.select_related(
            "call__measure__axis",
            "call__operator",
            "organisation",
            "commune",
            "territory__generation",
            "window",
            "applicant",
            "action",
            "funding_line",
        )
        .defer("territory__outline", "territory__search_text", "commune__outline")
        .prefetch_related(
            Prefetch("territory__regions", queryset=Region.objects.defer("outline")),
            Prefetch("call__criteria", queryset=Criterion.objects.order_by("position", "pk")),
            Prefetch("call__questions", queryset=Question.objects.order_by("position", "pk")),
            Prefetch("answers", queryset=Answer.objects.select_related("question")),
            Prefetch("events", queryset=ApplicationEvent.objects.select_related("by")),
            Prefetch("assignments", queryset=Assignment.objects.select_related("instructor")),
            Prefetch("scores", queryset=Score.objects.select_related("instructor", "criterion")),
            Prefetch("opinions", queryset=Opinion.objects.select_related("author")),
            "submissions",
        )
        .get(reference=reference)
    )


def weighted_total(scores, criteria) -> float | None:
    """One instructor's weighted total out of 20 (None until they scored something)."""
    by_criterion = {s.criterion_id: s.value for s in scores}
    weight = sum((c.weight for c in criteria if c.pk in by_criterion), Decimal(0))
    if not weight:
        return None
    points = sum(
        (
            Decimal(by_criterion[c.pk]) * c.weight / c.max_score
            for c in criteria
            if c.pk in by_criterion
        ),
        Decimal(0),
    )
    return float(points * SCALE / weight)


def scoring_grid(application: Application, user) -> dict:
    """The grid: per criterion, the reader's score and the others'; totals per instructor."""
    criteria = list(application.call.criteria.all())
    scores = list(application.scores.all())
    instructors = {}
    for score in scores:
        instructors.setdefault(score.instructor_id, {"user": score.instructor, "scores": []})
        instructors[score.instructor_id]["scores"].append(score)
    rows = []
    for criterion in criteria:
        mine = next(
            (s for s in scores if s.criterion_id == criterion.pk and s.instructor_id == user.pk),
            None,
        )
        others = [
            s for s in scores if s.criterion_id == criterion.pk and s.instructor_id != user.pk
        ]
        rows.append({"criterion": criterion, "mine": mine, "others": others})
    totals = [
        {
            "name": display_name(item["user"]),
            "is_me": pk == user.pk,
            "total": weighted_total(item["scores"], criteria),
            "count": len(item["scores"]),
        }
        for pk, item in instructors.items()
    ]
    values = [t["total"] for t in totals if t["total"] is not None]
    average = sum(values) / len(values) if values else None
    return {"rows": rows, "totals": totals, "average": average, "criteria": criteria}
