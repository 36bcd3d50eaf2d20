from django.db import models


class OrganisationKind(models.TextChoices):
    REGION = "region", "Région"
    STATE_SERVICE = "state_service", "Service de l'État"
    EPCI = "epci", "EPCI"
    COMMUNE = "commune", "Commune"
    OPERATOR = "operator", "Opérateur"
    FIRM = "firm", "Entreprise"
    SCHOOL = "school", "École, organisme de formation"
    OTHER = "other", "Autre"


class RoleKind(models.TextChoices):
    """A role held by a person for a period, in a scope (territory, region, operator or nation)."""

    BINOME_ELECTED = "binome_elected", "Binôme – élu"
    BINOME_INDUSTRIAL = "binome_industrial", "Binôme – industriel"
    PROJECT_LEAD = "project_lead", "Chef de projet"
    COPIL_MEMBER = "copil_member", "Membre du COPIL régional"
    REGIONAL_PILOT = "regional_pilot", "Pilote régional"
    NATIONAL_TEAM = "national_team", "Équipe nationale (ANCT)"
    OPERATOR_INSTRUCTOR = "operator_instructor", "Instructeur d'un opérateur"


TERRITORY_ROLES = frozenset(
    {RoleKind.BINOME_ELECTED, RoleKind.BINOME_INDUSTRIAL, RoleKind.PROJECT_LEAD}
)
REGION_ROLES = frozenset({RoleKind.COPIL_MEMBER, RoleKind.REGIONAL_PILOT})
BINOME_ROLES = frozenset({RoleKind.BINOME_ELECTED, RoleKind.BINOME_INDUSTRIAL})


class DecisionKind(models.TextChoices):
    VALIDATE_CONTRACT = "validate_contract", "Validation d'un contrat"
    COMPOSITION_CHANGE = "composition_change", "Changement de composition d'un territoire"
    ADOPT_AMENDMENT = "adopt_amendment", "Adoption d'un avenant"
    OTHER = "other", "Autre décision"
