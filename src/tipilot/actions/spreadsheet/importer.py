"""``actions_import``: read → validate every row → write everything in one transaction.

Idempotent: actions are keyed by their identifier, funding lines by (identifier, n° de ligne);
a row equal to what is stored changes nothing. When the file has a « Financements » sheet, it
holds the full plan of each action of the « Fiches actions » sheet: their other lines are
removed, unless something was committed or paid on them.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError

from ..enums import Decision
from .columns import ACTIONS_SHEET, LINES_SHEET
from .lookups import Lookups, load_lookups
from .readers import ParsedFile, read_files, read_paths
from .report import ImportReport
from .rights import Rights
from .validate import Row, RowChecker, check_action, check_line
from .writer import Plan, write_plan

REASON = "Import de tableur"
RACE = (
    "Les données ont été modifiées par ailleurs pendant l'import : rien n'a été écrit, "
    "relancez l'import."
)
DECISION_DEFAULTS = {
    "decision": Decision.PENDING,
    "amount_committed": 0,
    "committed_on": None,
    "amount_paid": 0,
    "paid_on": None,
}


Progress = Callable[[str], None]


def _silent(message: str) -> None:
    return None


def actions_import(
    *, files: list[tuple[str, bytes]], by, dry_run: bool, progress: Progress = _silent
) -> ImportReport:
    """Import the template from (file name, content) pairs: one XLSX, or one or two CSV."""
    _require_import(by)
    progress("Lecture du fichier…")
    return _import(read_files(files), by=by, dry_run=dry_run, progress=progress)


def actions_import_paths(
    *, paths: list, by, dry_run: bool, progress: Progress = _silent
) -> ImportReport:
    """The same from files on disk (the command, the benchmark)."""
    _require_import(by)
    progress("Lecture du fichier…")
    return _import(read_paths(paths), by=by, dry_run=dry_run, progress=progress)


def _require_import(by) -> None:
    if not by.has_perm("actions.import_actions"):
        raise PermissionDenied("Votre rôle ne permet pas d'importer des fiches actions.")


def _import(parsed: ParsedFile, *, by, dry_run: bool, progress: Progress) -> ImportReport:
    report = ImportReport(dry_run=dry_run, errors=list(parsed.errors))
    if report.errors:
        return report
    action_raw = parsed.sheets[ACTIONS_SHEET].rows if ACTIONS_SHEET in parsed.sheets else []
    line_raw = parsed.sheets[LINES_SHEET].rows if LINES_SHEET in parsed.sheets else []
    progress(f"Validation de {len(action_raw)} fiches et {len(line_raw)} lignes de financement…")
    lookups = load_lookups([r for _, r in action_raw], [r for _, r in line_raw])
    plan = Plan(by=by, reason=REASON, full_plans=LINES_SHEET in parsed.sheets)
    checker = RowChecker(report, lookups, plan.new_orgs)
    rights = Rights(by)
    actions = _check_actions(checker, rights, action_raw, plan)
    _check_lines(checker, rights, line_raw, actions, plan)
    if plan.full_plans:
        _check_removals(checker, rights, actions, plan)
    report.errors.sort(key=lambda e: (e.sheet != ACTIONS_SHEET, e.line))
    if report.errors:
        return report
    plan.count(report.counts, lookups)
    if not dry_run:
        progress(f"Écriture ({report.changes} changements, en une transaction)…")
        try:
            write_plan(plan, lookups)
        except IntegrityError:
            report.error("", 0, "", "", RACE)
    return report


def _check_actions(checker: RowChecker, rights: Rights, rows, plan: Plan) -> dict[str, Row]:
    seen: dict[str, Row] = {}
    lookups = checker.lookups
    for line, raw in rows:
        row = check_action(checker, line, raw)
        external_id = row.cells.get("external_id")
        if not external_id:
            continue
        if external_id in seen:
            checker.fail(
                row, "external_id", f"Identifiant en double (déjà ligne {seen[external_id].line})."
            )
            continue
        seen[external_id] = row
        _check_action_rights(checker, rights, row, lookups.actions.get(external_id), lookups)
        plan.actions.append(row)
    return seen


def _check_action_rights(checker, rights: Rights, row: Row, existing, lookups: Lookups) -> None:
    territory = _territory(lookups, row.values["territory_id"])
    if existing is not None and not rights.change_action(lookups.by_pk[existing.territory_id]):
        checker.fail(row, "external_id", "Vous ne pouvez pas modifier cette fiche action.")
    elif territory is not None and (existing is None or existing.territory_id != territory.pk):
        if not rights.add_action(territory):
            checker.fail(
                row, "territory", "Vous ne pouvez pas créer de fiche action dans ce territoire."
            )


def _territory(lookups: Lookups, pk):
    return lookups.by_pk.get(pk) if pk is not None else None


def _check_lines(checker, rights: Rights, rows, actions: dict[str, Row], plan: Plan) -> None:
    seen: dict[tuple[str, int], int] = {}
    lookups = checker.lookups
    for line, raw in rows:
        row = check_line(checker, line, raw)
        external_id, position = row.cells.get("external_id"), row.cells.get("position")
        if not external_id or not position:
            continue
        if (external_id, position) in seen:
            checker.fail(
                row,
                "position",
                "N° de ligne en double pour cette fiche "
                f"(déjà ligne {seen[external_id, position]}).",
            )
            continue
        seen[external_id, position] = line
        territory = _line_territory(lookups, actions, external_id)
        if territory is None:
            if external_id not in actions:
                checker.fail(row, "external_id", "Fiche action absente du fichier et de tipilot.")
            continue
        existing = _existing_line(lookups, external_id, position)
        _check_line_rights(checker, rights, row, territory, existing)
        plan.lines.append((external_id, position, row, existing))


def _line_territory(lookups: Lookups, actions: dict[str, Row], external_id: str):
    if external_id in actions:
        return _territory(lookups, actions[external_id].values["territory_id"])
    existing = lookups.actions.get(external_id)
    return lookups.by_pk[existing.territory_id] if existing is not None else None


def _existing_line(lookups: Lookups, external_id: str, position: int):
    action = lookups.actions.get(external_id)
    if action is None:
        return None
    return lookups.lines.get(action.pk, {}).get(position)


def _check_line_rights(checker, rights: Rights, row: Row, territory, existing) -> None:
    if not rights.change_line(territory):
        checker.fail(
            row, "external_id", "Vous ne pouvez pas modifier le plan de financement de cette fiche."
        )
        return
    before = (
        DECISION_DEFAULTS
        if existing is None
        else {k: getattr(existing, k) for k in DECISION_DEFAULTS}
    )
    changed = [k for k in DECISION_DEFAULTS if row.values[k] != before[k]]
    if changed and not rights.decide_line(
        territory,
        row.values["funder_id"] if isinstance(row.values["funder_id"], int) else None,
        row.measure,
    ):
        checker.fail(
            row,
            changed[0],
            "La décision (décision, montants engagé et décaissé, leurs dates) revient au "
            "financeur : vous ne pouvez pas la modifier.",
        )
    row.decided = bool(changed)


def _check_removals(checker, rights: Rights, actions: dict[str, Row], plan: Plan) -> None:
    lookups = checker.lookups
    kept = {(external_id, position) for external_id, position, _, _ in plan.lines}
    for external_id, row in actions.items():
        existing = lookups.actions.get(external_id)
        if existing is None:
            continue
        for position, line in sorted(lookups.lines.get(existing.pk, {}).items()):
            if (external_id, position) in kept:
                continue
            if line.amount_committed or line.amount_paid:
                checker.fail(
                    row,
                    "external_id",
                    f"La ligne de financement n° {position}, engagée ou décaissée, est absente "
                    "du fichier : une telle ligne ne se supprime pas (passez ses montants à 0).",
                    value=external_id,
                )
            elif not rights.change_line(lookups.by_pk[existing.territory_id]):
                checker.fail(
                    row,
                    "external_id",
                    "Vous ne pouvez pas modifier le plan de financement de cette fiche.",
                    value=external_id,
                )
            else:
                plan.removed.append(line)
