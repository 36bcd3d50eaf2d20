"""Demonstration registries — GENERATED, not the real schools, antennas or placements.

``deployments_demo()`` registers, on real communes of the labelled territories of the current
generation, about 83 Cnam antennas over three AMI waves (75 labelled or open, of a target of
100), 30 écoles de production (12 open) and 1,040 VTE placements (1,000 in post or ended).
Points lie inside the commune's outline. Everything is ``is_demo``, deterministic (seeded) and
written once: a second call creates nothing.
"""

import datetime as dt
import random
from collections import Counter
from decimal import Decimal

import shapely
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from tipilot.actions.models import Measure
from tipilot.actions.services import catalogue_sync
from tipilot.geo.models import Commune, Epci
from tipilot.geo.points import PLACES, point_in_outline
from tipilot.governance.enums import OrganisationKind
from tipilot.governance.models import Organisation
from tipilot.territories.enums import TerritoryStatus
from tipilot.territories.models import Membership
from tipilot.territories.selectors import latest_generation

from .enums import MEASURE_CODES, DeploymentKind, DeploymentStatus
from .models import Deployment
from .services import targets_sync

K, S = DeploymentKind, DeploymentStatus
# Cnam antennas per wave: (labelled on, how many labelled or open)
CNAM_WAVES = {
    1: (dt.date(2020, 1, 20), 30),
    2: (dt.date(2021, 2, 15), 25),
    3: (dt.date(2022, 3, 21), 20),
}
CNAM_PROJECTS = 8
SCHOOLS = {S.OPEN: 12, S.LABELLED: 14, S.PROJECT: 4}
VTE = {S.OPEN: 700, S.CLOSED: 300, S.PROJECT: 40}
JOBS = (
    "Ingénieur méthodes", "Chargé d'industrialisation", "Responsable qualité",
    "Ingénieur maintenance", "Chef de projet export", "Acheteur industriel",
    "Responsable HSE", "Ingénieur R&D", "Contrôleur de gestion industriel",
    "Chargé d'amélioration continue", "Ingénieur production", "Data analyst industriel",
)  # fmt: skip
TRADES = ("usinage", "chaudronnerie", "métallerie", "textile", "bois", "électricité industrielle")
BATCH = 2000


def deployments_demo(*, seed: int = 2020, today: dt.date | None = None) -> str:
    """Generate the demo registries once; return a one-line summary."""
    if Deployment.objects.filter(is_demo=True).exists():
        return "Déploiements de démonstration déjà en place : rien de nouveau."
    catalogue_sync()
    targets_sync()
    communes = _candidate_communes()
    if not communes:
        return "Déploiements de démonstration : aucun territoire labellisé, rien de créé."
    with transaction.atomic():
        counts = _build(communes, random.Random(seed), today or dt.date.today())
    parts = ", ".join(f"{K(kind).label} {n}" for kind, n in counts.items())
    return f"Déploiements de démonstration : créés : {parts}."


def _candidate_communes() -> list[tuple[int, int, int]]:
    """(commune id, territory id, population) of the current generation's labelled territories,
    most populous first."""
    generation = latest_generation()
    if generation is None:
        return []
    members = Membership.objects.filter(
        territory__generation=generation,
        territory__status=TerritoryStatus.LABELLED,
        left_on__isnull=True,
    ).values_list("territory_id", "epci_id", "commune_id")
    territory_of, by_epci = {}, {}
    for territory_id, epci_id, commune_id in members:
        if commune_id:
            territory_of.setdefault(commune_id, territory_id)
        else:
            by_epci[epci_id] = territory_id
    through = Epci.communes.through.objects.filter(epci_id__in=by_epci)
    for epci_id, commune_id in through.values_list("epci_id", "commune_id"):
        territory_of.setdefault(commune_id, by_epci[epci_id])
    rows = Commune.objects.filter(id__in=territory_of).values_list("id", "population")
    ranked = sorted(rows, key=lambda r: (-r[1], r[0]))
    return [(cid, territory_of[cid], population) for cid, population in ranked]


def _build(communes, rng: random.Random, today: dt.date) -> Counter:
    measures = {kind: Measure.objects.get(code=code) for kind, code in MEASURE_CODES.items()}
    towns = _towns(communes)  # the main commune of each territory, most populous first
    rows = _cnam(towns, rng) + _schools(towns, rng, today) + _vte(communes, rng, today)
    chosen = {row["commune_id"] for row in rows}
    commune_rows = Commune.objects.filter(id__in=chosen).only("id", "name", "outline")
    communes_by_id = {c.id: c for c in commune_rows}
    schools = _school_organisations(rows, communes_by_id)
    cnam = Organisation.objects.filter(siren="197534712").first()
    firms = list(Organisation.objects.filter(name__startswith="Entreprise démo").order_by("pk"))
    shapes: dict[int, object] = {}
    objects = []
    for index, row in enumerate(rows):
        commune = communes_by_id[row["commune_id"]]
        organisation = {K.CNAM_ANTENNA: cnam, K.PRODUCTION_SCHOOL: schools.get(index)}.get(
            row["kind"], firms[rng.randrange(len(firms))] if firms else None
        )
        lat, lon = _point(commune, shapes, rng, spread=row["kind"] == K.VTE)
        name = row.pop("name").format(commune=commune.name)
        objects.append(
            Deployment(
                **row,
                name=name,
                measure=measures[row["kind"]],
                organisation=organisation,
                latitude=lat,
                longitude=lon,
                is_demo=True,
            )  # fmt: skip
        )
    for deployment in objects:  # bulk_create skips save(), which derives the search text
        deployment.derive()
    bulk_create_with_history(
        objects, Deployment, batch_size=BATCH, default_change_reason="Démonstration"
    )
    return Counter(o.kind for o in objects)


