"""Factories for contracts."""

import factory

from tipilot.contracts.models import Contract


class ContractFactory(factory.django.DjangoModelFactory):
    """A contract in preparation. Move it along with the services, never by setting ``state``."""

    class Meta:
        model = Contract

    title = factory.LazyAttribute(lambda o: f"Contrat {o.territory.name}")
