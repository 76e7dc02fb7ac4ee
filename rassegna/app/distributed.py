"""Distributed crawl wiring: `rassegna crawl --distributed` (the coordinator) and `rassegna worker`.

The coordinator records the run in the database, seeds its sources into Redis, requeues the work of dead
workers, and closes the run once the frontier is empty and no worker holds a lease. Workers are long-running
processes that join whichever run is open and store into the shared PostgreSQL database.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import signal
import socket
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rich.console import Console

from rassegna.config.models import Campaign, Outlet, Settings
from rassegna.crawler.ports import CrawlFailure, CrawlReport, Source, SourceStats

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2
DEFAULT_NAMESPACE = "rassegna"
LEASE_SECONDS = 60.0


class DistributedError(RuntimeError):
    """A distributed crawl cannot start or carry on (no PostgreSQL, Redis unreachable, state lost)."""


@dataclass
class Options:
    """Where the shared parts are and how long a lease lasts."""

    redis_url: str
    namespace: str = DEFAULT_NAMESPACE
    lease: float = LEASE_SECONDS
    poll: float = 0.5


def redis_url_of(settings: Settings, cli_value: str | None = None) -> str | None:
    """``--redis``, else ``$RASSEGNA_REDIS_URL``, else the config's ``redis_url``."""
    return cli_value or os.environ.get("RASSEGNA_REDIS_URL") or getattr(settings, "redis_url", None)


def options_from(settings: Settings, cli_redis: str | None = None) -> Options:
    """The distributed options of ``settings`` (environment overrides for namespace and lease)."""
    url = redis_url_of(settings, cli_redis)
    if not url:
        raise DistributedError("no Redis: set redis_url in the configuration or $RASSEGNA_REDIS_URL")
    return Options(
        redis_url=url,
        namespace=os.environ.get("RASSEGNA_REDIS_NAMESPACE", DEFAULT_NAMESPACE),
        lease=float(os.environ.get("RASSEGNA_LEASE_SECONDS", LEASE_SECONDS)),
    )


def require_postgres(db_url: str) -> None:
    """Distributed mode shares one database between machines: PostgreSQL only."""
    if not db_url.startswith(("postgresql", "postgres")):
        scheme = db_url.split(":", 1)[0]
        raise DistributedError(f"a distributed crawl needs PostgreSQL (database_url is {scheme}:…, not shared)")


def _redis(opts: Options) -> Any:
    import redis

    from rassegna.crawler.distributed import connect

    server = connect(opts.redis_url)
    try:
        server.ping()
    except redis.RedisError as exc:
        raise DistributedError(f"Redis unreachable at {_safe(opts.redis_url)}: {exc}") from exc
    return server


def _safe(url: str) -> str:
    """A Redis URL without its password."""
    if "@" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://…@{rest.split('@', 1)[1]}"
    return url


def select_campaigns(settings: Settings, campaign: str | None) -> list[Campaign]:
    """The campaigns of the run (one named, or all)."""
    if campaign is None:
        campaigns = list(settings.campaigns)
    else:
        try:
            campaigns = [settings.campaign(campaign)]
        except KeyError:
            known = ", ".join(c.name for c in settings.campaigns) or "none"
            raise DistributedError(f"no campaign named {campaign!r} (configured: {known})") from None
    if not campaigns:
        raise DistributedError("the configuration has no campaigns: nothing to look for")
    return campaigns


def select_outlets(engine: Any, settings: Settings, outlet_names: Sequence[str]) -> list[Outlet]:
    """The registry's outlets; with names, only those outlets' sources are crawled (all keep their domains)."""
    from rassegna.app.crawlstore import registry_outlets

    outlets = registry_outlets(engine, settings.outlets)
    if outlet_names:
        by_name = {o.name.casefold(): o for o in outlets}
        unknown = [n for n in outlet_names if n.casefold() not in by_name]
        if unknown:
            raise DistributedError(f"unknown outlet(s): {', '.join(map(repr, unknown))}")
        chosen = {n.casefold() for n in outlet_names}
        outlets = [
            o if o.name.casefold() in chosen else o.model_copy(update={"feeds": [], "sitemaps": [], "start_urls": []})
            for o in outlets
        ]
    return outlets


