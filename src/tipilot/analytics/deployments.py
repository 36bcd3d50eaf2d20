"""The bilan's « Déploiements » section: écoles de production, Cnam antennas and VTE counted
against their national targets, for France, a region (communes of the region) or a territory.

A bilan frozen since this section exists keeps it with its other figures (``figures`` of the
snapshot); one frozen before has none, and its page shows none.
"""

from tipilot.deployments.selectors import target_progress
from tipilot.geo.models import Region
from tipilot.territories.models import Generation, Territory

from .selectors import bilan_figures


def bilan_deployments(
    *, region: Region | None = None, territory: Territory | None = None
) -> list[dict]:
    """Per kind: counted, registered, target, share (two queries)."""
    return target_progress(
        region=region.code if region is not None else "",
        territory_pk=territory.pk if territory is not None else None,
    )


def bilan_with_deployments(
    *,
    region: Region | None = None,
    territory: Territory | None = None,
    generation: Generation | None = None,
) -> dict:
    """The whole bilan as the page, its CSV, the API and a frozen bilan show it.

    Deployments count against national targets whatever the generation, so ``generation``
    narrows the other figures only.
    """
    figures = bilan_figures(region=region, territory=territory, generation=generation)
    figures["deployments"] = bilan_deployments(region=region, territory=territory)
    return figures
