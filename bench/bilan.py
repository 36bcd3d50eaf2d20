"""Benchmark: the bilan d'étape and the spreadsheet import at 10× the real programme.

    .venv/bin/python bench/bilan.py --geo var/data/etalab-decoupage-administratif-6.0.0.tgz
    .venv/bin/python bench/bilan.py --geo … --postgres postgres://postgres@127.0.0.1:5432/postgres

In a throwaway database (SQLite in a temporary folder, or ``<name>_bench`` on the PostgreSQL
server, dropped at the end), ``tipilot demo`` loads the real geography and programme and its
1,800 demo actions; the national bilan page is measured (median of repeated requests through
Django's test client, i.e. the whole stack but the network) with its SQL query count. Then
``tipilot scale --factor 10`` makes 18,000 actions and about 100,000 funding lines, and the page
is measured again: its query count must be the same (it does not depend on the data size).
Beside the page's time, the bare SQL aggregate (euros by funder category, one GROUP BY) is
timed, so the page's overhead shows as a ratio. Last, the 18,000 actions are exported to XLSX,
deleted, and imported back from that file (the import's time is the target).
Targets: national bilan page < 300 ms (median) at 10×; XLSX import of 18,000 actions < 60 s.
"""

import argparse
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from geo_load import ROOT, _throwaway_database  # noqa: E402 — shared throwaway database

RESULTS = ROOT / "bench" / "results"  # bilan-sqlite.json, bilan-postgresql.json
PAGE_TARGET_MS = 300.0
IMPORT_TARGET_S = 60.0
REPEAT = 15
BARE_SQL = (
    "SELECT funder_category, SUM(amount_requested), SUM(amount_committed), SUM(amount_paid) "
    "FROM actions_fundingline GROUP BY funder_category"
)


def _setup_django(database_url: str) -> str:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"  # DEBUG would keep every query in memory
    os.environ["TIPILOT_DEMO_ACCOUNTS"] = "1"
    mirror = ROOT.parent / "shared" / "data"  # the official lists, as the Makefile passes them
    if mirror.is_dir():
        os.environ.setdefault("TIPILOT_DATA_MIRROR", str(mirror))
    os.environ["DJANGO_SETTINGS_MODULE"] = "tipilot.settings"
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    return connection.vendor


def _median_ms(work, repeat: int = REPEAT) -> float:
    work()  # warm-up: templates compiled, caches filled
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _page(url: str) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()

    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    with CaptureQueriesContext(connection) as queries:
        get()
    count = len(queries.captured_queries)  # now: the log is cleared at each later request
    return {"url": url, "median_ms": _median_ms(get), "queries": count}


def _bare_sql_ms() -> float:
    from django.db import connection

    def run():
        with connection.cursor() as cursor:
            cursor.execute(BARE_SQL)
            cursor.fetchall()

    return _median_ms(run)


def _measure(label: str) -> dict:
    from tipilot.actions.models import Action, FundingLine

    return {
        "scale": label,
        "actions": Action.objects.count(),
        "funding_lines": FundingLine.objects.count(),
        "bare_sql_ms": _bare_sql_ms(),
        "pages": [_page(url) for url in ("/bilan/", "/bilan/?region=84", "/api/v1/bilan/")],
    }


def _import_round(console: Console) -> dict:
    """Export every action to XLSX, delete them, import the file back as the national team."""
    from django.contrib.auth import get_user_model

    from tipilot.actions.models import Action
    from tipilot.actions.spreadsheet import actions_for_export, actions_import_paths, write_xlsx

    user = get_user_model().objects.get(email="national@demo.tipilot.fr")
    with tempfile.TemporaryDirectory(prefix="tipilot-bench-") as folder:
        path = Path(folder) / "fiches-actions.xlsx"
        start = time.perf_counter()
        write_xlsx(path, actions_for_export())
        exported = time.perf_counter() - start
        count = Action.objects.count()
        Action.objects.all().delete()
        start = time.perf_counter()
        report = actions_import_paths(paths=[path], by=user, dry_run=False)
        imported = time.perf_counter() - start
        size_mb = round(path.stat().st_size / 2**20, 1)
    assert report.ok and Action.objects.count() == count, report.errors[:5]
    console.print(f"Import : {report.summary()}")
    return {
        "actions": count,
        "xlsx_mb": size_mb,
        "export_s": exported,
        "import_s": imported,
    }