@dataclass
class PartialReport:
    """What one worker did in one run (merged by the coordinator into the run's report)."""

    worker: str
    stats: dict[Source, SourceStats] = field(default_factory=dict)
    errors: list[CrawlFailure] = field(default_factory=list)
    skipped_known: int = 0


def merge(report: CrawlReport, part: PartialReport) -> None:
    """Add a worker's counts and failures to the run's report."""
    for source, stats in part.stats.items():
        total = report.stats.setdefault(source, SourceStats())
        total.pages += stats.pages
        total.matched += stats.matched
        total.new_clippings += stats.new_clippings
        total.errors += stats.errors
    report.errors.extend(part.errors)
    report.skipped_known += part.skipped_known


# --- coordinator ------------------------------------------------------------------------------------------

_stop = threading.Event()


def _on_stop_signal(_signum: int, _frame: Any) -> None:
    _stop.set()


def coordinate(
    settings: Settings,
    db_url: str,
    opts: Options,
    *,
    campaign: str | None = None,
    outlet_names: Sequence[str] = (),
    console: Console | None = None,
    take_lock: bool = True,
) -> CrawlReport:
    """Run one distributed crawl to its end; its report (raises DistributedError before a run exists)."""
    import redis

    from rassegna.app.crawlstore import DbCrawlStore
    from rassegna.app.scheduler.jobs import CRAWL_LOCK
    from rassegna.app.scheduler.lock import DbLock, current_holder
    from rassegna.crawler.context import CrawlContext
    from rassegna.crawler.distributed import STATE_OPEN, DistributedContext, RunKeys, current_key, push_seeds
    from rassegna.crawler.matcher import CampaignMatcher
    from rassegna.storage.db import engine_for

    console = console or Console(stderr=True)
    require_postgres(db_url)
    campaigns = select_campaigns(settings, campaign)
    server = _redis(opts)
    engine = engine_for(db_url)
    outlets = select_outlets(engine, settings, outlet_names)
    lock = DbLock(engine, CRAWL_LOCK, lease=max(60.0, opts.lease * 3))
    if take_lock and not lock.acquire():
        raise DistributedError(
            f"a crawl is already running ({current_holder(engine, CRAWL_LOCK) or 'another process'})"
        )
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _on_stop_signal)
    store = DbCrawlStore(engine)
    run_id = store.start_run(campaign)
    report = CrawlReport(run_id=run_id)
    keys = RunKeys(opts.namespace, run_id)
    try:
        server.hset(keys.meta, mapping={"campaign": campaign or "", "outlets": json.dumps(list(outlet_names))})
        server.set(keys.state, STATE_OPEN)
        context: CrawlContext = DistributedContext(
            server=server,
            keys=keys,
            outlets=outlets,
            matcher=CampaignMatcher.from_settings(campaigns),
            store=store,
            crawl=settings.crawl,
            run_id=run_id,
        )
        seeded = push_seeds(server, keys, context)
        context.close()
        server.set(current_key(opts.namespace), run_id)
        console.print(f"run {run_id}: {seeded} sources on the frontier; waiting for workers")
        outcome = _watch(server, keys, opts, console, lock if take_lock else None)
        if outcome == "cancelled":
            _drop_frontier(server, keys)
        _collect_reports(server, keys, report, opts, wait=outcome != "failed")
        report.outcome = outcome if outcome != "done" else ("partial" if report.errors else "ok")
        if outcome == "failed":
            report.errors.append(CrawlFailure(None, None, None, "crash", "Redis lost the run's state mid-run"))
    except redis.RedisError as exc:
        report.outcome = "failed"
        report.errors.append(CrawlFailure(None, None, None, "crash", f"Redis unreachable: {exc}"))
        console.print(f"[red]error:[/] Redis unreachable at {_safe(opts.redis_url)}: {exc}")
    except BaseException as exc:
        report.outcome = "failed"
        report.errors.append(CrawlFailure(None, None, None, "crash", f"{type(exc).__name__}: {exc}"))
        store.finish_run(report)
        raise
    finally:
        _cleanup(server, keys, opts)
        if take_lock:
            lock.release()
    _add_configured_sources(report, outlets)
    store.finish_run(report)
    return report


