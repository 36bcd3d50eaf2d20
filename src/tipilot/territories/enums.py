from django.db import models


class TerritoryStatus(models.TextChoices):
    LABELLED = "labelled", "Labellisé"
    WITHDRAWN = "withdrawn", "Sorti du programme"


class ChangeKind(models.TextChoices):
    LABELLED = "labelled", "Labellisation"
    JOINED = "joined", "Entrée d'un membre"
    LEFT = "left", "Sortie d'un membre"
    RENAMED = "renamed", "Changement de nom"
    WITHDRAWN = "withdrawn", "Sortie du programme"
