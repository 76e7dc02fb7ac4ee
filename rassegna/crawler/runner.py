"""One crawl pass in this process: sources found for domain-only outlets, feeds, sitemaps, start pages, news
searches; with progress and a summary."""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from rassegna.config.models import Campaign, CrawlSettings, DiscoverySearch, Outlet
from rassegna.crawler.context import CrawlContext
from rassegna.crawler.discovery import discovery_reason, search_url
from rassegna.crawler.finders import SearchSpider, SourceFinderSpider
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.crawler.ports import (
    Analyzer,
    CrawlFailure,
    CrawlReport,
    CrawlStore,
    OutletSources,
    Source,
    SourceKind,
    SourceStats,
)
from rassegna.crawler.settings import scrapy_settings
from rassegna.crawler.spiders import FeedSpider, PageSpider, SitemapSpider

log = logging.getLogger(__name__)


POOL_SHUTDOWN_TIMEOUT = 10.0  # seconds the extraction processes get to finish their page once the crawl ends
CRASH_AFTER = 5.0  # seconds a forced stop waits for Scrapy to close its spiders before abandoning them
STOP_DEADLINE = 30.0  # seconds a forced stop may take in all before the crawl process exits regardless


@contextmanager
def extraction_pool(workers: int | None) -> Iterator[concurrent.futures.Executor | None]:
    """A process pool for trafilatura (None when ``workers`` is 0: extract on the reactor thread)."""
    workers = os.cpu_count() or 1 if workers is None else workers
    if workers <= 0:
        yield None
        return
    from rassegna.crawler.extract import warm_up
    from rassegna.crawler.lifeline import worker_initializer

    # Workers die with this process (kill -9 included) instead of idling on for minutes.
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=worker_initializer,
        initargs=(os.getpid(),),
    )
    _pools.append(pool)
    try:
        for _ in range(workers):
            pool.submit(warm_up)
        yield pool
    finally:
        shut_down_pool(pool, POOL_SHUTDOWN_TIMEOUT)
        _pools.remove(pool)


_pools: list[concurrent.futures.ProcessPoolExecutor] = []  # the extraction pools open in this process


