"""Who may do what with calls and applications (django-rules).

- National team: configures calls (questions, grid, windows), and may do everything else.
- Applicants (any signed-in account): create drafts, edit their own drafts, submit, withdraw;
  they see only their own applications.
- Operator instructors: see the applications to their operator's calls, check eligibility,
  get assigned, score, reopen, decide. They see nothing of other operators' calls.
- Regional pilots and territory teams: read the applications located in their region or
  territory once submitted, and give the Region's or the territory's opinion.
Everyone reads the published calls and, once decided, the laureates (public open data).
"""

import rules

from tipilot.governance.permissions import is_national
from tipilot.governance.scope import user_scope

from .enums import ApplicationStatus as S

UNDER_INSTRUCTION = {S.SUBMITTED, S.INELIGIBLE, S.IN_REVIEW, S.WAITLISTED}
SEEN_BY_FOLLOWERS = UNDER_INSTRUCTION | {S.LAUREATE, S.REJECTED}


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


@rules.predicate
def owns_application(user, application) -> bool:
    return is_signed_in(user) and application.applicant_id == user.pk


@rules.predicate
def instructs_call(user, call) -> bool:
    return call.operator_id in user_scope(user).operators


@rules.predicate
def instructs_application(user, application) -> bool:
    return application.call.operator_id in user_scope(user).operators


def _region_codes(application) -> set[str]:
    if application.territory_id:
        return {r.code for r in application.territory.regions.all()}
    if application.commune_id:
        return {application.commune.region.code}
    return set()


@rules.predicate
def pilots_application(user, application) -> bool:
    pilot = user_scope(user).pilot_regions
    return bool(pilot) and bool(_region_codes(application) & pilot)


@rules.predicate
def team_of_application(user, application) -> bool:
    return application.territory_id in user_scope(user).territories


@rules.predicate
def is_draft(user, application) -> bool:
    return application.status == S.DRAFT


@rules.predicate
def is_followed(user, application) -> bool:
    return application.status in SEEN_BY_FOLLOWERS


@rules.predicate
def awaits_opinion(user, application) -> bool:
    return application.status in {S.SUBMITTED, S.IN_REVIEW, S.WAITLISTED}


@rules.predicate
def is_withdrawable(user, application) -> bool:
    return application.status in {S.DRAFT, S.SUBMITTED}


follows_application = pilots_application | team_of_application

can_manage_calls = is_national
can_apply = is_signed_in
can_view_application = (
    owns_application | is_national | instructs_application | (follows_application & is_followed)
)
can_edit_application = owns_application & is_draft
can_withdraw_application = owns_application & is_withdrawable
can_instruct_application = is_national | instructs_application
can_decide_application = is_national | instructs_application
can_give_region_opinion = (is_national | pilots_application) & awaits_opinion
can_give_territory_opinion = (is_national | team_of_application) & awaits_opinion
can_instruct_call = is_national | instructs_call


@rules.predicate
def has_instruction_scope(user) -> bool:
    """National team and instructors have an instruction desk; pilots and teams follow."""
    scope = user_scope(user)
    return bool(scope.national or scope.operators or scope.pilot_regions or scope.territories)


rules.add_perm("calls.manage_calls", can_manage_calls)
rules.add_perm("calls.apply", can_apply)
rules.add_perm("calls.view_application", can_view_application)
rules.add_perm("calls.change_application", can_edit_application)
rules.add_perm("calls.withdraw_application", can_withdraw_application)
rules.add_perm("calls.instruct_application", can_instruct_application)
rules.add_perm("calls.decide_application", can_decide_application)
rules.add_perm("calls.give_region_opinion", can_give_region_opinion)
rules.add_perm("calls.give_territory_opinion", can_give_territory_opinion)
rules.add_perm("calls.instruct_call", can_instruct_call)
rules.add_perm("calls.follow_applications", has_instruction_scope)
