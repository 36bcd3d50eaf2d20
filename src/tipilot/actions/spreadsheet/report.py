"""What an import found and did: errors located by sheet, line and column, and the counts."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowError:
    sheet: str
    line: int  # 1 is the header row; 0 when the error is about the file itself
    column: str
    value: object
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}, ligne {self.line}" if self.line else self.sheet or "fichier"
        column = f", colonne « {self.column} »" if self.column else ""
        value = f" (valeur « {self.value} »)" if self.value not in ("", None) else ""
        return f"{where}{column}{value} : {self.message}"


COUNT_LABELS = {
    "actions_created": "fiches créées",
    "actions_updated": "fiches modifiées",
    "actions_unchanged": "fiches inchangées",
    "lines_created": "lignes créées",
    "lines_updated": "lignes modifiées",
    "lines_unchanged": "lignes inchangées",
    "lines_deleted": "lignes supprimées",
    "organisations_created": "organisations créées",
}


@dataclass
class ImportReport:
    dry_run: bool
    errors: list[RowError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_LABELS, 0))

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changes(self) -> int:
        unchanged = ("actions_unchanged", "lines_unchanged")
        return sum(v for k, v in self.counts.items() if k not in unchanged)

    def error(self, sheet: str, line: int, column: str, value: object, message: str) -> None:
        self.errors.append(RowError(sheet, line, column, "" if value is None else value, message))

    def summary(self) -> str:
        return ", ".join(f"{self.counts[k]} {label}" for k, label in COUNT_LABELS.items())

    def count_items(self) -> list[tuple[str, int]]:
        return [(label, self.counts[k]) for k, label in COUNT_LABELS.items()]
