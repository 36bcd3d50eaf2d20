"""``tipilot actions import FILE [FILE2] --as EMAIL [--dry-run]``, ``export`` and ``template``."""

import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from tipilot.actions.spreadsheet import (
    actions_for_export,
    actions_import_paths,
    write_csv,
    write_xlsx,
)

MAX_SHOWN = 200


class Command(BaseCommand):
    help = "Importe ou exporte les fiches actions et leurs financements (modèle de tableur)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Importer un classeur XLSX ou les deux CSV.")
        imp.add_argument(
            "files", nargs="+", help="Un XLSX, ou un ou deux CSV (une feuille chacun)."
        )
        imp.add_argument("--as", dest="email", required=True, help="Adresse du compte qui importe.")
        imp.add_argument("--dry-run", action="store_true", help="Valider sans rien écrire.")
        exp = sub.add_parser("export", help="Exporter les fiches actions au format du modèle.")
        exp.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
        exp.add_argument("-o", "--output", required=True, help="Fichier (XLSX) ou préfixe (CSV).")
        exp.add_argument("--region", default="", help="Code INSEE de région (ex. 84).")
        exp.add_argument("--territory", default="", help="Identifiant de territoire (ex. ti-8401).")
        exp.add_argument("--generation", default="", help="2018-2022 ou 2023-2027.")
        tpl = sub.add_parser("template", help="Écrire le modèle vierge (XLSX, avec « Lisez-moi »).")
        tpl.add_argument("-o", "--output", required=True)

    def handle(self, *args, **options):
        {"import": self.import_files, "export": self.export, "template": self.template}[
            options["action"]
        ](options)

    def import_files(self, options):
        paths = [Path(p) for p in options["files"]]
        for path in paths:
            if not path.is_file():
                raise CommandError(f"{path} : fichier introuvable.")
        if len(paths) > 2:
            raise CommandError("Un XLSX, ou deux CSV au plus (fiches actions, financements).")
        user = _user(options["email"])
        started = time.monotonic()
        self.stdout.write(f"Import de {', '.join(p.name for p in paths)} par {user.email}")
        try:
            report = actions_import_paths(
                paths=paths, by=user, dry_run=options["dry_run"], progress=self._progress(started)
            )
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.monotonic() - started
        if not report.ok:
            for error in report.errors[:MAX_SHOWN]:
                self.stderr.write(f"  {error}")
            if len(report.errors) > MAX_SHOWN:
                self.stderr.write(f"  … et {len(report.errors) - MAX_SHOWN} autres erreurs.")
            raise CommandError(f"{len(report.errors)} erreur(s) : rien n'a été écrit.")
        for label, count in report.count_items():
            self.stdout.write(f"  {label:<22} {count:>8}")
        verb = "Validation réussie (rien n'a été écrit)" if options["dry_run"] else "Importé"
        self.stdout.write(self.style.SUCCESS(f"{verb} en {elapsed:.1f} s : {report.summary()}."))

    def _progress(self, started: float):
        def step(message: str) -> None:
            self.stdout.write(f"  [{time.monotonic() - started:6.1f} s] {message}")

        return step

    def export(self, options):
        actions = actions_for_export(
            region=options["region"],
            territory=options["territory"],
            generation=options["generation"],
        )
        output = Path(options["output"])
        if options["format"] == "xlsx":
            write_xlsx(output, actions)
            written = [output]
        else:
            stem = output.with_suffix("")
            written = [Path(f"{stem}-fiches-actions.csv"), Path(f"{stem}-financements.csv")]
            write_csv(written[0], written[1], actions)
        count = actions.count()
        names = ", ".join(str(p) for p in written)
        self.stdout.write(self.style.SUCCESS(f"{count} fiches actions exportées : {names}."))

    def template(self, options):
        write_xlsx(Path(options["output"]), None)
        self.stdout.write(self.style.SUCCESS(f"Modèle vierge écrit : {options['output']}."))


def _user(email: str):
    users = get_user_model().objects.filter(email__iexact=email, is_active=True)
    user = users.first()
    if user is None:
        raise CommandError(f"--as : aucun compte actif pour « {email} ».")
    return user
