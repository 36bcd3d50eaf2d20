"""The applicant's services: drafts, answers, deposit (snapshot, event, email), withdrawal."""

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.calls.factories import (
    CallFactory,
    CallWindowFactory,
    QuestionFactory,
)
from tests.governance.factories import OrganisationFactory, siren_with_key
from tipilot.calls.enums import ApplicationStatus, EventKind, QuestionKind
from tipilot.calls.models import Application
from tipilot.calls.services import applications as services
from tipilot.core.errors import EditConflict
from tipilot.geo.models import Commune
from tipilot.governance.enums import OrganisationKind

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def commune_in(territory):
    return Commune.objects.filter(epci__territory_memberships__territory=territory).first()


def new_draft(world, call=None, **kwargs):
    call = call or CallFactory(slug="fonds-2027")
    return services.application_create(
        call=call,
        by=world.nobody,
        title="Nouvelle ligne de production",
        organisation_data=kwargs.pop(
            "organisation_data",
            {"siren": siren_with_key(77_000_001), "name": "Forges de l'Ain", "kind": "firm"},
        ),
    )


def complete(world, application):
    return services.application_save(
        application=application,
        by=world.nobody,
        summary="Une nouvelle ligne.",
        commune=commune_in(world.t1),
        naf_code="25.62A",
        amount_requested=Decimal(200_000),
        total_cost=Decimal(1_000_000),
    )


def test_references_are_sequential_per_call(world):
    call = CallFactory(slug="fonds-2027")
    first, second = new_draft(world, call), new_draft(world, call)
    other = new_draft(world, CallFactory(slug="ami-ecoles"))
    assert (first.reference, second.reference) == ("FONDS-2027-0001", "FONDS-2027-0002")
    assert other.reference == "AMI-ECOLES-0001"
    assert first.status == ApplicationStatus.DRAFT and first.applicant == world.nobody
    assert first.events.get().kind == EventKind.CREATED
    assert first.history.first().history_user == world.nobody


def test_organisation_found_by_siren_or_created(world):
    known = OrganisationFactory(kind=OrganisationKind.FIRM, name="Fonderie connue")
    draft = new_draft(
        world, organisation_data={"siren": known.siren, "name": "Autre nom", "kind": "firm"}
    )
    assert draft.organisation == known and known.name == "Fonderie connue"
    created = new_draft(world, CallFactory())
    assert created.organisation.name == "Forges de l'Ain"
    assert created.organisation.kind == OrganisationKind.FIRM


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"siren": "123456789", "name": "X", "kind": "firm"}, "organisation_siren", "clé"),
        ({"siren": "12345", "name": "X", "kind": "firm"}, "organisation_siren", "9 chiffres"),
        ({"siren": "", "name": "X", "kind": "firm"}, "organisation_siren", "Indiquez le SIREN"),
        ({"siren": siren_with_key(5), "name": "", "kind": "firm"}, "organisation_name", ""),
        ({"siren": siren_with_key(5), "name": "X", "kind": "operator"}, "organisation_kind", ""),
    ],
)
def test_bad_organisation_is_refused(world, data, field, message):
    with pytest.raises(ValidationError) as error:
        new_draft(world, organisation_data=data)
    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])
    assert not Application.objects.exists()


def test_only_published_calls_with_an_open_or_upcoming_window(world):
    with pytest.raises(ValidationError, match="pas publié"):
        new_draft(world, CallFactory(is_published=False))
    closed = CallFactory(open_window=False)
    past = timezone.now() - dt.timedelta(days=10)
    CallWindowFactory(call=closed, opens_at=past - dt.timedelta(days=30), closes_at=past)
    with pytest.raises(ValidationError, match="clos"):
        new_draft(world, closed)
    upcoming = CallFactory(open_window=False)
    soon = timezone.now() + dt.timedelta(days=10)
    CallWindowFactory(call=upcoming, opens_at=soon, closes_at=soon + dt.timedelta(days=30))
    assert new_draft(world, upcoming).status == ApplicationStatus.DRAFT
    with pytest.raises(PermissionDenied):
        services.application_create(call=upcoming, by=world.anonymous, title="X")


