"""The measures pages: the basket with what is committed and paid, one measure, its edit."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from tipilot.actions.models import Measure
from tipilot.actions.services import funding_line_update


def _commit(filled, committed: int, paid: int) -> None:
    funding_line_update(
        line=filled.fund_line,
        by=filled.world.national,
        decision="granted",
        amount_committed=Decimal(committed),
        amount_paid=Decimal(paid),
    )


def test_url_names():
    assert reverse("measure-list") == "/mesures/"
    assert reverse("measure-detail", args=[3]) == "/mesures/3/"
    assert reverse("measure-edit", args=[3]) == "/mesures/3/modifier/"


def test_basket_by_axis_with_committed_and_paid(filled, client):
    _commit(filled, 425_000_000, 85_000_000)
    html = client.get("/mesures/").content.decode()
    for axis in ("Recruter", "Innover", "Attirer", "Simplifier"):
        assert f">{axis}</h2>" in html
    assert escape(filled.fund.name) in html and "Bpifrance" in html
    assert "Engagé : 425\xa0000\xa0000 € sur 850\xa0000\xa0000 € (50 %)" in html
    assert 'value="50"' in html  # the progress bar
    assert "Décaissé : 85" in html and "(10 %)" in html
    assert f'href="/fiches-actions/?mesure={filled.fund.code}">1</a>' in html


def test_measure_page(filled, client):
    _commit(filled, 8_500_000, 850_000)
    html = client.get(reverse("measure-detail", args=[filled.fund.pk])).content.decode()
    assert "soit 1 % de l'enveloppe" in html
    assert 'id="measure-regions"' in html and "Auvergne-Rhône-Alpes" in html
    assert filled.action.title in html and filled.other.title not in html
    assert reverse("action-detail", args=[filled.action.external_id]) in html
    assert 'id="measure-edit"' not in html
    assert client.get("/mesures/999999/").status_code == 404


@pytest.mark.parametrize(("who", "sees"), [("national", True), ("pilot", False), ("team", False)])
def test_only_the_national_team_edits_measures(filled, client, who, sees):
    client.force_login(getattr(filled.world, who))
    html = client.get(reverse("measure-detail", args=[filled.fund.pk])).content.decode()
    assert ('id="measure-edit"' in html) is sees
    edit = reverse("measure-edit", args=[filled.fund.pk])
    assert client.get(edit).status_code == (200 if sees else 403)


def test_national_team_edits_a_measure(filled, client):
    client.force_login(filled.world.national)
    edit = reverse("measure-edit", args=[filled.fund.pk])
    data = {
        "name": "Fonds d'accélération",
        "axis": filled.fund.axis_id,
        "operators": [filled.world.operator.pk],
        "phase": "france_relance",
        "envelope": "900000000",
        "start_year": 2020,
        "end_year": 2019,
    }
    response = client.post(edit, data)
    assert response.status_code == 400
    assert escape("L'année de fin précède l'année de début.") in response.content.decode()
    data["end_year"] = 2022
    assert client.post(edit, data).status_code == 302
    fund = Measure.objects.get(pk=filled.fund.pk)
    assert (fund.name, fund.envelope, fund.end_year) == ("Fonds d'accélération", 900_000_000, 2022)
    assert fund.history.first().history_user == filled.world.national


def test_anonymous_is_sent_to_login(filled, client):
    response = client.get(reverse("measure-edit", args=[filled.fund.pk]))
    assert response.status_code == 302 and "/comptes/" in response["Location"]