def _watch(
    server: Any, keys: Any, opts: Options, console: Console, lock: Any
) -> Literal["done", "cancelled", "failed"]:
    """Wait for the frontier to empty with no leases held: ``done``; or ``cancelled`` / ``failed``."""
    from rassegna.crawler.distributed import STATE_CANCELLED, STATE_DONE, outstanding, requeue_expired

    quiet = 0
    last_renew = time.monotonic()
    last_line, last_print = "", 0.0
    while True:
        if _stop.is_set():
            server.set(keys.state, STATE_CANCELLED)
            console.print("run cancelled: workers drop its remaining work")
            return "cancelled"
        if server.get(keys.state) is None:
            console.print("[red]error:[/] Redis lost the run's state (restarted without persistence?)")
            return "failed"
        requeued = requeue_expired(server, keys)
        if requeued:
            console.print(f"{requeued} requests of a silent worker back on the frontier")
        queued, leased = outstanding(server, keys)
        # Two quiet looks in a row: a worker between taking a request and leasing it cannot exist (atomic pop),
        # but one between finishing a page and pushing its links is ruled out by the lease held meanwhile.
        quiet = quiet + 1 if queued == 0 and leased == 0 else 0
        if quiet >= 2:
            server.set(keys.state, STATE_DONE)
            return "done"
        line = f"{queued} requests waiting · {leased} in progress · {server.scard(keys.joined)} workers"
        if line != last_line and time.monotonic() - last_print > 2:
            console.print(f"run {keys.run_id}: {line}", highlight=False)
            last_line, last_print = line, time.monotonic()
        if lock is not None and time.monotonic() - last_renew > lock.lease / 3:
            lock.renew()
            last_renew = time.monotonic()
        time.sleep(opts.poll)


def _drop_frontier(server: Any, keys: Any) -> None:
    """Delete the run's waiting and leased work: workers find nothing more to do."""
    server.delete(*keys.all_queues(), keys.inflight, keys.inflight_queue, keys.leases)


def _collect_reports(server: Any, keys: Any, report: CrawlReport, opts: Options, *, wait: bool) -> None:
    """Merge the reports of the workers that joined; a worker that died (no heartbeat) is not waited for."""
    joined = {w.decode() for w in server.smembers(keys.joined)}
    reported: set[str] = set()
    deadline = time.monotonic() + (opts.lease + 30 if wait else 5)
    while True:
        while (raw := server.lpop(keys.reports)) is not None:
            part: PartialReport = pickle.loads(raw)  # noqa: S301 - written by our own workers
            reported.add(part.worker)
            merge(report, part)
        alive = {w for w in joined - reported if server.exists(keys.heartbeat(w))}
        if not alive or time.monotonic() > deadline:
            return
        time.sleep(0.2)


def _cleanup(server: Any, keys: Any, opts: Options) -> None:
    """Forget the run in Redis (the database keeps it)."""
    from rassegna.crawler.distributed import current_key

    try:
        current = server.get(current_key(opts.namespace))
        if current is not None and int(current) == keys.run_id:
            server.delete(current_key(opts.namespace))
        state = server.get(keys.state)
        names = [k for k in server.scan_iter(match=keys.prefix + ":*", count=1000)]
        if names:
            server.delete(*names)
        if state is not None:  # workers still finishing read the outcome from here for a while
            server.set(keys.state, state, ex=int(opts.lease) + 60)
    except Exception:  # noqa: BLE001 - Redis gone: nothing to clean
        log.debug("Redis cleanup failed", exc_info=True)


def _add_configured_sources(report: CrawlReport, outlets: list[Outlet]) -> None:
    for outlet in outlets:  # every configured source shows in the summary, even when nothing came of it
        for kind, urls in (("feed", outlet.feeds), ("sitemap", outlet.sitemaps), ("start", outlet.start_urls)):
            for url in urls:
                report.stats.setdefault(Source(outlet.name, kind, url), SourceStats())


def crawl_distributed_command(
    settings: Settings,
    db_url: str,
    *,
    campaign: str | None,
    outlet_names: Sequence[str],
    console: Console,
    redis_url: str | None = None,
) -> int:
    """`rassegna crawl --distributed`: the exit code."""
    from rassegna.app.pipeline import refresh_stories
    from rassegna.crawler.runner import errors_table, summary_table
    from rassegna.storage.db import engine_for

    try:
        opts = options_from(settings, redis_url)
        report = coordinate(
            settings,
            db_url,
            opts,
            campaign=campaign,
            outlet_names=outlet_names,
            console=console,
            take_lock=not os.environ.get("RASSEGNA_JOB_RUN_ID"),  # under the scheduler, which holds the lock
        )
    except DistributedError as exc:
        console.print(f"[red]error:[/] {exc}")
        return EXIT_CONFIG
    refresh_stories(engine_for(db_url))
    console.print(summary_table(report))
    if report.errors:
        console.print(errors_table(report))
    return EXIT_FAILED if report.outcome == "failed" else EXIT_OK


