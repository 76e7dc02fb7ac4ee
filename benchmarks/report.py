"""Time to build each report format for N synthetic clippings, next to the time to just query them.

Usage: python benchmarks/report.py [N] [--formats html,pdf,md,xlsx,json] [--db URL]
       python benchmarks/report.py --commands [--repeat 3]
Uses a temporary SQLite database unless --db is given. ``--commands`` times the whole ``rassegna report`` command
(start-up included) on the 60 reference clippings (``rassegna import`` of tests/fixtures/clippings-lgnet2-2023.csv),
in the same run as a bare ``python -c pass``, so a loaded machine shows as a slow baseline. Each command runs once
before it is timed, with bytecode caching allowed, as an installed package runs (``$PYTHONDONTWRITEBYTECODE`` would
otherwise make every run compile rassegna's modules again).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from synthetic import CITIES, prose

from rassegna.config.categories import CATEGORIES
from rassegna.config.models import Campaign, Outlet
from rassegna.domain import Analysis, Article, CampaignMatch, Figure, Quote
from rassegna.reports import FORMATS, PDF_EXCERPT_LIMIT, PDF_FULL_TEXT_LIMIT, build_report, render, write_report
from rassegna.reports.stories import refresh_stories
from rassegna.storage import repository
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.queries import Selection, category_summary, report_clippings

START, END = date(2023, 1, 1), date(2023, 12, 31)


def populate(url: str, n: int, seed: int = 1) -> None:
    """Store ``n`` synthetic clippings of campaign LgNet2 (with places, figures and quotes)."""
    rng = random.Random(seed)
    engine = create_db_engine(url)
    with session_scope(engine) as session:
        outlets = [
            Outlet(name=f"Testata {i}", category=list(CATEGORIES)[i % 7],
                   audience=rng.choice([None, rng.randint(1_000, 2_000_000)]), audience_source="audiweb")
            for i in range(300)
        ]  # fmt: skip
        repository.sync_outlets(session, outlets)
        for i in range(n):
            city = rng.choice(CITIES)
            outlet = rng.choice(outlets)
            body = "\n\n".join(prose(rng, 60) for _ in range(3))
            article = Article(
                outlet=outlet.name,
                title=f"{city} fra i Comuni della rete LgNet2 ({i})",
                published=START + timedelta(days=rng.randrange((END - START).days + 1)),
                text=f"A {city} il progetto LgNet2. {body}",
                url=f"https://example.org/{i}",
                canonical_url=f"https://example.org/{i}",
                journalist=rng.choice([None, "Mario Rossi", "Giulia Mascia"]),
                campaigns=[CampaignMatch("LgNet2", "LgNet2", "")],
            )
            analysis = Analysis(
                city=city, places=[city],
                figures=[Figure(rng.randint(10, 500), "persone", "oltre", "oltre 100 persone")],
                quotes=[Quote("Un risultato importante per la città", "Mario Bianchi", "assessore")],
            )  # fmt: skip
            repository.store_article(session, article, analysis)
    engine.dispose()


REFERENCE_CSV = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "clippings-lgnet2-2023.csv"


CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one child process; exits when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=CHILD_ENV)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"{' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def commands(repeat: int) -> None:
    """Time `rassegna report` (JSON and PDF, 60 reference clippings) beside a bare interpreter start."""
    rassegna = shutil.which("rassegna", path=str(Path(sys.executable).parent)) or "rassegna"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        if REFERENCE_CSV.exists():
            _timed([rassegna, "--db", url, "import", str(REFERENCE_CSV)])
        else:
            populate(url, 60)
            _timed([rassegna, "--db", url, "report", "--campaign", "LgNet2", "--from", "2023-01-01",
                    "--to", "2023-12-31", "--format", "json", "--output", str(Path(folder) / "warm.json")])  # fmt: skip
        period = ["--from", "2023-10-01", "--to", "2023-12-31"] if REFERENCE_CSV.exists() else [
            "--from", "2023-01-01", "--to", "2023-12-31"]  # fmt: skip
        runs = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "rassegna --help": [rassegna, "--help"],
        }
        for fmt in ("json", "pdf"):
            runs[f"report --format {fmt}"] = [
                rassegna, "--db", url, "report", "--campaign", "LgNet2", *period,
                "--format", fmt, "--output", str(Path(folder) / f"bench.{fmt}"),
            ]  # fmt: skip
        for argv in runs.values():  # warm-up: bytecode caches written, files in the page cache
            _timed(argv)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        for _ in range(repeat):  # interleaved, so a change of load hits every command alike
            for name, argv in runs.items():
                times[name].append(_timed(argv))
        base = statistics.median(w for w, _ in times["python -c pass"])
        base_cpu = statistics.median(c for _, c in times["python -c pass"])
        print(f"{'command (60 clippings)':28} {'wall s':>8} {'cpu s':>8} {'wall × pass':>12} {'cpu × pass':>11}")
        for name, values in times.items():
            wall = statistics.median(w for w, _ in values)
            cpu = statistics.median(c for _, c in values)
            print(f"{name:28} {wall:8.2f} {cpu:8.2f} {wall / base:12.1f} {cpu / base_cpu:11.1f}")
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"(median of {repeat}; load average now {load})")


def main() -> None:
    """Populate, then time the query and each format (or, with --commands, the whole CLI commands)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--db", default=None)
    parser.add_argument("--stories", action="store_true", help="also time refresh_stories on all clippings")
    parser.add_argument("--commands", action="store_true", help="time whole `rassegna report` commands instead")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command with --commands")
    args = parser.parse_args()
    if args.commands:
        commands(args.repeat)
        return
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'bench.db'}"
        t0 = time.perf_counter()
        populate(url, args.n)
        print(f"populate {args.n} clippings: {time.perf_counter() - t0:8.2f} s")
        engine = create_db_engine(url)
        if args.stories:
            t0 = time.perf_counter()
            with session_scope(engine) as session:
                assigned = refresh_stories(session)
            print(f"refresh_stories ({assigned}):   {time.perf_counter() - t0:8.2f} s")
        selection = Selection("LgNet2", START, END)
        campaign = Campaign(name="LgNet2", keywords=["LgNet2"], partner_cities=CITIES)
        with session_scope(engine) as session:
            t0 = time.perf_counter()
            summary = category_summary(session, selection)
            views = report_clippings(session, selection)
            query = time.perf_counter() - t0
        print(f"query only ({len(views)} clippings, {summary.count} counted): {query:8.2f} s")
        with session_scope(engine) as session:
            t0 = time.perf_counter()
            data = build_report(session, selection, campaign=campaign)
            build = time.perf_counter() - t0
        print(f"build_report (query + model):           {build:8.2f} s")
        print(
            f"  (PDF: full texts up to {PDF_FULL_TEXT_LIMIT:,} clippings, headline + excerpt + link up to "
            f"{PDF_EXCERPT_LIMIT:,}, clipping tables only above; HTML: every full text)"
        )
        for fmt in args.formats.split(","):
            t0 = time.perf_counter()
            path = write_report(data, fmt, Path(folder) / f"bench.{fmt}")
            elapsed = time.perf_counter() - t0
            size = path.stat().st_size / 1e6
            print(f"  {fmt:5} render + write: {elapsed:8.2f} s   ({size:6.1f} MB)")
        _ = render  # re-exported for interactive use
        engine.dispose()


if __name__ == "__main__":
    main()
