"""A laureate becomes a fiche action of its territory with its funding line, typed once.

Called by ``application_decide`` in the decision's transaction. The decision is the authority:
an operator's instructor has no right on the territory's actions, so the rows are written here
(audited, attributed to the deciding user) rather than through ``action_create``'s check.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tipilot.actions.enums import ActionStatus, Decision, Nature
from tipilot.actions.models import Action, FundingLine
from tipilot.actions.services import next_external_id
from tipilot.core.audit import save_audited
from tipilot.governance.enums import OrganisationKind

from ..enums import ApplicationStatus, EventKind
from ..models import Application, ApplicationEvent

PUBLIC_KINDS = {
    OrganisationKind.REGION,
    OrganisationKind.STATE_SERVICE,
    OrganisationKind.EPCI,
    OrganisationKind.COMMUNE,
    OrganisationKind.OPERATOR,
}
REASON = "Lauréat d'un appel à projets"


def nature_of(organisation) -> str:
    """Public project owner for public bodies; firms, schools and others are private."""
    if organisation is not None and organisation.kind in PUBLIC_KINDS:
        return Nature.PUBLIC
    return Nature.PRIVATE


def _action(application: Application, *, on, by) -> Action:
    call, territory = application.call, application.territory
    action = Action(
        territory=territory,
        contract=getattr(territory, "contract", None),
        external_id=next_external_id(territory),
        title=application.title[:300],
        description=application.summary,
        axis=call.measure.axis,
        lead=application.organisation,
        nature=nature_of(application.organisation),
        status=ActionStatus.ENGAGED,
        engaged_on=on,
        commune=application.commune,
        naf_code=application.naf_code,
        total_cost=application.total_cost,
        jobs_created_planned=application.jobs_created_planned,
        jobs_maintained_planned=application.jobs_maintained_planned,
        is_relocation=application.is_relocation,
        is_demo=application.is_demo,
    )
    save_audited(action, by=by, reason=f"{REASON} ({application.reference})")
    action.measures.set([call.measure])
    return action


def _line(application: Application, action: Action, *, on, by) -> FundingLine:
    call = application.call
    submitted = timezone.localdate(application.submitted_at) if application.submitted_at else None
    line = FundingLine(
        action=action,
        position=1,
        funder_category=call.funder_category,
        funder=call.operator,
        measure=call.measure,
        instrument=call.title[:200],
        amount_requested=application.amount_requested or application.amount_granted,
        requested_on=submitted if submitted and submitted <= on else None,
        decision=Decision.GRANTED,
        amount_committed=application.amount_granted,
        committed_on=on,
        comment=f"Candidature {application.reference}",
        decided_by=by,
    )
    return save_audited(line, by=by, reason=f"{REASON} ({application.reference})")


def laureate_to_action(*, application: Application, by) -> Action:
    """The laureate's fiche action, engaged on the decision date, with its granted line.

    Idempotent: an application already linked to its action gets it back unchanged.
    """
    if application.action_id:
        return application.action
    if application.status != ApplicationStatus.LAUREATE:
        raise ValidationError("Seul un lauréat devient une fiche action.")
    if application.territory_id is None:
        raise ValidationError(
            "Le projet n'est dans aucun territoire d'industrie : pas de fiche action possible."
        )
    on = timezone.localdate(application.decided_at or timezone.now())
    with transaction.atomic():
        linked = Application.objects.select_for_update().get(pk=application.pk).action_id
        if linked:  # decided by someone else meanwhile: never a second action
            return Action.objects.get(pk=linked)
        action = _action(application, on=on, by=by)
        line = _line(application, action, on=on, by=by)
        application.action, application.funding_line = action, line
        save_audited(application, by=by, reason=f"Fiche action {action.external_id}")
        ApplicationEvent.objects.create(
            application=application,
            kind=EventKind.ACTION_CREATED,
            by=by if by is not None and by.is_authenticated else None,
            message=f"Fiche action {action.external_id} du territoire {action.territory.name}.",
        )
    return action
