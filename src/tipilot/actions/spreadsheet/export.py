"""Export actions and funding lines in the import template: XLSX, CSV, JSON records.

The records are built by a constant number of queries (actions, their measures, their tags,
their lines), whatever the number of actions, and streamed row by row.
"""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import QuerySet

from ..models import Action, FundingLine
from .columns import ACTION_COLUMNS, LINE_COLUMNS

CHUNK = 2000


def actions_for_export(
    *, region: str = "", territory: str = "", generation: str = ""
) -> QuerySet[Action]:
    """Actions filtered by region code, territory identifier and generation code."""
    actions = Action.objects.all()
    if region:
        actions = actions.filter(territory__regions__code=region)
    if territory:
        actions = actions.filter(territory__identifier=territory)
    if generation:
        actions = actions.filter(territory__generation__code=generation)
    return actions.order_by("territory__identifier", "external_id")


def action_records(actions: QuerySet[Action]) -> Iterator[dict]:
    """One dict per action, keyed by the template's machine names, typed."""
    ids = actions.values("pk")
    measures, tags = defaultdict(list), defaultdict(list)
    through = Action.measures.through.objects.filter(action_id__in=ids)
    for action_id, code in through.values_list("action_id", "measure__code").order_by(
        "measure__code"
    ):
        measures[action_id].append(code)
    through = Action.tags.through.objects.filter(action_id__in=ids)
    for action_id, slug in through.values_list("action_id", "tag__slug").order_by("tag__slug"):
        tags[action_id].append(slug)
    rows = actions.select_related("territory__generation", "axis", "lead", "commune").only(
        *(f.name for f in Action._meta.concrete_fields),
        "territory__identifier",
        "territory__generation__code",
        "axis__code",
        "lead__siren",
        "lead__name",
        "commune__insee_code",
    )
    for action in rows.iterator(chunk_size=CHUNK):
        yield _action_record(action, measures[action.pk], tags[action.pk])


def _action_record(action: Action, measures: list[str], tags: list[str]) -> dict:
    lead = action.lead
    record = {c.key: getattr(action, c.key, None) for c in ACTION_COLUMNS}
    record.update(
        territory=action.territory.identifier,
        generation=action.territory.generation.code,
        axis=action.axis.code,
        measures=measures,
        tags=tags,
        lead_siren=lead.siren if lead else "",
        lead_name=lead.name if lead else "",
        commune=action.commune.insee_code if action.commune_id else "",
    )
    return record


def line_records(actions: QuerySet[Action]) -> Iterator[dict]:
    lines = FundingLine.objects.filter(action__in=actions.values("pk"))
    lines = lines.select_related("action", "funder", "measure").only(
        *(f.name for f in FundingLine._meta.concrete_fields if f.name != "decided_by"),
        "action__external_id",
        "funder__siren",
        "funder__name",
        "measure__code",
    )
    lines = lines.order_by("action__territory__identifier", "action__external_id", "position")
    for line in lines.iterator(chunk_size=CHUNK):
        record = {c.key: getattr(line, c.key, None) for c in LINE_COLUMNS}
        record.update(
            external_id=line.action.external_id,
            funder_siren=line.funder.siren if line.funder_id else "",
            funder_name=line.funder.name if line.funder_id else "",
            measure=line.measure.code if line.measure_id else "",
        )
        yield record
