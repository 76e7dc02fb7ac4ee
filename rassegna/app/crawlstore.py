"""The crawler's store (rassegna.crawler.ports.CrawlStore) over the database: the wiring between the two.

It lives in the app, not in storage, so that storage never imports the crawler."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Literal

from sqlalchemy import Engine, func
from sqlmodel import col, select

from rassegna.config.models import Outlet
from rassegna.crawler.ports import CrawlReport, FoundSource, OutletSources
from rassegna.domain import Analysis, Article
from rassegna.storage import health, repository
from rassegna.storage.db import read_session, session_scope
from rassegna.storage.models import Clipping, CrawlError, CrawlRun, FoundSourceRow, OutletRow, SourceStat, id_of, utcnow


class DbCrawlStore:
    """Crawl runs, clippings, seen URLs and feed validators in the rassegna database."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = utcnow):
        self.engine = engine
        self.clock = clock  # when a run's per-source counts are dated (source health)

    def start_run(self, campaign: str | None) -> int:
        """Record a new crawl run; its id."""
        import os
        import socket

        with session_scope(self.engine) as session:
            run = CrawlRun(campaign=campaign, pid=os.getpid(), host=socket.gethostname())
            session.add(run)
            session.flush()
            return id_of(run)

    def known_urls(self) -> set[str]:
        """URLs judged by earlier crawls plus the canonical URLs of stored clippings."""
        with read_session(self.engine) as session:
            urls = repository.seen_urls(session)
            # Crawl and import both store the canonical form (crawler.urls.canonical_url) beside the URL as given.
            for canonical, url in session.exec(select(Clipping.canonical_url, Clipping.url)):
                urls.update(u for u in (canonical, url) if u)
            return urls

    def validators(self) -> dict[str, tuple[str | None, str | None]]:
        """ETag and Last-Modified of feeds and sitemaps, by URL."""
        with read_session(self.engine) as session:
            return repository.fetch_validators(session)

    def save_validators(self, items: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Remember feed and sitemap validators for the next conditional request."""
        with session_scope(self.engine) as session:
            for url, etag, modified in items:
                repository.save_validators(session, url, etag, modified)

    def mark_seen(self, urls: Iterable[tuple[str, bool]]) -> None:
        """Remember fetched article URLs (relevant or not) so later crawls skip them."""
        with session_scope(self.engine) as session:
            repository.mark_seen(session, urls)

    def store_article(self, article: Article, analysis: Analysis | None, run_id: int | None) -> bool:
        """Store a relevant article as a clipping; True when new."""
        with session_scope(self.engine) as session:
            _, new = repository.store_article(session, article, analysis, crawl_run_id=run_id)
            return new

    def found_sources(self) -> dict[str, OutletSources]:
        """The feeds and sitemaps found for domain-only outlets, by outlet name."""
        with session_scope(self.engine) as session:
            by_id = repository.found_sources(session)
            result: dict[str, OutletSources] = {}
            for row in session.exec(select(OutletRow).where(col(OutletRow.sources_checked_at).is_not(None))):
                sources = [_found_source(f) for f in by_id.get(id_of(row), [])]
                result[row.name] = OutletSources(row.sources_checked_at, sources)
            return result

    def save_found_sources(self, found: dict[str, OutletSources]) -> None:
        """Keep what was found for these outlets (outlets no longer in the registry are skipped)."""
        with session_scope(self.engine) as session:
            for name, sources in found.items():
                row = repository.find_outlet(session, name)
                if row is not None:
                    items = [(s.kind, s.url, s.found_at, s.failures) for s in sources.sources]
                    repository.replace_found_sources(session, row, sources.checked_at, items)

    def finish_run(self, report: CrawlReport) -> None:
        """Record the run's outcome, counts, per-source stats and failures."""
        with session_scope(self.engine) as session:
            run = session.get(CrawlRun, report.run_id) if report.run_id is not None else None
            if run is None:
                return
            total = report.totals()
            run.finished_at = utcnow()
            run.outcome = report.outcome
            # Never fewer new clippings than the table holds for the run: a distributed worker killed with SIGKILL
            # stored clippings its last, unsent counters never told the coordinator about.
            stored = session.exec(select(func.count()).where(col(Clipping.crawl_run_id) == report.run_id)).one()
            run.pages, run.matched, run.new_clippings, run.errors = (
                total.pages,
                total.matched,
                max(stored, total.new_clippings),
                total.errors,
            )
            session.add(run)
            for source, stats in report.stats.items():
                session.add(
                    SourceStat(
                        crawl_run_id=id_of(run),
                        outlet=source.outlet,
                        source=f"{source.kind}: {source.url}",
                        pages=stats.pages,
                        matched=stats.matched,
                        new_clippings=stats.new_clippings,
                        errors=stats.errors,
                    )
                )
            health.record_run(session, report.stats, self.clock())
            for source, new_url in report.moved:
                health.record_moved(session, source.outlet, source.kind, source.url, new_url, self.clock())
            for failure in report.errors:
                session.add(
                    CrawlError(
                        crawl_run_id=id_of(run),
                        outlet=failure.outlet,
                        source=failure.source,
                        url=failure.url,
                        kind=failure.kind[:50],
                        message=failure.message,
                    )
                )


def _found_source(row: FoundSourceRow) -> FoundSource:
    """The crawler's view of a found feed or sitemap (the table keeps its kind as text)."""
    kind: Literal["feed", "sitemap"] = "sitemap" if row.kind == "sitemap" else "feed"
    return FoundSource(kind, row.url, row.found_at, row.failures)


def registry_outlets(engine: Engine, configured: Iterable[Outlet]) -> list[Outlet]:
    """The configured outlets (synced into the database) plus those only the database has."""
    configured = list(configured)
    with read_session(engine) as session:
        in_sync = repository.registry_in_sync(session, configured)
    if not in_sync:
        with session_scope(engine) as session:
            repository.sync_outlets(session, configured)
    with read_session(engine) as session:
        rows = session.exec(select(OutletRow).order_by(OutletRow.name)).all()
    by_name = {row.name.casefold(): row for row in rows}
    outlets: list[Outlet] = []
    for outlet in configured:  # the config says where an outlet's pages are; the database may know more domains
        row = by_name.pop(outlet.name.casefold(), None)
        extra = [d for d in (row.domains if row else []) if d not in outlet.domains]
        outlets.append(outlet.model_copy(update={"domains": list(outlet.domains) + extra}) if extra else outlet)
    for row in by_name.values():
        try:
            outlets.append(repository.outlet_row_to_config(row))
        except ValueError:
            continue  # a row the config model rejects (e.g. an unknown category): not crawlable
    return outlets
