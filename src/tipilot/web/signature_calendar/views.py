"""The public signature calendar: which contracts are signed, planned, late — nationally or
for one region — as a page, a CSV file and an iCalendar feed to subscribe to."""

from django.http import HttpResponse
from django.shortcuts import render

from tipilot.api.v1.outputs import csv_response
from tipilot.contracts.enums import CalendarStatus
from tipilot.contracts.feeds import calendar_feed
from tipilot.contracts.selectors import contract_list
from tipilot.geo.models import Region
from tipilot.territories.models import Generation

CSV_HEADER = [
    "génération",
    "identifiant",
    "territoire",
    "régions",
    "état du contrat",
    "calendrier",
    "signature prévue le",
    "signé le",
    "données de démonstration",
]


def _filtered(request):
    region_code = request.GET.get("region", "")
    region = Region.objects.filter(code=region_code).defer("outline").first()
    contracts = contract_list(
        region=region.code if region else "", generation=request.GET.get("generation", "")
    )
    return region, contracts


def calendar_page(request):
    region, contracts = _filtered(request)
    contracts = list(contracts)
    sections = [
        (status, [c for c in contracts if c.calendar_state == status]) for status in CalendarStatus
    ]
    counts = {status.value: len(items) for status, items in sections}
    return render(
        request,
        "web/signature_calendar/calendar.html",
        {
            "region": region,
            "sections": sections,
            "counts": counts,
            "total": len(contracts),
            "regions": Region.objects.filter(dissolved=False).defer("outline"),
            "generations": Generation.objects.all(),
            "params": request.GET,
            "query": request.GET.urlencode(),
        },
    )


def calendar_ics(request):
    region, contracts = _filtered(request)
    title = "Signatures des contrats Territoires d'industrie"
    if region:
        title += f" — {region.name}"
    response = HttpResponse(calendar_feed(contracts, title=title), content_type="text/calendar")
    response["Content-Type"] = "text/calendar; charset=utf-8"
    name = f"signatures-{region.code}" if region else "signatures"
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


def calendar_csv(request):
    region, contracts = _filtered(request)
    rows = (
        [
            c.territory.generation.code,
            c.territory.identifier,
            c.territory.name,
            ",".join(r.code for r in c.territory.regions.all()),
            c.get_state_display(),
            CalendarStatus(c.calendar_state).label,
            c.planned_signature_on.isoformat() if c.planned_signature_on else "",
            c.signed_on.isoformat() if c.signed_on else "",
            "oui" if c.is_demo else "non",
        ]
        for c in contracts
    )
    name = f"signatures-{region.code}" if region else "signatures"
    return csv_response(CSV_HEADER, rows, f"{name}.csv")
