"""Governance services: roles and their scope, COPIL decisions, invitations."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.governance.factories import PersonFactory, user_with_role
from tipilot.contracts.enums import ContractState
from tipilot.contracts.services import contract_transition
from tipilot.governance.enums import RoleKind
from tipilot.governance.models import Organisation, RoleAssignment
from tipilot.governance.scope import user_scope
from tipilot.governance.services import (
    copil_decision_add,
    copil_meeting_save,
    invitation_accept,
    invitation_create,
    invitation_from_token,
    organisation_save,
    role_assign,
    role_end,
)

DAY = dt.date(2024, 6, 3)


def test_scope_reads_roles_in_force_only(world):
    person = world.nobody.person
    role_assign(
        person=person, kind=RoleKind.PROJECT_LEAD, territory=world.t2, start_on=DAY, by=world.pilot
    )
    assert user_scope(world.nobody).territories == {world.t2.pk}
    role_end(role=person.roles.get(), end_on=DAY, by=world.pilot)
    world.nobody.refresh_from_db()  # a new request: the cached scope is gone
    fresh = type(world.nobody).objects.get(pk=world.nobody.pk)
    assert user_scope(fresh).territories == frozenset()


def test_role_scope_must_match_its_kind(world):
    person = PersonFactory()
    with pytest.raises(ValidationError) as exc:
        role_assign(person=person, kind=RoleKind.REGIONAL_PILOT, start_on=DAY, by=world.national)
    assert "obligatoire" in str(exc.value.message_dict["region"])
    with pytest.raises(ValidationError) as exc:
        role_assign(
            person=person,
            kind=RoleKind.PROJECT_LEAD,
            territory=world.t1,
            start_on=DAY,
            end_on=DAY - dt.timedelta(days=1),
            by=world.national,
        )
    assert "précède" in str(exc.value)
    assert not RoleAssignment.objects.filter(person=person).exists()


def test_pilot_cannot_name_a_national_team_member(world):
    with pytest.raises(PermissionDenied):
        role_assign(
            person=PersonFactory(), kind=RoleKind.NATIONAL_TEAM, start_on=DAY, by=world.pilot
        )


def test_organisation_siren_is_checked(world):
    with pytest.raises(ValidationError, match="clé de contrôle"):
        organisation_save(by=world.national, name="X", kind="firm", siren="123456789")
    with pytest.raises(ValidationError, match="commencer par le SIREN"):
        organisation_save(
            by=world.national, name="X", kind="firm", siren="130005481", siret="54205118000066"
        )
    assert not Organisation.objects.filter(name="X").exists()


def test_validate_decision_moves_the_contract_at_the_meeting_date(world):
    contract = contract_transition(
        contract=world.contract, name="submit", by=world.team, on=dt.date(2024, 5, 1)
    )
    meeting = copil_meeting_save(by=world.pilot, region=world.region_a, date=DAY, agenda="Contrats")
    copil_decision_add(
        meeting=meeting, kind="validate_contract", contract=contract, text="Validé", by=world.pilot
    )
    contract.refresh_from_db()
    assert contract.state == ContractState.VALIDATED
    assert contract.events.last().on == DAY
    assert meeting.decisions.get().territory == world.t1


def test_decision_outside_the_meeting_region_is_refused(world):
    meeting = copil_meeting_save(by=world.pilot, region=world.region_a, date=DAY, agenda="x")
    with pytest.raises(ValidationError, match="ne relève pas"):
        copil_decision_add(
            meeting=meeting, kind="composition_change", territory=world.t3, text="x", by=world.pilot
        )
    with pytest.raises(ValidationError, match="désigner son objet"):
        copil_decision_add(meeting=meeting, kind="validate_contract", text="x", by=world.pilot)


def test_meeting_minutes_must_be_a_pdf(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("cr.pdf", b"<html>not a pdf</html>", "application/pdf")
    with pytest.raises(ValidationError, match="n'est pas un PDF"):
        copil_meeting_save(
            by=world.pilot, region=world.region_a, date=DAY, agenda="x", minutes=fake
        )


def test_invitation_round_trip(world, mailoutbox, django_capture_on_commit_callbacks):
    person = PersonFactory(first_name="Léa", email="lea@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = invitation_create(person=person, by=world.pilot)
    assert mailoutbox[0].to == ["lea@example.org"]
    assert token in mailoutbox[0].body
    user = invitation_accept(invitation=invitation_from_token(token), password="x" * 14)
    person.refresh_from_db()
    assert person.user == user and user.check_password("x" * 14)
    with pytest.raises(ValidationError, match="déjà été utilisée"):
        invitation_from_token(token)
    with pytest.raises(ValidationError, match="pas valide"):
        invitation_from_token(token + "x")


def test_only_national_team_and_pilots_invite(world):
    with pytest.raises(PermissionDenied):
        invitation_create(person=PersonFactory(), by=world.team)


def test_role_history_keeps_who_held_it(world):
    role = user_with_role(RoleKind.BINOME_INDUSTRIAL, territory=world.t1).person.roles.get()
    role_end(role=role, end_on=DAY, by=world.pilot)
    first, last = role.history.order_by("history_date")
    assert first.end_on is None and last.end_on == DAY
    assert last.history_user == world.pilot
