"""Writes for territories: apply an official list as the state of a generation at a date.

The diff against the current state becomes dated history (joined, left, renamed, withdrawn),
so importing the 2023-11 then the 2024-09 list of 2023-2027 records what changed between them.
Everything runs in one transaction and only after validation found no error.
"""

import datetime as dt
import json
from dataclasses import dataclass, field

from django.db import transaction

from tipilot.core.errors import ImportRejected, ValidationReport
from tipilot.geo.outlines import to_geojson, union

from .derived import territories_refresh_derived
from .enums import ChangeKind, TerritoryStatus
from .importers import ParsedFile, Resolved, validate
from .models import Generation, ImportBatch, Membership, Territory, TerritoryChange, Wave

TERRITORY_TOLERANCE = 0.002


@dataclass
class ImportResult:
    batch: ImportBatch | None
    report: ValidationReport
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    changes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "créés": self.created,
            "modifiés": self.updated,
            "inchangés": self.unchanged,
            "sortis": self.withdrawn,
        }

    def summary(self) -> str:
        return (
            f"créés {self.created}, modifiés {self.updated}, inchangés {self.unchanged}, "
            f"sortis {self.withdrawn}"
        )


def territories_import(
    *,
    parsed: ParsedFile,
    generation: Generation,
    as_of: dt.date,
    sha256: str,
    dry_run: bool = False,
    vintage: int | None = None,
    wave: Wave | None = None,
    is_demo: bool = False,
) -> ImportResult:
    """Validate ``parsed`` and, unless ``dry_run``, apply it; raise ImportRejected on errors."""
    resolved = validate(parsed, vintage=vintage)
    report = parsed.report
    later = generation.imports.filter(as_of__gt=as_of).order_by("-as_of").first()
    if later:
        report.error(
            "fichier",
            "--as-of",
            f"un état plus récent ({later.as_of:%d/%m/%Y}) de {generation.code} est déjà "
            "importé : importez les états dans l'ordre chronologique",
        )
    if not report.ok:
        raise ImportRejected(report)
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            generation=generation,
            as_of=as_of,
            source_name=report.source,
            sha256=sha256,
            file_format=parsed.file_format,
            is_demo=is_demo,
        )
        result = _Applier(batch, wave).apply(resolved)
        result.report = report
        if not result.changes and _already_imported(batch):
            batch.delete()  # the same state again: nothing new to record
            result.batch = None
        else:
            batch.counts = result.counts()
            batch.save(update_fields=["counts"])
        if dry_run:
            transaction.set_rollback(True)
            result.batch = None
    return result


class _Applier:
    def __init__(self, batch: ImportBatch, wave: Wave | None):
        self.batch = batch
        self.date = batch.as_of
        self.wave = wave
        self.result = ImportResult(batch, ValidationReport(batch.source_name))

    def apply(self, resolved: dict[str, Resolved]) -> ImportResult:
        generation = self.batch.generation
        existing = {
            t.identifier: t
            for t in generation.territories.prefetch_related("memberships").defer("outline")
        }
        touched = []
        for identifier, item in resolved.items():
            territory = existing.pop(identifier, None)
            if territory is None:
                touched.append(self._create(identifier, item))
            else:
                touched.append(self._update(territory, item))
        for territory in existing.values():
            if territory.status != TerritoryStatus.WITHDRAWN:
                self._withdraw(territory)
                touched.append(territory)
        territories_refresh_derived(territories=touched)
        return self.result

    def _create(self, identifier: str, item: Resolved) -> Territory:
        territory = Territory.objects.create(
            generation=self.batch.generation,
            identifier=identifier,
            name=item.raw.name,
            wave=self.wave,
            labelled_on=self.wave.date if self.wave else None,
            outline=_outline(item),
            is_demo=self.batch.is_demo,
        )
        self._event(territory, ChangeKind.LABELLED, new_value=item.raw.name)
        Membership.objects.bulk_create(
            Membership(territory=territory, joined_on=self.date, **_fk(key))
            for key in sorted(item.member_keys())
        )
        self.result.created += 1
        return territory

    def _update(self, territory: Territory, item: Resolved) -> Territory:
        changed = False
        if territory.name != item.raw.name:
            self._event(
                territory, ChangeKind.RENAMED, old_value=territory.name, new_value=item.raw.name
            )
            territory.name = item.raw.name
            changed = True
        if territory.status == TerritoryStatus.WITHDRAWN:
            territory.status, territory.withdrawn_on = TerritoryStatus.LABELLED, None
            self._event(territory, ChangeKind.LABELLED, new_value=item.raw.name)
            changed = True
        changed |= self._diff_members(territory, item)
        outline = _outline(item)
        if changed or (outline and not territory.outline):
            territory.outline = outline or territory.outline
            territory.save()
        self.result.updated += int(changed)
        self.result.unchanged += int(not changed)
        return territory

    def _diff_members(self, territory: Territory, item: Resolved) -> bool:
        current = {_key(m): m for m in territory.memberships.all() if m.left_on is None}
        wanted = item.member_keys()
        for key in sorted(set(current) - wanted):
            membership = current[key]
            membership.left_on = self.date
            membership.save(update_fields=["left_on"])
            self._event(territory, ChangeKind.LEFT, **_fk(key))
        for key in sorted(wanted - set(current)):
            Membership.objects.create(territory=territory, joined_on=self.date, **_fk(key))
            self._event(territory, ChangeKind.JOINED, **_fk(key))
        return set(current) != wanted

    def _withdraw(self, territory: Territory) -> None:
        territory.status, territory.withdrawn_on = TerritoryStatus.WITHDRAWN, self.date
        territory.save(update_fields=["status", "withdrawn_on"])
        territory.memberships.filter(left_on__isnull=True).update(left_on=self.date)
        self._event(territory, ChangeKind.WITHDRAWN, old_value=territory.name)
        self.result.withdrawn += 1

    def _event(self, territory, kind, **values) -> None:
        TerritoryChange.objects.create(
            territory=territory, batch=self.batch, date=self.date, kind=kind, **values
        )
        change = TerritoryChange(**values)
        detail = str(change.member) if change.epci_id or change.commune_id else ""
        detail = detail or values.get("new_value") or values.get("old_value", "")
        self.result.changes.append(f"{territory.identifier} : {ChangeKind(kind).label} — {detail}")


def _already_imported(batch: ImportBatch) -> bool:
    same = ImportBatch.objects.filter(
        generation=batch.generation, as_of=batch.as_of, sha256=batch.sha256
    )
    return same.exclude(id=batch.id).exists()


def _key(membership: Membership) -> tuple[str, int]:
    if membership.epci_id:
        return ("epci", membership.epci_id)
    return ("commune", membership.commune_id)


def _fk(key: tuple[str, int]) -> dict:
    kind, pk = key
    return {f"{kind}_id": pk}


def _outline(item: Resolved) -> str:
    """The file's own outline when it has one, else the union of its members' outlines."""
    import shapely

    geometry = item.raw.geometry
    if geometry and geometry.get("type") in ("Polygon", "MultiPolygon"):
        return to_geojson(shapely.geometry.shape(geometry), TERRITORY_TOLERANCE)
    parts = [shapely.from_geojson(m.outline) for m in item.epcis + item.communes if m.outline]
    if not parts:
        return ""
    return to_geojson(union(parts), TERRITORY_TOLERANCE)


def outline_as_dict(outline: str) -> dict | None:
    return json.loads(outline) if outline else None