def test_save_derives_the_territory_and_detects_conflicts(world):
    draft = new_draft(world)
    saved = services.application_save(
        application=draft, by=world.nobody, version=draft.version, commune=commune_in(world.t3)
    )
    assert saved.territory == world.t3 and saved.version == draft.version + 1
    with pytest.raises(EditConflict):
        services.application_save(application=draft, by=world.nobody, version=draft.version)
    with pytest.raises(ValidationError, match="non modifiables"):
        services.application_save(application=saved, by=world.nobody, status="laureate")
    with pytest.raises(ValidationError):
        services.application_save(application=saved, by=world.nobody, naf_code="25")


@pytest.mark.parametrize("who", ["national", "instructor", "pilot", "team"])
def test_only_the_applicant_edits_the_draft(world, who):
    draft = new_draft(world)
    user = getattr(world, who)
    with pytest.raises(PermissionDenied):
        services.application_save(application=draft, by=user, title="Pris")
    question = QuestionFactory(call=draft.call)
    with pytest.raises(PermissionDenied):
        services.answer_save(application=draft, question=question, by=user, value="x")
    with pytest.raises(PermissionDenied):
        services.application_withdraw(application=draft, by=user)


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        (QuestionKind.SHORT_TEXT, "  Oui  ", "Oui"),
        (QuestionKind.AMOUNT, "1 234,5", "1234.50"),
        (QuestionKind.NUMBER, "12", 12),
        (QuestionKind.DATE, dt.date(2027, 5, 1), "2027-05-01"),
        (QuestionKind.YES_NO, "non", False),
        (QuestionKind.CHOICE, "B", "B"),
        (QuestionKind.MULTIPLE_CHOICE, ["B", "A"], ["A", "B"]),
        (QuestionKind.LONG_TEXT, "", None),
    ],
)
def test_answers_are_checked_by_kind(world, kind, typed, stored):
    draft = new_draft(world)
    choices = ["A", "B"] if kind in (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE) else []
    question = QuestionFactory(call=draft.call, kind=kind, choices=choices)
    answer = services.answer_save(
        application=draft, question=question, by=world.nobody, value=typed
    )
    assert answer.value == stored


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        (QuestionKind.SHORT_TEXT, "x" * 301, "300 caractères au plus"),
        (QuestionKind.AMOUNT, "beaucoup", "n'est pas un nombre"),
        (QuestionKind.NUMBER, "1.5", "nombre entier"),
        (QuestionKind.NUMBER, "-3", "positif"),
        (QuestionKind.DATE, "31/02/2027", "n'est pas une date"),
        (QuestionKind.CHOICE, "Z", "Choix inconnu"),
        (QuestionKind.YES_NO, "peut-être", "oui ou par non"),
    ],
)
def test_bad_answers_are_refused_on_their_question(world, kind, typed, message):
    draft = new_draft(world)
    choices = ["A", "B"] if kind == QuestionKind.CHOICE else []
    question = QuestionFactory(call=draft.call, kind=kind, choices=choices)
    with pytest.raises(ValidationError) as error:
        services.answer_save(application=draft, question=question, by=world.nobody, value=typed)
    assert message in error.value.message_dict[f"q{question.pk}"][0]


