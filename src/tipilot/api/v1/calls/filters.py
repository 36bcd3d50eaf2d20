"""Filters of the laureates list, applied at once by ``laureate_list``."""

from django_filters import rest_framework as filters

from tipilot.calls.models import Application
from tipilot.calls.selectors.laureates import LaureateFilters, laureate_list


class LaureateFilter(filters.FilterSet):
    call = filters.CharFilter(label="Adresse (slug) de l'appel")
    region = filters.CharFilter(label="Code INSEE de la région, ex. 84")
    territory = filters.CharFilter(label="Identifiant du territoire, ex. ti-8401")
    q = filters.CharFilter(label="Recherche dans le projet, le porteur et la référence")

    class Meta:
        model = Application
        fields = ["call", "region", "territory", "q"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return laureate_list(LaureateFilters(**{k: data.get(k) or "" for k in self.Meta.fields}))
