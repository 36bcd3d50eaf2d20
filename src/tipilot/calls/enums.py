"""Choices of the calls domain: question kinds, application statuses, opinions, decisions."""

from django.db import models


class QuestionKind(models.TextChoices):
    """What an applicant answers; the form field and the check follow from it."""

    SHORT_TEXT = "short_text", "Texte court"
    LONG_TEXT = "long_text", "Texte long"
    AMOUNT = "amount", "Montant (€)"
    NUMBER = "number", "Nombre entier"
    DATE = "date", "Date"
    YES_NO = "yes_no", "Oui / non"
    CHOICE = "choice", "Choix unique"
    MULTIPLE_CHOICE = "multiple_choice", "Choix multiples"
    FILE = "file", "Fichier joint"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    SUBMITTED = "submitted", "Déposée"
    INELIGIBLE = "ineligible", "Irrecevable"
    IN_REVIEW = "in_review", "En instruction"
    WAITLISTED = "waitlisted", "Liste d'attente"
    LAUREATE = "laureate", "Lauréat"
    REJECTED = "rejected", "Refusée"
    WITHDRAWN = "withdrawn", "Retirée"


class Outcome(models.TextChoices):
    """The decision that closes the instruction of an application."""

    LAUREATE = "laureate", "Lauréat"
    REJECTED = "rejected", "Refusée"
    WAITLISTED = "waitlisted", "Liste d'attente"


class OpinionRole(models.TextChoices):
    """Whose opinion: the Region (regional pilot) or the territory (binôme, chef de projet)."""

    REGION = "region", "Région"
    TERRITORY = "territory", "Territoire"


class Verdict(models.TextChoices):
    FAVOURABLE = "favourable", "Favorable"
    RESERVED = "reserved", "Réservé"
    UNFAVOURABLE = "unfavourable", "Défavorable"


class EventKind(models.TextChoices):
    """The application's timeline, shown to the applicant and to the instructors."""

    CREATED = "created", "Brouillon créé"
    SUBMITTED = "submitted", "Candidature déposée"
    WITHDRAWN = "withdrawn", "Candidature retirée"
    REOPENED = "reopened", "Candidature rouverte pour modification"
    ELIGIBLE = "eligible", "Déclarée recevable"
    INELIGIBLE = "ineligible", "Déclarée irrecevable"
    ASSIGNED = "assigned", "Confiée à un instructeur"
    UNASSIGNED = "unassigned", "Retirée à un instructeur"
    SCORED = "scored", "Notation"
    OPINION = "opinion", "Avis"
    DECIDED = "decided", "Décision"
    NOTIFIED = "notified", "Courriel envoyé"
    ACTION_CREATED = "action_created", "Fiche action créée"
