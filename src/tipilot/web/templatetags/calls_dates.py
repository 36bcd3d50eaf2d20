"""Dates of calls in Paris time: « 15 mars 2027 à 23 h 59 min 59 s (heure de Paris) »."""

from django import template
from django.template.defaultfilters import filesizeformat

from tipilot.calls.deadlines import paris_label, paris_local

register = template.Library()


@register.filter
def paris(value) -> str:
    """A deadline or an opening, spelt out in Paris time with the seconds."""
    return paris_label(value)


@register.filter
def paris_clock(value) -> str:
    """« 14 h 32 »: the hour a draft was saved, in Paris time."""
    if value is None:
        return ""
    local = paris_local(value)
    return f"{local.hour} h {local.minute:02d}"


@register.filter
def file_size(value) -> str:
    return filesizeformat(value or 0)
