"""Read-only admin: measures, actions and funding lines change through their services."""

from django.contrib import admin

from tipilot.governance.admin import ReadOnlyHistoryAdmin

from .models import Action, Axis, FundingLine, Measure, Tag


@admin.register(Axis)
class AxisAdmin(ReadOnlyHistoryAdmin):
    list_display = ["position", "code", "name"]


@admin.register(Measure)
class MeasureAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "axis", "phase", "envelope", "start_year", "end_year"]
    list_filter = ["axis", "phase"]
    search_fields = ["name", "code"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """Themes are a plain vocabulary: the national team may tidy it here."""

    list_display = ["slug", "name"]
    search_fields = ["name"]


class FundingLineInline(admin.TabularInline):
    model = FundingLine
    extra = 0
    can_delete = False
    readonly_fields = [f.name for f in FundingLine._meta.fields]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Action)
class ActionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["external_id", "title", "territory", "axis", "status", "is_demo"]
    list_filter = ["status", "axis", "territory__generation", "is_relocation", "is_demo"]
    search_fields = ["external_id", "title", "territory__identifier"]
    list_select_related = ["territory__generation", "axis"]
    inlines = [FundingLineInline]
