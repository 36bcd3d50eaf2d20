"""Factories for actions and funding lines. Axes and measures come from the catalogue
(migration 0002); ``ensure_catalogue`` reloads it after a transactional test flushed it."""

from decimal import Decimal

import factory

from tipilot.actions.enums import FunderCategory, Nature
from tipilot.actions.models import Action, Axis, FundingLine, Measure, Tag


def ensure_catalogue() -> None:
    from tipilot.actions.services import catalogue_sync

    if not Measure.objects.exists():
        catalogue_sync()


def axis(code: str = "innover") -> Axis:
    ensure_catalogue()
    return Axis.objects.get(code=code)


def measure(code: str = "fonds-acceleration") -> Measure:
    ensure_catalogue()
    return Measure.objects.get(code=code)


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"Thème {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    """An idea of the given territory. Move it along with the services (``action_transition``)."""

    class Meta:
        model = Action

    territory = None  # required: pass territory=...
    external_id = factory.Sequence(lambda n: f"FA-TEST-{n:05d}")
    title = factory.Sequence(lambda n: f"Action {n}")
    axis = factory.LazyFunction(axis)
    nature = Nature.PRIVATE
    contract = factory.LazyAttribute(lambda o: getattr(o.territory, "contract", None))


class FundingLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingLine

    action = None  # required
    position = factory.Sequence(lambda n: n + 1)
    funder_category = FunderCategory.STATE
    amount_requested = Decimal("100000")


def grow_actions(territories, *, per_territory: int = 2) -> list[Action]:
    """Actions on ``territories`` with the variety a list shows: a porteur, two measures, a
    theme and two funding lines (one funded by Bpifrance). For query-count tests."""
    from tipilot.actions.catalogue import OPERATORS
    from tipilot.governance.models import Organisation

    ensure_catalogue()
    bpifrance = Organisation.objects.get(siren=OPERATORS["bpifrance"][1])
    measures = list(Measure.objects.all()[:2])
    tag = TagFactory(slug="decarbonation", name="Décarbonation")
    actions = []
    for territory in territories:
        for _ in range(per_territory):
            action = ActionFactory(territory=territory, lead=bpifrance, total_cost=1000)
            action.measures.set(measures)
            action.tags.set([tag])
            FundingLineFactory(action=action, position=1, measure=measures[0])
            FundingLineFactory(
                action=action,
                position=2,
                funder=bpifrance,
                funder_category=FunderCategory.OPERATOR,
                amount_committed=Decimal(500),
            )
            actions.append(action)
    return actions
