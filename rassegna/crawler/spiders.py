"""One spider per source family: feeds (RSS/Atom), sitemaps (incl. news sitemaps), start pages."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import date
from typing import Any

import feedparser
import lxml.etree
from scrapy import Request, Spider, signals
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.spiders import SitemapSpider as ScrapySitemapSpider
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet.error import (
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from rassegna.crawler.context import CrawlContext, PageItem
from rassegna.crawler.discovery import struct_date
from rassegna.crawler.ports import Source

_HTML_TYPES = ("text/html", "application/xhtml")


def classify_failure(failure: Failure) -> tuple[str, str] | None:
    """(kind, message) of a failed request, or None when it is no failure (robots.txt said no)."""
    exc = failure.value
    if failure.check(HttpError):
        status = exc.response.status
        kind = "http_5xx" if status >= 500 else f"http_{status}"
        return kind, f"HTTP {status} for {exc.response.url}"
    if failure.check(TimeoutError, TCPTimedOutError) or "timeout" in type(exc).__name__.lower():
        return "timeout", str(exc) or "timed out"
    if failure.check(DNSLookupError):
        return "dns", str(exc)
    if failure.check(DownloadCancelledError):
        return "oversized", str(exc) or "larger than the download size limit (DOWNLOAD_MAXSIZE)"
    if failure.check(IgnoreRequest):
        text = str(exc)
        if "robots.txt" in text:
            return None
        if "redirect" in text:
            return "redirect_loop", text or "too many redirections"
        return "ignored", text or type(exc).__name__
    if failure.check(ConnectionRefusedError, ConnectionLost, ResponseFailed, ResponseNeverReceived):
        if "maxsize" in repr(exc).lower() or "max size" in repr(exc).lower():
            return "oversized", repr(exc)
        return "connection", repr(exc)[:500]
    return type(exc).__name__.lower(), str(exc) or repr(exc)


class _BaseSpider(Spider):
    """What every source family shares: article requests, page items, error recording."""

    context: CrawlContext

    def __init__(self, context: CrawlContext, **kwargs: Any):
        super().__init__(**kwargs)
        self.context = context

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        """Scrapy's factory; every response is also counted against its source (source health)."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_response, signal=signals.response_received)
        return spider

    def on_response(self, response: Response, request: Request, spider: Spider) -> None:
        """Count a response (any status) and its download time against the request's source."""
        source = request.meta.get("source")
        if isinstance(source, Source):
            self.context.observe_response(source, response.status, request.meta.get("download_latency"))

    def conditional_request(self, url: str, source: Source, callback: Any, **meta: Any) -> Request:
        """A request for a feed or sitemap carrying If-None-Match / If-Modified-Since from the last crawl."""
        etag, modified = self.context.validators.get(url, (None, None))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        meta = {"source": source, "handle_httpstatus_list": [304], **meta}
        return Request(url, callback=callback, errback=self.on_error, headers=headers, meta=meta, dont_filter=True)

    def remember_validators(self, response: Response, source: Source) -> None:
        """Keep a feed's or sitemap's validators, saved at the end if its source had no failure."""
        etag = response.headers.get(b"ETag")
        modified = response.headers.get(b"Last-Modified")
        if etag or modified:
            self.context.fresh_validators[response.request.url if response.request else response.url] = (
                source,
                etag.decode("latin-1") if etag else None,
                modified.decode("latin-1") if modified else None,
            )

    def article_request(
        self, url: str, source: Source, *, listed: bool, hint_date: date | None = None, depth: int = 0
    ) -> Request | None:
        """A request for an article page, or None when it was judged before or is already on its way."""
        if not url or not url.startswith(("http://", "https://")):
            return None
        if not self.context.claim(url, article=True):
            return None
        meta = {"source": source, "listed": listed, "hint_date": hint_date, "page_depth": depth}
        self.context.count(source, "links")
        return Request(url, callback=self.parse_page, errback=self.on_error, meta=meta, dont_filter=True)

    def page_item(self, response: Response) -> PageItem | None:
        """The item of a downloaded HTML page; a non-HTML response is recorded as a failure."""
        source: Source = response.meta["source"]
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        if not isinstance(response, TextResponse) or (
            content_type and not content_type.lower().startswith(_HTML_TYPES)
        ):
            self.context.fail(
                source,
                response.url,
                "non_html",
                f"not an HTML page ({content_type or 'no type'})",
                article=True,
            )
            return None
        if len(response.body) > self.context.crawl.max_page_bytes:
            self.context.fail(source, response.url, "oversized", f"{len(response.body)} bytes", article=True)
            return None
        self.context.count(source, "pages")
        request_url = response.request.url if response.request else response.url
        redirected = response.meta.get("redirect_urls")
        return PageItem(
            url=redirected[0] if redirected else request_url,
            final_url=response.url,
            body=response.body,
            content_type=content_type or None,
            source=source,
            listed=bool(response.meta.get("listed")),
            hint_date=response.meta.get("hint_date"),
        )

    def parse_page(self, response: Response) -> Iterator[Any]:
        """An article page: hand it to the pipelines."""
        item = self.page_item(response)
        if item is not None:
            yield item

    def on_error(self, failure: Failure) -> None:
        """Record a failed request against its source."""
        request = getattr(failure, "request", None)
        meta = request.meta if request is not None else {}
        classified = classify_failure(failure)
        if classified is None:
            self.crawler.stats.inc_value("rassegna/robots_forbidden")
            if isinstance(meta.get("source"), Source):
                self.context.count(meta["source"], "robots")
            return
        if isinstance(meta.get("source"), Source) and not failure.check(HttpError):
            self.context.count(meta["source"], "requests")  # no response came back: not counted on_response
        kind, message = classified
        url = (meta.get("redirect_urls") or [request.url])[0] if request is not None else None
        self.context.fail(meta.get("source"), url, kind, message, article="listed" in meta)