# --- worker -----------------------------------------------------------------------------------------------


@dataclass
class _Joined:
    """The worker's part in one run."""

    run_id: int
    keys: Any
    context: Any
    book: Any
    crawlers: list[Any]
    finishing: bool = False


class Worker:
    """A long-running worker: joins the open run, crawls from its frontier, reports, waits for the next."""

    def __init__(self, settings: Settings, db_url: str, opts: Options, *, console: Console, pool_size: int | None):
        self.settings, self.db_url, self.opts, self.console = settings, db_url, opts, console
        self.pool_size = pool_size
        self.name = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.joined: _Joined | None = None
        self.done_runs: set[int] = set()
        self.stopping = False
        self.stop_began = 0.0
        self.redis_down_since: float | None = None
        self.exit_code = EXIT_OK

    def run(self) -> int:
        """Serve runs until SIGTERM/SIGINT; the exit code."""
        from scrapy.crawler import CrawlerProcess

        from rassegna.crawler.runner import extraction_pool
        from rassegna.storage.db import engine_for

        require_postgres(self.db_url)
        self.server = _redis(self.opts)
        self.engine = engine_for(self.db_url)
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: self._request_stop())
        logging.getLogger("scrapy").setLevel(logging.ERROR)
        self.console.print(f"worker {self.name}: waiting for runs on {_safe(self.opts.redis_url)}")
        with extraction_pool(self.pool_size) as pool:
            self.pool = pool
            from scrapy.utils.reactor import install_reactor

            from rassegna.crawler.distributed import RunKeys, distributed_settings

            # Scrapy builds a crawler's extensions from the process's settings: the distributed ones throughout.
            scrapy = distributed_settings(self.settings.crawl, self.opts.redis_url, RunKeys(self.opts.namespace, 0))
            install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")  # before any reactor import
            self.process = CrawlerProcess(scrapy)
            from twisted.internet import reactor, task

            loop = task.LoopingCall(self._tick)
            reactor.callWhenRunning(loop.start, self.opts.poll)
            self.process.start(stop_after_crawl=False, install_signal_handlers=False)
        return self.exit_code

    def _request_stop(self) -> None:
        if not self.stopping:
            self.stopping, self.stop_began = True, time.monotonic()

    def _tick(self) -> None:
        import redis

        try:
            self._step()
            self.redis_down_since = None
        except redis.RedisError as exc:
            now = time.monotonic()
            self.redis_down_since = self.redis_down_since or now
            if now - self.redis_down_since > min(self.opts.lease, 30.0):
                self.console.print(f"[red]error:[/] Redis unreachable at {_safe(self.opts.redis_url)}: {exc}")
                self.exit_code = EXIT_FAILED
                self._shutdown()
        except Exception:  # noqa: BLE001 - the loop must survive to stop or finish the run
            log.exception("worker step failed")

    def _step(self) -> None:
        from rassegna.crawler.distributed import STATE_OPEN, current_key

        joined = self.joined
        if joined is None:
            if self.stopping:
                self._shutdown()
                return
            current = self.server.get(current_key(self.opts.namespace))
            if current is not None and int(current) not in self.done_runs:
                self._join(int(current))
            return
        self.server.set(joined.keys.heartbeat(self.name), 1, px=int(self.opts.lease * 1000))
        joined.book.renew()
        if joined.finishing:
            return
        state = self.server.get(joined.keys.state)
        if self.stopping:
            # SIGTERM: take nothing new; finish the pages in hand (up to a grace), hand back the rest.
            joined.book.accepting = False
            grace = self.settings.crawl.download_timeout + 10
            if joined.book.held and time.monotonic() - self.stop_began < grace:
                return
            joined.book.give_back()
            self._finish(joined)
        elif state is None or state.decode() != STATE_OPEN:
            self._finish(joined)
        else:
            for crawler in joined.crawlers:  # wake an idle engine at once rather than at its 5 s heartbeat
                try:
                    slot = getattr(crawler.engine, "_slot", None)
                except RuntimeError:  # not started yet
                    continue
                if slot is not None:
                    slot.nextcall.schedule()

    def _join(self, run_id: int) -> None:
        from scrapy.crawler import CrawlerRunner

        from rassegna.app.crawlstore import DbCrawlStore
        from rassegna.crawler.distributed import (
            DISTRIBUTED_SPIDERS,
            DistributedContext,
            LeaseBook,
            RunKeys,
            distributed_settings,
        )
        from rassegna.crawler.matcher import CampaignMatcher

        keys = RunKeys(self.opts.namespace, run_id)
        meta = {k.decode(): v.decode() for k, v in self.server.hgetall(keys.meta).items()}
        self.done_runs.add(run_id)
        try:
            campaigns = select_campaigns(self.settings, meta.get("campaign") or None)
            outlets = select_outlets(self.engine, self.settings, json.loads(meta.get("outlets") or "[]"))
        except DistributedError as exc:
            self.console.print(f"[red]run {run_id} skipped:[/] {exc}")
            return
        self.server.sadd(keys.joined, self.name)
        self.server.set(keys.heartbeat(self.name), 1, px=int(self.opts.lease * 1000))
        store = DbCrawlStore(self.engine)
        context = DistributedContext(
            server=self.server,
            keys=keys,
            outlets=outlets,
            matcher=CampaignMatcher.from_settings(campaigns),
            store=store,
            crawl=self.settings.crawl,
            run_id=run_id,
            analyzer=self._analyzer(campaigns),
            pool=self.pool,
        )
        book = LeaseBook(self.server, keys, self.opts.lease)
        settings = distributed_settings(self.settings.crawl, self.opts.redis_url, keys)
        runner = CrawlerRunner(settings)  # one per run: its settings carry the run's keys
        crawlers = [runner.create_crawler(cls) for cls in DISTRIBUTED_SPIDERS]
        self.joined = _Joined(run_id, keys, context, book, crawlers)
        self.console.print(f"worker {self.name}: joined run {run_id}")
        for crawler in crawlers:
            runner.crawl(crawler, context=context, leases=book)

    def _analyzer(self, campaigns: list[Campaign]) -> Any:
        if os.environ.get("RASSEGNA_NO_NLP"):
            return None
        from rassegna.app.crawl import nlp_analyzer

        return nlp_analyzer(campaigns)

    def _finish(self, joined: _Joined) -> None:
        from twisted.internet import defer

        joined.finishing = True

        @defer.inlineCallbacks
        def close():  # noqa: ANN202 - a Twisted inlineCallbacks generator
            for crawler in joined.crawlers:
                if crawler.crawling:
                    yield crawler.stop()
            self._report(joined)
            self.joined = None
            if self.stopping:
                self._shutdown()

        close()

    def _report(self, joined: _Joined) -> None:
        context = joined.context
        context.close()
        valid = [(u, e, m) for u, (s, e, m) in context.fresh_validators.items() if context.source_ok(s)]
        try:
            context.store.save_validators(valid)
        except Exception:  # noqa: BLE001 - validators only save a refetch next time
            log.warning("could not save feed validators", exc_info=True)
        part = PartialReport(self.name, context.stats, context.errors, context.skipped_known)
        pipe = self.server.pipeline()
        pipe.rpush(joined.keys.reports, pickle.dumps(part))
        pipe.delete(joined.keys.heartbeat(self.name))
        pipe.execute()
        pages = sum(s.pages for s in context.stats.values())
        self.console.print(f"worker {self.name}: run {joined.run_id} done here ({pages} pages)")

    def _shutdown(self) -> None:
        from twisted.internet import reactor

        if reactor.running:
            reactor.stop()


def worker_command(
    settings: Settings,
    db_url: str,
    *,
    console: Console,
    redis_url: str | None = None,
    pool_size: int | None = None,
) -> int:
    """`rassegna worker`: the exit code."""
    try:
        opts = options_from(settings, redis_url)
        return Worker(settings, db_url, opts, console=console, pool_size=pool_size).run()
    except DistributedError as exc:
        console.print(f"[red]error:[/] {exc}")
        return EXIT_CONFIG
