"""The PDF press review: the HTML report laid out by WeasyPrint (page numbers, table of contents)."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Callable, Iterator
from typing import Any

from rassegna.reports.html import render_html
from rassegna.reports.model import PDF_EXCERPT_LIMIT, PDF_FULL_TEXT_LIMIT, ReportData

__all__ = ["PDF_EXCERPT_LIMIT", "PDF_FULL_TEXT_LIMIT", "RemoteFetchRefused", "data_only_fetcher", "render_pdf"]


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


@contextlib.contextmanager
def _no_full_collections() -> Iterator[None]:
    """Skip the cyclic GC's full (oldest generation) passes while WeasyPrint lays out.

    Layout keeps hundreds of thousands of boxes alive, and every full pass walks all of them: with the default
    thresholds they took 40-50% of the layout time of a 1,000-clipping report. Young generations are still
    collected, so short-lived cycles are freed; the thresholds are restored (and a full pass run) afterwards.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 1_000_000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.collect()


def render_pdf(
    data: ReportData,
    *,
    full_text_limit: int | None = PDF_FULL_TEXT_LIMIT,
    excerpt_limit: int | None = PDF_EXCERPT_LIMIT,
) -> bytes:
    """The press review as PDF bytes, from the same HTML as the HTML report.

    Above ``full_text_limit`` clippings the text chapter gives headline, excerpt and link, above ``excerpt_limit``
    only the clipping tables (see ``PDF_FULL_TEXT_LIMIT``), and the methodology box says so; None lifts a limit.
    """
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # refused fetches are expected, not noise
    html = render_html(data, full_text_limit=full_text_limit, excerpt_limit=excerpt_limit)
    with _no_full_collections():
        document = HTML(string=html, url_fetcher=data_only_fetcher(), base_url=None)
        return document.write_pdf()