class FeedSpider(_BaseSpider):
    """RSS and Atom feeds, parsed with feedparser from the response body; entries followed."""

    name = "feeds"

    async def start(self) -> AsyncIterator[Any]:
        """A conditional request for every configured feed."""
        for outlet in self.context.outlets:
            for url in [*outlet.feeds, *self.context.found_urls(outlet, "feed")]:
                yield self.conditional_request(url, Source(outlet.name, "feed", url), self.parse_feed)

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """The entries of a feed, as article requests."""
        source: Source = response.meta["source"]
        if response.status == 304:
            self.crawler.stats.inc_value("rassegna/not_modified")
            return
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        parsed = feedparser.parse(response.body, response_headers={"content-type": content_type or "application/xml"})
        entries = []
        for entry in parsed.entries:
            link = entry.get("link") or next(
                (ln.get("href") for ln in entry.get("links", []) if ln.get("rel", "alternate") == "alternate"),
                None,
            )
            if link:
                entries.append((link, struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))))
        if parsed.bozo and not entries:
            reason = parsed.get("bozo_exception")
            self.context.fail(source, response.url, "malformed_feed", f"unreadable feed: {reason}")
            return
        self.remember_validators(response, source)
        for link, hint in entries:
            request = self.article_request(response.urljoin(link) if link else "", source, listed=True, hint_date=hint)
            if request is not None:
                yield request


def _news_dates(body: bytes) -> dict[str, date]:
    """loc → news:publication_date (or lastmod) of a urlset; Scrapy's Sitemap drops nested news elements."""
    dates: dict[str, date] = {}
    try:
        root = lxml.etree.fromstring(body, parser=lxml.etree.XMLParser(recover=True, resolve_entities=False))
    except lxml.etree.XMLSyntaxError:
        return dates
    if root is None:
        return dates
    for url in root.iterfind("{*}url"):
        loc = url.findtext("{*}loc")
        when = url.findtext(".//{*}publication_date") or url.findtext("{*}lastmod")
        if loc and when:
            try:
                dates[loc.strip()] = date.fromisoformat(when.strip()[:10])
            except ValueError:
                continue
    return dates


