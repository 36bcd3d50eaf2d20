"""Measures, fiches actions and funding lines through the API: open reads without personal
data, filters, and writes through the services (403, 400 in French, 409)."""

from decimal import Decimal

import pytest

from tests.actions.factories import ActionFactory, FundingLineFactory, TagFactory, measure
from tests.api.v1.governance.records import api_for
from tipilot.actions.enums import Decision, FunderCategory
from tipilot.actions.models import Action, FundingLine

ACTIONS, LINES, MEASURES = "/api/v1/actions/", "/api/v1/funding-lines/", "/api/v1/measures/"


def detail(action) -> str:
    return f"{ACTIONS}{action.external_id}/"


@pytest.fixture
def filled(world):
    fund = measure("fonds-acceleration")
    action = ActionFactory(
        territory=world.t1, title="Usine de batteries", lead=world.operator, is_relocation=True
    )
    action.measures.set([fund])
    action.tags.set([TagFactory(slug="friche", name="Friche")])
    fund_line = FundingLineFactory(
        action=action,
        position=1,
        measure=fund,
        amount_requested=Decimal(400_000),
        amount_committed=Decimal(300_000),
        amount_paid=Decimal(100_000),
        decision=Decision.GRANTED,
        decided_by=world.instructor,
    )
    region_line = FundingLineFactory(
        action=action, position=2, funder_category=FunderCategory.REGION, amount_requested=50
    )
    other = ActionFactory(territory=world.t3, title="Fonderie", is_fragile_territory=True)
    FundingLineFactory(action=other, position=1, funder=world.operator, amount_requested=7)
    world.fund, world.action, world.other = fund, action, other
    world.fund_line, world.region_line = fund_line, region_line
    return world


def test_measures_with_their_totals(filled, get_json):
    body = get_json(MEASURES)
    assert body["count"] >= 18
    fund = next(m for m in body["results"] if m["code"] == "fonds-acceleration")
    assert (fund["committed"], fund["paid"], fund["requested"], fund["action_count"]) == (
        "300000.00",
        "100000.00",
        "400000.00",
        1,
    )
    assert fund["envelope"] == "850000000.00" and fund["axis"] == "innover"
    assert [o["name"] for o in fund["operators"]] == ["Bpifrance"]
    assert get_json(f"{MEASURES}{filled.fund.pk}/") == fund


def test_action_detail_with_its_plan_and_no_personal_data(filled, client, get_json):
    body = get_json(detail(filled.action))
    assert body["territory"] == {
        "generation": "2023-2027",
        "identifier": "ti-8401",
        "name": "Territoire ti-8401",
    }
    assert (body["status"], body["status_label"], body["axis"]) == ("idea", "Idée", "innover")
    assert body["measures"] == ["fonds-acceleration"] and body["tags"] == ["friche"]
    assert (body["lead"], body["lead_name"]) == (filled.operator.pk, "Bpifrance")
    assert (body["requested"], body["committed"], body["paid"]) == (
        "400050.00",
        "300000.00",
        "100000.00",
    )
    assert [line["position"] for line in body["funding_lines"]] == [1, 2]
    assert body["funding_lines"][0]["measure"] == "fonds-acceleration"
    raw = client.get(detail(filled.action)).content.decode()
    raw += client.get(LINES).content.decode()
    for private in ("decided_by", filled.instructor.username, filled.instructor.email):
        assert private not in raw
    listed = next(
        a for a in get_json(ACTIONS)["results"] if a["external_id"] == body["external_id"]
    )
    assert "funding_lines" not in listed and listed["committed"] == "300000.00"
    assert client.get(f"{ACTIONS}FA-NONE/").status_code == 404


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({}, {"Usine de batteries", "Fonderie"}),
        ({"region": "27"}, {"Fonderie"}),
        ({"territory": "ti-8401", "generation": "2023-2027"}, {"Usine de batteries"}),
        ({"axis": "recruter"}, set()),
        ({"status": "idea"}, {"Usine de batteries", "Fonderie"}),
        ({"measure": "fonds-acceleration"}, {"Usine de batteries"}),
        ({"tag": "friche"}, {"Usine de batteries"}),
        ({"is_relocation": "true"}, {"Usine de batteries"}),
        ({"is_fragile_territory": "true"}, {"Fonderie"}),
        ({"updated_since": "2000-01-01T00:00:00+01:00"}, {"Usine de batteries", "Fonderie"}),
        ({"updated_since": "2999-01-01T00:00:00"}, set()),
    ],
)
def test_action_filters(filled, get_json, query, titles):
    assert {a["title"] for a in get_json(ACTIONS, **query)["results"]} == titles


