"""The fiches actions template: its sheets and columns, one definition for import and export.

Headers are French and human-readable; ``key`` is the machine name used by the JSON open data
and in code. Every column of a sheet must be present in a file (extra columns are ignored).
"""

from dataclasses import dataclass

from ..enums import ActionStatus, Decision, FunderCategory, Nature

ACTIONS_SHEET = "Fiches actions"
LINES_SHEET = "Financements"
README_SHEET = "Lisez-moi"
LIST_SEPARATOR = "|"
CHOICES = {
    "nature": Nature,
    "status": ActionStatus,
    "funder_category": FunderCategory,
    "decision": Decision,
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # text, int, decimal, date, bool, choice, list
    help: str
    required: bool = False
    max_length: int = 0
    width: int = 16


ACTION_COLUMNS = (
    Column(
        "external_id",
        "Identifiant",
        "text",
        "Clé stable de la fiche (ex. FA-2023-ti-2701-001).",
        True,
        60,
        26,
    ),
    Column(
        "territory", "Territoire", "text", "Identifiant du territoire (ex. ti-2701).", True, 10, 12
    ),
    Column(
        "generation",
        "Génération",
        "text",
        "Génération du territoire : 2018-2022 ou 2023-2027. Facultative si l'identifiant "
        "n'existe que dans une génération.",
        False,
        9,
        12,
    ),
    Column("title", "Intitulé", "text", "Titre de l'action.", True, 300, 40),
    Column("description", "Description", "text", "Texte libre.", False, 0, 40),
    Column("axis", "Axe", "text", "Code de l'axe (voir la liste ci-dessous).", True, 20, 12),
    Column(
        "measures",
        "Mesures",
        "list",
        "Codes des mesures mobilisées, séparés par « | ».",
        False,
        0,
        30,
    ),
    Column(
        "lead_siren",
        "Porteur (SIREN)",
        "text",
        "SIREN du porteur (9 chiffres). Un SIREN inconnu crée l'organisation (entreprise) "
        "si son nom est donné.",
        False,
        9,
        14,
    ),
    Column(
        "lead_name",
        "Porteur (nom)",
        "text",
        "Nom du porteur ; sans SIREN, le nom doit désigner une seule organisation connue "
        "(collectivité).",
        False,
        200,
        30,
    ),
    Column("nature", "Maîtrise d'ouvrage", "choice", "Publique ou Privée.", True, 0, 14),
    Column(
        "status",
        "Statut",
        "choice",
        "Statut de l'action (libellé ou code) ; vide = Idée.",
        False,
        0,
        16,
    ),
    Column("engaged_on", "Engagée le", "date", "Date JJ/MM/AAAA ou AAAA-MM-JJ.", False, 0, 12),
    Column("started_on", "Démarrée le", "date", "Au plus tôt la date d'engagement.", False, 0, 12),
    Column("completed_on", "Achevée le", "date", "Au plus tôt la date de démarrage.", False, 0, 12),
    Column("abandoned_on", "Abandonnée le", "date", "Date d'abandon.", False, 0, 12),
    Column(
        "commune",
        "Commune (code INSEE)",
        "text",
        "Code INSEE à 5 caractères de la commune du projet.",
        False,
        5,
        12,
    ),
    Column("naf_code", "Code NAF", "text", "Sous-classe NAF rév. 2, ex. 25.62A.", False, 6, 10),
    Column(
        "total_cost",
        "Coût total (€)",
        "decimal",
        "Montant en euros, 2 décimales au plus (virgule ou point).",
        False,
        0,
        16,
    ),
    Column(
        "jobs_created_planned",
        "Emplois créés prévus",
        "int",
        "Nombre entier ≥ 0 ; vide = 0.",
        False,
        0,
        10,
    ),
    Column(
        "jobs_maintained_planned",
        "Emplois maintenus prévus",
        "int",
        "Nombre entier ≥ 0 ; vide = 0.",
        False,
        0,
        10,
    ),
    Column(
        "jobs_created_observed",
        "Emplois créés constatés",
        "int",
        "Nombre entier ≥ 0 ; vide = pas encore constaté.",
        False,
        0,
        10,
    ),
    Column(
        "jobs_maintained_observed",
        "Emplois maintenus constatés",
        "int",
        "Nombre entier ≥ 0 ; vide = pas encore constaté.",
        False,
        0,
        10,
    ),
    Column("is_relocation", "Relocalisation", "bool", "oui ou non ; vide = non.", False, 0, 10),
    Column(
        "is_fragile_territory",
        "Territoire fragile",
        "bool",
        "oui ou non ; vide = non.",
        False,
        0,
        10,
    ),
    Column("tags", "Thèmes", "list", "Codes des thèmes connus, séparés par « | ».", False, 0, 20),
)

LINE_COLUMNS = (
    Column(
        "external_id",
        "Identifiant",
        "text",
        "Identifiant de la fiche action (dans le fichier ou déjà dans tipilot).",
        True,
        60,
        26,
    ),
    Column(
        "position",
        "N° de ligne",
        "int",
        "Numéro de la ligne dans le plan de financement de l'action (1, 2, 3…).",
        True,
        0,
        8,
    ),
    Column(
        "funder_category",
        "Catégorie de financeur",
        "choice",
        "Catégorie du financeur (libellé ou code).",
        True,
        0,
        18,
    ),
    Column(
        "funder_siren",
        "Financeur (SIREN)",
        "text",
        "SIREN du financeur. Un SIREN inconnu crée l'organisation si son nom est donné.",
        False,
        9,
        14,
    ),
    Column(
        "funder_name",
        "Financeur (nom)",
        "text",
        "Nom du financeur ; sans SIREN, il doit désigner une seule organisation connue.",
        False,
        200,
        30,
    ),
    Column(
        "measure",
        "Mesure",
        "text",
        "Code de la mesure ou du dispositif du programme.",
        False,
        60,
        24,
    ),
    Column("instrument", "Dispositif", "text", "Autre dispositif (texte libre).", False, 200, 24),
    Column(
        "amount_requested",
        "Montant demandé (€)",
        "decimal",
        "Montant ≥ 0 ; vide = 0.",
        False,
        0,
        16,
    ),
    Column(
        "amount_committed",
        "Montant engagé (€)",
        "decimal",
        "Montant ≥ 0 ; vide = 0. Décision du financeur.",
        False,
        0,
        16,
    ),
    Column(
        "amount_paid",
        "Montant décaissé (€)",
        "decimal",
        "Au plus le montant engagé. Décision du financeur.",
        False,
        0,
        16,
    ),
    Column("requested_on", "Demandé le", "date", "Date de la demande.", False, 0, 12),
    Column(
        "decision",
        "Décision",
        "choice",
        "En attente, Accordé ou Refusé ; vide = En attente. Un refus n'engage rien.",
        False,
        0,
        12,
    ),
    Column("committed_on", "Engagé le", "date", "Au plus tôt la date de demande.", False, 0, 12),
    Column(
        "paid_on",
        "Décaissé le",
        "date",
        "Dernier décaissement, au plus tôt la date d'engagement.",
        False,
        0,
        12,
    ),
    Column(
        "comment", "Commentaire", "text", "Texte libre (500 caractères au plus).", False, 500, 30
    ),
)

SHEETS = {ACTIONS_SHEET: ACTION_COLUMNS, LINES_SHEET: LINE_COLUMNS}
DECISION_KEYS = ("decision", "amount_committed", "committed_on", "amount_paid", "paid_on")


def normalise_header(text: object) -> str:
    return " ".join(str(text or "").replace("\u00a0", " ").split()).casefold()


def header_index(columns: tuple[Column, ...]) -> dict[str, Column]:
    """Headers and machine names, normalised, to their column."""
    index = {}
    for column in columns:
        index[normalise_header(column.header)] = column
        index[normalise_header(column.key)] = column
    return index
