"""The state one crawl pass shares between its spiders and pipelines (all used on the reactor thread)."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from rassegna.config.models import CrawlSettings, DiscoverySearch, Outlet
from rassegna.crawler.extract import ExtractedArticle
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.crawler.ports import Analyzer, CrawlFailure, CrawlStore, OutletSources, Source, SourceStats
from rassegna.crawler.urls import canonical_url, domain_owner
from rassegna.domain import Analysis, Article, CampaignMatch

SEEN_BATCH = 200
# Failures that will not go away by themselves: such an article URL is remembered and not fetched again.
PERMANENT = frozenset({"http_404", "http_410", "non_html", "oversized", "redirect_loop", "no_content"})


@dataclass(slots=True)
class Finding:
    """The search for one domain-only outlet's feeds and sitemaps in this run."""

    home: str  # the first home page tried (the source the search is recorded against)
    reached: str | None = None  # the home page that answered
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    tried: list[str] = field(default_factory=list)  # "URL: why it failed" of every home page that did not answer


@dataclass(slots=True)
class PageItem:
    """A downloaded page on its way through the pipelines (extract → match → analyse → store)."""

    url: str  # as requested (before redirects)
    final_url: str
    body: bytes
    content_type: str | None
    source: Source
    listed: bool  # announced as an article by a feed or sitemap (not just a crawled link)
    hint_date: date | None = None  # the feed's, sitemap's or search's date, used when the page shows none
    extracted: ExtractedArticle | None = None
    matches: list[CampaignMatch] = field(default_factory=list)
    article: Article | None = None
    analysis: Analysis | None = None


