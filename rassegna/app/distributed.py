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
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Literal

from rich.console import Console

from rassegna.config.models import Campaign, Outlet, Settings
from rassegna.crawler.ports import CrawlFailure, CrawlReport, Source, SourceStats

if TYPE_CHECKING:
    from rassegna.crawler.context import CrawlContext

log = logging.getLogger(__name__)
# The plain counters of a source's stats (summed over workers).
COUNTERS = tuple(f.name for f in fields(SourceStats) if f.type in ("int", int))

EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2
PUBLISH_SECONDS = 1.0  # how often a worker sends its counters (a killed worker's are that old at most)
DEFAULT_NAMESPACE = "rassegna"
LEASE_SECONDS = 60.0


class DistributedError(RuntimeError):
    """A distributed crawl cannot start or carry on (no PostgreSQL, Redis unreachable, state lost)."""


class CrawlBusy(DistributedError):
    """Another crawl (local, or another coordinator's run) holds the database's crawl lock."""


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
    """What one worker did in one run so far (merged by the coordinator into the run's report)."""

    worker: str
    stats: dict[Source, SourceStats] = field(default_factory=dict)
    errors: list[CrawlFailure] = field(default_factory=list)
    skipped_known: int = 0
    source_failed: set[Source] = field(default_factory=set)  # for the found sources' failure counts
    source_gone: set[Source] = field(default_factory=set)
    moved: list[tuple[Source, str]] = field(default_factory=list)


def partial_of(worker: str, context: CrawlContext) -> PartialReport:
    """A snapshot of what ``context``'s crawl did so far."""
    stats = {
        source: replace(s, faults=dict(s.faults), latencies_ms=list(s.latencies_ms))
        for source, s in context.stats.items()
    }
    return PartialReport(
        worker,
        stats,
        list(context.errors),
        context.skipped_known,
        set(context.source_failed),
        set(context.source_gone),
        list(context.moved),
    )


def merge(report: CrawlReport, part: PartialReport) -> None:
    """Add a worker's counts and failures to the run's report."""
    for source, stats in part.stats.items():
        total = report.stats.setdefault(source, SourceStats())
        for name in COUNTERS:
            setattr(total, name, getattr(total, name) + getattr(stats, name))
        total.latencies_ms.extend(stats.latencies_ms)
        for kind, n in stats.faults.items():
            total.faults[kind] = total.faults.get(kind, 0) + n
        total.own_fault = total.own_fault or stats.own_fault
    report.errors.extend(part.errors)
    report.skipped_known += part.skipped_known
    report.moved.extend(part.moved)


def worker_line(name: str, context: CrawlContext, items: int, state: str) -> dict[str, Any]:
    """A worker's line for `rassegna runs` and the desk: who, where, how far, when last heard of."""
    pages = sum(s.pages for s in context.stats.values())
    new = sum(s.new_clippings for s in context.stats.values())
    errors = sum(s.errors for s in context.stats.values())
    host = name.split(":", 1)[0]
    return {
        "worker": name,
        "host": host,
        "pages": pages,
        "items": items,
        "new_clippings": new,
        "errors": errors,
        "last_seen": time.time(),
        "state": state,
    }


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
) -> CrawlReport:
    """Run one distributed crawl to its end, holding the crawl lock; its report (raises DistributedError before a
    run exists: CrawlBusy when another crawl holds the lock)."""
    from rassegna.app.crawl import crawl_lock
    from rassegna.app.scheduler.history import close_stale_runs
    from rassegna.app.scheduler.lock import CRAWL_LOCK, describe_holder, kept
    from rassegna.storage.db import engine_for

    console = console or Console(stderr=True)
    require_postgres(db_url)
    campaigns = select_campaigns(settings, campaign)
    server = _redis(opts)
    engine = engine_for(db_url)
    outlets = select_outlets(engine, settings, outlet_names)
    for closed in close_stale_runs(engine):
        console.print(f"[dim]{closed} was left running by a crawl that is gone: closed[/]")
    # One run at a time per database, as a local crawl: this process holds the crawl lock (taken over from the
    # scheduler that started it, if one did) until the run is closed, renewed from a thread whatever it is doing.
    lock = crawl_lock(engine)
    if not lock.acquire():
        raise CrawlBusy(f"another crawl is running on this database ({describe_holder(engine, CRAWL_LOCK)})")
    with kept(lock, on_lost=_lost_lock):
        return _run(settings, opts, server, engine, campaigns, outlets, campaign, outlet_names, console)


