"""The workers of a distributed crawl run as the coordinator records them."""

from __future__ import annotations

import time

from sqlmodel import Session

from rassegna.app.crawlstore import DbCrawlStore
from rassegna.storage.db import create_db_engine
from rassegna.storage.workers import run_workers, save_run_workers


def line(worker: str, pages: int, state: str) -> dict[str, object]:
    """A worker's line as app.distributed sends it."""
    return {
        "worker": worker,
        "host": worker.split(":", 1)[0],
        "pages": pages,
        "items": pages - 1,
        "new_clippings": 2,
        "errors": 0,
        "last_seen": time.time(),
        "state": state,
    }


def test_lines_are_updated_in_place_and_read_by_run(sqlite_url: str) -> None:
    engine = create_db_engine(sqlite_url)
    store = DbCrawlStore(engine)
    distributed, local = store.start_run(None), store.start_run(None)
    save_run_workers(engine, distributed, [line("a:1:x", 3, "working"), line("b:2:y", 5, "working")])
    save_run_workers(engine, distributed, [line("a:1:x", 9, "done"), line("b:2:y", 5, "lost")])
    with Session(engine) as session:
        by_run = run_workers(session, [distributed, local, None])
    assert list(by_run) == [distributed]  # a local run has no workers
    assert [(w.worker, w.pages, w.items, w.state) for w in by_run[distributed]] == [
        ("a:1:x", 9, 8, "done"),
        ("b:2:y", 5, 4, "lost"),
    ]
