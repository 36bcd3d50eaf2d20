"""Sign in and out, reset a password, accept an invitation, see one's roles and API token."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST
from rest_framework.authtoken.models import Token

from tipilot.governance.models import RoleAssignment
from tipilot.governance.scope import user_scope
from tipilot.governance.services import invitation_accept, invitation_from_token

from .forms import LoginForm, NewPasswordForm, ResetForm

T = "web/account/"

login_view = auth_views.LoginView.as_view(
    template_name=T + "login.html", authentication_form=LoginForm, redirect_authenticated_user=True
)
logout_view = auth_views.LogoutView.as_view()  # POST only (Django 5)


class PasswordResetView(auth_views.PasswordResetView):
    """Links in the email point at ``TIPILOT_SITE_URL``, never at the request's Host header."""

    def form_valid(self, form):
        self.extra_email_context = {"site_url": settings.TIPILOT_SITE_URL}
        return super().form_valid(form)


password_reset = PasswordResetView.as_view(
    template_name=T + "password_reset.html",
    form_class=ResetForm,
    email_template_name="web/account/email/password_reset.txt",
    subject_template_name="web/account/email/password_reset_subject.txt",
    success_url=reverse_lazy("password-reset-done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name=T + "password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name=T + "password_reset_confirm.html",
    form_class=NewPasswordForm,
    success_url=reverse_lazy("password-reset-complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name=T + "password_reset_complete.html"
)


def invitation(request, token: str):
    """Choose a password: the account is created, linked to the invited person, signed in."""
    try:
        invite = invitation_from_token(token)
    except ValidationError as error:
        return render(request, T + "invitation_invalid.html", {"error": error}, status=400)
    # An unsaved user, for the validators: the password may not look like the name or email.
    future = get_user_model()(
        username=invite.email,
        email=invite.email,
        first_name=invite.person.first_name,
        last_name=invite.person.last_name,
    )
    form = NewPasswordForm(user=future, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(invitation=invite, password=form.cleaned_data["new_password1"])
        except ValidationError as error:
            return render(request, T + "invitation_invalid.html", {"error": error}, status=400)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Votre compte est créé : bienvenue sur tipilot.")
        return redirect("account")
    return render(
        request,
        T + "invitation.html",
        {"form": form, "invitation": invite},
        status=400 if form.errors else 200,
    )


@login_required
def account(request):
    roles = RoleAssignment.objects.in_force().filter(person__user=request.user)
    roles = roles.select_related("territory__generation", "region", "operator")
    return render(
        request,
        T + "account.html",
        {
            "roles": roles,
            "scope": user_scope(request.user),
            "has_token": Token.objects.filter(user=request.user).exists(),
            "new_token": request.session.pop("new_token", None),
        },
    )


@require_POST
@login_required
def token_regenerate(request):
    """A new API token, shown once; the previous one stops working at once."""
    Token.objects.filter(user=request.user).delete()
    token = Token.objects.create(user=request.user)
    request.session["new_token"] = token.key
    messages.success(request, "Un nouveau jeton d'API a été créé ; l'ancien ne fonctionne plus.")
    return redirect("account")
