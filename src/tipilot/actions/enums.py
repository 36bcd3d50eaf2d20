"""Choices of the actions domain: phases, statuses, funders, decisions."""

from django.db import models


class Phase(models.TextChoices):
    """The moment of the programme that brought a measure into the basket."""

    LAUNCH_2018 = "launch_2018", "Lancement (2018)"
    PACK_REBOND_2020 = "pack_rebond_2020", "Pack Rebond (2020)"
    FRANCE_RELANCE = "france_relance", "France Relance (2020-2022)"
    GENERATION_2023 = "generation_2023", "Deuxième génération (2023-2027)"


class ActionStatus(models.TextChoices):
    IDEA = "idea", "Idée"
    PREPARATION = "preparation", "En préparation"
    ENGAGED = "engaged", "Engagée"
    IN_PROGRESS = "in_progress", "En cours"
    COMPLETED = "completed", "Achevée"
    ABANDONED = "abandoned", "Abandonnée"


class ActionTransition(models.TextChoices):
    PREPARE = "prepare", "Mettre en préparation"
    ENGAGE = "engage", "Engager"
    START = "start", "Démarrer"
    COMPLETE = "complete", "Achever"
    ABANDON = "abandon", "Abandonner"
    REOPEN = "reopen", "Rouvrir"


class Nature(models.TextChoices):
    PUBLIC = "public", "Publique"
    PRIVATE = "private", "Privée"


class FunderCategory(models.TextChoices):
    """Who pays. The bilan groups these as State, operators, Regions and others."""

    STATE = "state", "État"
    OPERATOR = "operator", "Opérateur"
    REGION = "region", "Région"
    LOCAL = "local", "EPCI, communes, départements"
    EU = "eu", "Union européenne"
    PRIVATE = "private", "Privé"


class FunderGroup(models.TextChoices):
    """The four columns of the programme's bilans d'étape."""

    STATE = "state", "État"
    OPERATORS = "operators", "Opérateurs"
    REGIONS = "regions", "Régions"
    OTHERS = "others", "Autres"


FUNDER_GROUP = {
    FunderCategory.STATE: FunderGroup.STATE,
    FunderCategory.OPERATOR: FunderGroup.OPERATORS,
    FunderCategory.REGION: FunderGroup.REGIONS,
    FunderCategory.LOCAL: FunderGroup.OTHERS,
    FunderCategory.EU: FunderGroup.OTHERS,
    FunderCategory.PRIVATE: FunderGroup.OTHERS,
}


class Decision(models.TextChoices):
    """The funder's answer to a funding request."""

    PENDING = "pending", "En attente"
    GRANTED = "granted", "Accordé"
    REFUSED = "refused", "Refusé"
