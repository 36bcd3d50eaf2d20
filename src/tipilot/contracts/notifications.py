"""Emails to a contract's binôme and signatories when its state or signature date changes.

Sent after the transaction commits (never for a rolled-back change), through Django's email
backend: the console in the demo, SMTP by settings (``EMAIL_URL``).
"""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string

from tipilot.governance.enums import BINOME_ROLES
from tipilot.governance.models import RoleAssignment


def recipients(contract) -> list[str]:
    binome = (
        RoleAssignment.objects.in_force()
        .filter(territory=contract.territory_id, kind__in=BINOME_ROLES)
        .exclude(person__email="")
        .values_list("person__email", flat=True)
    )
    signatories = contract.signatories.exclude(representative__isnull=True).exclude(
        representative__email=""
    )
    emails = set(binome) | set(signatories.values_list("representative__email", flat=True))
    return sorted(emails)


def _send(contract, subject: str, template: str, context: dict) -> int:
    emails = recipients(contract)
    if not emails:
        return 0
    body = render_to_string(
        template, {"contract": contract, "site_url": settings.TIPILOT_SITE_URL, **context}
    )
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in emails]
    return send_mass_mail(messages, fail_silently=False)


def state_changed(contract, event) -> int:
    subject = f"[tipilot] {contract.territory.name} : contrat « {event.get_target_display()} »"
    return _send(contract, subject, "contracts/email/state_changed.txt", {"event": event})


def planned_date_set(contract) -> int:
    subject = (
        f"[tipilot] {contract.territory.name} : signature prévue le "
        f"{contract.planned_signature_on:%d/%m/%Y}"
    )
    return _send(contract, subject, "contracts/email/planned_date.txt", {})
