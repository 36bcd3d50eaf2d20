"""The measures, actions and funding-lines lists run as many SQL queries for 2 territories'
actions as for 8, each with its measures, themes, porteur and funding lines."""

import pytest

from tests.actions.factories import grow_actions
from tests.api.v1.governance.records import api_for
from tests.factories import make_programme
from tests.governance.factories import user_with_role
from tests.querycount import queries_for
from tipilot.governance.enums import RoleKind


def grow(size: int) -> None:
    grow_actions(make_programme(size))


@pytest.mark.parametrize(
    ("url", "reader", "expected"),
    [
        # count, page (with totals by subquery), operators
        ("/api/v1/measures/", "anonymous", 3),
        # count, page (territory, generation, axis, porteur joined; totals), measures, themes
        ("/api/v1/actions/", "anonymous", 4),
        ("/api/v1/actions/?region=84&measure=vte&tag=decarbonation&status=idea", "anonymous", 4),
        ("/api/v1/actions/?is_relocation=false&updated_since=2020-01-01T00:00:00Z", "anonymous", 4),
        # + the token
        ("/api/v1/actions/", "national", 5),
        # count, page (action, territory, funder, measure joined)
        ("/api/v1/funding-lines/", "anonymous", 2),
        ("/api/v1/funding-lines/?region=84&funder_category=operator", "anonymous", 2),
    ],
)
def test_list_queries_do_not_grow(db, client, django_assert_num_queries, url, reader, expected):
    if reader != "anonymous":
        client = api_for(user_with_role(RoleKind.NATIONAL_TEAM))
    grow(2)
    small = queries_for(client, url)
    grow(6)
    assert queries_for(client, url) == small
    with django_assert_num_queries(expected):
        assert client.get(url).json()["count"] > 0
