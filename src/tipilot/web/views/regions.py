from django.shortcuts import get_object_or_404, render

from tipilot.contracts.selectors import calendar_counts, contract_list
from tipilot.geo.models import Region
from tipilot.governance.models import CopilMeeting
from tipilot.territories.selectors import programme_figures, territory_list


def region_detail(request, code):
    region = get_object_or_404(Region.objects.defer("outline"), code=code)
    territories = territory_list(region=code)
    return render(
        request,
        "web/region_detail.html",
        {
            "region": region,
            "figures": programme_figures(region=code),
            "territories": territories,
            "contracts": calendar_counts(contract_list(region=code)),
            "copil_private": request.user.has_perm("governance.view_copil_private", region),
            "next_meetings": CopilMeeting.objects.filter(region=region).order_by("-date")[:3],
        },
    )
