"""Filters of the sites list, map and CSV: the same names and meaning as the catalogue page."""

from django_filters import rest_framework as filters

from tipilot.sites import selectors
from tipilot.sites.enums import ACCESS, UTILITIES, SiteStatus
from tipilot.sites.models import Site


class SiteFilter(filters.FilterSet):
    """The selector sets the joins and the order; a bad value is a 400 with a French message."""

    q = filters.CharFilter(label="Recherche dans le nom, la commune et le propriétaire")
    region = filters.CharFilter(label="Code INSEE de la région, ex. 84")
    department = filters.CharFilter(label="Code du département, ex. 58")
    territory = filters.CharFilter(label="Identifiant du territoire d'industrie, ex. ti-2701")
    wave = filters.CharFilter(label="Code de la vague : 2020-01, 2020-07 ou 2021")
    status = filters.ChoiceFilter(
        choices=SiteStatus.choices,
        label="Statut ; sans ce filtre, tous les sites sauf les retirés",
    )
    surface_min = filters.NumberFilter(label="Surface disponible minimale (ha)", min_value=0)
    surface_max = filters.NumberFilter(label="Surface disponible maximale (ha)", min_value=0)
    access = filters.MultipleChoiceFilter(
        choices=[(code, label) for code, (_, _, label) in ACCESS.items()],
        label="Accès exigés (répétable) : motorway, rail, port, airport",
    )
    utility = filters.MultipleChoiceFilter(
        choices=list(UTILITIES.items()),
        label="Réseaux exigés (répétable) : " + ", ".join(UTILITIES),
    )
    ready = filters.BooleanFilter(label="Prêts seulement (les quatre procédures abouties)")
    available_now = filters.BooleanFilter(
        label="Disponibles dès aujourd'hui (date atteinte et surface disponible)"
    )

    class Meta:
        model = Site
        fields = [
            "q", "region", "department", "territory", "wave", "status", "surface_min",
            "surface_max", "access", "utility", "ready", "available_now",
        ]  # fmt: skip

    def filter_queryset(self, queryset):
        return selectors.site_list(selectors.site_filters(self.form.cleaned_data))