def test_file_answers_are_checked_stored_and_replaced(world):
    draft = new_draft(world)
    question = QuestionFactory(call=draft.call, kind=QuestionKind.FILE)
    with pytest.raises(ValidationError) as error:
        services.answer_save(
            application=draft,
            question=question,
            by=world.nobody,
            upload=SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" + b"\x00" * 40),
        )
    assert "« virus.pdf »" in error.value.message_dict[f"q{question.pk}"][0]
    answer = services.answer_save(
        application=draft,
        question=question,
        by=world.nobody,
        upload=SimpleUploadedFile("../../etc/Plan de financement.pdf", PDF),
    )
    assert answer.file_type == "application/pdf" and answer.file_size == len(PDF)
    assert ".." not in answer.file.name and " " not in answer.file.name
    assert answer.file.name.startswith(f"candidatures/{draft.pk}/{question.pk}-")
    replaced = services.answer_save(
        application=draft,
        question=question,
        by=world.nobody,
        upload=SimpleUploadedFile("v2.pdf", PDF + b"%v2"),
    )
    assert replaced.pk == answer.pk and replaced.file_name == "v2.pdf"


def test_submit_lists_what_is_missing(world):
    draft = new_draft(world)
    QuestionFactory(call=draft.call, label="Motivation", required=True)
    QuestionFactory(call=draft.call, label="Annexe", kind=QuestionKind.FILE, required=True)
    QuestionFactory(call=draft.call, label="Remarques", required=False)
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=draft, by=world.nobody)
    messages = error.value.messages
    assert messages[0] == "Votre candidature est incomplète :"
    assert "Indiquez la commune du projet." in messages
    assert "Répondez à « Motivation »." in messages and "Joignez « Annexe »." in messages
    assert not any("Remarques" in m for m in messages)


def test_submit_refuses_an_ineligible_project(world):
    call = CallFactory(amount_max=Decimal(100_000))
    draft = complete(world, new_draft(world, call))
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=draft, by=world.nobody)
    assert "ne respecte pas les règles" in error.value.messages[0]
    assert "au plus 100\xa0000\xa0€" in error.value.messages[1]


def test_submit_freezes_a_snapshot_and_mails_on_commit(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    draft = complete(world, new_draft(world))
    question = QuestionFactory(call=draft.call, kind=QuestionKind.FILE, label="Plan")
    services.answer_save(
        application=draft,
        question=question,
        by=world.nobody,
        upload=SimpleUploadedFile("plan.pdf", PDF),
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = services.application_submit(application=draft, by=world.nobody)
    assert done.status == ApplicationStatus.SUBMITTED and done.window is not None
    assert all(check["ok"] for check in done.eligibility) and done.eligibility
    submission = done.submissions.get()
    snapshot = submission.snapshot
    assert snapshot["fields"]["amount_requested"] == "200000.00"
    assert snapshot["territory"]["identifier"] == "ti-8401"
    assert snapshot["answers"][0]["file"] == {
        "name": "plan.pdf",
        "size": len(PDF),
        "type": "application/pdf",
        "sha256": hashlib.sha256(PDF).hexdigest(),
    }
    kinds = list(done.events.values_list("kind", flat=True))
    assert kinds == [EventKind.CREATED, EventKind.SUBMITTED, EventKind.NOTIFIED]
    [mail] = mailoutbox
    assert mail.to == [world.nobody.email]
    assert done.reference in mail.subject and "déposée" in mail.body
    assert f"/appels/candidatures/{done.reference}/" in mail.body
    assert done.history.first().history_change_reason == "Dépôt"
    with pytest.raises(PermissionDenied):
        services.answer_save(application=done, question=question, by=world.nobody, value="x")


def test_no_mail_when_the_deposit_fails(world, mailoutbox, django_capture_on_commit_callbacks):
    draft = new_draft(world)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.application_submit(application=draft, by=world.nobody)
    assert mailoutbox == []


def test_withdraw_keeps_a_trace(world):
    draft = complete(world, new_draft(world))
    done = services.application_submit(application=draft, by=world.nobody)
    withdrawn = services.application_withdraw(
        application=done, by=world.nobody, reason="Projet reporté"
    )
    assert withdrawn.status == ApplicationStatus.WITHDRAWN
    event = withdrawn.events.get(kind=EventKind.WITHDRAWN)
    assert event.message == "Projet reporté" and event.by == world.nobody
    with pytest.raises(PermissionDenied):
        services.application_withdraw(application=withdrawn, by=world.nobody)
