"""Errors raised by importers and services, rendered the same way by commands and pages."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One reason a source file cannot be accepted, located as precisely as the format allows."""

    where: str  # "ligne 12", "entité 7", "communes.json #431"
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where} · {self.field} : {self.message}"


@dataclass
class ValidationReport:
    """Errors block a write; warnings are printed but do not."""

    source: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, where: str, field_name: str, message: str) -> None:
        self.errors.append(Problem(where, field_name, message))

    def warn(self, where: str, field_name: str, message: str) -> None:
        self.warnings.append(Problem(where, field_name, message))

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        out = [f"{self.source} : {p}" for p in self.errors]
        out += [f"{self.source} : avertissement · {p}" for p in self.warnings]
        return out


class ImportRejected(Exception):
    """Raised when a file fails validation; nothing has been written."""

    def __init__(self, report: ValidationReport):
        self.report = report
        count = len(report.errors)
        super().__init__(f"{report.source} : {count} erreur(s), rien n'a été écrit.")


class EditConflict(Exception):
    """Someone else saved the object since the editor loaded it: nothing was written."""

    def __init__(self, obj, expected: int, current: int):
        self.obj = obj
        self.expected = expected
        self.current = current
        super().__init__(
            f"« {obj} » a été modifié par quelqu'un d'autre pendant que vous l'éditiez "
            f"(version {current}, vous étiez parti de la version {expected}). "
            "Rien n'a été enregistré : rechargez la page pour voir ses changements, "
            "puis refaites les vôtres."
        )
