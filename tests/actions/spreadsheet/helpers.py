"""Assertions shared by the spreadsheet tests."""

from tipilot.actions.models import Action, FundingLine
from tipilot.governance.models import Organisation


def luhn_siren(body: str) -> str:
    """A valid SIREN from 8 digits (Luhn key appended)."""
    for key in "0123456789":
        digits = [int(c) for c in body + key]
        total = sum(
            d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2)
            for i, d in enumerate(reversed(digits))
        )
        if total % 10 == 0:
            return body + key
    raise AssertionError


def only_error(report):
    assert len(report.errors) == 1, [str(e) for e in report.errors]
    return report.errors[0]


def assert_error(report, sheet: str, line: int, column: str, reason: str, value=None):
    matching = [e for e in report.errors if (e.sheet, e.line, e.column) == (sheet, line, column)]
    assert matching, [str(e) for e in report.errors]
    assert any(reason in e.message for e in matching), [e.message for e in matching]
    if value is not None:
        assert any(str(e.value) == str(value) for e in matching), [e.value for e in matching]


def snapshot() -> tuple:
    """What an import could write, to check that a rejected file changed nothing."""
    return (
        list(Action.objects.order_by("pk").values()),
        list(FundingLine.objects.order_by("pk").values()),
        Organisation.objects.count(),
        Action.history.count(),
        FundingLine.history.count(),
    )
