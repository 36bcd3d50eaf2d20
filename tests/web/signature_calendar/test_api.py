"""The signature calendar as JSON (``/api/v1/calendar/``): public, same filters as the page."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.contracts.factories import ContractFactory
from tests.querycount import queries_for

from .test_calendar import TODAY

URL = "/api/v1/calendar/"


def test_url_name():
    assert reverse("api-calendar") == URL


def test_counts_and_contracts(calendar, client):
    body = client.get(URL).json()
    assert body["counts"] == {"signed": 1, "planned": 1, "late": 1, "unscheduled": 0, "total": 3}
    signed = next(c for c in body["contracts"] if c["id"] == calendar.contract.pk)
    past = (TODAY - dt.timedelta(days=30)).isoformat()
    assert signed == {
        "id": calendar.contract.pk,
        "territory": {
            "generation": "2023-2027",
            "identifier": "ti-8401",
            "name": "Territoire ti-8401",
        },
        "regions": ["84"],
        "state": "signed",
        "calendar_status": "signed",
        "planned_signature_on": None,
        "signed_on": past,
    }
    statuses = [c["calendar_status"] for c in body["contracts"]]
    assert statuses.index("planned") == 2  # by date: the two past ones first


def test_region_filter_counts(calendar, client):
    body = client.get(URL, {"region": "27"}).json()
    assert body["counts"]["late"] == 1 and body["counts"]["total"] == 1


def test_anonymous_may_not_write(calendar, client):
    assert client.post(URL, {}).status_code in (401, 403, 405)


@pytest.mark.django_db
def test_queries_do_not_grow(client):
    from tests.factories import make_programme

    def grow(n):
        for territory in make_programme(n):
            ContractFactory(territory=territory, planned_signature_on=TODAY)

    grow(2)
    small = queries_for(client, URL)
    grow(8)
    assert queries_for(client, URL) == small
