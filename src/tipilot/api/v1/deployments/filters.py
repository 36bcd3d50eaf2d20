"""Filters of the deployments list and GeoJSON, applied by the deployments selectors."""

from django_filters import rest_framework as filters

from tipilot.deployments import selectors
from tipilot.deployments.enums import DeploymentKind, DeploymentStatus
from tipilot.deployments.models import Deployment


class DeploymentFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=DeploymentKind.choices, label="Type de déploiement")
    region = filters.CharFilter(label="Code INSEE de la région de la commune, ex. 84")
    territory = filters.CharFilter(label="Identifiant du territoire, ex. ti-8401")
    status = filters.ChoiceFilter(choices=DeploymentStatus.choices, label="Statut")
    wave = filters.NumberFilter(label="Vague de l'AMI (antennes du Cnam) : 1, 2 ou 3")
    measure = filters.CharFilter(label="Code de la mesure, ex. antennes-cnam")
    q = filters.CharFilter(label="Recherche dans le nom et la commune")

    class Meta:
        model = Deployment
        fields = ["kind", "region", "territory", "status", "wave", "measure", "q"]

    def selector_filters(self) -> selectors.DeploymentFilters:
        data = self.form.cleaned_data
        wave = data.get("wave")
        return selectors.DeploymentFilters(
            **{name: data.get(name) or "" for name in ("kind", "region", "territory", "status")},
            wave=int(wave) if wave is not None else None,
            measure=data.get("measure") or "",
            q=data.get("q") or "",
        )

    def filter_queryset(self, queryset):
        return selectors.deployment_list(self.selector_filters())


class TargetFilter(filters.FilterSet):
    region = filters.CharFilter(label="Code INSEE d'une région : ses déploiements seulement")
    territory = filters.CharFilter(label="Identifiant d'un territoire : ses déploiements")

    class Meta:
        model = Deployment
        fields = ["region", "territory"]
