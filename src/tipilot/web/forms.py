"""The base of every tipilot form: django-dsfr rendering, optional fields marked.

The DSFR now marks optional fields rather than required ones; django-dsfr 3 warns on every
render until a form says which it does, so this base says it once, without the deprecated
transitional setting.
"""

from django import forms
from dsfr.forms import DsfrBaseForm


class Form(DsfrBaseForm):
    def get_context(self) -> dict:
        context = forms.Form.get_context(self)
        context["DSFR_MARK_OPTIONAL_FIELDS"] = True
        return context
