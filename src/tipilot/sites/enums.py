"""Choices of the sites domain: owners, procedure states, statuses, access and utilities."""

from django.db import models


class OwnerKind(models.TextChoices):
    PUBLIC = "public", "Public"
    PRIVATE = "private", "Privé"
    MIXED = "mixed", "Mixte"


class ProcedureState(models.TextChoices):
    """Where one of the four procedures that make a site « prêt » stands."""

    NOT_STARTED = "not_started", "Non engagée"
    IN_PROGRESS = "in_progress", "En cours"
    DONE = "done", "Réalisée"
    NOT_REQUIRED = "not_required", "Non requise"


READY_STATES = (ProcedureState.DONE, ProcedureState.NOT_REQUIRED)


class SiteStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposé"
    LABELLED = "labelled", "Labellisé"
    MARKETED = "marketed", "Commercialisé / occupé"
    WITHDRAWN = "withdrawn", "Retiré"


class SiteTransition(models.TextChoices):
    LABEL = "label", "Labelliser"
    MARKET = "market", "Déclarer commercialisé / occupé"
    WITHDRAW = "withdraw", "Retirer du catalogue"
    REINSTATE = "reinstate", "Remettre au catalogue"


# The four procedures, in the order a site goes through them: field name → label.
PROCEDURES = {
    "urbanism": "Urbanisme (PLU/PLUi compatible)",
    "archaeology": "Archéologie préventive (diagnostic)",
    "environment": "Environnement (ICPE, autorisation environnementale)",
    "biodiversity": "Biodiversité (inventaires faune-flore 4 saisons)",
}

# Access: code used in filters and the API → (boolean field, distance field, label).
ACCESS = {
    "motorway": ("has_motorway", "motorway_km", "Autoroute"),
    "rail": ("has_rail", "rail_km", "Voie ferrée"),
    "port": ("has_port", "port_km", "Port"),
    "airport": ("has_airport", "airport_km", "Aéroport"),
}

# Utilities (réseaux): code used in filters and the API → label; the code is the field name.
UTILITIES = {
    "electricity_hta": "Électricité HTA",
    "electricity_htb": "Électricité HTB",
    "gas": "Gaz",
    "industrial_water": "Eau industrielle",
    "fibre": "Fibre optique",
    "sanitation": "Assainissement",
}
