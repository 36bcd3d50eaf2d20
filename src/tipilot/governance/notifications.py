"""The invitation email: a link to choose a password, valid for a limited time."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse


def invitation_send(invitation, token: str) -> int:
    url = settings.TIPILOT_SITE_URL + reverse("invitation-accept", args=[token])
    body = render_to_string(
        "governance/email/invitation.txt",
        {"invitation": invitation, "url": url, "days": settings.TIPILOT_INVITATION_DAYS},
    )
    return send_mail(
        "[tipilot] Votre accès à la plateforme Territoires d'industrie",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [invitation.email],
    )
