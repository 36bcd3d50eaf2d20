"""The national team configures a call without code; nobody else may."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.actions.factories import measure
from tests.calls.factories import (
    ApplicationFactory,
    CallFactory,
    CallWindowFactory,
    CriterionFactory,
    QuestionFactory,
)
from tipilot.calls.enums import QuestionKind
from tipilot.calls.models import Answer, Call, CallWindow, Question, Score
from tipilot.calls.services import configuration as services
from tipilot.governance.enums import OrganisationKind

CLOSES = dt.datetime(2027, 3, 15, 22, 59, 59, tzinfo=dt.UTC)


def fields(world, **extra):
    return {
        "title": "Fonds d'accélération 2027",
        "slug": "fonds-2027",
        "summary": "Investissements industriels.",
        "measure": measure(),
        "operator": world.operator,
        **extra,
    }


def test_national_team_creates_an_unpublished_call_with_rules(world):
    call = services.call_create(
        by=world.national,
        regions=[world.region_a],
        applicant_kinds=[OrganisationKind.FIRM, OrganisationKind.SCHOOL],
        naf_prefixes=[" 25 ", "10.1", "25"],
        amount_min=Decimal(1000),
        **fields(world),
    )
    assert not call.is_published
    assert call.naf_prefixes == ["25", "10.1"]
    assert list(call.regions.all()) == [world.region_a]
    record = call.history.first()
    assert record.history_user == world.national and record.history_change_reason == "Création"


@pytest.mark.parametrize("who", ["pilot", "instructor", "team", "nobody"])
def test_others_cannot_configure(world, who):
    user = getattr(world, who)
    with pytest.raises(PermissionDenied):
        services.call_create(by=user, **fields(world))
    call = CallFactory()
    with pytest.raises(PermissionDenied):
        services.call_update(call=call, by=user, title="Autre")
    with pytest.raises(PermissionDenied):
        services.question_add(call=call, by=user, label="Q", kind=QuestionKind.SHORT_TEXT)
    with pytest.raises(PermissionDenied):
        services.window_add(call=call, by=user, name="V", opens_at=CLOSES, closes_at=CLOSES)


@pytest.mark.parametrize("bad", ["2", "25.6.2", "AB", "25-62"])
def test_naf_prefixes_are_validated(world, bad):
    with pytest.raises(ValidationError) as error:
        services.call_create(by=world.national, naf_prefixes=["25", bad], **fields(world))
    assert f"« {bad.upper()} » n'est pas un début de code NAF" in error.value.messages[0]


def test_amounts_out_of_order_and_unknown_kinds_are_refused(world):
    with pytest.raises(ValidationError) as error:
        services.call_create(
            by=world.national, amount_min=Decimal(10), amount_max=Decimal(5), **fields(world)
        )
    assert "L'aide maximale est inférieure à l'aide minimale." in error.value.messages
    with pytest.raises(ValidationError):
        services.call_create(by=world.national, applicant_kinds=["martien"], **fields(world))
    assert not Call.objects.filter(slug="fonds-2027").exists()


def test_publish_needs_a_window(world):
    call = CallFactory(is_published=False, published_at=None, open_window=False)
    with pytest.raises(ValidationError) as error:
        services.call_publish(call=call, by=world.national)
    assert "au moins une période de dépôt" in error.value.messages[0]
    services.window_add(
        call=call,
        by=world.national,
        name="Vague 1",
        opens_at=CLOSES.replace(month=1),
        closes_at=CLOSES,
    )
    published = services.call_publish(call=call, by=world.national)
    assert published.is_published and published.published_at is not None
    with pytest.raises(ValidationError):
        services.call_publish(call=call, by=world.national)


def test_window_bounds_are_checked_and_a_used_window_stays(world):
    call = CallFactory(open_window=False)
    with pytest.raises(ValidationError) as error:
        services.window_add(
            call=call, by=world.national, name="V", opens_at=CLOSES, closes_at=CLOSES
        )
    assert "La clôture doit suivre l'ouverture." in error.value.messages
    window = CallWindowFactory(call=call)
    ApplicationFactory(call=call, window=window)
    with pytest.raises(ValidationError) as error:
        services.window_remove(window=window, by=world.national)
    assert "a reçu des candidatures" in error.value.messages[0]
    services.window_update(window=window, by=world.national, name="Vague unique")
    empty = CallWindowFactory(call=call)
    pk = empty.pk
    services.window_remove(window=empty, by=world.national)
    assert not CallWindow.objects.filter(pk=pk).exists()
    deleted = CallWindow.history.filter(id=pk, history_type="-").get()
    assert deleted.history_user == world.national


def test_questions_are_added_in_order_and_moved(world):
    call = CallFactory()
    add = services.question_add
    first = add(call=call, by=world.national, label="Motivation", kind=QuestionKind.LONG_TEXT)
    second = add(
        call=call,
        by=world.national,
        label="Secteur",
        kind=QuestionKind.CHOICE,
        choices=["Agroalimentaire", " Métallurgie ", ""],
    )
    third = add(call=call, by=world.national, label="Plan", kind=QuestionKind.FILE)
    assert (first.position, second.position, third.position) == (1, 2, 3)
    assert second.choices == ["Agroalimentaire", "Métallurgie"]
    services.question_move(question=third, by=world.national, position=1)
    assert list(call.questions.values_list("label", flat=True)) == ["Plan", "Motivation", "Secteur"]


def test_choice_questions_need_two_choices(world):
    call = CallFactory()
    with pytest.raises(ValidationError) as error:
        services.question_add(
            call=call, by=world.national, label="Q", kind=QuestionKind.CHOICE, choices=["Seul"]
        )
    assert "au moins 2 choix" in error.value.messages[0]


def test_answered_question_cannot_change_kind_or_go(world):
    question = QuestionFactory(kind=QuestionKind.SHORT_TEXT)
    Answer.objects.create(
        application=ApplicationFactory(call=question.call), question=question, value="Oui"
    )
    with pytest.raises(ValidationError) as error:
        services.question_update(question=question, by=world.national, kind=QuestionKind.NUMBER)
    assert "ne peut plus changer" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        services.question_remove(question=question, by=world.national)
    assert "ne peut plus être supprimée" in error.value.messages[0]
    updated = services.question_update(question=question, by=world.national, label="Nouveau")
    assert updated.label == "Nouveau" and updated.kind == QuestionKind.SHORT_TEXT
    unused = QuestionFactory(call=question.call)
    pk = unused.pk
    services.question_remove(question=unused, by=world.national)
    assert not Question.objects.filter(pk=pk).exists()


def test_scored_criterion_stays_and_keeps_its_maximum(world):
    criterion = CriterionFactory(max_score=5)
    Score.objects.create(
        application=ApplicationFactory(call=criterion.call),
        criterion=criterion,
        instructor=world.instructor,
        value=4,
    )
    with pytest.raises(ValidationError) as error:
        services.criterion_remove(criterion=criterion, by=world.national)
    assert "ne peut plus être supprimé" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.criterion_update(criterion=criterion, by=world.national, max_score=3)
    assert services.criterion_update(criterion=criterion, by=world.national, max_score=10)
    added = services.criterion_add(
        call=criterion.call, by=world.national, label="Impact", weight=Decimal(2)
    )
    assert added.position == criterion.position + 1 and added.history.first().history_user
