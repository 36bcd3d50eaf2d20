"""Create and edit a site clé en main, and move it along its lifecycle (national team, pilots)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tipilot.sites import services
from tipilot.sites.enums import ProcedureState, SiteTransition

from ..access import add_service_errors, login_redirect, require
from .detail import get_site
from .forms import SiteForm, TransitionForm, site_initial


@login_redirect
def site_create(request):
    require(request, "sites.add_site")
    form = SiteForm(request.POST or None, initial={
        name: ProcedureState.NOT_STARTED
        for name in ("urbanism", "archaeology", "environment", "biodiversity")
    })  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            site = services.site_create(by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Le site a été créé, au statut « proposé ».")
            return redirect("site-detail", slug=site.slug)
    return render(
        request, "web/sites/site_form.html", {"form": form, "site": None},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_redirect
def site_edit(request, slug: str):
    site = get_site(slug)
    require(request, "sites.change_site", site)
    form = SiteForm(request.POST or None, initial=site_initial(site))
    if request.method == "POST" and form.is_valid():
        try:
            services.site_update(site=site, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Le site a été enregistré.")
            return redirect("site-detail", slug=slug)
    return render(
        request, "web/sites/site_form.html", {"form": form, "site": site},
        status=400 if form.errors else 200,
    )  # fmt: skip


@require_POST
@login_redirect
def site_transition(request, slug: str):
    site = get_site(slug)
    require(request, "sites.change_site", site)
    form = TransitionForm(request.POST)
    name = request.POST.get("name", "")
    try:
        if not form.is_valid():
            raise ValidationError("Étape manquante.")
        services.site_transition(site=site, name=name, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"« {SiteTransition(name).label} » : c'est enregistré.")
    return redirect("site-detail", slug=slug)
