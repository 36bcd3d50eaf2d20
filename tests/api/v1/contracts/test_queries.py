"""The contract and COPIL lists run as many SQL queries for 2 contracts (meetings) as for 8,
each with its signatories, amendments, documents and decisions."""

import datetime as dt

import pytest

from tests.contracts.factories import ContractFactory
from tests.factories import make_programme
from tests.governance.factories import (
    CopilMeetingFactory,
    OrganisationFactory,
    PersonFactory,
    user_with_role,
)
from tests.querycount import queries_for
from tipilot.contracts.models import Amendment, ContractDocument, Signatory
from tipilot.geo.models import Region
from tipilot.governance.enums import RoleKind
from tipilot.governance.models import CopilDecision


def grow(size: int) -> None:
    """``size`` territories, each with a contract (2 signatories, an amendment, a document)
    and a COPIL meeting (2 members present, a decision on the territory)."""
    for territory in make_programme(size):
        contract = ContractFactory(territory=territory)
        for public_office in (True, False):
            Signatory.objects.create(
                contract=contract,
                organisation=OrganisationFactory(),
                representative=PersonFactory(public_office=public_office),
            )
        Amendment.objects.create(
            contract=contract, number=1, title="Avenant", started_on=dt.date(2024, 1, 1)
        )
        ContractDocument.objects.create(
            contract=contract, kind="contract", title="Contrat", file="c.pdf", size=3
        )
        meeting = CopilMeetingFactory(region=Region.objects.get(code="84"))
        meeting.members_present.set(PersonFactory.create_batch(2))
        CopilDecision.objects.create(
            meeting=meeting, kind="composition_change", territory=territory, text="Entrée"
        )


@pytest.mark.parametrize(
    ("url", "reader", "expected"),
    [
        # count, page, regions, signatories (organisation, representative joined), amendments,
        # documents
        ("/api/v1/contracts/", "anonymous", 6),
        ("/api/v1/contracts/?region=84&state=preparation", "anonymous", 6),
        # + the token, the reader's roles (its scope)
        ("/api/v1/contracts/", "national", 8),
        # count, page, decisions (territory, amendment joined), members present
        ("/api/v1/copil-meetings/", "anonymous", 4),
        ("/api/v1/copil-meetings/?region=84&year=2024", "anonymous", 4),
        ("/api/v1/copil-meetings/", "national", 6),
    ],
)
def test_list_queries_do_not_grow(db, client, django_assert_num_queries, url, reader, expected):
    if reader != "anonymous":
        from tests.api.v1.governance.records import api_for

        client = api_for(user_with_role(RoleKind.NATIONAL_TEAM))
    grow(2)
    small = queries_for(client, url)
    grow(6)
    assert queries_for(client, url) == small
    with django_assert_num_queries(expected):
        assert client.get(url).json()["count"] == 8
