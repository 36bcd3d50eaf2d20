"""Save a draft from its page's form: every valid field is kept, each error shown on its field.

Used by the plain POST (« Enregistrer le brouillon »), by the htmx autosave of one field and
before a deposit: all call the same services, so the rules are those of the domain.
"""

from django.core.exceptions import ValidationError

from tipilot.calls.enums import QuestionKind
from tipilot.calls.services import applications as services
from tipilot.core.errors import EditConflict

from .forms import DraftForm, answer_initial

ORG_FIELDS = ("siren", "organisation_name", "organisation_kind")


def add_errors(form, error: ValidationError, renames: dict[str, str]) -> None:
    """A service's error on the form's field of the same (or renamed) name, else on top."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for name, messages in error.message_dict.items():
        target = renames.get(name, name)
        target = target if target in form.fields else None
        for message in messages:
            if target is None or target not in form.errors:
                form.add_error(target, message)


def _fixed_changes(form: DraftForm) -> dict:
    data = form.cleaned_data
    changes = {name: data[name] for name in DraftForm.FIXED if name in data}
    for name in ("jobs_created_planned", "jobs_maintained_planned"):
        if name in changes and changes[name] is None:
            changes[name] = 0
    if "title" in changes and not changes["title"]:
        del changes["title"]  # an intitulé cannot be emptied: the draft keeps its own
    return changes


def _organisation_data(form: DraftForm, application) -> dict | None:
    data = form.cleaned_data
    if any(name in form.errors for name in ORG_FIELDS) or not data.get("siren"):
        return None
    current = application.organisation
    if current is not None and current.siren == data["siren"]:
        return None
    return {
        "siren": data["siren"],
        "name": data.get("organisation_name", ""),
        "kind": data.get("organisation_kind", ""),
    }


def _save_fixed(form: DraftForm, application, user):
    try:
        return services.application_save(
            application=application,
            by=user,
            version=form.cleaned_data.get("version"),
            organisation_data=_organisation_data(form, application),
            **_fixed_changes(form),
        )
    except EditConflict as conflict:
        form.add_error(None, str(conflict))
        form.conflict = True
    except ValidationError as error:
        add_errors(form, error, {"organisation_siren": "siren"})
    return None


def _save_answers(form: DraftForm, application, user, files, answers) -> None:
    for question in form.questions:
        name = f"q{question.pk}"
        if name in form.errors:
            continue
        try:
            if question.kind == QuestionKind.FILE:
                if name in files:
                    services.answer_save(
                        application=application, question=question, by=user, upload=files[name]
                    )
                continue
            value = form.cleaned_data.get(name)
            if value == answer_initial(question, answers.get(question.pk)):
                continue
            services.answer_save(application=application, question=question, by=user, value=value)
        except ValidationError as error:
            add_errors(form, error, {})


def save_draft(form: DraftForm, application, user, files, answers):
    """Save what is valid; return the saved application, or None when nothing was written."""
    form.conflict = False
    form.is_valid()
    saved = _save_fixed(form, application, user)
    if saved is not None:
        _save_answers(form, saved, user, files, answers)
    return saved
