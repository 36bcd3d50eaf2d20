"""Fiches actions pages: the filtered list, the record with the buttons its reader may use,
creation and edition (with conflict detection), and the lifecycle through the forms."""

import datetime as dt
from html import unescape

import pytest
from django.urls import reverse

from tests.actions.factories import TagFactory, axis
from tipilot.actions import services
from tipilot.actions.enums import ActionStatus
from tipilot.actions.models import Action


def text(response) -> str:
    return unescape(response.content.decode())


def detail(action) -> str:
    return reverse("action-detail", args=[action.external_id])


def test_url_names():
    assert reverse("action-list") == "/fiches-actions/"
    assert reverse("action-detail", args=["FA-1"]) == "/fiches-actions/FA-1/"
    assert reverse("action-create") == "/fiches-actions/nouvelle/"
    assert reverse("territory-action-create", args=["ti-8401"]) == (
        "/territoires/ti-8401/fiches-actions/nouvelle/"
    )
    assert reverse("funding-lines-to-instruct") == "/fiches-actions/a-instruire/"


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("", ["Usine de batteries", "Fonderie du Morvan"], []),
        ("?region=84", ["Usine de batteries"], ["Fonderie du Morvan"]),
        ("?territoire=ti-2701", ["Fonderie du Morvan"], ["Usine de batteries"]),
        ("?q=usine", ["Usine de batteries"], ["Fonderie du Morvan"]),
        ("?mesure=fonds-acceleration", ["Usine de batteries"], ["Fonderie du Morvan"]),
        ("?statut=engaged", [], ["Usine de batteries", "Fonderie du Morvan"]),
        ("?relocalisation=oui", ["Fonderie du Morvan"], ["Usine de batteries"]),
        ("?fragile=non&axe=innover", ["Usine de batteries", "Fonderie du Morvan"], []),
        ("?theme=friche", ["Usine de batteries"], ["Fonderie du Morvan"]),
        ("?generation=2018-2022", [], ["Usine de batteries", "Fonderie du Morvan"]),
    ],
)
def test_list_filters(filled, client, query, shown, hidden):
    filled.other.is_relocation = True
    filled.other.save()
    filled.action.tags.set([TagFactory(slug="friche", name="Friche")])
    html = text(client.get(f"/fiches-actions/{query}"))
    table = html[html.index('id="action-table"') :]
    for title in shown:
        assert title in table, (query, title)
    for title in hidden:
        assert title not in table, (query, title)
    assert f"{len(shown)} fiche" in html


def test_public_record_shows_the_plan_and_no_button(filled, client):
    html = text(client.get(detail(filled.action)))
    assert "Usine de batteries" in html and "Territoire ti-8401" in html
    assert 'id="funding-plan"' in html and 'id="plan-totals"' in html
    assert "500\xa0000" in html  # requested: 400 000 + 100 000
    assert filled.fund.name in html
    for button in ("action-edit", "transition-", "line-add", "line-1-edit", "line-1-decide"):
        assert f'id="{button}' not in html, button
    assert "Historique des modifications" not in html
    assert client.get("/fiches-actions/FA-NONE/").status_code == 404


@pytest.mark.parametrize(
    ("who", "edits", "decides_fund", "decides_region"),
    [
        ("national", True, True, True),
        ("pilot", True, True, True),
        ("team", True, False, False),
        ("binome", True, False, False),
        ("instructor", False, True, False),
        ("other_pilot", False, False, False),
        ("copil", False, False, False),
        ("nobody", False, False, False),
    ],
)
def test_buttons_follow_the_permissions(filled, client, who, edits, decides_fund, decides_region):
    client.force_login(getattr(filled.world, who))
    html = text(client.get(detail(filled.action)))
    assert ('id="action-edit"' in html) is edits
    assert ('id="transition-engage"' in html) is edits
    assert ('id="line-add"' in html) is edits
    assert ('id="line-1-edit"' in html) is edits
    assert ('id="line-1-decide"' in html) is decides_fund
    assert ('id="line-2-decide"' in html) is decides_region
    assert ('id="transition-complete"' in html) is False  # not from « idée »
    assert ("Historique des modifications" in html) is (
        who in ("national", "pilot", "team", "binome", "copil")
    )


def _form(action, **changes) -> dict:
    data = {
        "title": action.title,
        "description": "",
        "axis": action.axis_id,
        "nature": action.nature,
        "commune": "",
        "naf_code": "",
        "total_cost": "",
        "jobs_created_planned": 0,
        "jobs_maintained_planned": 0,
        "version": action.version,
    }
    data.update(changes)
    return data


