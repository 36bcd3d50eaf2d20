from django.shortcuts import render

from tipilot.territories.models import Wave
from tipilot.territories.selectors import figures_by_region, latest_generation, programme_figures


def home(request):
    generation = latest_generation()
    return render(
        request,
        "web/home.html",
        {
            "figures": programme_figures(),
            "generation": generation,
            "by_region": figures_by_region(generation=generation) if generation else [],
            "waves": Wave.objects.select_related("generation"),
        },
    )
