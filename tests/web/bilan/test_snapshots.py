"""Freezing and publishing a bilan from the pages; published bilans shown as they were."""

import pytest
from django.utils.html import escape

from tipilot.actions import services as actions
from tipilot.analytics.models import BilanSnapshot, SnapshotState
from tipilot.analytics.services import bilan_freeze, bilan_publish

pytestmark = pytest.mark.django_db


def test_freeze_then_publish_a_regional_bilan(client, world, bilan_data):
    client.force_login(world.pilot)
    response = client.post(
        "/bilan/figer/", {"region": "84", "territory": "", "generation": "", "title": ""}
    )
    snapshot = BilanSnapshot.objects.get()
    assert response.status_code == 302 and response.url == f"/bilan/arretes/{snapshot.pk}/"
    assert snapshot.region == world.region_a and snapshot.state == SnapshotState.DRAFT
    page = client.get(response.url).content.decode()
    assert "brouillon" in page and 'id="publish-button"' in page
    assert 'id="figure-actions">2<' in page
    response = client.post(f"/bilan/arretes/{snapshot.pk}/publier/")
    assert response.status_code == 302
    snapshot.refresh_from_db()
    assert snapshot.state == SnapshotState.PUBLISHED and snapshot.published_by == world.pilot
    page = client.get(f"/bilan/arretes/{snapshot.pk}/").content.decode()
    assert "Bilan publié le" in page and "chiffres arrêtés au" in page
    assert 'id="publish-button"' not in page


def test_freezing_needs_the_right(client, world, bilan_data):
    response = client.post("/bilan/figer/", {"region": "84"})
    assert response.status_code == 302 and "/comptes/" in response.url  # login first
    client.force_login(world.pilot)
    assert client.post("/bilan/figer/", {"region": "27"}).status_code == 403
    assert client.post("/bilan/figer/", {}).status_code == 403  # national: national team
    response = client.post("/bilan/figer/", {"region": "99"})
    assert response.status_code == 400 and "Région inconnue" in response.content.decode()
    assert not BilanSnapshot.objects.exists()


def test_publishing_needs_the_right(client, world, bilan_data):
    draft = bilan_freeze(by=world.national, territory=world.t3)
    client.force_login(world.pilot)
    assert client.get(f"/bilan/arretes/{draft.pk}/").status_code == 404  # not its draft
    assert client.post(f"/bilan/arretes/{draft.pk}/publier/").status_code == 404
    client.force_login(world.other_pilot)
    assert client.get(f"/bilan/arretes/{draft.pk}/").status_code == 200
    client.post(f"/bilan/arretes/{draft.pk}/publier/")
    draft.refresh_from_db()
    assert draft.state == SnapshotState.PUBLISHED


def test_published_bilan_shows_its_frozen_figures_after_edits(client, world, bilan_data):
    snapshot = bilan_publish(snapshot=bilan_freeze(by=world.national), by=world.national)
    actions.action_update(
        action=bilan_data.a2, version=None, by=world.national, jobs_created_planned=500
    )
    live = client.get("/bilan/").context["figures"]
    assert live["jobs"]["planned"] == 522
    response = client.get(f"/bilan/arretes/{snapshot.pk}/")
    assert response.context["figures"]["jobs"]["planned"] == 25
    assert 'id="figure-jobs">25<' in response.content.decode()
    csv_text = client.get(f"/bilan/arretes/{snapshot.pk}/bilan.csv").content.decode()
    assert "Emplois;Créés;prévus;13" in csv_text


def test_list_of_published_bilans(client, world, bilan_data, django_assert_num_queries):
    from tests.querycount import queries_for

    published = bilan_publish(
        snapshot=bilan_freeze(by=world.pilot, region=world.region_a), by=world.pilot
    )
    draft = bilan_freeze(by=world.national)
    page = client.get("/bilan/arretes/").content.decode()
    assert escape(published.title) in page and escape(draft.title) not in page
    assert client.get(f"/bilan/arretes/{draft.pk}/").status_code == 404
    client.force_login(world.national)
    page = client.get("/bilan/arretes/").content.decode()
    assert 'id="drafts"' in page and escape(draft.title) in page
    assert "Aucun bilan publié" in client.get("/bilan/arretes/?region=27").content.decode()
    assert escape(published.title) in client.get("/bilan/arretes/?echelle=region").content.decode()
    first = queries_for(client, "/bilan/arretes/")
    for _ in range(5):
        bilan_publish(
            snapshot=bilan_freeze(by=world.national, territory=world.t1), by=world.national
        )
        bilan_freeze(by=world.national, region=world.region_b)
    assert queries_for(client, "/bilan/arretes/") == first
