"""Who may do what in sites (django-rules).

National team: everything. Regional pilot: the sites of its region (a site's region is its
commune's). Everyone reads the public catalogue; an investor's enquiries and a site's contact
are read only by those who may change the site.
"""

import rules

from tipilot.geo.models import Region
from tipilot.governance.permissions import is_any_pilot, is_national
from tipilot.governance.scope import user_scope


def _region_code(obj) -> str | None:
    if isinstance(obj, Region):
        return obj.code
    commune = getattr(obj, "commune", None)
    return commune.region.code if commune is not None else None


@rules.predicate
def pilots_site_region(user, obj) -> bool:
    """A pilot of the region of ``obj``: a site, or a region where a site would be created.

    Without an object: any pilot (may a user create sites somewhere at all?).
    """
    if obj is None:
        return is_any_pilot(user)
    return _region_code(obj) in user_scope(user).pilot_regions


can_add_site = is_national | pilots_site_region
can_change_site = is_national | pilots_site_region

rules.add_perm("sites.add_site", can_add_site)
rules.add_perm("sites.change_site", can_change_site)
rules.add_perm("sites.view_site_private", can_change_site)