def test_team_creates_an_action_of_its_territory(filled, client):
    world = filled.world
    client.force_login(world.team)
    url = reverse("territory-action-create", args=["ti-8401"])
    assert client.get(url).status_code == 200
    data = _form(filled.action, title="Centre de formation", axis=axis("recruter").pk)
    data.update(measures=[filled.fund.pk], naf_code="25.62a", jobs_created_planned=12)
    response = client.post(url, data)
    assert response.status_code == 302
    created = Action.objects.get(title="Centre de formation")
    assert response["Location"] == detail(created)
    assert (created.territory, created.status, created.naf_code) == (
        world.t1,
        ActionStatus.IDEA,
        "25.62A",
    )
    assert list(created.measures.all()) == [filled.fund]
    assert created.history.first().history_user == world.team
    other = reverse("territory-action-create", args=["ti-2701"])
    assert client.get(other).status_code == 403
    assert client.post(other, data).status_code == 403
    assert client.get("/fiches-actions/nouvelle/?territoire=ti-8401").status_code == 200
    assert client.get("/fiches-actions/nouvelle/?territoire=ti-9999").status_code == 404


def test_creation_errors_are_shown_in_french(filled, client):
    client.force_login(filled.world.team)
    url = reverse("territory-action-create", args=["ti-8401"])
    response = client.post(url, _form(filled.action, commune="99999", naf_code="2562"))
    assert response.status_code == 400
    html = text(response)
    assert "Aucune commune n'a le code INSEE « 99999 »." in html
    assert "Un code NAF s'écrit comme « 25.62A »" in html
    assert not Action.objects.filter(territory=filled.world.t1).exclude(pk=filled.action.pk)


def test_anonymous_is_sent_to_login(filled, client):
    url = reverse("territory-action-create", args=["ti-8401"])
    assert "/comptes/" in client.get(url)["Location"]
    assert (
        "/comptes/"
        in client.get(reverse("action-edit", args=[filled.action.external_id]))["Location"]
    )


def test_edit_and_edit_conflict(filled, client):
    world = filled.world
    client.force_login(world.team)
    url = reverse("action-edit", args=[filled.action.external_id])
    assert client.get(url).status_code == 200
    assert client.post(url, _form(filled.action, title="Gigafactory")).status_code == 302
    assert Action.objects.get(pk=filled.action.pk).version == 2
    response = client.post(url, _form(filled.action, title="Usine", version=1))
    assert response.status_code == 409
    assert "modifié par quelqu'un d'autre" in text(response)
    assert Action.objects.get(pk=filled.action.pk).title == "Gigafactory"
    client.force_login(world.other_pilot)
    assert client.get(url).status_code == 403
    assert client.post(url, _form(filled.action, title="x", version=2)).status_code == 403


def test_lifecycle_through_the_forms(filled, client):
    world = filled.world
    url = reverse("action-transition", args=[filled.action.external_id])
    on = dt.date(2024, 3, 1).isoformat()
    client.force_login(world.other_pilot)
    assert client.post(url, {"name": "engage", "on": on, "version": 1}).status_code == 403
    client.force_login(world.team)
    assert client.post(url, {"name": "engage", "on": on, "version": 1}).status_code == 302
    action = Action.objects.get(pk=filled.action.pk)
    assert (action.status, action.engaged_on) == (ActionStatus.ENGAGED, dt.date(2024, 3, 1))
    html = text(client.get(detail(action)))
    assert 'id="transition-start"' in html and 'id="transition-engage"' not in html
    assert 'for="start-on"' in html and 'for="abandon-on"' in html  # one id per form
    assert "Engagée le 01/03/2024" in html
    response = client.post(url, {"name": "complete", "on": on, "version": 2})
    assert response.status_code == 400
    assert "« Achever » est impossible depuis « Engagée »." in text(response)
    response = client.post(url, {"name": "start", "on": on, "version": 1})
    assert response.status_code == 409
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    response = client.post(url, {"name": "start", "on": future, "version": 2})
    assert response.status_code == 400
    assert "La date d'effet ne peut pas être dans le futur." in text(response)
    services.action_transition(action=action, name="start", by=world.team, version=2)
    assert Action.objects.get(pk=action.pk).status == ActionStatus.IN_PROGRESS


@pytest.mark.parametrize(
    ("who", "offered"),
    [
        ("national", {"ti-8401", "ti-8402", "ti-2701"}),
        ("pilot", {"ti-8401", "ti-8402"}),
        ("team", {"ti-8401"}),
    ],
)
def test_creation_starts_by_choosing_a_territory(filled, client, who, offered):
    client.force_login(getattr(filled.world, who))
    assert 'id="action-create"' in text(client.get("/fiches-actions/"))
    html = text(client.get("/fiches-actions/nouvelle/"))
    links = html[html.index('id="choose-territory"') :]
    for identifier in ("ti-8401", "ti-8402", "ti-2701"):
        link = reverse("territory-action-create", args=[identifier])
        assert (link in links) is (identifier in offered), identifier
    assert "?generation=2023-2027" in links


@pytest.mark.parametrize("who", ["copil", "instructor", "nobody"])
def test_creation_is_refused_without_a_territory_role(filled, client, who):
    client.force_login(getattr(filled.world, who))
    assert 'id="action-create"' not in text(client.get("/fiches-actions/"))
    assert client.get("/fiches-actions/nouvelle/").status_code == 403
