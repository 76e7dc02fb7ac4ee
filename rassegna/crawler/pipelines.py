"""Item pipelines, one job each: extract (worker processes), match, analyse (NLP), store."""

from __future__ import annotations

import asyncio
import concurrent.futures
from typing import Any

from scrapy.crawler import Crawler

from rassegna.crawler.context import CrawlContext, PageItem
from rassegna.crawler.extract import ExtractedArticle, extract_page
from rassegna.crawler.urls import canonical_url, clipping_url, host_of, site_domain
from rassegna.domain import Article


class _Pipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        """Scrapy's factory."""
        return cls(crawler)

    @property
    def context(self) -> CrawlContext:
        """The crawl pass's shared state (carried by the spider)."""
        return self.crawler.spider.context  # type: ignore[union-attr]

    def inc(self, key: str, n: int = 1) -> None:
        """Bump a Scrapy stats counter."""
        self.crawler.stats.inc_value(f"rassegna/{key}", n)


class ExtractPipeline(_Pipeline):
    """Main text and metadata with trafilatura, in a process pool off the reactor thread."""

    async def process_item(self, item: PageItem) -> PageItem:
        """Fill ``item.extracted`` (None: no main text)."""
        ctx = self.context
        body, item.body = item.body, b""
        # The outlet's name tells the site's name apart in titles and bylines.
        owner = ctx.outlet_for(host_of(item.final_url))
        names = (owner,) if owner else ()
        try:
            item.extracted = await self._extract(body, item, names)
        except Exception as exc:  # noqa: BLE001 - one bad page never stops a crawl
            ctx.fail(item.source, item.final_url, "extraction", f"{type(exc).__name__}: {exc}")
            return item
        self.inc("extracted")
        if item.extracted is not None and item.extracted.reread_for_keyword:
            self.inc("extracted_precise_for_keyword")
        if item.listed or (item.extracted is not None and item.extracted.is_article):
            ctx.observe_extraction(item.source, item.extracted.text if item.extracted else None)
        if item.extracted is None and item.listed:
            ctx.fail(
                item.source,
                item.url,
                "no_content",
                "no main text found (malformed or empty HTML)",
                article=True,
            )
        return item

    async def _extract(self, body: bytes, item: PageItem, names: tuple[str, ...]) -> ExtractedArticle | None:
        """``extract_page`` in the pool (on this thread when there is none or it broke), with the campaigns, so
        a page whose markup names one that the fast reading leaves out is read precisely there."""
        pool, campaigns = self.context.pool, self.context.matcher
        if pool is not None:
            try:
                future = pool.submit(extract_page, body, item.content_type, item.final_url, names, campaigns=campaigns)
                return await asyncio.wrap_future(future)
            except (concurrent.futures.process.BrokenProcessPool, RuntimeError):
                pass
        return extract_page(body, item.content_type, item.final_url, names, campaigns=campaigns)


class MatchPipeline(_Pipeline):
    """Campaign keywords in the main text (or title): the article becomes a clipping candidate."""

    async def process_item(self, item: PageItem) -> PageItem:
        """Fill ``item.matches`` and ``item.article`` for articles mentioning a campaign."""
        ctx, ext = self.context, item.extracted
        if ext is None or not (item.listed or ext.is_article):
            return item  # not an article (a section or home page): fetched again next time
        canonical = canonical_url(item.final_url, ext.canonical)
        item.matches = ctx.matcher.match(ext.title, ext.text)
        if not item.matches:
            ctx.seen([canonical_url(item.url), canonical_url(item.final_url), canonical], False)
            return item
        ctx.count(item.source, "matched")
        item.article = Article(
            outlet=self.outlet_name(canonical, item.final_url),
            title=ext.title or canonical,
            published=ext.published or item.hint_date,
            text=ext.text,
            url=clipping_url(item.final_url, ext.canonical),
            canonical_url=canonical,
            journalist=ext.author,
            source="crawl",
            language=ext.language,
            site_name=ext.site_name,
            campaigns=list(item.matches),
            rights_reserved=ext.rights_reserved,
        )
        return item

    def outlet_name(self, canonical: str, final_url: str) -> str:
        """The outlet owning the page's domain; for an unknown domain, a new outlet named after the domain."""
        ctx = self.context
        owner = ctx.outlet_for(host_of(canonical)) or ctx.outlet_for(host_of(final_url))
        if owner:
            return owner
        name = site_domain(canonical) or site_domain(final_url)  # esempio.it, as the contract names it
        ctx.domains.setdefault(name, name)  # later pages of the same site go to the same new outlet
        return name


class AnalysePipeline(_Pipeline):
    """The NLP (places, figures, quotes, journalist) on each clipping, when an analyzer is wired in."""

    async def process_item(self, item: PageItem) -> PageItem:
        """Fill ``item.analysis``; an NLP failure is recorded and the clipping stored without it."""
        ctx = self.context
        if item.article is None or ctx.analyzer is None:
            return item
        try:
            results = await asyncio.wrap_future(ctx.nlp.submit(ctx.analyzer, [item.article]))
            item.analysis = results[0] if results else None
        except Exception as exc:  # noqa: BLE001
            ctx.fail(item.source, item.final_url, "nlp", f"{type(exc).__name__}: {exc}")
        return item


class StorePipeline(_Pipeline):
    """Relevant articles stored as clippings; every judged URL remembered for the next crawl."""

    async def process_item(self, item: PageItem) -> PageItem:
        """Store ``item.article`` (if any) through the crawl store."""
        ctx = self.context
        if item.article is None:
            return item
        try:
            new = await asyncio.wrap_future(
                ctx.db.submit(ctx.store.store_article, item.article, item.analysis, ctx.run_id)
            )
        except Exception as exc:  # noqa: BLE001
            ctx.fail(item.source, item.final_url, "store", f"{type(exc).__name__}: {exc}")
            return item
        if new:
            ctx.count(item.source, "new_clippings")
        urls = [canonical_url(item.url), canonical_url(item.final_url), item.article.canonical_url or ""]
        ctx.seen([u for u in urls if u], True)
        item.analysis = None
        return item

    async def close_spider(self) -> None:
        """Write the seen URLs still queued."""
        future = self.context.flush_seen()
        if future is not None:
            await asyncio.wrap_future(future)
