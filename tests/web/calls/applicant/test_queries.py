"""The calls list and the applicant's list run as many queries with few or many rows."""

import datetime as dt

from django.utils import timezone

from tests.calls.factories import (
    ApplicationFactory,
    CallFactory,
    CallWindowFactory,
    QuestionFactory,
)
from tests.querycount import queries_for


def grow_calls(count: int) -> None:
    now = timezone.now()
    for index in range(count):
        call = CallFactory()
        CallWindowFactory(
            call=call,
            opens_at=now + dt.timedelta(days=40 + index),
            closes_at=now + dt.timedelta(days=80),
        )
        QuestionFactory(call=call)
    CallFactory(is_published=False)


def test_call_list_queries_do_not_grow(world, client):
    grow_calls(2)
    small = queries_for(client, "/appels/")
    grow_calls(8)
    assert queries_for(client, "/appels/") == small
    client.force_login(world.national)  # sees the calls in preparation too
    small = queries_for(client, "/appels/?mesure=fonds-acceleration")
    grow_calls(3)
    assert queries_for(client, "/appels/?mesure=fonds-acceleration") == small


def test_my_applications_queries_do_not_grow(world, client):
    def grow(count: int) -> None:
        for _ in range(count):
            ApplicationFactory(call=CallFactory(), applicant=world.nobody)
            ApplicationFactory(call=CallFactory())  # someone else's

    client.force_login(world.nobody)
    grow(2)
    small = queries_for(client, "/appels/candidatures/")
    grow(8)
    assert queries_for(client, "/appels/candidatures/") == small


def test_call_detail_queries_do_not_grow_with_its_form(world, client):
    call = CallFactory(slug="fonds-2027")
    QuestionFactory(call=call)
    small = queries_for(client, "/appels/fonds-2027/")
    QuestionFactory.create_batch(6, call=call)
    CallWindowFactory.create_batch(3, call=call)
    assert queries_for(client, "/appels/fonds-2027/") == small


def test_draft_page_queries_do_not_grow_with_questions_and_answers(filled, client):
    from tipilot.calls.services.applications import answer_save

    client.force_login(filled.applicant)
    url = f"/appels/candidatures/{filled.draft.reference}/"
    small = queries_for(client, url)
    for index in range(5):
        question = QuestionFactory(call=filled.call, label=f"Question {index}")
        answer_save(application=filled.draft, question=question, by=filled.applicant, value="x")
    assert queries_for(client, url) == small
