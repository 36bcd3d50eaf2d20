"""Benchmark: calls, sites, deployments and derogation pages at the demo's size and at 10×.

    .venv/bin/python bench/implantations.py --geo var/data/etalab-decoupage-administratif-6.0.0.tgz
    .venv/bin/python bench/implantations.py --geo … --postgres postgres://postgres@127.0.0.1:5432/postgres

In a throwaway database, ``tipilot demo`` loads the real geography, the programme and the
demo of issue 5 (127 sites, about 1,150 deployments, 40 derogation requests, three calls
with applications at every stage). Each public page and its GeoJSON, and the instruction desk
as the national team, are measured (median of repeated requests through Django's test
client: the whole stack but the network) with their SQL query count. Then every site,
deployment, derogation request and application is copied nine times (10×: 1,270 sites,
about 11,500 deployments, 400 requests, 140 applications) and the pages are measured again:
their query counts must not change, and their times are given as a ratio to the 1× run.
Target: every page < 500 ms (median) at 10×; ``/api/v1/sites.geojson`` and
``/api/v1/deployments.geojson`` (every point, unpaginated) < 1,000 ms.
"""

import json
import os
import platform
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bilan import _load, _median_ms, _setup_django, scale_arguments  # noqa: E402 — shared
from geo_load import ROOT, _throwaway_database  # noqa: E402 — shared throwaway database

RESULTS = ROOT / "bench" / "results"  # implantations-sqlite.json, implantations-postgresql.json
PAGE_TARGET_MS = 500.0
GEOJSON_TARGET_MS = 1000.0
COUNTED = ("sites", "deployments", "derogations", "applications")
PAGES = (
    "/appels/",
    "/appels/fonds-acceleration-2026/",
    "/appels/laureats/",
    "/appels/instruction/",
    "/sites/",
    "/sites/?region=84&acces=rail&pret=true",
    "/api/v1/sites/",
    "/api/v1/sites.geojson",
    "/deploiements/",
    "/api/v1/deployments.geojson",
    "/france-experimentation/",
    "/france-experimentation/?q=environnement",
)


def _page(client, url: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    with CaptureQueriesContext(connection) as queries:
        get()
    count = len(queries.captured_queries)
    return {"url": url, "median_ms": _median_ms(get, repeat=9), "queries": count}


def _counts() -> dict:
    from tipilot.calls.models import Application
    from tipilot.deployments.models import Deployment
    from tipilot.experimentation.models import DerogationRequest
    from tipilot.sites.models import Site

    return {
        "sites": Site.objects.count(),
        "deployments": Deployment.objects.count(),
        "derogations": DerogationRequest.objects.count(),
        "applications": Application.objects.count(),
    }


def _measure(label: str) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email="national@demo.tipilot.fr"))
    return {"scale": label, **_counts(), "pages": [_page(client, url) for url in PAGES]}


def _copies(model, factor: int, change) -> int:
    """``factor - 1`` copies of every row of ``model``, ``change(obj, k)`` making them unique."""
    originals = list(model.objects.all())
    rows = []
    for k in range(1, factor):
        for obj in originals:
            copy = model(
                **{f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
            )
            copy.pk = None
            change(copy, k)
            rows.append(copy)
    model.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _scale(factor: int, console: Console) -> None:
    """Copy the rows straight into the tables: no history, no events (the pages don't read them)."""
    from tipilot.calls.models import Application
    from tipilot.deployments.models import Deployment
    from tipilot.experimentation.models import DerogationRequest
    from tipilot.sites.models import Site

    def site(copy, k):
        copy.slug = f"{copy.slug[:70]}-x{k}"

    def derogation(copy, k):
        copy.reference = f"{copy.reference[:15]}-x{k}"

    def application(copy, k):
        copy.reference = f"{copy.reference}-X{k}"
        copy.action_id = copy.funding_line_id = None  # a fiche action has one laureate

    with console.status(f"copies ×{factor}…"):
        _copies(Site, factor, site)
        _copies(Deployment, factor, lambda copy, k: None)
        _copies(DerogationRequest, factor, derogation)
        _copies(Application, factor, application)


def _verdicts(large: dict) -> list[dict]:
    out = []
    for page in large["pages"]:
        limit = GEOJSON_TARGET_MS if page["url"].endswith(".geojson") else PAGE_TARGET_MS
        ratio = page["median_ms"] / limit
        out.append(
            {
                "target": f"{page['url']} à l'échelle {large['scale']} (médiane)",
                "measured": round(page["median_ms"], 1),
                "limit": limit,
                "unit": "ms",
                "ratio": round(ratio, 3),
                "pass": ratio <= 1,
            }
        )
    return out


def _print(console: Console, runs: list[dict], verdicts: list[dict], vendor: str) -> None:
    small, large = runs
    console.print("Lignes : " + ", ".join(f"{key} {small[key]} → {large[key]}" for key in COUNTED))
    table = Table(title=f"Appels, sites, déploiements, dérogations ({vendor})")
    for column in ("adresse", "×1 (ms)", f"{large['scale']} (ms)", "rapport", "requêtes"):
        table.add_column(column, justify="right")
    for a, b in zip(small["pages"], large["pages"], strict=True):
        queries = (
            str(a["queries"]) if a["queries"] == b["queries"] else f"{a['queries']}→{b['queries']}"
        )
        table.add_row(
            a["url"],
            f"{a['median_ms']:.1f}",
            f"{b['median_ms']:.1f}",
            f"{b['median_ms'] / a['median_ms']:.2f}",
            queries,
        )
    console.print(table)
    for verdict in verdicts:
        status = "[green]PASS[/]" if verdict["pass"] else "[red]FAIL[/]"
        console.print(
            f"{status} {verdict['target']} : {verdict['measured']:.1f} ms "
            f"/ {verdict['limit']:.0f} ms = {verdict['ratio']:.2f}"
        )


def main() -> int:
    args = scale_arguments(__doc__)
    console = Console()
    with _throwaway_database(args.postgres) as database_url:
        vendor = _setup_django(database_url)
        _load(args.geo.resolve(), console)
        runs = [_measure("×1")]
        _scale(args.factor, console)
        runs.append(_measure(f"×{args.factor}"))
    same_queries = all(
        a["queries"] == b["queries"] for a, b in zip(*(r["pages"] for r in runs), strict=True)
    )
    verdicts = _verdicts(runs[-1])
    _print(console, runs, verdicts, vendor)
    console.print(f"Requêtes SQL identiques aux deux échelles : {'oui' if same_queries else 'NON'}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "database": vendor,
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU",
        "runs": runs,
        "same_query_count_at_both_scales": same_queries,
        "targets": verdicts,
    }
    results = RESULTS / f"implantations-{vendor}.json"
    results.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    console.print(f"Résultats : {results.relative_to(ROOT)}")
    return 0 if same_queries and all(v["pass"] for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
