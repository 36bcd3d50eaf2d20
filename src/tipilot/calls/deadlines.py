"""Deadlines in Paris time: windows are stored as aware datetimes, typed and shown in Paris.

A call's deadline « 15 mars 2027 à 23 h 59 min 59 s » is Europe/Paris wall-clock time in
winter (UTC+1) as in summer (UTC+2). The national team types a local date and time; a time
that does not exist (the spring-forward night, 02:30 on 28 March 2027) or exists twice (the
fall-back night, 02:30 on 31 October 2027) is refused rather than guessed.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.formats import date_format

PARIS = ZoneInfo("Europe/Paris")


def paris_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware datetime of a Paris wall-clock date and time; DST gaps and repeats refused."""
    naive = dt.datetime.combine(day, time.replace(tzinfo=None))
    first = naive.replace(tzinfo=PARIS, fold=0)
    second = naive.replace(tzinfo=PARIS, fold=1)
    label = f"{date_format(day, 'j F Y')} à {_clock(time)}"
    if first.utcoffset() != second.utcoffset():
        if _round_trips(first):
            raise ValidationError(
                "L'heure « %(label)s » existe deux fois à Paris (passage à l'heure d'hiver) : "
                "choisissez une autre heure, par exemple 01 h 59 ou 03 h 00.",
                code="ambiguous_time",
                params={"label": label},
            )
        raise ValidationError(
            "L'heure « %(label)s » n'existe pas à Paris (passage à l'heure d'été) : "
            "choisissez une autre heure, par exemple 01 h 59 ou 03 h 00.",
            code="nonexistent_time",
            params={"label": label},
        )
    return first


def _round_trips(value: dt.datetime) -> bool:
    back = value.astimezone(dt.UTC).astimezone(PARIS)
    return back.replace(tzinfo=None) == value.replace(tzinfo=None)


def _clock(time: dt.time) -> str:
    text = f"{time.hour:02d} h {time.minute:02d}"
    return f"{text} min {time.second:02d} s" if time.second else text


def paris_local(value: dt.datetime) -> dt.datetime:
    return value.astimezone(PARIS)


def paris_label(value: dt.datetime | None) -> str:
    """« 15 mars 2027 à 23 h 59 min 59 s (heure de Paris) », « 1er avril 2027 à 9 h 00 (…) ».

    The seconds are spelt out when they matter (a deadline at 23:59:59), not for a round hour.
    """
    if value is None:
        return ""
    local = paris_local(value)
    clock = f"{local.hour} h {local.minute:02d}"
    if local.second:
        clock += f" min {local.second:02d} s"
    day = "1er" if local.day == 1 else str(local.day)
    return f"{day} {date_format(local.date(), 'F Y')} à {clock} (heure de Paris)"


def window_open_at(windows, at: dt.datetime):
    """The window open at ``at`` (the earliest opened if several overlap), or None."""
    candidates = [w for w in windows if w.is_open(at)]
    return min(candidates, key=lambda w: w.opens_at) if candidates else None


def next_window(windows, at: dt.datetime):
    later = [w for w in windows if w.opens_at > at]
    return min(later, key=lambda w: w.opens_at) if later else None


def last_closed_window(windows, at: dt.datetime):
    closed = [w for w in windows if w.closes_at < at]
    return max(closed, key=lambda w: w.closes_at) if closed else None


def submission_window(windows, at: dt.datetime):
    """The window that accepts a submission at ``at``; otherwise a French error with dates.

    The error states the deadline that passed (or the next opening) in Paris time.
    """
    windows = list(windows)
    window = window_open_at(windows, at)
    if window is not None:
        return window
    upcoming = next_window(windows, at)
    if upcoming is not None:
        raise ValidationError(
            "Le dépôt n'est pas encore ouvert : la période « %(name)s » ouvre le %(opens)s.",
            code="not_open_yet",
            params={"name": upcoming.name, "opens": paris_label(upcoming.opens_at)},
        )
    closed = last_closed_window(windows, at)
    if closed is not None:
        raise ValidationError(
            "La date limite de dépôt est dépassée : la période « %(name)s » a clos le "
            "%(closes)s. Votre candidature n'a pas été déposée.",
            code="deadline_passed",
            params={"name": closed.name, "closes": paris_label(closed.closes_at)},
        )
    raise ValidationError("Cet appel n'a aucune période de dépôt.", code="no_window")
