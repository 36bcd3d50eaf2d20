"""Freezing and publishing a bilan: who may, and a published bilan never changes."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.actions.factories import FundingLineFactory
from tipilot.actions import services as actions
from tipilot.actions.enums import FunderCategory
from tipilot.analytics.models import BilanSnapshot, ScopeLevel, SnapshotState
from tipilot.analytics.scope import BilanScope
from tipilot.analytics.selectors import bilan_figures, published_snapshots
from tipilot.analytics.services import bilan_freeze, bilan_publish

pytestmark = pytest.mark.django_db


def test_national_team_freezes_and_publishes_the_national_bilan(world, bilan_data):
    snapshot = bilan_freeze(by=world.national)
    assert snapshot.level == ScopeLevel.NATIONAL
    assert snapshot.state == SnapshotState.DRAFT
    assert snapshot.frozen_by == world.national
    assert snapshot.title.startswith("Bilan d'étape — France entière")
    assert snapshot.figures["actions"]["total"] == 4
    assert list(published_snapshots()) == []
    published = bilan_publish(snapshot=snapshot, by=world.national)
    assert published.state == SnapshotState.PUBLISHED
    assert published.published_by == world.national and published.published_at
    assert list(published_snapshots()) == [published]
    reasons = [h.history_change_reason for h in published.history.all()]
    assert reasons == ["Bilan publié", "Bilan figé"]
    assert published.history.first().history_user == world.national


def test_a_published_bilan_never_changes_when_actions_are_edited(world, bilan_data):
    snapshot = bilan_publish(snapshot=bilan_freeze(by=world.national), by=world.national)
    before = snapshot.figures
    actions.action_update(
        action=bilan_data.a2, version=None, by=world.national, jobs_created_planned=500
    )
    FundingLineFactory(action=bilan_data.a2, funder_category=FunderCategory.STATE)
    assert bilan_figures()["jobs"]["planned"] == 25 + 497
    snapshot.refresh_from_db()
    assert snapshot.figures == before
    assert snapshot.figures["jobs"]["planned"] == 25
    assert snapshot.figures["money"]["total"]["requested"] == 185000.0


def test_a_published_bilan_cannot_be_saved_again(world, bilan_data):
    snapshot = bilan_publish(snapshot=bilan_freeze(by=world.national), by=world.national)
    snapshot.figures = {"actions": {"total": 999}}
    with pytest.raises(ValidationError, match="publié"):
        snapshot.save()
    snapshot.refresh_from_db()
    assert snapshot.figures["actions"]["total"] == 4


def test_publishing_twice_is_refused(world, bilan_data):
    snapshot = bilan_publish(snapshot=bilan_freeze(by=world.national), by=world.national)
    with pytest.raises(ValidationError, match="déjà publié"):
        bilan_publish(snapshot=snapshot, by=world.national)
    assert not world.national.has_perm("analytics.publish_bilan", snapshot)


def test_a_regional_pilot_freezes_its_region_and_its_territories_only(world, bilan_data):
    snapshot = bilan_freeze(by=world.pilot, region=world.region_a)
    assert snapshot.level == ScopeLevel.REGION and snapshot.region == world.region_a
    assert snapshot.figures["actions"]["total"] == 2
    bilan_publish(snapshot=snapshot, by=world.pilot)
    territory = bilan_freeze(by=world.pilot, territory=world.t1)
    assert territory.generation == world.t1.generation
    with pytest.raises(PermissionDenied):
        bilan_freeze(by=world.pilot, region=world.region_b)
    with pytest.raises(PermissionDenied):
        bilan_freeze(by=world.pilot, territory=world.t3)
    with pytest.raises(PermissionDenied):
        bilan_freeze(by=world.pilot)  # the national bilan is the national team's
    with pytest.raises(PermissionDenied):
        bilan_publish(snapshot=territory, by=world.other_pilot)


@pytest.mark.parametrize("who", ["team", "binome", "copil", "instructor", "nobody", "anonymous"])
def test_other_roles_neither_freeze_nor_publish(world, bilan_data, who):
    user = getattr(world, who)
    with pytest.raises(PermissionDenied):
        bilan_freeze(by=user, territory=world.t1)
    draft = bilan_freeze(by=world.national, territory=world.t1)
    with pytest.raises(PermissionDenied):
        bilan_publish(snapshot=draft, by=user)
    assert not user.has_perm("analytics.view_snapshot", draft)
    assert BilanSnapshot.objects.get().state == SnapshotState.DRAFT


def test_drafts_are_seen_by_those_who_may_publish_them(world, bilan_data):
    draft = bilan_freeze(by=world.national, region=world.region_a)
    assert world.pilot.has_perm("analytics.view_snapshot", draft)
    assert not world.other_pilot.has_perm("analytics.view_snapshot", draft)
    bilan_publish(snapshot=draft, by=world.national)
    draft.refresh_from_db()
    assert world.anonymous.has_perm("analytics.view_snapshot", draft)


def test_a_title_may_be_given(world):
    snapshot = bilan_freeze(by=world.national, title="  Bilan du COPIL national  ")
    assert snapshot.title == "Bilan du COPIL national"


def test_scope_is_a_region_or_a_territory():
    with pytest.raises(ValueError):
        BilanScope(region=object(), territory=object())
