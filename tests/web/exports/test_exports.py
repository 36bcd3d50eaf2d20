"""Open data downloads: content, filters, no personal data, constant query counts."""

import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.actions.factories import ActionFactory, FundingLineFactory, TagFactory, measure
from tipilot.actions.spreadsheet import ACTION_COLUMNS, LINE_COLUMNS

FILES = [
    "/exports/fiches-actions.csv",
    "/exports/fiches-actions.xlsx",
    "/exports/fiches-actions.json",
    "/exports/lignes-financement.csv",
    "/exports/lignes-financement.xlsx",
    "/exports/lignes-financement.json",
]


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def some_actions(world, n: int = 1, territory=None):
    tag = TagFactory(slug="friche")
    for _ in range(n):
        action = ActionFactory(territory=territory or world.t1, lead=world.operator)
        action.measures.set([measure()])
        action.tags.set([tag])
        FundingLineFactory(
            action=action,
            funder=world.operator,
            measure=measure(),
            decided_by=world.national,
            amount_committed=Decimal("10.50"),
            decision="granted",
        )
        FundingLineFactory(action=action, funder_category="eu")


def test_urls():
    assert reverse("exports") == "/exports/"
    assert reverse("export-template") == "/exports/modele-fiches-actions.xlsx"
    assert reverse("export-actions-json") == "/exports/fiches-actions.json"
    assert reverse("export-lines-csv") == "/exports/lignes-financement.csv"


def test_the_page_lists_the_files_with_the_filters(client, world):
    some_actions(world)
    response = client.get("/exports/?region=84")
    page = response.content.decode()
    assert response.status_code == 200
    for url in FILES:
        assert f'href="{url}?region=84"' in page
    assert "1 fiche action et 2 lignes de financement" in page


def test_bad_filters(client, world):
    response = client.get("/exports/?territory=<script>")
    assert response.status_code == 400 and "ti-8401" in response.content.decode()
    response = client.get("/exports/fiches-actions.csv?generation=1990-1995")
    assert response.status_code == 400 and "Génération" in response.content.decode()


def test_csv(client, world):
    some_actions(world)
    response = client.get("/exports/fiches-actions.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="fiches-actions.csv"' in response["Content-Disposition"]
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeffIdentifiant;Territoire;Génération;Intitulé;")
    header, row = text.strip("\ufeff\r\n").split("\r\n")
    assert len(header.split(";")) == len(ACTION_COLUMNS)
    assert ";ti-8401;2023-2027;" in row and ";fonds-acceleration;" in row and ";friche" in row
    lines = body(client.get("/exports/lignes-financement.csv")).decode()
    assert "10,50;0,00;" in lines and "Union européenne" in lines


def test_json_has_machine_names_and_no_personal_data(client, world):
    some_actions(world)
    actions = json.loads(body(client.get("/exports/fiches-actions.json")))
    assert list(actions[0]) == [c.key for c in ACTION_COLUMNS]
    assert actions[0]["measures"] == ["fonds-acceleration"] and actions[0]["status"] == "idea"
    lines = json.loads(body(client.get("/exports/lignes-financement.json")))
    assert list(lines[0]) == [c.key for c in LINE_COLUMNS]
    assert lines[0]["amount_committed"] == "10.50" and lines[0]["decision"] == "granted"
    everything = json.dumps([actions, lines])
    assert world.national.email not in everything and "decided_by" not in everything


def test_xlsx_holds_both_sheets(client, world):
    some_actions(world, 2)
    response = client.get("/exports/lignes-financement.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(body(response)), read_only=True)
    assert book.sheetnames == ["Fiches actions", "Financements", "Lisez-moi"]
    assert len(list(book["Financements"].iter_rows(values_only=True))) == 5


def test_blank_template(client, world):
    book = load_workbook(io.BytesIO(body(client.get("/exports/modele-fiches-actions.xlsx"))))
    header = next(book["Fiches actions"].iter_rows(values_only=True))
    assert list(header) == [c.header for c in ACTION_COLUMNS]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", 3), ("?region=27", 1), ("?territory=ti-8402", 1), ("?generation=2018-2022", 0)],
)
def test_filters(client, world, query, expected):
    some_actions(world, territory=world.t1)
    some_actions(world, territory=world.t2)
    some_actions(world, territory=world.t3)
    actions = json.loads(body(client.get(f"/exports/fiches-actions.json{query}")))
    assert len(actions) == expected
    lines = json.loads(body(client.get(f"/exports/lignes-financement.json{query}")))
    assert len(lines) == 2 * expected


def streamed_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
        body(response)
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/exports/?region=84", *FILES])
def test_queries_do_not_depend_on_the_data_size(client, world, url):
    some_actions(world, 2)
    small = streamed_queries(client, url)
    some_actions(world, 15, territory=world.t2)
    assert streamed_queries(client, url) == small
