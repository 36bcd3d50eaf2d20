"""Writes on contracts. Each service checks the acting user's permission, validates, writes
in one transaction, records the author in the audit trail and schedules the notifications.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tipilot.core.audit import save_audited
from tipilot.core.errors import EditConflict
from tipilot.core.uploads import validate_pdf
from tipilot.territories.models import Territory

from . import notifications
from .enums import AmendmentState, ContractState, Transition
from .models import Amendment, Contract, ContractDocument, ContractEvent, Signatory
from .permissions import can_transition

EDITABLE_FIELDS = ("title", "summary", "planned_signature_on")
METHODS = {
    Transition.SUBMIT: "submit",
    Transition.RETURN: "send_back",
    Transition.VALIDATE: "validate",
    Transition.SIGN: "sign",
    Transition.START_AMENDMENT: "start_amendment",
    Transition.SIGN_AMENDMENT: "sign_amendment",
    Transition.CLOSE: "close",
}


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def contract_create(
    *,
    territory: Territory,
    title: str,
    by,
    planned_signature_on: dt.date | None = None,
    summary: str = "",
    is_demo: bool = False,
) -> Contract:
    _require(by, "contracts.add_contract", territory, "Vous ne pouvez pas créer ce contrat.")
    if Contract.objects.filter(territory=territory).exists():
        raise ValidationError({"territory": "Ce territoire a déjà un contrat."})
    with transaction.atomic():
        contract = Contract(
            territory=territory,
            title=title,
            planned_signature_on=planned_signature_on,
            summary=summary,
            is_demo=is_demo,
        )
        save_audited(contract, by=by, reason="Création")
    return contract


def _locked(contract: Contract, version: int | None) -> Contract:
    """Re-read the contract under a row lock and check nobody saved it meanwhile."""
    current = Contract.objects.select_for_update().get(pk=contract.pk)
    if version is not None and current.version != version:
        raise EditConflict(current, expected=version, current=current.version)
    return current


def contract_update(*, contract: Contract, version: int | None, by, **changes) -> Contract:
    """Change the contract's title, presentation or planned signature date.

    ``version`` is the version the editor started from; a newer one in the database means
    somebody else saved meanwhile, and nothing is written (``EditConflict``).
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"Champs non modifiables ici : {', '.join(sorted(unknown))}.")
    _require(by, "contracts.change_contract", contract, "Vous ne pouvez pas modifier ce contrat.")
    with transaction.atomic():
        current = _locked(contract, version)
        old_date = current.planned_signature_on
        for name, value in changes.items():
            setattr(current, name, value)
        current.version += 1
        save_audited(current, by=by, reason="Modification")
        if current.planned_signature_on != old_date and current.planned_signature_on:
            transaction.on_commit(lambda: notifications.planned_date_set(current))
    return current


def contract_transition(
    *,
    contract: Contract,
    name: str,
    by,
    on: dt.date | None = None,
    comment: str = "",
    version: int | None = None,
    amendment_title: str = "",
) -> Contract:
    """Move the contract along its lifecycle, if the user may and the state allows it."""
    if name not in METHODS:
        raise ValidationError({"transition": f"Transition inconnue : « {name} »."})
    on = on or timezone.localdate()
    with transaction.atomic():
        current = _locked(contract, version)
        if not can_transition(by, current, name):
            raise PermissionDenied(
                f"Vous ne pouvez pas « {Transition(name).label.lower()} » ce contrat."
            )
        source = current.state
        _check_transition(current, name, on=on, amendment_title=amendment_title)
        _apply(current, name, on=on, amendment_title=amendment_title, by=by)
        current.version += 1
        save_audited(current, by=by, reason=Transition(name).label)
        event = ContractEvent.objects.create(
            contract=current,
            transition=name,
            source=source,
            target=current.state,
            on=on,
            author=by if by.is_authenticated else None,
            comment=comment,
        )
        transaction.on_commit(lambda: notifications.state_changed(current, event))
    return current


def _check_transition(contract: Contract, name: str, *, on: dt.date, amendment_title: str):
    method = getattr(contract, METHODS[name])
    from django_fsm import can_proceed

    if not can_proceed(method):
        raise ValidationError(
            {
                "transition": f"« {Transition(name).label} » est impossible depuis l'état "
                f"« {contract.get_state_display()} »."
            }
        )
    if on > timezone.localdate():
        raise ValidationError({"on": "La date d'effet ne peut pas être dans le futur."})
    last = contract.events.order_by("-on").values_list("on", flat=True).first()
    if last and on < last:
        raise ValidationError(
            {"on": f"La date d'effet précède la précédente étape du contrat ({last:%d/%m/%Y})."}
        )
    if name == Transition.START_AMENDMENT and not amendment_title.strip():
        raise ValidationError({"amendment_title": "Indiquez l'objet de l'avenant."})


def _apply(contract: Contract, name: str, *, on: dt.date, amendment_title: str, by) -> None:
    method = getattr(contract, METHODS[name])
    if name in (Transition.SIGN, Transition.CLOSE):
        method(on=on)
    else:
        method()
    if name == Transition.START_AMENDMENT:
        number = contract.amendments.count() + 1
        amendment = Amendment(
            contract=contract, number=number, title=amendment_title.strip(), started_on=on
        )
        save_audited(amendment, by=by, reason="Ouverture")
    elif name == Transition.SIGN_AMENDMENT:
        amendment = contract.amendments.get(state=AmendmentState.IN_PROGRESS)
        amendment.state = AmendmentState.SIGNED
        amendment.signed_on = on
        save_audited(amendment, by=by, reason="Signature")


def document_add(
    *, contract: Contract, kind: str, title: str, file, by, amendment: Amendment | None = None
) -> ContractDocument:
    _require(by, "contracts.add_document", contract, "Vous ne pouvez pas déposer de document ici.")
    validate_pdf(file)
    if amendment is not None and amendment.contract_id != contract.pk:
        raise ValidationError({"amendment": "Cet avenant n'est pas celui de ce contrat."})
    with transaction.atomic():
        document = ContractDocument(
            contract=contract,
            amendment=amendment,
            kind=kind,
            title=title,
            file=file,
            size=file.size,
            uploaded_by=by,
        )
        save_audited(document, by=by, reason="Dépôt")
    return document


def signatory_add(
    *, contract: Contract, organisation, by, representative=None, capacity: str = ""
) -> Signatory:
    _require(by, "contracts.manage_signatories", contract, "Vous ne gérez pas ses signataires.")
    if contract.signatories.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": f"{organisation} signe déjà ce contrat."})
    with transaction.atomic():
        signatory = Signatory(
            contract=contract,
            organisation=organisation,
            representative=representative,
            capacity=capacity,
        )
        return save_audited(signatory, by=by, reason="Ajout")


def signatory_remove(*, signatory: Signatory, by) -> None:
    _require(
        by, "contracts.manage_signatories", signatory.contract, "Vous ne gérez pas ses signataires."
    )
    if signatory.contract.state in (ContractState.SIGNED, ContractState.CLOSED):
        raise ValidationError("Un contrat signé garde ses signataires.")
    with transaction.atomic():
        signatory._history_user = by
        signatory.delete()