def shut_down_pool(pool: concurrent.futures.ProcessPoolExecutor, timeout: float) -> bool:
    """Shut ``pool`` down, queued pages dropped; its processes are killed when the page they are on takes longer
    than ``timeout`` s (or they hang). True when they finished by themselves.

    ``shutdown(wait=True)`` alone waits for ever on a worker that never answers."""
    # Private, but the only handles on "is it done" and "who to kill"; shutdown() drops them.
    manager: threading.Thread | None = getattr(pool, "_executor_manager_thread", None)
    processes = _pool_processes(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is not None:
        manager.join(timeout)
    if manager is None or not manager.is_alive():
        return True
    log.warning("extraction processes still busy %gs after the crawl: killed", timeout)
    _kill_processes(processes.values())
    manager.join(timeout)  # a dead worker breaks the pool: its manager thread ends at once
    return False


def _pool_processes(pool: concurrent.futures.ProcessPoolExecutor) -> dict[int, Any]:
    """The pool's worker processes by pid (private, but the only handle on who to kill; shutdown() drops it)."""
    return dict(getattr(pool, "_processes", None) or {})


def _kill_processes(processes: Iterable[Any]) -> None:
    """SIGKILL multiprocessing ``processes`` that are still alive (best effort)."""
    for process in processes:
        with contextlib.suppress(Exception):
            if process.is_alive():
                process.kill()


# The order of a crawl pass: sources of domain-only outlets are found first; news searches come last, so an
# article an outlet's own feed or sitemap lists is credited to that source.
FAMILIES: tuple[type, ...] = (SourceFinderSpider, FeedSpider, SitemapSpider, PageSpider, SearchSpider)


def domain_only(outlet: Outlet) -> bool:
    """An outlet with domains but no feeds, sitemaps or start pages: its sources are found from its home page."""
    return bool(outlet.domains) and not (outlet.feeds or outlet.sitemaps or outlet.start_urls)


def _has_work(family: type, context: CrawlContext) -> bool:
    outlets = context.outlets
    if family is SourceFinderSpider:
        return bool(context.to_discover)
    if family is FeedSpider:
        return any(o.feeds or context.found_urls(o, "feed") for o in outlets)
    if family is SitemapSpider:
        return any(o.sitemaps or context.found_urls(o, "sitemap") for o in outlets)
    if family is PageSpider:
        return any(o.start_urls for o in outlets)
    return bool(context.searches)


def plan_open_world(
    context: CrawlContext,
    campaigns: list[Campaign],
    searches: list[DiscoverySearch],
    selected: set[str] | None,
) -> None:
    """Which domain-only outlets have their home page read in this run, and the news-search requests."""
    context.selected = selected
    context.found = context.store.found_sources()
    now = datetime.now(UTC)
    for outlet in context.outlets:
        if not domain_only(outlet) or (selected is not None and outlet.name.casefold() not in selected):
            continue
        reason = discovery_reason(context.found.get(outlet.name), now, context.crawl)
        if reason:
            context.to_discover[outlet.name] = reason
    if selected is None:  # a crawl of chosen outlets runs no search: a search is no outlet's source
        context.searches = [
            (search, search_url(search.url, campaign.keywords, search.kind))
            for search in searches
            for campaign in campaigns
        ]


def settle_found_sources(context: CrawlContext) -> dict[str, OutletSources]:
    """Failure counts of the found sources crawled in this run (a 404/410 counts as enough to look again)."""
    changed: dict[str, OutletSources] = {}
    threshold = context.crawl.rediscover_after_failures
    for outlet in context.outlets:
        found = context.found.get(outlet.name)
        if found is None or (context.selected is not None and outlet.name.casefold() not in context.selected):
            continue  # its sources were not crawled in this run
        rediscovered = outlet.name in context.to_discover
        touched = rediscovered
        for item in found.sources:
            source = Source(outlet.name, item.kind, item.url)
            if source in context.source_gone:
                item.failures, touched = max(item.failures + 1, threshold), True
            elif source in context.source_failed:
                item.failures, touched = item.failures + 1, True
            elif item.failures:  # requested in this run without failing (a 304 included)
                item.failures, touched = 0, True
        if touched:
            changed[outlet.name] = found
    return changed


def run_crawl(
    *,
    outlets: Iterable[Outlet],
    campaigns: Iterable[Campaign],
    crawl: CrawlSettings,
    store: CrawlStore,
    analyzer: Analyzer | None = None,
    campaign_name: str | None = None,
    console: Console | None = None,
    workers: int | None = None,
    discovery: Iterable[DiscoverySearch] = (),
    selected: Iterable[str] | None = None,
) -> CrawlReport:
    """Crawl ``outlets`` once for ``campaigns``, storing what matches (once per process: Scrapy's reactor).

    ``discovery``: the news searches to run; ``selected``: the names of the outlets whose sources are crawled
    (None: all, and the searches too)."""
    outlets = list(outlets)
    campaigns = list(campaigns)
    open_world = (list(discovery), {n.casefold() for n in selected} if selected is not None else None)
    console = console or Console(stderr=True)
    run_id = store.start_run(campaign_name)
    report = CrawlReport(run_id=run_id)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]crawling[/]"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = progress.add_task("crawl", total=None, status="")

    def on_progress(ctx: CrawlContext) -> None:
        total = SourceStats()
        for stats in ctx.stats.values():
            total.pages += stats.pages
            total.matched += stats.matched
            total.new_clippings += stats.new_clippings
        status = f"{total.pages} pages · {total.matched} matched · {total.new_clippings} new"
        status += f" · {len(ctx.errors)} errors"
        progress.update(task, status=status)

    _active_runs.append((store, run_id))
    try:
        _crawl(report, outlets, campaigns, crawl, store, analyzer, progress, task, on_progress, workers, open_world)
    except BaseException as exc:
        report.outcome = "failed"
        report.errors.append(CrawlFailure(None, None, None, "crash", f"{type(exc).__name__}: {exc}"))
        _close_run(store, report)
        raise
    if stop_requested():
        report.outcome = "cancelled"
    elif report.outcome != "cancelled":
        report.outcome = "partial" if report.errors else "ok"
    _close_run(store, report)
    return report


