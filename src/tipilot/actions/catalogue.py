"""The programme's basket of measures as announced, loaded into every database.

Figures are those the programme published (launch file of November 2018, Pack Rebond of 2020,
France Relance); an envelope is left empty where the programme gave none of its own. The national
team edits measures afterwards in tipilot; this list is only the starting point, applied by the
data migration ``0002_catalogue`` and by ``catalogue_sync`` (idempotent, keyed by code).
"""

from decimal import Decimal

from .enums import Phase

AXES = (
    ("recruter", "Recruter", "Attirer et former les compétences dont l'industrie a besoin."),
    ("innover", "Innover", "Moderniser l'outil de production, accompagner la transition."),
    ("attirer", "Attirer", "Offrir du foncier, des réseaux et des services aux industriels."),
    ("simplifier", "Simplifier", "Accélérer les procédures et adapter les règles aux projets."),
)

# Operator key -> (name, SIREN). Matched by SIREN first, then by name.
OPERATORS = {
    "bdt": ("Banque des Territoires (groupe Caisse des Dépôts)", "180020026"),
    "bpifrance": ("Bpifrance", "320252489"),
    "business_france": ("Business France", ""),
    "ademe": ("Agence de la transition écologique (ADEME)", "385290309"),
    "france_travail": ("France Travail", "130005481"),
    "cnam": ("Conservatoire national des arts et métiers (Cnam)", "197534712"),
    "anct": ("Agence nationale de la cohésion des territoires (ANCT)", "130026032"),
}

M = Decimal(1_000_000)
L, P, R = Phase.LAUNCH_2018, Phase.PACK_REBOND_2020, Phase.FRANCE_RELANCE

# code, axis, name, operators, phase, envelope (€), envelope note, target, start, end
MEASURES = (
    (
        "vte",
        "recruter",
        "Volontariat territorial en entreprise (VTE)",
        ("bpifrance",),
        L,
        None,
        "",
        "+1 000 VTE en 2020 (Pack Rebond)",
        2018,
        None,
    ),
    (
        "pic",
        "recruter",
        "Plan d'investissement dans les compétences (PIC)",
        ("france_travail",),
        L,
        None,
        "Enveloppe nationale du PIC, non réservée au programme",
        "",
        2018,
        2022,
    ),
    (
        "aap-ingenierie-formations",
        "recruter",
        "AAP ingénierie de formations professionnelles et d'offres d'accompagnement innovantes",
        ("bdt",),
        L,
        None,
        "",
        "",
        2018,
        2022,
    ),
    (
        "poec",
        "recruter",
        "Préparations opérationnelles à l'emploi collectives (POEC)",
        ("france_travail",),
        L,
        None,
        "",
        "",
        2018,
        None,
    ),
    (
        "ecoles-production",
        "recruter",
        "Écoles de production",
        ("anct",),
        P,
        2 * M,
        "AMI écoles de production",
        "",
        2020,
        None,
    ),
    (
        "antennes-cnam",
        "recruter",
        "Antennes du Cnam « Au cœur des territoires »",
        ("cnam",),
        P,
        None,
        "",
        "100 antennes prévues",
        2020,
        None,
    ),
    (
        "centres-acceleration",
        "innover",
        "Antennes locales des centres d'accélération (industrie du futur)",
        ("bpifrance",),
        L,
        None,
        "",
        "",
        2018,
        None,
    ),
    (
        "territoires-innovation",
        "innover",
        "Territoires d'innovation (ex-TIGA)",
        ("bdt",),
        L,
        330 * M,
        "Programme d'investissements d'avenir",
        "",
        2018,
        None,
    ),
    (
        "pia-regionalise-filieres",
        "innover",
        "Volet filières du PIA régionalisé",
        ("bpifrance",),
        L,
        185 * M,
        "",
        "",
        2018,
        None,
    ),
    (
        "diagnostic-industrie-futur",
        "innover",
        "Diagnostic Industrie du futur",
        ("bpifrance",),
        L,
        None,
        "",
        "",
        2018,
        None,
    ),
    (
        "accelerateurs-bpifrance",
        "innover",
        "Accélérateurs PME de Bpifrance",
        ("bpifrance",),
        L,
        None,
        "6 000 à 10 000 € par entreprise",
        "300 PME accompagnées",
        2018,
        None,
    ),
    (
        "decarbonation-ademe",
        "innover",
        "Décarbonation de l'industrie (ADEME)",
        ("ademe",),
        R,
        None,
        "",
        "",
        2020,
        2022,
    ),
    (
        "fonds-acceleration",
        "innover",
        "Fonds d'accélération des investissements industriels dans les territoires",
        ("bpifrance",),
        R,
        850 * M,
        "France Relance, avec les Régions",
        "Projets industriels à fort impact local",
        2020,
        2022,
    ),
    (
        "foncier-bdt",
        "attirer",
        "Projets fonciers et immobiliers de la Banque des Territoires",
        ("bdt",),
        L,
        500 * M,
        "",
        "",
        2018,
        None,
    ),
    (
        "reseaux-couverture-mobile",
        "attirer",
        "Déploiement des réseaux et couverture mobile",
        ("anct",),
        L,
        None,
        "",
        "",
        2018,
        None,
    ),
    (
        "coach-team-france-export",
        "attirer",
        "Coach territorial Team France Export",
        ("business_france",),
        L,
        None,
        "",
        "",
        2018,
        None,
    ),
    (
        "sites-cles-en-main",
        "attirer",
        "Sites industriels clés en main",
        ("bdt", "business_france"),
        P,
        None,
        "",
        "12, puis 78, puis 127 sites",
        2020,
        None,
    ),
    (
        "france-experimentation",
        "simplifier",
        "France Expérimentation",
        (),
        L,
        None,
        "",
        "",
        2018,
        None,
    ),
    (
        "referent-unique-procedures",
        "simplifier",
        "Référent unique de l'État pour les procédures des projets industriels",
        (),
        L,
        None,
        "",
        "",
        2018,
        None,
    ),
)


def apply_catalogue(axis_model, measure_model, organisation_model) -> dict[str, int]:
    """Create what is missing, keyed by code; never overwrite an edited measure.

    Takes the model classes so that the data migration can pass its historical models.
    """
    created = {"axes": 0, "mesures": 0, "opérateurs": 0}
    axes = {}
    for position, (code, name, description) in enumerate(AXES, start=1):
        axes[code], new = axis_model.objects.get_or_create(
            code=code, defaults={"name": name, "description": description, "position": position}
        )
        created["axes"] += new
    operators = {}
    for key, (name, siren) in OPERATORS.items():
        found = organisation_model.objects.filter(siren=siren).first() if siren else None
        found = found or organisation_model.objects.filter(name=name).first()
        if found is None:
            found = organisation_model.objects.create(name=name, kind="operator", siren=siren)
            created["opérateurs"] += 1
        operators[key] = found
    for position, row in enumerate(MEASURES, start=1):
        code, axis, name, keys, phase, envelope, note, target, start, end = row
        measure, new = measure_model.objects.get_or_create(
            code=code,
            defaults={
                "axis": axes[axis],
                "name": name,
                "phase": phase,
                "envelope": envelope,
                "envelope_note": note,
                "target": target,
                "start_year": start,
                "end_year": end,
                "position": position,
            },
        )
        if new:
            measure.operators.set([operators[k] for k in keys])
            created["mesures"] += 1
    return created
