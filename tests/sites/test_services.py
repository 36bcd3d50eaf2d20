"""Site writes (permissions, audit, territory and point from the commune) and enquiries
(saved, mailed to the contact with the investor as Reply-To, rate-limited, honeypot)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.sites.factories import CONTACT, SiteFactory, catalogue, commune_of
from tipilot.sites import services
from tipilot.sites.enums import OwnerKind, SiteStatus
from tipilot.sites.models import Enquiry

FIELDS = {
    "surface_total_ha": Decimal(30),
    "surface_available_ha": Decimal(12),
    "owner_name": "CC du Test",
    "owner_kind": OwnerKind.PUBLIC,
}


def test_national_team_creates_a_site_placed_in_its_commune_and_territory(world):
    commune = commune_of(world.t3)
    site = services.site_create(commune=commune, name="Parc Neuf", by=world.national, **FIELDS)
    assert site.slug.startswith("parc-neuf-")
    assert site.territory == world.t3  # from the commune's EPCI membership
    assert (site.latitude, site.longitude) == (Decimal("46.05"), Decimal("2.05"))  # in SQUARE
    assert site.status == SiteStatus.PROPOSED
    record = site.history.get()
    assert record.history_user == world.national and record.history_change_reason == "Création"


@pytest.mark.parametrize(
    ("who", "region", "allowed"),
    [
        ("national", "region_a", True),
        ("pilot", "region_a", True),
        ("pilot", "region_b", False),
        ("other_pilot", "region_b", True),
        ("team", "region_a", False),
        ("copil", "region_a", False),
        ("instructor", "region_a", False),
        ("nobody", "region_a", False),
        ("anonymous", "region_a", False),
    ],
)
def test_who_may_create_a_site(world, who, region, allowed):
    territory = world.t1 if region == "region_a" else world.t3
    create = lambda: services.site_create(  # noqa: E731
        commune=commune_of(territory), name="Site", by=getattr(world, who), **FIELDS
    )
    if allowed:
        assert create().pk
    else:
        with pytest.raises(PermissionDenied):
            create()


def test_update_is_audited_and_validated(world):
    data = catalogue(world)
    site = services.site_update(
        site=data.forges, by=world.pilot, surface_available_ha=Decimal(45), name="Forges II"
    )
    assert site.surface_available_ha == 45 and site.name == "Forges II"
    assert site.history.first().history_user == world.pilot
    with pytest.raises(ValidationError) as error:
        services.site_update(site=data.forges, by=world.pilot, surface_available_ha=Decimal(99))
    assert "surface disponible" in str(error.value)
    with pytest.raises(PermissionDenied):
        services.site_update(site=data.morvan, by=world.pilot, name="Pas ma région")
    with pytest.raises(ValidationError, match="Champs non modifiables"):
        services.site_update(site=data.forges, by=world.national, is_demo=True)


def test_moving_a_site_recomputes_its_territory_and_point(world):
    data = catalogue(world)
    site = services.site_update(site=data.forges, by=world.national, commune=commune_of(world.t3))
    assert site.territory == world.t3
    with pytest.raises(PermissionDenied):  # a pilot may not move a site out of its region
        services.site_update(site=data.gare, by=world.pilot, commune=commune_of(world.t3))


def test_transitions(world):
    data = catalogue(world)
    site = services.site_transition(site=data.forges, name="market", by=world.pilot)
    assert site.status == SiteStatus.MARKETED
    with pytest.raises(ValidationError, match="n'est pas possible"):
        services.site_transition(site=site, name="label", by=world.pilot)
    site = services.site_transition(site=site, name="withdraw", by=world.pilot)
    site = services.site_transition(site=site, name="reinstate", by=world.pilot)
    assert site.status == SiteStatus.LABELLED
    with pytest.raises(ValidationError, match="Étape inconnue"):
        services.site_transition(site=site, name="delete", by=world.national)
    with pytest.raises(PermissionDenied):
        services.site_transition(site=site, name="withdraw", by=world.team)


def enquire(site, **overrides):
    values = {
        "site": site,
        "name": "Ines Investisseuse",
        "email": "ines@usine-exemple.fr",
        "company": "Usine Exemple SAS",
        "message": "Nous cherchons 10 ha pour une usine de 80 emplois.",
    }
    return services.enquiry_submit(**{**values, **overrides})


def test_enquiry_is_saved_and_mailed_to_the_contact_with_reply_to_the_investor(world, mailoutbox):
    site = catalogue(world).forges
    enquiry = enquire(site, phone="06 00 00 00 00")
    assert enquiry.pk and enquiry.forwarded_at is not None
    [mail] = mailoutbox
    assert mail.to == [CONTACT]
    assert mail.reply_to == ["Ines Investisseuse <ines@usine-exemple.fr>"]
    assert "Parc des Forges" in mail.subject
    assert "Usine Exemple SAS" in mail.body and "80 emplois" in mail.body
    assert "06 00 00 00 00" in mail.body
    assert "/sites/parc-des-forges/" in mail.body


def test_line_breaks_in_the_name_cannot_inject_headers(world, mailoutbox):
    site = catalogue(world).forges
    enquire(site, name="Ines\r\nBcc: victime@exemple.fr")
    [mail] = mailoutbox
    assert mail.reply_to == ['"Ines Bcc: victime@exemple.fr" <ines@usine-exemple.fr>']
    assert mail.message()["Bcc"] is None and mail.recipients() == [CONTACT]


def test_a_filled_honeypot_saves_and_sends_nothing(world, mailoutbox):
    site = catalogue(world).forges
    assert enquire(site, honeypot="http://spam.example") is None
    assert not Enquiry.objects.exists() and not mailoutbox


def test_enquiries_per_email_per_hour_are_limited(world, mailoutbox):
    site = catalogue(world).forges
    for _ in range(services.ENQUIRIES_PER_HOUR):
        enquire(site, email="INES@usine-exemple.fr")
    with pytest.raises(ValidationError, match="réessayer plus tard"):
        enquire(site)
    later = timezone.now() + dt.timedelta(hours=1, minutes=1)
    assert enquire(site, now=later).pk  # an hour later, accepted again
    assert enquire(site, email="autre@exemple.fr").pk  # another sender is not held back


def test_no_enquiry_for_a_withdrawn_site_or_a_site_without_contact(world, mailoutbox):
    data = catalogue(world)
    with pytest.raises(ValidationError, match="ne reçoit pas de demandes"):
        enquire(data.retired)
    silent = SiteFactory(commune=commune_of(world.t1), contact_email="")
    with pytest.raises(ValidationError, match="ne reçoit pas de demandes"):
        enquire(silent)
    assert not mailoutbox


def test_bad_enquiry_input_is_refused(world):
    site = catalogue(world).forges
    with pytest.raises(ValidationError) as error:
        enquire(site, email="pas-une-adresse", message="")
    assert {"email", "message"} <= set(error.value.message_dict)


def test_a_failed_email_keeps_the_enquiry_unforwarded(world, settings):
    settings.EMAIL_BACKEND = "tests.sites.test_services.BrokenBackend"
    enquiry = enquire(catalogue(world).forges)
    assert enquiry.pk and enquiry.forwarded_at is None


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP indisponible")
