"""Factories for France Expérimentation requests."""

import datetime as dt

import factory

from tipilot.experimentation.enums import RequestStatus, Theme
from tipilot.experimentation.models import DerogationRequest


class DerogationFactory(factory.django.DjangoModelFactory):
    """A published, accepted request on an environmental rule by default."""

    class Meta:
        model = DerogationRequest

    reference = factory.Sequence(lambda n: f"FE-2021-{n + 1:03d}")
    title = factory.Sequence(lambda n: f"Demande {n}")
    rule = "Consultation du public sur une installation classée."
    legal_reference = "Code de l'environnement, art. R. 512-46-4"
    theme = Theme.ENVIRONMENT
    project = "Extension d'une usine de recyclage."
    submitted_on = dt.date(2021, 3, 1)
    status = RequestStatus.ACCEPTED
    answer = "Acceptée : procédures conduites en parallèle."
    answered_on = dt.date(2021, 6, 1)
    is_public = True
