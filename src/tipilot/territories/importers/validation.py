"""Check a parsed list against the reference geography and the programme's rules.

Every problem is collected (not just the first) so one run of ``--dry-run`` shows all that must
be fixed. The result maps each territory to the EPCI/commune rows it is made of.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from tipilot.geo.models import Commune, Epci, Vintage

from .readers import ParsedFile, RawMember, RawTerritory

IDENTIFIER_RE = re.compile(r"^ti-\d{4}$")
CODE_RE = {"siren": re.compile(r"^\d{9}$"), "insee": re.compile(r"^(\d{5}|2[AB]\d{3})$")}


@dataclass
class Resolved:
    raw: RawTerritory
    epcis: list[Epci] = field(default_factory=list)
    communes: list[Commune] = field(default_factory=list)

    def member_keys(self) -> set[tuple[str, int]]:
        return {("epci", e.id) for e in self.epcis} | {("commune", c.id) for c in self.communes}

    def regions(self) -> set[str]:
        codes = {c.region.code for c in self.communes}
        for epci in self.epcis:
            codes |= {c.region.code for c in epci.communes.all()}
        return codes


class _Geography:
    """In-memory indexes of the reference geography, loaded once per import."""

    def __init__(self):
        communes = list(Commune.objects.select_related("region").defer("outline"))
        self.commune_by_siren = {c.siren: c for c in communes if c.siren}
        self.commune_by_insee = {c.insee_code: c for c in communes}
        for commune in communes:
            for old in commune.former_codes:
                self.commune_by_insee.setdefault(old, commune)
        self.vintages = set(Vintage.objects.values_list("year", flat=True))
        self.epci_by_siren = {
            e.siren: e
            for e in Epci.objects.defer("outline").prefetch_related(
                "communes__region", "current_communes"
            )
        }


def validate(parsed: ParsedFile, *, vintage: int | None = None) -> dict[str, Resolved]:
    """Fill ``parsed.report`` and return the resolved territories by identifier."""
    report = parsed.report
    geography = _Geography()
    resolved: dict[str, Resolved] = {}
    seen_at: dict[str, str] = {}
    for territory in parsed.territories:
        _check_identity(territory, seen_at, report)
        result = _resolve_members(territory, geography, report, vintage)
        if parsed.file_format == "csv-communes":
            result = _group_communes(result)
        if territory.identifier and territory.identifier not in resolved:
            resolved[territory.identifier] = result
    _check_member_in_two_territories(resolved, report)
    _check_region_codes(resolved, report)
    return resolved


def _check_identity(territory, seen_at, report):
    where = territory.where
    if not territory.identifier:
        report.error(where, "identifiant", "valeur manquante")
    elif not IDENTIFIER_RE.match(territory.identifier):
        report.error(
            where, "identifiant", f"« {territory.identifier} » ne suit pas la forme ti-RRnn"
        )
    elif territory.identifier in seen_at:
        report.error(
            where,
            "identifiant",
            f"« {territory.identifier} » figure déjà en {seen_at[territory.identifier]}",
        )
    else:
        seen_at[territory.identifier] = where
    if not territory.name:
        report.error(where, "nom", "nom du territoire vide")
    if not territory.members:
        report.error(where, "membres", "aucun membre")


def _resolve_members(territory, geography, report, vintage) -> Resolved:
    result = Resolved(territory)
    seen: set[str] = set()
    for member in territory.members:
        if not CODE_RE[member.kind].match(member.code):
            label = "SIREN" if member.kind == "siren" else "code INSEE"
            report.error(member.where, label, f"« {member.code} » n'est pas un {label} valide")
            continue
        if member.code in seen:
            report.error(member.where, "membres", f"membre {member.code} en double")
            continue
        seen.add(member.code)
        found = _lookup(member, geography)
        if found is None:
            report.error(member.where, "membres", _unknown(member))
        elif isinstance(found, Epci):
            result.epcis.append(found)
            _check_vintage(found, member, report, vintage, geography.vintages)
        else:
            result.communes.append(found)
    return result


def _lookup(member: RawMember, geography: _Geography):
    if member.kind == "insee":
        return geography.commune_by_insee.get(member.code)
    return geography.epci_by_siren.get(member.code) or geography.commune_by_siren.get(member.code)


def _unknown(member: RawMember) -> str:
    label = f" « {member.name} »" if member.name else ""
    if member.kind == "insee":
        return f"commune {member.code}{label} absente de la géographie de référence"
    return f"SIREN {member.code}{label} inconnu : ni EPCI, ni EPT, ni commune de référence"


def _check_vintage(epci, member, report, vintage, loaded):
    """Warn only when a loaded vintage contradicts the file: one vintage says nothing."""
    if not vintage:
        return
    dissolved_before = epci.last_vintage < vintage
    absent_then = epci.first_vintage > vintage and any(y <= vintage for y in loaded)
    if dissolved_before or absent_then:
        report.warn(
            member.where,
            "membres",
            f"{epci.name} ({epci.siren}) n'est connu que des millésimes "
            f"{epci.first_vintage} à {epci.last_vintage}, pas {vintage}",
        )


def _group_communes(result: Resolved) -> Resolved:
    """A commune list names every commune: an EPCI wholly inside becomes one member."""
    by_epci = defaultdict(list)
    for commune in result.communes:
        by_epci[commune.epci].append(commune)
    grouped = Resolved(result.raw, epcis=list(result.epcis))
    for epci, communes in by_epci.items():
        # A commune merged since keeps its last EPCI: only the communes still there count.
        whole = epci is not None and {c.id for c in communes} >= {
            c.id for c in epci.current_communes.all() if not c.dissolved
        }
        if whole:
            grouped.epcis.append(epci)
        else:
            grouped.communes.extend(communes)
    return grouped


def _check_member_in_two_territories(resolved, report):
    owner: dict[tuple[str, int], Resolved] = {}
    for item in resolved.values():
        for key in sorted(item.member_keys()):
            if key in owner and owner[key] is not item:
                other = owner[key].raw
                report.error(
                    item.raw.where,
                    "membres",
                    f"{_member_label(item, key)} appartient déjà à {other.identifier} "
                    f"({other.where}) : un membre ne peut être dans deux territoires "
                    "d'une même génération",
                )
            owner.setdefault(key, item)


def _member_label(item, key):
    kind, pk = key
    rows = item.epcis if kind == "epci" else item.communes
    member = next(r for r in rows if r.id == pk)
    return f"{member.name} ({member.siren})"


def _check_region_codes(resolved, report):
    for identifier, item in resolved.items():
        if not IDENTIFIER_RE.match(identifier) or not item.member_keys():
            continue
        regions = item.regions()
        if regions and identifier[3:5] not in regions:
            report.error(
                item.raw.where,
                "identifiant",
                f"le code région {identifier[3:5]} de {identifier} ne correspond à aucune région "
                f"de ses membres ({', '.join(sorted(regions))})",
            )
