"""Export → import gives back the same data, in XLSX and in CSV; a re-import changes nothing."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.actions.factories import ActionFactory, FundingLineFactory, TagFactory, measure
from tipilot.actions.models import Action
from tipilot.actions.spreadsheet import (
    action_records,
    actions_for_export,
    actions_import,
    csv_lines,
    line_records,
    write_xlsx,
)
from tipilot.governance.enums import OrganisationKind
from tipilot.governance.models import Organisation

from .helpers import luhn_siren


def exported(fmt: str) -> list[tuple[str, bytes]]:
    actions = actions_for_export()
    if fmt == "xlsx":
        buffer = io.BytesIO()
        write_xlsx(buffer, actions)
        return [("export.xlsx", buffer.getvalue())]
    return [
        (f"{sheet}.csv", "".join(csv_lines(sheet, actions)).encode("utf-8"))
        for sheet in ("Fiches actions", "Financements")
    ]


def records() -> tuple[list, list]:
    actions = actions_for_export()
    return list(action_records(actions)), list(line_records(actions))


def full_programme(world) -> None:
    firm = Organisation.objects.create(
        name="Forges ; « Test »", kind=OrganisationKind.FIRM, siren=luhn_siren("55544433")
    )
    town = Organisation.objects.create(name="Commune de Test", kind=OrganisationKind.COMMUNE)
    commune = world.t1.memberships.first().epci.communes.first()
    friche, skills = TagFactory(slug="friche"), TagFactory(slug="competences")
    first = ActionFactory(
        territory=world.t1,
        external_id="FA-1",
        title="=Atelier 4.0",
        lead=firm,
        description='Ligne 1\nLigne 2 ; « guillemets » "doubles"',
        commune=commune,
        naf_code="25.62A",
        total_cost=Decimal("1234567.89"),
        status="completed",
        engaged_on=dt.date(2023, 1, 2),
        started_on=dt.date(2023, 3, 4),
        completed_on=dt.date(2024, 5, 6),
        jobs_created_planned=10,
        jobs_maintained_planned=3,
        jobs_created_observed=0,
        jobs_maintained_observed=7,
        is_relocation=True,
        is_fragile_territory=True,
    )
    first.measures.set([measure(), measure("vte")])
    first.tags.set([friche, skills])
    second = ActionFactory(
        territory=world.t3,
        external_id="FA-2",
        lead=town,
        nature="public",
        status="abandoned",
        abandoned_on=dt.date(2024, 1, 1),
    )
    FundingLineFactory(
        action=first,
        position=1,
        funder=world.operator,
        measure=measure(),
        funder_category="operator",
        amount_requested=Decimal("500000.10"),
        amount_committed=Decimal("400000"),
        amount_paid=Decimal("123.45"),
        decision="granted",
        requested_on=dt.date(2023, 1, 1),
        committed_on=dt.date(2023, 2, 1),
        paid_on=dt.date(2023, 3, 1),
        comment="versement ; 1",
    )
    FundingLineFactory(action=first, position=3, funder_category="eu", instrument="FEDER")
    FundingLineFactory(
        action=second, position=1, decision="refused", funder=town, funder_category="local"
    )


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_round_trip_is_lossless(world, fmt):
    full_programme(world)
    before = records()
    files = exported(fmt)
    again = actions_import(files=files, by=world.national, dry_run=False)
    assert again.ok and again.changes == 0, (again.errors, again.counts)
    Action.objects.all().delete()
    report = actions_import(files=files, by=world.national, dry_run=False)
    assert report.ok, [str(e) for e in report.errors]
    assert report.counts["actions_created"] == 2 and report.counts["lines_created"] == 3
    assert records() == before
    assert exported(fmt) == files or fmt == "xlsx"  # XLSX embeds its creation time


def test_the_blank_template_imports_as_nothing(world):
    buffer = io.BytesIO()
    write_xlsx(buffer, None)
    report = actions_import(
        files=[("modele.xlsx", buffer.getvalue())], by=world.national, dry_run=True
    )
    assert report.ok and report.changes == 0


TEXT = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\u0085"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
AMOUNT = st.decimals(min_value=0, max_value=Decimal("99999999999.99"), places=2)
DAY = st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2030, 12, 31))
ACTION = st.fixed_dictionaries(
    {
        "title": TEXT,
        "description": st.one_of(st.just(""), TEXT),
        "total_cost": st.one_of(st.none(), AMOUNT),
        "jobs_created_observed": st.one_of(st.none(), st.integers(0, 100000)),
        "is_relocation": st.booleans(),
        "status": st.sampled_from(["idea", "preparation", "engaged", "in_progress"]),
        "dates": st.lists(DAY, min_size=2, max_size=2).map(sorted),
        "lines": st.lists(
            st.tuples(
                AMOUNT,
                AMOUNT,
                st.sampled_from(["state", "region", "eu", "private"]),
                st.one_of(st.just(""), TEXT),
            ),
            max_size=3,
        ),
    }
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(specs=st.lists(ACTION, min_size=1, max_size=3), fmt=st.sampled_from(["xlsx", "csv"]))
def test_round_trip_of_generated_actions(world, specs, fmt):
    Action.objects.all().delete()
    for n, spec in enumerate(specs):
        engaged, started = spec["dates"]
        action = ActionFactory(
            territory=world.t1,
            external_id=f"FA-H-{n}",
            title=spec["title"],
            description=spec["description"],
            total_cost=spec["total_cost"],
            jobs_created_observed=spec["jobs_created_observed"],
            is_relocation=spec["is_relocation"],
            status=spec["status"],
            engaged_on=engaged,
            started_on=started,
        )
        for position, (a, b, category, comment) in enumerate(spec["lines"], start=1):
            committed, paid = max(a, b), min(a, b)
            FundingLineFactory(
                action=action,
                position=position,
                amount_requested=a,
                amount_committed=committed,
                amount_paid=paid,
                decision="granted",
                funder_category=category,
                comment=comment,
            )
    before = records()
    files = exported(fmt)
    assert actions_import(files=files, by=world.national, dry_run=True).changes == 0
    Action.objects.all().delete()
    report = actions_import(files=files, by=world.national, dry_run=False)
    assert report.ok, [str(e) for e in report.errors]
    assert records() == before
