"""Account forms in the DSFR style, built on Django's own authentication forms."""

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


class ResetForm(PasswordResetForm, DsfrBaseForm):
    pass


class NewPasswordForm(SetPasswordForm, DsfrBaseForm):
    pass