def _close_run(store: CrawlStore, report: CrawlReport) -> None:
    """Record the end of the run; from here on this thread closes it, not the stop deadline."""
    with contextlib.suppress(ValueError):
        _active_runs.remove((store, report.run_id))
    store.finish_run(report)


# Monotonic times of the stop requests. Signal handlers append to it, so it takes no lock: a handler may run
# inside another one (the kernel sends a SIGTERM each time a thread of a killed scheduler dies), and the lock of a
# threading.Event held by the outer handler deadlocked the inner one, and with it the whole crawl process.
_stop_requests: list[float] = []
_stop_began: list[float] = []  # monotonic time of the graceful stop, once begun
_forced_at: list[float] = []  # monotonic time the reactor was told to stop without waiting, once it was
_active_runs: list[tuple[CrawlStore, int | None]] = []  # runs this process has yet to close (the stop deadline does)


def request_stop() -> None:
    """Ask the crawl of this process to stop: in-flight requests end, no new source is started; asked twice,
    it stops at once. Safe in a signal handler (no lock, no I/O)."""
    _stop_requests.append(time.monotonic())


def stop_requested() -> bool:
    """True once the crawl of this process was asked to stop."""
    return bool(_stop_requests)


def stop_grace(crawl: CrawlSettings) -> float:
    """Seconds a graceful stop waits for in-flight requests before it is forced: one download timeout, and some."""
    return crawl.download_timeout + 5


def _stop_forced_at(grace: float) -> float | None:
    """When the stop became a forced one: a second request, or ``grace`` s after the first; None while it is not."""
    if len(_stop_requests) >= 2:
        return min(_stop_requests[1], _stop_requests[0] + grace)
    if _stop_requests and time.monotonic() - _stop_requests[0] > grace:
        return _stop_requests[0] + grace
    return None


def _watch_for_stop(
    process: Any, grace: float, stop_reactor: Callable[[], None], crash_after: float = CRASH_AFTER
) -> None:
    """Reactor-side: turn a stop request into Scrapy's graceful stop; force the reactor down after ``grace`` s.

    A forced stop still waits for Scrapy to close its spiders (reactor.stop() runs its shutdown trigger, which
    waits for in-flight requests and items); after ``crash_after`` more seconds those are abandoned."""
    if not _stop_requests:
        return
    from twisted.internet import reactor

    if not _stop_began:
        _stop_began.append(time.monotonic())
        process.stop().addBoth(lambda _: stop_reactor())
    elif not _forced_at:
        if _stop_forced_at(grace) is not None:
            log.warning("crawl stopped without waiting for in-flight requests")
            _forced_at.append(time.monotonic())
            stop_reactor()
    elif time.monotonic() - _forced_at[0] > crash_after and reactor.running:
        log.warning("crawl stopped with requests or pages still in flight: abandoned")
        reactor.crash()  # type: ignore[misc]  # the loop ends now, shutdown triggers or not


def _stop_reactor_threads(reactor: Any, timeout: float = 5.0) -> None:
    """Stop the reactor's thread pool if its loop ended without its shutdown (a crash): its threads are not
    daemons, and idle ones would keep the process from exiting. Waits ``timeout`` s at most."""
    pool = getattr(reactor, "threadpool", None)
    if pool is None or not pool.started or pool.joined:
        return
    stopper = threading.Thread(target=pool.stop, name="reactor-threads-stop", daemon=True)
    stopper.start()
    stopper.join(timeout)


