"""Read-only admin with history: governance data changes through the pages and the API,
whose services check permissions and keep the audit trail."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tipilot.core.admin import ReadOnlyAdminMixin

from .models import CopilDecision, CopilMeeting, Invitation, Organisation, Person, RoleAssignment


class ReadOnlyHistoryAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    pass


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "kind", "siren", "siret"]
    list_filter = ["kind"]
    search_fields = ["name", "siren", "siret"]


@admin.register(Person)
class PersonAdmin(ReadOnlyHistoryAdmin):
    list_display = ["last_name", "first_name", "email", "organisation", "user"]
    search_fields = ["last_name", "first_name", "email"]


@admin.register(RoleAssignment)
class RoleAdmin(ReadOnlyHistoryAdmin):
    list_display = ["person", "kind", "territory", "region", "operator", "start_on", "end_on"]
    list_filter = ["kind"]


@admin.register(CopilMeeting)
class CopilMeetingAdmin(ReadOnlyHistoryAdmin):
    list_display = ["region", "date", "place"]
    list_filter = ["region"]


@admin.register(CopilDecision)
class CopilDecisionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["meeting", "kind", "territory", "contract"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyHistoryAdmin):
    list_display = ["email", "person", "invited_by", "created_at", "accepted_at"]
