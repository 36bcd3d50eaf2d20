"""``tipilot scale``: generate the demo programme of fiches actions at N times the real scale.

The real programme is about 1,800 actions (``tipilot demo`` makes that much); the benchmark
runs at ``--factor 10`` (18,000 actions, about 100,000 funding lines). Everything generated is
flagged ``is_demo``; ``--replace`` first deletes the demo actions already there.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rich.console import Console

from tipilot.actions.demo import actions_demo
from tipilot.actions.models import Action
from tipilot.territories.models import Territory


class Command(BaseCommand):
    help = (
        "Génère des fiches actions de démonstration à N fois l'échelle réelle du programme "
        "(1 800 fiches × N), pour les bancs d'essai."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10, help="multiple de l'échelle réelle")
        parser.add_argument("--seed", type=int, default=2018, help="graine du tirage")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="supprimer d'abord les fiches actions de démonstration existantes",
        )

    def handle(self, *args, factor, seed, replace, **options):
        if factor < 1:
            raise CommandError("--factor doit être un entier supérieur ou égal à 1.")
        if not Territory.objects.exists():
            raise CommandError("Aucun territoire chargé : lancez d'abord « tipilot demo ».")
        demo = Action.objects.filter(is_demo=True)
        if demo.exists() and not replace:
            raise CommandError(
                f"{demo.count()} fiches actions de démonstration existent déjà : "
                "relancez avec --replace pour les remplacer."
            )
        console = Console(file=self.stdout, width=120)
        with console.status(f"Génération à l'échelle ×{factor}…"), transaction.atomic():
            deleted = demo.delete()[1].get("actions.Action", 0) if replace else 0
            result = actions_demo(factor=factor, seed=seed)
        if deleted:
            console.print(f"Fiches de démonstration remplacées : {deleted}")
        console.print(result.summary())
