"""Factories for calls and applications.

``CallFactory`` gives a published call of the fonds d'accélération, operated by Bpifrance (the
``world`` fixture's operator), open now for 30 days. Applications start as drafts: move them
along with the services, as a user would.
"""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from tests.actions.factories import measure
from tests.governance.factories import OrganisationFactory, UserFactory
from tipilot.actions.catalogue import OPERATORS
from tipilot.calls.enums import QuestionKind
from tipilot.calls.models import Application, Call, CallWindow, Criterion, Question
from tipilot.governance.enums import OrganisationKind
from tipilot.governance.models import Organisation


def bpifrance() -> Organisation:
    measure()  # the catalogue creates the operators
    return Organisation.objects.get(siren=OPERATORS["bpifrance"][1])


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"appel-{n}")
    title = factory.Sequence(lambda n: f"Appel à projets {n}")
    summary = "Soutenir les investissements industriels des territoires d'industrie."
    measure = factory.LazyFunction(measure)
    operator = factory.LazyFunction(bpifrance)
    is_published = True
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def open_window(self, create, extracted, **kwargs):
        """One window open now for 30 days, unless ``open_window=False``."""
        if create and extracted is not False:
            CallWindowFactory(call=self)


class CallWindowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallWindow

    call = factory.SubFactory(CallFactory, open_window=False)
    name = factory.Sequence(lambda n: f"Vague {n + 1}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n + 1)
    label = factory.Sequence(lambda n: f"Question {n}")
    kind = QuestionKind.LONG_TEXT
    required = True


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n + 1)
    label = factory.Sequence(lambda n: f"Critère {n}")
    weight = Decimal(1)
    max_score = 5


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft by a firm, in the given territory (pass ``territory`` and ``commune``)."""

    class Meta:
        model = Application

    reference = factory.Sequence(lambda n: f"CAND-TEST-{n:05d}")
    call = factory.SubFactory(CallFactory)
    applicant = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.FIRM)
    title = factory.Sequence(lambda n: f"Projet industriel {n}")
    summary = "Nouvelle ligne de production."
    naf_code = "25.62A"
    amount_requested = Decimal("200000")
    total_cost = Decimal("1000000")
    jobs_created_planned = 12