def _load(geo: Path, console: Console) -> None:
    from django.core.management import call_command

    with console.status("tipilot demo (géographie, programme, 1 800 fiches)…"):
        call_command("demo", geo=str(geo), stdout=io.StringIO())


def _scale(factor: int, console: Console) -> None:
    from django.core.management import call_command

    with console.status(f"tipilot scale --factor {factor}…"):
        call_command("scale", factor=factor, replace=True, stdout=io.StringIO())


def _verdicts(runs: list[dict], imported: dict) -> list[dict]:
    page = runs[-1]["pages"][0]
    return [
        {
            "target": "bilan national à l'échelle ×10 (médiane)",
            "measured": page["median_ms"],
            "limit": PAGE_TARGET_MS,
            "unit": "ms",
        },
        {
            "target": f"import XLSX de {imported['actions']} fiches",
            "measured": imported["import_s"],
            "limit": IMPORT_TARGET_S,
            "unit": "s",
        },
    ]


def _print(console: Console, runs: list[dict], imported: dict, verdicts, vendor: str) -> None:
    table = Table(title=f"Bilan d'étape ({vendor})")
    columns = ("échelle", "fiches", "lignes", "adresse", "médiane (ms)", "requêtes", "÷ SQL nu")
    for column in columns:
        table.add_column(column, justify="right")
    for run in runs:
        for page in run["pages"]:
            table.add_row(
                run["scale"],
                str(run["actions"]),
                str(run["funding_lines"]),
                page["url"],
                f"{page['median_ms']:.1f}",
                str(page["queries"]),
                f"{page['median_ms'] / run['bare_sql_ms']:.1f}",
            )
        console.print(f"{run['scale']} : agrégat SQL nu {run['bare_sql_ms']:.1f} ms")
    console.print(table)
    console.print(
        f"Export XLSX {imported['export_s']:.1f} s ({imported['xlsx_mb']} Mo), "
        f"import {imported['import_s']:.1f} s"
    )
    for verdict in verdicts:
        ratio = verdict["measured"] / verdict["limit"]
        status = "[green]PASS[/]" if ratio <= 1 else "[red]FAIL[/]"
        console.print(
            f"{status} {verdict['target']} : {verdict['measured']:.1f} {verdict['unit']} "
            f"/ {verdict['limit']:.0f} {verdict['unit']} = {ratio:.2f}"
        )


def _verdict_row(verdict: dict) -> dict:
    ratio = verdict["measured"] / verdict["limit"]
    return {**verdict, "ratio": round(ratio, 3), "pass": ratio <= 1}


def scale_arguments(doc: str) -> argparse.Namespace:
    """The options of the benchmarks that measure at 1× then at ``--factor`` ×."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--geo", required=True, type=Path, help="archive découpage administratif")
    parser.add_argument("--postgres", help="URL of a PostgreSQL server (default: SQLite)")
    parser.add_argument("--factor", type=int, default=10, help="scale of the large run")
    args = parser.parse_args()
    if not args.geo.is_file():
        parser.error(f"{args.geo} : archive introuvable (lancez « make install »).")
    return args


def main() -> int:
    args = scale_arguments(__doc__)
    console = Console()
    with _throwaway_database(args.postgres) as database_url:
        vendor = _setup_django(database_url)
        _load(args.geo.resolve(), console)
        runs = [_measure("×1")]
        _scale(args.factor, console)
        runs.append(_measure(f"×{args.factor}"))
        imported = _import_round(console)
        same_queries = all(
            a["queries"] == b["queries"] for a, b in zip(*(r["pages"] for r in runs), strict=True)
        )
    verdicts = _verdicts(runs, imported)
    _print(console, runs, imported, verdicts, vendor)
    console.print(f"Requêtes SQL identiques aux deux échelles : {'oui' if same_queries else 'NON'}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "database": vendor,
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU",
        "runs": runs,
        "import": imported,
        "same_query_count_at_both_scales": same_queries,
        "targets": [_verdict_row(v) for v in verdicts],
    }
    results = RESULTS / f"bilan-{vendor}.json"
    results.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    console.print(f"Résultats : {results.relative_to(ROOT)}")
    return 0 if same_queries and all(v["measured"] <= v["limit"] for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
