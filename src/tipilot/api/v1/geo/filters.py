from django_filters import rest_framework as filters

from tipilot.geo.enums import EpciKind
from tipilot.geo.models import Department, Epci, Region

DISSOLVED = "Disparu du dernier millésime chargé"


class RegionFilter(filters.FilterSet):
    dissolved = filters.BooleanFilter(label=DISSOLVED)

    class Meta:
        model = Region
        fields = ["dissolved"]


class DepartmentFilter(filters.FilterSet):
    region = filters.CharFilter(field_name="region__code", label="Code INSEE de la région")
    dissolved = filters.BooleanFilter(label=DISSOLVED)

    class Meta:
        model = Department
        fields = ["region", "dissolved"]


class EpciFilter(filters.FilterSet):
    """Region and department go through a subquery: a join would multiply ``commune_count``."""

    kind = filters.ChoiceFilter(choices=EpciKind.choices, label="Nature de l'EPCI")
    dissolved = filters.BooleanFilter(label=DISSOLVED)
    region = filters.CharFilter(
        method="filter_region", label="Code INSEE d'une région où l'EPCI a des communes"
    )
    department = filters.CharFilter(
        method="filter_department", label="Code d'un département où l'EPCI a des communes"
    )
    q = filters.CharFilter(field_name="name", lookup_expr="icontains", label="Le nom contient")

    class Meta:
        model = Epci
        fields = ["kind", "dissolved", "region", "department", "q"]

    def filter_region(self, queryset, name, value):
        return queryset.filter(
            id__in=Epci.objects.filter(communes__region__code=value).values("id")
        )

    def filter_department(self, queryset, name, value):
        in_department = Epci.objects.filter(communes__department__code=value).values("id")
        return queryset.filter(id__in=in_department)