def test_bad_filter_is_a_400(filled, client):
    assert client.get(ACTIONS, {"status": "done"}).status_code == 400
    assert client.get(LINES, {"decision": "maybe"}).status_code == 400


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ({}, 3),
        ({"region": "84"}, 2),
        ({"territory": "ti-2701"}, 1),
        ({"funder_category": "region"}, 1),
        ({"measure": "fonds-acceleration"}, 1),
        ({"decision": "granted"}, 1),
        ({"decision": "pending", "region": "84"}, 1),
    ],
)
def test_funding_line_filters(filled, get_json, query, count):
    assert get_json(LINES, **query)["count"] == count


def test_funding_line_filters_by_action_and_funder(filled, get_json):
    [line] = get_json(LINES, funder=filled.operator.siren)["results"]
    assert line["action"] == filled.other.external_id
    assert (line["funder"], line["funder_name"], line["funder_siren"]) == (
        filled.operator.pk,
        "Bpifrance",
        filled.operator.siren,
    )
    assert get_json(LINES, action=filled.action.external_id)["count"] == 2


def test_writes_need_an_account(filled, client):
    assert client.patch(detail(filled.action), {"title": "x"}, "application/json").status_code in (
        401,
        403,
    )
    assert client.post(ACTIONS, {}, "application/json").status_code in (401, 403)


