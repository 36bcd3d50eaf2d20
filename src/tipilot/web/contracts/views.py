"""Contract pages: the public record, and the forms of those allowed to move it along."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tipilot.contracts import selectors, services
from tipilot.contracts.enums import ContractState, Transition
from tipilot.contracts.models import Contract, Signatory
from tipilot.contracts.permissions import can_transition
from tipilot.core.audit import history_of
from tipilot.core.errors import EditConflict
from tipilot.territories.models import Territory

from ..access import add_service_errors, login_redirect, require
from .forms import ContractForm, DocumentForm, SignatoryForm, TransitionForm

PUBLIC_DOCUMENT_STATES = (ContractState.SIGNED, ContractState.AMENDING, ContractState.CLOSED)


def _contract(pk: int) -> Contract:
    try:
        return selectors.contract_detail(pk)
    except Contract.DoesNotExist as exc:
        raise Http404("Aucun contrat à ce numéro.") from exc


def contract_detail(request, pk: int, forms: dict | None = None):
    contract = _contract(pk)
    user = request.user
    private = user.has_perm("contracts.view_private", contract)
    transitions = [t for t in Transition if _offered(user, contract, t)]
    forms = forms or {}
    today = timezone.localdate()
    context = {
        "contract": contract,
        "private": private,
        "regions": list(contract.territory.regions.all()),
        "calendar_status": contract.calendar_status(),
        "events": list(contract.events.all()),
        "documents": list(contract.documents.all())
        if private or contract.state in PUBLIC_DOCUMENT_STATES
        else [],
        "transition_forms": [
            (
                t,
                forms.get(t.value)
                or TransitionForm(
                    initial={"name": t.value, "on": today, "version": contract.version}
                ),
            )
            for t in transitions
        ],
        "can_change": user.has_perm("contracts.change_contract", contract),
        "document_form": forms.get("document")
        or (DocumentForm() if user.has_perm("contracts.add_document", contract) else None),
        "signatory_form": forms.get("signatory")
        or (SignatoryForm() if user.has_perm("contracts.manage_signatories", contract) else None),
        "history": history_of(contract) if private else [],
    }
    context["form_errors"] = [
        message
        for key, form in forms.items()
        if key not in {t.value for t in transitions} and key not in ("document", "signatory")
        for message in form.non_field_errors()
    ]
    status = 400 if forms else 200
    return render(request, "web/contracts/contract_detail.html", context, status=status)


def _offered(user, contract, transition) -> bool:
    from django_fsm import can_proceed

    method = getattr(contract, services.METHODS[transition])
    return can_proceed(method) and can_transition(user, contract, transition)


@login_redirect
def contract_create(request, territory_pk: int):
    territory = get_object_or_404(Territory.objects.prefetch_related("regions"), pk=territory_pk)
    require(request, "contracts.add_contract", territory)
    if hasattr(territory, "contract"):
        return redirect("contract-detail", pk=territory.contract.pk)
    form = ContractForm(request.POST or None, initial={"title": f"Contrat {territory.name}"})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            contract = services.contract_create(territory=territory, by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Le contrat a été créé, en préparation.")
            return redirect("contract-detail", pk=contract.pk)
    return render(
        request,
        "web/contracts/contract_form.html",
        {"form": form, "territory": territory, "contract": None},
        status=400 if form.errors else 200,
    )


@login_redirect
def contract_edit(request, pk: int):
    contract = _contract(pk)
    require(request, "contracts.change_contract", contract)
    initial = {
        "title": contract.title,
        "summary": contract.summary,
        "planned_signature_on": contract.planned_signature_on,
        "version": contract.version,
    }
    form = ContractForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.contract_update(contract=contract, version=version, by=request.user, **data)
        except EditConflict as conflict:
            form.add_error(None, str(conflict))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Le contrat a été enregistré.")
            return redirect("contract-detail", pk=contract.pk)
    return render(
        request,
        "web/contracts/contract_form.html",
        {"form": form, "territory": contract.territory, "contract": contract},
        status=409
        if any("quelqu'un d'autre" in e for e in form.non_field_errors())
        else (400 if form.errors else 200),
    )


@require_POST
@login_redirect
def contract_transition(request, pk: int):
    contract = _contract(pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        name = request.POST.get("name", "")
        require(request, f"contracts.{name}_contract", contract)
        return contract_detail(request, pk, forms={name: form})
    name = form.cleaned_data["name"]
    require(request, f"contracts.{name}_contract", contract)
    try:
        services.contract_transition(
            contract=contract,
            name=name,
            by=request.user,
            on=form.cleaned_data["on"],
            comment=form.cleaned_data["comment"],
            version=form.cleaned_data["version"],
            amendment_title=form.cleaned_data["amendment_title"],
        )
    except EditConflict as conflict:
        form.add_error(None, str(conflict))
        return contract_detail(request, pk, forms={name: form})
    except ValidationError as error:
        add_service_errors(form, error)
        return contract_detail(request, pk, forms={name: form})
    messages.success(request, f"« {Transition(name).label} » : c'est enregistré.")
    return redirect("contract-detail", pk=pk)


def _post_part(request, pk: int, *, key: str, perm: str, form, service, done: str):
    """Add a part to a contract (document, signatory): check, call the service, redirect;
    on error, the contract page again with the form and its messages (nothing is lost)."""
    contract = _contract(pk)
    require(request, perm, contract)
    if form.is_valid():
        try:
            service(contract=contract, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("contract-detail", pk=pk)
    return contract_detail(request, pk, forms={key: form})


@require_POST
@login_redirect
def document_upload(request, pk: int):
    return _post_part(
        request,
        pk,
        key="document",
        perm="contracts.add_document",
        form=DocumentForm(request.POST, request.FILES),
        service=services.document_add,
        done="Le document a été déposé.",
    )


@require_POST
@login_redirect
def signatory_add(request, pk: int):
    return _post_part(
        request,
        pk,
        key="signatory",
        perm="contracts.manage_signatories",
        form=SignatoryForm(request.POST),
        service=services.signatory_add,
        done="Le signataire a été ajouté.",
    )


@require_POST
@login_redirect
def signatory_remove(request, pk: int, signatory_pk: int):
    signatory = get_object_or_404(
        Signatory.objects.select_related("contract"), pk=signatory_pk, contract_id=pk
    )
    require(request, "contracts.manage_signatories", signatory.contract)
    try:
        services.signatory_remove(signatory=signatory, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Le signataire a été retiré.")
    return redirect("contract-detail", pk=pk)


def contract_list(request):
    params = request.GET
    contracts = selectors.contract_list(
        region=params.get("region", ""),
        generation=params.get("generation", ""),
        state=params.get("state", ""),
        q=params.get("q", ""),
    )
    from django.core.paginator import Paginator

    from tipilot.geo.models import Region
    from tipilot.territories.models import Generation

    page = Paginator(contracts, 50).get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    return render(
        request,
        "web/contracts/contract_list.html",
        {
            "page_obj": page,
            "count": page.paginator.count,
            "params": params,
            "query": query.urlencode(),
            "states": ContractState.choices,
            "regions": Region.objects.filter(dissolved=False).defer("outline"),
            "generations": Generation.objects.all(),
        },
    )


def document_download(request, pk: int, document_pk: int):
    """Serve a document through its storage, if the reader may see it (drafts are private)."""
    from django.http import FileResponse

    contract = _contract(pk)
    document = get_object_or_404(contract.documents.all(), pk=document_pk)
    public = contract.state in PUBLIC_DOCUMENT_STATES
    if not public and not request.user.has_perm("contracts.view_private", contract):
        raise Http404("Document introuvable.")
    return FileResponse(
        document.file.open("rb"),
        content_type="application/pdf",
        filename=f"{document.title}.pdf",
    )
