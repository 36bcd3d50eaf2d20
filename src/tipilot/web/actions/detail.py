"""One fiche action: its record, funding plan and history, with the buttons its reader may use."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django_fsm import can_proceed

from tipilot.actions import selectors
from tipilot.actions.enums import ActionTransition
from tipilot.actions.models import Action, FundingLine
from tipilot.core.audit import history_of

from .forms import TransitionForm


def get_action(external_id: str) -> Action:
    try:
        return selectors.action_detail(external_id)
    except Action.DoesNotExist as exc:
        raise Http404("Aucune fiche action de cet identifiant.") from exc


def offered_transitions(user, action: Action) -> list[ActionTransition]:
    """The transitions the action's status allows, if the reader may change the action."""
    if not user.has_perm("actions.change_action", action):
        return []
    return [t for t in ActionTransition if can_proceed(getattr(action, t.value))]


def _lines(user, action: Action) -> list[FundingLine]:
    lines = list(action.funding_lines.all())
    for line in lines:
        line.can_plan = user.has_perm("actions.change_fundingline", line)
        line.can_decide = user.has_perm("actions.decide_fundingline", line)
    return lines


def action_detail(request, external_id: str, forms: dict | None = None):
    action = get_action(external_id)
    user = request.user
    forms = forms or {}
    today = timezone.localdate()
    can_change = user.has_perm("actions.change_action", action)
    private = can_change or user.has_perm("governance.view_territory_private", action.territory)
    lines = _lines(user, action)
    offered = offered_transitions(user, action)
    context = {
        "action": action,
        "regions": list(action.territory.regions.all()),
        "can_change": can_change,
        "can_add_line": user.has_perm("actions.change_fundingline", FundingLine(action=action)),
        "lines": lines,
        "totals": selectors.plan_totals(lines),
        "cost_share": selectors.share(action.committed, action.total_cost),
        "transition_forms": [
            (
                t,
                forms.get(t.value)
                or TransitionForm(
                    initial={"name": t.value, "on": today, "version": action.version},
                    auto_id=f"{t.value}-%s",  # one form per transition: distinct ids
                ),
            )
            for t in offered
        ],
        "form_errors": [
            message
            for key, form in forms.items()
            if key not in {t.value for t in offered}
            for message in form.non_field_errors()
        ],
        "private": private,
        "history": history_of(action) if private else [],
        "plan_history": selectors.plan_history(action) if private else [],
    }
    status = 400 if forms else 200
    if any("quelqu'un d'autre" in e for f in forms.values() for e in f.non_field_errors()):
        status = 409
    return render(request, "web/actions/action_detail.html", context, status=status)
