"""Open-world coverage, the pure part: where to look for a domain's feeds and sitemaps, and how to read
news searches (RSS/Atom search feeds and the GDELT DOC 2.0 API) into article addresses."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import feedparser

from rassegna.config.models import CrawlSettings
from rassegna.crawler.ports import OutletSources

# Query parameters in which news-search redirect wrappers carry the article address.
WRAPPER_PARAMS = ("url", "u", "q")


@dataclass(frozen=True, slots=True)
class Lead:
    """An article address a news search returned, with the date the search gives for it."""

    url: str
    published: date | None = None


def home_urls(domain: str) -> list[str]:
    """The home pages tried for a domain, in order: https bare, https www., then the same over http."""
    bare = domain.strip().lower().removeprefix("www.").rstrip("/")
    return [f"{scheme}://{host}/" for scheme in ("https", "http") for host in (bare, "www." + bare)]


def discovery_reason(found: OutletSources | None, now: datetime, crawl: CrawlSettings) -> str | None:
    """Why a domain-only outlet's home page must be read again in this run (None: what was found still holds)."""
    if found is None or found.checked_at is None:
        return "never looked for"
    if not found.sources:
        return "nothing found last time"
    checked = found.checked_at if found.checked_at.tzinfo else found.checked_at.replace(tzinfo=now.tzinfo)
    if now - checked >= timedelta(days=crawl.rediscover_days):
        return f"last looked for {crawl.rediscover_days} or more days ago"
    failing = [s.url for s in found.sources if s.failures >= crawl.rediscover_after_failures]
    if failing:
        return f"{failing[0]} failed {crawl.rediscover_after_failures} runs in a row"
    return None


def preferred_sitemaps(urls: list[str]) -> list[str]:
    """News sitemaps when the site has any (a whole archive is not news), else every sitemap found."""
    urls = list(dict.fromkeys(urls))
    news = [u for u in urls if "news" in urlsplit(u).path.lower()]
    return news or urls


def search_url(template: str, keywords: list[str], kind: str) -> str:
    """The request URL of a news search for a campaign: ``{query}`` = keywords joined by `` OR ``, URL-encoded.

    GDELT accepts OR only inside parentheses, and parentheses only around OR."""
    query = " OR ".join(keywords)
    if kind == "gdelt" and len(keywords) > 1:
        query = f"({query})"
    return template.replace("{query}", quote(query, safe=""))


def _absolute_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def unwrap(link: str, service_host: str) -> str | None:
    """The article address behind a search result link, never requesting the link; None to ignore it.

    A link carrying an absolute http(s) address in ``url``, ``u`` or ``q`` is a redirect wrapper: the address
    is taken from it. A link on the search service's own host with no such parameter is a wrapper that cannot
    be unwrapped without asking the service (Google News' ``/rss/articles/<id>``): ignored."""
    link = (link or "").strip()
    if not _absolute_http(link):
        return None
    parts = urlsplit(link)
    params = parse_qs(parts.query)
    for name in WRAPPER_PARAMS:
        for value in params.get(name, []):
            if _absolute_http(value.strip()):
                return value.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    service = service_host.lower().removeprefix("www.")
    if service and (host == service or host.endswith("." + service)):
        return None
    return link


def struct_date(value: Any) -> date | None:
    """The date of a feedparser ``*_parsed`` value, or None when it is absent or impossible."""
    if isinstance(value, time.struct_time):
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    return None


def rss_leads(body: bytes, content_type: str | None, service_url: str) -> list[Lead]:
    """The article addresses of an RSS/Atom search feed; ValueError when the body is no feed."""
    parsed = feedparser.parse(body, response_headers={"content-type": content_type or "application/xml"})
    is_feed = bool(parsed.get("version")) or bool(parsed.entries)
    if not is_feed:
        reason = parsed.get("bozo_exception") or "no RSS or Atom document"
        raise ValueError(f"not an RSS/Atom feed: {reason}")
    host = urlsplit(service_url).hostname or ""
    leads = []
    for entry in parsed.entries:
        links = [entry.get("link")] + [ln.get("href") for ln in entry.get("links", [])]
        for link in links:
            url = unwrap(link or "", host)
            if url:
                leads.append(Lead(url, struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))))
                break
    return leads


def gdelt_leads(body: bytes) -> list[Lead]:
    """The article addresses of a GDELT DOC 2.0 ``artlist`` JSON answer; ValueError when it is not one.

    GDELT answers ``{}`` when nothing matches, and a line of plain text when it rejects the query."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        text = body[:200].decode("utf-8", errors="replace").strip()
        raise ValueError(f"not GDELT JSON ({exc.__class__.__name__}): {text!r}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"not GDELT JSON: a {type(data).__name__} instead of an object")
    articles = data.get("articles", [])
    if not isinstance(articles, list):
        raise ValueError("not GDELT JSON: 'articles' is not a list")
    leads = []
    for article in articles:
        if not isinstance(article, dict) or not isinstance(article.get("url"), str):
            continue
        url = article["url"].strip()
        if not _absolute_http(url):
            continue
        seen = article.get("seendate")
        published = None
        if isinstance(seen, str) and len(seen) >= 8:
            try:
                published = datetime.strptime(seen[:8], "%Y%m%d").date()
            except ValueError:
                published = None
        leads.append(Lead(url, published))
    return leads


def feed_links(html: str, page_url: str) -> list[str]:
    """Feeds a home page announces (``<link rel="alternate">``, else feed-like links), by trafilatura."""
    from trafilatura.feeds import FeedParameters, determine_feed

    host = urlsplit(page_url).hostname or ""
    base = f"{urlsplit(page_url).scheme}://{host}"
    params = FeedParameters(base, host, page_url)
    return [u for u in determine_feed(html, params) if _absolute_http(u)]
