"""One application from draft to laureate in a real browser: an applicant signs up, fills a
draft that saves as they type, attaches a PDF and submits; the Bpifrance instructor declares
it eligible, scores it and decides « lauréat »; the fiche action and the bilan show it."""

import re

import pytest

from tests.calls.factories import QuestionFactory
from tests.calls.instruction_setup import PDF, commune_of, make_call
from tests.governance.factories import PASSWORD, siren_with_key
from tipilot.calls.enums import QuestionKind
from tipilot.calls.models import Application

pytestmark = pytest.mark.browser
APPLICANT = "dirigeante@forges-du-val.example"
APPLICANT_PASSWORD = "Une-phrase-de-passe-solide-2026"


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def tick(scope, selector: str) -> None:
    """Tick a DSFR checkbox or radio as a person does: by clicking its label."""
    field_id = scope.locator(selector).get_attribute("id")
    scope.locator(f"label[for='{field_id}']").click()


def _sign_up(page, url: str, call) -> None:
    page.goto(f"{url}/appels/compte/creer/?next=/appels/{call.slug}/")
    page.fill("#id_email", APPLICANT)
    page.fill("#id_first_name", "Léa")
    page.fill("#id_last_name", "Forgeron")
    page.fill("#id_password1", APPLICANT_PASSWORD)
    page.fill("#id_password2", APPLICANT_PASSWORD)
    tick(page, "#id_terms")
    page.locator("#signup-form button[type=submit]").click()
    page.wait_for_url(f"**/appels/{call.slug}/")


def _start_draft(page) -> None:
    page.click("#apply-button")
    page.wait_for_selector("#start-form")
    page.fill("#id_title", "Presse hydraulique pour pièces forgées")
    page.fill("#id_siren", siren_with_key(42_424_242))
    page.fill("#id_organisation_name", "Forges du Val")
    page.select_option("#id_organisation_kind", "firm")
    page.click("#start-button")
    page.wait_for_selector("#draft-form")


def _autosave(page, selector: str, value: str) -> None:
    """Type a value and leave the field: htmx saves its group, the status says so."""
    with page.expect_response(lambda r: r.request.method == "POST" and r.status == 200):
        page.fill(selector, value)
        page.locator(selector).dispatch_event("change")


def _fill_draft(page, commune, text_question, file_question) -> None:
    _autosave(page, "#id_summary", "Une presse de 2 500 tonnes pour forger des pièces.")
    _autosave(page, "#id_commune", commune.insee_code)
    page.wait_for_selector("#draft-territory")
    _autosave(page, "#id_naf_code", "25.50A")
    _autosave(page, "#id_amount_requested", "150000")
    _autosave(page, "#id_total_cost", "900000")
    _autosave(page, "#id_jobs_created_planned", "9")
    _autosave(page, f"#id_q{text_question.pk}", "Forge à chaud, pièces pour le ferroviaire.")
    with page.expect_response(lambda r: r.request.method == "POST" and r.status == 200):
        page.set_input_files(
            f"#id_q{file_question.pk}",
            {"name": "plan-financement.pdf", "mimeType": "application/pdf", "buffer": PDF},
        )
    page.wait_for_selector(f"#file-q{file_question.pk}")


def _log_in(page, url: str, username: str) -> None:
    page.goto(f"{url}/comptes/connexion/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form:has(#id_password) button[type=submit]").click()
    page.wait_for_load_state()
    assert "connexion" not in page.url


def _instruct(page, url: str, application, world) -> None:
    page.goto(f"{url}/appels/instruction/")
    page.click(f"#application-{application.reference} a")
    page.wait_for_selector("#eligibility-form")
    tick(page, "#eligibility-form input[value='1']")
    page.locator("#eligibility-form button[type=submit]").click()
    page.wait_for_selector("#assign-form")
    assert page.text_content("#application-status").strip() == "En instruction"
    page.select_option("#assign-form select", str(world.instructor.pk))
    page.locator("#assign-form button[type=submit]").click()
    page.wait_for_selector("#score-form")
    for field in page.locator("#score-form input[type=number]").all():
        field.fill("4")
    page.locator("#score-form button[type=submit]").click()
    page.wait_for_selector("#score-average")
    assert "13,3 / 20" in page.inner_text("#score-average")  # (4/5×2 + 4/10×1) / 3 × 20
    form = page.locator("#decision-form")
    tick(form, "input[value='laureate']")
    form.locator("textarea").fill("Projet structurant pour la filière forge du territoire.")
    form.locator("input[name='amount_granted']").fill("120000")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#action-link")
    assert page.text_content("#application-status").strip() == "Lauréat"


def test_one_application_from_draft_to_laureate(
    live_server, transactional_db, world, browser_page, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    call = make_call(title="Fonds d'accélération – édition d'essai")
    text = QuestionFactory(call=call, label="Décrivez le procédé", kind=QuestionKind.LONG_TEXT)
    upload = QuestionFactory(call=call, label="Plan de financement", kind=QuestionKind.FILE)
    commune = commune_of(world.t1)
    page, url = browser_page, live_server.url

    _sign_up(page, url, call)
    _start_draft(page)
    _fill_draft(page, commune, text, upload)
    page.reload()  # what was typed was saved as it was typed
    assert page.input_value("#id_amount_requested") in {"150000", "150000.00"}
    assert page.input_value(f"#id_q{text.pk}") == "Forge à chaud, pièces pour le ferroviaire."
    page.click("#draft-submit")
    page.wait_for_selector("#application-summary")
    assert page.text_content("#application-status").strip() == "Déposée"
    application = Application.objects.get(applicant__username=APPLICANT)
    assert application.territory == world.t1

    instructor = page.context.browser.new_page()
    _log_in(instructor, url, world.instructor.username)
    _instruct(instructor, url, application, world)
    body = instructor.inner_text("#answers")
    assert "plan-financement.pdf" in body and "Forge à chaud" in body

    instructor.click("#action-link")
    instructor.wait_for_selector("#funding-plan")
    plan = instructor.inner_text("#funding-plan")
    assert "Bpifrance" in plan and "120 000" in plan.replace("\u202f", " ").replace("\xa0", " ")
    assert "Presse hydraulique" in instructor.inner_text("h1")
    instructor.goto(f"{url}/bilan/")
    committed = instructor.locator("#figure-committed span").get_attribute("title")
    assert digits(committed) == "120000"
    instructor.close()

    page.goto(f"{url}/appels/candidatures/{application.reference}/")
    assert "Lauréat" in page.inner_text("#decision")
    assert page.locator("#laureate-action").count() == 1
