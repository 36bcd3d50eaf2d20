"""The applicant's pages: start a draft, fill it (saved as it goes), deposit, withdraw."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.views.decorators.http import require_POST

from tipilot.calls.deadlines import next_window, window_open_at
from tipilot.calls.eligibility import eligibility_checks
from tipilot.calls.enums import QuestionKind
from tipilot.calls.models import Application, Call
from tipilot.calls.selectors import applicant as selectors
from tipilot.calls.selectors.public import call_detail
from tipilot.calls.services import applications as services
from tipilot.calls.uploads import ACCEPTED_LABEL

from ...access import LoginRequired, login_redirect, require
from .forms import DraftForm, StartForm, draft_initial
from .saving import add_errors, save_draft

T = "web/calls/applicant/"
PAGE_SIZE = 50


def _call(request, slug: str) -> Call:
    try:
        return call_detail(request.user, slug)
    except Call.DoesNotExist:
        raise Http404("Aucun appel publié ne porte cette adresse.") from None


def _organisation_data(data: dict) -> dict | None:
    if not data.get("siren"):
        return None
    return {
        "siren": data["siren"],
        "name": data.get("organisation_name", ""),
        "kind": data.get("organisation_kind", ""),
    }


@login_redirect
def application_start(request, slug: str):
    """GET: the first questions (title, organisation); POST: the draft is created."""
    call = _call(request, slug)
    require(request, "calls.apply", call)
    form = StartForm(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.application_create(
                call=call,
                by=request.user,
                title=data["title"],
                organisation_data=_organisation_data(data),
            )
        except ValidationError as error:
            add_errors(form, error, {"organisation_siren": "siren"})
        else:
            messages.success(request, f"Votre brouillon {application.reference} est créé.")
            return redirect("application-detail", reference=application.reference)
    status = 400 if form.errors else 200
    return render(request, T + "start.html", {"call": call, "form": form}, status=status)


@login_redirect
def my_applications(request):
    if not request.user.is_authenticated:
        raise LoginRequired
    page = Paginator(selectors.my_applications(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for application in page.object_list:
        application.deadline = _deadline(application)
    return render(request, T + "my_applications.html", {"page_obj": page, "query": ""})


def get_application(request, reference: str, perm: str = "calls.view_application"):
    try:
        application = selectors.application_page(reference)
    except Application.DoesNotExist:
        raise Http404("Aucune candidature ne porte cette référence.") from None
    require(request, perm, application)
    return application


def _deadline(application: Application):
    now = timezone.now()
    windows = list(application.call.windows.all())
    return window_open_at(windows, now) or next_window(windows, now)


SECTIONS = (
    ("Le projet", ("title", "summary")),
    ("Le porteur", ("organisation",)),
    ("Le lieu", ("commune",)),
    (
        "Montants et emplois",
        (
            "naf_code",
            "amount_requested",
            "total_cost",
            "jobs_created_planned",
            "jobs_maintained_planned",
            "is_relocation",
        ),
    ),
)
ORGANISATION = ("siren", "organisation_name", "organisation_kind")


def field_groups(form: DraftForm, files: dict) -> list[dict]:
    """The draft's fields by autosave group (one htmx target each), with section headings."""
    groups = []
    for heading, keys in SECTIONS:
        for index, key in enumerate(keys):
            names = ORGANISATION if key == "organisation" else (key,)
            groups.append(
                {
                    "key": key,
                    "heading": heading if index == 0 else "",
                    "fields": [form[n] for n in names],
                }
            )
    for index, question in enumerate(form.questions):
        key = f"q{question.pk}"
        groups.append(
            {
                "key": key,
                "heading": "Questions de l'appel" if index == 0 else "",
                "fields": [form[key]],
                "question": question,
                "is_file": question.kind == QuestionKind.FILE,
                "answer": files.get(question.pk),
            }
        )
    return groups


