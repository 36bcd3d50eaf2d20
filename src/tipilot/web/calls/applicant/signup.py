"""Applicants create their own account: a plain account without any role."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .forms import EXISTS, SignupForm


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe and target else reverse("my-applications")


def applicant_signup(request):
    """Email, name, password (Django's validators), terms; signed in, back to ``next``."""
    target = _next(request)
    if request.user.is_authenticated:
        return redirect(target)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                user = get_user_model().objects.create_user(
                    username=data["email"],
                    email=data["email"],
                    password=data["password1"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                )
        except IntegrityError:
            form.add_error("email", EXISTS)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Votre compte est créé : vous pouvez candidater.")
            return redirect(target)
    status = 400 if form.errors else 200
    context = {"form": form, "next": target}
    return render(request, "web/calls/applicant/signup.html", context, status=status)