class CrawlContext:
    """Outlets, matcher, store, counters and URL bookkeeping of one crawl pass."""

    def __init__(
        self,
        *,
        outlets: Iterable[Outlet],
        matcher: CampaignMatcher,
        store: CrawlStore,
        crawl: CrawlSettings,
        run_id: int | None,
        analyzer: Analyzer | None = None,
        pool: concurrent.futures.Executor | None = None,
        on_progress: Callable[[CrawlContext], None] | None = None,
    ):
        self.outlets = list(outlets)
        self.matcher, self.store, self.crawl, self.run_id = matcher, store, crawl, run_id
        self.analyzer, self.pool, self.on_progress = analyzer, pool, on_progress
        self.domains: dict[str, str] = {}
        for outlet in self.outlets:
            for domain in outlet.domains:
                self.domains.setdefault(domain, outlet.name)
        self.outlet_names = {o.name.casefold(): o for o in self.outlets}
        self.known: set[str] = store.known_urls()
        self.validators = store.validators()
        self.fresh_validators: dict[str, tuple[Source, str | None, str | None]] = {}
        self.claimed: set[str] = set()
        self.stats: dict[Source, SourceStats] = {}
        self.errors: list[CrawlFailure] = []
        self.seen_buffer: list[tuple[str, bool]] = []
        self.skipped_known = 0
        self.transient: set[Source] = set()
        # Open world: outlets known only by their domain, and news searches (set up by the runner).
        self.selected: set[str] | None = None  # outlets whose sources are crawled (None: all)
        self.found: dict[str, OutletSources] = {}  # feeds and sitemaps found for domain-only outlets
        self.to_discover: dict[str, str] = {}  # outlet → why its home page is read in this run
        self.finding: dict[str, Finding] = {}
        self.searches: list[tuple[DiscoverySearch, str]] = []  # (search, request URL) per campaign
        self.source_failed: set[Source] = set()  # sources whose own request failed (not one of their articles)
        self.source_gone: set[Source] = set()  # sources whose own URL answered 404/410
        self.timings: dict[str, float] = {}  # seconds each spider family took
        self.moved: list[tuple[Source, str]] = []
        self.db = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="rassegna-db")
        self.nlp = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="rassegna-nlp")

    # --- URLs ---------------------------------------------------------------------------------------------

    def claim(self, url: str, *, article: bool = True) -> bool:
        """True when ``url`` should be fetched: not judged by an earlier crawl nor claimed in this one."""
        key = canonical_url(url)
        if article and key in self.known:
            self.skipped_known += 1
            return False
        if key in self.claimed:
            return False
        self.claimed.add(key)
        return True

    def found_urls(self, outlet: Outlet, kind: str) -> list[str]:
        """The feeds or sitemaps found for a domain-only outlet, when its sources are crawled in this run."""
        if self.selected is not None and outlet.name.casefold() not in self.selected:
            return []
        if outlet.feeds or outlet.sitemaps or outlet.start_urls:
            return []  # configured sources since: what was found before is no longer used
        found = self.found.get(outlet.name)
        return [s.url for s in found.sources if s.kind == kind] if found else []

    def outlet_for(self, host: str) -> str | None:
        """The outlet whose domains cover ``host`` (subdomains included)."""
        return domain_owner(host, self.domains)

    def seen(self, urls: Iterable[str], relevant: bool) -> None:
        """Queue fetched article URLs for the store's seen list (written in batches)."""
        self.seen_buffer.extend((u, relevant) for u in dict.fromkeys(urls))
        if len(self.seen_buffer) >= SEEN_BATCH:
            self.flush_seen()

    def flush_seen(self) -> concurrent.futures.Future | None:
        """Write the queued seen URLs on the database thread."""
        if not self.seen_buffer:
            return None
        batch, self.seen_buffer = self.seen_buffer, []
        return self.db.submit(self.store.mark_seen, batch)

    # --- counters -----------------------------------------------------------------------------------------

    def count(self, source: Source, what: str, n: int = 1) -> None:
        """Add ``n`` to one counter (pages, matched, new_clippings, errors) of ``source``."""
        stats = self.stats.setdefault(source, SourceStats())
        setattr(stats, what, getattr(stats, what) + n)
        if self.on_progress is not None:
            self.on_progress(self)

    def observe_response(self, source: Source, status: int, latency: float | None) -> None:
        """Count one response of ``source`` and its download time (for source health)."""
        stats = self.stats.setdefault(source, SourceStats())
        stats.requests += 1
        stats.ok_responses += status < 400
        if latency is not None:
            stats.latencies_ms.append(round(latency * 1000))

    def observe_extraction(self, source: Source, text: str | None) -> None:
        """Count one article page of ``source``: its main text's length, or an empty extraction."""
        stats = self.stats.setdefault(source, SourceStats())
        if text and text.strip():
            stats.articles += 1
            stats.text_chars += len(text)
        else:
            stats.empty += 1

    def source_moved(self, source: Source, new_url: str) -> None:
        """Record that ``source`` now lives at ``new_url`` (found again by discovery); the store keeps it."""
        self.moved.append((source, new_url))

    def fail(self, source: Source | None, url: str | None, kind: str, message: str, *, article: bool = False) -> None:
        """Record a failure against its source and carry on (a dead article URL is not fetched again)."""
        self.errors.append(
            CrawlFailure(source.outlet if source else None, source.url if source else None, url, kind, message[:2000])
        )
        if source is not None:
            stats = self.stats.setdefault(source, SourceStats())
            stats.faults[kind] = stats.faults.get(kind, 0) + 1
            if url == source.url:
                stats.own_fault = kind
            self.count(source, "errors")
            if not article and kind not in ("extraction", "nlp", "store"):
                self.source_failed.add(source)
                if kind in ("http_404", "http_410") and url == source.url:
                    self.source_gone.add(source)
            if kind not in PERMANENT:
                self.transient.add(source)
        if url and kind in PERMANENT and article:
            self.seen([canonical_url(url)], False)

    def source_ok(self, source: Source) -> bool:
        """True when nothing that may go away (timeouts, 5xx, throttling) failed on ``source`` in this run."""
        return source not in self.transient

    def close(self) -> None:
        """Flush what is queued and stop the helper threads."""
        self.flush_seen()
        self.nlp.shutdown(wait=True)
        self.db.shutdown(wait=True)
