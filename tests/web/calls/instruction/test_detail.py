"""One application's instruction page, and its forms posted through the client."""

from decimal import Decimal

import pytest

from tests.calls.factories import ApplicationFactory, QuestionFactory
from tests.calls.instruction_setup import at_status, in_review, make_call, pdf, submitted
from tipilot.actions.models import Action
from tipilot.calls.enums import ApplicationStatus as S
from tipilot.calls.enums import QuestionKind
from tipilot.calls.models import Application, Opinion, Score
from tipilot.calls.services import instruction as svc

pytestmark = pytest.mark.django_db


def url(application, step: str = "") -> str:
    return f"/appels/instruction/{application.reference}/{step}"


def test_who_may_open_the_page(client, world):
    application = submitted(world)
    assert client.get(url(application)).status_code == 302
    for role, code in [
        ("nobody", 403),
        ("other_pilot", 403),
        ("copil", 403),
        ("national", 200),
        ("instructor", 200),
        ("pilot", 200),
        ("team", 200),
    ]:
        client.force_login(getattr(world, role))
        assert client.get(url(application)).status_code == code, role
    client.force_login(application.applicant)  # the applicant has their own page
    assert client.get(url(application)).status_code == 403
    client.force_login(world.national)
    assert client.get("/appels/instruction/INCONNUE/").status_code == 404
    draft = ApplicationFactory(call=application.call)
    assert client.get(url(draft)).status_code == 404


