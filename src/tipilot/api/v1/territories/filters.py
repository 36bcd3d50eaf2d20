from django_filters import rest_framework as filters

from tipilot.territories.enums import TerritoryStatus
from tipilot.territories.models import Territory
from tipilot.territories.selectors import territory_list

ALL = "all"
STATUS_CHOICES = [*TerritoryStatus.choices, (ALL, "Tous")]


class TerritoryFilter(filters.FilterSet):
    """The list's filters, applied at once by ``territories.selectors.territory_list``.

    The selector also sets the joins, prefetches and order: the queryset the view passes in
    only names the model.
    """

    generation = filters.CharFilter(label="Génération (code), ex. 2023-2027")
    region = filters.CharFilter(label="Code INSEE d'une région du territoire")
    department = filters.CharFilter(label="Code d'un département du territoire")
    status = filters.ChoiceFilter(
        choices=STATUS_CHOICES,
        label="Statut : labellisés seulement par défaut, « all » inclut les territoires sortis",
    )
    q = filters.CharFilter(
        label="Recherche libre dans les noms de territoire, d'EPCI, de commune et de département"
    )

    class Meta:
        model = Territory
        fields = ["generation", "region", "department", "status", "q"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        status = data.get("status") or TerritoryStatus.LABELLED
        territories = territory_list(
            q=data.get("q") or "",
            region=data.get("region") or "",
            generation=data.get("generation") or "",
            department=data.get("department") or "",
            include_withdrawn=status != TerritoryStatus.LABELLED,
        )
        if status == TerritoryStatus.WITHDRAWN:
            territories = territories.filter(status=TerritoryStatus.WITHDRAWN)
        return territories
