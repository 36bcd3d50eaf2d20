"""A territory's binôme and team: who holds which role, since when, and who held it before."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tipilot.core.audit import history_of
from tipilot.governance import services
from tipilot.governance.models import Person, RoleAssignment
from tipilot.governance.selectors import territory_team
from tipilot.territories.models import Territory

from ..access import add_service_errors, login_redirect, require
from .forms import ROLE_KINDS_FOR_TERRITORY, RoleEndForm, RoleForm


def _territory(identifier: str, generation: str) -> Territory:
    qs = Territory.objects.select_related("generation").prefetch_related("regions")
    qs = qs.filter(identifier=identifier).order_by("-generation__start_year")
    if generation:
        qs = qs.filter(generation__code=generation)
    territory = qs.defer("outline", "search_text").first()
    if territory is None:
        raise Http404("Aucun territoire ne porte cet identifiant.")
    return territory


def team_page(request, identifier: str, role_form=None):
    territory = _territory(identifier, request.GET.get("generation", ""))
    user = request.user
    private = user.has_perm("governance.view_territory_private", territory)
    manage = user.has_perm("governance.manage_territory_team", territory)
    team = territory_team(territory=territory, public=not private)
    if manage and role_form is None:
        role_form = RoleForm(kinds=ROLE_KINDS_FOR_TERRITORY)
    return render(
        request,
        "web/governance/team.html",
        {
            "territory": territory,
            "team": team,
            "private": private,
            "manage": manage,
            "role_form": role_form if manage else None,
            "end_form": RoleEndForm() if manage else None,
            "history": [h for r in team["all"] for h in history_of(r, limit=5)] if private else [],
        },
        status=400 if role_form is not None and role_form.errors else 200,
    )


@require_POST
@login_redirect
def role_add(request, identifier: str):
    territory = _territory(identifier, request.GET.get("generation", ""))
    require(request, "governance.manage_territory_team", territory)
    form = RoleForm(request.POST, kinds=ROLE_KINDS_FOR_TERRITORY)
    if form.is_valid():
        try:
            services.role_assign(territory=territory, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Le rôle a été attribué.")
            return redirect(_team_url(territory))
    return team_page(request, identifier, role_form=form)


@require_POST
@login_redirect
def role_end(request, pk: int):
    role = get_object_or_404(RoleAssignment.objects.select_related("territory", "region"), pk=pk)
    require(request, "governance.assign_role", role)
    form = RoleEndForm(request.POST)
    if form.is_valid():
        try:
            services.role_end(role=role, end_on=form.cleaned_data["end_on"], by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Le rôle a pris fin.")
    else:
        messages.error(request, "Indiquez une date de fin valide.")
    if role.territory:
        return redirect(_team_url(role.territory))
    if role.region:
        return redirect("region-team", code=role.region.code)
    return redirect("national-team")


@require_POST
@login_redirect
def person_invite(request, pk: int):
    person = get_object_or_404(Person, pk=pk)
    require(request, "governance.invite")
    try:
        services.invitation_create(person=person, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Une invitation a été envoyée à {person.email}.")
    return redirect(request.POST.get("next") or "people")


def _team_url(territory: Territory) -> str:
    from django.urls import reverse

    url = reverse("territory-team", args=[territory.identifier])
    return f"{url}?generation={territory.generation.code}"