def test_the_page_shows_everything_filed(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call = make_call()
    text = QuestionFactory(call=call, label="Décrivez l'innovation", kind=QuestionKind.LONG_TEXT)
    amount = QuestionFactory(call=call, label="Montant des fonds propres", kind=QuestionKind.AMOUNT)
    multi = QuestionFactory(
        call=call, label="Marchés", kind=QuestionKind.MULTIPLE_CHOICE, choices=["Europe", "Monde"]
    )
    yes_no = QuestionFactory(call=call, label="Déjà aidé ?", kind=QuestionKind.YES_NO)
    upload = QuestionFactory(call=call, label="Plan d'affaires", kind=QuestionKind.FILE)
    answers = {
        text: "Procédé breveté",
        amount: "250000",
        multi: ["Europe", "Monde"],
        yes_no: False,
        upload: pdf("plan.pdf"),
    }
    application = submitted(world, call=call, answers=answers)
    application.eligibility = [
        {
            "rule": "territory",
            "label": "Projet en territoire d'industrie",
            "ok": True,
            "message": "",
        },
        {
            "rule": "amount",
            "label": "Montant demandé",
            "ok": False,
            "message": "Au-delà du plafond",
        },
    ]
    application.save()
    client.force_login(world.instructor)
    body = client.get(url(application)).content.decode()
    for expected in (
        "Procédé breveté",
        "250\xa0000,00 €",
        "Europe, Monde",
        "Non",
        f"/appels/candidatures/{application.reference}/fichiers/{upload.pk}/",
        "plan.pdf",
        "Au-delà du plafond",
        "non conforme",
        application.organisation.siren,
        "Territoire ti-8401",
        'id="eligibility-form"',
        'id="assign-form"',
        'id="reopen-form"',
        "Chronologie",
    ):
        assert expected in body, expected
    assert 'id="decision-form"' not in body  # not yet eligible
    assert 'id="opinion-region-form"' not in body


def test_pilots_and_teams_read_and_give_only_their_opinion(client, world):
    application = in_review(world)
    client.force_login(world.pilot)
    body = client.get(url(application)).content.decode()
    assert 'id="opinion-region-form"' in body and 'id="opinion-territory-form"' not in body
    for form in ("eligibility-form", "assign-form", "score-form", "decision-form", "reopen-form"):
        assert f'id="{form}"' not in body
    client.force_login(world.team)
    body = client.get(url(application)).content.decode()
    assert 'id="opinion-territory-form"' in body and 'id="opinion-region-form"' not in body
    for step in ("recevabilite/", "decision/", "reouverture/", "notes/", "affectation/"):
        assert client.post(url(application, step), {}).status_code == 403, step
    assert client.post(url(application, "avis/region/"), {}).status_code == 403
    response = client.post(
        url(application, "avis/territory/"),
        {"territory-verdict": "favourable", "territory-text": "Projet attendu"},
    )
    assert response.status_code == 302
    assert Opinion.objects.get(application=application).author == world.team
    assert client.post(url(application, "avis/copil/"), {}).status_code == 404


def test_eligibility_through_the_page(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    application = submitted(world)
    client.force_login(world.instructor)
    response = client.post(url(application, "recevabilite/"), {"eligible": "0", "note": ""})
    assert response.status_code == 400
    assert "Indiquez le motif d&#x27;irrecevabilité." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(application, "recevabilite/"), {"eligible": "1", "note": ""})
    assert response.status_code == 302 and response.url == url(application)
    assert Application.objects.get(pk=application.pk).status == S.IN_REVIEW
    assert len(mailoutbox) == 1
    body = client.get(url(application)).content.decode()
    assert "Le contrôle de recevabilité est enregistré" in body
    assert 'id="eligibility-form"' not in body


def test_assign_score_and_decide_laureate(client, world):
    application = in_review(world)
    first, second = application.call.criteria.order_by("position")
    client.force_login(world.instructor)
    body = client.get(url(application)).content.decode()
    assert 'id="score-form"' not in body and "Seuls les instructeurs" in body
    response = client.post(url(application, "affectation/"), {"instructor": world.instructor.pk})
    assert response.status_code == 302
    bad = client.post(url(application, "notes/"), {f"value_{first.pk}": "9"})
    assert bad.status_code == 400 and "inférieure ou égale à 5" in bad.content.decode()
    empty = client.post(url(application, "notes/"), {})
    assert empty.status_code == 400 and "Donnez au moins une note." in empty.content.decode()
    response = client.post(
        url(application, "notes/"),
        {f"value_{first.pk}": "5", f"comment_{first.pk}": "Fort", f"value_{second.pk}": "5"},
    )
    assert response.status_code == 302
    assert Score.objects.filter(application=application, instructor=world.instructor).count() == 2
    body = client.get(url(application)).content.decode()
    assert "16,7 / 20" in body and "Fort" in body
    too_much = client.post(
        url(application, "decision/"),
        {"outcome": "laureate", "reason": "Excellent", "amount_granted": "300000"},
    )
    assert too_much.status_code == 400
    assert "dépasse l&#x27;aide demandée" in too_much.content.decode()
    response = client.post(
        url(application, "decision/"),
        {"outcome": "laureate", "reason": "Excellent", "amount_granted": "180000"},
    )
    assert response.status_code == 302
    done = Application.objects.get(pk=application.pk)
    assert done.status == S.LAUREATE and done.amount_granted == Decimal("180000")
    action = Action.objects.get(pk=done.action_id)
    body = client.get(url(application)).content.decode()
    assert f"/fiches-actions/{action.external_id}/" in body and 'id="decision-form"' not in body
    assert "Décision : Lauréat" in body  # the history


def test_unassign_through_the_page(client, world):
    application = in_review(world)
    svc.application_assign(application=application, instructor=world.instructor, by=world.national)
    client.force_login(world.national)
    response = client.post(
        url(application, "affectation/retirer/"), {"instructor": world.instructor.pk}
    )
    assert response.status_code == 302 and not application.assignments.exists()
    response = client.post(
        url(application, "affectation/retirer/"), {"instructor": world.instructor.pk}
    )
    assert response.status_code == 400


def test_reopen_through_the_page(client, world):
    application = in_review(world)
    client.force_login(world.instructor)
    response = client.post(url(application, "reouverture/"), {"reason": " "})
    assert response.status_code == 400
    response = client.post(url(application, "reouverture/"), {"reason": "Pièce manquante"})
    assert response.status_code == 302 and response.url == "/appels/instruction/"
    assert Application.objects.get(pk=application.pk).status == S.DRAFT
    assert "est rouverte" in client.get("/appels/instruction/").content.decode()


def test_a_reopened_application_reads_as_such_without_instruction_forms(client, world):
    application = in_review(world)
    svc.application_reopen(application=application, by=world.instructor, reason="Pièce manquante")
    client.force_login(world.instructor)
    body = client.get(url(application)).content.decode()
    assert 'id="reopened-notice"' in body and "Rouverte" in body and "Pièce manquante" in body
    for form in ("eligibility-form", "decision-form", "reopen-form", "score-form"):
        assert f'id="{form}"' not in body
    posts = {
        "recevabilite/": {"eligible": "1", "note": "ok"},
        "decision/": {"outcome": "laureate", "reason": "Bon projet", "amount_granted": "1000"},
        "reouverture/": {"reason": "Encore"},
        "affectation/": {"instructor": world.instructor.pk},
    }
    for step, data in posts.items():
        assert client.post(url(application, step), data).status_code in {400, 403, 409}, step
    assert Application.objects.get(pk=application.pk).status == S.DRAFT
    assert not application.assignments.exists()
    client.force_login(world.pilot)  # pilots follow what is under instruction only
    assert client.get(url(application)).status_code in {403, 404}
    client.force_login(world.instructor)
    draft = ApplicationFactory(call=application.call, territory=world.t1)
    assert client.get(url(draft)).status_code == 404


def test_decided_applications_show_the_decision_read_only(client, world):
    application = at_status(world, S.REJECTED)
    client.force_login(world.instructor)
    body = client.get(url(application)).content.decode()
    assert "Refusée" in body and "Motif" in body
    for form in ("eligibility-form", "decision-form", "reopen-form", "assign-form"):
        assert f'id="{form}"' not in body
    assert client.get(url(application, "decision/")).status_code == 405


def test_the_header_links_the_desk_for_followers_only(client, world):
    client.force_login(world.team)
    assert 'id="instruction-desk-link"' in client.get("/").content.decode()
    client.force_login(world.nobody)
    assert 'id="instruction-desk-link"' not in client.get("/").content.decode()


def test_the_page_costs_the_same_queries_whatever_its_timeline(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.governance.factories import user_with_role
    from tipilot.governance.enums import RoleKind

    application = in_review(world)
    svc.application_assign(application=application, instructor=world.instructor, by=world.national)
    client.force_login(world.national)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url(application)).status_code == 200
        return len(ctx.captured_queries)

    small = queries()
    for _ in range(3):
        instructor = user_with_role(RoleKind.OPERATOR_INSTRUCTOR, operator=world.operator)
        svc.application_assign(application=application, instructor=instructor, by=world.national)
        for criterion in application.call.criteria.all():
            svc.score_save(application=application, criterion=criterion, by=instructor, value=2)
    svc.opinion_give(
        application=application, by=world.pilot, role="region", verdict="favourable", text="Oui"
    )
    assert queries() == small
