"""Deadlines in Paris time across seasons and DST nights: 23:59:59 is in, midnight is out."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.calls.factories import ApplicationFactory, CallFactory, CallWindowFactory
from tipilot.calls.deadlines import PARIS, paris_datetime, paris_label
from tipilot.calls.enums import ApplicationStatus
from tipilot.calls.services.applications import application_save, application_submit
from tipilot.geo.models import Commune

UTC = dt.UTC
MONTHS = {1: "janvier", 3: "mars", 7: "juillet", 10: "octobre"}


def test_paris_datetime_in_winter_and_summer():
    winter = paris_datetime(dt.date(2027, 1, 15), dt.time(23, 59, 59))
    summer = paris_datetime(dt.date(2027, 7, 15), dt.time(23, 59, 59))
    assert winter.astimezone(UTC) == dt.datetime(2027, 1, 15, 22, 59, 59, tzinfo=UTC)
    assert summer.astimezone(UTC) == dt.datetime(2027, 7, 15, 21, 59, 59, tzinfo=UTC)


def test_nonexistent_spring_forward_time_is_refused():
    with pytest.raises(ValidationError) as error:
        paris_datetime(dt.date(2027, 3, 28), dt.time(2, 30))
    assert "n'existe pas" in error.value.messages[0]
    assert "28 mars 2027 à 02 h 30" in error.value.messages[0]


def test_ambiguous_fall_back_time_is_refused():
    with pytest.raises(ValidationError) as error:
        paris_datetime(dt.date(2027, 10, 31), dt.time(2, 30))
    assert "existe deux fois" in error.value.messages[0]


def test_times_around_the_dst_nights_are_accepted():
    before = paris_datetime(dt.date(2027, 3, 28), dt.time(1, 59, 59))
    after = paris_datetime(dt.date(2027, 3, 28), dt.time(3, 0))
    assert after.astimezone(UTC) - before.astimezone(UTC) == dt.timedelta(seconds=1)
    assert paris_datetime(dt.date(2027, 10, 31), dt.time(3, 0)).utcoffset() == dt.timedelta(hours=1)


def test_paris_label_spells_the_seconds_out():
    deadline = dt.datetime(2027, 3, 15, 22, 59, 59, tzinfo=UTC)
    assert paris_label(deadline) == "15 mars 2027 à 23 h 59 min 59 s (heure de Paris)"
    opening = dt.datetime(2027, 4, 1, 9, 0, tzinfo=PARIS)
    assert paris_label(opening) == "1er avril 2027 à 9 h 00 (heure de Paris)"


@pytest.fixture
def ready(world):
    """A complete, eligible draft in ti-8401; the call's windows are set per test."""
    call = CallFactory(open_window=False, requires_labelled_territory=True)
    application = ApplicationFactory(call=call, applicant=world.nobody)
    commune = Commune.objects.filter(epci__territory_memberships__territory=world.t1).first()
    return application_save(
        application=application, by=world.nobody, commune=commune, total_cost=Decimal(10**6)
    )


def window_closing(call, day: dt.date):
    closes = paris_datetime(day, dt.time(23, 59, 59))
    return CallWindowFactory(call=call, opens_at=closes - dt.timedelta(days=60), closes_at=closes)


def local(day: dt.date, *clock) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(*clock)).replace(tzinfo=PARIS)


DAYS = {
    "winter (UTC+1)": dt.date(2027, 1, 15),
    "summer (UTC+2)": dt.date(2027, 7, 15),
    "spring-forward night": dt.date(2027, 3, 28),
    "fall-back night": dt.date(2027, 10, 31),
}


@pytest.mark.parametrize("day", DAYS.values(), ids=DAYS.keys())
def test_last_second_is_accepted(ready, world, day):
    window = window_closing(ready.call, day)
    done = application_submit(application=ready, by=world.nobody, at=local(day, 23, 59, 59))
    assert done.status == ApplicationStatus.SUBMITTED and done.window == window


@pytest.mark.parametrize("day", DAYS.values(), ids=DAYS.keys())
def test_midnight_is_refused_with_the_paris_deadline(ready, world, day):
    window_closing(ready.call, day)
    midnight = local(day + dt.timedelta(days=1), 0, 0, 0)
    with pytest.raises(ValidationError) as error:
        application_submit(application=ready, by=world.nobody, at=midnight)
    message = " ".join(error.value.messages)
    assert "date limite de dépôt est dépassée" in message
    expected = f"{day.day} {MONTHS[day.month]} 2027"
    assert f"{expected} à 23 h 59 min 59 s (heure de Paris)" in message
    ready.refresh_from_db()
    assert ready.status == ApplicationStatus.DRAFT and not ready.submissions.exists()


def test_before_opening_is_refused_with_the_opening_time(ready, world):
    opens = paris_datetime(dt.date(2027, 4, 1), dt.time(9, 0))
    CallWindowFactory(call=ready.call, opens_at=opens, closes_at=opens + dt.timedelta(days=30))
    with pytest.raises(ValidationError) as error:
        application_submit(application=ready, by=world.nobody, at=opens - dt.timedelta(seconds=1))
    assert "ouvre le 1er avril 2027 à 9 h 00 (heure de Paris)" in error.value.messages[0]


def test_resubmission_after_reopening_is_accepted_after_closing(ready, world):
    day = DAYS["winter (UTC+1)"]
    window = window_closing(ready.call, day)
    application_submit(application=ready, by=world.nobody, at=local(day, 12, 0))
    ready.refresh_from_db()
    ready.reopen()  # what the instructor's service does, with its own trace
    ready.save()
    late = local(day + dt.timedelta(days=10), 10, 0)
    again = application_submit(application=ready, by=world.nobody, at=late)
    assert again.status == ApplicationStatus.SUBMITTED
    assert again.window == window  # the window of the first submission
    assert list(again.submissions.values_list("number", flat=True)) == [1, 2]
    assert again.submitted_at == late