def _run(
    settings: Settings,
    opts: Options,
    server: Any,
    engine: Any,
    campaigns: list[Campaign],
    outlets: list[Outlet],
    campaign: str | None,
    outlet_names: Sequence[str],
    console: Console,
) -> CrawlReport:
    """The run proper, while this process holds the crawl lock: recorded, seeded, watched to its end, closed."""
    import redis

    from rassegna.app.crawlstore import DbCrawlStore
    from rassegna.crawler.distributed import (
        SEARCH_SPIDERS,
        STATE_DONE,
        STATE_OPEN,
        DistributedContext,
        RunKeys,
        current_key,
        push_seeds,
    )
    from rassegna.crawler.matcher import CampaignMatcher
    from rassegna.crawler.runner import plan_open_world, settle_found_sources

    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _on_stop_signal)
    store = DbCrawlStore(engine)
    run_id = store.start_run(campaign)
    report = CrawlReport(run_id=run_id)
    keys = RunKeys(opts.namespace, run_id)
    context: CrawlContext | None = None
    try:
        server.hset(keys.meta, mapping={"campaign": campaign or "", "outlets": json.dumps(list(outlet_names))})
        server.set(keys.state, STATE_OPEN)
        context = DistributedContext(
            server=server,
            keys=keys,
            outlets=outlets,
            matcher=CampaignMatcher.from_settings(campaigns),
            store=store,
            crawl=settings.crawl,
            run_id=run_id,
        )
        selected = {n.casefold() for n in outlet_names} if outlet_names else None
        plan_open_world(context, campaigns, list(settings.discovery), selected)
        if context.to_discover and not _stop.is_set():
            _find_sources(context, settings, console)
        seeded = push_seeds(server, keys, context)
        server.set(current_key(opts.namespace), run_id)
        console.print(f"run {run_id}: {seeded} sources on the frontier; waiting for workers")
        watch = _Watch(server, keys, opts, console, engine)
        outcome = watch.until_quiet()
        if outcome == "done" and context.searches:  # news searches last, as in a local crawl
            seeded = push_seeds(server, keys, context, SEARCH_SPIDERS)
            console.print(f"run {run_id}: {seeded} news searches on the frontier")
            outcome = watch.until_quiet()
        if outcome == "done":
            server.set(keys.state, STATE_DONE)
        if outcome == "cancelled":
            _drop_frontier(server, keys)
        parts = _collect_reports(server, keys, opts, engine, wait=outcome != "failed")
        report.timings = dict(context.timings)
        merge(report, partial_of("coordinator", context))  # sources found here, before seeding
        for part in parts:
            merge(report, part)
            context.source_failed |= part.source_failed
            context.source_gone |= part.source_gone
        if outcome == "done" and not _stop.is_set():
            store.save_found_sources(settle_found_sources(context))
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
        if context is not None:
            context.close()
        _cleanup(server, keys, opts)
    _add_configured_sources(report, outlets, context)
    store.finish_run(report)
    return report


def _lost_lock() -> None:
    """Another process took the crawl lock (this one could not renew it for a whole lease): cancel the run."""
    log.error("the crawl lock was lost: cancelling this run so that two crawls never run at once")
    _stop.set()


