"""The perimeter of a bilan: national, one region or one territory, and a generation.

A territory spanning two regions counts in each of them (a regional bilan, the national table
by region), and once in the national totals: the national bilan never joins regions.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q

from tipilot.geo.models import Region
from tipilot.territories.models import Generation, Territory

from .models import ScopeLevel


@dataclass(frozen=True)
class BilanScope:
    region: Region | None = None
    territory: Territory | None = None
    generation: Generation | None = None

    def __post_init__(self):
        if self.region is not None and self.territory is not None:
            raise ValueError("Un bilan porte sur une région ou sur un territoire, pas les deux.")
        if self.territory is not None and self.generation is None:
            object.__setattr__(self, "generation", self.territory.generation)

    @property
    def level(self) -> str:
        if self.territory is not None:
            return ScopeLevel.TERRITORY
        if self.region is not None:
            return ScopeLevel.REGION
        return ScopeLevel.NATIONAL

    def actions(self, prefix: str = "") -> Q:
        """Filter of the actions in scope; ``prefix`` is the path to the action (``action__``)."""
        q = Q()
        if self.territory is not None:
            q &= Q(**{f"{prefix}territory": self.territory})
        if self.region is not None:
            q &= Q(**{f"{prefix}territory__regions": self.region})
        if self.generation is not None:
            q &= Q(**{f"{prefix}territory__generation": self.generation})
        return q

    @property
    def label(self) -> str:
        if self.territory is not None:
            return self.territory.name
        if self.region is not None:
            return self.region.name
        return "France entière"

    def describe(self) -> dict:
        territory = self.territory
        return {
            "level": self.level,
            "label": self.label,
            "region": {"code": self.region.code, "name": self.region.name} if self.region else None,
            "territory": {"identifier": territory.identifier, "name": territory.name}
            if territory
            else None,
            "generation": self.generation.code if self.generation else None,
        }


def resolve_scope(*, region: str = "", territory: str = "", generation: str = "") -> BilanScope:
    """The scope named by codes (from a page's or the API's filters), or a French error.

    ``territory`` is an identifier: unique within a generation, so without ``generation`` the
    latest territory bearing it is taken.
    """
    errors = {}
    found_generation = _get(Generation, "code", generation, errors, "generation", "Génération")
    found_region = _get(Region, "code", region, errors, "region", "Région")
    found_territory = None
    if territory:
        candidates = Territory.objects.filter(identifier=territory).select_related("generation")
        if found_generation is not None:
            candidates = candidates.filter(generation=found_generation)
        found_territory = candidates.order_by("-generation__start_year").first()
        if found_territory is None:
            errors["territory"] = f"Territoire inconnu : « {territory} »."
    if found_region is not None and found_territory is not None:
        errors["region"] = "Choisissez une région ou un territoire, pas les deux."
    if errors:
        raise ValidationError(errors)
    return BilanScope(region=found_region, territory=found_territory, generation=found_generation)


def _get(model, field: str, value: str, errors: dict, key: str, label: str):
    if not value:
        return None
    found = model.objects.filter(**{field: value}).only("pk", field, "name").first()
    if found is None:
        errors[key] = f"{label} inconnue : « {value} »."
    return found
