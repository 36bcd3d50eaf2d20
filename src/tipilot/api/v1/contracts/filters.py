from django_filters import rest_framework as filters

from tipilot.contracts.enums import CalendarStatus, ContractState
from tipilot.contracts.models import Contract
from tipilot.contracts.selectors import contract_list


class ContractFilter(filters.FilterSet):
    """The list's filters, applied at once by ``contracts.selectors.contract_list``.

    The selector also sets the joins, prefetches, the calendar annotation and the order: the
    queryset the view passes in only names the model. An unknown state or calendar status
    answers 400.
    """

    region = filters.CharFilter(label="Code INSEE d'une région du territoire, ex. 84")
    generation = filters.CharFilter(label="Génération (code), ex. 2023-2027")
    state = filters.ChoiceFilter(choices=ContractState.choices, label="État du contrat")
    calendar_status = filters.ChoiceFilter(
        choices=CalendarStatus.choices, label="Situation au calendrier des signatures"
    )

    class Meta:
        model = Contract
        fields = ["region", "generation", "state", "calendar_status"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return contract_list(
            region=data.get("region") or "",
            generation=data.get("generation") or "",
            state=data.get("state") or "",
            calendar_status=data.get("calendar_status") or "",
        ).prefetch_related("documents")