def _find_sources(context: CrawlContext, settings: Settings, console: Console) -> None:
    """The feeds and sitemaps of the domain-only outlets due for it, found here before seeding (as a local crawl
    does first): a few light requests per outlet, whose results the seeds need."""
    from scrapy.crawler import CrawlerProcess

    from rassegna.crawler.finders import SourceFinderSpider
    from rassegna.crawler.settings import scrapy_settings

    console.print(f"finding the sources of {len(context.to_discover)} outlets known only by their domain")
    logging.getLogger("scrapy").setLevel(logging.ERROR)
    process = CrawlerProcess(scrapy_settings(settings.crawl))
    started = time.monotonic()
    process.crawl(SourceFinderSpider, context=context)  # installs Scrapy's reactor: import it only after
    from twisted.internet import reactor, task

    def stop_if_asked() -> None:
        if _stop.is_set():
            process.stop()

    reactor.callWhenRunning(task.LoopingCall(stop_if_asked).start, 0.2)
    process.start(install_signal_handlers=False)  # the coordinator's own handlers keep the signals
    context.timings["sources"] = time.monotonic() - started


class _Watch:
    """The coordinator's watch over a run: requeues dead workers' work, shows progress."""

    def __init__(self, server: Any, keys: Any, opts: Options, console: Console, engine: Any):
        self.server, self.keys, self.opts, self.console, self.engine = server, keys, opts, console, engine
        self.last_sync = time.monotonic()
        self.last_line, self.last_print = "", 0.0

    def until_quiet(self) -> Literal["done", "cancelled", "failed"]:
        """Wait for the frontier to empty with no leases held: ``done``; or ``cancelled`` / ``failed``."""
        from rassegna.crawler.distributed import STATE_CANCELLED, outstanding, requeue_expired

        server, keys = self.server, self.keys
        quiet = 0
        while True:
            if _stop.is_set():
                server.set(keys.state, STATE_CANCELLED)
                self.console.print("run cancelled: workers drop its remaining work")
                return "cancelled"
            if server.get(keys.state) is None:
                self.console.print("[red]error:[/] Redis lost the run's state (restarted without persistence?)")
                return "failed"
            requeued = requeue_expired(server, keys)
            if requeued:
                self.console.print(f"{requeued} requests of a silent worker back on the frontier")
            queued, leased = outstanding(server, keys)
            # Work moves between the frontier and the leases atomically (a pop leases, a page's links are pushed
            # before its lease ends), so both empty means done; a second look is a margin, not a necessity.
            quiet = quiet + 1 if queued == 0 and leased == 0 else 0
            if quiet >= 2:
                return "done"
            line = f"{queued} requests waiting · {leased} in progress · {server.scard(keys.joined)} workers"
            now = time.monotonic()
            if line != self.last_line and now - self.last_print > 2:
                self.console.print(f"run {keys.run_id}: {line}", highlight=False)
                self.last_line, self.last_print = line, now
            if now - self.last_sync > 2:
                _sync_workers(server, keys, self.engine)
                self.last_sync = now
            time.sleep(self.opts.poll)


def _worker_lines(server: Any, keys: Any) -> dict[str, dict[str, Any]]:
    """The workers' lines of the run, by worker name."""
    return {k.decode(): json.loads(v) for k, v in server.hgetall(keys.workers).items()}


def _sync_workers(server: Any, keys: Any, engine: Any, *, final: bool = False) -> None:
    """Copy the workers' lines to the database (``final``: a worker that never reported its end is ``lost``)."""
    from rassegna.storage.workers import save_run_workers

    lines = list(_worker_lines(server, keys).values())
    if final:
        for line in lines:
            if line.get("state") != "done":
                line["state"] = "lost"
    try:
        save_run_workers(engine, keys.run_id, lines)
    except Exception:  # noqa: BLE001 - a progress line is not worth failing the run for
        log.warning("could not record the workers' progress", exc_info=True)


def _drop_frontier(server: Any, keys: Any) -> None:
    """Delete the run's waiting and leased work: workers find nothing more to do."""
    server.delete(*keys.all_queues(), keys.inflight, keys.inflight_queue, keys.leases)


