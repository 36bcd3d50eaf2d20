"""A bilan's figures as rows (section, line, indicator, value): the CSV download's content.

One long table rather than many sheets, so a spreadsheet filters it and nothing is lost.
"""

CSV_HEADER = ["rubrique", "ligne", "indicateur", "valeur"]
AMOUNT_LABELS = (
    ("requested", "demandé (€)"),
    ("committed", "engagé (€)"),
    ("paid", "décaissé (€)"),
)


def _amounts(section: str, rows: list[dict]) -> list[list]:
    return [
        [section, row["label"], label, row[key]] for row in rows for key, label in AMOUNT_LABELS
    ]


def _scope_rows(figures: dict) -> list[list]:
    scope = figures["scope"]
    return [
        ["Périmètre", "Échelle", "périmètre", scope["label"]],
        ["Périmètre", "Génération", "code", scope["generation"] or "toutes"],
        ["Périmètre", "Chiffres au", "date", figures["as_of"]],
    ]


def _action_rows(figures: dict) -> list[list]:
    actions = figures["actions"]
    rows = [["Actions", "Toutes", "nombre", actions["total"]]]
    rows += [["Actions par statut", r["label"], "nombre", r["count"]] for r in actions["by_status"]]
    rows += [["Actions par axe", r["label"], "nombre", r["count"]] for r in actions["by_axis"]]
    cross = actions["by_status_and_axis"]
    rows += [
        ["Actions par statut et axe", row["label"], axis, count]
        for row in cross["rows"]
        for axis, count in zip(cross["axes"], row["counts"], strict=True)
    ]
    return rows


def _people_rows(figures: dict) -> list[list]:
    jobs, moved, fragile = figures["jobs"], figures["relocations"], figures["fragile"]
    return [
        ["Emplois", "Créés", "prévus", jobs["created_planned"]],
        ["Emplois", "Maintenus", "prévus", jobs["maintained_planned"]],
        ["Emplois", "Créés", "constatés", jobs["created_observed"]],
        ["Emplois", "Maintenus", "constatés", jobs["maintained_observed"]],
        ["Relocalisations", "Actions", "nombre", moved["count"]],
        ["Relocalisations", "Emplois", "prévus", moved["jobs"]],
        ["Territoires fragiles", "Actions", "nombre", fragile["actions"]],
        ["Territoires fragiles", "Actions", "part", fragile["actions_share"]],
        ["Territoires fragiles", "Montants engagés", "€", fragile["committed"]],
        ["Territoires fragiles", "Montants engagés", "part", fragile["committed_share"]],
    ]


def _other_rows(figures: dict) -> list[list]:
    rows = [
        ["Objectifs", t["label"], f"réalisé ({t['unit']})", t["current"]]
        for t in figures["targets"]
    ]
    rows += [
        ["Objectifs", t["label"], f"objectif ({t['unit']})", t["target"]]
        for t in figures["targets"]
    ]
    rows += [
        ["Évolution mensuelle", row["month"], label, row[key]]
        for row in figures["trend"]
        for key, label in (("committed", "engagé (€)"), ("engaged", "actions engagées"))
    ]
    breakdown = figures["breakdown"] or {"rows": [], "level": ""}
    section = "Par région" if breakdown["level"] == "region" else "Par territoire"
    rows += [
        [section, f"{row['label']} ({row['code']})", label, row[key]]
        for row in breakdown["rows"]
        for key, label in (("actions", "actions"), ("jobs_planned", "emplois prévus"))
        + AMOUNT_LABELS
    ]
    return rows


def _deployment_rows(figures: dict) -> list[list]:
    """Écoles de production, Cnam antennas, VTE against their targets (absent from a bilan
    frozen before deployments were recorded)."""
    return [
        ["Déploiements", d["label"], indicator, d[key]]
        for d in figures.get("deployments") or []
        for key, indicator in (
            ("counted", "comptés dans l'objectif"),
            ("target", "objectif"),
            ("registered", "enregistrés"),
        )
    ]


def cell(value):
    """Numbers as a French spreadsheet reads them: decimal comma, no needless ``.0``."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return "" if value is None else value


def bilan_rows(figures: dict) -> list[list]:
    money = figures["money"]
    rows = [
        *_scope_rows(figures),
        *_action_rows(figures),
        *_amounts("Financements", [{"label": "Total", **money["total"]}]),
        *_amounts("Financements par groupe", money["by_group"]),
        *_amounts("Financements par catégorie", money["by_category"]),
        *_amounts("Financements par mesure", money["by_measure"]),
        *_people_rows(figures),
        *_deployment_rows(figures),
        *_other_rows(figures),
    ]
    return [[cell(value) for value in row] for row in rows]
