"""Who may record France Expérimentation requests (django-rules).

National team: every request. Regional pilot: the requests of its region's territories (and
may create one in its region). Unpublished requests are read by those who may change them;
everyone reads the published ones (no personal data: the applicant is an organisation).
"""

import rules

from tipilot.governance.permissions import is_any_pilot, is_national, pilots_territory


@rules.predicate
def pilots_request_territory(user, request) -> bool:
    return (
        request is not None
        and request.territory_id is not None
        and pilots_territory(user, request.territory)
    )


@rules.predicate
def is_published(user, request) -> bool:
    return request is not None and request.is_public


can_change_request = is_national | pilots_request_territory
can_view_request = is_published | can_change_request

rules.add_perm("experimentation.add_derogationrequest", is_national | is_any_pilot)
rules.add_perm("experimentation.change_derogationrequest", can_change_request)
rules.add_perm("experimentation.view_derogationrequest", can_view_request)
