"""Demonstration calls and applications — GENERATED, not real projects.

``calls_demo()`` opens the « Fonds d'accélération … – édition 2026 » (Bpifrance, open now, a
question of every kind, four criteria) with applications at every stage — draft, submitted,
ineligible, in instruction with scores and opinions, waitlisted, laureates (with their fiche
action and funding line), rejected, withdrawn —, the closed « AMI Écoles de production » with
its laureates, and the « AMI Antennes du Cnam » in three waves, the last one open.

Everything goes through the services, as users would (so every timeline is real): the demo
applicants (``candidat@demo.tipilot.fr`` and two others, password ``demo-tipilot-2026``)
create, fill and submit; ``instructeur@demo.tipilot.fr`` (Bpifrance) instructs the fonds,
the national team the AMIs; pilots and territory teams give their opinions where they exist.
Projects lie in real labelled territories of the database. All rows are ``is_demo``;
idempotent: a second call creates nothing. With ``TIPILOT_DEMO_ACCOUNTS=0`` no account is
created: the calls are opened without applications.
"""

import datetime as dt
import os
from collections import Counter
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.test.utils import override_settings
from django.utils import timezone

from tipilot.actions.catalogue import OPERATORS
from tipilot.actions.models import Measure
from tipilot.core.audit import save_audited
from tipilot.geo.models import Commune
from tipilot.governance.demo import DEMO_PASSWORD, DOMAIN, ROLES_START_ON, Unattributed
from tipilot.governance.enums import TERRITORY_ROLES, RoleKind
from tipilot.governance.models import Organisation, Person, RoleAssignment
from tipilot.territories.enums import TerritoryStatus
from tipilot.territories.models import Territory
from tipilot.territories.selectors import latest_generation

from . import demo_data as data
from .enums import QuestionKind
from .models import Application, Call
from .selectors.instruction import assignable_instructors
from .services import applications as apply
from .services import configuration as configure
from .services import instruction as instruct

PARIS = ZoneInfo("Europe/Paris")
HOUR = dt.timedelta(hours=1)
QUIET = "django.core.mail.backends.dummy.EmailBackend"  # fictitious applicants: no emails
APPLICANTS = (
    ("candidat", "Camille", "Renaud"),
    ("candidate-ecole", "Inès", "Garnier"),
    ("candidat-collectivite", "Hugo", "Masson"),
)


def calls_demo(*, accounts: bool | None = None, today: dt.date | None = None) -> str:
    """Open the demo calls and, with accounts, their applications; a summary in French."""
    if Call.objects.filter(is_demo=True).exists():
        return "Appels à projets de démonstration déjà en place : rien de nouveau."
    if accounts is None:
        accounts = os.environ.get("TIPILOT_DEMO_ACCOUNTS", "1").strip() != "0"
    today = today or dt.date.today()
    created: Counter = Counter()
    with override_settings(EMAIL_BACKEND=QUIET), transaction.atomic():
        national = (
            _staff("national", "Claire", "Duval", RoleKind.NATIONAL_TEAM) if accounts else None
        )
        calls = {
            key: _call(key, spec, by=national or Unattributed(), today=today)
            for key, spec in data.CALLS.items()
        }
        created["appels"] = len(calls)
        places = _places()
        if accounts and places:
            instructor = _staff(
                "instructeur", "Paul", "Lambert", RoleKind.OPERATOR_INSTRUCTOR,
                operator=_operator("bpifrance"),
            )  # fmt: skip
            people = _People(applicants=_applicants(), instructor=instructor, national=national)
            for key, call in calls.items():
                created.update(_applications(call, data.APPLICATIONS[key], people, places, today))
    return _summary(created, accounts, bool(places))


def _summary(created: Counter, accounts: bool, places: bool) -> str:
    parts = ", ".join(f"{name} {count}" for name, count in created.items())
    text = f"Appels à projets de démonstration : créés : {parts}."
    if not accounts:
        text += " Comptes désactivés (TIPILOT_DEMO_ACCOUNTS=0) : aucune candidature."
    elif not places:
        text += " Aucun territoire labellisé : aucune candidature."
    else:
        logins = ", ".join(f"{login}@{DOMAIN}" for login, *_ in APPLICANTS)
        text += f" Comptes candidats (mot de passe {DEMO_PASSWORD}) : {logins}."
    return text


