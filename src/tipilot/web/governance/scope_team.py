"""Who holds the regional roles (pilots, COPIL members) and the national ones (ANCT team,
operators' instructors): programme-internal pages, with the same role forms as a territory's."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from tipilot.core.audit import history_of
from tipilot.geo.models import Region
from tipilot.governance import services
from tipilot.governance.enums import RoleKind
from tipilot.governance.models import RoleAssignment
from tipilot.governance.scope import user_scope

from ..access import add_service_errors, login_redirect, require
from .forms import OperatorRoleForm, RoleEndForm, RoleForm

NATIONAL_KINDS = (RoleKind.NATIONAL_TEAM, RoleKind.OPERATOR_INSTRUCTOR)


def _region_kinds(user) -> tuple:
    if user_scope(user).national:
        return (RoleKind.REGIONAL_PILOT, RoleKind.COPIL_MEMBER)
    return (RoleKind.COPIL_MEMBER,)


def _page(request, *, title, roles, form, action, back):
    roles = list(roles.select_related("person__organisation", "person__user", "operator"))
    return render(
        request,
        "web/governance/scope_team.html",
        {
            "title": title,
            "current": [r for r in roles if r.in_force()],
            "past": [r for r in roles if not r.in_force()],
            "role_form": form,
            "action": action,
            "back": back,
            "end_form": RoleEndForm() if form is not None else None,
            "history": [h for r in roles for h in history_of(r, limit=5)],
        },
        status=400 if form is not None and form.errors else 200,
    )


def _assign(request, form, **scope):
    if request.method != "POST" or form is None or not form.is_valid():
        return False
    data = {k: v for k, v in form.cleaned_data.items() if k != "operator"}
    try:
        services.role_assign(by=request.user, **scope, **data)
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    messages.success(request, "Le rôle a été attribué.")
    return True


@login_redirect
def region_team(request, code: str):
    region = get_object_or_404(Region.objects.defer("outline"), code=code)
    require(request, "governance.view_copil_private", region)
    manage = request.user.has_perm("governance.manage_copil", region)
    if request.method == "POST" and not manage:
        require(request, "governance.manage_copil", region)
    form = RoleForm(request.POST or None, kinds=_region_kinds(request.user)) if manage else None
    if _assign(request, form, region=region):
        return redirect("region-team", code=code)
    return _page(
        request,
        title=f"Pilotage et COPIL — {region.name}",
        roles=RoleAssignment.objects.filter(region=region),
        form=form,
        action=reverse("region-team", args=[code]),
        back=reverse("region-detail", args=[code]),
    )


@login_redirect
def national_team(request):
    require(request, "governance.manage_national_team")
    form = OperatorRoleForm(request.POST or None, kinds=NATIONAL_KINDS)
    operator = form.cleaned_data.get("operator") if form.is_bound and form.is_valid() else None
    if _assign(request, form, operator=operator):
        return redirect("national-team")
    return _page(
        request,
        title="Équipe nationale et instructeurs des opérateurs",
        roles=RoleAssignment.objects.filter(territory__isnull=True, region__isnull=True),
        form=form,
        action=reverse("national-team"),
        back=reverse("people"),
    )
