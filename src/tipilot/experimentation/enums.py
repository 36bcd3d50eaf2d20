"""Choices of France Expérimentation derogation requests."""

from django.db import models


class Theme(models.TextChoices):
    ENVIRONMENT = "environment", "Environnement"
    URBANISM = "urbanism", "Urbanisme"
    LABOUR = "labour", "Droit du travail"
    TAX = "tax", "Fiscalité"
    ENERGY = "energy", "Énergie"
    OTHER = "other", "Autre"


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", "Déposée"
    UNDER_REVIEW = "under_review", "En instruction"
    ACCEPTED = "accepted", "Acceptée"
    PARTLY_ACCEPTED = "partly_accepted", "Acceptée partiellement"
    REFUSED = "refused", "Refusée"
    DROPPED = "dropped", "Sans suite"


ANSWERED = (
    RequestStatus.ACCEPTED,
    RequestStatus.PARTLY_ACCEPTED,
    RequestStatus.REFUSED,
    RequestStatus.DROPPED,
)
