"""Register a deployment, edit it, move it along its lifecycle (same services as the API)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tipilot.deployments import services
from tipilot.deployments.enums import DeploymentTransition

from ..access import LoginRequired, login_redirect, require, save_or_form_errors
from .forms import DeploymentCreateForm, DeploymentForm, TransitionForm, deployment_initial
from .views import deployment_detail, get_deployment


@login_redirect
def deployment_create(request):
    if not request.user.is_authenticated:
        raise LoginRequired
    require(request, "deployments.register_deployments")
    form = DeploymentCreateForm(request.POST or None, initial={"status": "project"})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        created = save_or_form_errors(
            form, lambda: services.deployment_create(by=request.user, **data)
        )
        if created is not None:
            messages.success(request, "Le déploiement a été enregistré.")
            return redirect("deployment-detail", pk=created.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "deployment": None}
    return render(request, "web/deployments/deployment_form.html", context, status=status)


@login_redirect
def deployment_edit(request, pk: int):
    deployment = get_deployment(pk)
    require(request, "deployments.change_deployment", deployment)
    form = DeploymentForm(request.POST or None, initial=deployment_initial(deployment))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = save_or_form_errors(
            form,
            lambda: services.deployment_update(deployment=deployment, by=request.user, **data),
        )
        if saved is not None:
            messages.success(request, "Le déploiement a été enregistré.")
            return redirect("deployment-detail", pk=pk)
    status = 400 if form.errors else 200
    context = {"form": form, "deployment": deployment}
    return render(request, "web/deployments/deployment_form.html", context, status=status)


@login_redirect
@require_POST
def deployment_transition(request, pk: int):
    deployment = get_deployment(pk)
    require(request, "deployments.change_deployment", deployment)
    name = request.POST.get("name", "")
    if name not in DeploymentTransition.values:
        messages.error(request, f"Transition inconnue : « {name} ».")
        return deployment_detail(request, pk, status=400)
    form = TransitionForm(request.POST, prefix=name)
    if form.is_valid():
        done = save_or_form_errors(
            form,
            lambda: services.deployment_transition(
                deployment=deployment, name=name, on=form.cleaned_data["on"], by=request.user
            ),
        )
        if done is not None:
            messages.success(request, f"Statut : {done.get_status_display()}.")
            return redirect("deployment-detail", pk=pk)
    return deployment_detail(request, pk, transition_form=form, status=400)
