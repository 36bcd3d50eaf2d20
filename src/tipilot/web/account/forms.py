"""Account forms in the DSFR style, built on Django's own authentication forms."""

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordResetForm,
    SetPasswordForm,
)

from tipilot.web.forms import Form as DsfrBaseForm


class LoginForm(AuthenticationForm, DsfrBaseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Adresse électronique"

    def clean_username(self) -> str:
        """The login is the email address, whatever its case (``Nora@Example.org``)."""
        typed = self.cleaned_data["username"].strip()
        known = (
            get_user_model()
            .objects.filter(username__iexact=typed)
            .values_list("username", flat=True)
            .first()
        )
        return known or typed


class ResetForm(PasswordResetForm, DsfrBaseForm):
    pass


class NewPasswordForm(SetPasswordForm, DsfrBaseForm):
    pass
