"""The call's eligibility rules, checked by the code on an application.

Each rule the call sets gives one check ``{"rule", "label", "ok", "message"}``; a rule the call
does not set is not listed. The applicant sees them live on the draft, a submission needs them
all to pass, and the result is stored in ``Application.eligibility`` for the instructor, who
confirms (or not) the application's eligibility.
"""

from decimal import Decimal

from django.utils.formats import number_format

from tipilot.governance.enums import OrganisationKind
from tipilot.territories.selectors import latest_generation

from .models import Application, Call


def _check(rule: str, label: str, ok: bool, message: str) -> dict:
    return {"rule": rule, "label": label, "ok": ok, "message": message}


def _euros(amount: Decimal) -> str:
    return f"{number_format(amount, 0, force_grouping=True)}\xa0€"


def call_generation(call: Call):
    """The generation of territories the call targets: its own, or the current one."""
    return call.generation or latest_generation()


def _territory(application: Application, call: Call) -> dict | None:
    if not call.requires_labelled_territory:
        return None
    label = "Territoire d'industrie labellisé"
    if application.commune_id is None:
        return _check("territory", label, False, "Indiquez la commune du projet.")
    territory = application.territory
    generation = call_generation(call)
    if territory is None or (generation and territory.generation_id != generation.pk):
        where = f"génération {generation.code}" if generation else "en cours"
        return _check(
            "territory",
            label,
            False,
            f"La commune {application.commune} n'appartient à aucun territoire d'industrie "
            f"labellisé ({where}).",
        )
    return _check("territory", label, True, f"Territoire « {territory.name} ».")


def _region(application: Application, call: Call) -> dict | None:
    regions = list(call.regions.all())
    if not regions:
        return None
    label = "Région éligible"
    names = ", ".join(r.name for r in regions)
    if application.commune_id is None:
        return _check("region", label, False, f"Indiquez la commune du projet ({names}).")
    region_id = application.commune.region_id
    if region_id in {r.pk for r in regions}:
        return _check("region", label, True, f"Région « {application.commune.region.name} ».")
    return _check(
        "region", label, False, f"Le projet doit se situer dans l'une de ces régions : {names}."
    )


def _kind(application: Application, call: Call) -> dict | None:
    kinds = call.applicant_kinds or []
    if not kinds:
        return None
    label = "Nature du porteur"
    allowed = ", ".join(str(OrganisationKind(k).label).lower() for k in kinds)
    organisation = application.organisation
    if organisation is None:
        return _check("applicant_kind", label, False, f"Indiquez le porteur ({allowed}).")
    if organisation.kind in kinds:
        return _check("applicant_kind", label, True, organisation.get_kind_display())
    return _check(
        "applicant_kind",
        label,
        False,
        f"Cet appel est ouvert aux porteurs de nature : {allowed} "
        f"(le vôtre : {organisation.get_kind_display().lower()}).",
    )


def _naf(application: Application, call: Call) -> dict | None:
    prefixes = call.naf_prefixes or []
    if not prefixes:
        return None
    label = "Secteur d'activité (code NAF)"
    listed = ", ".join(prefixes)
    code = application.naf_code
    if not code:
        return _check("naf", label, False, f"Indiquez le code NAF (secteurs admis : {listed}).")
    if any(code.startswith(p) for p in prefixes):
        return _check("naf", label, True, f"Code NAF {code}.")
    return _check("naf", label, False, f"Le code NAF {code} n'est pas admis (admis : {listed}).")


def _amount(application: Application, call: Call) -> dict | None:
    low, high = call.amount_min, call.amount_max
    if low is None and high is None:
        return None
    label = "Montant de l'aide demandée"
    bounds = " et ".join(
        part
        for part in (
            f"au moins {_euros(low)}" if low is not None else "",
            f"au plus {_euros(high)}" if high is not None else "",
        )
        if part
    )
    amount = application.amount_requested
    if amount is None:
        return _check("amount", label, False, f"Indiquez l'aide demandée ({bounds}).")
    if (low is not None and amount < low) or (high is not None and amount > high):
        return _check(
            "amount", label, False, f"L'aide demandée ({_euros(amount)}) doit être de {bounds}."
        )
    return _check("amount", label, True, f"{_euros(amount)} demandés.")


RULES = (_territory, _region, _kind, _naf, _amount)


def eligibility_checks(application: Application) -> list[dict]:
    """The call's rules checked on the application, in a stable order."""
    call = application.call
    return [check for rule in RULES if (check := rule(application, call)) is not None]


def is_eligible(checks: list[dict]) -> bool:
    return all(check["ok"] for check in checks)
