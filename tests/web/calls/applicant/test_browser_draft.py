"""In a real browser: sign up from a call, start a draft, let it save as it is typed (htmx),
attach a file, see the checks turn green, and deposit."""

import pytest

from tests.calls.factories import CallFactory, QuestionFactory
from tests.governance.factories import siren_with_key
from tipilot.calls.enums import ApplicationStatus, QuestionKind
from tipilot.calls.models import Application

from .conftest import PDF, commune_in


@pytest.mark.browser
def test_apply_with_autosave_and_deposit(
    live_server, transactional_db, world, browser_page, tmp_path
):
    call = CallFactory(slug="fonds-2027", title="Fonds d'accélération 2027", naf_prefixes=["25"])
    QuestionFactory(call=call, label="Motivation", kind=QuestionKind.SHORT_TEXT)
    QuestionFactory(call=call, label="Plan de financement", kind=QuestionKind.FILE)
    commune = commune_in(world.t1)
    page = browser_page
    page.goto(f"{live_server.url}/appels/fonds-2027/")
    page.click("#signup-button")
    page.fill("#id_email", "nora@example.org")
    page.fill("#id_first_name", "Nora")
    page.fill("#id_last_name", "Martin")
    page.fill("#id_password1", "une-phrase-de-passe-solide")
    page.fill("#id_password2", "une-phrase-de-passe-solide")
    page.check("#id_terms", force=True)
    page.click("#signup-form button[type=submit]")
    page.wait_for_selector("#start-form")
    page.fill("#id_title", "Ligne de découpe laser")
    page.fill("#id_siren", siren_with_key(55_000_001))
    page.fill("#id_organisation_name", "Tôlerie de l'Ain")
    page.select_option("#id_organisation_kind", "firm")
    page.click("#start-button")
    page.wait_for_selector("#draft-form")
    reference = Application.objects.get().reference

    page.fill("#id_naf_code", "XX")
    page.press("#id_naf_code", "Tab")
    page.wait_for_selector("#fg-naf_code .fr-error-text, #fg-naf_code .errorlist")
    assert "Non enregistré" in page.inner_text("#draft-status")
    page.fill("#id_naf_code", "25.62A")
    page.press("#id_naf_code", "Tab")
    page.wait_for_function(
        "document.querySelector('#draft-status').innerText.includes('Enregistré à')"
    )
    page.fill("#id_summary", "Une nouvelle ligne de découpe.")
    page.fill("#id_commune", commune.insee_code)
    page.press("#id_commune", "Tab")
    page.wait_for_selector("#draft-territory")
    for name, value in (("amount_requested", "200000"), ("total_cost", "900000")):
        page.fill(f"#id_{name}", value)
        page.press(f"#id_{name}", "Tab")
    question = call.questions.get(kind="short_text")
    page.fill(f"#id_q{question.pk}", "Pour grandir.")
    page.press(f"#id_q{question.pk}", "Tab")
    plan = call.questions.get(kind="file")
    upload = tmp_path / "plan.pdf"
    upload.write_bytes(PDF)
    page.set_input_files(f"#id_q{plan.pk}", str(upload))
    page.wait_for_selector(f"#file-q{plan.pk}")
    page.wait_for_selector("#ready")
    draft = Application.objects.get()
    assert draft.naf_code == "25.62A" and draft.territory == world.t1
    assert draft.answers.count() == 2

    page.click("#draft-submit")
    page.wait_for_selector("#timeline")
    assert Application.objects.get().status == ApplicationStatus.SUBMITTED
    assert "déposée" in page.inner_text("#application-status").lower()
    assert page.locator("#draft-form").count() == 0
    assert reference in page.url
