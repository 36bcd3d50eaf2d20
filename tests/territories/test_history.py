import datetime as dt

from tipilot.territories.enums import ChangeKind, TerritoryStatus
from tipilot.territories.models import Territory


def _territory(generation, identifier):
    return Territory.objects.get(generation__code=generation, identifier=identifier)


def test_later_state_records_renaming_joining_and_withdrawal(programme):
    ain = _territory("2023-2027", "ti-8401")
    assert ain.name == "Ain Industries"
    renamed = ain.changes.get(kind=ChangeKind.RENAMED)
    assert (renamed.old_value, renamed.new_value, renamed.date) == (
        "Ain Industrie",
        "Ain Industries",
        dt.date(2024, 7, 4),
    )
    nevers = _territory("2023-2027", "ti-2701")
    joined = nevers.changes.get(kind=ChangeKind.JOINED)
    assert joined.commune.name == "Cercy-la-Tour"
    assert nevers.memberships.get(commune__name="Cercy-la-Tour").joined_on == dt.date(2024, 7, 4)
    lyon = _territory("2023-2027", "ti-8402")
    assert lyon.status == TerritoryStatus.WITHDRAWN
    assert lyon.name == "Monts du Lyonnais"  # trailing non-breaking space stripped
    assert lyon.memberships.get().left_on == dt.date(2024, 7, 4)


def test_derived_figures_follow_current_composition(programme):
    nevers = _territory("2023-2027", "ti-2701")
    assert nevers.population == 33000 + 9500 + 1900
    assert nevers.commune_count == 3
    assert [r.code for r in nevers.regions.all()] == ["27"]
    ain = _territory("2023-2027", "ti-8401")
    assert ain.commune_count == 5
    assert sorted(d.code for d in ain.departments.all()) == ["01", "69"]


def test_2018_territory_keeps_its_dissolved_epci(programme):
    ain_2018 = _territory("2018-2022", "ti-8401")
    member = ain_2018.memberships.get(epci__siren="200000009")
    assert member.epci.dissolved is True
    assert member.epci.last_vintage == 2021
    # CC Alpha had three communes in 2021 but two in 2026; CC Ancienne keeps its two.
    assert ain_2018.commune_count == 4
