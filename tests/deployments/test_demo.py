"""The demo registries on the ``world`` fixture: sizes, rules, determinism, idempotence."""

import pytest

from tipilot.deployments import selectors
from tipilot.deployments.demo import deployments_demo
from tipilot.deployments.enums import DeploymentKind as K
from tipilot.deployments.models import Deployment
from tipilot.experimentation.demo import experimentation_demo
from tipilot.experimentation.models import DerogationRequest

pytestmark = pytest.mark.django_db


def test_demo_fills_the_registries_once(world):
    summary = deployments_demo()
    assert summary.startswith("Déploiements de démonstration : créés")
    progress = {p["kind"]: p for p in selectors.target_progress()}
    assert progress[K.CNAM_ANTENNA]["counted"] == 75
    assert progress[K.CNAM_ANTENNA]["registered"] == 83
    assert [w["counted"] for w in progress[K.CNAM_ANTENNA]["waves"]] == [30, 25, 20]
    assert progress[K.PRODUCTION_SCHOOL]["counted"] == 12
    assert progress[K.PRODUCTION_SCHOOL]["registered"] == 30
    assert progress[K.VTE]["counted"] == 1000
    rows = Deployment.objects.all()
    assert rows.filter(is_demo=False).count() == 0
    assert not rows.filter(latitude__isnull=True).exists()
    # every point lies inside the world's square communes, in a labelled territory
    assert not rows.exclude(latitude__range=(46, 46.1)).exists()
    assert not rows.exclude(longitude__range=(2, 2.1)).exists()
    assert not rows.filter(territory__isnull=True).exists()
    for deployment in rows.select_related("measure")[:50]:
        deployment.full_clean()
    assert "déjà en place" in deployments_demo()
    assert Deployment.objects.count() == 83 + 30 + 1040


def test_demo_is_deterministic(world):
    deployments_demo()
    first = list(Deployment.objects.order_by("pk").values_list("name", "status", "latitude"))
    Deployment.objects.all().delete()
    deployments_demo()
    again = list(Deployment.objects.order_by("pk").values_list("name", "status", "latitude"))
    assert first == again


def test_experimentation_demo(world):
    summary = experimentation_demo()
    assert "40 demandes" in summary
    rows = DerogationRequest.objects.all()
    assert rows.count() == 40 and not rows.filter(is_demo=False).exists()
    assert rows.filter(is_public=True).count() >= 25
    for request in rows:
        request.full_clean()
        assert request.search_text and request.legal_key
    assert "déjà en place" in experimentation_demo()
