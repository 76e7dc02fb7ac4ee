"""Import speed and memory: N synthetic CSV rows through `rassegna import`'s code, without and with the NLP.

Usage: python benchmarks/import.py [N] [--nlp-rows M] [--db URL]
Uses a temporary SQLite database unless --db is given. Prints rows per second (wall clock, and per CPU second:
the figure a machine not shared with other work approaches), the process's peak memory,
and the longest time another writer waited for the database while the import ran (the import commits per
batch, so that is one batch, not the whole file).
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import text
from synthetic import CITIES, prose

from rassegna.app.importer import check_file, open_source, registry_lookup, write_file
from rassegna.app.pipeline import analyzer_for, refresh_stories
from rassegna.config import load_settings
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.repository import sync_outlets


def write_csv(path: Path, rows: int, seed: int = 7) -> None:
    """``rows`` clippings in the import format: 40 outlets (10 new), texts of about 120 words."""
    rng = random.Random(seed)
    outlets = [(f"Testata {i}", "quotidiani" if i % 2 else "portali") for i in range(40)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["outlet", "category", "audience", "title", "date", "journalist", "url", "text", "campaign"])
        for i in range(rows):
            outlet, category = rng.choice(outlets)
            city = rng.choice(CITIES)
            body = prose(rng, 110)
            text_ = f"A {city} il progetto LgNet2 ha aiutato oltre {rng.randint(10, 900)} persone. {body}."
            out.writerow(
                [
                    outlet,
                    category,
                    f"{rng.randint(1000, 900000):,}".replace(",", "."),
                    f"LgNet2 a {city}: uscita {i}",
                    f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2023",
                    "",
                    f"https://testata{i % 40}.example/articolo-{i}",
                    text_,
                    "LgNet2",
                ]
            )


def probe_writer(engine, stop: threading.Event, waits: list[float]) -> None:  # noqa: ANN001
    """Another writer: a tiny transaction every 50 ms, recording how long each waited for the lock."""
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS bench_probe (t REAL)"))
    while not stop.wait(0.05):
        began = time.perf_counter()
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO bench_probe (t) VALUES (:t)"), {"t": began})
        waits.append(time.perf_counter() - began)


def run_import(db_url: str, csv_path: Path, nlp: bool) -> tuple[float, float, int, float, float]:
    """(check seconds, write seconds, rows, longest wait of another writer, CPU seconds of both passes)."""
    settings = load_settings()
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        sync_outlets(session, settings.outlets)
    source = open_source(csv_path)
    cpu = time.process_time()
    began = time.perf_counter()
    rows = check_file(source, settings, registry_lookup(engine))
    checked = time.perf_counter()
    cpu = time.process_time() - cpu
    stop, waits = threading.Event(), []
    prober = threading.Thread(target=probe_writer, args=(engine, stop, waits), daemon=True)
    prober.start()
    analyzer = analyzer_for(settings.campaigns) if nlp else None
    if analyzer is not None:
        analyzer([])  # load the NLP before the clock runs: paid once per command, not per row
    cpu_writing = time.process_time()
    written_from = time.perf_counter()
    result = write_file(engine, source, settings, analyzer=analyzer)
    done = time.perf_counter()
    cpu += time.process_time() - cpu_writing  # the prober's share is negligible
    stop.set()
    prober.join()
    assert result.added == rows, result
    return checked - began, done - written_from, rows, max(waits, default=0.0), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", nargs="?", type=int, default=100_000)
    parser.add_argument("--nlp-rows", type=int, default=2_000, help="rows imported with the NLP (0: skip)")
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "clippings.csv"
        write_csv(csv_path, args.rows)
        size = csv_path.stat().st_size / 1e6
        print(f"{args.rows} rows, {size:.1f} MB of CSV")
        url = args.db or f"sqlite:///{folder / 'plain.db'}"
        check, write, rows, wait, cpu = run_import(url, csv_path, nlp=False)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"without NLP: validate {check:.1f} s ({rows / check:,.0f} rows/s), write {write:.1f} s")
        print(f"  whole import {rows / (check + write):,.0f} rows/s wall, {rows / cpu:,.0f} rows per CPU second")
        print(f"  peak memory of the process {peak:.0f} MB")
        print(f"  longest wait of another writer during the import: {wait:.2f} s")
        if args.nlp_rows:
            nlp_csv = folder / "nlp.csv"
            write_csv(nlp_csv, args.nlp_rows, seed=11)
            check, write, rows, wait, cpu = run_import(f"sqlite:///{folder / 'nlp.db'}", nlp_csv, nlp=True)
            print(
                f"with NLP ({rows} rows): {rows / (check + write):,.0f} rows/s wall, {rows / cpu:,.0f} per CPU second"
            )
            began = time.perf_counter()
            refresh_stories(create_db_engine(f"sqlite:///{folder / 'nlp.db'}"))
            seconds = time.perf_counter() - began
            print(f"  then grouping those {rows} into stories (rassegna import does it after writing): {seconds:.1f} s")


if __name__ == "__main__":
    main()
