"""Demonstration France Expérimentation requests — GENERATED from invented cases.

``experimentation_demo()`` files about 40 requests on labelled territories (both
generations), submitted from 2019 on, at every status; answered ones are mostly published.
Deterministic (seeded), ``is_demo``, written once.
"""

import datetime as dt
import random
from collections import Counter

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from tipilot.governance.models import Organisation
from tipilot.territories.enums import TerritoryStatus
from tipilot.territories.models import Territory

from .demo_cases import CASES
from .enums import RequestStatus
from .models import DerogationRequest

S = RequestStatus
COUNT = 40
# status, weight
STATUSES = (
    (S.ACCEPTED, 9),
    (S.PARTLY_ACCEPTED, 7),
    (S.REFUSED, 9),
    (S.DROPPED, 3),
    (S.UNDER_REVIEW, 7),
    (S.SUBMITTED, 5),
)


def experimentation_demo(*, seed: int = 2019, today: dt.date | None = None) -> str:
    """Generate the demo requests once; return a one-line summary."""
    if DerogationRequest.objects.filter(is_demo=True).exists():
        return "Demandes France Expérimentation de démonstration déjà en place : rien de nouveau."
    territories = list(
        Territory.objects.filter(status=TerritoryStatus.LABELLED)
        .only("id", "generation__start_year")
        .select_related("generation")
        .order_by("generation__start_year", "identifier")
    )
    if not territories:
        return "Demandes France Expérimentation : aucun territoire labellisé, rien de créé."
    firms = list(Organisation.objects.filter(name__startswith="Entreprise démo").order_by("pk"))
    rng = random.Random(seed)
    rows = [_request(n, rng, territories, firms, today or dt.date.today()) for n in range(COUNT)]
    with transaction.atomic():
        for row in rows:  # bulk_create skips save(), which derives the search text
            row.derive()
        bulk_create_with_history(rows, DerogationRequest, default_change_reason="Démonstration")
    counts = Counter(r.get_status_display().lower() for r in rows)
    detail = ", ".join(f"{status} {n}" for status, n in sorted(counts.items()))
    public = sum(r.is_public for r in rows)
    return (
        f"France Expérimentation (démonstration) : {len(rows)} demandes ({detail}), "
        f"{public} publiées."
    )


def _request(n: int, rng: random.Random, territories, firms, today: dt.date) -> DerogationRequest:
    theme, title, rule, legal, project, answers, follow_up = CASES[n % len(CASES)]
    territory = rng.choice(territories)
    first = dt.date(max(2019, territory.generation.start_year), 1, 15)
    submitted_on = min(first + dt.timedelta(days=rng.randint(0, 1200)), today)
    status = rng.choices([s for s, _ in STATUSES], weights=[w for _, w in STATUSES])[0]
    if status in (S.ACCEPTED, S.PARTLY_ACCEPTED, S.REFUSED) and status not in answers:
        status = next(iter(answers))
    answer, answered_on, follow = "", None, ""
    if status in answers:
        answer = answers[status]
        answered_on = min(submitted_on + dt.timedelta(days=rng.randint(45, 240)), today)
        follow = follow_up if status != S.REFUSED else ""
    elif status == S.DROPPED:
        answered_on = min(submitted_on + dt.timedelta(days=rng.randint(60, 300)), today)
        answer = "Le porteur a retiré sa demande : le projet a trouvé une autre solution."
    return DerogationRequest(
        reference=f"FE-{submitted_on.year}-D{n + 1:03d}",
        title=title,
        rule=rule,
        legal_reference=legal,
        theme=theme,
        project=project,
        territory=territory,
        applicant=firms[rng.randrange(len(firms))] if firms and rng.random() < 0.6 else None,
        submitted_on=submitted_on,
        status=status,
        answer=answer,
        answered_on=answered_on,
        follow_up=follow,
        is_public=answered_on is not None or rng.random() < 0.3,
        is_demo=True,
    )
