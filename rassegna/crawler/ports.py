"""What the crawler needs from the outside world: a store for its results and, optionally, the NLP."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from rassegna.domain import Analysis, Article, RunOutcome, Source, SourceKind, SourceStats

__all__ = [
    "Analyzer", "CrawlFailure", "CrawlReport", "CrawlStore", "FoundSource", "OutletSources",
    "Source", "SourceKind", "SourceStats",
]  # fmt: skip

Analyzer = Callable[[list[Article]], list[Analysis]]


@dataclass(slots=True)
class FoundSource:
    """A feed or sitemap found on the home page of an outlet known only by its domain."""

    kind: Literal["feed", "sitemap"]
    url: str
    found_at: datetime
    failures: int = 0  # crawl runs in a row in which it failed


@dataclass(slots=True)
class OutletSources:
    """What was found for a domain-only outlet, and when its home page was last read for it."""

    checked_at: datetime | None = None
    sources: list[FoundSource] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CrawlFailure:
    """A failure met while crawling, recorded against its source."""

    outlet: str | None
    source: str | None
    url: str | None
    kind: str
    message: str


@dataclass(slots=True)
class CrawlReport:
    """The outcome of a crawl pass: per-source counts and every failure."""

    run_id: int | None
    stats: dict[Source, SourceStats] = field(default_factory=dict)
    errors: list[CrawlFailure] = field(default_factory=list)
    outcome: RunOutcome = "ok"  # ok | partial | failed
    skipped_known: int = 0  # article links not downloaded: judged by an earlier crawl
    timings: dict[str, float] = field(default_factory=dict)  # seconds per spider family (sources, feeds, ...)
    moved: list[tuple[Source, str]] = field(default_factory=list)  # (old source, new URL) found by discovery

    def totals(self) -> SourceStats:
        """The counts summed over all sources (errors include those not tied to a source)."""
        total = SourceStats()
        for stats in self.stats.values():
            total.pages += stats.pages
            total.matched += stats.matched
            total.new_clippings += stats.new_clippings
        total.errors = len(self.errors)
        return total


class CrawlStore(Protocol):
    """Persistence the crawler uses; ``rassegna.app.crawlstore.DbCrawlStore`` implements it."""

    def start_run(self, campaign: str | None) -> int:
        """Record a new crawl run; its id."""

    def known_urls(self) -> set[str]:
        """Canonical article URLs already fetched and judged, or stored as clippings."""

    def validators(self) -> dict[str, tuple[str | None, str | None]]:
        """ETag and Last-Modified of feeds and sitemaps, by URL."""

    def save_validators(self, items: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Remember (url, etag, last_modified) of feeds and sitemaps fetched in full."""

    def mark_seen(self, urls: Iterable[tuple[str, bool]]) -> None:
        """Remember (canonical url, relevant) of fetched article pages."""

    def store_article(self, article: Article, analysis: Analysis | None, run_id: int | None) -> bool:
        """Store a relevant article as a clipping; True when it is a new clipping."""

    def found_sources(self) -> dict[str, OutletSources]:
        """The feeds and sitemaps found for domain-only outlets, by outlet name."""

    def save_found_sources(self, found: dict[str, OutletSources]) -> None:
        """Replace what is kept for these outlets (found dates, failure counts, when last checked)."""

    def finish_run(self, report: CrawlReport) -> None:
        """Record the run's outcome, per-source counts and failures."""
