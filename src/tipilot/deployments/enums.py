"""Choices of the deployments registries, and the rule of what counts toward a target."""

from django.db import models


class DeploymentKind(models.TextChoices):
    PRODUCTION_SCHOOL = "production_school", "École de production"
    CNAM_ANTENNA = "cnam_antenna", "Antenne du Cnam"
    VTE = "vte", "Volontariat territorial en entreprise (VTE)"


class DeploymentStatus(models.TextChoices):
    PROJECT = "project", "Projet"
    LABELLED = "labelled", "Labellisé"
    OPEN = "open", "Ouvert / en poste"
    CLOSED = "closed", "Fermé / terminé"


class DeploymentTransition(models.TextChoices):
    LABEL = "label", "Labelliser"
    OPEN = "open", "Ouvrir / prendre son poste"
    CLOSE = "close", "Fermer / terminer"


K, S = DeploymentKind, DeploymentStatus

# The measure of the catalogue (``actions.catalogue``) each registry belongs to.
MEASURE_CODES = {
    K.PRODUCTION_SCHOOL: "ecoles-production",
    K.CNAM_ANTENNA: "antennes-cnam",
    K.VTE: "vte",
}

# Counting rule: what counts toward a target.
# - Cnam antennas: labelled or open (the network the AMI waves built; a closed one no more).
# - VTE: placements started, whether still in post or ended (the target counts placements).
# - Écoles de production: schools open (a labelled project is not yet a school).
COUNTED_STATUSES = {
    K.CNAM_ANTENNA: (S.LABELLED, S.OPEN),
    K.VTE: (S.OPEN, S.CLOSED),
    K.PRODUCTION_SCHOOL: (S.OPEN,),
}
COUNTING_RULES = {
    K.CNAM_ANTENNA: "antennes labellisées ou ouvertes",
    K.VTE: "VTE en poste ou terminés (recrutements réalisés)",
    K.PRODUCTION_SCHOOL: "écoles ouvertes",
}

# Kinds recruited by successive AMI waves.
WAVES = {K.CNAM_ANTENNA: (1, 2, 3)}
