"""The pure part of open-world coverage: home pages to try, when to look again, reading news searches."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from rassegna.config.models import CrawlSettings, DiscoverySearch
from rassegna.crawler.discovery import (
    discovery_reason,
    feed_links,
    gdelt_leads,
    home_urls,
    preferred_sitemaps,
    rss_leads,
    search_url,
    unwrap,
)
from rassegna.crawler.ports import FoundSource, OutletSources
from rassegna.crawler.urls import site_domain
from rassegna.simweb.pages import rss

NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)


def test_home_pages_https_first_then_www_then_http() -> None:
    assert home_urls("www.esempio.it") == [
        "https://esempio.it/",
        "https://www.esempio.it/",
        "http://esempio.it/",
        "http://www.esempio.it/",
    ]


def test_when_to_look_again() -> None:
    crawl = CrawlSettings(rediscover_days=7, rediscover_after_failures=3)
    feed = FoundSource("feed", "http://esempio.it/feed/", NOW - timedelta(days=2))
    assert discovery_reason(None, NOW, crawl) == "never looked for"
    assert discovery_reason(OutletSources(NOW - timedelta(days=1), []), NOW, crawl)  # nothing found: try again
    assert discovery_reason(OutletSources(NOW - timedelta(days=1), [feed]), NOW, crawl) is None
    assert "days" in discovery_reason(OutletSources(NOW - timedelta(days=7), [feed]), NOW, crawl)
    failing = FoundSource("feed", "http://esempio.it/feed/", NOW, failures=3)
    assert "3 runs" in discovery_reason(OutletSources(NOW, [failing]), NOW, crawl)


def test_news_sitemaps_preferred_over_a_whole_archive() -> None:
    urls = ["http://a.it/sitemap.xml", "http://a.it/sitemap-news.xml", "http://a.it/sitemap.xml"]
    assert preferred_sitemaps(urls) == ["http://a.it/sitemap-news.xml"]
    assert preferred_sitemaps(["http://a.it/sitemap.xml"] * 2) == ["http://a.it/sitemap.xml"]


def test_search_url_encodes_the_keywords_joined_by_or() -> None:
    template = "https://news.example/search?q={query}&format=rss"
    assert search_url(template, ["LgNet2", "LgNetEA"], "rss") == (
        "https://news.example/search?q=LgNet2%20OR%20LgNetEA&format=rss"
    )
    gdelt = "https://api.gdeltproject.org/api/v2/doc/doc?query={query}%20sourcecountry:italy&mode=artlist"
    assert "query=%28LgNet2%20OR%20LgNetEA%29%20sourcecountry" in search_url(gdelt, ["LgNet2", "LgNetEA"], "gdelt")
    assert "query=LGNet3%20" in search_url(gdelt, ["LGNet3"], "gdelt")  # GDELT rejects () around one term


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("https://www.esempio.it/a.html", "https://www.esempio.it/a.html"),
        (
            "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=1&url=https%3a%2f%2fwww.esempio.it%2fa.html&c=2",
            "https://www.esempio.it/a.html",
        ),
        ("https://r.example/redirect?u=http%3A%2F%2Fesempio.it%2Fb", "http://esempio.it/b"),
        ("https://www.google.com/url?q=https://esempio.it/c&sa=U", "https://esempio.it/c"),
        ("https://news.google.com/rss/articles/CBMiQWh0dHBz?oc=5", None),  # cannot be unwrapped: ignored
        ("https://www.bing.com/news/apiclick.aspx?url=javascript:alert(1)", None),
        ("javascript:alert(1)", None),
        ("/relative/path.html", None),
        ("ftp://esempio.it/file", None),
    ],
)
def test_unwrap(link: str, expected: str | None) -> None:
    service = "news.google.com" if "google.com/rss" in link else "bing.com" if "bing" in link else "search.test"
    assert unwrap(link, service) == expected


def test_rss_leads_and_garbage() -> None:
    body = rss(
        "ricerca",
        "http://s.test",
        [
            ("http://s.test/click?url=http%3A%2F%2Fwww.a.test%2Fx.html", "a", date(2023, 10, 18)),
            ("http://www.b.test/y.html", "b", None),
            ("http://s.test/rss/articles/XYZ", "c", None),
        ],
    )
    leads = rss_leads(body.encode(), "application/rss+xml", "http://s.test/rss?q=x")
    assert [(lead.url, lead.published) for lead in leads][:1] == [("http://www.a.test/x.html", date(2023, 10, 18))]
    assert [lead.url for lead in leads] == ["http://www.a.test/x.html", "http://www.b.test/y.html"]
    with pytest.raises(ValueError, match="not an RSS/Atom feed"):
        rss_leads(b"<html><body>manutenzione</body></html>", "text/html", "http://s.test/")


def test_gdelt_leads_and_garbage() -> None:
    body = {
        "articles": [
            {"url": "https://www.esempio.it/a", "seendate": "20231018T101500Z", "domain": "esempio.it"},
            {"url": "mailto:x@esempio.it"},
            {"title": "no url"},
            "garbage",
        ]
    }
    leads = gdelt_leads(json.dumps(body).encode())
    assert [(lead.url, lead.published) for lead in leads] == [("https://www.esempio.it/a", date(2023, 10, 18))]
    assert gdelt_leads(b"{}") == []  # GDELT's answer when nothing matches
    with pytest.raises(ValueError, match="too short"):
        gdelt_leads(b"The specified phrase is too short.")
    with pytest.raises(ValueError):
        gdelt_leads(b'{"articles": 3}')


def test_feed_links_from_a_home_page() -> None:
    html = (
        "<html><head><link rel='alternate' type='application/rss+xml' href='/feed/'>"
        "<link rel='alternate' type='application/rss+xml' href='/comments/feed/'></head><body></body></html>"
    )
    assert feed_links(html, "http://www.esempio.it/") == ["http://www.esempio.it/feed/"]


def test_unknown_outlets_are_named_after_their_domain() -> None:
    assert site_domain("https://www.esempio.it/a") == "esempio.it"
    assert site_domain("https://m.esempio.it/a") == "esempio.it"
    assert site_domain("https://www.comune.roma.it/") == "comune.roma.it"  # roma.it is a public suffix
    assert site_domain("http://www.nuovosito.test/x") == "nuovosito.test"


def test_discovery_config_is_checked() -> None:
    with pytest.raises(ValueError, match="query"):
        DiscoverySearch(name="x", kind="rss", url="https://news.example/rss")
    with pytest.raises(ValueError, match="absolute"):
        DiscoverySearch(name="x", kind="gdelt", url="news.example/?q={query}")


def test_bundled_discovery_entries(settings) -> None:
    kinds = {d.kind for d in settings.discovery}
    assert kinds == {"rss", "gdelt"}
    gdelt = next(d for d in settings.discovery if d.kind == "gdelt")
    assert gdelt.min_interval >= 5  # GDELT asks for one request every 5 seconds at most
    assert "sourcecountry" in gdelt.url
