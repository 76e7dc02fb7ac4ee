"""The PDF press review: the HTML report laid out by WeasyPrint (page numbers, table of contents)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from rassegna.reports.html import render_html
from rassegna.reports.model import ReportData


class RemoteFetchRefused(ValueError):
    """WeasyPrint asked for a resource the report may not fetch (anything but a data: URI)."""


def _refuse(url: str) -> RemoteFetchRefused:
    return RemoteFetchRefused(f"rassegna reports fetch nothing: refused {url[:200]!r}")


def data_only_fetcher() -> Callable[..., Any]:
    """A WeasyPrint URL fetcher serving data: URIs only (http, https, file, ftp... are all refused)."""
    try:
        from weasyprint.urls import URLFetcher  # WeasyPrint >= 70
    except ImportError:  # pragma: no cover - WeasyPrint 62-69: fetchers are plain functions
        from weasyprint.urls import default_url_fetcher

        def fetcher(url: str, timeout: float = 10, ssl_context: object = None) -> dict:
            if not url.lower().startswith("data:"):
                raise _refuse(url)
            return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)

        return fetcher

    class DataOnlyFetcher(URLFetcher):
        """URLFetcher that refuses everything but data: URIs."""

        def fetch(self, url: str, headers: dict | None = None) -> Any:
            if not url.lower().startswith("data:"):
                raise _refuse(url)
            return super().fetch(url, headers)

    return DataOnlyFetcher(allowed_protocols=("data",), allow_redirects=False)


def render_pdf(data: ReportData) -> bytes:
    """The press review as PDF bytes, from the same HTML as the HTML report."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # refused fetches are expected, not noise
    document = HTML(string=render_html(data), url_fetcher=data_only_fetcher(), base_url=None)
    return document.write_pdf()