# People -------------------------------------------------------------------------------------


def _operator(key: str) -> Organisation:
    return Organisation.objects.get(siren=OPERATORS[key][1])


def _account(login: str, first_name: str, last_name: str):
    user_model = get_user_model()
    username = f"{login}@{DOMAIN}"
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(
            username=username,
            email=username,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
    return user


def _staff(login: str, first_name: str, last_name: str, kind: str, **scope):
    """The demo account holding ``kind`` (the governance demo makes the same, if it ran)."""
    user = _account(login, first_name, last_name)
    person = Person.objects.filter(Q(user=user) | Q(email=user.email)).first()
    if person is None:
        person = Person(first_name=first_name, last_name=last_name, email=user.email)
    if person.user_id is None:
        person.user = user
        save_audited(person, by=None, reason="Démonstration")
    if not RoleAssignment.objects.filter(person=person, kind=kind, **scope).exists():
        role = RoleAssignment(person=person, kind=kind, start_on=ROLES_START_ON, **scope)
        save_audited(role, by=None, reason="Démonstration")
    return user


def _applicants() -> list:
    return [_account(*spec) for spec in APPLICANTS]


class _People:
    def __init__(self, *, applicants, instructor, national):
        self.applicants, self.instructor, self.national = applicants, instructor, national

    def decider(self, call: Call):
        return (
            self.instructor if call.operator.siren == OPERATORS["bpifrance"][1] else self.national
        )

    @staticmethod
    def follower(kinds, **scope):
        """An account holding one of ``kinds`` in force there (a pilot, a territory team)."""
        roles = RoleAssignment.objects.in_force().filter(kind__in=kinds, person__user__isnull=False)
        role = roles.filter(**scope).select_related("person__user").order_by("pk").first()
        return role.person.user if role else None


# Calls --------------------------------------------------------------------------------------


def _at(day: dt.date, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=PARIS)


def _call(key: str, spec: dict, *, by, today: dt.date) -> Call:
    fields = dict(spec["fields"])
    fields["measure"] = Measure.objects.get(code=fields.pop("measure"))
    fields["operator"] = _operator(fields.pop("operator"))
    call = configure.call_create(by=by, slug=key, **fields)
    call.is_demo = True
    save_audited(call, by=by, reason="Démonstration")
    for name, opens, closes in spec["windows"]:
        configure.window_add(
            call=call,
            by=by,
            name=name,
            opens_at=_at(today + dt.timedelta(days=opens), 9),
            closes_at=_at(today + dt.timedelta(days=closes), 23, 59, 59),
        )
    for label, kind, extra in spec["questions"]:
        configure.question_add(call=call, by=by, label=label, kind=kind, **extra)
    for label, weight, max_score, description in spec["criteria"]:
        configure.criterion_add(
            call=call,
            by=by,
            label=label,
            weight=Decimal(weight),
            max_score=max_score,
            description=description,
        )
    return configure.call_publish(call=call, by=by)


# Places -------------------------------------------------------------------------------------


def _places() -> list[tuple[Territory, Commune]]:
    """Labelled territories of the current generation, territory teams' first, a commune each."""
    generation = latest_generation()
    if generation is None:
        return []
    teams = RoleAssignment.objects.in_force().filter(kind__in=TERRITORY_ROLES)
    territories = (
        Territory.objects.filter(generation=generation, status=TerritoryStatus.LABELLED)
        .defer("outline", "search_text")
        .order_by("identifier")
    )
    staffed = list(territories.filter(pk__in=teams.values("territory")))
    others = [t for t in territories.exclude(pk__in=[t.pk for t in staffed])[:40:4]]
    places = []
    for territory in staffed + others:
        commune = _commune_of(territory)
        if commune is not None:
            places.append((territory, commune))
    return places


def _commune_of(territory: Territory) -> Commune | None:
    current = Q(territory_memberships__left_on__isnull=True)
    members = Q(territory_memberships__territory=territory) & current
    via_epci = Q(
        epci__territory_memberships__territory=territory,
        epci__territory_memberships__left_on__isnull=True,
    )
    return (
        Commune.objects.filter(members | via_epci)
        .defer("outline")
        .order_by("-population", "insee_code")
        .first()
    )


# Applications -------------------------------------------------------------------------------


def _draft(call: Call, spec: dict, applicant, place) -> Application:
    organisation = apply.organisation_for(by=applicant, **spec["organisation"])
    draft = apply.application_create(
        call=call, by=applicant, title=spec["title"], organisation=organisation
    )
    draft.is_demo = True
    draft.save(update_fields=["is_demo"])
    draft = apply.application_save(
        application=draft, by=applicant, commune=place[1], **spec["fields"]
    )
    for question in call.questions.all():
        value = data.answer_for(question, spec)
        if question.kind == QuestionKind.FILE:
            apply.answer_save(
                application=draft, question=question, by=applicant, upload=data.pdf(question)
            )
        elif value is not None:
            apply.answer_save(application=draft, question=question, by=applicant, value=value)
    return draft


def _applications(call, specs, people: _People, places, today) -> Counter:
    """Drafts first (a closed call's last window is reopened meanwhile), then each is moved
    to its stage, submitted on its date (inside its window)."""
    window = call.windows.order_by("-closes_at").first()
    closed = window.closes_at < timezone.now()
    if closed:
        dates = {"opens_at": window.opens_at, "closes_at": window.closes_at}
        now = timezone.now()
        configure.window_update(
            window=window, by=people.national, opens_at=now - HOUR, closes_at=now + HOUR
        )
    drafts = []
    for n, spec in enumerate(specs):
        applicant = people.applicants[spec.get("applicant", 0)]
        place = places[spec.get("place", n) % len(places)]
        drafts.append((_draft(call, spec, applicant, place), spec, applicant))
    if closed:
        configure.window_update(window=window, by=people.national, **dates)
    created: Counter = Counter()
    for draft, spec, applicant in drafts:
        at = _at(today + dt.timedelta(days=spec["submitted"]), 10) if "submitted" in spec else None
        application = _move(draft, spec["stage"], people, applicant, at)
        label = "rouverte" if spec["stage"] == "reopened" else application.get_status_display()
        created[f"candidatures ({label.lower()})"] += 1
    return created


def _move(application: Application, stage: str, people: _People, applicant, at):
    if stage == "draft":
        return application
    if stage == "withdrawn":
        return apply.application_withdraw(
            application=application, by=applicant, reason="Projet reporté d'un an."
        )
    application = apply.application_submit(application=application, by=applicant, at=at)
    if stage == "submitted":
        return application
    decider = people.decider(application.call)
    if stage == "reopened":  # back with its applicant, the deposit kept as a Submission
        return instruct.application_reopen(
            application=application, by=decider, reason=data.REOPEN_REASON
        )
    if stage == "ineligible":
        return instruct.application_declare_eligibility(
            application=application, by=decider, eligible=False, note=data.INELIGIBLE_NOTE
        )
    application = instruct.application_declare_eligibility(
        application=application, by=decider, eligible=True, note="Dossier complet."
    )
    _instruct(application, people, decider)
    if stage == "in_review":
        return application
    return _decide(application, stage, decider)


def _instruct(application: Application, people: _People, decider) -> None:
    """Assign, score on the whole grid, and collect the Region's and territory's opinions."""
    if assignable_instructors(application.call).filter(pk=decider.pk).exists():
        instruct.application_assign(application=application, instructor=decider, by=decider)
    seed = sum(map(ord, application.reference))
    for criterion in application.call.criteria.all():
        value = max(1, criterion.max_score - (seed + criterion.position) % 3)
        instruct.score_save(
            application=application,
            criterion=criterion,
            by=decider,
            value=value,
            comment=data.SCORE_COMMENTS[value % len(data.SCORE_COMMENTS)],
        )
    territory = application.territory
    opinions = (
        ("region", [RoleKind.REGIONAL_PILOT], {"region__in": territory.regions.all()}),
        ("territory", list(TERRITORY_ROLES), {"territory": territory}),
    )
    for role, kinds, scope in opinions:
        author = people.follower(kinds, **scope)
        if author is not None:
            instruct.opinion_give(
                application=application,
                by=author,
                role=role,
                verdict="favourable",
                text=data.OPINIONS[role],
            )


def _decide(application: Application, stage: str, decider) -> Application:
    amount = None
    if stage == "laureate":
        amount = (application.amount_requested * Decimal("0.8")).quantize(Decimal(1000))
    return instruct.application_decide(
        application=application,
        by=decider,
        outcome=stage,
        reason=data.REASONS[stage],
        amount_granted=amount,
    )
