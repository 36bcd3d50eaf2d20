"""France Expérimentation through the API: published requests only, whoever asks."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view

from tipilot.experimentation import selectors
from tipilot.experimentation.enums import RequestStatus, Theme
from tipilot.experimentation.models import DerogationRequest

from ..outputs import ReadOnlyViewSet
from .serializers import DerogationSerializer


class DerogationFilter(filters.FilterSet):
    q = filters.CharFilter(label="Recherche (règle, référence, projet, réponse ; sans accents)")
    theme = filters.ChoiceFilter(choices=Theme.choices, label="Thème")
    status = filters.ChoiceFilter(choices=RequestStatus.choices, label="Statut")
    region = filters.CharFilter(label="Code INSEE d'une région du territoire")
    territory = filters.CharFilter(label="Identifiant du territoire, ex. ti-8401")

    class Meta:
        model = DerogationRequest
        fields = ["q", "theme", "status", "region", "territory"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return selectors.request_list(
            selectors.RequestFilters(**{name: data.get(name) or "" for name in self.Meta.fields})
        )


@extend_schema(tags=["France Expérimentation"])
@extend_schema_view(
    list=extend_schema(summary="Demandes de dérogation publiées (recherche, filtres)"),
    retrieve=extend_schema(summary="Une demande de dérogation et sa réponse"),
)
class DerogationViewSet(ReadOnlyViewSet):
    """Demandes de dérogation France Expérimentation publiées : règle, référence juridique,
    projet bloqué, territoire, réponse et sa date. Les demandes non publiées n'y figurent pas."""

    queryset = DerogationRequest.objects.all()
    serializer_class = DerogationSerializer
    filterset_class = DerogationFilter

    def get_queryset(self):
        return selectors.request_list()  # no user: published requests only
