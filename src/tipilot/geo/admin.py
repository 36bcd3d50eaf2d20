from django.contrib import admin

from .models import Commune, Department, Epci, Region, Vintage


@admin.register(Vintage)
class VintageAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "loaded_at"]


@admin.register(Region, Department)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "first_vintage", "last_vintage", "dissolved"]
    search_fields = ["code", "name"]
    exclude = ["outline"]


@admin.register(Epci)
class EpciAdmin(admin.ModelAdmin):
    list_display = ["siren", "name", "kind", "population", "last_vintage", "dissolved"]
    list_filter = ["kind", "dissolved"]
    search_fields = ["siren", "name"]
    exclude = ["outline", "communes"]


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["insee_code", "name", "population", "department", "epci", "dissolved"]
    list_filter = ["dissolved", "region"]
    search_fields = ["insee_code", "siren", "name"]
    list_select_related = ["department", "epci"]
    exclude = ["outline"]
    raw_id_fields = ["epci"]
