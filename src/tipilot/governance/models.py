"""Organisations, people, the roles they hold, and the regional steering committees (COPIL).

A role is dated and scoped: a binôme or project lead belongs to a territory, a COPIL member or
regional pilot to a region, an instructor to an operator, the national team to the nation.
Permissions are read from the roles in force today (see ``permissions.py``). Every model keeps
its history (django-simple-history) so "who held this role when" and "who changed what" survive.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from tipilot.core.identifiers import validate_siren, validate_siret
from tipilot.core.uploads import validate_pdf
from tipilot.geo.models import Epci, Region
from tipilot.territories.models import Territory

from .enums import REGION_ROLES, TERRITORY_ROLES, DecisionKind, OrganisationKind, RoleKind


class Organisation(models.Model):
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("nature", max_length=20, choices=OrganisationKind.choices)
    siren = models.CharField(
        "SIREN", max_length=9, blank=True, validators=[validate_siren], db_index=True
    )
    siret = models.CharField("SIRET", max_length=14, blank=True, validators=[validate_siret])
    region = models.ForeignKey(
        Region,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name="région",
    )
    epci = models.ForeignKey(
        Epci,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name="EPCI",
    )
    website = models.URLField("site web", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "organisation"
        constraints = [
            models.UniqueConstraint(
                fields=["siren"], condition=~Q(siren=""), name="unique_organisation_siren"
            ),
            models.UniqueConstraint(
                fields=["siret"], condition=~Q(siret=""), name="unique_organisation_siret"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.siret and self.siren and not self.siret.startswith(self.siren):
            raise ValidationError(
                {"siret": "Le SIRET doit commencer par le SIREN de l'organisation."}
            )


class Person(models.Model):
    """A person with contact details: personal data, never shown to the public.

    ``public_office`` marks holders of a public office (elected officials, prefects) whose name
    may be shown publicly in that role, and only their name.
    """

    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    email = models.EmailField("courriel", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    title = models.CharField("fonction", max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name="organisation",
    )
    public_office = models.BooleanField("titulaire d'une fonction publique élective", default=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name="compte",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = "personne"

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class RoleQuerySet(models.QuerySet):
    def in_force(self, on: dt.date | None = None):
        on = on or dt.date.today()
        return self.filter(Q(end_on__isnull=True) | Q(end_on__gte=on), start_on__lte=on)


class RoleAssignment(models.Model):
    person = models.ForeignKey(Person, models.CASCADE, related_name="roles")
    kind = models.CharField("rôle", max_length=20, choices=RoleKind.choices)
    territory = models.ForeignKey(
        Territory,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name="territoire",
    )
    region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="roles", verbose_name="région"
    )
    operator = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="instructors",
        verbose_name="opérateur",
        limit_choices_to={"kind": OrganisationKind.OPERATOR},
    )
    start_on = models.DateField("depuis le")
    end_on = models.DateField("jusqu'au", null=True, blank=True)
    history = HistoricalRecords()

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "start_on", "id"]
        verbose_name = "rôle"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="role_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} : {self.get_kind_display()} ({self.scope_label})"

    @property
    def scope_label(self) -> str:
        return str(self.territory or self.region or self.operator or "national")

    def clean(self) -> None:
        errors = {}
        if self.end_on and self.start_on and self.end_on < self.start_on:
            errors["end_on"] = "La date de fin précède la date de début."
        wanted = _scope_field(self.kind)
        for name in ("territory", "region", "operator"):
            value = getattr(self, f"{name}_id")
            if name == wanted and value is None:
                errors[name] = "Ce rôle s'exerce dans ce périmètre : il est obligatoire."
            elif name != wanted and value is not None:
                errors[name] = "Ce rôle ne s'exerce pas dans ce périmètre : laissez-le vide."
        if errors:
            raise ValidationError(errors)

    def in_force(self, on: dt.date | None = None) -> bool:
        on = on or dt.date.today()
        return self.start_on <= on and (self.end_on is None or self.end_on >= on)


def _scope_field(kind: str) -> str | None:
    if kind in TERRITORY_ROLES:
        return "territory"
    if kind in REGION_ROLES:
        return "region"
    if kind == RoleKind.OPERATOR_INSTRUCTOR:
        return "operator"
    return None


def minutes_path(instance, filename: str) -> str:
    return f"copil/{instance.region.code}/{instance.date:%Y-%m-%d}-compte-rendu.pdf"


class CopilMeeting(models.Model):
    region = models.ForeignKey(Region, models.PROTECT, related_name="copil_meetings")
    date = models.DateField("date")
    place = models.CharField("lieu", max_length=200, blank=True)
    agenda = models.TextField("ordre du jour")
    members_present = models.ManyToManyField(
        Person, blank=True, related_name="copil_meetings", verbose_name="membres présents"
    )
    minutes = models.FileField(
        "compte rendu (PDF)", upload_to=minutes_path, blank=True, validators=[validate_pdf]
    )
    history = HistoricalRecords(m2m_fields=[members_present])

    class Meta:
        ordering = ["-date", "region"]
        verbose_name = "réunion de COPIL"
        verbose_name_plural = "réunions de COPIL"

    def __str__(self) -> str:
        return f"COPIL {self.region.name} du {self.date:%d/%m/%Y}"


class CopilDecision(models.Model):
    meeting = models.ForeignKey(CopilMeeting, models.CASCADE, related_name="decisions")
    kind = models.CharField("nature", max_length=20, choices=DecisionKind.choices)
    territory = models.ForeignKey(
        Territory,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="copil_decisions",
        verbose_name="territoire",
    )
    contract = models.ForeignKey(
        "contracts.Contract",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name="contrat",
    )
    amendment = models.ForeignKey(
        "contracts.Amendment",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name="avenant",
    )
    text = models.TextField("décision")
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = "décision de COPIL"
        verbose_name_plural = "décisions de COPIL"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.meeting}"


class Invitation(models.Model):
    """An account invitation sent by email; its link carries a signed, expiring token."""

    person = models.ForeignKey(Person, models.CASCADE, related_name="invitations")
    email = models.EmailField("courriel")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="invitations_sent"
    )
    created_at = models.DateTimeField("envoyée le", auto_now_add=True)
    accepted_at = models.DateTimeField("acceptée le", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "invitation"

    def __str__(self) -> str:
        return f"Invitation de {self.email}"
