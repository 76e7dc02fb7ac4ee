"""Spiders of the open world: the feeds and sitemaps of outlets known only by their domain, and news searches.

Both run inside Scrapy like the other families, so proxies, robots.txt, retries, Retry-After and throttling
apply to them too."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

import feedparser
import lxml.etree
from scrapy import Request
from scrapy.http import Response, TextResponse
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from rassegna.crawler.context import Finding
from rassegna.crawler.discovery import feed_links, gdelt_leads, home_urls, preferred_sitemaps, rss_leads
from rassegna.crawler.ports import FoundSource, OutletSources, Source
from rassegna.crawler.spiders import SitemapSpider, _BaseSpider, classify_failure


def _without_www(url: str) -> str:
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.removeprefix("www.")).geturl()


class SourceFinderSpider(SitemapSpider):
    """Reads the home page of each domain-only outlet due for it (https, www., then http) for feeds, and its
    robots.txt and /sitemap.xml for sitemaps; keeps the candidates that really are feeds or sitemaps."""

    name = "sources"

    async def start(self) -> AsyncIterator[Any]:
        """The first home page of every outlet due (its other domains too)."""
        for outlet in self.context.outlets:
            if outlet.name not in self.context.to_discover:
                continue
            for domain in outlet.domains:
                homes = home_urls(domain)
                self.context.finding.setdefault(f"{outlet.name}\n{domain}", Finding(home=homes[0]))
                yield self._home(outlet.name, domain, 0)

    def _home(self, outlet: str, domain: str, attempt: int) -> Request:
        homes = home_urls(domain)
        meta = {
            "source": Source(outlet, "home", homes[0]),
            "finding": f"{outlet}\n{domain}",
            "attempt": attempt,
            "dont_retry": attempt < len(homes) - 1,  # the next form of the address is the retry
        }
        return Request(homes[attempt], callback=self.parse_home, errback=self.home_failed, meta=meta, dont_filter=True)

    def _next_home(self, meta: dict[str, Any], url: str, why: str) -> Iterator[Request]:
        finding = self.context.finding[meta["finding"]]
        finding.tried.append(f"{url}: {why}")
        attempt = meta["attempt"] + 1
        outlet, domain = meta["finding"].split("\n", 1)
        if attempt < len(home_urls(domain)):
            yield self._home(outlet, domain, attempt)

    def home_failed(self, failure: Failure) -> Iterator[Request]:
        """A home page that did not answer: the next form of the address."""
        request = failure.request  # type: ignore[attr-defined]
        classified = classify_failure(failure)
        why = f"{classified[0]} ({classified[1][:200]})" if classified else "forbidden by robots.txt"
        yield from self._next_home(request.meta, request.url, why)

    def parse_home(self, response: Response) -> Iterator[Request]:
        """The home page: feeds it announces; robots.txt and /sitemap.xml of the host that answered."""
        meta = response.meta
        if not isinstance(response, TextResponse):
            yield from self._next_home(meta, response.url, "not an HTML page")
            return
        finding = self.context.finding[meta["finding"]]
        finding.reached = response.url
        parts = urlsplit(response.url)
        base = f"{parts.scheme}://{parts.netloc}"
        candidates = [(url, "feed") for url in feed_links(response.text, response.url)]
        candidates.append((base + "/sitemap.xml", "sitemap"))
        for url, kind in candidates:
            yield self._candidate(url, kind, meta)
        yield Request(
            base + "/robots.txt",
            callback=self.parse_robots,
            errback=self.candidate_failed,
            meta={**meta, "candidate": "robots"},
            dont_filter=True,
        )

    def _candidate(self, url: str, kind: str, meta: dict[str, Any]) -> Request:
        return Request(
            url,
            callback=self.parse_candidate,
            errback=self.candidate_failed,
            meta={**meta, "candidate": kind},
            dont_filter=True,
        )

    def parse_robots(self, response: Response) -> Iterator[Request]:
        """robots.txt ``Sitemap:`` lines, each checked."""
        guessed = response.url.removesuffix("/robots.txt") + "/sitemap.xml"  # already asked for
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if url.startswith(("http://", "https://")) and url != guessed:
                yield self._candidate(url, "sitemap", response.meta)

    def parse_candidate(self, response: Response) -> None:
        """Keep a candidate that is what it claims: a readable feed, or a sitemap (index)."""
        finding = self.context.finding[response.meta["finding"]]
        url = response.url  # after redirects: a feed that moved is kept at its new address
        if response.meta["candidate"] == "feed":
            content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
            parsed = feedparser.parse(
                response.body, response_headers={"content-type": content_type or "application/xml"}
            )
            if (parsed.get("version") or parsed.entries) and url not in finding.feeds:
                finding.feeds.append(url)
            return
        body = self._get_sitemap_body(response)
        if not body and b"<urlset" in response.body[:2000]:
            body = response.body
        try:
            kind = Sitemap(body).type if body else None
        except (lxml.etree.XMLSyntaxError, StopIteration, ValueError):
            kind = None
        if kind in ("urlset", "sitemapindex") and url not in finding.sitemaps:
            finding.sitemaps.append(url)

    def candidate_failed(self, failure: Failure) -> None:
        """A guessed address that is not there (no /sitemap.xml, no robots.txt): nothing to record."""
        self.crawler.stats.inc_value("rassegna/source_candidates_missing")

    def closed(self, reason: str) -> None:
        """What each outlet's search found becomes its sources; an outlet with none is a recorded fault."""
        now = datetime.now(UTC)
        by_outlet: dict[str, list[Finding]] = {}
        for key, finding in self.context.finding.items():
            by_outlet.setdefault(key.split("\n", 1)[0], []).append(finding)
        for outlet, findings in by_outlet.items():
            source = Source(outlet, "home", findings[0].home)
            previous = {s.url: s for s in (self.context.found.get(outlet) or OutletSources()).sources}
            sources: list[FoundSource] = []
            seen: set[tuple[str, str]] = set()
            for f in findings:
                kinds: tuple[tuple[Literal["feed", "sitemap"], list[str]], ...] = (
                    ("feed", f.feeds),
                    ("sitemap", preferred_sitemaps(f.sitemaps)),
                )
                for kind, urls in kinds:
                    for url in urls:
                        source_key = (kind, _without_www(url))  # http://a.it/x and http://www.a.it/x: one source
                        if source_key not in seen:
                            seen.add(source_key)
                            sources.append(FoundSource(kind, url, previous[url].found_at if url in previous else now))
            if sources:
                self.context.found[outlet] = OutletSources(checked_at=now, sources=sources)
                self.context.count(source, "pages", len(findings))
                continue
            reached = [f.reached for f in findings if f.reached]
            if reached:
                self.context.found[outlet] = OutletSources(checked_at=now, sources=[])
                message = f"no feed or sitemap found from {', '.join(reached)} (its links, robots.txt, /sitemap.xml)"
                self.context.fail(source, reached[0], "no_source", message)
            else:  # unreachable: keep what an earlier run found, and look again next time
                tried = "; ".join(t for f in findings for t in f.tried)
                self.context.fail(source, source.url, "no_source", f"home page unreachable: {tried}")