def page_context(request, application: Application, form=None) -> dict:
    answers = selectors.answers_by_question(application)
    editable = request.user.has_perm("calls.change_application", application)
    if editable and form is None:
        form = DraftForm(
            initial=draft_initial(application, answers),
            call=application.call,
            questions=application.call.questions.all(),
        )
    files = {
        q.pk: answers.get(q.pk)
        for q in application.call.questions.all()
        if q.kind == QuestionKind.FILE
    }
    return {
        "application": application,
        "call": application.call,
        "form": form,
        "groups": field_groups(form, files) if form is not None else [],
        "editable": editable,
        "files": files,
        "answers": answers,
        "checks": application.eligibility
        if application.eligibility and not editable
        else eligibility_checks(application),
        "missing": selectors.missing_for_submission(application) if editable else [],
        "deadline_window": _deadline(application),
        "events": selectors.applicant_events(application),
        "submissions": list(application.submissions.all()),
        "can_withdraw": request.user.has_perm("calls.withdraw_application", application),
        "resubmission": editable and bool(application.submissions.all()),
        "now_at": timezone.now(),
        "accepted_files": ACCEPTED_LABEL,
        "max_upload": filesizeformat(settings.TIPILOT_MAX_UPLOAD_BYTES),
    }


def _bound_form(request, application: Application) -> DraftForm:
    return DraftForm(
        request.POST,
        request.FILES,
        initial=draft_initial(application, selectors.answers_by_question(application)),
        call=application.call,
        questions=application.call.questions.all(),
    )


@login_redirect
def application_detail(request, reference: str):
    """The applicant's page: the draft form while editable, the record once deposited."""
    application = get_application(request, reference)
    if request.method != "POST":
        return render(request, T + "application_detail.html", page_context(request, application))
    require(request, "calls.change_application", application)
    form = _bound_form(request, application)
    answers = selectors.answers_by_question(application)
    saved = save_draft(form, application, request.user, request.FILES, answers)
    fresh = selectors.application_page(reference)
    if request.headers.get("HX-Request"):
        return autosave_response(request, fresh, form, saved)
    if not form.errors:
        messages.success(request, "Votre brouillon est enregistré.")
        return redirect("application-detail", reference=reference)
    context = page_context(request, fresh, form=_rebound(request, fresh, form))
    return render(request, T + "application_detail.html", context, status=400)


def _rebound(request, application: Application, form: DraftForm) -> DraftForm:
    """The submitted form with its errors, carrying the saved version for the next save."""
    data = request.POST.copy()
    data["version"] = str(application.version)
    rebound = DraftForm(
        data,
        initial=form.initial,
        call=application.call,
        questions=application.call.questions.all(),
    )
    rebound.full_clean()
    rebound._errors = form.errors
    return rebound


def autosave_response(request, application: Application, form: DraftForm, saved):
    """One field's group (with its errors) and, out of band, the status and side panels."""
    field = request.POST.get("_field", "")
    context = page_context(request, application, form=_rebound(request, application, form))
    context.update(
        field=field,
        saved_at=timezone.now() if saved is not None and not form.errors else None,
        conflict=getattr(form, "conflict", False),
    )
    return render(request, T + "_autosave.html", context, status=200)


@require_POST
@login_redirect
def application_submit(request, reference: str):
    """Save the form as it stands, then deposit; any problem is shown on the page."""
    application = get_application(request, reference, "calls.change_application")
    form = _bound_form(request, application)
    answers = selectors.answers_by_question(application)
    saved = save_draft(form, application, request.user, request.FILES, answers)
    if saved is not None and not form.errors:
        try:
            services.application_submit(application=saved, by=request.user)
        except ValidationError as error:
            add_errors(form, error, {})
        else:
            messages.success(
                request, "Votre candidature est déposée : un accusé de réception vous est envoyé."
            )
            return redirect("application-detail", reference=reference)
    fresh = selectors.application_page(reference)
    context = page_context(request, fresh, form=_rebound(request, fresh, form))
    return render(request, T + "application_detail.html", context, status=400)


@require_POST
@login_redirect
def application_withdraw(request, reference: str):
    application = get_application(request, reference, "calls.withdraw_application")
    if request.POST.get("confirm") != "oui":
        messages.error(request, "Cochez la case de confirmation pour retirer votre candidature.")
        return redirect("application-detail", reference=reference)
    try:
        services.application_withdraw(
            application=application,
            by=request.user,
            reason=request.POST.get("reason", "")[:1000],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Votre candidature est retirée.")
    return redirect("application-detail", reference=reference)
