"""Every role against every write made through the pages.

For each (role, write) the expected outcome is written out below: allowed writes must change
the data, refused ones must answer 403 (or send anonymous visitors to the login page) and
change nothing.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.governance.factories import OrganisationFactory, PersonFactory, RoleFactory
from tipilot.contracts.models import Contract, ContractDocument, Signatory
from tipilot.contracts.services import contract_transition, signatory_add
from tipilot.governance.enums import RoleKind
from tipilot.governance.models import (
    CopilDecision,
    CopilMeeting,
    Invitation,
    Organisation,
    Person,
    RoleAssignment,
)
from tipilot.governance.services import copil_meeting_save

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DAY = dt.date(2024, 6, 3)


@dataclass
class Write:
    """One write: how to prepare the data, post it, and read what it changes."""

    prepare: Callable
    post: Callable  # (world, prepared) -> (url, data)
    effect: Callable  # (world, prepared) -> a value that changes when the write happened


def _move(world, *names):
    contract = world.contract
    for name in names:
        extra = {"amendment_title": "Pack Rebond"} if name == "start_amendment" else {}
        contract = contract_transition(
            contract=contract, name=name, by=world.national, on=DAY, **extra
        )
    return contract


def _state(world, _):
    return Contract.objects.get(pk=world.contract.pk).state


def _transition(name, *before):
    return Write(
        prepare=lambda w: _move(w, *before),
        post=lambda w, c: (
            reverse("contract-transition", args=[w.contract.pk]),
            {
                "name": name,
                "on": DAY.isoformat(),
                "version": c.version,
                "amendment_title": "Avenant",
            },
        ),
        effect=_state,
    )


def _meeting(world):
    return copil_meeting_save(
        by=world.national, region=world.region_a, date=DAY, agenda="Ordre du jour"
    )


def _role(world):
    return RoleFactory(kind=RoleKind.PROJECT_LEAD, territory=world.t1)


WRITES = {
    "contract_create": Write(
        prepare=lambda w: None,
        post=lambda w, _: (
            reverse("contract-create", args=[w.t2.pk]),
            {"title": "Contrat du territoire 2"},
        ),
        effect=lambda w, _: Contract.objects.filter(territory=w.t2).count(),
    ),
    "contract_edit": Write(
        prepare=lambda w: None,
        post=lambda w, _: (
            reverse("contract-edit", args=[w.contract.pk]),
            {"title": "Nouveau titre", "planned_signature_on": "2025-03-01", "version": 1},
        ),
        effect=lambda w, _: Contract.objects.get(pk=w.contract.pk).title,
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
        post=lambda w, _: (
            reverse("contract-document-upload", args=[w.contract.pk]),
            {
                "kind": "contract",
                "title": "Projet de contrat",
                "file": SimpleUploadedFile("c.pdf", PDF, "application/pdf"),
            },
        ),
        effect=lambda w, _: ContractDocument.objects.count(),
    ),
    "signatory_add": Write(
        prepare=lambda w: OrganisationFactory(),
        post=lambda w, org: (
            reverse("contract-signatory-add", args=[w.contract.pk]),
            {"organisation": org.pk, "capacity": "Président"},
        ),
        effect=lambda w, _: Signatory.objects.count(),
    ),
    "signatory_remove": Write(
        prepare=lambda w: signatory_add(
            contract=w.contract, organisation=OrganisationFactory(), by=w.national
        ),
        post=lambda w, s: (
            reverse("contract-signatory-remove", args=[w.contract.pk, s.pk]),
            {},
        ),
        effect=lambda w, _: Signatory.objects.count(),
    ),
    "copil_create": Write(
        prepare=lambda w: None,
        post=lambda w, _: (
            reverse("copil-create"),
            {"region": w.region_a.pk, "date": "2024-06-03", "agenda": "Contrats"},
        ),
        effect=lambda w, _: CopilMeeting.objects.count(),
    ),
    "copil_edit": Write(
        prepare=_meeting,
        post=lambda w, m: (
            reverse("copil-edit", args=[m.pk]),
            {"region": w.region_a.pk, "date": "2024-06-04", "agenda": "Nouvel ordre du jour"},
        ),
        effect=lambda w, m: CopilMeeting.objects.get(pk=m.pk).agenda,
    ),
    "decision_add": Write(
        prepare=_meeting,
        post=lambda w, m: (
            reverse("copil-decision-add", args=[m.pk]),
            {"kind": "composition_change", "territory": w.t1.pk, "text": "Entrée de la CC"},
        ),
        effect=lambda w, _: CopilDecision.objects.count(),
    ),
    "role_add": Write(
        prepare=lambda w: PersonFactory(),
        post=lambda w, p: (
            reverse("territory-role-add", args=[w.t1.identifier]),
            {"person": p.pk, "kind": "binome_industrial", "start_on": "2024-01-01"},
        ),
        effect=lambda w, _: RoleAssignment.objects.count(),
    ),
    "role_end": Write(
        prepare=_role,
        post=lambda w, r: (reverse("role-end", args=[r.pk]), {"end_on": "2024-12-31"}),
        effect=lambda w, r: RoleAssignment.objects.get(pk=r.pk).end_on,
    ),
    "region_role_add": Write(
        prepare=lambda w: PersonFactory(),
        post=lambda w, p: (
            reverse("region-team", args=["84"]),
            {"person": p.pk, "kind": "copil_member", "start_on": "2024-01-01"},
        ),
        effect=lambda w, _: RoleAssignment.objects.count(),
    ),
    "national_role_add": Write(
        prepare=lambda w: PersonFactory(),
        post=lambda w, p: (
            reverse("national-team"),
            {
                "person": p.pk,
                "kind": "operator_instructor",
                "operator": w.operator.pk,
                "start_on": "2024-01-01",
            },
        ),
        effect=lambda w, _: RoleAssignment.objects.count(),
    ),
    "invite": Write(
        prepare=lambda w: PersonFactory(),
        post=lambda w, p: (reverse("person-invite", args=[p.pk]), {}),
        effect=lambda w, _: Invitation.objects.count(),
    ),
    "organisation_create": Write(
        prepare=lambda w: None,
        post=lambda w, _: (
            reverse("organisations"),
            {"name": "CCI", "kind": "other", "siren": "771234564"},
        ),
        effect=lambda w, _: Organisation.objects.count(),
    ),
    "person_create": Write(
        prepare=lambda w: None,
        post=lambda w, _: (
            reverse("people"),
            {"first_name": "Anne", "last_name": "Martin", "email": "anne@example.org"},
        ),
        effect=lambda w, _: Person.objects.count(),
    ),
}

TEAM = {"contract_edit", "submit", "document_upload"}
ANY_PILOT = {"invite", "organisation_create", "person_create"}
ALLOWED = {
    "national": set(WRITES),
    "pilot": set(WRITES) - {"national_role_add"},
    "other_pilot": ANY_PILOT,
    "team": TEAM,
    "binome": TEAM,
    "copil": set(),
    "instructor": set(),
    "nobody": set(),
    "anonymous": set(),
}


def test_matrix_covers_every_page_write():
    from tipilot.web.contracts.urls import urlpatterns as contract_urls
    from tipilot.web.governance.urls import urlpatterns as governance_urls

    write_views = {
        "contract-create", "contract-edit", "contract-transition", "contract-document-upload",
        "contract-signatory-add", "contract-signatory-remove", "copil-create", "copil-edit",
        "copil-decision-add", "territory-role-add", "role-end", "person-invite",
        "organisations", "people", "region-team", "national-team",
    }  # fmt: skip
    read_only = {
        "contract-list", "contract-detail", "contract-document", "copil-list", "copil-detail",
        "copil-minutes", "territory-team",
    }  # fmt: skip
    names = {p.name for p in contract_urls + governance_urls}
    assert names == write_views | read_only


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ALLOWED))
@pytest.mark.parametrize("write", list(WRITES))
def test_page_write(world, client, role, write, django_capture_on_commit_callbacks):
    spec = WRITES[write]
    prepared = spec.prepare(world)
    before = spec.effect(world, prepared)
    if role != "anonymous":
        client.force_login(getattr(world, role))
    url, data = spec.post(world, prepared)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    after = spec.effect(world, prepared)
    if write in ALLOWED[role]:
        assert response.status_code == 302, (response.status_code, response.content[:500])
        assert after != before
    else:
        if role == "anonymous":
            assert response.status_code == 302
            assert response.url.startswith(reverse("login"))
        else:
            assert response.status_code == 403, response.status_code
        assert after == before
