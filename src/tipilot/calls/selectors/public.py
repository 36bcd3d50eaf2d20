"""Reads for the public pages: published calls, grouped open / upcoming / closed.

Unpublished calls (being configured) are seen only by the national team, which manages them.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from tipilot.actions.models import Measure
from tipilot.governance.models import Organisation

from ..deadlines import last_closed_window, next_window, window_open_at
from ..models import Call, CallWindow, Question


@dataclass
class CallGroups:
    open: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    closed: list = field(default_factory=list)
    drafts: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.open) + len(self.upcoming) + len(self.closed) + len(self.drafts)


def visible_calls(user) -> QuerySet[Call]:
    calls = Call.objects.all()
    if not (user.is_authenticated and user.has_perm("calls.manage_calls")):
        calls = calls.filter(is_published=True)
    return calls


def call_list(user, *, measure: str = "", operator: str = "") -> QuerySet[Call]:
    """The calls the user may see, filtered by measure code and operator id."""
    calls = visible_calls(user).select_related("measure", "operator")
    if measure:
        calls = calls.filter(measure__code=measure)
    if operator:
        calls = calls.filter(operator_id=operator) if operator.isdigit() else calls.none()
    return calls.prefetch_related(
        Prefetch("windows", queryset=CallWindow.objects.order_by("opens_at"))
    ).order_by("title", "pk")


def annotate_window(call: Call, at: dt.datetime) -> str:
    """Set ``call.shown_window`` (current, next or last) and return the call's state."""
    windows = list(call.windows.all())
    current = window_open_at(windows, at)
    if current is not None:
        call.shown_window = current
        return "open"
    upcoming = next_window(windows, at)
    if upcoming is not None:
        call.shown_window = upcoming
        return "upcoming"
    call.shown_window = last_closed_window(windows, at)
    return "closed"


def group_calls(calls, at: dt.datetime) -> CallGroups:
    groups = CallGroups()
    for call in calls:
        state = annotate_window(call, at)
        call.state = state
        target = getattr(groups, state) if call.is_published else groups.drafts
        target.append(call)
    groups.open.sort(key=lambda c: c.shown_window.closes_at)
    groups.upcoming.sort(key=lambda c: c.shown_window.opens_at)
    groups.closed.sort(
        key=lambda c: c.shown_window.closes_at if c.shown_window else at, reverse=True
    )
    return groups


def filter_choices() -> dict:
    """Measures and operators that have at least one published call."""
    published = Q(calls__is_published=True)
    return {
        "measures": Measure.objects.filter(published).distinct().only("code", "name"),
        "operators": Organisation.objects.filter(published).distinct().only("id", "name"),
    }


def call_detail(user, slug: str) -> Call:
    """One call the user may see (raises ``Call.DoesNotExist``)."""
    return (
        visible_calls(user)
        .select_related("measure", "operator", "generation")
        .prefetch_related(
            "regions",
            Prefetch("windows", queryset=CallWindow.objects.order_by("opens_at")),
            Prefetch("questions", queryset=Question.objects.order_by("position", "pk")),
            "criteria",
        )
        .get(slug=slug)
    )
