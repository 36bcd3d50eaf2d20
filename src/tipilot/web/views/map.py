from django.shortcuts import render

from tipilot.territories.models import Generation
from tipilot.territories.selectors import latest_generation


def france_map(request):
    generations = list(Generation.objects.filter(territories__isnull=False).distinct())
    latest = latest_generation()
    wanted = request.GET.get("generation")
    generation = next((g for g in generations if g.code == wanted), latest)
    return render(
        request,
        "web/map.html",
        {"generations": generations, "generation": generation},
    )
