"""Filters of the actions and funding-lines lists, applied at once by the actions selectors."""

from django_filters import rest_framework as filters

from tipilot.actions import selectors
from tipilot.actions.enums import ActionStatus, Decision, FunderCategory
from tipilot.actions.models import Action, FundingLine


class ActionFilter(filters.FilterSet):
    """The selector sets the joins, prefetches, totals and order; an unknown status is a 400."""

    region = filters.CharFilter(label="Code INSEE d'une région du territoire, ex. 84")
    territory = filters.CharFilter(label="Identifiant du territoire, ex. ti-8401")
    generation = filters.CharFilter(label="Génération (code), ex. 2023-2027")
    axis = filters.CharFilter(label="Axe (code) : recruter, innover, attirer, simplifier")
    status = filters.ChoiceFilter(choices=ActionStatus.choices, label="Statut de la fiche")
    measure = filters.CharFilter(label="Code d'une mesure mobilisée, ex. fonds-acceleration")
    tag = filters.CharFilter(label="Code d'un thème, ex. decarbonation")
    is_relocation = filters.BooleanFilter(label="Relocalisation")
    is_fragile_territory = filters.BooleanFilter(label="En territoire fragile")
    updated_since = filters.IsoDateTimeFilter(
        label="Modifiées depuis (ISO 8601, ex. 2025-01-31T00:00:00+01:00)"
    )
    q = filters.CharFilter(label="Recherche dans l'intitulé, le porteur et l'identifiant")

    class Meta:
        model = Action
        fields = [
            "region", "territory", "generation", "axis", "status", "measure", "tag",
            "is_relocation", "is_fragile_territory", "updated_since", "q",
        ]  # fmt: skip

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return selectors.action_list(
            selectors.ActionFilters(
                **{
                    name: data.get(name) or ""
                    for name in ("q", "region", "territory", "generation", "axis", "status")
                },
                measure=data.get("measure") or "",
                tag=data.get("tag") or "",
                is_relocation=data.get("is_relocation"),
                is_fragile_territory=data.get("is_fragile_territory"),
                updated_since=data.get("updated_since"),
            )
        )


class FundingLineFilter(filters.FilterSet):
    action = filters.CharFilter(label="Identifiant de la fiche action")
    territory = filters.CharFilter(label="Identifiant du territoire, ex. ti-8401")
    region = filters.CharFilter(label="Code INSEE d'une région du territoire")
    funder_category = filters.ChoiceFilter(
        choices=FunderCategory.choices, label="Catégorie de financeur"
    )
    funder = filters.CharFilter(label="SIREN du financeur")
    measure = filters.CharFilter(label="Code de la mesure")
    decision = filters.ChoiceFilter(choices=Decision.choices, label="Décision du financeur")

    class Meta:
        model = FundingLine
        fields = [
            "action", "territory", "region", "funder_category", "funder", "measure", "decision",
        ]  # fmt: skip

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return selectors.funding_line_list(
            selectors.LineFilters(
                **{name: data.get(name) or "" for name in self.Meta.fields},
            )
        )
