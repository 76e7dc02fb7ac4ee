"""Downloader middleware: HTTP 429 (and 503 with Retry-After) retried after the wait the server asks for."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.http import Response


def retry_after_seconds(value: str | bytes | None, *, default: float, cap: float) -> float:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), within 0..``cap``."""
    if isinstance(value, bytes):
        value = value.decode("latin-1", errors="replace")
    seconds = default
    if value:
        value = value.strip()
        try:
            seconds = float(value)
        except ValueError:
            try:
                seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
            except (TypeError, ValueError, IndexError):
                seconds = default
    return max(0.0, min(seconds, cap))


class RetryAfterMiddleware:
    """Back off as told by Retry-After on 429/503 (capped at max_retry_after), exponentially when not told."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("RASSEGNA_MAX_RETRY_AFTER", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        """Scrapy's factory."""
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        """Delay and reissue a throttled request; pass everything else on."""
        header = response.headers.get(b"Retry-After")
        if response.status != 429 and not (response.status == 503 and header):
            return response
        spider = self.crawler.spider
        if spider is None:  # only while the engine shuts down: nothing left to retry for
            return response
        tries = request.meta.get("retry_times", 0)
        retry = get_retry_request(request, spider=spider, reason=f"http_{response.status}")
        if retry is None:
            return response
        wait = retry_after_seconds(header, default=min(self.cap, 0.5 * 2**tries), cap=self.cap)
        self.crawler.stats.inc_value("rassegna/retry_after_waits")
        if wait:
            await asyncio.sleep(wait)
        return retry

    def process_exception(self, request: Request, exception: Exception) -> Any:
        """Nothing to do for exceptions (RetryMiddleware retries them)."""
        return None
