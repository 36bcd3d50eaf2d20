"""Read-only admin: a contract moves only through its lifecycle services."""

from django.contrib import admin

from tipilot.core.admin import ReadOnlyAdminMixin
from tipilot.governance.admin import ReadOnlyHistoryAdmin

from .models import Amendment, Contract, ContractDocument, ContractEvent, Signatory


@admin.register(Contract)
class ContractAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "territory", "state", "planned_signature_on", "signed_on"]
    list_filter = ["state", "territory__generation"]
    search_fields = ["title", "territory__name", "territory__identifier"]


@admin.register(ContractEvent)
class ContractEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The transition log is itself the record: nobody edits it."""

    list_display = ["contract", "transition", "source", "target", "on", "author"]


@admin.register(Amendment)
class AmendmentAdmin(ReadOnlyHistoryAdmin):
    list_display = ["contract", "number", "title", "state", "started_on", "signed_on"]


@admin.register(Signatory)
class SignatoryAdmin(ReadOnlyHistoryAdmin):
    list_display = ["contract", "organisation", "representative", "capacity"]


@admin.register(ContractDocument)
class ContractDocumentAdmin(ReadOnlyHistoryAdmin):
    list_display = ["contract", "kind", "title", "size", "uploaded_at"]
