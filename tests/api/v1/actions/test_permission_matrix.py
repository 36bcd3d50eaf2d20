"""Every role of ``world`` against every write of the actions API, with a token.

``yes`` must answer 2xx and change the data; ``no`` must answer 403 (401 without credentials)
and change nothing at all (every action and funding line is compared, not only the target).
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from tests.actions.factories import ActionFactory, FundingLineFactory, measure
from tests.api.v1.governance.records import api_for
from tipilot.actions.models import Action, FundingLine

ROLES = [
    "national", "pilot", "other_pilot", "team", "binome", "copil", "instructor", "nobody",
    "anonymous",
]  # fmt: skip

# All writes touch territory ti-8401 (region 84); the line decided is on a Bpifrance measure.
TABLE = """
write          national pilot other_pilot team binome copil instructor nobody anonymous
action_create  yes      yes   no          yes  yes    no    no         no     no
action_patch   yes      yes   no          yes  yes    no    no         no     no
transition     yes      yes   no          yes  yes    no    no         no     no
line_add       yes      yes   no          yes  yes    no    no         no     no
line_plan      yes      yes   no          yes  yes    no    no         no     no
line_decide    yes      yes   no          no   no     no    yes        no     no
line_delete    yes      yes   no          yes  yes    no    no         no     no
"""
EXPECTED = {
    (row[0], role): cell == "yes"
    for row in [line.split() for line in TABLE.strip().splitlines()[1:]]
    for role, cell in zip(ROLES, row[1:], strict=True)
}


@dataclass
class Write:
    call: Callable  # (api client, action, line) -> response


def _url(action) -> str:
    return f"/api/v1/actions/{action.external_id}/"


WRITES = {
    "action_create": Write(
        lambda api, a, line: api.post(
            "/api/v1/actions/",
            {
                "generation": "2023-2027",
                "territory": "ti-8401",
                "title": "Nouvelle",
                "axis": "attirer",
                "nature": "public",
            },
            format="json",
        )  # fmt: skip
    ),
    "action_patch": Write(
        lambda api, a, line: api.patch(_url(a), {"title": "Changé", "version": 1}, format="json")
    ),
    "transition": Write(
        lambda api, a, line: api.post(f"{_url(a)}transition/", {"name": "prepare"}, format="json")
    ),
    "line_add": Write(
        lambda api, a, line: api.post(
            f"{_url(a)}funding-lines/",
            {"funder_category": "eu", "amount_requested": "5"},
            format="json",
        )
    ),
    "line_plan": Write(
        lambda api, a, line: api.patch(
            f"/api/v1/funding-lines/{line.pk}/", {"amount_requested": "7"}, format="json"
        )
    ),
    "line_decide": Write(
        lambda api, a, line: api.patch(
            f"/api/v1/funding-lines/{line.pk}/",
            {"decision": "granted", "amount_committed": "5"},
            format="json",
        )
    ),
    "line_delete": Write(lambda api, a, line: api.delete(f"/api/v1/funding-lines/{line.pk}/")),
}


def snapshot() -> tuple:
    return (
        list(Action.objects.order_by("pk").values()),
        list(FundingLine.objects.order_by("pk").values()),
    )


def test_the_table_covers_every_write():
    assert {write for write, _ in EXPECTED} == set(WRITES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", list(WRITES))
def test_api_write(world, role, write):
    action = ActionFactory(territory=world.t1)
    line = FundingLineFactory(
        action=action, position=1, measure=measure("fonds-acceleration"), amount_requested=10
    )
    before = snapshot()
    api = APIClient() if role == "anonymous" else api_for(getattr(world, role))
    response = WRITES[write].call(api, action, line)
    if EXPECTED[write, role]:
        assert response.status_code in (200, 201, 204), (response.status_code, response.content)
        assert snapshot() != before
    else:
        assert response.status_code == (401 if role == "anonymous" else 403), response.content
        assert snapshot() == before
