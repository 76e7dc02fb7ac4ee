"""One crawl pass in this process: feeds, then sitemaps, then start pages, with progress and a summary."""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from rassegna.config.models import Campaign, CrawlSettings, Outlet
from rassegna.crawler.context import CrawlContext
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.crawler.ports import Analyzer, CrawlFailure, CrawlReport, CrawlStore, Source, SourceStats
from rassegna.crawler.settings import scrapy_settings
from rassegna.crawler.spiders import SPIDERS, FeedSpider, PageSpider, SitemapSpider

log = logging.getLogger(__name__)


def _warm_up() -> None:
    import trafilatura  # noqa: F401 - pay the import in the worker before the first page arrives


@contextmanager
def extraction_pool(workers: int | None) -> Iterator[concurrent.futures.Executor | None]:
    """A process pool for trafilatura (None when ``workers`` is 0: extract on the reactor thread)."""
    workers = os.cpu_count() or 1 if workers is None else workers
    if workers <= 0:
        yield None
        return
    from rassegna.crawler.lifeline import worker_initializer

    # Workers die with this process (kill -9 included) instead of idling on for minutes.
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=worker_initializer,
        initargs=(os.getpid(),),
    )
    try:
        for _ in range(workers):
            pool.submit(_warm_up)
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _families(outlets: list[Outlet]) -> list[type]:
    wanted = []
    if any(o.feeds for o in outlets):
        wanted.append(FeedSpider)
    if any(o.sitemaps for o in outlets):
        wanted.append(SitemapSpider)
    if any(o.start_urls for o in outlets):
        wanted.append(PageSpider)
    return [s for s in SPIDERS if s in wanted]


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
) -> CrawlReport:
    """Crawl ``outlets`` once for ``campaigns``, storing what matches (once per process: Scrapy's reactor)."""
    outlets = list(outlets)
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

    try:
        _crawl(report, outlets, campaigns, crawl, store, analyzer, progress, task, on_progress, workers)
    except BaseException as exc:
        report.outcome = "failed"
        report.errors.append(CrawlFailure(None, None, None, "crash", f"{type(exc).__name__}: {exc}"))
        store.finish_run(report)
        raise
    if _stop_requested.is_set():
        report.outcome = "cancelled"
    elif report.outcome != "cancelled":
        report.outcome = "partial" if report.errors else "ok"
    store.finish_run(report)
    return report


_stop_requested = threading.Event()
_stop_began: list[float] = []  # monotonic time of the graceful stop, once begun


_force_stop = threading.Event()


def request_stop() -> None:
    """Ask the crawl of this process to stop: in-flight requests end, no new source is started; asked twice,
    it stops at once."""
    if _stop_requested.is_set():
        _force_stop.set()
    _stop_requested.set()


def _watch_for_stop(process: Any, grace: float, stop_reactor: Callable[[], None]) -> None:
    """Reactor-side: turn a stop request into Scrapy's graceful stop; force the reactor down after ``grace`` s."""
    if not _stop_requested.is_set():
        return
    if not _stop_began:
        _stop_began.append(time.monotonic())
        process.stop().addBoth(lambda _: stop_reactor())
    elif _force_stop.is_set() or time.monotonic() - _stop_began[0] > grace:
        log.warning("crawl stopped without waiting for in-flight requests")
        stop_reactor()


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
        families = [] if _stop_requested.is_set() else _families(outlets)
        try:
            if families:
                process = CrawlerProcess(scrapy_settings(crawl))
                logging.getLogger("scrapy").setLevel(logging.ERROR)
                crawlers = [process.create_crawler(family) for family in families]

                def stop_reactor() -> None:
                    from twisted.internet import reactor
                    from twisted.internet.error import ReactorNotRunning

                    # Several paths ask (graceful stop, forced stop, end of the chain): only the first stops it.
                    if reactor.running and not getattr(reactor, "_stopped", False):
                        with contextlib.suppress(ReactorNotRunning):
                            reactor.stop()

                @defer.inlineCallbacks
                def chain():  # noqa: ANN202 - a Twisted inlineCallbacks generator
                    try:
                        for crawler in crawlers:
                            if _stop_requested.is_set():
                                break  # no further source family after a stop request
                            yield process.crawl(crawler, context=context)
                    finally:
                        from twisted.internet import reactor

                        reactor.callLater(0, stop_reactor)

                chain()  # schedules the first crawl, which installs Scrapy's reactor: import it only after
                from twisted.internet import reactor, task

                stop_watch = task.LoopingCall(_watch_for_stop, process, crawl.download_timeout + 5, stop_reactor)
                reactor.callWhenRunning(stop_watch.start, 0.2)
                # rassegna's own handlers (see request_stop) keep the signals for the whole crawl: Scrapy's would
                # leave a window during start-up where a signal is lost or lands inside Twisted's set-up.
                process.start(stop_after_crawl=False, install_signal_handlers=False)
                for crawler in crawlers:
                    if (stats := _stats_of(crawler)) is not None:
                        log.debug("scrapy stats %s: %s", crawler.spider, stats.get_stats())
        finally:
            context.close()
        valid = [
            (url, etag, lm) for url, (source, etag, lm) in context.fresh_validators.items() if context.source_ok(source)
        ]
        store.save_validators(valid)
    report.stats = context.stats
    for outlet in outlets:  # every configured source shows in the summary, even when nothing came of it
        for kind, urls in (
            ("feed", outlet.feeds),
            ("sitemap", outlet.sitemaps),
            ("start", outlet.start_urls),
        ):
            for url in urls:
                report.stats.setdefault(Source(outlet.name, kind, url), SourceStats())
    report.errors = context.errors
    report.skipped_known = context.skipped_known


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
