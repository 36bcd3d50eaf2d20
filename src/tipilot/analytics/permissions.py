"""Who may freeze and publish a bilan d'étape (django-rules).

National team: any bilan. Regional pilot: its region's bilan and those of its region's
territories. A published bilan is read by everyone and changed by no one; a draft is seen only
by those who may publish it.
"""

import rules

from tipilot.governance.permissions import is_national, pilots_territory
from tipilot.governance.scope import user_scope

from .models import SnapshotState


@rules.predicate
def pilots_scope(user, scope) -> bool:
    """``scope``: a ``BilanScope`` or a ``BilanSnapshot`` (both have region and territory)."""
    if scope is None:
        return False
    if scope.territory is not None:
        return pilots_territory(user, scope.territory)
    if scope.region is not None:
        return scope.region.code in user_scope(user).pilot_regions
    return False  # the national bilan belongs to the national team


@rules.predicate
def is_draft(user, snapshot) -> bool:
    return snapshot is not None and snapshot.state == SnapshotState.DRAFT


@rules.predicate
def is_published(user, snapshot) -> bool:
    return snapshot is not None and snapshot.state == SnapshotState.PUBLISHED


can_freeze_bilan = is_national | pilots_scope
can_publish_bilan = is_draft & (is_national | pilots_scope)
can_view_snapshot = is_published | is_national | pilots_scope

rules.add_perm("analytics.freeze_bilan", can_freeze_bilan)
rules.add_perm("analytics.publish_bilan", can_publish_bilan)
rules.add_perm("analytics.view_snapshot", can_view_snapshot)
