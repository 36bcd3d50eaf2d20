"""What the programme's calls and registries brought to one territory, for its page.

Sites clés en main, deployments (écoles de production, antennes du Cnam, VTE), laureates of
calls for projects and France Expérimentation requests each live in their own domain; the
territory page shows them side by side, in four queries whatever their number.
"""

from decimal import Decimal

from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from tipilot.calls.enums import ApplicationStatus
from tipilot.calls.models import Application
from tipilot.deployments.enums import DeploymentKind
from tipilot.deployments.models import Deployment
from tipilot.experimentation.enums import ANSWERED, RequestStatus
from tipilot.experimentation.models import DerogationRequest
from tipilot.experimentation.selectors import visible_to
from tipilot.sites.enums import SiteStatus
from tipilot.sites.models import Site

ZERO = Value(Decimal(0))
MONEY = DecimalField(max_digits=16, decimal_places=2)


def territory_reach(territory, *, user=None) -> dict:
    """Sites (not withdrawn), deployments by kind, laureates and the aid granted to them, and
    the derogation requests ``user`` may read (the published ones for the public)."""
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
    return {
        "sites": sites,
        "deployments": deployments,
        "laureates": laureates,
        "derogations": _derogations(territory, user),
    }


def _derogations(territory, user) -> dict:
    accepted = (RequestStatus.ACCEPTED, RequestStatus.PARTLY_ACCEPTED)
    return DerogationRequest.objects.filter(visible_to(user), territory=territory).aggregate(
        count=Count("pk", distinct=True),  # a pilot's regions may join a request twice
        answered=Count("pk", distinct=True, filter=Q(status__in=ANSWERED)),
        accepted=Count("pk", distinct=True, filter=Q(status__in=accepted)),
    )
