"""Read-only admin: sites change through their services (pages and permissions)."""

from django.contrib import admin

from tipilot.core.admin import ReadOnlyAdminMixin
from tipilot.governance.admin import ReadOnlyHistoryAdmin

from .models import Enquiry, Site, SiteWave


@admin.register(SiteWave)
class SiteWaveAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "announced_on", "announced_count", "cumulative_count"]


@admin.register(Site)
class SiteAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "slug", "commune", "status", "is_ready", "surface_available_ha"]
    list_filter = ["status", "is_ready", "wave", "is_demo"]
    search_fields = ["name", "slug", "owner_name"]
    list_select_related = ["commune"]


@admin.register(Enquiry)
class EnquiryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "site", "company", "forwarded_at"]
    list_select_related = ["site"]