def arm_stop_deadline(grace: float, deadline: float = STOP_DEADLINE, exit_code: int = 1) -> threading.Thread:
    """Exit this process ``deadline`` s after its crawl's stop was forced, whatever still holds it.

    For a process that exists to crawl (the crawl child): a daemon thread that, once the stop is forced (asked
    twice, or ``grace`` s after once) and the process still runs ``deadline`` s later, kills the extraction
    processes, closes the open crawl run as cancelled and exits with ``exit_code``."""

    def watch() -> None:
        while True:
            forced = _stop_forced_at(grace)
            if forced is not None and time.monotonic() - forced > deadline:
                break
            time.sleep(0.2)
        message = f"the crawl did not stop within {deadline:g}s of being told to stop at once: exiting\n"
        # Whatever hangs may hold the logging or stderr locks, or the database: each step is bounded on its own.
        _bounded(lambda: os.write(2, message.encode()), 2)
        for pool in list(_pools):
            _kill_processes(_pool_processes(pool).values())
        for store, run_id in list(_active_runs):
            report = CrawlReport(run_id=run_id, outcome="cancelled")
            text = f"stopped: the crawl process exited {deadline:g}s after a forced stop, with work still in flight"
            report.errors.append(CrawlFailure(None, None, None, "stop", text))
            _bounded(functools.partial(store.finish_run, report), 45)  # else `rassegna runs` closes it later
        os._exit(exit_code)

    thread = threading.Thread(target=watch, name="stop-deadline", daemon=True)
    thread.start()
    return thread


def _bounded(step: Callable[[], object], timeout: float) -> None:
    """Run ``step`` on a daemon thread; give up on it (and on its errors) after ``timeout`` s."""

    def run() -> None:
        with contextlib.suppress(Exception):
            step()

    thread = threading.Thread(target=run, name="stop-deadline-step", daemon=True)
    thread.start()
    thread.join(timeout)


def _stats_of(crawler: Any) -> Any:
    """A Scrapy crawler's stats collector, or None for one that never started (Scrapy raises until then)."""
    try:
        return crawler.stats
    except RuntimeError:
        return None