class SearchSpider(_BaseSpider):
    """News searches (config ``discovery:``): every address they return is fetched and judged like any page."""

    name = "search"

    async def start(self) -> AsyncIterator[Any]:
        """One request per search and campaign; a search with ``min_interval`` gets its own paced slot."""
        for search, url in self.context.searches:
            meta: dict[str, Any] = {
                "source": Source(search.name, "discovery", url),
                "search": search,
                "download_timeout": search.timeout or self.context.crawl.download_timeout,
            }
            if search.min_interval:
                meta["download_slot"] = f"discovery:{search.name}"
                meta["autothrottle_dont_adjust_delay"] = True
            yield Request(url, callback=self.parse_search, errback=self.search_failed, meta=meta, dont_filter=True)

    def parse_search(self, response: Response) -> Iterator[Request]:
        """The search's answer read into article addresses (garbage is a recorded fault of the search)."""
        source: Source = response.meta["source"]
        search = response.meta["search"]
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        try:
            if search.kind == "gdelt":
                leads = gdelt_leads(response.body)
            else:
                leads = rss_leads(response.body, content_type or None, response.url)
        except ValueError as exc:
            self.context.fail(source, response.url, "malformed_discovery", str(exc))
            return
        self.crawler.stats.inc_value("rassegna/search_leads", len(leads))
        for lead in leads:
            request = self.article_request(lead.url, source, listed=True, hint_date=lead.published)
            if request is not None:
                yield request

    def search_failed(self, failure: Failure) -> None:
        """A search that failed, timed out, was throttled past its retries or is forbidden by robots.txt."""
        request = failure.request  # type: ignore[attr-defined]
        classified = classify_failure(failure) or ("robots", "forbidden by the service's robots.txt")
        self.context.fail(request.meta.get("source"), request.url, *classified)
