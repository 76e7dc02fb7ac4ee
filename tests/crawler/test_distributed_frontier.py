"""The distributed frontier on the real Redis: claims made as requests are queued, leases taken as they are popped."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from rassegna.app.crawlstore import DbCrawlStore
from rassegna.config.models import CrawlSettings
from rassegna.crawler.distributed import (
    CLAIM_META,
    DistributedContext,
    DistributedFeedSpider,
    LeaseBook,
    LeasedQueue,
    RunKeys,
    outstanding,
    redis_now,
    requeue_expired,
)
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.crawler.ports import Source
from rassegna.crawler.urls import canonical_url
from rassegna.storage.db import create_db_engine
from tests.redis_server import redis_server

pytestmark = pytest.mark.distributed

FEED = Source("Testata", "feed", "http://www.testata.test/rss/")
ARTICLE = "http://www.testata.test/2023/11/01/lgnet2.html?utm_source=rss"


@pytest.fixture
def frontier(sqlite_url: str) -> Iterator[tuple[Any, RunKeys, DistributedFeedSpider, LeasedQueue]]:
    """A feed spider of run 1 in a namespace of the test's own, with its lease book and queue."""
    server = redis_server()
    keys = RunKeys(f"rassegna-test-{uuid.uuid4().hex[:10]}", 1)
    context = DistributedContext(
        server=server,
        keys=keys,
        outlets=[],
        matcher=CampaignMatcher.from_settings([]),
        store=DbCrawlStore(create_db_engine(sqlite_url)),
        crawl=CrawlSettings(),
        run_id=1,
    )
    spider = DistributedFeedSpider(context=context)
    spider.leases = LeaseBook(server, keys, lease=60)
    try:
        yield server, keys, spider, LeasedQueue(server, spider, keys.queue(spider.name))
    finally:
        context.close()
        names = list(server.scan_iter(match=keys.namespace + ":*"))
        if names:
            server.delete(*names)


def test_an_article_url_is_claimed_only_as_its_request_is_queued(frontier) -> None:  # noqa: ANN001
    server, keys, spider, queue = frontier
    request = spider.article_request(ARTICLE, FEED, listed=True)
    assert request is not None
    # found, not yet queued: a worker killed now leaves no claim behind, and the feed done again finds it anew
    assert not server.sismember(keys.claimed, canonical_url(ARTICLE))
    assert request.meta[CLAIM_META] == canonical_url(ARTICLE)
    assert queue.push_claimed(request, keys.claimed)
    again = spider.article_request(ARTICLE.split("?")[0], FEED, listed=True)  # the same article from a sitemap
    assert again is not None and not queue.push_claimed(again, keys.claimed)
    assert server.sismember(keys.claimed, canonical_url(ARTICLE)) and outstanding(server, keys) == (1, 0)


def test_a_popped_request_is_leased_until_released_or_expired(frontier) -> None:  # noqa: ANN001
    server, keys, spider, queue = frontier
    request = spider.article_request(ARTICLE, FEED, listed=True)
    assert request is not None and queue.push_claimed(request, keys.claimed)
    taken = queue.pop()
    assert taken is not None and taken.url == ARTICLE and CLAIM_META not in taken.meta
    assert outstanding(server, keys) == (0, 1)  # in neither place never: leased in the same step as popped
    assert requeue_expired(server, keys) == 0  # the lease is alive
    assert requeue_expired(server, keys, now=redis_now(server) + 61) == 1  # its worker died: back on the frontier
    assert outstanding(server, keys) == (1, 0)
    retaken = queue.pop()
    assert retaken is not None and retaken.url == ARTICLE
    spider.leases.release(next(iter(spider.leases.held - {taken.meta["rassegna_lease"]})))
    assert outstanding(server, keys) == (0, 0)


@pytest.mark.parametrize("skew", [-3600.0, 3600.0])
def test_leases_run_on_redis_clock_whatever_the_workers_clock_says(frontier, monkeypatch, skew: float) -> None:  # noqa: ANN001
    """A worker whose clock is an hour off still leases for the lease's length, as every other machine sees it."""
    server, keys, spider, queue = frontier
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + skew)
    request = spider.article_request(ARTICLE, FEED, listed=True)
    assert request is not None and queue.push_claimed(request, keys.claimed)
    taken = queue.pop()
    assert taken is not None
    ((token, expiry),) = server.zrange(keys.leases, 0, -1, withscores=True)
    assert abs(expiry - (redis_now(server) + spider.leases.lease)) < 5
    spider.leases.renew()
    assert abs(server.zscore(keys.leases, token) - (redis_now(server) + spider.leases.lease)) < 5
    assert requeue_expired(server, keys) == 0  # not expired early (clock ahead) ...
    assert requeue_expired(server, keys, now=redis_now(server) + spider.leases.lease + 1) == 1  # ... nor late
