"""The bilan's « Déploiements » section: écoles de production, Cnam antennas and VTE counted
against their national targets, for France, a region (communes of the region) or a territory.

Live figures only: frozen bilans keep the figures of ``bilan_figures``, without this section.
"""

from tipilot.deployments.selectors import target_progress
from tipilot.geo.models import Region
from tipilot.territories.models import Territory


def bilan_deployments(
    *, region: Region | None = None, territory: Territory | None = None
) -> list[dict]:
    """Per kind: counted, registered, target, share (two queries)."""
    return target_progress(
        region=region.code if region is not None else "",
        territory_pk=territory.pk if territory is not None else None,
    )