def _towns(communes) -> list[tuple[int, int]]:
    seen, towns = set(), []
    for commune_id, territory_id, _ in communes:
        if territory_id not in seen:
            seen.add(territory_id)
            towns.append((commune_id, territory_id))
    return towns


def _pick(towns, index: int) -> tuple[int, int]:
    return towns[index % len(towns)]


def _cnam(towns, rng: random.Random) -> list[dict]:
    rows, index = [], 0
    for wave, (labelled_on, count) in CNAM_WAVES.items():
        for _ in range(count):
            commune_id, territory_id = _pick(towns, index)
            index += 1
            opened = rng.random() < 0.7
            opened_on = labelled_on + dt.timedelta(days=rng.randint(120, 400)) if opened else None
            rows.append(
                {
                    "kind": K.CNAM_ANTENNA,
                    "name": "Antenne du Cnam — {commune}",
                    "commune_id": commune_id,
                    "territory_id": territory_id,
                    "wave": wave,
                    "status": S.OPEN if opened else S.LABELLED,
                    "labelled_on": labelled_on,
                    "opened_on": opened_on,
                    "headcount": rng.randint(20, 120) if opened else None,
                }  # fmt: skip
            )
    for _ in range(CNAM_PROJECTS):
        commune_id, territory_id = _pick(towns, index)
        index += 1
        rows.append(
            {"kind": K.CNAM_ANTENNA, "name": "Projet d'antenne du Cnam — {commune}",
             "commune_id": commune_id, "territory_id": territory_id, "status": S.PROJECT}
        )  # fmt: skip
    return rows


def _schools(towns, rng: random.Random, today: dt.date) -> list[dict]:
    rows, offset = [], len(towns) // 3  # other towns than the first antennas, where possible
    statuses = [status for status, n in SCHOOLS.items() for _ in range(n)]
    for index, status in enumerate(statuses):
        commune_id, territory_id = _pick(towns, offset + index * 2)
        labelled_on = dt.date(2021, 11, 23) if status != S.PROJECT else None
        opened_on = None
        if status == S.OPEN:
            opened_on = min(dt.date(2022, 9, 1) + dt.timedelta(days=365 * (index % 2)), today)
        trade = TRADES[index % len(TRADES)]
        rows.append(
            {
                "kind": K.PRODUCTION_SCHOOL,
                "name": f"École de production ({trade}) — {{commune}}",
                "commune_id": commune_id,
                "territory_id": territory_id,
                "status": status,
                "labelled_on": labelled_on,
                "opened_on": opened_on,
                "headcount": rng.randint(12, 48) if status == S.OPEN else None,
            }  # fmt: skip
        )
    return rows


def _vte(communes, rng: random.Random, today: dt.date) -> list[dict]:
    rows = []
    weights = [max(population, 1) ** 0.5 for _, _, population in communes]
    statuses = [status for status, n in VTE.items() for _ in range(n)]
    picks = rng.choices(communes, weights=weights, k=len(statuses))
    for (commune_id, territory_id, _), status in zip(picks, statuses, strict=True):
        opened_on = closed_on = None
        if status != S.PROJECT:
            opened_on = min(dt.date(2020, 9, 1) + dt.timedelta(days=rng.randint(0, 1400)), today)
        if status == S.CLOSED:
            closed_on = min(opened_on + dt.timedelta(days=rng.randint(365, 730)), today)
        rows.append(
            {
                "kind": K.VTE,
                "name": f"VTE {rng.choice(JOBS).lower()} — {{commune}}",
                "commune_id": commune_id,
                "territory_id": territory_id,
                "status": status,
                "opened_on": opened_on,
                "closed_on": closed_on,
                "headcount": 1,
            }  # fmt: skip
        )
    return rows


def _school_organisations(rows, communes_by_id) -> dict[int, Organisation]:
    """One demo organisation per school (generated, no SIREN), keyed by the row's position."""
    names = {
        index: f"École de production de {communes_by_id[row['commune_id']].name} (démo {index})"
        for index, row in enumerate(rows)
        if row["kind"] == K.PRODUCTION_SCHOOL
    }
    existing = {o.name: o for o in Organisation.objects.filter(name__in=names.values())}
    missing = [
        Organisation(name=name, kind=OrganisationKind.SCHOOL)
        for name in names.values()
        if name not in existing
    ]
    bulk_create_with_history(missing, Organisation, default_change_reason="Démonstration")
    existing = {o.name: o for o in Organisation.objects.filter(name__in=names.values())}
    return {index: existing[name] for index, name in names.items()}


def _point(commune, shapes: dict, rng: random.Random, *, spread: bool):
    """A point inside the commune: its representative point, or a random one for VTE."""
    if not spread:
        return point_in_outline(commune.outline) or (None, None)
    if commune.id not in shapes:
        try:
            shapes[commune.id] = shapely.from_geojson(commune.outline) if commune.outline else None
        except shapely.errors.GEOSException:
            shapes[commune.id] = None
    shape = shapes[commune.id]
    if shape is None or shape.is_empty:
        return None, None
    west, south, east, north = shape.bounds
    for _ in range(12):
        x, y = rng.uniform(west, east), rng.uniform(south, north)
        if shapely.contains_xy(shape, x, y):
            return _quantize(y), _quantize(x)
    return point_in_outline(commune.outline)


def _quantize(value: float) -> Decimal:
    return Decimal(value).quantize(PLACES)