def test_team_creates_and_updates_an_action(filled):
    api = api_for(filled.team)
    new = {
        "generation": "2023-2027",
        "territory": "ti-8401",
        "title": "Centre de formation",
        "axis": "recruter",
        "nature": "public",
        "measures": ["fonds-acceleration"],
        "tags": ["friche"],
        "commune": None,
        "jobs_created_planned": 4,
    }
    response = api.post(ACTIONS, new, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["external_id"].startswith("FA-2023-ti-8401-")
    assert (body["axis"], body["jobs_created_planned"], body["version"]) == ("recruter", 4, 1)
    created = Action.objects.get(external_id=body["external_id"])
    assert created.history.first().history_user == filled.team
    assert api.post(ACTIONS, {**new, "territory": "ti-2701"}, format="json").status_code == 403
    bad = api.post(ACTIONS, {**new, "axis": "nowhere", "naf_code": "x"}, format="json")
    assert bad.status_code == 400 and "axis" in bad.json()
    missing = api.post(ACTIONS, {**new, "territory": "ti-9999"}, format="json")
    assert missing.status_code == 404
    url = detail(created)
    changed = api.patch(
        url, {"title": "Campus", "version": 1, "status": "completed"}, format="json"
    )
    assert changed.status_code == 200
    assert (changed.json()["title"], changed.json()["status"]) == ("Campus", "idea")
    conflict = api.patch(url, {"title": "Autre", "version": 1}, format="json")
    assert conflict.status_code == 409 and "quelqu'un d'autre" in conflict.json()["detail"]
    naf = api.patch(url, {"naf_code": "2562", "version": 2}, format="json")
    assert naf.status_code == 400
    assert "Un code NAF s'écrit comme « 25.62A »" in str(naf.json())


@pytest.mark.parametrize("who", ["other_pilot", "copil", "instructor", "nobody"])
def test_others_may_not_change_the_action(filled, who):
    api = api_for(getattr(filled, who))
    url = detail(filled.action)
    response = api.patch(url, {"title": "x", "version": 1}, format="json")
    assert response.status_code == 403
    assert response.json()["detail"] == "Vous ne pouvez pas modifier cette action."
    assert api.post(f"{url}transition/", {"name": "engage"}, format="json").status_code == 403


def test_transition(filled):
    api = api_for(filled.pilot)
    url = f"{detail(filled.action)}transition/"
    done = api.post(url, {"name": "engage", "on": "2024-03-01", "version": 1}, format="json")
    assert done.status_code == 200
    assert (done.json()["status"], done.json()["engaged_on"]) == ("engaged", "2024-03-01")
    wrong = api.post(url, {"name": "complete"}, format="json")
    assert wrong.status_code == 400
    assert wrong.json()["transition"] == ["« Achever » est impossible depuis « Engagée »."]
    assert api.post(url, {"name": "start", "version": 1}, format="json").status_code == 409
    assert api.post(url, {"name": "fly"}, format="json").status_code == 400


def test_funding_lines_plan_and_decision(filled):
    team, instructor = api_for(filled.team), api_for(filled.instructor)
    add = f"{detail(filled.action)}funding-lines/"
    plan = {"funder_category": "operator", "measure": "fonds-acceleration", "amount_requested": "9"}
    created = team.post(add, plan, format="json")
    assert created.status_code == 201 and created.json()["position"] == 3
    assert team.post(add, {**plan, "decision": "granted"}, format="json").status_code == 403
    assert instructor.post(add, plan, format="json").status_code == 403
    line = f"{LINES}{created.json()['id']}/"
    decided = instructor.patch(
        line, {"decision": "granted", "amount_committed": "9", "committed_on": "2024-05-01"},
        format="json",
    )  # fmt: skip
    assert decided.status_code == 200 and decided.json()["decision"] == "granted"
    assert FundingLine.objects.get(pk=created.json()["id"]).decided_by == filled.instructor
    too_much = instructor.patch(line, {"amount_paid": "10"}, format="json")
    assert too_much.status_code == 400
    assert "Le montant décaissé dépasse le montant engagé." in str(too_much.json())
    assert instructor.patch(line, {"amount_requested": "1"}, format="json").status_code == 403
    region = f"{LINES}{filled.region_line.pk}/"
    assert instructor.patch(region, {"decision": "refused"}, format="json").status_code == 403
    assert team.patch(region, {"amount_requested": "60"}, format="json").status_code == 200
    assert team.delete(line).status_code == 400  # committed: set to 0 instead
    assert team.delete(region).status_code == 204
    assert api_for(filled.other_pilot).delete(line).status_code == 403
    assert team.get(f"{LINES}999999/").status_code == 404


def test_answers_match_the_schema(filled, openapi, rf):
    from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse

    api = api_for(filled.pilot)

    def check(method, url, data=None):
        response = getattr(api, method)(url, data, format="json")
        request = rf.generic(method.upper(), url)
        request.resolver_match = response.wsgi_request.resolver_match
        openapi.validate_response(DjangoOpenAPIRequest(request), DjangoOpenAPIResponse(response))
        return response.status_code

    url = detail(filled.action)
    assert check("get", MEASURES) == 200
    assert check("get", f"{MEASURES}{filled.fund.pk}/") == 200
    assert check("get", ACTIONS) == 200
    assert check("get", url) == 200
    assert check("get", LINES) == 200
    assert check("get", f"{LINES}{filled.fund_line.pk}/") == 200
    new = {"generation": "2023-2027", "territory": "ti-8402", "title": "A", "axis": "innover"}
    assert check("post", ACTIONS, {**new, "nature": "public"}) == 201
    assert check("post", ACTIONS, new) == 400
    assert check("patch", url, {"title": "B", "version": 1}) == 200
    assert check("patch", url, {"title": "C", "version": 1}) == 409
    assert check("patch", detail(filled.other), {"title": "C", "version": 1}) == 403
    assert check("post", f"{url}transition/", {"name": "prepare"}) == 200
    assert check("post", f"{url}funding-lines/", {"funder_category": "eu"}) == 201
    assert check("patch", f"{LINES}{filled.region_line.pk}/", {"decision": "refused"}) == 200
    assert check("delete", f"{LINES}{filled.region_line.pk}/") == 204
