"""The signature calendar as an iCalendar feed (RFC 5545), built with the icalendar package.

One all-day event per contract that has a signature date, actual or planned: a parliamentary
office subscribes once and sees dates appear, move and get confirmed.
"""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from .enums import CalendarStatus

SUFFIX = {
    CalendarStatus.SIGNED: "",
    CalendarStatus.PLANNED: " (prévue)",
    CalendarStatus.LATE: " (prévue, en retard)",
}


def calendar_feed(contracts: Iterable, *, title: str, now: dt.datetime | None = None) -> bytes:
    """``contracts`` come from ``selectors.contract_list`` (annotated with the calendar state)."""
    now = now or timezone.now()
    cal = Calendar()
    cal.add("prodid", "-//ANCT//tipilot Territoires d'industrie//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", title)
    cal.add("x-wr-timezone", "Europe/Paris")
    for contract in contracts:
        if contract.calendar_state == CalendarStatus.UNSCHEDULED:
            continue
        cal.add_component(_event(contract, now))
    return cal.to_ical()


def _event(contract, now: dt.datetime) -> Event:
    territory = contract.territory
    day = contract.signed_on or contract.planned_signature_on
    event = Event()
    event.add("uid", f"contract-{contract.pk}@tipilot")
    event.add("dtstamp", now)
    event.add("last-modified", contract.updated_at)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add(
        "summary",
        f"Signature du contrat — {territory.name}{SUFFIX[contract.calendar_state]}",
    )
    regions = ", ".join(r.name for r in territory.regions.all())
    event.add(
        "description",
        f"Territoire d'industrie {territory.identifier} ({territory.generation.code}), "
        f"{regions}. État du contrat : {contract.get_state_display()}.",
    )
    event.add("url", settings.TIPILOT_SITE_URL + reverse("contract-detail", args=[contract.pk]))
    event.add(
        "status", "CONFIRMED" if contract.calendar_state == CalendarStatus.SIGNED else "TENTATIVE"
    )
    event.add("transp", "TRANSPARENT")
    return event