class SitemapSpider(_BaseSpider, ScrapySitemapSpider):
    """Sitemaps, sitemap indexes, news sitemaps, robots.txt ``Sitemap:`` lines (Scrapy's sitemap parser)."""

    name = "sitemaps"

    def __init__(self, context: CrawlContext, **kwargs: Any):
        _BaseSpider.__init__(self, context, **kwargs)
        self._cbs, self._follow = [], []

    async def start(self) -> AsyncIterator[Any]:
        """A conditional request for every configured sitemap."""
        for outlet in self.context.outlets:
            for url in [*outlet.sitemaps, *self.context.found_urls(outlet, "sitemap")]:
                yield self.conditional_request(url, Source(outlet.name, "sitemap", url), self._parse_sitemap)

    def _parse_sitemap(self, response: Response) -> Iterable[Request]:
        source: Source = response.meta["source"]
        if response.status == 304:
            self.crawler.stats.inc_value("rassegna/not_modified")
            return []
        if response.url.endswith("/robots.txt"):
            return [
                self.conditional_request(u, source, self._parse_sitemap)
                for u in sitemap_urls_from_robots(response.body, base_url=response.url)
            ]
        body = self._get_sitemap_body(response)
        if not body and b"<urlset" in response.body[:2000] + response.body[-200:]:
            body = response.body
        if not body:
            self.context.fail(source, response.url, "malformed_sitemap", "not a sitemap")
            return []
        try:
            sitemap = Sitemap(body)
        except (lxml.etree.XMLSyntaxError, StopIteration) as exc:
            self.context.fail(source, response.url, "malformed_sitemap", f"unreadable sitemap: {exc}")
            return []
        self.remember_validators(response, source)
        requests: list[Request] = []
        if sitemap.type == "sitemapindex":
            for entry in sitemap:
                if entry.get("loc"):
                    requests.append(self.conditional_request(entry["loc"], source, self._parse_sitemap))
        elif sitemap.type == "urlset":
            locs = [entry["loc"] for entry in sitemap if entry.get("loc")]
            dates = _news_dates(body)
            for loc in locs:
                request = self.article_request(loc, source, listed=True, hint_date=dates.get(loc))
                if request is not None:
                    requests.append(request)
        else:
            self.context.fail(source, response.url, "malformed_sitemap", f"unknown sitemap type {sitemap.type!r}")
        return requests


class PageSpider(_BaseSpider):
    """Start pages crawled within the outlet's domains down to ``max_depth`` links."""

    name = "pages"

    def __init__(self, context: CrawlContext, **kwargs: Any):
        super().__init__(context, **kwargs)
        self.extractors: dict[str, LinkExtractor] = {}

    async def start(self) -> AsyncIterator[Any]:
        """Every configured start page (fetched each time: it is where new links appear)."""
        for outlet in self.context.outlets:
            if outlet.start_urls:  # only start pages' links are followed (an extractor is some 15 KiB)
                self.extractors[outlet.name] = LinkExtractor(allow_domains=outlet.domains or (), unique=True)
            for url in outlet.start_urls:
                if self.context.claim(url, article=False):
                    meta = {"source": Source(outlet.name, "start", url), "listed": False, "page_depth": 0}
                    yield Request(url, callback=self.parse_page, errback=self.on_error, meta=meta, dont_filter=True)

    def parse_page(self, response: Response) -> Iterator[Any]:
        """A crawled page: to the pipelines, and its links within the outlet followed."""
        item = self.page_item(response)
        if item is None:
            return
        yield item
        depth = response.meta.get("page_depth", 0)
        if depth >= self.context.crawl.max_depth:
            return
        source: Source = response.meta["source"]
        extractor = self.extractors.get(source.outlet)
        if extractor is None or not isinstance(response, TextResponse):
            return
        for link in extractor.extract_links(response):
            request = self.article_request(link.url, source, listed=False, depth=depth + 1)
            if request is not None:
                yield request
