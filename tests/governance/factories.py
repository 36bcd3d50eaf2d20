"""Factories for organisations, people, roles and accounts."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from tipilot.governance.enums import OrganisationKind, RoleKind
from tipilot.governance.models import CopilMeeting, Organisation, Person, RoleAssignment

PASSWORD = "mot-de-passe-de-test-42"


def siren_with_key(n: int) -> str:
    """A valid SIREN (Luhn key computed) from a running number."""
    body = f"{n % 10**8:08d}"
    for key in range(10):
        candidate = body + str(key)
        total = 0
        for i, c in enumerate(reversed(candidate)):
            v = int(c) * (2 if i % 2 else 1)
            total += v - 9 if v > 9 else v
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.SelfAttribute("username")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(self, create, extracted, **kwargs):
        if create:
            self.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.OTHER
    siren = factory.Sequence(lambda n: siren_with_key(10_000_000 + n))


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Prénom{n}")
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    phone = "01 23 45 67 89"


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    person = factory.SubFactory(PersonFactory)
    kind = RoleKind.NATIONAL_TEAM
    start_on = dt.date(2023, 1, 1)


class CopilMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CopilMeeting

    date = dt.date(2024, 3, 12)
    agenda = "Validation des contrats de la région"


def user_with_role(kind: str | None, **scope):
    """An account linked to a person holding ``kind`` in ``scope`` (territory, region, operator).

    ``kind=None`` gives an account without any role.
    """
    user = UserFactory()
    person = PersonFactory(user=user, email=user.email)
    if kind is not None:
        RoleFactory(person=person, kind=kind, **scope)
    return user
