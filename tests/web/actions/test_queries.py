"""The measures and fiches actions pages run as many SQL queries on a small and a larger
programme."""

import pytest
from django.urls import reverse

from tests.actions.factories import grow_actions
from tests.factories import make_programme
from tests.governance.factories import user_with_role
from tests.querycount import queries_for
from tipilot.actions.models import Measure
from tipilot.governance.enums import RoleKind


def grow(size: int) -> None:
    grow_actions(make_programme(size))


@pytest.mark.parametrize(
    "url",
    [
        "/mesures/",
        "/fiches-actions/",
        "/fiches-actions/?region=84&mesure=fonds-acceleration&statut=idea&relocalisation=non",
        "/fiches-actions/?theme=decarbonation&q=Action",
        "measure-detail",
    ],
)
def test_list_pages_queries_do_not_grow(db, client, url):
    grow(2)
    if url == "measure-detail":
        url = reverse("measure-detail", args=[Measure.objects.first().pk])
    small = queries_for(client, url)
    grow(6)
    assert queries_for(client, url) == small


def test_lines_to_instruct_queries_do_not_grow(db, client):
    from tipilot.actions.catalogue import OPERATORS
    from tipilot.governance.models import Organisation

    grow(2)
    operator = Organisation.objects.get(siren=OPERATORS["bpifrance"][1])
    client.force_login(user_with_role(RoleKind.OPERATOR_INSTRUCTOR, operator=operator))
    url = reverse("funding-lines-to-instruct")
    small = queries_for(client, url)
    grow(6)
    assert queries_for(client, url) == small


def test_action_detail_queries_do_not_grow_with_the_plan(db, client):
    [action] = grow_actions(make_programme(1), per_territory=1)
    client.force_login(user_with_role(RoleKind.NATIONAL_TEAM))
    url = reverse("action-detail", args=[action.external_id])
    small = queries_for(client, url)
    from tests.actions.factories import FundingLineFactory

    FundingLineFactory.create_batch(5, action=action)
    assert queries_for(client, url) == small
