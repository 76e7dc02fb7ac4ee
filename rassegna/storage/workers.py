"""The workers of distributed crawl runs, as `rassegna runs` and the desk's dashboard show them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from rassegna.storage.db import session_scope
from rassegna.storage.models import CrawlWorker

COUNTS = ("pages", "items", "new_clippings", "errors")


def save_run_workers(engine: Engine, run_id: int, lines: Iterable[Mapping[str, Any]]) -> None:
    """Insert or update the rows of run ``run_id``'s workers from their reported lines (see app.distributed)."""
    with session_scope(engine) as session:
        rows = {w.worker: w for w in session.exec(select(CrawlWorker).where(CrawlWorker.crawl_run_id == run_id))}
        for line in lines:
            row = rows.get(str(line["worker"])) or CrawlWorker(crawl_run_id=run_id, worker=str(line["worker"])[:300])
            row.host = str(line.get("host", ""))[:255]
            for name in COUNTS:
                setattr(row, name, int(line.get(name, 0)))
            row.last_seen = datetime.fromtimestamp(float(line.get("last_seen", 0)), UTC)
            row.state = str(line.get("state", "working"))[:20]
            session.add(row)


def run_workers(session: Session, run_ids: Iterable[int | None]) -> dict[int, list[CrawlWorker]]:
    """The workers of each of ``run_ids`` that was distributed, by run id (a local run has none)."""
    ids = [i for i in run_ids if i is not None]
    if not ids:
        return {}
    by_run: dict[int, list[CrawlWorker]] = {}
    query = select(CrawlWorker).where(col(CrawlWorker.crawl_run_id).in_(ids)).order_by(col(CrawlWorker.worker))
    for row in session.exec(query):
        by_run.setdefault(row.crawl_run_id, []).append(row)
    return by_run
