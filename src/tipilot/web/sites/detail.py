"""One site clé en main: its facts, readiness checklist, map, and the investor's enquiry form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_fsm import can_proceed

from tipilot.core.audit import history_of
from tipilot.sites import selectors, services
from tipilot.sites.enums import ACCESS, UTILITIES, SiteStatus, SiteTransition
from tipilot.sites.models import Site

from ..access import add_service_errors
from .forms import EnquiryForm

SENT = "Votre message a été transmis au référent du site : il vous répondra directement."


def get_site(slug: str) -> Site:
    try:
        return selectors.site_detail(slug)
    except Site.DoesNotExist as exc:
        raise Http404("Aucun site clé en main ne porte cette référence.") from exc


def _private(user, site: Site) -> dict:
    if not user.has_perm("sites.view_site_private", site):
        return {"private": False}
    return {
        "private": True,
        "enquiries": list(site.enquiries.all()[:50]),
        "history": history_of(site),
        "transitions": [t for t in SiteTransition if can_proceed(getattr(site, t.value))],
    }


def site_detail(request, slug: str, form: EnquiryForm | None = None):
    site = get_site(slug)
    context = {
        "site": site,
        "access": [
            (label, getattr(site, has), getattr(site, km)) for has, km, label in ACCESS.values()
        ],
        "utilities": [(label, getattr(site, code)) for code, label in UTILITIES.items()],
        "accepts_enquiries": bool(site.contact_email) and site.status != SiteStatus.WITHDRAWN,
        "form": form or EnquiryForm(),
        **_private(request.user, site),
    }
    return render(request, "web/sites/site_detail.html", context, status=400 if form else 200)


@require_POST
def site_enquiry(request, slug: str):
    site = get_site(slug)
    form = EnquiryForm(request.POST)
    if not form.is_valid():
        return site_detail(request, slug, form=form)
    data = form.cleaned_data
    try:
        enquiry = services.enquiry_submit(
            site=site,
            name=data["name"],
            email=data["email"],
            company=data["company"],
            phone=data["phone"],
            message=data["message"],
            honeypot=data["website"],
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return site_detail(request, slug, form=form)
    if enquiry is not None and enquiry.forwarded_at is None:
        messages.warning(
            request,
            "Votre message est enregistré, mais son envoi au référent a échoué : l'équipe du "
            "programme le lui transmettra.",
        )
    else:
        messages.success(request, SENT)
    return redirect(reverse("site-detail", args=[slug]) + "#contact")
