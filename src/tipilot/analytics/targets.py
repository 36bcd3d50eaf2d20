"""The programme's announced targets and reference figures, against which a bilan is read.

Each target says what it is measured on (``metric``) and for which generation. The figures
come from the programme's public record as restated in tipilot's issue 4 ("Why"):
- « 1,3 Md€ sur quatre ans » engagés par l'État et ses opérateurs pour la première
  génération (annonce du programme, novembre 2018; bilan: 1,37 Md€, dont 884 M€ de l'État et
  481 M€ des partenaires);
- fonds d'accélération des investissements industriels dans les territoires (France Relance,
  2020-2022): enveloppe de 850 M€ (catalogue des mesures, ``actions/catalogue.py``), 1 416
  projets soutenus pour 27 255 emplois, dont 209 relocalisations (bilan du programme).
"""

from dataclasses import dataclass
from decimal import Decimal

FIRST_GENERATION = "2018-2022"
ACCELERATION_FUND = "fonds-acceleration"


class Metric:
    """What a target is measured on (the selector knows how to compute each)."""

    STATE_OPERATORS_COMMITTED = "state_operators_committed"
    MEASURE_COMMITTED = "measure_committed"
    MEASURE_PROJECTS = "measure_projects"
    MEASURE_JOBS = "measure_jobs"
    MEASURE_RELOCATIONS = "measure_relocations"


@dataclass(frozen=True)
class Target:
    code: str
    label: str
    value: Decimal
    unit: str  # "€", "projets", "emplois", "relocalisations"
    metric: str
    measured_on: str
    generation: str
    source: str
    measure: str = ""


SOURCE_2018 = "Annonce du programme Territoires d'industrie (2018) : 1,3 Md€ sur quatre ans"
SOURCE_FUND = "Bilan du fonds d'accélération (France Relance, 2020-2022)"

TARGETS: tuple[Target, ...] = (
    Target(
        code="state-operators-committed",
        label="Engagements de l'État et des opérateurs",
        value=Decimal(1_300_000_000),
        unit="€",
        metric=Metric.STATE_OPERATORS_COMMITTED,
        measured_on="Montants engagés des financeurs État et opérateurs, première génération",
        generation=FIRST_GENERATION,
        source=SOURCE_2018,
    ),
    Target(
        code="fund-committed",
        label="Fonds d'accélération : montants engagés",
        value=Decimal(850_000_000),
        unit="€",
        metric=Metric.MEASURE_COMMITTED,
        measured_on="Montants engagés sur la mesure « fonds d'accélération »",
        generation=FIRST_GENERATION,
        source="Enveloppe annoncée du fonds d'accélération : 850 M€",
        measure=ACCELERATION_FUND,
    ),
    Target(
        code="fund-projects",
        label="Fonds d'accélération : projets soutenus",
        value=Decimal(1416),
        unit="projets",
        metric=Metric.MEASURE_PROJECTS,
        measured_on="Actions ayant une ligne de financement sur le fonds d'accélération",
        generation=FIRST_GENERATION,
        source=SOURCE_FUND,
        measure=ACCELERATION_FUND,
    ),
    Target(
        code="fund-jobs",
        label="Fonds d'accélération : emplois",
        value=Decimal(27255),
        unit="emplois",
        metric=Metric.MEASURE_JOBS,
        measured_on="Emplois prévus (créés et maintenus) des actions du fonds d'accélération",
        generation=FIRST_GENERATION,
        source=SOURCE_FUND,
        measure=ACCELERATION_FUND,
    ),
    Target(
        code="fund-relocations",
        label="Fonds d'accélération : relocalisations",
        value=Decimal(209),
        unit="relocalisations",
        metric=Metric.MEASURE_RELOCATIONS,
        measured_on="Actions de relocalisation soutenues par le fonds d'accélération",
        generation=FIRST_GENERATION,
        source=SOURCE_FUND,
        measure=ACCELERATION_FUND,
    ),
)


def targets_for(generation_code: str) -> tuple[Target, ...]:
    """Targets of a generation, shown on its national bilan (they are measured on it alone)."""
    return tuple(t for t in TARGETS if t.generation == generation_code)
