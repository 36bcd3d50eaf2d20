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
