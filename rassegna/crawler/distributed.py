"""The Scrapy side of a distributed crawl: scrapy-redis's scheduler with leased work, shared host politeness.

The frontier is scrapy-redis's per-spider priority queue under a per-run key prefix. A worker that takes a
request holds a *lease* on it (the encoded request is kept in a Redis hash until the worker has scraped it,
pipelines included); a lease that is not renewed (the worker died) is put back on the frontier by
:func:`requeue`. Every host's concurrency and Retry-After are shared through Redis by all workers.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeAlias, cast

import redis
from scrapy import Request, signals
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from rassegna.config.models import CrawlSettings, DiscoverySearch
from rassegna.crawler.context import CrawlContext
from rassegna.crawler.finders import SearchSpider
from rassegna.crawler.middlewares import retry_after_seconds
from rassegna.crawler.ports import Source
from rassegna.crawler.settings import P, scrapy_settings
from rassegna.crawler.spiders import FeedSpider, PageSpider, SitemapSpider, _BaseSpider
from rassegna.crawler.urls import canonical_url, host_of

log = logging.getLogger(__name__)
# redis-py's synchronous client: its type hints give every reply as ``Awaitable[T] | T`` (shared with the asyncio
# client), which no caller here can use; the client is typed loosely instead of casting every reply.
RedisClient: TypeAlias = Any

LEASE_META = "rassegna_lease"
CLAIM_META = "rassegna_claim"  # the canonical URL an article request claims when it reaches the frontier
STATE_OPEN, STATE_DONE, STATE_CANCELLED, STATE_FAILED = "open", "done", "cancelled", "failed"
REDIS_TIMEOUT = 5.0
SEED_BATCH = 500  # seed requests built and sent to Redis at a time
# Claim a URL for the run and put its request on the frontier in one step: a worker killed between the two
# would otherwise leave a URL claimed that no queue holds, and the page that listed it, done again after its
# lease expired, would skip it as claimed.
_CLAIM_PUSH = """
if redis.call('SADD', KEYS[2], ARGV[3]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
return 1
"""
# Put leased requests back on their queues (a token already released is skipped).
_REQUEUE = """
local n = 0
for _, t in ipairs(ARGV) do
  local data = redis.call('HGET', KEYS[1], t)
  local q = redis.call('HGET', KEYS[2], t)
  if data and q then
    local i = string.find(q, '|', 1, true)
    redis.call('ZADD', string.sub(q, i + 1), string.sub(q, 1, i - 1), data)
    n = n + 1
  end
  redis.call('HDEL', KEYS[1], t)
  redis.call('HDEL', KEYS[2], t)
  redis.call('ZREM', KEYS[3], t)
end
return n
"""
# Host holds, slots and search pacing are timed on Redis's clock (TIME), not each worker's: the workers of a run
# may be machines whose clocks disagree by seconds, and a Retry-After one of them records must mean the same to all.
_NOW = "local t = redis.call('TIME')\nlocal now = tonumber(t[1]) + tonumber(t[2]) / 1000000\n"
# Pop the frontier's next request and lease it (token ARGV[1]) for ARGV[2] seconds, in one step. Leases expire on
# Redis's clock too: the coordinator that requeues expired leases may run on a machine whose clock is ahead.
_POP = (
    _NOW
    + """
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], r[1])
redis.call('HSET', KEYS[3], ARGV[1], r[2] .. '|' .. KEYS[1])
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[2]), ARGV[1])
return r[1]
"""
)
# Push the expiry of the leases still held (ARGV[2..]) to ARGV[1] seconds from now; a lease already released stays so.
_RENEW = (
    _NOW
    + """
