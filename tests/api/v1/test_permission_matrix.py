"""Every role of ``world`` against every write of the API, with a token (as a script would).

The expected outcome of each (write, role) is written out in TABLE: ``yes`` must answer 2xx
and change the data; ``no`` must answer 403 (401 without credentials) and change nothing at
all (the whole snapshot of contracts and COPIL data is compared, not only the target).
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from tests.api.v1.governance.records import DAY, api_for, pdf
from tests.governance.factories import OrganisationFactory
from tipilot.contracts.models import Amendment, Contract, ContractDocument, ContractEvent, Signatory
from tipilot.contracts.services import contract_transition, signatory_add
from tipilot.governance.models import CopilDecision, CopilMeeting
from tipilot.governance.services import copil_meeting_save

ROLES = [
    "national", "pilot", "other_pilot", "team", "binome", "copil", "instructor", "nobody",
    "anonymous",
]  # fmt: skip

# All writes touch region 84: territory ti-8401 (world.contract), ti-8402 (create), COPIL 84.
TABLE = """
write             national pilot other_pilot team binome copil instructor nobody anonymous
contract_create   yes      yes   no          no   no     no    no         no     no
contract_patch    yes      yes   no          yes  yes    no    no         no     no
submit            yes      yes   no          yes  yes    no    no         no     no
return            yes      yes   no          no   no     no    no         no     no
validate          yes      yes   no          no   no     no    no         no     no
sign              yes      yes   no          no   no     no    no         no     no
start_amendment   yes      yes   no          no   no     no    no         no     no
sign_amendment    yes      yes   no          no   no     no    no         no     no
close             yes      yes   no          no   no     no    no         no     no
document_upload   yes      yes   no          yes  yes    no    no         no     no
signatory_add     yes      yes   no          no   no     no    no         no     no
signatory_remove  yes      yes   no          no   no     no    no         no     no
copil_create      yes      yes   no          no   no     no    no         no     no
copil_patch       yes      yes   no          no   no     no    no         no     no
decision_add      yes      yes   no          no   no     no    no         no     no
"""


def parse(table: str) -> dict[tuple[str, str], bool]:
    header, *rows = [line.split() for line in table.strip().splitlines()]
    assert header[1:] == ROLES
    return {
        (row[0], role): cell == "yes"
        for row in rows
        for role, cell in zip(ROLES, row[1:], strict=True)
    }


EXPECTED = parse(TABLE)


@dataclass
class Write:
    prepare: Callable  # (world) -> what the call needs
    call: Callable  # (api client, world, prepared) -> response


def _move(world, *names):
    contract = world.contract
    for name in names:
        extra = {"amendment_title": "Pack Rebond"} if name == "start_amendment" else {}
        contract = contract_transition(
            contract=contract, name=name, by=world.national, on=DAY, **extra
        )
    return contract


def _transition(name, *before):
    return Write(
        prepare=lambda w: _move(w, *before),
        call=lambda api, w, c: api.post(
            f"/api/v1/contracts/{w.contract.pk}/transition/",
            {"name": name, "on": DAY.isoformat(), "version": c.version, "amendment_title": "A"},
            format="json",
        ),
    )


def _meeting(world):
    return copil_meeting_save(
        by=world.national, region=world.region_a, date=DAY, agenda="Ordre du jour"
    )


CONTRACT = "/api/v1/contracts/{}/"
MEETINGS = "/api/v1/copil-meetings/"
WRITES = {
    "contract_create": Write(
        prepare=lambda w: None,
        call=lambda api, w, _: api.post(
            "/api/v1/contracts/",
            {"generation": "2023-2027", "identifier": "ti-8402", "title": "Contrat"},
            format="json",
        ),
    ),
    "contract_patch": Write(
        prepare=lambda w: None,
        call=lambda api, w, _: api.patch(
            CONTRACT.format(w.contract.pk), {"title": "Nouveau titre", "version": 1}, format="json"
        ),
    ),
    "submit": _transition("submit"),
    "return": _transition("return", "submit"),
    "validate": _transition("validate", "submit"),
    "sign": _transition("sign", "submit", "validate"),
    "start_amendment": _transition("start_amendment", "submit", "validate", "sign"),
    "sign_amendment": _transition(
        "sign_amendment", "submit", "validate", "sign", "start_amendment"
    ),
    "close": _transition("close", "submit", "validate", "sign"),
    "document_upload": Write(
        prepare=lambda w: None,
        call=lambda api, w, _: api.post(
            CONTRACT.format(w.contract.pk) + "documents/",
            {"kind": "contract", "title": "Projet", "file": pdf()},
            format="multipart",
        ),
    ),
    "signatory_add": Write(
        prepare=lambda w: OrganisationFactory(),
        call=lambda api, w, org: api.post(
            CONTRACT.format(w.contract.pk) + "signatories/",
            {"organisation": org.pk, "capacity": "Président"},
            format="json",
        ),
    ),
    "signatory_remove": Write(
        prepare=lambda w: signatory_add(
            contract=w.contract, organisation=OrganisationFactory(), by=w.national
        ),
        call=lambda api, w, s: api.delete(CONTRACT.format(w.contract.pk) + f"signatories/{s.pk}/"),
    ),
    "copil_create": Write(
        prepare=lambda w: None,
        call=lambda api, w, _: api.post(
            MEETINGS, {"region": "84", "date": "2024-06-03", "agenda": "Contrats"}, format="json"
        ),
    ),
    "copil_patch": Write(
        prepare=_meeting,
        call=lambda api, w, m: api.patch(
            f"{MEETINGS}{m.pk}/", {"agenda": "Nouvel ordre du jour"}, format="json"
        ),
    ),
    "decision_add": Write(
        prepare=_meeting,
        call=lambda api, w, m: api.post(
            f"{MEETINGS}{m.pk}/decisions/",
            {"kind": "composition_change", "territory": w.t1.pk, "text": "Entrée de la CC"},
            format="json",
        ),
    ),
}


def snapshot() -> dict:
    """Everything an API write may change."""
    return {
        "contracts": list(
            Contract.objects.values_list(
                "pk", "title", "state", "version", "signed_on", "closed_on"
            )
        ),
        "events": ContractEvent.objects.count(),
        "amendments": list(Amendment.objects.values_list("pk", "state")),
        "documents": ContractDocument.objects.count(),
        "signatories": list(Signatory.objects.values_list("pk", flat=True)),
        "meetings": list(CopilMeeting.objects.values_list("pk", "agenda", "date", "region")),
        "decisions": CopilDecision.objects.count(),
    }


def test_the_table_covers_every_role_and_every_api_write():
    from tipilot.api.v1.urls import router

    assert {write for write, _ in EXPECTED} == set(WRITES)
    endpoints = set()
    for prefix, viewset, _ in router.registry:
        for name in ("create", "partial_update"):
            if hasattr(viewset, name):
                endpoints.add(f"{prefix}.{name}")
        for extra in viewset.get_extra_actions():
            if set(extra.mapping) - {"get"}:
                endpoints.add(f"{prefix}.{extra.__name__}")
    assert endpoints == {
        "contracts.create", "contracts.partial_update", "contracts.transition",
        "contracts.documents", "contracts.signatories", "contracts.signatory_remove",
        "copil-meetings.create", "copil-meetings.partial_update", "copil-meetings.decisions",
        # measures, actions and funding lines: tests/api/v1/actions/test_permission_matrix.py
        "actions.create", "actions.partial_update", "actions.transition", "actions.funding_lines",
        "funding-lines.partial_update",
    }  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", list(WRITES))
def test_api_write(world, role, write, django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    spec = WRITES[write]
    prepared = spec.prepare(world)
    before = snapshot()
    api = APIClient() if role == "anonymous" else api_for(getattr(world, role))
    with django_capture_on_commit_callbacks(execute=True):
        response = spec.call(api, world, prepared)
    if EXPECTED[write, role]:
        assert response.status_code in (200, 201, 204), (response.status_code, response.content)
        assert snapshot() != before
    else:
        assert response.status_code == (401 if role == "anonymous" else 403), response.content
        assert snapshot() == before
