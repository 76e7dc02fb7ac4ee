"""`rassegna crawl`: configuration, storage and NLP wired to the crawler; also runnable as a child process.

``python -m rassegna.app.crawl --config FILE --db URL [--campaign NAME] [--outlet NAME]...`` runs one crawl
pass in a fresh process (Scrapy's reactor cannot restart), which is how tests and the scheduler use it.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence

from rich.console import Console
from sqlalchemy import Engine

from rassegna.app.pipeline import analyzer_for, refresh_stories
from rassegna.app.scheduler.lock import EXIT_BUSY, DbLock
from rassegna.config.models import Campaign, Settings
from rassegna.crawler.ports import Analyzer

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2
CRAWL_LEASE = 300.0  # seconds; renewed every third of it while the crawl runs


def nlp_analyzer(campaigns: Sequence[Campaign]) -> Analyzer | None:
    """The NLP as the crawler's analyzer, or None when rassegna.nlp is not available."""
    try:
        return analyzer_for(campaigns)
    except Exception as exc:  # noqa: BLE001 - crawl without NLP rather than not at all
        log.warning("NLP not available, crawling without it: %s", exc)
        return None


def run_crawl_command(
    settings: Settings,
    db_url: str,
    *,
    campaign: str | None,
    outlet_names: list[str],
    console: Console,
    analyzer: Analyzer | None | bool = True,
    workers: int | None = None,
) -> int:
    """One crawl pass with progress and a summary table; the exit code (0 even if sources failed, EXIT_BUSY
    when another crawl is running on the database)."""
    from rassegna.storage.db import engine_for

    campaigns = list(settings.campaigns)
    if campaign is not None:
        try:
            campaigns = [settings.campaign(campaign)]
        except KeyError:
            known = ", ".join(c.name for c in settings.campaigns) or "none"
            console.print(f"[red]error:[/] no campaign named {campaign!r} (configured: {known})")
            return EXIT_CONFIG
    if not campaigns:
        console.print("[red]error:[/] the configuration has no campaigns: nothing to look for")
        return EXIT_CONFIG
    from rassegna.app.scheduler.history import close_stale_runs
    from rassegna.app.scheduler.lock import CRAWL_LOCK, describe_holder, kept

    engine = engine_for(db_url)
    for closed in close_stale_runs(engine):
        console.print(f"[dim]{closed} was left running by a crawl that is gone: closed[/]")
    lock = crawl_lock(engine)
    if not lock.acquire():
        console.print(
            f"[red]error:[/] another crawl is running on this database ({describe_holder(engine, CRAWL_LOCK)}): "
            "wait for it to end, or stop it (rassegna runs shows it)",
            highlight=False,
        )
        return EXIT_BUSY
    # This process holds the crawl lock for as long as it crawls (renewed; released at the end, or freed
    # when the process dies): no other crawl starts meanwhile, whoever started this one.
    with kept(lock, on_lost=_lost_lock):
        return _crawl_with_lock(settings, engine, campaigns, campaign, outlet_names, console, analyzer, workers)


def crawl_lock(engine: Engine) -> DbLock:
    """The crawl lock for this process; taken over from the scheduler that started it ($RASSEGNA_LOCK_HANDOVER)."""
    from rassegna.app.scheduler.lock import CRAWL_LOCK, HANDOVER_ENV, DbLock

    return DbLock(engine, CRAWL_LOCK, lease=CRAWL_LEASE, takeover_from=os.environ.get(HANDOVER_ENV) or None)


def _lost_lock() -> None:
    """Another process took the crawl lock (this one could not renew it for a whole lease): stop crawling."""
    from rassegna.crawler.runner import request_stop

    log.error("the crawl lock was lost: stopping this crawl so that two never run at once")
    request_stop()


