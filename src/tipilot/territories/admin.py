from django.contrib import admin

from tipilot.core.admin import ReadOnlyAdminMixin as ReadOnlyMixin

from .models import Generation, ImportBatch, Membership, Territory, TerritoryChange, Wave


@admin.register(Generation)
class GenerationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "start_year", "end_year"]


@admin.register(Wave)
class WaveAdmin(admin.ModelAdmin):
    list_display = ["generation", "period_label", "date", "cumulative_count", "epci_count"]


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["generation", "as_of", "source_name", "file_format", "created_at"]


class MembershipInline(ReadOnlyMixin, admin.TabularInline):
    model = Membership
    raw_id_fields = ["epci", "commune"]
    extra = 0


@admin.register(Territory)
class TerritoryAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["identifier", "name", "generation", "status", "population", "is_demo"]
    list_filter = ["generation", "status", "regions", "is_demo"]
    search_fields = ["identifier", "name"]
    exclude = ["outline", "regions", "departments"]
    readonly_fields = ["population", "commune_count", "member_count"]
    inlines = [MembershipInline]


@admin.register(TerritoryChange)
class TerritoryChangeAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["territory", "date", "kind", "old_value", "new_value"]
    list_filter = ["kind"]
    list_select_related = ["territory__generation"]
