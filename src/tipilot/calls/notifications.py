"""Emails to an application's applicant (acknowledgement, reopening, decision).

Sent after the transaction commits (never for a rolled-back change), through Django's email
backend: the console in the demo, SMTP by settings (``EMAIL_URL``). Each email sent is
written in the application's timeline (``ApplicationEvent`` « Courriel envoyé »).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from .enums import EventKind
from .models import Application, ApplicationEvent


def mail_applicant(application: Application, *, subject: str, template: str, **context) -> None:
    """Queue an email to the applicant, sent once the current transaction commits.

    ``template`` is a text template under ``calls/email/``; it receives ``application``,
    ``call``, ``site_url`` and ``context``.
    """
    email = application.applicant.email
    if not email:
        return
    body = render_to_string(
        f"calls/email/{template}",
        {
            "application": application,
            "call": application.call,
            "site_url": settings.TIPILOT_SITE_URL,
            **context,
        },
    )
    full_subject = f"[tipilot] {application.reference} : {subject}"

    def send() -> None:
        send_mail(full_subject, body, settings.DEFAULT_FROM_EMAIL, [email], fail_silently=False)
        ApplicationEvent.objects.create(
            application=application,
            kind=EventKind.NOTIFIED,
            message=f"« {full_subject} » envoyé à {email}.",
        )

    transaction.on_commit(send)