def _crawl_with_lock(
    settings: Settings,
    engine: Engine,
    campaigns: list[Campaign],
    campaign: str | None,
    outlet_names: list[str],
    console: Console,
    analyzer: Analyzer | None | bool,
    workers: int | None,
) -> int:
    """The crawl pass proper, run while this process holds the crawl lock."""
    from rassegna.app.crawlstore import DbCrawlStore, registry_outlets
    from rassegna.crawler.runner import errors_table, run_crawl, summary_table

    outlets = registry_outlets(engine, settings.outlets)
    if outlet_names:
        by_name = {o.name.casefold(): o for o in outlets}
        unknown = [n for n in outlet_names if n.casefold() not in by_name]
        if unknown:
            console.print(f"[red]error:[/] unknown outlet(s): {', '.join(map(repr, unknown))}")
            return EXIT_CONFIG
        chosen = {n.casefold() for n in outlet_names}
        # Only the chosen outlets' sources are crawled; every outlet still owns its domains.
        outlets = [
            o if o.name.casefold() in chosen else o.model_copy(update={"feeds": [], "sitemaps": [], "start_urls": []})
            for o in outlets
        ]
    _stop_on_signals()
    if analyzer is True:
        analyzer = nlp_analyzer(campaigns)
    store = DbCrawlStore(engine)
    try:
        report = run_crawl(
            outlets=outlets,
            campaigns=campaigns,
            crawl=settings.crawl,
            store=store,
            analyzer=analyzer or None,
            campaign_name=campaign,
            console=console,
            workers=workers,
            discovery=settings.discovery,
            selected=outlet_names or None,
        )
    except Exception as exc:  # noqa: BLE001 - recorded in the run, reported, exit 1
        log.exception("crawl failed")
        console.print(f"[red]crawl failed:[/] {type(exc).__name__}: {exc}")
        return EXIT_FAILED
    refresh_stories(engine)
    _refresh_health(engine, settings)
    console.print(summary_table(report))
    if report.errors:
        console.print(errors_table(report))
    if report.skipped_known:
        console.print(f"{report.skipped_known} article links skipped: judged by an earlier crawl")
    return EXIT_OK


def _refresh_health(engine: Engine, settings: Settings) -> None:
    """Open and close source-health alerts after the run (a failure here never fails the crawl)."""
    from rassegna.app.health import refresh_health

    try:
        refresh_health(engine, settings)
    except Exception:  # noqa: BLE001
        log.exception("source health not refreshed")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m rassegna.app.crawl``."""
    from rassegna.config.loader import ConfigError, config_path, database_url, load_settings

    parser = argparse.ArgumentParser(prog="python -m rassegna.app.crawl", description=__doc__)
    parser.add_argument("--config")
    parser.add_argument("--db")
    parser.add_argument("--campaign")
    parser.add_argument("--outlet", action="append", default=[])
    parser.add_argument("--no-nlp", action="store_true", help="store clippings without the NLP")
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (0: in the crawler)")
    parser.add_argument("--distributed", action="store_true", help="coordinate a run done by `rassegna worker`s")
    args = parser.parse_args(argv)
    _stop_on_signals()
    _die_with_parent()
    console = Console()
    try:
        settings = load_settings(config_path(args.config))
    except ConfigError as exc:
        console.print(f"[red]configuration error:[/] {exc}")
        return EXIT_CONFIG
    if not args.distributed:
        from rassegna.crawler.runner import arm_stop_deadline, stop_grace

        # An orphaned or stopped crawl child always ends: nobody may be left to SIGKILL it.
        arm_stop_deadline(stop_grace(settings.crawl), exit_code=EXIT_FAILED)
    if args.distributed:
        from rassegna.app.distributed import crawl_distributed_command

        return crawl_distributed_command(
            settings,
            database_url(args.db, settings),
            campaign=args.campaign,
            outlet_names=args.outlet,
            console=console,
        )
    return run_crawl_command(
        settings,
        database_url(args.db, settings),
        campaign=args.campaign,
        outlet_names=args.outlet,
        console=console,
        analyzer=not args.no_nlp,
        workers=args.workers,
    )


def _die_with_parent() -> None:
    """Started by the scheduler ($RASSEGNA_PARENT_PID): stop when it dies, as on SIGTERM (graceful, recorded)."""
    parent = os.environ.get("RASSEGNA_PARENT_PID", "")
    if not parent.isdigit():
        return
    from rassegna.crawler.lifeline import bind_to_parent
    from rassegna.crawler.runner import request_stop

    bind_to_parent(int(parent), signal.SIGTERM, on_orphaned=request_stop)


def _stop_on_signals() -> None:
    """Until Scrapy installs its own handlers, SIGINT/SIGTERM ask the crawl to stop at its next safe point.

    Raising KeyboardInterrupt instead could land inside Twisted's or the process pool's start-up."""
    if threading.current_thread() is not threading.main_thread():
        return
    from rassegna.crawler.runner import request_stop

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda _signum, _frame: request_stop())


if __name__ == "__main__":
    sys.exit(main())
