"""The browsable API pages of the actions endpoints render, titled in French."""

import pytest

from tests.actions.factories import ActionFactory, FundingLineFactory


@pytest.mark.parametrize("signed_in", [False, True])
def test_browsable_pages(world, client, signed_in):
    action = ActionFactory(territory=world.t1, title="Usine")
    line = FundingLineFactory(action=action, position=1)
    if signed_in:
        client.force_login(world.team)
    pages = {
        "/api/v1/measures/": "Mesures",
        "/api/v1/actions/": "Fiches actions",
        f"/api/v1/actions/{action.external_id}/": "Fiche action",
        "/api/v1/funding-lines/": "Lignes de financement",
        f"/api/v1/funding-lines/{line.pk}/": "Ligne de financement",
    }
    for url, title in pages.items():
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, url
        assert title in response.content.decode(), url