local expiry = now + tonumber(ARGV[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', expiry, ARGV[i]) end
return #ARGV - 1
"""
)
# A per-host slot: free when fewer than ARGV[1] unexpired holders and the host's hold has passed (else seconds to
# wait, or -1 when all slots are taken). A slot taken expires ARGV[2] seconds from now (its holder may die).
_ACQUIRE = (
    _NOW
    + """
local nb = tonumber(redis.call('GET', KEYS[2]) or '0')
if nb > now then return tostring(nb - now) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return '-1' end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return '0'
"""
)
# Seconds left of a host's hold (0: none).
_HOLD_LEFT = _NOW + "return tostring(math.max(0, tonumber(redis.call('GET', KEYS[1]) or '0') - now))\n"
# Free a slot, holding the host back ARGV[2] seconds first when it said so (Retry-After) - in one step: a slot freed
# before the hold is in place could be taken by another worker in between and sent inside the host's wait.
_FREE = (
    _NOW
    + """
local wait = tonumber(ARGV[2])
if wait > 0 and now + wait > tonumber(redis.call('GET', KEYS[2]) or '0') then
  redis.call('SET', KEYS[2], tostring(now + wait), 'PX', math.floor(wait * 1000) + 1000)
end
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
"""
)
# A paced search: seconds until its next request may go; 0 when it may go now (then the one after is booked a step on).
_PACE = (
    _NOW
    + """
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nxt > now then return tostring(nxt - now) end
redis.call('SET', KEYS[1], tostring(now + tonumber(ARGV[1])), 'PX', ARGV[2])
return '0'
"""
)


@dataclass(frozen=True, slots=True)
class RunKeys:
    """The Redis keys of one distributed run (all under ``{namespace}:run:{run_id}``)."""

    namespace: str
    run_id: int

    @property
    def prefix(self) -> str:
        """The run's key prefix."""
        return f"{self.namespace}:run:{self.run_id}"

    def _key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    state = property(lambda self: self._key("state"), doc="open | done | cancelled | failed")
    meta = property(lambda self: self._key("meta"), doc="the run's campaign and outlets (a hash)")
    inflight = property(lambda self: self._key("inflight"), doc="leased requests by token (a hash)")
    inflight_queue = property(lambda self: self._key("inflight_queue"), doc="score|queue of each lease")
    leases = property(lambda self: self._key("leases"), doc="lease expiry by token (a sorted set)")
    claimed = property(lambda self: self._key("claimed"), doc="canonical URLs claimed in this run (a set)")
    joined = property(lambda self: self._key("joined"), doc="workers that joined the run (a set)")
    partials = property(lambda self: self._key("partials"), doc="each worker's counters so far (a hash of pickles)")
    workers = property(lambda self: self._key("workers"), doc="each worker's line: host, pages, items (JSON hash)")

    def robots(self, netloc: str) -> str:
        """A host's robots.txt as fetched once in this run (shared by every worker)."""
        return self._key(f"robots:{netloc}")

    def heartbeat(self, worker: str) -> str:
        """A worker's heartbeat key (expires when the worker stops renewing it)."""
        return self._key(f"heartbeat:{worker}")

    def queue(self, spider: str) -> str:
        """scrapy-redis's request queue of ``spider``."""
        return f"{self.prefix}:{spider}:requests"

    def host(self, host: str, what: str) -> str:
        """A per-host key (``slots`` or ``notbefore``)."""
        return f"{self.prefix}:host:{host}:{what}"

    def all_queues(self) -> list[str]:
        """The queues of every spider family."""
        return [self.queue(s.name) for s in DISTRIBUTED_SPIDERS]


def current_key(namespace: str) -> str:
    """The key naming the run now open in ``namespace`` (one at a time per database)."""
    return f"{namespace}:current"


def connect(url: str) -> RedisClient:
    """A Redis client that fails fast (seconds, not minutes) when the server is unreachable."""
    return redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT)


def requeue(server: RedisClient, keys: RunKeys, tokens: Iterable[str]) -> int:
    """Put the leased requests ``tokens`` back on the frontier; how many were still leased."""
    tokens = list(tokens)
    if not tokens:
        return 0
    return int(server.eval(_REQUEUE, 3, keys.inflight, keys.inflight_queue, keys.leases, *tokens))


def redis_now(server: RedisClient) -> float:
    """Redis's clock (seconds): the one clock every machine of a run agrees on."""
    seconds, microseconds = server.time()
    return seconds + microseconds / 1_000_000


def requeue_expired(server: RedisClient, keys: RunKeys, now: float | None = None) -> int:
    """Put back the work of workers that stopped renewing their leases (killed, frozen); ``now`` on Redis's clock."""
    expired = server.zrangebyscore(keys.leases, "-inf", now if now is not None else redis_now(server))
    return requeue(server, keys, [t.decode() if isinstance(t, bytes) else t for t in expired])


def outstanding(server: RedisClient, keys: RunKeys) -> tuple[int, int]:
    """(requests waiting on the frontier, requests leased by workers)."""
    pipe = server.pipeline()
    for queue in keys.all_queues():
        pipe.zcard(queue)
    pipe.zcard(keys.leases)
    counts = pipe.execute()
    return sum(counts[:-1]), counts[-1]


class LeasedQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop leases the request to this worker until it is scraped."""

    def pop(self, timeout: int = 0) -> Request | None:
        """The next request, leased (atomically with the pop, so no request is ever in neither place)."""
        leases: LeaseBook = self.spider.leases
        if not leases.accepting:
            return None
        token = uuid.uuid4().hex
        keys = leases.keys
        data = self.server.eval(_POP, 4, self.key, keys.inflight, keys.inflight_queue, keys.leases, token, leases.lease)
        if not data:
            return None
        request = self._decode_request(data)
        request.meta[LEASE_META] = token
        leases.held.add(token)
        return request

    def push_claimed(self, request: Request, claimed: str) -> bool:
        """Claim the request's URL in the run's set ``claimed`` and push it, atomically; False if already claimed."""
        url_key = request.meta.pop(CLAIM_META)  # not carried on: a retry or redirect of it claims nothing
        data = self._encode_request(request)
        return bool(self.server.eval(_CLAIM_PUSH, 2, self.key, claimed, -request.priority, data, url_key))


class LeasedScheduler(Scheduler):
    """scrapy-redis's scheduler; an article request claims its URL as it is pushed; a request re-scheduled
    under a lease (retry, redirect) ends that lease."""

    def enqueue_request(self, request: Request) -> bool:
        """Push to the frontier, then release the lease the request came under (never a gap in between)."""
        token = request.meta.pop(LEASE_META, None)
        if CLAIM_META not in request.meta:
            pushed = super().enqueue_request(request)
        else:
            spider = self.spider
            pushed = self.queue.push_claimed(request, spider.leases.keys.claimed)
            if pushed and isinstance(request.meta.get("source"), Source):
                spider.context.count(request.meta["source"], "links")
        if token:
            self.spider.leases.release(token)
        return pushed


class LeaseBook:
    """The leases one worker holds in one run: renewed while alive, released when the work is done."""

    def __init__(self, server: RedisClient, keys: RunKeys, lease: float):
        self.server, self.keys, self.lease = server, keys, lease
        self.held: set[str] = set()
        self.accepting = True  # False once the worker is stopping: it takes no new work

    def release(self, token: str) -> None:
        """The work of ``token`` is done (stored, or handed back to the frontier)."""
        self.held.discard(token)
        pipe = self.server.pipeline()
        pipe.hdel(self.keys.inflight, token).hdel(self.keys.inflight_queue, token).zrem(self.keys.leases, token)
        pipe.execute()

    def renew(self) -> None:
        """Push every held lease's expiry forward."""
        if self.held:
            self.server.eval(_RENEW, 1, self.keys.leases, self.lease, *self.held)

    def give_back(self) -> int:
        """Put every held request back on the frontier (a worker leaving before finishing them)."""
        count = requeue(self.server, self.keys, list(self.held))
        self.held.clear()
        return count


class DistributedContext(CrawlContext):
    """A crawl context whose URL claims are shared by every worker of the run (a Redis set)."""

    def __init__(self, *, server: RedisClient, keys: RunKeys, **kwargs: Any):
        super().__init__(**kwargs)
        self.server, self.keys = server, keys

    def claim(self, url: str, *, article: bool = True) -> bool:
        """True when no worker of this run claimed ``url`` yet and no earlier crawl judged it."""
        key = canonical_url(url)
        if article and key in self.known:
            self.skipped_known += 1
            return False
        return bool(self.server.sadd(self.keys.claimed, key))


class _Distributed(_BaseSpider):
    """What the distributed spiders share: no start requests (the coordinator seeds), a lease book, article
    URLs claimed by the scheduler as their requests reach the frontier (not before)."""

    leases: LeaseBook

    async def start(self) -> AsyncIterator[Any]:
        """Nothing: the run's sources are on the frontier already."""
        return
        yield  # an async generator

    def article_request(
        self, url: str, source: Source, *, listed: bool, hint_date: date | None = None, depth: int = 0
    ) -> Request | None:
        """A request for an article page not judged by an earlier crawl; its claim is made on the frontier."""
        if not url or not url.startswith(("http://", "https://")):
            return None
        key = canonical_url(url)
        if key in self.context.known:
            self.context.skipped_known += 1
            return None
        meta = {"source": source, "listed": listed, "hint_date": hint_date, "page_depth": depth, CLAIM_META: key}
        return Request(url, callback=self.parse_page, errback=self.on_error, meta=meta, dont_filter=True)


class DistributedFeedSpider(_Distributed, FeedSpider):
    """Feeds, taken from the run's frontier."""


class DistributedSitemapSpider(_Distributed, SitemapSpider):
    """Sitemaps, taken from the run's frontier."""


class DistributedPageSpider(_Distributed, PageSpider):
    """Start pages and their links, taken from the run's frontier."""

    def __init__(self, context: CrawlContext, **kwargs: Any):
        super().__init__(context, **kwargs)
        for outlet in context.outlets:  # a worker never runs start(), where the local spider builds these
            if outlet.start_urls:  # only start pages' links are followed (an extractor is some 15 KiB)
                self.extractors[outlet.name] = LinkExtractor(allow_domains=outlet.domains or (), unique=True)


class DistributedSearchSpider(_Distributed, SearchSpider):
    """News searches and the articles they list, taken from the run's frontier (seeded after the rest)."""


def book_of(crawler: Crawler) -> LeaseBook:
    """The lease book of a distributed crawler's spider."""
    return cast(_Distributed, crawler.spider).leases


DISTRIBUTED_SPIDERS: tuple[type[_Distributed], ...] = (
    DistributedFeedSpider,
    DistributedSitemapSpider,
    DistributedPageSpider,
    DistributedSearchSpider,
)
# The run's sources in two waves, as a local crawl orders them: an article an outlet's own feed or sitemap lists is
# credited to that source, not to a news search.
OUTLET_SPIDERS: tuple[type[_Distributed], ...] = (
    DistributedFeedSpider,
    DistributedSitemapSpider,
    DistributedPageSpider,
)
SEARCH_SPIDERS: tuple[type[_Distributed], ...] = (DistributedSearchSpider,)
LOCAL_TWIN = {
    FeedSpider: DistributedFeedSpider,
    SitemapSpider: DistributedSitemapSpider,
    PageSpider: DistributedPageSpider,
    SearchSpider: DistributedSearchSpider,
}


class RunExtension:
    """Keeps a worker's spider open while its run is open, renews its leases, ends a lease after scraping."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunExtension:
        """Scrapy's factory."""
        return cls(crawler)

    def spider_opened(self) -> None:
        """Wrap the scraper so that a request's lease ends only after its callback and pipelines finished."""
        scraper = self.crawler.engine.scraper
        scrape = scraper._scrape  # noqa: SLF001 - the one place where a response's processing ends
        leases = book_of(self.crawler)

        async def scrape_then_release(result: Any, request: Request) -> None:
            try:
                await scrape(result, request)
            finally:
                token = request.meta.get(LEASE_META)
                if token:
                    leases.release(token)

        scraper._scrape = scrape_then_release  # type: ignore[method-assign]  # noqa: SLF001

    def spider_idle(self) -> None:
        """Stay open while the run is: other workers may still add work to the frontier."""
        book = book_of(self.crawler)
        state = book.server.get(book.keys.state)
        if state is not None and state.decode() == STATE_OPEN:
            raise DontCloseSpider


class SharedPoliteness:
    """Downloader middleware: per-host concurrency and Retry-After shared by every worker through Redis."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.limit = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 2)
        # A slot is held from here through the local queue (AutoThrottle's delay) and the download; a dead
        # worker's slots expire after that long.
        throttle = (
            crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY")
            if crawler.settings.getbool("AUTOTHROTTLE_ENABLED")
            else 0
        )
        self.hold = crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 30) + throttle + 5
        self.cap = crawler.settings.getfloat("RASSEGNA_MAX_RETRY_AFTER", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedPoliteness:
        """Scrapy's factory."""
        return cls(crawler)

    @property
    def _book(self) -> LeaseBook:
        return book_of(self.crawler)

    async def process_request(self, request: Request) -> None:
        """Wait for a free slot of the request's host (and for its Retry-After to pass), then take it."""
        book, host = self._book, host_of(request.url)
        token = uuid.uuid4().hex
        slots, hold = book.keys.host(host, "slots"), book.keys.host(host, "notbefore")
        while True:
            answer = book.server.eval(_ACQUIRE, 2, slots, hold, self.limit, self.hold, token, int(self.hold * 2000))
            wait = float(answer)
            if wait == 0:
                request.meta["rassegna_slot"] = (host, token)
                return None
            await asyncio.sleep(min(max(wait, 0.02), 1.0) if wait > 0 else 0.02)

    def _free(self, request: Request, hold: float = 0.0) -> None:
        slot = request.meta.pop("rassegna_slot", None)
        if slot is not None:
            host, token = slot
            keys = self._book.keys
            self._book.server.eval(_FREE, 2, keys.host(host, "slots"), keys.host(host, "notbefore"), token, hold)

    def process_response(self, request: Request, response: Response) -> Response:
        """Free the slot; a 429 (or 503) with Retry-After holds the host back for every worker."""
        header = response.headers.get(b"Retry-After")
        hold = 0.0
        if response.status == 429 or (response.status == 503 and header):
            hold = retry_after_seconds(header, default=1.0, cap=self.cap)
        self._free(request, hold)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        """Free the slot of a failed download."""
        self._free(request)
        return None


class LastMomentDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP handler, which first waits out the host's hold and a paced search's turn, shared in Redis.

    Checked here, as the request leaves, not in the middleware: a request may wait in the local download slot
    (AutoThrottle's delay, a search's own slot) after taking its shared slot, while another worker records a
    429 from the host, or sends the search's next request."""

    async def download_request(self, request: Request) -> Response:
        """Wait for the host and the search, then download."""
        book = book_of(self._crawler)
        while (left := float(book.server.eval(_HOLD_LEFT, 1, book.keys.host(host_of(request.url), "notbefore")))) > 0:
            await asyncio.sleep(min(left, 1.0))
        search = request.meta.get("search")
        if isinstance(search, DiscoverySearch) and search.min_interval:
            key, step = book.keys.host(f"discovery:{search.name}", "next"), search.min_interval
            while (left := float(book.server.eval(_PACE, 1, key, step, int(step * 4000)))) > 0:
                await asyncio.sleep(min(left, 1.0))
        return await super().download_request(request)


_PENDING, _BODY, _ERROR = b"P", b"B", b"E"


class SharedRobotsTxt(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware with each host's robots.txt fetched once per run for every worker."""

    async def robot_parser(self, request: Request) -> Any:
        """The host's parser: from the run's Redis cache, else fetched here (one worker fetches, others wait)."""
        netloc = urlparse_cached(request).netloc
        if netloc in self._parsers:
            return await super().robot_parser(request)
        book = book_of(self.crawler)
        key = book.keys.robots(netloc)
        hold = int((self.crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 30) + 10) * 1000)
        while True:
            cached = book.server.get(key)
            if cached is not None and not cached.startswith(_PENDING):
                parser = None
                if cached.startswith(_BODY):
                    parser = build_from_crawler(self._parserimpl, self.crawler, cached[1:])
                self._parsers[netloc] = parser
                return parser
            if cached is None and book.server.set(key, _PENDING, nx=True, px=hold):
                break  # this worker fetches it
            await asyncio.sleep(0.05)
        self._caching = getattr(self, "_caching", {})
        self._caching[netloc] = key
        return await super().robot_parser(request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        key = getattr(self, "_caching", {}).pop(netloc, None)
        if key is not None:
            book_of(self.crawler).server.set(key, _BODY + response.body, ex=86400)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        key = getattr(self, "_caching", {}).pop(netloc, None)
        if key is not None:
            book_of(self.crawler).server.set(key, _ERROR, ex=86400)
        super()._robots_error(exc, netloc)


def distributed_settings(
    crawl: CrawlSettings, redis_url: str, keys: RunKeys, searches: Iterable[DiscoverySearch] = ()
) -> dict[str, Any]:
    """The Scrapy settings of a worker in run ``keys``: the local crawl's, with the frontier in Redis."""
    settings = scrapy_settings(crawl, searches)
    settings.update(
        {
            "SCHEDULER": P + "distributed.LeasedScheduler",
            "SCHEDULER_QUEUE_CLASS": P + "distributed.LeasedQueue",
            "SCHEDULER_QUEUE_KEY": keys.prefix + ":%(spider)s:requests",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_DUPEFILTER_KEY": keys.prefix + ":%(spider)s:dupefilter",
            "SCHEDULER_PERSIST": True,  # the run's keys outlive one worker; the coordinator deletes them
            "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
            "REDIS_URL": redis_url,
            "REDIS_PARAMS": {"socket_timeout": REDIS_TIMEOUT, "socket_connect_timeout": REDIS_TIMEOUT},
            "EXTENSIONS": {**settings["EXTENSIONS"], P + "distributed.RunExtension": 10},
            "DOWNLOADER_MIDDLEWARES": {
                **settings["DOWNLOADER_MIDDLEWARES"],
                "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
                P + "distributed.SharedRobotsTxt": 100,
                P + "distributed.SharedPoliteness": 950,
            },
            "DOWNLOAD_HANDLERS": {
                **settings.get("DOWNLOAD_HANDLERS", {}),
                "http": P + "distributed.LastMomentDownloadHandler",
                "https": P + "distributed.LastMomentDownloadHandler",
            },
        }
    )
    return settings


def seed_batches(spider: Any, size: int = SEED_BATCH) -> Iterator[list[Request]]:
    """The start requests a local spider of the same family would make (run on the coordinator), ``size`` at a
    time: a national run's thousands of sources are never all in memory as requests."""
    start = cast(AsyncGenerator[Request, None], LOCAL_TWIN_BASE[type(spider)].start(spider))

    async def take() -> list[Request]:
        batch: list[Request] = []
        async for request in start:
            batch.append(request)
            if len(batch) == size:
                break
        return batch

    loop = asyncio.new_event_loop()
    try:
        while batch := loop.run_until_complete(take()):
            yield batch
    finally:
        loop.run_until_complete(start.aclose())
        loop.close()


LOCAL_TWIN_BASE = {v: k for k, v in LOCAL_TWIN.items()}


def push_seeds(
    server: RedisClient,
    keys: RunKeys,
    context: CrawlContext,
    families: Iterable[type[_Distributed]] = OUTLET_SPIDERS,
    *,
    batch_size: int = SEED_BATCH,
) -> int:
    """Put the run's sources of ``families`` (feeds, sitemaps, start pages; or searches) on the frontier, a batch
    at a time; how many."""
    total = 0
    for cls in families:
        spider = cls(context=context)
        queue = PriorityQueue(server, spider, keys.queue(cls.name))
        for batch in seed_batches(spider, batch_size):
            pipe = server.pipeline(transaction=False)
            for request in batch:  # as scrapy-redis's PriorityQueue.push does, one round trip a batch
                pipe.execute_command("ZADD", queue.key, -request.priority, queue._encode_request(request))  # noqa: SLF001
            pipe.execute()
            total += len(batch)
    return total