def _collect_reports(server: Any, keys: Any, opts: Options, engine: Any, *, wait: bool) -> list[PartialReport]:
    """The workers' reports once each has sent its last or died (no heartbeat): a dead one's counters as of its
    last report (workers send them as they go)."""
    joined = {w.decode() for w in server.smembers(keys.joined)}
    deadline = time.monotonic() + (opts.lease + 30 if wait else 5)
    while time.monotonic() < deadline:
        lines = _worker_lines(server, keys)
        pending = {w for w in joined if lines.get(w, {}).get("state") != "done" and server.exists(keys.heartbeat(w))}
        if not pending:
            break
        time.sleep(0.2)
    _sync_workers(server, keys, engine, final=True)
    return [pickle.loads(raw) for raw in server.hvals(keys.partials)]  # noqa: S301 - written by our own workers


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


def _add_configured_sources(report: CrawlReport, outlets: list[Outlet], context: CrawlContext | None) -> None:
    """Every configured source (and every found one crawled) shows in the summary, even when nothing came of it."""
    for outlet in outlets:
        found = (
            (("feed", context.found_urls(outlet, "feed")), ("sitemap", context.found_urls(outlet, "sitemap")))
            if context is not None
            else ()
        )
        for kind, urls in (
            ("feed", outlet.feeds),
            ("sitemap", outlet.sitemaps),
            ("start", outlet.start_urls),
            *found,
        ):
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
    from rassegna.app.scheduler.lock import EXIT_BUSY
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
        )
    except CrawlBusy as exc:
        console.print(f"[red]error:[/] {exc}: wait for it to end, or stop it (rassegna runs shows it)", highlight=False)
        return EXIT_BUSY
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
    published: float = 0.0  # monotonic time of the last counters sent


# A worker is the unit of scale: one crawling process and one extraction process keep it under 300 MiB (PSS);
# more cores are used by more workers, or by `--processes N` at about 70 MiB per extra process.
WORKER_EXTRACTION_PROCESSES = 1


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
        if time.monotonic() - joined.published >= PUBLISH_SECONDS:
            self._publish(joined, "working")
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
        settings = distributed_settings(self.settings.crawl, self.opts.redis_url, keys, self.settings.discovery)
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
        self._publish(joined, "done")
        self.server.delete(joined.keys.heartbeat(self.name))
        pages = sum(s.pages for s in context.stats.values())
        self.console.print(f"worker {self.name}: run {joined.run_id} done here ({pages} pages)")

    def _publish(self, joined: _Joined, state: str) -> None:
        """Send this worker's counters so far to the run (a snapshot: what the coordinator adds up)."""
        from rassegna.crawler.runner import _stats_of

        items = 0
        for crawler in joined.crawlers:
            if (stats := _stats_of(crawler)) is not None:
                items += int(stats.get_value("item_scraped_count", 0) or 0)
        line = worker_line(self.name, joined.context, items, state)
        pipe = self.server.pipeline()
        pipe.hset(joined.keys.partials, self.name, pickle.dumps(partial_of(self.name, joined.context)))
        pipe.hset(joined.keys.workers, self.name, json.dumps(line))
        pipe.execute()
        joined.published = time.monotonic()

    def _shutdown(self) -> None:
        from twisted.internet import reactor

        if reactor.running:
            reactor.stop()  # type: ignore[misc]  # Twisted types its reactor's methods zope-style, without self


def worker_command(
    settings: Settings,
    db_url: str,
    *,
    console: Console,
    redis_url: str | None = None,
    pool_size: int | None = None,
) -> int:
    """`rassegna worker`: the exit code."""
    if pool_size is None:
        pool_size = WORKER_EXTRACTION_PROCESSES
    try:
        opts = options_from(settings, redis_url)
        return Worker(settings, db_url, opts, console=console, pool_size=pool_size).run()
    except DistributedError as exc:
        console.print(f"[red]error:[/] {exc}")
        return EXIT_CONFIG
