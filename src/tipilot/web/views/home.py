from django.shortcuts import render

from tipilot.contracts.selectors import signatures_by_generation
from tipilot.territories.models import Wave
from tipilot.territories.selectors import figures_by_region, latest_generation, programme_figures


def home(request):
    generation = latest_generation()
    signatures = signatures_by_generation()
    figures = [
        {**g, "contracts": signatures.get(g["generation__code"], {"signed": 0, "total": 0})}
        for g in programme_figures()
    ]
    return render(
        request,
        "web/home.html",
        {
            "figures": figures,
            "generation": generation,
            "by_region": figures_by_region(generation=generation) if generation else [],
            "waves": Wave.objects.select_related("generation"),
        },
    )
