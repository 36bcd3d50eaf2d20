from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import BilanSnapshot


@admin.register(BilanSnapshot)
class BilanSnapshotAdmin(SimpleHistoryAdmin):
    """Read-only: bilans are frozen and published through the pages (the services)."""

    list_display = ("title", "level", "as_of", "state", "published_at")
    list_filter = ("level", "state")
    search_fields = ("title",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
