"""The generated demo programme (1,800 fiches) survives an XLSX round trip unchanged."""

import datetime as dt
import io

from tests.governance.factories import user_with_role
from tipilot.actions.demo import actions_demo
from tipilot.actions.models import Action
from tipilot.actions.spreadsheet import (
    action_records,
    actions_for_export,
    actions_import,
    line_records,
    write_xlsx,
)
from tipilot.governance.enums import RoleKind


def records():
    actions = actions_for_export()
    return list(action_records(actions)), list(line_records(actions))


def test_demo_programme_round_trip(programme):
    actions_demo(today=dt.date(2026, 11, 1))
    national = user_with_role(RoleKind.NATIONAL_TEAM)
    before = records()
    buffer = io.BytesIO()
    write_xlsx(buffer, actions_for_export())
    files = [("demo.xlsx", buffer.getvalue())]
    again = actions_import(files=files, by=national, dry_run=True)
    assert again.ok and again.changes == 0, ([str(e) for e in again.errors[:5]], again.counts)
    Action.objects.all().delete()
    report = actions_import(files=files, by=national, dry_run=False)
    assert report.ok, [str(e) for e in report.errors[:5]]
    assert report.counts["actions_created"] == 1800
    assert records() == before
