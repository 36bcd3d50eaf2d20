"""Attached files, served only through a permission check (never from /media/), and the
commune search of the draft page."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tipilot.calls.models import Answer
from tipilot.geo.models import Commune

from ...access import login_redirect
from .drafts import get_application

SUGGESTIONS = 8


@require_GET
@login_redirect
def application_file(request, reference: str, question_pk: int):
    application = get_application(request, reference)
    answer = (
        Answer.objects.filter(application=application, question_id=question_pk)
        .exclude(file="")
        .first()
    )
    if answer is None:
        raise Http404("Aucun fichier n'est joint à cette question.")
    try:
        handle = answer.file.open("rb")
    except FileNotFoundError:
        raise Http404("Le fichier est introuvable.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=answer.file_name or answer.file.name.rsplit("/", 1)[-1],
        content_type=answer.file_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def commune_search(request):
    """A few communes matching a code INSEE or the start of a name (for the draft's datalist)."""
    text = (request.GET.get("commune") or request.GET.get("q") or "").strip()
    communes = []
    if len(text) >= 2:
        current = Commune.objects.filter(dissolved=False).only("insee_code", "name")
        if text.isdigit() or text[:2].upper() in ("2A", "2B"):
            communes = list(current.filter(insee_code__startswith=text.upper())[:SUGGESTIONS])
        else:
            communes = list(current.filter(name__istartswith=text)[:SUGGESTIONS])
    return render(request, "web/calls/applicant/_commune_options.html", {"communes": communes})
