"""Source-health benchmark: a year of daily history for 1,000 sources; bytes per source-day and the health
computation (read the history + every rule for every source).

Prints the rows, the SQLite bytes per source-day (file growth after VACUUM over the rows), the time to read
the histories and evaluate all sources, and the pure rule time alone. ``python benchmarks/health.py
[--sources N] [--days D]``.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from rassegna.config.models import HealthSettings
from rassegna.health.rules import evaluate_all
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.health import histories
from rassegna.storage.models import HealthSource, SourceDay


def _file_size(path: Path) -> int:
    """The database file's size after a checkpoint and VACUUM (pages actually used)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return path.stat().st_size


def _table_bytes(path: Path) -> int | None:
    """Bytes of source_day and its primary-key index (SQLite's dbstat; None where it is not compiled in)."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name IN ('source_day', 'sqlite_autoindex_source_day_1')"
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()
    return int(row[0]) if row and row[0] else None


def main() -> None:
    """Build the history, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "health.db"
        engine = create_db_engine(f"sqlite:///{path}")
        empty_size = _file_size(path)
        kinds = ("feed", "sitemap", "start", "discovery")
        with session_scope(engine) as session:
            for i in range(args.sources):
                url = f"https://www.testata{i // 3:04d}.example/{kinds[i % 4]}/{i}"
                session.add(HealthSource(outlet=f"Testata {i // 3}", kind=kinds[i % 4], url=url))
        first = date(2023, 1, 1)
        start = time.perf_counter()
        with engine.begin() as conn:
            for source_id in range(1, args.sources + 1):
                mean = rng.choice((2, 5, 10, 30))
                rows = []
                for d in range(args.days):
                    articles = max(0, int(rng.gauss(mean, mean / 3)))
                    failed = rng.random() < 0.03
                    rows.append(
                        {
                            "source_id": source_id,
                            "day": first + timedelta(days=d),
                            "runs": 1,
                            "failed_runs": int(failed),
                            "requests": articles + 1,
                            "ok_responses": 0 if failed else articles + 1,
                            "pages": articles,
                            "links": articles,
                            "articles": 0 if failed else articles,
                            "relevant": articles // 10,
                            "empty": int(rng.random() < 0.05),
                            "text_chars": articles * rng.randint(1500, 4000),
                            "robots": 0,
                            "median_ms": rng.randint(60, 900),
                            "faults": "timeout=1" if failed else "",
                        }
                    )
                conn.execute(insert(SourceDay), rows)
        written = time.perf_counter() - start
        rows_total = args.sources * args.days
        full_size = _file_size(path)
        per_day = (full_size - empty_size) / rows_total
        table = _table_bytes(path)
        settings = HealthSettings()
        today = first + timedelta(days=args.days - 1)
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            with session_scope(engine) as session:
                loaded = histories(session, today)
            t1 = time.perf_counter()
            results = evaluate_all(loaded, settings, today)
            t2 = time.perf_counter()
            runs.append((t1 - t0, t2 - t1))
        read, rules = min(runs, key=sum)
        unhealthy = sum(1 for r in results if not r.ok)
        print(
            f"history: {args.sources} sources x {args.days} days = {rows_total:,} source-days "
            f"(written in {written:.1f} s)"
        )
        print(f"SQLite file: {full_size / 1e6:.1f} MB; {per_day:.0f} bytes per source-day (file growth over the rows)")
        if table:
            print(f"source_day table + primary-key index (dbstat): {table / rows_total:.0f} bytes per source-day")
        print(
            f"health of all {args.sources} sources: {read + rules:.3f} s (read {read:.3f} s + rules {rules:.3f} s); "
            f"{unhealthy} unhealthy"
        )
        t0 = time.perf_counter()
        sum(range(3_000_000))  # the machine's pace, to read the figures above against
        pace = time.perf_counter() - t0
        print(
            f"ratio to the 1 s budget: {(read + rules):.2f}; cpu count {os.cpu_count()}, "
            f"load average {os.getloadavg()[0]:.1f}; sum(range(3e6)) took {pace:.3f} s"
        )
        print(f"health computation / sum(range(3e6)): {(read + rules) / pace:.1f}")
        print(f"at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
        engine.dispose()


if __name__ == "__main__":
    main()
