"""Factories for the deployments registries. Measures come from the catalogue and targets from
migration 0002; ``ensure_targets`` reloads both after a transactional test flushed them."""

import datetime as dt
from decimal import Decimal

import factory

from tests.actions.factories import ensure_catalogue
from tipilot.actions.models import Measure
from tipilot.deployments.enums import MEASURE_CODES, DeploymentKind, DeploymentStatus
from tipilot.deployments.models import Deployment, DeploymentTarget


def ensure_targets() -> None:
    from tipilot.deployments.services import targets_sync

    ensure_catalogue()
    if not DeploymentTarget.objects.exists():
        targets_sync()


def measure_for(kind: str) -> Measure:
    ensure_catalogue()
    return Measure.objects.get(code=MEASURE_CODES[kind])


class DeploymentFactory(factory.django.DjangoModelFactory):
    """An open Cnam antenna of wave 1 by default. ``commune`` is required."""

    class Meta:
        model = Deployment

    kind = DeploymentKind.CNAM_ANTENNA
    measure = factory.LazyAttribute(lambda o: measure_for(o.kind))
    name = factory.Sequence(lambda n: f"Déploiement {n}")
    territory = None
    wave = factory.LazyAttribute(lambda o: 1 if o.kind == DeploymentKind.CNAM_ANTENNA else None)
    status = DeploymentStatus.OPEN
    labelled_on = factory.LazyAttribute(
        lambda o: (
            dt.date(2021, 1, 4)
            if o.status != DeploymentStatus.PROJECT and o.kind != DeploymentKind.VTE
            else None
        )
    )
    opened_on = factory.LazyAttribute(
        lambda o: (
            dt.date(2021, 9, 1)
            if o.status in (DeploymentStatus.OPEN, DeploymentStatus.CLOSED)
            else None
        )
    )
    closed_on = factory.LazyAttribute(
        lambda o: dt.date(2022, 9, 1) if o.status == DeploymentStatus.CLOSED else None
    )
    latitude = Decimal("46.05")
    longitude = Decimal("2.05")
