"""Demonstration governance: accounts, organisations, people, COPIL meetings and contracts.

Run by ``tipilot demo`` once the territories are loaded. Idempotent: what exists (found by its
natural key: login, e-mail, SIREN, region and date…) is kept as it is and only what is missing
is created, so a second run creates nothing. Everything goes through the domain services, with
the demo superuser as author (or nobody when accounts are disabled).

Demo people are recognisable by their addresses under ``@demo.tipilot.fr``; demo contracts by
``is_demo``. Organisations are real (operators, Regions, prefectures, EPCI): their SIREN is
filled in only where it is known for sure, EPCI ones from the official geography.
"""

import datetime as dt
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings

from tipilot.contracts.demo import (
    contracts_demo,
    demo_contract_states,
    demo_territories,
    legacy_contracts_demo,
)
from tipilot.core.identifiers import luhn_ok
from tipilot.geo.models import Region
from tipilot.territories.enums import ChangeKind, TerritoryStatus
from tipilot.territories.models import Territory, TerritoryChange

from .enums import DecisionKind, OrganisationKind, RoleKind
from .models import CopilDecision, CopilMeeting, Organisation, Person, RoleAssignment
from .services import (
    copil_decision_add,
    copil_meeting_save,
    organisation_save,
    person_save,
    role_assign,
)

DOMAIN = "demo.tipilot.fr"
DEMO_PASSWORD = "demo-tipilot-2026"
ADMIN_LOGIN = f"admin@{DOMAIN}"
# Demonstration regions, in display order, with the seat of their prefecture.
DEMO_REGIONS = {"27": "Dijon", "32": "Lille", "84": "Lyon", "53": "Rennes"}
LEGACY_REGION = "27"
LEGACY_MEETING_ON = dt.date(2019, 6, 20)
MEETINGS = (
    (dt.date(2024, 3, 12), "Point d'étape des territoires\nValidation de contrats"),
    (dt.date(2024, 10, 8), "Validation de contrats\nÉvolution du périmètre des territoires"),
    (dt.date(2025, 6, 10), "Bilan des contrats signés\nValidation de contrats\nProjets d'avenants"),
)
ROLES_START_ON = dt.date(2023, 11, 14)
# SIRENs checked against public records; left blank where not known for sure.
OPERATORS = {
    "bdt": ("Banque des Territoires (groupe Caisse des Dépôts)", "180020026"),
    "bpifrance": ("Bpifrance", "320252489"),
    "business_france": ("Business France", ""),
    "ademe": ("Agence de la transition écologique (ADEME)", "385290309"),
    "france_travail": ("France Travail", "130005481"),
    "cnam": ("Conservatoire national des arts et métiers (Cnam)", "197534712"),
    "anct": ("Agence nationale de la cohésion des territoires (ANCT)", "130026032"),
}
REGION_SIRENS = {"53": "233500016"}
FIRST_NAMES = ("Anne", "Bruno", "Céline", "David", "Élise", "François", "Hélène", "Marc")
LAST_NAMES = ("Arnaud", "Besson", "Chevalier", "Delorme", "Fabre", "Guérin", "Perrin", "Vidal")


@dataclass(frozen=True)
class AccountSpec:
    login: str
    name: str
    title: str
    kind: str
    region: str = ""  # region roles, and the organisation's region
    organisation: str = ""  # an operator key, "prefecture", "region" or "epci"
    public_office: bool = False


K = RoleKind
# Territory roles are held in the first 2023-2027 territory of region 27 (see _is_focus).
ACCOUNTS = (
    AccountSpec("national", "Claire Duval", "Chargée de mission", K.NATIONAL_TEAM, "", "anct"),
    AccountSpec("pilote-bfc", "Julien Marchal", "SGAR", K.REGIONAL_PILOT, "27", "prefecture"),
    AccountSpec("pilote-hdf", "Sophie Lefebvre", "SGAR", K.REGIONAL_PILOT, "32", "prefecture"),
    AccountSpec("chef-projet", "Thomas Bernard", "Chef de projet", K.PROJECT_LEAD, "27", "epci"),
    AccountSpec("elu", "Martine Girard", "Vice-présidente", K.BINOME_ELECTED, "27", "epci", True),
    AccountSpec("industriel", "Laurent Moreau", "Industriel", K.BINOME_INDUSTRIAL, "27"),
    AccountSpec("copil-bfc", "Nadia Roussel", "Élue régionale", K.COPIL_MEMBER, "27", "region"),
    AccountSpec(
        "instructeur", "Paul Lambert", "Chargé d'affaires", K.OPERATOR_INSTRUCTOR, "", "bpifrance"
    ),
)


