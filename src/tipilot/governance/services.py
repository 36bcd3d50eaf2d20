"""Writes on organisations, people, roles, COPIL meetings and invitations.

Same contract as every service: keyword-only arguments, the acting user's permission checked
here, ``full_clean`` before saving, one transaction, the author recorded in the history.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tipilot.core.audit import save_audited
from tipilot.core.uploads import validate_pdf

from . import notifications
from .enums import DecisionKind
from .models import CopilDecision, CopilMeeting, Invitation, Organisation, Person, RoleAssignment
from .scope import forget_scope

INVITATION_SALT = "tipilot.invitation"
INVITATION_MAX_AGE = dt.timedelta(days=settings.TIPILOT_INVITATION_DAYS)


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def organisation_save(*, by, organisation: Organisation | None = None, **fields) -> Organisation:
    _require(by, "governance.manage_organisations", None, "Vous ne gérez pas les organisations.")
    organisation = organisation or Organisation()
    for name, value in fields.items():
        setattr(organisation, name, value)
    with transaction.atomic():
        return save_audited(organisation, by=by)


def person_save(*, by, person: Person | None = None, **fields) -> Person:
    _require(by, "governance.manage_organisations", None, "Vous ne gérez pas les personnes.")
    person = person or Person()
    for name, value in fields.items():
        setattr(person, name, value)
    with transaction.atomic():
        return save_audited(person, by=by)


def role_assign(
    *,
    person: Person,
    kind: str,
    start_on: dt.date,
    by,
    territory=None,
    region=None,
    operator=None,
    end_on: dt.date | None = None,
) -> RoleAssignment:
    role = RoleAssignment(
        person=person,
        kind=kind,
        territory=territory,
        region=region,
        operator=operator,
        start_on=start_on,
        end_on=end_on,
    )
    _require(by, "governance.assign_role", role, "Vous ne pouvez pas attribuer ce rôle ici.")
    with transaction.atomic():
        save_audited(role, by=by, reason="Attribution")
    if person.user:
        forget_scope(person.user)
    return role


def role_end(*, role: RoleAssignment, end_on: dt.date, by) -> RoleAssignment:
    _require(by, "governance.assign_role", role, "Vous ne pouvez pas modifier ce rôle.")
    if role.end_on is not None:
        raise ValidationError({"end_on": "Ce rôle a déjà pris fin."})
    role.end_on = end_on
    with transaction.atomic():
        return save_audited(role, by=by, reason="Fin du rôle")


def copil_meeting_save(
    *,
    by,
    region,
    date: dt.date,
    agenda: str,
    meeting: CopilMeeting | None = None,
    place: str = "",
    members_present=(),
    minutes=None,
) -> CopilMeeting:
    _require(by, "governance.manage_copil", region, "Vous ne pilotez pas le COPIL de cette région.")
    if meeting is not None and meeting.region_id != region.pk:
        _require(by, "governance.manage_copil", meeting.region, "Vous ne pilotez pas ce COPIL.")
    if minutes is not None:
        validate_pdf(minutes)
    meeting = meeting or CopilMeeting()
    meeting.region, meeting.date, meeting.agenda, meeting.place = region, date, agenda, place
    if minutes is not None:
        meeting.minutes = minutes
    with transaction.atomic():
        save_audited(meeting, by=by)
        meeting.members_present.set(members_present)
    return meeting


def copil_decision_add(
    *,
    meeting: CopilMeeting,
    kind: str,
    text: str,
    by,
    territory=None,
    contract=None,
    amendment=None,
) -> CopilDecision:
    """Record a decision; validating a contract also moves the contract to « validé »."""
    _require(by, "governance.manage_copil", meeting.region, "Vous ne pilotez pas ce COPIL.")
    decision = CopilDecision(
        meeting=meeting,
        kind=kind,
        text=text,
        territory=territory or (contract.territory if contract else None),
        contract=contract,
        amendment=amendment,
    )
    _check_decision(decision)
    with transaction.atomic():
        if kind == DecisionKind.VALIDATE_CONTRACT:
            from tipilot.contracts.services import contract_transition

            contract_transition(
                contract=contract, name="validate", by=by, on=meeting.date, comment=text
            )
        save_audited(decision, by=by)
    return decision


def _check_decision(decision: CopilDecision) -> None:
    errors = {}
    needs = {
        DecisionKind.VALIDATE_CONTRACT: "contract",
        DecisionKind.ADOPT_AMENDMENT: "amendment",
        DecisionKind.COMPOSITION_CHANGE: "territory",
    }.get(decision.kind)
    if needs and getattr(decision, needs) is None:
        errors[needs] = "Cette décision doit désigner son objet."
    territory = decision.territory
    if territory is not None:
        codes = {r.code for r in territory.regions.all()}
        if decision.meeting.region.code not in codes:
            errors["territory"] = "Ce territoire ne relève pas de la région de ce COPIL."
    if (
        decision.amendment
        and decision.contract
        and decision.amendment.contract_id != (decision.contract.pk)
    ):
        errors["amendment"] = "Cet avenant n'est pas celui du contrat désigné."
    if errors:
        raise ValidationError(errors)


def invitation_create(*, person: Person, by) -> tuple[Invitation, str]:
    """Create an invitation, email its link, and return it with the link's signed token."""
    _require(by, "governance.invite", None, "Vous ne pouvez pas inviter de personnes.")
    if not person.email:
        raise ValidationError({"email": "Cette personne n'a pas d'adresse électronique."})
    if person.user_id:
        raise ValidationError({"person": "Cette personne a déjà un compte."})
    with transaction.atomic():
        invitation = Invitation.objects.create(person=person, email=person.email, invited_by=by)
        token = signing.dumps(invitation.pk, salt=INVITATION_SALT)
        transaction.on_commit(lambda: notifications.invitation_send(invitation, token))
    return invitation, token


def invitation_from_token(token: str) -> Invitation:
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE.total_seconds())
    except signing.SignatureExpired as exc:
        raise ValidationError("Ce lien d'invitation a expiré : demandez-en un nouveau.") from exc
    except signing.BadSignature as exc:
        raise ValidationError("Ce lien d'invitation n'est pas valide.") from exc
    invitation = Invitation.objects.select_related("person").filter(pk=pk).first()
    if invitation is None or invitation.accepted_at or invitation.person.user_id:
        raise ValidationError("Cette invitation a déjà été utilisée.")
    return invitation


def invitation_accept(*, invitation: Invitation, password: str):
    """Create the account (login: the invited email) and link it to the person."""
    user_model = get_user_model()
    with transaction.atomic():
        if user_model.objects.filter(username__iexact=invitation.email).exists():
            raise ValidationError("Un compte existe déjà pour cette adresse.")
        person = invitation.person
        user = user_model.objects.create_user(
            username=invitation.email.lower(),
            email=invitation.email,
            password=password,
            first_name=person.first_name,
            last_name=person.last_name,
        )
        person.user = user
        save_audited(person, by=user, reason="Compte créé sur invitation")
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return user
