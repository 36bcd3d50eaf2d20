"""Drawing one demo action and its funding plan (in memory; ``demo.py`` writes them in bulk).

Dates are consistent with the model's constraints and never in the future: requested ≤
committed ≤ paid; engaged ≤ started ≤ completed. Amounts are whole euros; paid ≤ committed;
a refused line commits nothing.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from .enums import ActionStatus, Decision, FunderCategory, Nature
from .models import Action, FundingLine

S, C = ActionStatus, FunderCategory
WINDOWS = {
    "2018-2022": (dt.date(2019, 1, 15), dt.date(2022, 6, 30)),
    "2023-2027": (dt.date(2023, 12, 1), dt.date(2026, 6, 30)),
}
STATUS_WEIGHTS = {
    "2018-2022": {
        S.COMPLETED: 35,
        S.IN_PROGRESS: 30,
        S.ENGAGED: 15,
        S.PREPARATION: 5,
        S.IDEA: 5,
        S.ABANDONED: 10,
    },
    "2023-2027": {
        S.IDEA: 25,
        S.PREPARATION: 30,
        S.ENGAGED: 25,
        S.IN_PROGRESS: 15,
        S.COMPLETED: 2,
        S.ABANDONED: 3,
    },
}
AXIS_WEIGHTS = {"innover": 40, "recruter": 25, "attirer": 25, "simplifier": 10}
NAF = (
    "25.62A",
    "10.71C",
    "22.22Z",
    "28.29B",
    "20.59Z",
    "24.10Z",
    "29.32Z",
    "16.23Z",
    "27.12Z",
    "33.12Z",
    "13.92Z",
    "26.11Z",
    "30.30Z",
    "23.61Z",
    "17.21A",
    "21.20Z",
    "32.50A",
    "11.07A",
)
TITLES = {
    "innover": (
        "Modernisation de la ligne de production",
        "Robotisation de l'atelier",
        "Décarbonation du procédé de fabrication",
        "Nouvelle unité de production",
    ),
    "recruter": (
        "Plateforme territoriale de formation",
        "École de production",
        "Campus des métiers de l'industrie",
        "Parcours de reconversion vers l'industrie",
    ),
    "attirer": (
        "Requalification d'une friche industrielle",
        "Extension de la zone d'activités",
        "Desserte ferroviaire du site industriel",
        "Village d'entreprises",
    ),
    "simplifier": (
        "Guichet unique des porteurs de projets",
        "Expérimentation réglementaire",
        "Accélération des procédures d'implantation",
    ),
}
TAGS_BY_AXIS = {
    "innover": ("decarbonation", "numerique"),
    "recruter": ("competences",),
    "attirer": ("friche", "export"),
    "simplifier": ("economie-circulaire",),
}
FA_SHARE, RELOCATION_SHARE, FRAGILE_SHARE = 0.45, 0.15, 0.66
ENGAGED_OR_LATER = {S.ENGAGED, S.IN_PROGRESS, S.COMPLETED}
PAID_SHARE = {S.ENGAGED: (0.0, 0.3), S.IN_PROGRESS: (0.3, 0.8), S.COMPLETED: (0.9, 1.0)}


@dataclass
class LineDraft:
    category: str
    requested: Decimal
    committed: Decimal
    paid: Decimal
    decision: str
    requested_on: dt.date
    committed_on: dt.date | None
    paid_on: dt.date | None
    funder_id: int | None = None
    measure_id: int | None = None
    instrument: str = ""

    def scale(self, ratio: Decimal) -> None:
        self.requested = (self.requested * ratio).quantize(Decimal(1))
        self.committed = min((self.committed * ratio).quantize(Decimal(1)), self.requested)
        self.paid = min((self.paid * ratio).quantize(Decimal(1)), self.committed)

    def to_line(self, *, action_id: int, position: int) -> FundingLine:
        return FundingLine(
            action_id=action_id,
            position=position,
            funder_category=self.category,
            funder_id=self.funder_id,
            measure_id=self.measure_id,
            instrument=self.instrument,
            amount_requested=self.requested,
            amount_committed=self.committed,
            amount_paid=self.paid,
            requested_on=self.requested_on,
            decision=self.decision,
            committed_on=self.committed_on,
            paid_on=self.paid_on if self.paid else None,
        )


@dataclass
class ActionDraft:
    external_id: str
    generation: str
    territory_id: int
    fields: dict
    measures: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    lines: list[LineDraft] = field(default_factory=list)

    def settle_cost(self) -> None:
        asked = sum((line.requested for line in self.lines), Decimal(0))
        self.fields["total_cost"] = (asked * Decimal("1.25")).quantize(Decimal(1))

    def to_action(self, *, contract_id: int | None) -> Action:
        return Action(
            external_id=self.external_id,
            territory_id=self.territory_id,
            contract_id=contract_id,
            is_demo=True,
            **self.fields,
        )


@dataclass
class Planner:
    rng: random.Random
    today: dt.date
    axes: dict
    measures: list
    firms: list
    communes: dict[int, list[int]]
    regions: dict
    fragile: dict = field(default_factory=dict)

    def actions(self, territories, *, count: int) -> list[ActionDraft]:
        weights = [self.rng.uniform(0.5, 1.5) for _ in territories]
        chosen = self.rng.choices(territories, weights=weights, k=count)
        ranks: dict[int, int] = {}
        drafts = []
        for territory in chosen:
            ranks[territory.pk] = ranks.get(territory.pk, 0) + 1
            drafts.append(self.action(territory, ranks[territory.pk]))
        return drafts

    def action(self, territory, rank: int) -> ActionDraft:
        rng, generation = self.rng, territory.generation.code
        axis = rng.choices(list(AXIS_WEIGHTS), weights=list(AXIS_WEIGHTS.values()))[0]
        status = _pick(rng, STATUS_WEIGHTS[generation])
        private = rng.random() < 0.7
        fa = private and generation == "2018-2022" and rng.random() < FA_SHARE
        dates = self._dates(generation, status)
        fields = {
            "title": f"{rng.choice(TITLES[axis])} — {territory.name}"[:300],
            "axis": self.axes[axis],
            "status": status,
            "nature": Nature.PRIVATE if private else Nature.PUBLIC,
            "lead": rng.choice(self.firms) if private else None,
            "commune_id": self._commune(territory),
            "naf_code": rng.choice(NAF) if private else "",
            "is_relocation": fa and rng.random() < RELOCATION_SHARE,
            "is_fragile_territory": self._fragile(territory),
            "description": "Fiche action générée pour la démonstration (données fictives).",
            **{k: v for k, v in dates.items() if k != "base"},
            **self._jobs(status, private, fa),
        }
        draft = ActionDraft(
            external_id=f"DEMO-{territory.generation.start_year}-{territory.identifier}-{rank:04d}",
            generation=generation,
            territory_id=territory.pk,
            fields=fields,
            tags=[t for t in TAGS_BY_AXIS[axis] if rng.random() < 0.4],
        )
        axis_measures = [m for m in self.measures if m.axis.code == axis]
        picked = rng.sample(axis_measures, k=min(len(axis_measures), rng.randint(1, 2)))
        if fa:
            picked = [m for m in self.measures if m.code == "fonds-acceleration"] + picked
        draft.measures = sorted({m.pk for m in picked})
        draft.lines = self._lines(territory, status, dates, picked, fa, private, draft)
        return draft

    def _commune(self, territory) -> int | None:
        communes = self.communes.get(territory.pk)
        return self.rng.choice(communes) if communes else None

    def _fragile(self, territory) -> bool:
        if territory.pk not in self.fragile:
            self.fragile[territory.pk] = self.rng.random() < FRAGILE_SHARE
        return self.fragile[territory.pk]

    def _dates(self, generation: str, status: str) -> dict:
        start, end = WINDOWS[generation]
        base = start + dt.timedelta(days=self.rng.randint(0, (end - start).days))
        out = {"base": base}
        if status == S.ABANDONED:
            out["abandoned_on"] = self._cap(base + dt.timedelta(days=self.rng.randint(60, 500)))
        if status in ENGAGED_OR_LATER:
            out["engaged_on"] = self._cap(base + dt.timedelta(days=self.rng.randint(30, 240)))
        if status in (S.IN_PROGRESS, S.COMPLETED):
            out["started_on"] = self._cap(
                out["engaged_on"] + dt.timedelta(self.rng.randint(0, 180))
            )
        if status == S.COMPLETED:
            done = out["started_on"] + dt.timedelta(days=self.rng.randint(90, 900))
            out["completed_on"] = self._cap(done)
        return out

    def _cap(self, day: dt.date) -> dt.date:
        return min(day, self.today - dt.timedelta(days=1))

    def _jobs(self, status: str, private: bool, fa: bool) -> dict:
        rng = self.rng
        created = rng.randint(3, 40) if private else rng.randint(0, 8)
        created += rng.randint(5, 25) if fa else 0
        maintained = rng.randint(0, 120) if private else 0
        jobs = {"jobs_created_planned": created, "jobs_maintained_planned": maintained}
        if status in (S.IN_PROGRESS, S.COMPLETED):
            jobs["jobs_created_observed"] = round(created * rng.uniform(0.5, 1.2))
            jobs["jobs_maintained_observed"] = round(maintained * rng.uniform(0.8, 1.0))
        return jobs

    def _lines(self, territory, status, dates, measures, fa, private, draft) -> list[LineDraft]:
        rng = self.rng
        categories = [C.STATE] if fa else []
        pool = [C.STATE, C.OPERATOR, C.REGION, C.LOCAL, C.EU, C.PRIVATE if private else C.LOCAL]
        categories += rng.sample(pool, k=rng.randint(3, 6)) + ([C.OPERATOR] * rng.randint(0, 2))
        size = rng.lognormvariate(13.0, 1.0)  # median ≈ 440 k€ per line
        lines = []
        for i, category in enumerate(categories):
            line = self._line(category, status, dates, Decimal(round(size * rng.uniform(0.3, 1.5))))
            self._funder(line, territory, measures, fa and i == 0)
            lines.append(line)
        return lines

    def _line(self, category, status, dates, requested: Decimal) -> LineDraft:
        rng, base = self.rng, dates["base"]
        decision, committed, paid = Decision.PENDING, Decimal(0), Decimal(0)
        committed_on = paid_on = None
        if status in ENGAGED_OR_LATER:
            decision = Decision.REFUSED if rng.random() < 0.08 else Decision.GRANTED
        elif status == S.ABANDONED and rng.random() < 0.5:
            decision = Decision.REFUSED
        if decision == Decision.GRANTED:
            committed = _share(requested, rng.uniform(0.7, 1.0))
            committed_on = max(dates.get("engaged_on", base), base)
            low, high = PAID_SHARE[status]
            paid = _share(committed, rng.uniform(low, high))
            if paid:
                paid_on = self._cap(committed_on + dt.timedelta(days=rng.randint(30, 700)))
                paid_on = max(paid_on, committed_on)
        return LineDraft(
            category=category,
            requested=requested,
            committed=committed,
            paid=paid,
            decision=decision,
            requested_on=base,
            committed_on=committed_on,
            paid_on=paid_on,
        )

    def _funder(self, line: LineDraft, territory, measures, is_fa: bool) -> None:
        operated = [m for m in measures if m.operators.all()]
        if is_fa or (line.category == C.STATE and operated and self.rng.random() < 0.5):
            measure = operated[0] if operated else None
            line.measure_id = measure.pk if measure else None
            line.funder_id = measure.operators.all()[0].pk if measure else None
        elif line.category == C.OPERATOR:
            candidates = operated or [m for m in self.measures if m.operators.all()]
            measure = self.rng.choice(candidates)
            line.measure_id, line.funder_id = measure.pk, measure.operators.all()[0].pk
        elif line.category == C.REGION:
            council = next(
                (self.regions[r.code] for r in territory.regions.all() if r.code in self.regions),
                None,
            )
            line.funder_id = council.pk if council else None
            line.instrument = "Aide régionale à l'investissement"
        elif line.category == C.EU:
            line.instrument = "FEDER"
        elif line.category == C.STATE:
            line.instrument = "Crédits d'État (FNADT, DSIL)"
        elif line.category == C.LOCAL:
            line.instrument = "Fonds de concours intercommunal"
        else:
            line.instrument = "Autofinancement"


def _pick(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _share(amount: Decimal, ratio: float) -> Decimal:
    return min(amount, (amount * Decimal(str(round(ratio, 3)))).quantize(Decimal(1)))
