"""Demonstration contracts, walked through their real lifecycle by the services.

Used only by ``tipilot demo`` (through ``governance.demo``). Every 2023-2027 territory of the
demonstration regions gets a contract (``is_demo``), its state picked by a fixed pattern so
that every state and every calendar status shows up; a few 2018-2022 contracts of one region
are signed in 2019-2020 and amended by the 2020 « Pack Rebond ». Nothing is set directly: each
step goes through ``contract_transition`` (validation through a COPIL decision), so the event
log, the history and the dates look like the real thing. Transition dates are fixed in
2019-2025, never in the future; planned signature dates are relative to today.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from tipilot.governance.enums import DecisionKind
from tipilot.governance.models import CopilMeeting
from tipilot.territories.models import Territory

from .enums import ContractState
from .models import Contract
from .services import contract_create, contract_transition, signatory_add

D = dt.timedelta
LATE, PLANNED, UNSCHEDULED = "late", "planned", "unscheduled"
SUBMITTED, VALIDATED, SIGNED = "submitted", "validated", "signed"
AMENDING, CLOSED = "amending", "closed"
# One state per territory, in turn (territories sorted by region, then identifier).
PATTERN = (
    SIGNED,
    LATE,
    VALIDATED,
    SIGNED,
    PLANNED,
    SUBMITTED,
    AMENDING,
    SIGNED,
    UNSCHEDULED,
    SIGNED,
    SIGNED,
    LATE,
)
REORIENTATION = "réorientation"
PACK_REBOND = "Pack Rebond"
LEGACY_COUNT = 4

# (organisation, representative person, capacity) of each signatory of a territory's contract.
Signatories = Callable[[Territory, str], list[tuple]]


@dataclass
class Plan:
    territory: Territory
    region: str  # code of the region whose COPIL steers the contract
    state: str
    index: int


def demo_territories(codes: list[str]) -> list[tuple[Territory, str]]:
    """2023-2027 territories of these regions, each with the region whose COPIL steers it:
    its own when it is one of them, else the first of them it spans. Territories that left
    the programme span no region any more (and no COPIL may decide on them): left out."""
    qs = (
        Territory.objects.filter(generation__code="2023-2027", regions__code__in=codes)
        .distinct()
        .prefetch_related("regions")
    )
    rows = []
    for territory in qs:
        mine = sorted(r.code for r in territory.regions.all() if r.code in codes)
        home = territory.region_code if territory.region_code in mine else mine[0]
        rows.append((territory, home))
    return sorted(rows, key=lambda row: (codes.index(row[1]), row[0].identifier))


def demo_contract_states() -> dict[str, int]:
    demo = Contract.objects.filter(is_demo=True)
    counts = dict(demo.values_list("state").annotate(n=Count("id")).order_by())
    return {state.label: counts.get(state.value, 0) for state in ContractState}


def plans_for(territories: list[tuple[Territory, str]]) -> list[Plan]:
    """The state of each new contract: the pattern in turn, and the last one signed is closed
    instead (« résilié »), so that every state shows."""
    plans = [
        Plan(territory, region, PATTERN[index % len(PATTERN)], index)
        for index, (territory, region) in enumerate(territories)
    ]
    signed = [p for p in plans if p.state == SIGNED]
    if signed:
        signed[-1].state = CLOSED
    return plans


def contracts_demo(
    *,
    by,
    territories: list[tuple[Territory, str]],
    meetings: dict[str, list[CopilMeeting]],
    signatories: Signatories,
    created: Counter,
) -> None:
    """Create and walk a contract for each territory that has none; leave the others alone."""
    from tipilot.governance.services import copil_decision_add

    today = timezone.localdate()
    new = [(t, r) for t, r in territories if not Contract.objects.filter(territory=t).exists()]
    for plan in plans_for(new):
        contract = contract_create(
            territory=plan.territory,
            title=f"Contrat de territoire d'industrie – {plan.territory.name}",
            planned_signature_on=_planned_on(plan, today),
            summary="Contrat de démonstration : projet de territoire, fiches actions, maquette.",
            is_demo=True,
            by=by,
        )
        created["contrats"] += 1
        if plan.state in (LATE, PLANNED, UNSCHEDULED):
            continue
        if plan.state == SUBMITTED:
            _step(contract, "submit", today - D(days=10 + plan.index % 30), by, "Projet déposé.")
            continue
        meeting = _meeting_for(plan, meetings[plan.region])
        _step(contract, "submit", meeting.date - D(days=21 + plan.index % 14), by, "Projet déposé.")
        text = f"Le COPIL valide le contrat du territoire {plan.territory.name}."
        copil_decision_add(
            meeting=meeting,
            kind=DecisionKind.VALIDATE_CONTRACT,
            text=text,
            contract=contract,
            by=by,
        )
        created["décisions"] += 1
        if plan.state != VALIDATED:
            _sign_and_after(
                contract, plan, meeting, meetings[plan.region], signatories, by, created
            )


def _planned_on(plan: Plan, today: dt.date) -> dt.date | None:
    if plan.state == LATE:
        return today - D(days=30 + 7 * (plan.index % 20))
    if plan.state in (PLANNED, SUBMITTED, VALIDATED):
        return today + D(days=30 + 9 * (plan.index % 16))
    return None


def _meeting_for(plan: Plan, meetings: list[CopilMeeting]) -> CopilMeeting:
    """Validated-only contracts at the last meeting; signed ones at the first or second."""
    if plan.state == VALIDATED or len(meetings) == 1:
        return meetings[-1]
    return meetings[plan.index % 2]


def _step(contract: Contract, name: str, on: dt.date, by, comment: str = "", **extra) -> None:
    contract_transition(contract=contract, name=name, on=on, by=by, comment=comment, **extra)


def _sign_and_after(contract, plan, meeting, region_meetings, signatories, by, created) -> None:
    _add_signatories(contract, signatories(plan.territory, plan.region), by, created)
    signed_on = meeting.date + D(days=30 + (plan.index * 17) % 90)
    _step(contract, "sign", signed_on, by, "Contrat signé par l'ensemble des signataires.")
    if plan.state == AMENDING:
        started_on = dt.date(2025, 3, 3) + D(days=plan.index % 20)
        _step(contract, "start_amendment", started_on, by, amendment_title=REORIENTATION)
        created["avenants"] += 1
        _adopt_amendment(contract, started_on, region_meetings, by, created)
    elif plan.state == CLOSED:
        reason = "Résiliation à la demande du territoire."
        _step(contract, "close", signed_on + D(days=365), by, reason)


def _adopt_amendment(contract, started_on, region_meetings, by, created) -> None:
    from tipilot.governance.services import copil_decision_add

    later = [m for m in region_meetings if m.date > started_on]
    if not later:
        return
    copil_decision_add(
        meeting=later[0],
        kind=DecisionKind.ADOPT_AMENDMENT,
        text="Le COPIL adopte le projet d'avenant n° 1 (réorientation des fiches actions).",
        contract=contract,
        amendment=contract.amendments.get(number=1),
        by=by,
    )
    created["décisions"] += 1


def _add_signatories(contract, rows, by, created) -> None:
    for organisation, person, capacity in rows:
        if contract.signatories.filter(organisation=organisation).exists():
            continue
        signatory_add(
            contract=contract,
            organisation=organisation,
            representative=person,
            capacity=capacity,
            by=by,
        )
        created["signataires"] += 1


def legacy_contracts_demo(
    *,
    by,
    meeting: CopilMeeting,
    signatories: Signatories,
    created: Counter,
) -> None:
    """First-generation contracts of the meeting's region: validated at that meeting (2019),
    signed in 2019-2020, amended by the 2020 « Pack Rebond »."""
    from tipilot.governance.services import copil_decision_add

    region = meeting.region.code
    territories = sorted(
        Territory.objects.filter(generation__code="2018-2022", regions__code=region),
        key=lambda t: (t.region_code != region, t.identifier),
    )
    for index, territory in enumerate(territories[:LEGACY_COUNT]):
        if Contract.objects.filter(territory=territory).exists():
            continue
        contract = contract_create(
            territory=territory,
            title=f"Contrat de territoire d'industrie – {territory.name}",
            is_demo=True,
            by=by,
        )
        created["contrats"] += 1
        _step(contract, "submit", meeting.date - D(days=30 - index), by, "Projet déposé.")
        copil_decision_add(
            meeting=meeting,
            kind=DecisionKind.VALIDATE_CONTRACT,
            text=f"Le COPIL valide le contrat du territoire {territory.name}.",
            contract=contract,
            by=by,
        )
        created["décisions"] += 1
        _add_signatories(contract, signatories(territory, region), by, created)
        _step(contract, "sign", dt.date(2019, 9, 10) + D(days=45 * index), by, "Contrat signé.")
        rebond = dt.date(2020, 10, 5) + D(days=index)
        _step(contract, "start_amendment", rebond, by, amendment_title=PACK_REBOND)
        _step(contract, "sign_amendment", rebond + D(days=66), by, "Avenant Pack Rebond signé.")
        created["avenants"] += 1
