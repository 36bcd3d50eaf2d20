"""Every role of ``world`` against every form of the measures and fiches actions pages.

``yes`` must redirect (302, saved) and change the data; ``no`` must answer 403 (a redirect to
the login page when anonymous) and change nothing at all.
"""

from collections.abc import Callable

import pytest
from django.urls import reverse

from tests.actions.factories import ActionFactory, FundingLineFactory, measure
from tipilot.actions.models import Action, FundingLine, Measure

ROLES = [
    "national", "pilot", "other_pilot", "team", "binome", "copil", "instructor", "nobody",
    "anonymous",
]  # fmt: skip

# Every form targets territory ti-8401 (region 84); the line decided is on a Bpifrance measure.
TABLE = """
form           national pilot other_pilot team binome copil instructor nobody anonymous
action_create  yes      yes   no          yes  yes    no    no         no     no
action_edit    yes      yes   no          yes  yes    no    no         no     no
transition     yes      yes   no          yes  yes    no    no         no     no
line_add       yes      yes   no          yes  yes    no    no         no     no
line_plan      yes      yes   no          yes  yes    no    no         no     no
line_decide    yes      yes   no          no   no     no    yes        no     no
line_remove    yes      yes   no          yes  yes    no    no         no     no
measure_edit   yes      no    no          no   no     no    no         no     no
"""
EXPECTED = {
    (row[0], role): cell == "yes"
    for row in [line.split() for line in TABLE.strip().splitlines()[1:]]
    for role, cell in zip(ROLES, row[1:], strict=True)
}
ACTION = {
    "title": "Changée", "axis": "", "nature": "public", "jobs_created_planned": 1,
    "jobs_maintained_planned": 0, "version": 1,
}  # fmt: skip
PLAN = {"funder_category": "eu", "amount_requested": "5"}
DECISION = {"decision": "granted", "amount_committed": "5", "amount_paid": "0"}


def _line_url(name: str) -> Callable:
    return lambda a, line, m: reverse(name, args=[a.external_id, line.pk])


FORMS: dict[str, tuple[Callable, Callable]] = {  # (url, data)
    "action_create": (
        lambda a, line, m: reverse("territory-action-create", args=["ti-8401"]),
        lambda a, m: {**ACTION, "axis": a.axis_id},
    ),
    "action_edit": (
        lambda a, line, m: reverse("action-edit", args=[a.external_id]),
        lambda a, m: {**ACTION, "axis": a.axis_id},
    ),
    "transition": (
        lambda a, line, m: reverse("action-transition", args=[a.external_id]),
        lambda a, m: {"name": "prepare", "on": "2024-01-02", "version": 1},
    ),
    "line_add": (
        lambda a, line, m: reverse("funding-line-add", args=[a.external_id]),
        lambda a, m: PLAN,
    ),
    "line_plan": (_line_url("funding-line-edit"), lambda a, m: PLAN),
    "line_decide": (_line_url("funding-line-decide"), lambda a, m: DECISION),
    "line_remove": (_line_url("funding-line-remove"), lambda a, m: {}),
    "measure_edit": (
        lambda a, line, m: reverse("measure-edit", args=[m.pk]),
        lambda a, m: {
            "name": "Renommée",
            "axis": m.axis_id,
            "phase": m.phase,
            "start_year": m.start_year,
        },  # fmt: skip
    ),
}


def snapshot() -> tuple:
    return (
        list(Action.objects.order_by("pk").values()),
        list(FundingLine.objects.order_by("pk").values()),
        list(Measure.objects.order_by("pk").values()),
    )


def test_the_table_covers_every_form():
    assert {form for form, _ in EXPECTED} == set(FORMS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("form", list(FORMS))
def test_page_form(world, client, role, form):
    fund = measure("fonds-acceleration")
    action = ActionFactory(territory=world.t1)
    line = FundingLineFactory(action=action, position=1, measure=fund, amount_requested=10)
    url, data = FORMS[form]
    if role != "anonymous":
        client.force_login(getattr(world, role))
    before = snapshot()
    response = client.post(url(action, line, fund), data(action, fund))
    if EXPECTED[form, role]:
        assert response.status_code == 302, (response.status_code, response.content[:2000])
        assert snapshot() != before
    elif role == "anonymous":
        assert response.status_code == 302 and "/comptes/" in response["Location"]
        assert snapshot() == before
    else:
        assert response.status_code == 403
        assert snapshot() == before
