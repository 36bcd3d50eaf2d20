"""The base of every tipilot form: django-dsfr rendering, optional fields marked.

The DSFR now marks optional fields rather than required ones; django-dsfr 3 warns on every
render until a form says which it does, so this base says it once, without the deprecated
transitional setting.
"""

from django import forms
from dsfr.forms import DsfrBaseForm

from tipilot.geo.models import Region


class Form(DsfrBaseForm):
    def get_context(self) -> dict:
        context = forms.Form.get_context(self)
        context["DSFR_MARK_OPTIONAL_FIELDS"] = True
        return context


def territory_identifier_field(label: str = "Territoire") -> forms.RegexField:
    """A filter on a territory by its identifier (``ti-8401``), refused in French otherwise."""
    return forms.RegexField(
        label=label,
        regex=r"^ti-[0-9A-Za-z]{2,7}$",
        required=False,
        error_messages={"invalid": "Identifiant de territoire attendu, ex. ti-8401."},
    )


def region_choices(empty: str = "Toutes") -> list[tuple[str, str]]:
    """The regions in force, by name, after an empty choice (for a filter's select)."""
    regions = Region.objects.filter(dissolved=False).only("code", "name").order_by("name")
    return [("", empty)] + [(r.code, r.name) for r in regions]
