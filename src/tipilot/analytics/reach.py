"""What the programme's calls and registries brought to one territory, for its page.

Sites clés en main, deployments (écoles de production, antennes du Cnam, VTE) and laureates
of calls for projects each live in their own domain; the territory page shows them side by
side, in three queries whatever their number.
"""

from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from tipilot.calls.enums import ApplicationStatus
from tipilot.calls.models import Application
from tipilot.deployments.enums import DeploymentKind
from tipilot.deployments.models import Deployment
from tipilot.sites.enums import SiteStatus
from tipilot.sites.models import Site

ZERO = Value(Decimal(0))
MONEY = DecimalField(max_digits=16, decimal_places=2)


def territory_reach(territory) -> dict:
    """Sites (not withdrawn), deployments by kind, laureates and the aid granted to them."""
    sites = (
        Site.objects.filter(territory=territory)
        .exclude(status=SiteStatus.WITHDRAWN)
        .aggregate(
            count=Count("pk"),
            ready=Count("pk", filter=Q(is_ready=True)),
            hectares=Coalesce(Sum("surface_available_ha"), ZERO, output_field=MONEY),
        )
    )
    by_kind = dict(
        Deployment.objects.filter(territory=territory)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    deployments = [
        {"kind": kind, "label": label, "count": by_kind.get(kind, 0)}
        for kind, label in DeploymentKind.choices
    ]
    laureates = Application.objects.filter(
        territory=territory, status=ApplicationStatus.LAUREATE
    ).aggregate(
        count=Count("pk"),
        granted=Coalesce(Sum("amount_granted"), ZERO, output_field=MONEY),
    )
    return {"sites": sites, "deployments": deployments, "laureates": laureates}
