"""Public pages of the calls: the list (open, upcoming, closed) and one call's presentation."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from tipilot.calls.deadlines import window_open_at
from tipilot.calls.enums import QuestionKind
from tipilot.calls.models import Call
from tipilot.calls.selectors import public as selectors
from tipilot.calls.uploads import ACCEPTED_LABEL
from tipilot.governance.enums import OrganisationKind

T = "web/calls/applicant/"


def call_list(request):
    params = request.GET
    calls = selectors.call_list(
        request.user,
        measure=params.get("mesure", "").strip(),
        operator=params.get("operateur", "").strip(),
    )
    groups = selectors.group_calls(calls, timezone.now())
    context = {"groups": groups, "params": params, **selectors.filter_choices()}
    return render(request, T + "call_list.html", context)


def call_detail(request, slug: str):
    try:
        call = selectors.call_detail(request.user, slug)
    except Call.DoesNotExist:
        raise Http404("Aucun appel publié ne porte cette adresse.") from None
    now = timezone.now()
    state = selectors.annotate_window(call, now)
    questions = list(call.questions.all())
    context = {
        "call": call,
        "state": state,
        "open_window": window_open_at(list(call.windows.all()), now),
        "questions": [q for q in questions if q.kind != QuestionKind.FILE],
        "files": [q for q in questions if q.kind == QuestionKind.FILE],
        "accepted_files": ACCEPTED_LABEL,
        "max_upload": filesizeformat(settings.TIPILOT_MAX_UPLOAD_BYTES),
        "kinds": [OrganisationKind(k).label for k in call.applicant_kinds or []],
        "regions": list(call.regions.all()),
        "can_manage": request.user.has_perm("calls.manage_calls"),
        "can_apply": call.is_published and state in ("open", "upcoming"),
    }
    return render(request, T + "call_detail.html", context)
