"""Import page: upload, check (dry run) and report, then « Confirmer l'import » applies it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tipilot.actions.spreadsheet import actions_import

from ..access import login_redirect, require
from . import pending
from .forms import ImportForm

TEMPLATE = "web/imports/import.html"


@login_redirect
def import_page(request):
    """GET: the form. POST: check the files without writing, show the report."""
    require(request, "actions.import_actions")
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "report": None, "token": ""}
    if request.method == "POST" and form.is_valid():
        files = form.files_content()
        report = actions_import(files=files, by=request.user, dry_run=True)
        context.update(report=report, names=[name for name, _ in files])
        if report.ok:
            context["token"] = pending.keep(request.session, files)
        else:
            pending.forget(request.session)
    status = 400 if form.errors or (context["report"] and not context["report"].ok) else 200
    return render(request, TEMPLATE, context, status=status)


@require_POST
@login_redirect
def import_confirm(request):
    """Apply the files checked just before (kept server-side under the session's token)."""
    require(request, "actions.import_actions")
    files = pending.load(request.session, request.POST.get("token", ""))
    if files is None:
        messages.error(request, "Le fichier vérifié n'est plus disponible : déposez-le à nouveau.")
        return redirect("actions-import")
    report = actions_import(files=files, by=request.user, dry_run=False)
    if report.ok:
        pending.forget(request.session)
    context = {
        "form": ImportForm(),
        "report": report,
        "token": "",
        "applied": report.ok,
        "names": [name for name, _ in files],
    }
    return render(request, TEMPLATE, context, status=200 if report.ok else 400)
