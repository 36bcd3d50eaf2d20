"""Demonstration fiches actions at the programme's real scale — GENERATED, not real projects.

``actions_demo()`` fills about 1,800 actions (``factor=1``): 1,500 on 2018-2022 territories
(« 1 800 projets remontés en trois ans ») and 300 on 2023-2027 territories, each with a funding
plan of 3 to 9 lines (about 10,000 lines), jobs, relocations, fragile-territory flags and themes.
Committed euros of the 2018-2022 actions are then scaled so that the national bilan shows the
programme's published orders of magnitude: 884 M€ from the State, 481 M€ from operators,
569 M€ from the Regions. Counts of the fonds d'accélération (1,416 projects, 27,255 jobs, 209
relocations) are not reproduced one for one: its lines are drawn among the same actions.

Everything is ``is_demo`` and deterministic (seeded). Rows are written with simple-history's
bulk helpers, so the audit trail has one « Démonstration » record per row and 1,800 actions load
in seconds. ``factor=10`` is the benchmark scale (18,000 actions, ~100,000 lines): see
``tipilot scale``.
"""

import datetime as dt
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from tipilot.contracts.models import Contract
from tipilot.governance.enums import OrganisationKind
from tipilot.governance.models import Organisation
from tipilot.territories.models import Territory
from tipilot.territories.selectors import member_commune_ids

from .demo_plan import ActionDraft, Planner
from .enums import FUNDER_GROUP, FunderGroup
from .models import Action, Axis, FundingLine, Measure, Tag
from .services import catalogue_sync

PER_FACTOR = {"2018-2022": 1500, "2023-2027": 300}
# Committed euros of 2018-2022 actions, by funder group (bilan of the first generation).
CALIBRATION = {
    FunderGroup.STATE: Decimal(884_000_000),
    FunderGroup.OPERATORS: Decimal(481_000_000),
    FunderGroup.REGIONS: Decimal(569_000_000),
}
TAGS = {
    "decarbonation": "Décarbonation",
    "friche": "Reconversion de friche",
    "competences": "Compétences",
    "numerique": "Numérique",
    "economie-circulaire": "Économie circulaire",
    "export": "Export",
}
FIRMS_PER_FACTOR = 700
SIREN_BASE = 91_000_000  # demo firms' SIRENs start here (8 digits + Luhn key)
BATCH = 2000


@dataclass
class DemoResult:
    skipped: bool = False
    created: Counter = field(default_factory=Counter)
    committed: dict = field(default_factory=dict)

    def summary(self) -> str:
        if self.skipped:
            return "Fiches actions de démonstration déjà en place : rien de nouveau."
        parts = ", ".join(f"{name} {count}" for name, count in self.created.items())
        money = ", ".join(f"{k} {v / 1_000_000:,.0f} M€" for k, v in self.committed.items())
        return f"Fiches actions de démonstration : créées : {parts}. Engagé : {money}."


def actions_demo(*, factor: int = 1, seed: int = 2018, today: dt.date | None = None) -> DemoResult:
    """Generate the demo actions once (a second call creates nothing)."""
    if Action.objects.filter(is_demo=True).exists():
        return DemoResult(skipped=True)
    catalogue_sync()
    territories = list(
        Territory.objects.filter(generation__code__in=PER_FACTOR)
        .select_related("generation")
        .prefetch_related("regions")
        .defer("outline", "search_text")
        .order_by("generation__start_year", "identifier")
    )
    if not territories:
        return DemoResult(skipped=True)
    with transaction.atomic():
        return _build(territories, factor=factor, rng=random.Random(seed), today=today)


def _build(territories, *, factor: int, rng: random.Random, today) -> DemoResult:
    result = DemoResult()
    firms = _firms(factor, result)
    planner = Planner(
        rng=rng,
        today=today or dt.date.today(),
        axes={a.code: a for a in Axis.objects.all()},
        measures=list(Measure.objects.prefetch_related("operators").select_related("axis")),
        firms=firms,
        communes=member_commune_ids(territories),
        regions=_region_councils(),
    )
    drafts = []
    by_generation = defaultdict(list)
    for territory in territories:
        by_generation[territory.generation.code].append(territory)
    for code, members in by_generation.items():
        drafts += planner.actions(members, count=PER_FACTOR[code] * factor)
    result.committed = _calibrate(drafts, factor)
    _write(drafts, result)
    return result


