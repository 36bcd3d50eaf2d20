"""What the demo calls say and what their fictitious applicants file (see ``calls.demo``).

Window bounds are days from today (opening at 9:00, closing at 23:59:59, Paris time);
``submitted`` is the day, from today, an application was deposited. SIRENs are fictitious
(valid keys, from 93 000 000 on); organisations are generated, not real firms.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from .enums import QuestionKind as K


def _siren(n: int) -> str:
    """A fictitious SIREN with a valid Luhn key."""
    body = f"{93_000_000 + n:08d}"
    for key in range(10):
        digits = [int(c) for c in body + str(key)]
        total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2)
                    for i, d in enumerate(reversed(digits)))  # fmt: skip
        if total % 10 == 0:
            return body + str(key)
    raise AssertionError("unreachable")


FONDS = "fonds-acceleration-2026"
ECOLES = "ami-ecoles-de-production"
CNAM = "ami-antennes-cnam"

CALLS = {
    FONDS: {
        "fields": {
            "title": "Fonds d'accélération des investissements industriels dans les territoires "
            "– édition 2026",
            "summary": "Soutenir les projets industriels à fort impact local des territoires "
            "d'industrie : modernisation, décarbonation, relocalisation.",
            "description": "Opéré par Bpifrance avec les Régions. Subvention de 50 000 € à "
            "800 000 € pour des investissements productifs d'au moins 200 000 €, dans une "
            "commune d'un territoire d'industrie labellisé.",
            "measure": "fonds-acceleration",
            "operator": "bpifrance",
            "budget": 150_000_000,
            "applicant_kinds": ["firm"],
            "amount_min": 50_000,
            "amount_max": 800_000,
        },
        "windows": [("Dépôt 2026", -30, 45)],
        "questions": [
            ("Nom du dirigeant ou de la dirigeante", K.SHORT_TEXT, {}),
            ("Décrivez le projet industriel et son caractère innovant", K.LONG_TEXT, {}),
            ("Fonds propres mobilisés (€)", K.AMOUNT, {}),
            ("Effectif actuel de l'établissement", K.NUMBER, {}),
            ("Date prévue de mise en service", K.DATE, {}),
            ("Le projet réduit-il les émissions de gaz à effet de serre ?", K.YES_NO, {}),
            (
                "Nature principale de l'investissement",
                K.CHOICE,
                {"choices": ["Modernisation", "Extension", "Relocalisation", "Décarbonation"]},
            ),
            (
                "Marchés visés",
                K.MULTIPLE_CHOICE,
                {"choices": ["France", "Union européenne", "Grand export"]},
            ),
            ("Plan de financement signé (PDF)", K.FILE, {}),
        ],
        "criteria": [
            ("Impact sur l'emploi local", "3", 5, "Emplois créés et maintenus, compétences."),
            ("Caractère structurant pour le territoire", "2", 5, "Sous-traitance, filière."),
            ("Maturité et solidité financière", "2", 5, "Plan de financement, calendrier."),
            ("Transition écologique", "1", 5, "Décarbonation, sobriété, économie circulaire."),
        ],
    },
    ECOLES: {
        "fields": {
            "title": "AMI Écoles de production",
            "summary": "Ouvrir des écoles de production dans les territoires d'industrie : "
            "former des jeunes en faisant, au plus près des entreprises.",
            "measure": "ecoles-production",
            "operator": "anct",
            "budget": 2_000_000,
            "applicant_kinds": ["school", "other"],
            "amount_max": 300_000,
        },
        "windows": [("Session 2025", -320, -230)],
        "questions": [
            ("Métiers enseignés", K.LONG_TEXT, {}),
            ("Nombre d'élèves à la rentrée", K.NUMBER, {}),
            ("Entreprises partenaires engagées", K.LONG_TEXT, {}),
        ],
        "criteria": [
            ("Besoins en compétences du territoire", "2", 5, ""),
            ("Engagement des entreprises", "2", 5, ""),
            ("Modèle économique", "1", 5, ""),
        ],
    },
    CNAM: {
        "fields": {
            "title": "AMI Antennes du Cnam « Au cœur des territoires »",
            "summary": "Implanter une antenne du Cnam dans une ville moyenne d'un territoire "
            "d'industrie, pour la formation professionnelle des actifs.",
            "measure": "antennes-cnam",
            "operator": "cnam",
            "applicant_kinds": ["commune", "epci", "school"],
            "amount_max": 250_000,
        },
        "windows": [("Vague 1", -1200, -1110), ("Vague 2", -800, -710), ("Vague 3", -15, 75)],
        "questions": [
            ("Locaux proposés", K.LONG_TEXT, {}),
            ("Formations envisagées", K.LONG_TEXT, {}),
        ],
        "criteria": [
            ("Besoins de formation des entreprises", "2", 5, ""),
            ("Engagement de la collectivité", "1", 5, ""),
            ("Accessibilité des locaux", "1", 5, ""),
        ],
    },
}


DEFAULT_SUMMARY = "Investissement productif sur deux ans ; plan de financement joint au dossier."


def _firm(n: int, name: str) -> dict:
    return {"siren": _siren(n), "name": name, "kind": "firm"}


def _project(amount: int, cost: int, jobs: int, naf: str, **more) -> dict:
    return {
        "amount_requested": amount,
        "total_cost": cost,
        "jobs_created_planned": jobs,
        "jobs_maintained_planned": jobs * 3,
        "naf_code": naf,
        "summary": more.pop("summary", DEFAULT_SUMMARY),
        **more,
    }


APPLICATIONS = {
    FONDS: [
        {"title": "Nouvelle ligne d'usinage de précision", "stage": "laureate", "submitted": -20,
         "organisation": _firm(1, "Mécanique de précision du Val (démo)"),
         "fields": _project(400_000, 2_100_000, 18, "25.62A", summary="Centre d'usinage "
                            "5 axes et cellule robotisée pour l'aéronautique.")},
        {"title": "Relocalisation d'une fonderie d'aluminium", "stage": "laureate",
         "submitted": -18, "organisation": _firm(2, "Fonderies réunies (démo)"),
         "fields": _project(750_000, 5_400_000, 42, "24.53Z", is_relocation=True,
                            summary="Retour en France d'une production de pièces moulées.")},
        {"title": "Four électrique pour décarboner la verrerie", "stage": "waitlisted",
         "submitted": -15, "organisation": _firm(3, "Verrerie de l'Est (démo)"),
         "fields": _project(600_000, 3_000_000, 6, "23.13Z")},
        {"title": "Extension d'un atelier de chaudronnerie", "stage": "in_review",
         "submitted": -12, "place": 0, "organisation": _firm(4, "Chaudronnerie du Centre (démo)"),
         "fields": _project(300_000, 1_200_000, 10, "25.29Z")},
        {"title": "Unité de recyclage de plastiques techniques", "stage": "rejected",
         "submitted": -14, "organisation": _firm(5, "Recyclage technique (démo)"),
         "fields": _project(500_000, 2_500_000, 9, "38.32Z")},
        {"title": "Ligne d'assemblage de vélos à assistance électrique", "stage": "ineligible",
         "submitted": -10, "organisation": _firm(6, "Cycles du Territoire (démo)"),
         "fields": _project(80_000, 390_000, 5, "30.92Z")},
        {"title": "Automatisation d'une scierie", "stage": "submitted", "submitted": -2,
         "organisation": _firm(7, "Scierie des Monts (démo)"),
         "fields": _project(220_000, 900_000, 4, "16.10A")},
        {"title": "Modernisation d'une imprimerie d'emballages", "stage": "reopened",
         "submitted": -9, "organisation": _firm(10, "Cartonnages de la Vallée (démo)"),
         "fields": _project(260_000, 1_100_000, 7, "17.21A")},
        {"title": "Atelier de traitement de surface", "stage": "withdrawn",
         "organisation": _firm(8, "Traitements de surface (démo)"),
         "fields": _project(150_000, 700_000, 3, "25.61Z")},
        {"title": "Robotisation d'une usine agroalimentaire", "stage": "draft",
         "organisation": _firm(9, "Conserverie régionale (démo)"),
         "fields": _project(350_000, 1_600_000, 12, "10.39A")},
    ],
    ECOLES: [
        {"title": "École de production de la métallurgie", "stage": "laureate", "submitted": -240,
         "applicant": 1, "place": 1,
         "organisation": {"siren": _siren(11), "name": "École de production Métal (démo)",
                          "kind": "school"},
         "fields": _project(250_000, 900_000, 6, "85.32Z")},
        {"title": "École de production du bois", "stage": "rejected", "submitted": -235,
         "applicant": 1, "place": 2,
         "organisation": {"siren": _siren(12), "name": "Association Bois et avenir (démo)",
                          "kind": "other"},
         "fields": _project(200_000, 600_000, 4, "85.32Z")},
    ],
    CNAM: [
        {"title": "Antenne du Cnam en cœur de ville", "stage": "submitted", "submitted": -3,
         "applicant": 2, "place": 3,
         "organisation": {"siren": _siren(21), "name": "Communauté de communes (démo)",
                          "kind": "epci"},
         "fields": _project(120_000, 400_000, 2, "85.59A")},
        {"title": "Antenne du Cnam au campus industriel", "stage": "draft", "applicant": 2,
         "place": 4,
         "organisation": {"siren": _siren(22), "name": "Ville moyenne (démo)",
                          "kind": "commune"},
         "fields": _project(90_000, 300_000, 1, "85.59A")},
    ],
}  # fmt: skip

ANSWERS = {
    K.SHORT_TEXT: "Direction générale",
    K.LONG_TEXT: "Projet décrit en détail dans le plan de financement joint.",
    K.AMOUNT: "250000",
    K.NUMBER: 45,
    K.DATE: "2027-03-01",
    K.YES_NO: True,
}
REOPEN_REASON = (
    "Le plan de financement ne mentionne pas le cofinancement régional annoncé : "
    "merci de le compléter et de joindre le courrier de la Région."
)
INELIGIBLE_NOTE = (
    "Le projet relève de l'assemblage de kits importés, sans investissement productif : "
    "hors du champ de l'appel."
)
SCORE_COMMENTS = ("À consolider.", "Satisfaisant.", "Très solide.")
OPINIONS = {
    "region": "Projet cohérent avec le schéma régional de développement économique.",
    "territory": "Projet porté par le binôme et attendu par les entreprises du territoire.",
}
REASONS = {
    "laureate": "Projet structurant, plan de financement solide, fort impact sur l'emploi.",
    "rejected": "Projet classé en dessous du seuil de sélection au regard de l'enveloppe.",
    "waitlisted": "Projet de qualité, en attente d'un complément d'enveloppe.",
}
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def answer_for(question, spec: dict):
    """A plausible answer: the first choice(s), or a value of the question's kind."""
    if question.kind == K.CHOICE:
        return question.choices[0]
    if question.kind == K.MULTIPLE_CHOICE:
        return question.choices[:2]
    return ANSWERS.get(question.kind)


def pdf(question) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"piece-{question.pk}.pdf", PDF_BYTES, content_type="application/pdf")
