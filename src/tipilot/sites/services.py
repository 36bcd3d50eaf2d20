"""Writes on sites clés en main, and the investors' enquiries.

Sites are created and changed by the national team and the pilots of the site's region
(``permissions.py``), validated with ``full_clean`` and recorded in the audit trail. An
enquiry is saved, then mailed to the site's contact with the investor as Reply-To: the
contact answers the investor directly, and the investor never sees the contact's address.
"""

import datetime as dt
import logging
from decimal import Decimal
from email.utils import formataddr

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django_fsm import can_proceed

from tipilot.core.audit import save_audited
from tipilot.geo.models import Commune
from tipilot.geo.points import point_in_outline
from tipilot.territories.selectors import territory_of_commune

from .enums import SiteStatus, SiteTransition
from .models import Enquiry, Site

log = logging.getLogger(__name__)

SITE_FIELDS = (
    "description", "latitude", "longitude", "surface_total_ha", "surface_available_ha",
    "owner_name", "owner_kind", "available_from",
    "has_motorway", "motorway_km", "has_rail", "rail_km", "has_port", "port_km",
    "has_airport", "airport_km",
    "electricity_hta", "electricity_htb", "gas", "industrial_water", "fibre", "sanitation",
    "urbanism", "archaeology", "environment", "biodiversity",
    "wave", "contact_name", "contact_email",
)  # fmt: skip
ENQUIRIES_PER_HOUR = 5


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _check_fields(changes: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValidationError(f"Champs non modifiables ici : {', '.join(sorted(unknown))}.")


def commune_point(commune: Commune) -> tuple[Decimal, Decimal] | None:
    """(latitude, longitude) of a point inside the commune's outline, if it has one."""
    return point_in_outline(commune.outline)


def next_slug(name: str, commune: Commune) -> str:
    base = slugify(f"{name} {commune.name}")[:72].strip("-") or "site"
    slug, rank = base, 2
    while Site.objects.filter(slug=slug).exists():
        slug, rank = f"{base}-{rank}", rank + 1
    return slug


def _place(site: Site) -> None:
    """The territory from the commune; the coordinates from its outline when not given."""
    site.territory = territory_of_commune(site.commune)
    if site.latitude is None or site.longitude is None:
        point = commune_point(site.commune)
        if point is None:
            raise ValidationError(
                {"latitude": "Indiquez la latitude et la longitude : la commune n'a pas de "
                 "contour connu d'où les déduire."}
            )  # fmt: skip
        site.latitude, site.longitude = point


def site_create(
    *, commune: Commune, name: str, by, slug: str = "", is_demo: bool = False, **fields
) -> Site:
    _require(by, "sites.add_site", commune.region, "Vous ne pouvez pas créer de site ici.")
    _check_fields(fields, SITE_FIELDS)
    with transaction.atomic():
        site = Site(
            commune=commune,
            name=name,
            slug=slug or next_slug(name, commune),
            is_demo=is_demo,
            **fields,
        )
        _place(site)
        save_audited(site, by=by, reason="Création")
    return site


def site_update(*, site: Site, by, commune: Commune | None = None, **changes) -> Site:
    _require(by, "sites.change_site", site, "Vous ne pouvez pas modifier ce site.")
    _check_fields(changes, SITE_FIELDS + ("name",))
    with transaction.atomic():
        site = Site.objects.select_for_update().select_related("commune__region").get(pk=site.pk)
        moved = commune is not None and commune.pk != site.commune_id
        for name, value in changes.items():
            setattr(site, name, value)
        if moved:
            _require(by, "sites.add_site", commune.region, "Vous ne pouvez pas déplacer ce site.")
            site.commune = commune
            if "latitude" not in changes:
                site.latitude = site.longitude = None
        if moved or site.territory_id is None or None in (site.latitude, site.longitude):
            _place(site)
        save_audited(site, by=by, reason="Modification")
    return site


def site_transition(*, site: Site, name: str, by) -> Site:
    _require(by, "sites.change_site", site, "Vous ne pouvez pas changer le statut de ce site.")
    if name not in SiteTransition.values:
        raise ValidationError(f"Étape inconnue : « {name} ».")
    with transaction.atomic():
        site = Site.objects.select_for_update().select_related("commune__region").get(pk=site.pk)
        step = getattr(site, name)
        if not can_proceed(step):
            raise ValidationError(
                f"« {SiteTransition(name).label} » n'est pas possible depuis le statut "
                f"« {site.get_status_display()} »."
            )
        step()
        save_audited(site, by=by, reason=SiteTransition(name).label)
    return site


def _check_enquiry(site: Site, email: str, now: dt.datetime) -> None:
    if site.status == SiteStatus.WITHDRAWN or not site.contact_email:
        raise ValidationError("Ce site ne reçoit pas de demandes pour le moment.")
    recent = Enquiry.objects.filter(
        email__iexact=email, created_at__gte=now - dt.timedelta(hours=1)
    ).count()
    if recent >= ENQUIRIES_PER_HOUR:
        raise ValidationError(
            f"Vous avez déjà envoyé {ENQUIRIES_PER_HOUR} demandes dans l'heure : "
            "merci de réessayer plus tard."
        )


def enquiry_submit(
    *,
    site: Site,
    name: str,
    email: str,
    company: str,
    message: str,
    phone: str = "",
    honeypot: str = "",
    now: dt.datetime | None = None,
) -> Enquiry | None:
    """Save an investor's enquiry and mail it to the site's contact, Reply-To the investor.

    A filled honeypot (a field hidden from people) means a robot: nothing is saved nor sent,
    and ``None`` is returned so that the robot sees the same success as a person.
    """
    if honeypot:
        log.info("Demande sur le site %s ignorée : champ piège rempli.", site.slug)
        return None
    now = now or timezone.now()
    _check_enquiry(site, email, now)
    name = " ".join(name.split())  # no line breaks in the Reply-To header
    enquiry = Enquiry(
        site=site, name=name, email=email, company=company, phone=phone, message=message
    )
    enquiry.full_clean()
    enquiry.save()
    if _forward(enquiry):
        enquiry.forwarded_at = timezone.now()
        enquiry.save(update_fields=["forwarded_at"])
    return enquiry


def _forward(enquiry: Enquiry) -> bool:
    site = enquiry.site
    url = settings.TIPILOT_SITE_URL + reverse("site-detail", args=[site.slug])
    body = render_to_string("sites/email/enquiry.txt", {"enquiry": enquiry, "url": url})
    mail = EmailMessage(
        subject=f"[tipilot] Demande d'un investisseur : {site.name}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[site.contact_email],
        reply_to=[formataddr((enquiry.name, enquiry.email))],
    )
    try:
        mail.send()
    except Exception:  # noqa: BLE001 — the enquiry is kept; the team forwards it by hand
        log.exception("Échec de l'envoi de la demande %s au référent du site.", enquiry.pk)
        return False
    return True
