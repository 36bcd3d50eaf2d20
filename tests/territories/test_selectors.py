def test_territory_of_commune_through_its_epci_and_not_once_left(world):
    from tipilot.territories.selectors import territory_of_commune

    commune = world.t1.memberships.get().epci.current_communes.first()
    assert territory_of_commune(commune) == world.t1
    world.t1.memberships.update(left_on="2024-01-01")
    assert territory_of_commune(commune) is None
    assert territory_of_commune(None) is None
