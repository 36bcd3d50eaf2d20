from django.db import models


class ContractState(models.TextChoices):
    PREPARATION = "preparation", "En préparation"
    SUBMITTED = "submitted", "Soumis au COPIL"
    VALIDATED = "validated", "Validé en COPIL"
    SIGNED = "signed", "Signé"
    AMENDING = "amending", "Avenant en cours"
    CLOSED = "closed", "Clos"


class Transition(models.TextChoices):
    """The lifecycle's transitions, named as the service functions and the API actions."""

    SUBMIT = "submit", "Soumettre au COPIL"
    RETURN = "return", "Renvoyer en préparation"
    VALIDATE = "validate", "Valider en COPIL"
    SIGN = "sign", "Enregistrer la signature"
    START_AMENDMENT = "start_amendment", "Ouvrir un avenant"
    SIGN_AMENDMENT = "sign_amendment", "Enregistrer la signature de l'avenant"
    CLOSE = "close", "Clore le contrat"


class AmendmentState(models.TextChoices):
    IN_PROGRESS = "in_progress", "En cours"
    SIGNED = "signed", "Signé"


class CalendarStatus(models.TextChoices):
    SIGNED = "signed", "Signé"
    PLANNED = "planned", "Signature prévue"
    LATE = "late", "En retard"
    UNSCHEDULED = "unscheduled", "Sans date prévue"


class DocumentKind(models.TextChoices):
    CONTRACT = "contract", "Contrat"
    AMENDMENT = "amendment", "Avenant"
    ANNEX = "annex", "Annexe"
    OTHER = "other", "Autre"