class Unattributed:
    """The author of demo data when no account may be created: allowed all, recorded as nobody."""

    is_authenticated = False
    is_active = True
    is_superuser = True
    pk = None

    def has_perm(self, perm: str, obj=None) -> bool:
        return True


@dataclass
class DemoResult:
    accounts_enabled: bool
    created: Counter = field(default_factory=Counter)
    accounts: list[tuple[str, str, str, str]] = field(default_factory=list)
    contract_states: dict[str, int] = field(default_factory=dict)
    meetings: int = 0


@dataclass
class _Context:
    by: object
    created: Counter
    regions: dict[str, Region]
    operators: dict[str, Organisation] = field(default_factory=dict)
    region_orgs: dict[str, tuple] = field(default_factory=dict)  # code: (org, president)
    prefectures: dict[str, tuple] = field(default_factory=dict)  # code: (org, prefect)
    people: dict[str, Person] = field(default_factory=dict)  # account login: person


@contextmanager
def _emails_off():
    """Demo transitions would e-mail fictitious people: drop those messages."""
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        yield


def governance_demo(*, accounts: bool = True) -> DemoResult:
    """Build (or complete) the demonstration governance and contracts; see the module doc."""
    result = DemoResult(accounts_enabled=accounts)
    regions = Region.objects.filter(code__in=DEMO_REGIONS).in_bulk(field_name="code")
    with _emails_off(), transaction.atomic():
        admin = _admin(result.created) if accounts else None
        admin = admin or get_user_model().objects.filter(username=ADMIN_LOGIN).first()
        ctx = _Context(by=admin or Unattributed(), created=result.created, regions=regions)
        _organisations(ctx)
        territories = demo_territories(_ordered(regions))
        focus = next((t for t, _ in territories if _is_focus(t)), None)
        _people(ctx, focus, accounts)
        meetings = {code: _meetings(ctx, code) for code in _ordered(regions)}
        signatories = _signatories_of(ctx)
        contracts_demo(
            by=ctx.by,
            territories=territories,
            meetings=meetings,
            signatories=signatories,
            created=ctx.created,
        )
        _legacy(ctx, signatories)
        _composition_decisions(ctx, territories, meetings)
    _summarise(result, regions)
    return result


def _ordered(regions: dict[str, Region]) -> list[str]:
    return [code for code in DEMO_REGIONS if code in regions]


def _is_focus(territory: Territory) -> bool:
    """Where the territory roles are held: a labelled territory of Bourgogne-Franche-Comté."""
    return territory.region_code == "27" and territory.status == TerritoryStatus.LABELLED


def _admin(created: Counter):
    user_model = get_user_model()
    admin = user_model.objects.filter(username=ADMIN_LOGIN).first()
    if admin is None:
        admin = user_model.objects.create_superuser(
            username=ADMIN_LOGIN, email=ADMIN_LOGIN, password=DEMO_PASSWORD
        )
        created["comptes"] += 1
    return admin


def _organisation(ctx: _Context, *, name: str, kind: str, siren: str = "", **links):
    """The organisation with this SIREN, or these links (region, EPCI), or this name."""
    found = None
    if siren:
        found = Organisation.objects.filter(siren=siren).first()
    if found is None and links:
        found = Organisation.objects.filter(kind=kind, **links).first()
    if found is None:
        found = Organisation.objects.filter(kind=kind, name=name).first()
    if found is not None:
        return found
    ctx.created["organisations"] += 1
    return organisation_save(by=ctx.by, name=name, kind=kind, siren=siren, **links)


def _person(ctx: _Context, *, email: str, **fields) -> Person:
    found = Person.objects.filter(email=email).first()
    if found is not None:
        return found
    ctx.created["personnes"] += 1
    return person_save(by=ctx.by, email=email, **fields)


