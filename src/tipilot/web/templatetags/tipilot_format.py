"""Number formats of the programme's figures: « 3,62 Md€ » reads better than ten digits."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()
NBSP = "\xa0"


@register.filter
def euros_short(value) -> str:
    """Euros rounded to the unit that keeps three or four digits (k€ never: small sums stay)."""
    if value is None or value == "":
        return "—"
    amount = Decimal(str(value))
    if abs(amount) >= Decimal(10**9):
        return f"{number_format(amount / 10**9, 2)}{NBSP}Md€"
    if abs(amount) >= Decimal(10**6):
        return f"{number_format(amount / 10**6, 1, force_grouping=True)}{NBSP}M€"
    return f"{number_format(amount, 0, force_grouping=True)}{NBSP}€"
