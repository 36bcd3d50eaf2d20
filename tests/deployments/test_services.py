"""Writes on the deployments registries: who may, what is checked, what is derived."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.deployments.conftest import commune_of
from tests.deployments.factories import DeploymentFactory
from tipilot.deployments import services
from tipilot.deployments.enums import DeploymentKind as K
from tipilot.deployments.enums import DeploymentStatus as S
from tipilot.deployments.models import Deployment

pytestmark = pytest.mark.django_db


def test_create_derives_measure_territory_and_point(world):
    commune = commune_of(world.t1)
    created = services.deployment_create(
        kind=K.CNAM_ANTENNA, name="Antenne de test", commune=commune, wave=2,
        status=S.LABELLED, labelled_on=dt.date(2021, 2, 15), by=world.national,
    )  # fmt: skip
    assert created.measure.code == "antennes-cnam"
    assert created.territory == world.t1
    # inside the factories' square outline (2..2.1, 46..46.1)
    assert Decimal(46) <= created.latitude <= Decimal("46.1")
    assert Decimal(2) <= created.longitude <= Decimal("2.1")
    record = created.history.first()
    assert record.history_user == world.national and record.history_change_reason == "Création"


def test_vte_is_one_post(world):
    vte = services.deployment_create(
        kind=K.VTE, name="VTE ingénieur méthodes", commune=commune_of(world.t3), by=world.national
    )
    assert vte.headcount == 1 and vte.territory == world.t3 and vte.wave is None
    with pytest.raises(ValidationError) as error:
        services.deployment_update(deployment=vte, headcount=3, by=world.national)
    assert "Un VTE est un poste" in str(error.value)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": K.CNAM_ANTENNA, "status": S.LABELLED, "labelled_on": dt.date(2021, 1, 1)},
         "Indiquez la vague"),
        ({"kind": K.CNAM_ANTENNA, "wave": 4}, "Vague inconnue"),
        ({"kind": K.PRODUCTION_SCHOOL, "wave": 1}, "Seules les antennes du Cnam"),
        ({"kind": K.PRODUCTION_SCHOOL, "status": S.OPEN}, "Cette date est requise"),
        ({"kind": K.PRODUCTION_SCHOOL, "status": S.OPEN, "labelled_on": dt.date(2022, 1, 1),
          "opened_on": dt.date(2021, 1, 1)}, "La date d'ouverture précède"),
        ({"kind": "usine"}, "Type de déploiement inconnu"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_in_french(world, fields, message):
    with pytest.raises(ValidationError) as error:
        services.deployment_create(
            name="X", commune=commune_of(world.t1), by=world.national, **fields
        )
    assert message in str(error.value)
    assert not Deployment.objects.exists()


def test_who_may_write(world):
    in_84, in_27 = commune_of(world.t1), commune_of(world.t3)
    services.deployment_create(
        kind=K.PRODUCTION_SCHOOL, name="École", commune=in_84, by=world.pilot
    )
    with pytest.raises(PermissionDenied):
        services.deployment_create(
            kind=K.PRODUCTION_SCHOOL, name="École", commune=in_27, by=world.pilot
        )
    # Bpifrance's instructor delivers the VTE measure, not the Cnam antennas
    services.deployment_create(kind=K.VTE, name="VTE", commune=in_27, by=world.instructor)
    for user in (world.instructor, world.team, world.copil, world.nobody, world.anonymous):
        with pytest.raises(PermissionDenied):
            services.deployment_create(kind=K.CNAM_ANTENNA, name="Antenne", commune=in_84, by=user)


def test_pilot_cannot_move_a_deployment_out_of_its_region(world):
    school = DeploymentFactory(
        kind=K.PRODUCTION_SCHOOL, commune=commune_of(world.t1), territory=world.t1
    )
    with pytest.raises(PermissionDenied):
        services.deployment_update(deployment=school, commune=commune_of(world.t3), by=world.pilot)
    moved = services.deployment_update(
        deployment=school, commune=commune_of(world.t3), by=world.national
    )
    assert moved.territory == world.t3


def test_update_refuses_status_and_unknown_fields(world):
    school = DeploymentFactory(kind=K.PRODUCTION_SCHOOL, commune=commune_of(world.t1))
    with pytest.raises(ValidationError) as error:
        services.deployment_update(deployment=school, status=S.CLOSED, by=world.national)
    assert "Champs non modifiables" in str(error.value)


def test_lifecycle_records_dates_in_order(world):
    antenna = DeploymentFactory(
        commune=commune_of(world.t1), status=S.PROJECT, wave=3, labelled_on=None
    )
    labelled = services.deployment_transition(
        deployment=antenna, name="label", on=dt.date(2022, 3, 21), by=world.pilot
    )
    assert labelled.status == S.LABELLED and labelled.labelled_on == dt.date(2022, 3, 21)
    with pytest.raises(ValidationError) as error:
        services.deployment_transition(
            deployment=labelled, name="open", on=dt.date(2022, 1, 1), by=world.pilot
        )
    assert "La date d'ouverture précède" in str(error.value)
    opened = services.deployment_transition(
        deployment=labelled, name="open", on=dt.date(2022, 9, 1), by=world.pilot
    )
    with pytest.raises(ValidationError) as error:
        services.deployment_transition(deployment=opened, name="label", by=world.pilot)
    assert "« Labelliser » est impossible depuis « Ouvert / en poste »" in str(error.value)
    closed = services.deployment_transition(deployment=opened, name="close", by=world.national)
    assert closed.status == S.CLOSED and closed.closed_on == dt.date.today()
    reasons = [h.history_change_reason for h in closed.history.all()]
    assert reasons[:3] == ["Fermer / terminer", "Ouvrir / prendre son poste", "Labelliser"]


def test_transition_refuses_future_dates_unknown_names_and_strangers(world):
    antenna = DeploymentFactory(commune=commune_of(world.t1), status=S.LABELLED)
    future = dt.date.today() + dt.timedelta(days=2)
    with pytest.raises(ValidationError, match="futur"):
        services.deployment_transition(
            deployment=antenna, name="open", on=future, by=world.national
        )
    with pytest.raises(ValidationError, match="Transition inconnue"):
        services.deployment_transition(deployment=antenna, name="delete", by=world.national)
    with pytest.raises(PermissionDenied):
        services.deployment_transition(deployment=antenna, name="open", by=world.other_pilot)


def test_commune_outside_labelled_territories_has_no_territory(world):
    from tests.factories import CommuneFactory

    lone = CommuneFactory(department=commune_of(world.t1).department)
    created = services.deployment_create(kind=K.VTE, name="VTE", commune=lone, by=world.national)
    assert created.territory is None