def _fictitious_name(key: str) -> dict[str, str]:
    n = zlib.crc32(key.encode())
    return {
        "first_name": FIRST_NAMES[n % len(FIRST_NAMES)],
        "last_name": LAST_NAMES[(n // len(FIRST_NAMES)) % len(LAST_NAMES)],
    }


def _organisations(ctx: _Context) -> None:
    """Operators; for each demo region its Regional council and prefecture, with their heads."""
    for key, (name, siren) in OPERATORS.items():
        ctx.operators[key] = _organisation(
            ctx, name=name, kind=OrganisationKind.OPERATOR, siren=siren
        )
    for code in _ordered(ctx.regions):
        region = ctx.regions[code]
        council = _organisation(
            ctx,
            name=f"Région {region.name}",
            kind=OrganisationKind.REGION,
            siren=REGION_SIRENS.get(code, ""),
            region=region,
        )
        president = _person(
            ctx,
            email=f"presidence.region-{code}@{DOMAIN}",
            title="Président(e) du conseil régional",
            organisation=council,
            public_office=True,
            **_fictitious_name(f"region-{code}"),
        )
        prefecture = _organisation(
            ctx,
            name=f"Préfecture de la région {region.name}",
            kind=OrganisationKind.STATE_SERVICE,
            region=region,
        )
        prefect = _person(
            ctx,
            email=f"prefet.region-{code}@{DOMAIN}",
            title="Préfet(e) de région",
            organisation=prefecture,
            public_office=True,
            **_fictitious_name(f"prefet-{code}"),
        )
        ctx.region_orgs[code] = (council, president)
        ctx.prefectures[code] = (prefecture, prefect)


def _main_epci(territory: Territory):
    membership = (
        territory.memberships.filter(left_on__isnull=True, epci__isnull=False)
        .select_related("epci")
        .order_by("-epci__population", "epci__siren")
        .first()
    )
    return membership.epci if membership else None


def _epci_signatory(ctx: _Context, territory: Territory):
    """The territory's most populous EPCI as an organisation, and its president."""
    epci = _main_epci(territory)
    if epci is None:
        return None
    organisation = _organisation(
        ctx,
        name=epci.name,
        kind=OrganisationKind.EPCI,
        siren=epci.siren if luhn_ok(epci.siren) else "",
        epci=epci,
    )
    president = _person(
        ctx,
        email=f"presidence.epci-{epci.siren}@{DOMAIN}",
        title=f"Président(e) de {epci.name}",
        organisation=organisation,
        public_office=True,
        **_fictitious_name(f"epci-{epci.siren}"),
    )
    return organisation, president


def _signatories_of(ctx: _Context):
    def signatories(territory: Territory, region: str) -> list[tuple]:
        council, president = ctx.region_orgs[region]
        prefecture, prefect = ctx.prefectures[region]
        rows = [
            (council, president, "Président(e) du conseil régional"),
            (prefecture, prefect, "Préfet(e) de région"),
        ]
        epci = _epci_signatory(ctx, territory)
        if epci is not None:
            rows.append((*epci, "Président(e) de l'EPCI"))
        return rows

    return signatories


def _people(ctx: _Context, focus: Territory | None, accounts: bool) -> None:
    """One person per demo role, holding it; an account for each unless accounts are off."""
    user_model = get_user_model()
    for spec in ACCOUNTS:
        scope = _scope(ctx, spec, focus)
        if scope is None:
            continue  # the region or territory is not loaded
        login = f"{spec.login}@{DOMAIN}"
        first_name, last_name = spec.name.split(" ", 1)
        person = _person(
            ctx,
            email=login,
            first_name=first_name,
            last_name=last_name,
            title=spec.title,
            organisation=_spec_organisation(ctx, spec, focus),
            public_office=spec.public_office,
        )
        ctx.people[login] = person
        if accounts and person.user_id is None:
            user = user_model.objects.filter(username=login).first()
            if user is None:
                user = user_model.objects.create_user(
                    username=login,
                    email=login,
                    password=DEMO_PASSWORD,
                    first_name=first_name,
                    last_name=last_name,
                )
                ctx.created["comptes"] += 1
            person = person_save(by=ctx.by, person=person, user=user)
        if not RoleAssignment.objects.filter(person=person, kind=spec.kind, **scope).exists():
            role_assign(person=person, kind=spec.kind, start_on=ROLES_START_ON, by=ctx.by, **scope)
            ctx.created["rôles"] += 1


def _scope(ctx: _Context, spec: AccountSpec, focus: Territory | None) -> dict | None:
    if spec.kind == RoleKind.NATIONAL_TEAM:
        return {}
    if spec.kind == RoleKind.OPERATOR_INSTRUCTOR:
        return {"operator": ctx.operators[spec.organisation]}
    if spec.kind in (RoleKind.REGIONAL_PILOT, RoleKind.COPIL_MEMBER):
        region = ctx.regions.get(spec.region)
        return {"region": region} if region else None
    return {"territory": focus} if focus else None


def _spec_organisation(ctx: _Context, spec: AccountSpec, focus: Territory | None):
    if spec.organisation == "prefecture":
        return ctx.prefectures[spec.region][0]
    if spec.organisation == "region":
        return ctx.region_orgs[spec.region][0]
    if spec.organisation == "epci":
        signatory = _epci_signatory(ctx, focus)
        return signatory[0] if signatory else None
    return ctx.operators.get(spec.organisation)


def _members(ctx: _Context, code: str) -> list[Person]:
    """Who sits at a region's COPIL: the national team, the region's heads, pilots, members."""
    people = [ctx.region_orgs[code][1], ctx.prefectures[code][1]]
    for spec in ACCOUNTS:
        person = ctx.people.get(f"{spec.login}@{DOMAIN}")
        if person and (spec.kind == RoleKind.NATIONAL_TEAM or spec.region == code):
            people.append(person)
    return people


def _meeting(ctx: _Context, code: str, on: dt.date, agenda: str) -> CopilMeeting:
    region = ctx.regions[code]
    found = CopilMeeting.objects.filter(region=region, date=on).first()
    if found is not None:
        return found
    ctx.created["réunions de COPIL"] += 1
    return copil_meeting_save(
        by=ctx.by,
        region=region,
        date=on,
        agenda=agenda,
        place=f"Préfecture de région, {DEMO_REGIONS[code]}",
        members_present=_members(ctx, code),
    )


def _meetings(ctx: _Context, code: str) -> list[CopilMeeting]:
    """Three meetings in 2024-2025; regions meet a few days apart."""
    shift = dt.timedelta(days=2 * list(DEMO_REGIONS).index(code))
    return [_meeting(ctx, code, on + shift, agenda) for on, agenda in MEETINGS]


def _legacy(ctx: _Context, signatories) -> None:
    first_generation = Territory.objects.filter(
        generation__code="2018-2022", regions__code=LEGACY_REGION
    )
    if LEGACY_REGION not in ctx.regions or not first_generation.exists():
        return
    agenda = "Validation des premiers contrats de territoire d'industrie"
    legacy_contracts_demo(
        by=ctx.by,
        meeting=_meeting(ctx, LEGACY_REGION, LEGACY_MEETING_ON, agenda),
        signatories=signatories,
        created=ctx.created,
    )


def _composition_decisions(ctx: _Context, territories, meetings) -> None:
    """For each region, the COPIL's opinion on its first change of a territory's members."""
    for code, region_meetings in meetings.items():
        mine = [t for t, home in territories if home == code]
        change = (
            TerritoryChange.objects.filter(
                territory__in=mine, kind__in=[ChangeKind.JOINED, ChangeKind.LEFT]
            )
            .select_related("territory")
            .order_by("date", "id")
            .first()
        )
        later = [m for m in region_meetings if change and m.date > change.date]
        if (
            not later
            or CopilDecision.objects.filter(
                kind=DecisionKind.COMPOSITION_CHANGE, territory=change.territory
            ).exists()
        ):
            continue
        copil_decision_add(
            meeting=later[0],
            kind=DecisionKind.COMPOSITION_CHANGE,
            text=f"Avis favorable à l'évolution du périmètre : {change}.",
            territory=change.territory,
            by=ctx.by,
        )
        ctx.created["décisions"] += 1


def _summarise(result: DemoResult, regions: dict[str, Region]) -> None:
    user_model = get_user_model()
    demo_users = user_model.objects.filter(username__endswith=f"@{DOMAIN}")
    logins = set(demo_users.values_list("username", flat=True))
    if ADMIN_LOGIN in logins:
        result.accounts.append((ADMIN_LOGIN, DEMO_PASSWORD, "Superutilisateur", "tout"))
    roles = RoleAssignment.objects.filter(person__user__username__in=logins).select_related(
        "person__user", "territory", "region", "operator"
    )
    for role in roles.order_by("person__user__username"):
        result.accounts.append(
            (role.person.user.username, DEMO_PASSWORD, role.get_kind_display(), role.scope_label)
        )
    result.contract_states = demo_contract_states()
    result.meetings = CopilMeeting.objects.filter(region__code__in=regions).count()
