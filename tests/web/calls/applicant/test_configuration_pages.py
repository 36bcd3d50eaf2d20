"""The national team creates, configures and publishes a call through the pages."""

import datetime as dt

import pytest

from tests.actions.factories import measure
from tests.calls.factories import ApplicationFactory, CallFactory, QuestionFactory
from tipilot.calls.enums import QuestionKind
from tipilot.calls.models import Answer, Call

from .conftest import text


def general(world, **changes) -> dict:
    data = {
        "title": "AMI écoles de production",
        "slug": "ami-ecoles",
        "summary": "Ouvrir des écoles de production.",
        "measure": measure().pk,
        "operator": world.operator.pk,
        "funder_category": "operator",
        "requires_labelled_territory": "on",
        "applicant_kinds": ["school", "commune"],
        "regions": [world.region_a.pk],
        "naf_prefixes": "85, 85.32",
        "amount_max": "300000",
    }
    data.update(changes)
    return data


def rows(prefix: str, items: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(items)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate(items):
        data.update({f"{prefix}-{index}-{key}": value for key, value in item.items()})
    return data


def configuration(world, windows=(), questions=(), criteria=(), initial=(0, 0, 0), **changes):
    return {
        **general(world, **changes),
        **rows("fenetres", list(windows), initial[0]),
        **rows("questions", list(questions), initial[1]),
        **rows("criteres", list(criteria), initial[2]),
    }


WINDOW = {
    "name": "Vague 1",
    "opens_on": "2027-01-04",
    "opens_time": "09:00",
    "closes_on": "2027-03-28",
    "closes_time": "23:59:59",
}


@pytest.mark.parametrize("who", ["pilot", "instructor", "nobody"])
def test_only_the_national_team_configures(world, client, who):
    call = CallFactory()
    client.force_login(getattr(world, who))
    assert client.get("/appels/nouveau/").status_code == 403
    assert client.get(f"/appels/{call.slug}/configurer/").status_code == 403
    assert client.post(f"/appels/{call.slug}/publier/").status_code == 403


def test_create_then_configure_then_publish(world, client):
    client.force_login(world.national)
    assert client.get("/appels/nouveau/").status_code == 200
    response = client.post("/appels/nouveau/", general(world))
    assert response.status_code == 302 and response["Location"] == "/appels/ami-ecoles/configurer/"
    call = Call.objects.get(slug="ami-ecoles")
    assert call.naf_prefixes == ["85", "85.32"] and not call.is_published
    assert sorted(call.applicant_kinds) == ["commune", "school"]
    assert client.get("/appels/ami-ecoles/configurer/").status_code == 200
    data = configuration(
        world,
        windows=[WINDOW],
        questions=[
            {"label": "Projet pédagogique", "kind": "long_text", "required": "on", "position": "1"},
            {
                "label": "Public visé",
                "kind": "choice",
                "choices": "Jeunes\nAdultes\n",
                "position": "2",
            },
            {"label": "Budget prévisionnel", "kind": "file", "required": "on"},
        ],
        criteria=[{"label": "Ancrage local", "weight": "2", "max_score": "5"}],
    )
    response = client.post("/appels/ami-ecoles/configurer/", data)
    assert response.status_code == 302, text(response)
    window = call.windows.get()
    assert window.closes_at == dt.datetime(2027, 3, 28, 21, 59, 59, tzinfo=dt.UTC)  # UTC+2
    assert window.opens_at == dt.datetime(2027, 1, 4, 8, 0, tzinfo=dt.UTC)  # UTC+1
    assert list(call.questions.values_list("label", "kind")) == [
        ("Projet pédagogique", "long_text"),
        ("Public visé", "choice"),
        ("Budget prévisionnel", "file"),
    ]
    assert call.questions.get(kind="choice").choices == ["Jeunes", "Adultes"]
    assert call.criteria.get().weight == 2
    response = client.post("/appels/ami-ecoles/publier/")
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.is_published
    html = text(client.get("/appels/ami-ecoles/"))
    assert "28 mars 2027 à 23 h 59 min 59 s (heure de Paris)" in html


def test_nonexistent_dst_time_is_refused_and_nothing_written(world, client):
    call = CallFactory(slug="ami-ecoles", open_window=False)
    client.force_login(world.national)
    bad = {**WINDOW, "closes_time": "02:30"}
    data = configuration(
        world,
        windows=[bad],
        questions=[{"label": "Q", "kind": "short_text"}],
        title="Titre changé",
    )
    response = client.post("/appels/ami-ecoles/configurer/", data)
    assert response.status_code == 400
    html = text(response)
    assert "L'heure « 28 mars 2027 à 02 h 30 » n'existe pas à Paris" in html
    assert "Rien n'a été enregistré" in html
    call.refresh_from_db()
    assert (
        call.title != "Titre changé" and not call.windows.exists() and not call.questions.exists()
    )


def test_bad_naf_list_is_refused(world, client):
    client.force_login(world.national)
    response = client.post("/appels/nouveau/", general(world, naf_prefixes="25, 2"))
    assert response.status_code == 400
    assert "« 2 » n'est pas un début de code NAF" in text(response)


def test_answered_question_cannot_be_removed_from_the_page(world, client):
    call = CallFactory(slug="ami-ecoles", open_window=False)
    question = QuestionFactory(call=call, label="Motivation", kind=QuestionKind.SHORT_TEXT)
    Answer.objects.create(application=ApplicationFactory(call=call), question=question, value="x")
    client.force_login(world.national)
    data = configuration(
        world,
        questions=[
            {"id": question.pk, "label": "Motivation", "kind": "short_text", "DELETE": "on"},
            {"label": "Nouvelle", "kind": "short_text"},
        ],
        initial=(0, 1, 0),
    )
    response = client.post("/appels/ami-ecoles/configurer/", data)
    assert response.status_code == 400
    assert "ne peut plus être supprimée" in text(response)
    assert list(call.questions.values_list("label", flat=True)) == ["Motivation"]


def test_a_row_of_another_call_is_refused(world, client):
    CallFactory(slug="ami-ecoles", open_window=False)
    foreign = QuestionFactory(label="Ailleurs")
    client.force_login(world.national)
    data = configuration(
        world,
        questions=[{"id": foreign.pk, "label": "Volée", "kind": "short_text"}],
        initial=(0, 1, 0),
    )
    response = client.post("/appels/ami-ecoles/configurer/", data)
    assert response.status_code == 400
    foreign.refresh_from_db()
    assert foreign.label == "Ailleurs"


def test_publish_without_window_says_why(world, client):
    CallFactory(slug="ami-ecoles", is_published=False, published_at=None, open_window=False)
    client.force_login(world.national)
    response = client.post("/appels/ami-ecoles/publier/", follow=True)
    assert "Ajoutez au moins une période de dépôt" in text(response)
