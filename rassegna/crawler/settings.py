"""Scrapy settings of a crawl, all in one place, built from the configuration's CrawlSettings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rassegna.config.models import CrawlSettings, DiscoverySearch

P = "rassegna.crawler."


def scrapy_settings(crawl: CrawlSettings, searches: Iterable[DiscoverySearch] = ()) -> dict[str, Any]:
    """The Scrapy settings dict for a crawl run with ``crawl``'s politeness and limits.

    A news search with ``min_interval`` gets a download slot of its own, one request at a time, that far apart
    (GDELT asks for no more than one request every 5 seconds)."""
    slots = {
        f"discovery:{s.name}": {"concurrency": 1, "delay": s.min_interval, "randomize_delay": False}
        for s in searches
        if s.min_interval
    }
    return {
        "DOWNLOAD_SLOTS": slots,
        "BOT_NAME": "rassegna",
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots_txt,
        "ROBOTSTXT_USER_AGENT": crawl.user_agent,
        "CONCURRENT_REQUESTS": crawl.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.per_domain_concurrency,
        "DOWNLOAD_TIMEOUT": crawl.download_timeout,
        "DOWNLOAD_MAXSIZE": crawl.max_page_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "DOWNLOAD_DELAY": 0,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": crawl.retry_times,
        # 429 (and 503 with Retry-After) are retried by RetryAfterMiddleware, which waits as told.
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408],
        "RASSEGNA_MAX_RETRY_AFTER": crawl.max_retry_after,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        "AUTOTHROTTLE_START_DELAY": min(1.0, crawl.download_timeout),
        "AUTOTHROTTLE_MAX_DELAY": max(10.0, crawl.download_timeout),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(crawl.per_domain_concurrency),
        "REDIRECT_MAX_TIMES": 8,
        "DEPTH_LIMIT": 0,  # start-page depth is counted by the page spider itself
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "ERROR",
        "LOG_ENABLED": True,
        "LOG_INSTALL_ROOT_HANDLER": False,
        "HTTPPROXY_ENABLED": True,
        "DNS_TIMEOUT": min(10.0, crawl.download_timeout),
        "REACTOR_THREADPOOL_MAXSIZE": 10,
        "DOWNLOADER_MIDDLEWARES": {P + "middlewares.RetryAfterMiddleware": 560},
        "ITEM_PIPELINES": {
            P + "pipelines.ExtractPipeline": 100,
            P + "pipelines.MatchPipeline": 200,
            P + "pipelines.AnalysePipeline": 300,
            P + "pipelines.StorePipeline": 400,
        },
        "EXTENSIONS": {"scrapy.extensions.corestats.CoreStats": 0},
        "STATS_DUMP": False,
    }
