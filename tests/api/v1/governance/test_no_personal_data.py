"""Every public GET of the API, walked from the schema as an anonymous visitor: no email, no
phone, no name of a person without a public office; and every answer matches the schema."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.api.v1.governance.records import api_for, fill
from tests.api.v1.test_schema import assert_matches_schema
from tipilot.actions.models import Measure
from tipilot.geo.models import Department, Epci
from tipilot.governance.models import Person
from tipilot.sites.models import Site


@pytest.fixture
def filled(world, settings, tmp_path):
    """The governance records, plus an action with a decided funding line and a published
    bilan: every public endpoint then answers with real rows."""
    from decimal import Decimal

    from tests.actions.factories import ActionFactory, FundingLineFactory
    from tipilot.analytics.services import bilan_freeze, bilan_publish

    settings.MEDIA_ROOT = tmp_path
    records = fill(world)
    records.action = ActionFactory(territory=world.t1, lead=world.operator)
    records.line = FundingLineFactory(
        action=records.action, funder=world.operator, amount_committed=Decimal(1000)
    )
    records.snapshot = bilan_publish(
        snapshot=bilan_freeze(by=world.national, region=world.region_a), by=world.national
    )
    from tests.calls.instruction_setup import at_status

    records.laureate = at_status(world, "laureate")  # its applicant and deciders stay hidden
    from tests.sites.factories import catalogue

    records.site = catalogue(world).forges  # its contact (référent) stays hidden
    from tests.deployments.factories import DeploymentFactory, ensure_targets
    from tests.experimentation.factories import DerogationFactory

    ensure_targets()
    records.deployment = DeploymentFactory(
        commune=world.t1.memberships.first().epci.communes.first(), territory=world.t1,
        organisation=world.operator,
    )  # fmt: skip
    records.derogation = DerogationFactory(territory=world.t1, applicant=world.operator)
    return records


def public_urls(schema, filled) -> list[str]:
    """Each GET path of the schema, its parameters filled with the test data."""
    values = {
        "code": None,  # per path, below
        "siren": Epci.objects.first().siren,
        "generation": "2023-2027",
        "identifier": "ti-8401",
        "external_id": filled.action.external_id,
        "reference": filled.laureate.reference,
    }
    ids = {
        "contracts": filled.contract.pk,
        "copil-meetings": filled.meeting.pk,
        "measures": Measure.objects.first().pk,
        "funding-lines": filled.line.pk,
        "bilans": filled.snapshot.pk,
        "deployments": filled.deployment.pk,
        "derogations": filled.derogation.pk,
    }
    codes = {"regions": "84", "departments": Department.objects.first().code}
    slugs = {"calls": filled.laureate.call.slug, "sites": filled.site.slug}
    urls = []
    for path, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        prefix = path.split("/")[3]
        url = path.replace("{id}", str(ids.get(prefix, "")))
        url = url.replace("{code}", codes.get(prefix, ""))
        url = url.replace("{slug}", slugs.get(prefix, ""))
        url = re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), url)
        urls.append(url)
    return urls


def secrets() -> set[str]:
    found = {"@"}
    for person in Person.objects.all():
        found |= {person.email, person.phone} - {""}
        if not person.public_office:
            found |= {str(person), person.last_name}
    for user in get_user_model().objects.all():
        found |= {user.username, user.email} - {""}
    found |= set(Site.objects.exclude(contact_name="").values_list("contact_name", flat=True))
    return found


def test_every_public_endpoint_is_walked(schema, filled):
    urls = public_urls(schema, filled)
    assert len(urls) == 41 and not any("{" in url for url in urls)
    assert f"/api/v1/actions/{filled.action.external_id}/" in urls
    assert f"/api/v1/contracts/{filled.contract.pk}/events/" in urls
    assert f"/api/v1/copil-meetings/{filled.meeting.pk}/" in urls


def test_no_personal_data_for_the_public(schema, filled, client):
    hidden = secrets()
    assert {
        "Paul Discret",
        "01 23 45 67 89",
        "04 70 00 00 01",
        filled.world.team.username,
    } <= hidden
    for url in public_urls(schema, filled):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        leaks = {secret for secret in hidden if secret in body}
        assert not leaks, (url, leaks)
    assert (
        "Élise Publique" in client.get(f"/api/v1/contracts/{filled.contract.pk}/").content.decode()
    )


@pytest.mark.parametrize("reader", ["anonymous", "national", "copil"])
def test_every_answer_matches_the_schema(schema, openapi, filled, client, rf, reader):
    if reader != "anonymous":
        client = api_for(getattr(filled.world, reader))
    for url in public_urls(schema, filled):
        assert_matches_schema(openapi, client, rf, url)
