"""``tipilot territories import FILE --generation G --as-of DATE`` and ``refresh``."""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tipilot.core.datasources import sha256_of
from tipilot.core.errors import ImportRejected
from tipilot.territories.derived import territories_refresh_derived
from tipilot.territories.importers import read_file
from tipilot.territories.models import Generation, Wave
from tipilot.territories.services import territories_import


class Command(BaseCommand):
    help = "Importe une liste officielle des Territoires d'industrie (état d'une génération)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Importer une liste ANCT (GeoJSON ou CSV).")
        imp.add_argument("file")
        imp.add_argument("--generation", required=True, help="2018-2022 ou 2023-2027")
        imp.add_argument("--as-of", required=True, help="Date de l'état de la liste, AAAA-MM-JJ")
        imp.add_argument("--vintage", type=int, help="Millésime géographique (COG) du fichier")
        imp.add_argument("--wave", type=int, help="Vague de labellisation, par son cumul (ex. 124)")
        imp.add_argument("--dry-run", action="store_true", help="Valider sans rien écrire.")
        sub.add_parser(
            "refresh", help="Recalculer les chiffres dérivés après un nouveau millésime."
        )

    def handle(self, *args, **options):
        if options["action"] == "refresh":
            count = territories_refresh_derived()
            self.stdout.write(self.style.SUCCESS(f"{count} territoires recalculés."))
            return
        self.import_file(options)

    def import_file(self, options):
        path = Path(options["file"])
        generation = _generation(options["generation"])
        as_of = _date(options["as_of"], "--as-of")
        wave = _wave(generation, options["wave"]) if options["wave"] else None
        if not path.is_file():
            raise CommandError(f"{path} : fichier introuvable.")
        parsed = read_file(path)
        try:
            result = territories_import(
                parsed=parsed,
                generation=generation,
                as_of=as_of,
                sha256=sha256_of(path),
                dry_run=options["dry_run"],
                vintage=options["vintage"] or as_of.year,
                wave=wave,
            )
        except ImportRejected as exc:
            for line in exc.report.lines():
                self.stderr.write(line)
            raise CommandError(str(exc)) from exc
        for line in result.report.lines():
            self.stderr.write(line)
        for change in result.changes:
            if "Labellisation" not in change:
                self.stdout.write(f"  {change}")
        verb = "Validation réussie (rien n'a été écrit)" if options["dry_run"] else "Importé"
        self.stdout.write(self.style.SUCCESS(f"{verb} : {path.name} — {result.summary()}"))


def _generation(code: str) -> Generation:
    try:
        return Generation.objects.get(code=code)
    except Generation.DoesNotExist as exc:
        known = ", ".join(Generation.objects.values_list("code", flat=True))
        raise CommandError(f"--generation « {code} » inconnue (connues : {known}).") from exc


def _date(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{option} « {value} » : date AAAA-MM-JJ attendue.") from exc


def _wave(generation: Generation, count: int) -> Wave:
    try:
        return generation.waves.get(cumulative_count=count)
    except Wave.DoesNotExist as exc:
        raise CommandError(f"--wave : aucune vague de {generation.code} à {count}.") from exc
