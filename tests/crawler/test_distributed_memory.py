"""The coordinator's memory at national scale: the run's sources go to the frontier a batch at a time."""

from __future__ import annotations

import tracemalloc
import uuid
from typing import Any

import pytest

from rassegna.app.crawlstore import DbCrawlStore
from rassegna.config.models import CrawlSettings, Outlet
from rassegna.crawler.distributed import (
    DistributedContext,
    DistributedFeedSpider,
    RunKeys,
    outstanding,
    push_seeds,
    seed_batches,
)
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.storage.db import create_db_engine
from tests.redis_server import redis_server

pytestmark = pytest.mark.distributed

OUTLETS = 5000  # each with a feed


def _traced_peak(work: Any) -> tuple[Any, int]:
    """What ``work()`` returns and the most memory it held at once (bytes, beyond what existed before)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        result = work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak - before


def test_seeds_reach_the_frontier_in_bounded_batches(sqlite_url: str) -> None:
    server = redis_server()
    outlets = [
        Outlet(
            name=f"Testata{k}",
            category="quotidiani",
            domains=[f"testata{k}.test"],
            feeds=[f"http://www.testata{k}.test/rss/"],
        )
        for k in range(OUTLETS)
    ]
    keys = RunKeys(f"rassegna-test-{uuid.uuid4().hex[:10]}", 1)
    context = DistributedContext(
        server=server,
        keys=keys,
        outlets=outlets,
        matcher=CampaignMatcher.from_settings([]),
        store=DbCrawlStore(create_db_engine(sqlite_url)),
        crawl=CrawlSettings(),
        run_id=1,
    )
    try:
        # What holding every feed seed at once costs: the coordinator's way before seeds were batched.
        everything, held_all = _traced_peak(lambda: next(seed_batches(DistributedFeedSpider(context=context), 10**9)))
        assert len(everything) == OUTLETS
        del everything
        seeded, held_batched = _traced_peak(lambda: push_seeds(server, keys, context, batch_size=100))
        assert seeded == OUTLETS and outstanding(server, keys) == (OUTLETS, 0)
        # Every seed on the frontier, while holding a fraction of what the list of them all takes.
        assert held_batched < held_all / 4, (held_batched, held_all)
    finally:
        context.close()
        names = list(server.scan_iter(match=keys.namespace + ":*"))
        if names:
            server.delete(*names)