def _firms(factor: int, result: DemoResult) -> list[Organisation]:
    """Demo firms (porteurs), with valid SIREN keys in a range no real firm of the demo uses.

    Firms left by an earlier run (``tipilot scale --replace``) are reused, not duplicated.
    """
    sirens = [_siren(SIREN_BASE + n) for n in range(FIRMS_PER_FACTOR * factor)]
    taken = set(Organisation.objects.filter(siren__in=sirens).values_list("siren", flat=True))
    firms = [
        Organisation(name=f"Entreprise démo n° {n + 1:05d}", kind=OrganisationKind.FIRM, siren=s)
        for n, s in enumerate(sirens)
        if s not in taken
    ]
    created = bulk_create_with_history(
        firms, Organisation, batch_size=BATCH, default_change_reason="Démonstration"
    )
    result.created["entreprises"] = len(created)
    return list(Organisation.objects.filter(siren__in=sirens).order_by("siren"))


def _siren(number: int) -> str:
    body = f"{number:08d}"
    for key in "0123456789":
        digits = [int(c) for c in body + key]
        total = sum(
            d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2)
            for i, d in enumerate(reversed(digits))
        )
        if total % 10 == 0:
            return body + key
    raise AssertionError("a Luhn key always exists")


def _region_councils() -> dict[str, Organisation]:
    councils = Organisation.objects.filter(kind=OrganisationKind.REGION, region__isnull=False)
    return {o.region.code: o for o in councils.select_related("region")}


def _calibrate(drafts: list[ActionDraft], factor: int) -> dict[str, Decimal]:
    """Scale each funder group's amounts so first-generation commitments match the bilan."""
    sums = Counter()
    for draft in drafts:
        if draft.generation == "2018-2022":
            for line in draft.lines:
                sums[FUNDER_GROUP[line.category]] += line.committed
    ratios = {
        group: (target * factor / sums[group]) if sums[group] else Decimal(1)
        for group, target in CALIBRATION.items()
    }
    for draft in drafts:
        for line in draft.lines:
            line.scale(ratios.get(FUNDER_GROUP[line.category], Decimal(1)))
        draft.settle_cost()
    totals = Counter()
    for draft in drafts:
        for line in draft.lines:
            totals[FunderGroup(FUNDER_GROUP[line.category]).label] += line.committed
    return dict(totals)


def _write(drafts: list[ActionDraft], result: DemoResult) -> None:
    contracts = dict(Contract.objects.values_list("territory_id", "pk"))
    tags = {
        slug: Tag.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in TAGS.items()
    }
    actions = bulk_create_with_history(
        [d.to_action(contract_id=contracts.get(d.territory_id)) for d in drafts],
        Action,
        batch_size=BATCH,
        default_change_reason="Démonstration",
    )
    by_external = {
        a.external_id: a.pk for a in Action.objects.filter(is_demo=True).only("external_id")
    }
    measure_links, tag_links, lines = [], [], []
    for draft in drafts:
        pk = by_external[draft.external_id]
        measure_links += [
            Action.measures.through(action_id=pk, measure_id=m) for m in draft.measures
        ]
        tag_links += [Action.tags.through(action_id=pk, tag_id=tags[t].pk) for t in draft.tags]
        lines += [line.to_line(action_id=pk, position=i) for i, line in enumerate(draft.lines, 1)]
    Action.measures.through.objects.bulk_create(measure_links, batch_size=BATCH)
    Action.tags.through.objects.bulk_create(tag_links, batch_size=BATCH)
    bulk_create_with_history(
        lines, FundingLine, batch_size=BATCH, default_change_reason="Démonstration"
    )
    result.created["fiches actions"] = len(actions)
    result.created["lignes de financement"] = len(lines)
