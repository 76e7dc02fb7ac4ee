"""A stand-in for the crawl child in scheduler tests: records a crawl run, sleeps, honours SIGTERM like Scrapy."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.models import CrawlRun, utcnow


def main() -> int:
    """Run the fake crawl; exit 0 when done, 1 when stopped by SIGTERM."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sleep", type=float, default=0.0)
    parser.add_argument("--exit", type=int, default=0)
    parser.add_argument("--ignore-term", action="store_true", help="ignore SIGTERM (to test the kill)")
    parser.add_argument("--no-close", action="store_true", help="leave the crawl run 'running' on SIGTERM")
    parser.add_argument("--log", type=Path, help="append 'start <t>' and 'end <t>' lines here")
    args = parser.parse_args()
    engine = create_db_engine(os.environ["RASSEGNA_DATABASE_URL"], migrate=False)
    with session_scope(engine) as session:
        run = CrawlRun(pid=os.getpid())
        session.add(run)
        session.flush()
        run_id = run.id
    if args.log:
        with args.log.open("a") as fh:
            fh.write(f"start {time.time()}\n")
    stopped = False

    def on_term(_signum: int, _frame: object) -> None:
        nonlocal stopped
        stopped = True

    signal.signal(signal.SIGTERM, signal.SIG_IGN if args.ignore_term else on_term)
    print(f"fake crawl {run_id} started", flush=True)
    deadline = time.monotonic() + args.sleep
    while time.monotonic() < deadline and not stopped:
        time.sleep(0.05)
    if args.log:
        with args.log.open("a") as fh:
            fh.write(f"end {time.time()}\n")
    if stopped and args.no_close:
        return 1
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        run.finished_at = utcnow()
        run.outcome = "cancelled" if stopped else ("ok" if args.exit == 0 else "failed")
        run.pages, run.matched, run.new_clippings, run.errors = 7, 3, 2, 1
        session.add(run)
    print("fake crawl cancelled" if stopped else "fake crawl done", flush=True)
    return 1 if stopped else args.exit


if __name__ == "__main__":
    sys.exit(main())
