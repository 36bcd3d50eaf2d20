"""Load one vintage of the reference geography: validate everything, then write in one go.

Rows are matched by their official code (INSEE, SIREN). A newer-or-equal vintage updates a
row; an older one only widens its first vintage; rows absent from the newest vintage stay,
marked dissolved, because older territories reference them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max

from tipilot.core.errors import ImportRejected, ValidationReport

from .enums import EpciKind
from .models import Commune, Department, Epci, Region, Vintage
from .sources import GeoPackage

Progress = Callable[[str, int, int], None]
KINDS = set(EpciKind.values)
BATCH = 2000


@dataclass
class LoadResult:
    vintage: int
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    dissolved: dict[str, int] = field(default_factory=dict)


def validate_package(package: GeoPackage, source: str) -> ValidationReport:
    report = ValidationReport(source)
    data = package.data
    if not _check_shapes(report, data):
        return report
    communes_numbered = _numbered(data, "communes", current_only=True)
    _check_unique(report, _numbered(data, "regions"))
    _check_unique(report, _numbered(data, "departements"))
    _check_unique(report, communes_numbered)
    _check_unique(report, _numbered(data, "epci") + _numbered(data, "ept"))
    regions = {r.get("code") for r in data["regions"]}
    departments = {d.get("code") for d in data["departements"]}
    for i, row in enumerate(data["regions"], 1):
        _require(report, f"regions.json #{i}", row, ("code", "nom"))
    for i, row in enumerate(data["departements"], 1):
        where = f"departements.json #{i}"
        _require(report, where, row, ("code", "nom", "region"))
        if row.get("region") and row["region"] not in regions:
            report.error(where, "region", f"région « {row['region']} » inconnue")
    communes = set()
    for _, i, row in communes_numbered:  # numbered as in the file, délégués included
        where = f"communes.json #{i} ({row.get('code', '?')})"
        _require(report, where, row, ("code", "nom", "departement", "region"))
        if row.get("departement") and row["departement"] not in departments:
            report.error(where, "departement", f"département « {row['departement']} » inconnu")
        communes.add(row.get("code"))
    for name in ("epci", "ept"):
        for i, row in enumerate(data.get(name, []), 1):
            _validate_group(report, f"{name}.json #{i} ({row.get('code', '?')})", row, communes)
    return report


def _check_shapes(report, data) -> bool:
    """Each file must be a list of objects, or nothing else can be checked."""
    for name, rows in data.items():
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            report.error(f"{name}.json", "-", "une liste d'objets JSON est attendue")
    return report.ok


def _numbered(data, name, current_only=False) -> list[tuple[str, int, dict]]:
    rows = enumerate(data.get(name, []), 1)
    return [(name, i, r) for i, r in rows if not current_only or _is_current(r)]


def _is_current(commune: dict) -> bool:
    return commune.get("type", "commune-actuelle") == "commune-actuelle"


def _check_unique(report, rows: list[tuple[str, int, dict]]) -> None:
    """A code given twice would make the write fail half-way: report it instead."""
    seen: dict[str, str] = {}
    for name, i, row in rows:
        code = str(row.get("code") or "")
        where = f"{name}.json #{i}"
        if code in seen:
            report.error(f"{where} ({code})", "code", f"« {code} » figure déjà en {seen[code]}")
        elif code:
            seen[code] = where


def _validate_group(report, where, row, communes):
    _require(report, where, row, ("code", "nom", "type"))
    if row.get("type") and row["type"] not in KINDS:
        report.error(where, "type", f"nature « {row['type']} » inconnue")
    code = str(row.get("code", ""))
    if code and (len(code) != 9 or not code.isdigit()):
        report.error(where, "code", f"SIREN « {code} » invalide (9 chiffres attendus)")
    for member in row.get("membres", []):
        if member.get("code") not in communes:
            report.error(where, "membres", f"commune « {member.get('code')} » inconnue")


def _require(report, where, row, keys):
    for key in keys:
        if not row.get(key):
            report.error(where, key, "valeur manquante")


def current_communes(data) -> list[dict]:
    return [c for c in data["communes"] if _is_current(c)]


def load_package(
    *, package: GeoPackage, vintage: int, source: str, progress: Progress | None = None
) -> LoadResult:
    """Validate then write one vintage; raise ImportRejected (nothing written) on any error."""
    report = validate_package(package, source)
    if not report.ok:
        raise ImportRejected(report)
    progress = progress or (lambda step, done, total: None)
    result = LoadResult(vintage=vintage)
    with transaction.atomic():
        writer = _Writer(vintage, result, progress)
        regions = writer.upsert(Region, "code", package.data["regions"], _region_fields)
        departments = writer.upsert(
            Department, "code", package.data["departements"], _department_fields(regions)
        )
        communes = writer.upsert(
            Commune, "insee_code", current_communes(package.data), _commune_fields(departments)
        )
        groups = package.data["epci"] + package.data.get("ept", [])
        epcis = writer.upsert(Epci, "siren", groups, _epci_fields)
        writer.link_members(groups, epcis, communes)
        Vintage.objects.update_or_create(
            year=vintage,
            defaults={
                "source": f"{source}",
                "integrity": package.integrity,
                "counts": {k: len(v) for k, v in package.data.items()},
            },
        )
        mark_dissolved(result)
    return result


def mark_dissolved(result: LoadResult) -> None:
    latest = Vintage.objects.aggregate(latest=Max("year"))["latest"]
    for model in (Region, Department, Commune, Epci):
        model.objects.filter(last_vintage__gte=latest).update(dissolved=False)
        count = model.objects.filter(last_vintage__lt=latest).update(dissolved=True)
        result.dissolved[model._meta.model_name] = count


def _region_fields(row):
    return {"name": row["nom"]}


def _department_fields(regions):
    def fields(row):
        return {"name": row["nom"], "region_id": regions[row["region"]]}

    return fields


def _commune_fields(departments):
    region_of = dict(Department.objects.values_list("code", "region_id"))

    def fields(row):
        return {
            "name": row["nom"],
            "siren": row.get("siren", ""),
            "population": int(row.get("population") or 0),
            "department_id": departments[row["departement"]],
            "region_id": region_of[row["departement"]],
            "former_codes": sorted(row.get("anciensCodes", [])),
        }

    return fields


def _epci_fields(row):
    members = row.get("membres", [])
    population = row.get("populationMunicipale")
    if population is None:
        population = sum(int(m.get("populationMunicipale") or 0) for m in members)
    return {
        "name": row["nom"],
        "kind": row["type"],
        "financing": row.get("modeFinancement", ""),
        "population": int(population or 0),
    }


def _heavy(model) -> list[str]:
    """Outlines are large and never compared here: keep them out of memory."""
    return ["outline"] if any(f.name == "outline" for f in model._meta.fields) else []


class _Writer:
    """Upserts rows by code with bulk queries, following the vintage rules above."""

    def __init__(self, vintage: int, result: LoadResult, progress: Progress):
        self.vintage = vintage
        self.result = result
        self.progress = progress
        self.newer: dict[str, set[str]] = {}

    def upsert(self, model, key, rows, fields_of) -> dict[str, int]:
        name = model._meta.model_name
        existing = {getattr(o, key): o for o in model.objects.defer(*_heavy(model))}
        to_create, to_update, changed_fields, newer = [], [], set(), set()
        unchanged = 0
        for i, row in enumerate(rows, 1):
            code = str(row["code"])
            values = fields_of(row)
            obj = existing.get(code)
            if obj is None:
                obj = model(**{key: code}, **values)
                obj.first_vintage = obj.last_vintage = self.vintage
                to_create.append(obj)
                newer.add(code)
            elif self.vintage >= obj.last_vintage:
                newer.add(code)
                diff = {f for f, v in values.items() if getattr(obj, f) != v}
                if diff or obj.last_vintage != self.vintage:
                    for f in diff:
                        setattr(obj, f, values[f])
                    obj.last_vintage = self.vintage
                    changed_fields |= diff | {"last_vintage"}
                    to_update.append(obj)
                else:
                    unchanged += 1
            elif self.vintage < obj.first_vintage:
                obj.first_vintage = self.vintage
                changed_fields.add("first_vintage")
                to_update.append(obj)
            else:
                unchanged += 1
            if i % BATCH == 0:
                self.progress(name, i, len(rows))
        model.objects.bulk_create(to_create, batch_size=BATCH)
        if to_update:
            model.objects.bulk_update(to_update, sorted(changed_fields), batch_size=BATCH)
        self.progress(name, len(rows), len(rows))
        self.newer[name] = newer
        self.result.created[name] = len(to_create)
        self.result.updated[name] = len(to_update)
        self.result.unchanged[name] = unchanged
        return dict(model.objects.values_list(key, "id"))

    def link_members(self, groups, epcis, communes) -> None:
        """Replace the member lists of the EPCIs this vintage is authoritative for."""
        newer_epcis = self.newer["epci"]
        through = Epci.communes.through
        ids = [epcis[g["code"]] for g in groups if g["code"] in newer_epcis]
        through.objects.filter(epci_id__in=ids).delete()
        links, current = [], {}
        for group in groups:
            if group["code"] not in newer_epcis:
                continue
            epci_id = epcis[group["code"]]
            for member in group.get("membres", []):
                links.append(through(epci_id=epci_id, commune_id=communes[member["code"]]))
                if group["type"] != EpciKind.EPT:
                    current[member["code"]] = epci_id
        through.objects.bulk_create(links, batch_size=BATCH)
        self.progress("membres", len(links), len(links))
        self._set_current_epci(current)

    def _set_current_epci(self, current: dict[str, int]) -> None:
        newer_communes = self.newer["commune"]
        changed = []
        for commune in Commune.objects.only("id", "insee_code", "epci_id"):
            if commune.insee_code not in newer_communes:
                continue
            epci_id = current.get(commune.insee_code)
            if commune.epci_id != epci_id:
                commune.epci_id = epci_id
                changed.append(commune)
        Commune.objects.bulk_update(changed, ["epci"], batch_size=BATCH)
