"""The demo sites: 127, in three waves, inside their communes, idempotent, no real contact."""

from tipilot.sites.demo import sites_demo
from tipilot.sites.models import Site


def test_demo_sites_on_the_world(world):
    summary = sites_demo()
    assert "6 sites" in summary  # the small world has six communes in three territories
    sites = list(Site.objects.select_related("commune", "wave", "territory"))
    assert len(sites) == 6 and all(s.is_demo for s in sites)
    assert {s.territory.identifier for s in sites} == {"ti-8401", "ti-8402", "ti-2701"}
    for site in sites:
        assert 46 <= site.latitude <= 46.1 and 2 <= site.longitude <= 2.1  # inside SQUARE
        assert 1 <= site.surface_total_ha <= 150
        assert site.surface_available_ha <= site.surface_total_ha
        assert site.contact_email.endswith("@demo.tipilot.fr")
        site.full_clean()
    assert {s.wave.code for s in sites} == {"2020-01"}  # the first twelve
    assert sites_demo().endswith("rien de nouveau.")
    assert Site.objects.count() == 6


def test_demo_is_deterministic(world):
    sites_demo()
    first = list(Site.objects.order_by("slug").values_list("slug", "name", "surface_total_ha"))
    Site.history.model.objects.all().delete()
    Site.objects.all().delete()
    sites_demo()
    again = list(Site.objects.order_by("slug").values_list("slug", "name", "surface_total_ha"))
    assert first == again
