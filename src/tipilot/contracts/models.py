"""Contracts (one per territory and generation), their amendments, signatories and documents.

The state is a django-fsm-2 field, protected: only the transitions below change it, and only
the services call them, each after checking the acting user's permission (``permissions.py``).
Every transition is logged as a ``ContractEvent`` (date, author, comment); every field change
is kept by django-simple-history. ``version`` is bumped on each write so that two people
editing at once are told of the conflict instead of silently overwriting each other.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from tipilot.core.uploads import validate_pdf
from tipilot.governance.models import Organisation, Person
from tipilot.territories.models import Territory

from .enums import AmendmentState, CalendarStatus, ContractState, DocumentKind

S = ContractState


class Contract(FSMModelMixin, models.Model):
    territory = models.OneToOneField(
        Territory, models.PROTECT, related_name="contract", verbose_name="territoire"
    )
    title = models.CharField("intitulé", max_length=250)
    state = FSMField(
        "état",
        max_length=20,
        choices=ContractState.choices,
        default=S.PREPARATION,
        protected=True,
    )
    planned_signature_on = models.DateField("signature prévue le", null=True, blank=True)
    signed_on = models.DateField("signé le", null=True, blank=True)
    closed_on = models.DateField("clos le", null=True, blank=True)
    summary = models.TextField("présentation", blank=True)
    version = models.PositiveIntegerField("version", default=1)
    is_demo = models.BooleanField("données de démonstration", default=False)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["territory__identifier"]
        verbose_name = "contrat"
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True)
                | (Q(signed_on__isnull=False) & Q(closed_on__gte=models.F("signed_on"))),
                name="contract_closed_after_signed",
            )
        ]

    def __str__(self) -> str:
        return self.title

    # Lifecycle. Permission checks live in the services (see permissions.TRANSITION_RULES).
    @transition(field=state, source=S.PREPARATION, target=S.SUBMITTED)
    def submit(self) -> None:
        """The territory's draft goes to its regional COPIL."""

    @transition(field=state, source=S.SUBMITTED, target=S.PREPARATION)
    def send_back(self) -> None:
        """The COPIL asks for changes: back to the territory team."""

    @transition(field=state, source=S.SUBMITTED, target=S.VALIDATED)
    def validate(self) -> None:
        """The COPIL validated the contract."""

    @transition(field=state, source=S.VALIDATED, target=S.SIGNED)
    def sign(self, *, on: dt.date) -> None:
        self.signed_on = on

    @transition(field=state, source=S.SIGNED, target=S.AMENDING)
    def start_amendment(self) -> None:
        """An avenant is being negotiated; the signed contract stays in force meanwhile."""

    @transition(field=state, source=S.AMENDING, target=S.SIGNED)
    def sign_amendment(self) -> None:
        """The avenant is signed; the contract is signed again, as amended."""

    @transition(field=state, source=S.SIGNED, target=S.CLOSED)
    def close(self, *, on: dt.date) -> None:
        self.closed_on = on

    def calendar_status(self, today: dt.date | None = None) -> str:
        if self.signed_on:
            return CalendarStatus.SIGNED
        if self.planned_signature_on is None:
            return CalendarStatus.UNSCHEDULED
        today = today or dt.date.today()
        return CalendarStatus.LATE if self.planned_signature_on < today else CalendarStatus.PLANNED


class ContractEvent(models.Model):
    """One transition of a contract: what, when (the date it took effect), who, why."""

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="events")
    transition = models.CharField("transition", max_length=20)
    source = models.CharField("état de départ", max_length=20, choices=ContractState.choices)
    target = models.CharField("état d'arrivée", max_length=20, choices=ContractState.choices)
    on = models.DateField("date d'effet")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="contract_events"
    )
    comment = models.TextField("commentaire", blank=True)
    created_at = models.DateTimeField("enregistré le", auto_now_add=True)

    class Meta:
        ordering = ["contract", "created_at", "id"]
        verbose_name = "étape du contrat"

    def __str__(self) -> str:
        return f"{self.contract} : {self.get_source_display()} → {self.get_target_display()}"


class Amendment(models.Model):
    contract = models.ForeignKey(Contract, models.CASCADE, related_name="amendments")
    number = models.PositiveSmallIntegerField("numéro")
    title = models.CharField("objet", max_length=250)
    state = models.CharField(
        "état", max_length=20, choices=AmendmentState.choices, default=AmendmentState.IN_PROGRESS
    )
    started_on = models.DateField("ouvert le")
    signed_on = models.DateField("signé le", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "number"]
        verbose_name = "avenant"
        constraints = [
            models.UniqueConstraint(fields=["contract", "number"], name="unique_amendment_number"),
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True) | Q(signed_on__gte=models.F("started_on")),
                name="amendment_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"Avenant n° {self.number} : {self.title}"


class Signatory(models.Model):
    """An organisation that signs the contract, and the person who signs for it."""

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="signatories")
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="signatures", verbose_name="organisation"
    )
    representative = models.ForeignKey(
        Person,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name="représentant",
    )
    capacity = models.CharField("en qualité de", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "id"]
        verbose_name = "signataire"
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "organisation"], name="unique_signatory_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.contract})"


def document_path(instance, filename: str) -> str:
    return f"contracts/{instance.contract.territory.identifier}/{instance.kind}-{filename}"


class ContractDocument(models.Model):
    """A PDF kept through Django's storage API (file system here, S3 by one setting)."""

    contract = models.ForeignKey(Contract, models.CASCADE, related_name="documents")
    amendment = models.ForeignKey(
        Amendment,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="avenant",
    )
    kind = models.CharField("nature", max_length=20, choices=DocumentKind.choices)
    title = models.CharField("titre", max_length=250)
    file = models.FileField("fichier PDF", upload_to=document_path, validators=[validate_pdf])
    size = models.PositiveIntegerField("taille (octets)", default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField("déposé le", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["contract", "-uploaded_at"]
        verbose_name = "document"

    def __str__(self) -> str:
        return self.title
