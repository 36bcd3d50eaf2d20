"""The announced targets of the deployments registries, with their sources.

Seeded by migration 0002 and by ``targets_sync`` (idempotent, keyed by kind; an edited target
is never overwritten).
"""

from .enums import MEASURE_CODES, DeploymentKind

K = DeploymentKind

# kind, label, value, source
TARGETS = (
    (
        K.CNAM_ANTENNA,
        "100 antennes du Cnam « Au cœur des territoires »",
        100,
        "Pack Rebond Territoires d'industrie (20 juillet 2020) et catalogue des mesures : "
        "« 100 antennes prévues » ; trois vagues d'AMI du Cnam.",
    ),
    (
        K.VTE,
        "+1 000 volontariats territoriaux en entreprise",
        1000,
        "Pack Rebond Territoires d'industrie (20 juillet 2020) : « +1 000 VTE en 2020 ».",
    ),
    (
        K.PRODUCTION_SCHOOL,
        "Doubler les écoles de production (35 nouvelles écoles)",
        35,
        "AMI écoles de production (6 mai 2021) : doubler les 35 écoles existantes d'ici fin "
        "2023 ; 34 projets lauréats (dossier de presse du 23 novembre 2021).",
    ),
)


def apply_targets(target_model, measure_model) -> int:
    """Create the missing targets; return how many were created."""
    created = 0
    for kind, label, value, source in TARGETS:
        measure = measure_model.objects.filter(code=MEASURE_CODES[kind]).first()
        if measure is None or target_model.objects.filter(kind=kind).exists():
            continue
        target_model.objects.create(
            kind=kind, measure=measure, label=label, value=value, source=source
        )
        created += 1
    return created
