"""Published France Expérimentation requests in the API (organisations only, no person)."""

from rest_framework import serializers as S

from tipilot.experimentation.enums import RequestStatus, Theme
from tipilot.experimentation.models import DerogationRequest

THEMES = " · ".join(f"`{v}` {label}" for v, label in Theme.choices)
STATUSES = " · ".join(f"`{v}` {label}" for v, label in RequestStatus.choices)


class DerogationSerializer(S.ModelSerializer):
    theme = S.CharField(help_text=f"Thème : {THEMES}")
    theme_label = S.CharField(source="get_theme_display")
    status = S.CharField(help_text=f"Statut : {STATUSES}")
    status_label = S.CharField(source="get_status_display")
    territory = S.CharField(source="territory.identifier", allow_null=True)
    generation = S.CharField(source="territory.generation.code", allow_null=True)
    regions = S.SerializerMethodField(help_text="Codes des régions du territoire")
    applicant = S.CharField(source="applicant.name", allow_null=True, help_text="Organisation")

    class Meta:
        model = DerogationRequest
        fields = [
            "id", "reference", "title", "theme", "theme_label", "rule", "legal_reference",
            "project", "territory", "generation", "regions", "applicant", "submitted_on",
            "status", "status_label", "answer", "answered_on", "follow_up", "is_demo",
        ]  # fmt: skip
        read_only_fields = fields

    def get_regions(self, request) -> list[str]:
        return [r.code for r in request.territory.regions.all()] if request.territory else []
