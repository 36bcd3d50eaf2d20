"""The applicant's pages: start, autosaved draft (htmx and plain POST), files, deposit,
withdrawal, read-only record and decision; nobody else's application is reachable."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.actions.factories import ActionFactory
from tests.calls.factories import ApplicationFactory
from tests.governance.factories import OrganisationFactory, siren_with_key, user_with_role
from tipilot.calls.enums import ApplicationStatus
from tipilot.calls.models import Application
from tipilot.calls.services import applications as services
from tipilot.governance.enums import OrganisationKind, RoleKind

from .conftest import PDF, commune_in, text

HX = {"HTTP_HX_REQUEST": "true"}


def page(application) -> str:
    return reverse("application-detail", args=[application.reference])


def form_data(filled, **changes) -> dict:
    draft = Application.objects.get(pk=filled.draft.pk)
    data = {
        "version": draft.version,
        "title": draft.title,
        "summary": draft.summary,
        "siren": draft.organisation.siren,
        "organisation_name": draft.organisation.name,
        "organisation_kind": draft.organisation.kind,
        "commune": draft.commune.insee_code,
        "naf_code": draft.naf_code,
        "amount_requested": "200000",
        "total_cost": "900000",
        "jobs_created_planned": "4",
        "jobs_maintained_planned": "0",
        f"q{filled.motivation.pk}": "Nous voulons grandir.",
        f"q{filled.sector.pk}": "Métal",
    }
    data.update(changes)
    return data


def test_start_creates_a_draft(filled, client):
    client.force_login(filled.world.nobody)
    assert client.get("/appels/fonds-2027/candidater/").status_code == 200
    response = client.post(
        "/appels/fonds-2027/candidater/",
        {
            "title": "Four électrique",
            "siren": siren_with_key(99_000_123),
            "organisation_name": "Verrerie",
            "organisation_kind": "firm",
        },
    )
    created = Application.objects.get(title="Four électrique")
    assert response.status_code == 302 and response["Location"] == page(created)
    assert created.reference == "FONDS-2027-0002" and created.applicant == filled.world.nobody


def test_start_refuses_a_bad_siren(filled, client):
    client.force_login(filled.world.nobody)
    response = client.post(
        "/appels/fonds-2027/candidater/",
        {"title": "X", "siren": "123456789", "organisation_name": "Y", "organisation_kind": "firm"},
    )
    assert response.status_code == 400
    assert "clé de contrôle (Luhn) est fausse" in text(response)


def test_my_applications_lists_only_mine(filled, client):
    ApplicationFactory(call=filled.call, title="Projet d'un autre")
    client.force_login(filled.applicant)
    html = text(client.get("/appels/candidatures/"))
    assert "Ligne de découpe laser" in html and "Projet d'un autre" not in html
    assert "clôture le" in html


@pytest.mark.parametrize("who", ["nobody", "pilot", "team", "other_instructor"])
def test_someone_elses_application_is_refused(filled, client, who):
    if who == "other_instructor":
        other = OrganisationFactory(kind=OrganisationKind.OPERATOR, name="Autre opérateur")
        user = user_with_role(RoleKind.OPERATOR_INSTRUCTOR, operator=other)
    else:
        user = getattr(filled.world, who)
    client.force_login(user)
    assert client.get(page(filled.draft)).status_code == 403
    assert client.post(page(filled.draft), form_data(filled)).status_code == 403
    url = reverse("application-file", args=[filled.draft.reference, filled.plan.pk])
    assert client.get(url).status_code == 403


def test_anonymous_and_unknown(filled, client):
    response = client.get(page(filled.draft))
    assert response.status_code == 302 and "/comptes/connexion/" in response["Location"]
    client.force_login(filled.applicant)
    assert client.get("/appels/candidatures/NOPE-0001/").status_code == 404


def test_instructor_of_the_operator_reads_without_form(filled, client):
    client.force_login(filled.world.instructor)
    html = text(client.get(page(filled.draft)))
    assert 'id="draft-form"' not in html and "Ligne de découpe laser" in html


def test_draft_page_shows_form_checks_missing_and_deadline(filled, client):
    client.force_login(filled.applicant)
    html = text(client.get(page(filled.draft)))
    assert 'id="draft-form"' in html and 'id="draft-submit"' in html
    assert "vendor/htmx/htmx.min.js" in html
    assert 'data-rule="territory"' in html and "Territoire « Territoire ti-8401 »" in html
    assert "Répondez à « Motivation »." in html and "Joignez « Plan de financement »." in html
    assert "(heure de Paris)" in html[html.index('id="deadline-box"') :]


def test_plain_post_saves_the_draft(filled, client):
    client.force_login(filled.applicant)
    response = client.post(page(filled.draft), form_data(filled, jobs_created_planned="7"))
    assert response.status_code == 302
    draft = Application.objects.get(pk=filled.draft.pk)
    assert draft.jobs_created_planned == 7
    assert draft.answers.get(question=filled.sector).value == "Métal"


def test_plain_post_keeps_valid_fields_and_shows_errors_inline(filled, client):
    client.force_login(filled.applicant)
    data = form_data(filled, commune="Atlantide", naf_code="25.6", summary="Résumé modifié")
    response = client.post(page(filled.draft), data)
    assert response.status_code == 400
    html = text(response)
    assert "Aucune commune ne correspond à « Atlantide »" in html
    assert "Un code NAF s'écrit comme « 25.62A »" in html
    draft = Application.objects.get(pk=filled.draft.pk)
    assert draft.summary == "Résumé modifié" and draft.naf_code == "25.62A"
    assert f'value="{draft.version}"' in html  # the next save carries the saved version


def test_htmx_autosave_returns_the_field_and_status(filled, client):
    client.force_login(filled.applicant)
    data = form_data(filled, title="Ligne laser agrandie", _field="title")
    response = client.post(page(filled.draft), data, **HX)
    html = text(response)
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="fg-title"')
    assert "Enregistré à" in html and 'hx-swap-oob="true"' in html
    draft = Application.objects.get(pk=filled.draft.pk)
    assert draft.title == "Ligne laser agrandie"
    assert f'id="id_version" value="{draft.version}"' in html
    assert 'id="eligibility-panel" hx-swap-oob="true"' in html


def test_htmx_autosave_shows_the_fields_error(filled, client):
    client.force_login(filled.applicant)
    data = form_data(filled, amount_requested="900000", naf_code="XX", _field="naf_code")
    html = text(client.post(page(filled.draft), data, **HX))
    group = html[: html.index('id="draft-status"')]
    assert "Un code NAF s'écrit comme" in group
    assert "Non enregistré : corrigez le champ signalé." in html
    # the valid change was saved, and the eligibility panel shows it breaks a rule
    assert Application.objects.get(pk=filled.draft.pk).amount_requested == Decimal(900_000)
    assert "au plus 800\xa0000\xa0€" in html


def test_stale_version_is_a_conflict(filled, client):
    client.force_login(filled.applicant)
    data = form_data(filled, _field="title")
    data["version"] = 1
    html = text(client.post(page(filled.draft), data, **HX))
    assert "modifié ailleurs" in html


def test_file_upload_download_and_refusal(filled, client):
    client.force_login(filled.applicant)
    field = f"q{filled.plan.pk}"
    upload = SimpleUploadedFile("Plan financement.pdf", PDF)
    response = client.post(page(filled.draft), form_data(filled, **{field: upload}))
    assert response.status_code == 302
    html = text(client.get(page(filled.draft)))
    assert "Plan financement.pdf" in html and "remplacer le fichier" in html
    url = reverse("application-file", args=[filled.draft.reference, filled.plan.pk])
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF
    assert "/media/" not in html
    bad = SimpleUploadedFile("faux.pdf", b"<html><script>x</script></html>")
    data = form_data(filled, _field=field, **{field: bad})
    response = client.post(page(filled.draft), data, **HX)
    assert "Le fichier « faux.pdf » est refusé" in text(response)


def test_commune_search_suggests_a_few(filled, client):
    commune = commune_in(filled.world.t1)
    html = text(client.get(f"/appels/candidatures/communes/?commune={commune.name[:5]}"))
    assert f'<option value="{commune.insee_code}">' in html
    assert html.count("<option") <= 8
    assert client.get("/appels/candidatures/communes/?commune=a").content.strip() == b""


def test_submit_lists_missing_items_then_deposits(
    filled, client, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(filled.applicant)
    submit = reverse("application-submit", args=[filled.draft.reference])
    response = client.post(submit, form_data(filled))
    assert response.status_code == 400
    assert "Joignez « Plan de financement »." in text(response)
    field = f"q{filled.plan.pk}"
    data = form_data(filled, **{field: SimpleUploadedFile("plan.pdf", PDF)})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit, data)
    assert response.status_code == 302
    draft = Application.objects.get(pk=filled.draft.pk)
    assert draft.status == ApplicationStatus.SUBMITTED
    html = text(client.get(page(draft)))
    assert 'id="draft-form"' not in html and "Déposée" in html
    assert "Dépôt n° 1 du" in html and "Candidature déposée" in html
    assert len(mailoutbox) == 1
    assert client.post(page(draft), form_data(filled)).status_code == 403
    draft.reopen()  # what the instructor's service does, with its reason and event
    draft.save()
    listed = text(client.get("/appels/candidatures/"))
    assert "Rouverte : à redéposer" in listed and "rouverte depuis par l'instructeur" in listed
    html = text(client.get(page(draft)))
    assert "Rouverte : à redéposer" in html and 'id="reopened-note"' in html


def test_withdraw_needs_confirmation(filled, client):
    client.force_login(filled.applicant)
    url = reverse("application-withdraw", args=[filled.draft.reference])
    client.post(url, {"reason": "Reporté"})
    assert Application.objects.get(pk=filled.draft.pk).status == ApplicationStatus.DRAFT
    client.post(url, {"reason": "Reporté", "confirm": "oui"})
    assert Application.objects.get(pk=filled.draft.pk).status == ApplicationStatus.WITHDRAWN
    assert "Reporté" in text(client.get(page(filled.draft)))


def test_decision_and_fiche_action_are_shown(filled, client):
    services.answer_save(
        application=filled.draft,
        question=filled.plan,
        by=filled.applicant,
        upload=SimpleUploadedFile("plan.pdf", PDF),
    )
    services.answer_save(
        application=filled.draft, question=filled.motivation, by=filled.applicant, value="Oui"
    )
    services.answer_save(
        application=filled.draft, question=filled.sector, by=filled.applicant, value="Bois"
    )
    services.application_submit(application=filled.draft, by=filled.applicant)
    action = ActionFactory(territory=filled.world.t1, title="Ligne de découpe laser")
    Application.objects.filter(pk=filled.draft.pk).update(
        status=ApplicationStatus.LAUREATE,
        decision_reason="Projet structurant pour la filière.",
        amount_granted=Decimal(150_000),
        action=action,
    )
    client.force_login(filled.applicant)
    html = text(client.get(page(filled.draft)))
    decision = html[html.index('id="decision"') :]
    assert "Décision : Lauréat" in decision and "Projet structurant" in decision
    assert "150\xa0000 €" in decision
    assert reverse("action-detail", args=[action.external_id]) in decision
