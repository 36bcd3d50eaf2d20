"""The instruction desk: who sees what, filters, counts, pagination, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.calls.factories import ApplicationFactory, CallFactory
from tests.calls.instruction_setup import at_status, in_review, make_call, submitted
from tests.governance.factories import OrganisationFactory, user_with_role
from tipilot.calls.enums import ApplicationStatus as S
from tipilot.calls.services import instruction as svc
from tipilot.governance.enums import OrganisationKind, RoleKind

pytestmark = pytest.mark.django_db
URL = "/appels/instruction/"


def refs(response) -> set[str]:
    return {a.reference for a in response.context["page_obj"]}


def test_anonymous_visitors_log_in_and_applicants_are_refused(client, world):
    assert client.get(URL).status_code == 302
    client.force_login(world.nobody)
    assert client.get(URL).status_code == 403


def test_each_role_sees_its_own_applications_and_never_drafts(client, world):
    call = make_call()
    in_84 = submitted(world, call=call)
    in_27 = submitted(world, call=call, territory=world.t3)
    in_t2 = in_review(world, call=call, territory=world.t2)
    draft = ApplicationFactory(call=call, territory=world.t1)
    withdrawn = submitted(world, call=call)
    withdrawn.withdraw()
    withdrawn.save()
    other_operator = OrganisationFactory(kind=OrganisationKind.OPERATOR)
    foreign = submitted(world, call=CallFactory(operator=other_operator))
    expected = {
        "national": {in_84, in_27, in_t2, withdrawn, foreign},
        "instructor": {in_84, in_27, in_t2, withdrawn},
        "pilot": {in_84, in_t2, foreign},  # whatever the operator: the region's projects
        "other_pilot": {in_27},
        "team": {in_84, foreign},
        "binome": {in_84, foreign},
    }
    for role, visible in expected.items():
        client.force_login(getattr(world, role))
        response = client.get(URL)
        assert response.status_code == 200, role
        assert refs(response) == {a.reference for a in visible}, role
        assert draft.reference not in response.content.decode()
    client.force_login(user_with_role(RoleKind.OPERATOR_INSTRUCTOR, operator=other_operator))
    assert refs(client.get(URL)) == {foreign.reference}


def test_reopened_applications_stay_on_their_instructors_desk(client, world):
    call = make_call()
    reopened = in_review(world, call=call)
    svc.application_reopen(application=reopened, by=world.instructor, reason="Pièce manquante")
    never_deposited = ApplicationFactory(call=call, territory=world.t1)
    for role, sees in {"national": True, "instructor": True, "pilot": False, "team": False}.items():
        client.force_login(getattr(world, role))
        response = client.get(URL)
        assert (reopened.reference in refs(response)) is sees, role
        assert never_deposited.reference not in refs(response), role
    client.force_login(world.instructor)
    response = client.get(URL, {"statut": "draft"})
    assert refs(response) == {reopened.reference}
    assert "Rouverte : 1" in response.content.decode()


def test_filters_and_counts(client, world):
    call = make_call()
    other_call = make_call()
    a = at_status(world, S.IN_REVIEW, call=call)
    b = at_status(world, S.REJECTED, call=call, territory=world.t3)
    c = submitted(world, call=other_call, title="Fonderie Dupont")
    svc.application_assign(application=a, instructor=world.instructor, by=world.national)
    client.force_login(world.instructor)
    assert refs(client.get(URL, {"appel": call.slug})) == {a.reference, b.reference}
    assert refs(client.get(URL, {"statut": "rejected"})) == {b.reference}
    assert refs(client.get(URL, {"region": "27"})) == {b.reference}
    assert refs(client.get(URL, {"territoire": "ti-8401"})) == {a.reference, c.reference}
    assert refs(client.get(URL, {"mes-dossiers": "1"})) == {a.reference}
    assert refs(client.get(URL, {"q": "fonderie"})) == {c.reference}
    assert refs(client.get(URL, {"statut": "inconnu"})) == set()
    response = client.get(URL, {"appel": call.slug, "statut": "rejected"})
    counts = {c["value"]: c["count"] for c in response.context["counts"]}
    assert counts["in_review"] == 1 and counts["rejected"] == 1 and counts["submitted"] == 0
    assert counts["draft"] == 0  # « Rouverte »: drafts on the desk are reopened applications
    body = response.content.decode()
    assert "En instruction : 1" in body and 'id="mes-dossiers"' in body


def test_the_desk_shows_the_score_out_of_twenty(client, world):
    application = in_review(world)
    first, second = application.call.criteria.order_by("position")
    svc.score_save(application=application, criterion=first, by=world.national, value=4)
    svc.score_save(application=application, criterion=second, by=world.national, value=10)
    client.force_login(world.national)
    row = client.get(URL).content.decode().split(f'id="application-{application.reference}"')[1]
    assert "17,3" in row.split("</tr>")[0]  # (4/5×2 + 10/10×1)/3 × 20


def test_pagination(client, world):
    call = make_call()
    for _ in range(3):
        submitted(world, call=call)
    client.force_login(world.national)
    from tipilot.web.calls.instruction import desk

    desk.PAGE_SIZE, old = 2, desk.PAGE_SIZE
    try:
        first = client.get(URL)
        second = client.get(URL, {"page": 2})
    finally:
        desk.PAGE_SIZE = old
    assert len(refs(first)) == 2 and len(refs(second)) == 1
    assert "Suivante" in first.content.decode()


def _grow(world, call, n):
    for i in range(n):
        application = in_review(world, call=call, territory=(world.t1, world.t3)[i % 2])
        svc.application_assign(
            application=application, instructor=world.instructor, by=world.national
        )
        svc.score_save(
            application=application,
            criterion=call.criteria.first(),
            by=world.instructor,
            value=3,
        )


@pytest.mark.parametrize("role", ["national", "instructor", "pilot"])
def test_the_desk_costs_the_same_queries_at_two_sizes(client, world, role):
    call = make_call()
    client.force_login(getattr(world, role))
    _grow(world, call, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL).status_code == 200
    _grow(world, call, 8)
    with CaptureQueriesContext(connection) as large:
        response = client.get(URL)
    assert len(response.context["page_obj"]) > 2
    assert len(small.captured_queries) == len(large.captured_queries)
