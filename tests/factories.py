"""factory_boy factories for scale tests (query counts on two data sizes)."""

import datetime as dt

import factory

from tipilot.geo.enums import EpciKind
from tipilot.geo.models import Commune, Department, Epci, Region
from tipilot.territories.derived import territories_refresh_derived
from tipilot.territories.models import Generation, Membership, Territory

SQUARE = '{"type":"Polygon","coordinates":[[[2,46],[2.1,46],[2.1,46.1],[2,46.1],[2,46]]]}'


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{10 + n % 80:02d}")
    name = factory.Sequence(lambda n: f"Région {n}")
    first_vintage = 2026
    last_vintage = 2026
    outline = SQUARE


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    code = factory.Sequence(lambda n: f"{n % 1000:03d}")
    name = factory.Sequence(lambda n: f"Département {n}")
    region = factory.SubFactory(RegionFactory)
    first_vintage = 2026
    last_vintage = 2026


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune

    insee_code = factory.Sequence(lambda n: f"{n:05d}")
    siren = factory.Sequence(lambda n: f"21{n:07d}")
    name = factory.Sequence(lambda n: f"Commune {n}")
    population = 1000
    department = factory.SubFactory(DepartmentFactory)
    region = factory.SelfAttribute("department.region")
    first_vintage = 2026
    last_vintage = 2026
    outline = SQUARE


class EpciFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Epci
        skip_postgeneration_save = True

    siren = factory.Sequence(lambda n: f"2{n:08d}")
    name = factory.Sequence(lambda n: f"CC Numéro {n}")
    kind = EpciKind.CC
    population = 3000
    first_vintage = 2026
    last_vintage = 2026
    outline = SQUARE

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        communes = extracted or CommuneFactory.create_batch(2)
        self.communes.set(communes)
        Commune.objects.filter(id__in=[c.id for c in communes]).update(epci=self)


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory
        skip_postgeneration_save = True

    generation = factory.LazyFunction(lambda: Generation.objects.get(code="2023-2027"))
    identifier = factory.Sequence(lambda n: f"ti-84{n % 100:02d}")
    name = factory.Sequence(lambda n: f"Territoire {n}")
    outline = SQUARE

    @factory.post_generation
    def epcis(self, create, extracted, **kwargs):
        for epci in extracted or [EpciFactory()]:
            Membership.objects.create(territory=self, epci=epci, joined_on=dt.date(2023, 11, 14))


def make_programme(size: int) -> list[Territory]:
    """``size`` territories in one region, each with one EPCI of two communes, refreshed."""
    region = RegionFactory(code="84", name="Auvergne-Rhône-Alpes")
    department = DepartmentFactory(region=region)
    territories = []
    for _ in range(size):
        communes = CommuneFactory.create_batch(2, department=department)
        territories.append(TerritoryFactory(epcis=[EpciFactory(members=communes)]))
    territories_refresh_derived(territories=territories)
    return territories
