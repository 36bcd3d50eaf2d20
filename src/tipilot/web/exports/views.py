"""Open data downloads of fiches actions and funding lines: CSV, XLSX, JSON, and the template.

No personal data: the template names territories, organisations and measures, never a person
or an account. The files are streamed and built by a constant number of queries.
"""

import tempfile

from django import forms
from django.db.models import Count
from django.http import FileResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render

from tipilot.actions.models import FundingLine
from tipilot.actions.spreadsheet import (
    ACTIONS_SHEET,
    LINES_SHEET,
    XLSX_TYPE,
    actions_for_export,
    csv_lines,
    json_chunks,
    write_xlsx,
)
from tipilot.geo.models import Region
from tipilot.territories.models import Generation
from tipilot.web.forms import territory_identifier_field

NAMES = {ACTIONS_SHEET: "fiches-actions", LINES_SHEET: "lignes-financement"}


class ExportFilterForm(forms.Form):
    region = forms.ChoiceField(label="Région", required=False)
    territory = territory_identifier_field("Territoire (identifiant)")
    generation = forms.ChoiceField(label="Génération", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.filter(territories__isnull=False).distinct().order_by("name")
        self.fields["region"].choices = [("", "Toutes")] + [(r.code, r.name) for r in regions]
        generations = Generation.objects.order_by("start_year")
        self.fields["generation"].choices = [("", "Toutes")] + [
            (g.code, g.code) for g in generations
        ]


def _filtered(request):
    form = ExportFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    data = form.cleaned_data if form.is_bound else {}
    actions = actions_for_export(
        region=data.get("region", ""),
        territory=data.get("territory", ""),
        generation=data.get("generation", ""),
    )
    return form, actions


def exports(request):
    form, actions = _filtered(request)
    context = {"form": form, "query": request.GET.urlencode(), "counts": None}
    if actions is not None:
        lines = FundingLine.objects.filter(action__in=actions.values("pk"))
        context["counts"] = {
            "actions": actions.aggregate(n=Count("pk", distinct=True))["n"],
            "lines": lines.count(),
        }
    return render(
        request, "web/exports/exports.html", context, status=200 if actions is not None else 400
    )


def _bad_filters(form) -> HttpResponseBadRequest:
    errors = "; ".join(f"{form.fields[k].label} : {' '.join(v)}" for k, v in form.errors.items())
    return HttpResponseBadRequest(
        f"Filtres invalides — {errors}", content_type="text/plain; charset=utf-8"
    )


def download(request, sheet: str, fmt: str):
    form, actions = _filtered(request)
    if actions is None:
        return _bad_filters(form)
    name = NAMES[sheet]
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_lines(sheet, actions), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "json":
        response = StreamingHttpResponse(
            json_chunks(sheet, actions), content_type="application/json"
        )
    else:
        return _xlsx(actions, f"{name}.xlsx")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _xlsx(actions, filename: str) -> FileResponse:
    """The workbook (both sheets and « Lisez-moi ») spooled to a temporary file, then sent."""
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 — closed by FileResponse
    write_xlsx(spool, actions)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def template(request):
    return _xlsx(None, "modele-fiches-actions.xlsx")