def _crawl(
    report: CrawlReport,
    outlets: list[Outlet],
    campaigns: Iterable[Campaign],
    crawl: CrawlSettings,
    store: CrawlStore,
    analyzer: Analyzer | None,
    progress: Progress,
    task: TaskID,
    on_progress: Callable[[CrawlContext], None],
    workers: int | None,
    open_world: tuple[list[DiscoverySearch], set[str] | None] = ([], None),
) -> None:
    from scrapy.crawler import CrawlerProcess
    from twisted.internet import defer

    run_id = report.run_id
    with extraction_pool(workers) as pool, progress:
        context = CrawlContext(
            outlets=outlets,
            matcher=CampaignMatcher.from_settings(campaigns),
            store=store,
            crawl=crawl,
            run_id=run_id,
            analyzer=analyzer,
            pool=pool,
            on_progress=on_progress,
        )
        searches, selected = open_world
        plan_open_world(context, list(campaigns), searches, selected)
        families = [] if stop_requested() else list(FAMILIES)
        crawlers: list[Any] = []
        try:
            if any(_has_work(f, context) for f in families):
                process = CrawlerProcess(scrapy_settings(crawl, searches))
                logging.getLogger("scrapy").setLevel(logging.ERROR)

                def stop_reactor() -> None:
                    from twisted.internet import reactor
                    from twisted.internet.error import ReactorNotRunning

                    # Several paths ask (graceful stop, forced stop, end of the chain): only the first stops it.
                    if reactor.running and not getattr(reactor, "_stopped", False):
                        with contextlib.suppress(ReactorNotRunning):
                            reactor.stop()  # type: ignore[misc]  # twisted's global reactor is untyped

                @defer.inlineCallbacks
                def chain():  # noqa: ANN202 - a Twisted inlineCallbacks generator
                    try:
                        for family in families:
                            if stop_requested():
                                break  # no further source family after a stop request
                            if not _has_work(family, context):
                                continue  # e.g. no feed found: nothing for the feed spider
                            crawler = process.create_crawler(family)
                            crawlers.append(crawler)
                            started = time.monotonic()
                            yield process.crawl(crawler, context=context)
                            context.timings[family.name] = time.monotonic() - started
                    finally:
                        from twisted.internet import reactor

                        reactor.callLater(0, stop_reactor)

                chain()  # schedules the first crawl, which installs Scrapy's reactor: import it only after
                from twisted.internet import reactor
                from twisted.internet.task import LoopingCall

                stop_watch = LoopingCall(_watch_for_stop, process, stop_grace(crawl), stop_reactor)
                reactor.callWhenRunning(stop_watch.start, 0.2)
                # rassegna's own handlers (see request_stop) keep the signals for the whole crawl: Scrapy's would
                # leave a window during start-up where a signal is lost or lands inside Twisted's set-up.
                process.start(stop_after_crawl=False, install_signal_handlers=False)
                _stop_reactor_threads(reactor)
                for crawler in crawlers:
                    if (stats := _stats_of(crawler)) is not None:
                        log.debug("scrapy stats %s: %s", crawler.spider, stats.get_stats())
        finally:
            context.close()
        valid = [
            (url, etag, lm) for url, (source, etag, lm) in context.fresh_validators.items() if context.source_ok(source)
        ]
        store.save_validators(valid)
        if not stop_requested():
            store.save_found_sources(settle_found_sources(context))
    report.stats = context.stats
    report.timings = dict(context.timings)
    for outlet in outlets:  # every configured source shows in the summary, even when nothing came of it
        kinds: tuple[tuple[SourceKind, list[str]], ...] = (
            ("feed", outlet.feeds),
            ("sitemap", outlet.sitemaps),
            ("start", outlet.start_urls),
            ("feed", context.found_urls(outlet, "feed")),
            ("sitemap", context.found_urls(outlet, "sitemap")),
        )
        for kind, urls in kinds:
            for url in urls:
                report.stats.setdefault(Source(outlet.name, kind, url), SourceStats())
    report.errors = context.errors
    report.skipped_known = context.skipped_known
    report.moved = context.moved


def summary_table(report: CrawlReport) -> Table:
    """The per-source summary of a crawl run."""
    table = Table(title=f"Crawl run {report.run_id}: {report.outcome}", show_lines=False)
    for column in ("outlet", "source", "pages", "matched", "new clippings", "errors"):
        table.add_column(
            column, justify="right" if column in ("pages", "matched", "new clippings", "errors") else "left"
        )
    for source, stats in sorted(report.stats.items(), key=lambda kv: (kv[0].outlet.casefold(), kv[0].kind, kv[0].url)):
        errors = f"[red]{stats.errors}[/]" if stats.errors else "0"
        table.add_row(
            source.outlet,
            f"{source.kind}: {source.url}",
            str(stats.pages),
            str(stats.matched),
            str(stats.new_clippings),
            errors,
        )
    total = report.totals()
    if report.timings:
        table.caption = "time: " + " · ".join(f"{name} {seconds:.1f} s" for name, seconds in report.timings.items())
    table.add_section()
    table.add_row("total", "", str(total.pages), str(total.matched), str(total.new_clippings), str(total.errors))
    return table


def errors_table(report: CrawlReport, limit: int = 50) -> Table:
    """The failures of a crawl run (the first ``limit``)."""
    table = Table(title=f"Failures ({len(report.errors)})")
    for column in ("outlet", "kind", "url", "message"):
        table.add_column(column, overflow="fold")
    for failure in report.errors[:limit]:
        table.add_row(failure.outlet or "", failure.kind, failure.url or "", failure.message[:200])
    return table
