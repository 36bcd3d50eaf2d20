"""Create and edit a fiche action, and move it along its lifecycle."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tipilot.actions import services
from tipilot.actions.enums import ActionTransition
from tipilot.core.errors import EditConflict
from tipilot.territories.enums import TerritoryStatus
from tipilot.territories.models import Territory
from tipilot.territories.selectors import generations_with_territory

from ..access import LoginRequired, add_service_errors, login_redirect, require
from .detail import action_detail, get_action
from .forms import ActionForm, TransitionForm, action_initial


def _territory(identifier: str, generation: str) -> Territory:
    generations = list(generations_with_territory(identifier))
    if not generations:
        raise Http404("Aucun territoire ne porte cet identifiant.")
    chosen = next((g for g in generations if g.code == generation), generations[0])
    return get_object_or_404(
        Territory.objects.select_related("generation").prefetch_related("regions"),
        generation=chosen,
        identifier=identifier,
    )


def _status(form) -> int:
    if any("quelqu'un d'autre" in e for e in form.non_field_errors()):
        return 409
    return 400 if form.errors else 200


def _choose_territory(request):
    """Without a territory in the address: the territories where the user may add actions."""
    if not request.user.is_authenticated:
        raise LoginRequired
    territories = [
        t
        for t in Territory.objects.filter(status=TerritoryStatus.LABELLED)
        .select_related("generation")
        .prefetch_related("regions")
        .defer("outline", "search_text")
        .order_by("-generation__start_year", "identifier")
        if request.user.has_perm("actions.add_action", t)
    ]
    if not territories:
        raise PermissionDenied("Votre rôle ne vous permet pas de créer de fiche action.")
    return render(request, "web/actions/choose_territory.html", {"territories": territories})


@login_redirect
def action_create(request, identifier: str = ""):
    identifier = identifier or request.GET.get("territoire", "")
    if not identifier:
        return _choose_territory(request)
    territory = _territory(identifier, request.GET.get("generation", ""))
    require(request, "actions.add_action", territory)
    form = ActionForm(
        request.POST or None, initial={"jobs_created_planned": 0, "jobs_maintained_planned": 0}
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            action = services.action_create(territory=territory, by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La fiche action a été créée, au stade de l'idée.")
            return redirect("action-detail", external_id=action.external_id)
    context = {"form": form, "territory": territory, "action": None}
    return render(request, "web/actions/action_form.html", context, status=_status(form))


@login_redirect
def action_edit(request, external_id: str):
    action = get_action(external_id)
    require(request, "actions.change_action", action)
    form = ActionForm(request.POST or None, initial=action_initial(action))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.action_update(action=action, version=version, by=request.user, **data)
        except EditConflict as conflict:
            form.add_error(None, str(conflict))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La fiche action a été enregistrée.")
            return redirect("action-detail", external_id=external_id)
    context = {"form": form, "territory": action.territory, "action": action}
    return render(request, "web/actions/action_form.html", context, status=_status(form))


@require_POST
@login_redirect
def action_transition(request, external_id: str):
    action = get_action(external_id)
    require(request, "actions.change_action", action)
    form = TransitionForm(request.POST, auto_id=f"{request.POST.get('name', '')}-%s")
    if not form.is_valid():
        return action_detail(request, external_id, forms={request.POST.get("name", ""): form})
    name = form.cleaned_data["name"]
    try:
        services.action_transition(
            action=action,
            name=name,
            by=request.user,
            on=form.cleaned_data["on"],
            version=form.cleaned_data["version"],
        )
    except EditConflict as conflict:
        form.add_error(None, str(conflict))
    except ValidationError as error:
        add_service_errors(form, error)
    else:
        messages.success(request, f"« {ActionTransition(name).label} » : c'est enregistré.")
        return redirect("action-detail", external_id=external_id)
    return action_detail(request, external_id, forms={name: form})
