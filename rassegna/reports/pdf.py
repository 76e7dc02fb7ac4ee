"""The PDF press review: the HTML report laid out by WeasyPrint (page numbers, table of contents).

WeasyPrint itself, its sandboxed fetcher and the early-forked helper live in ``rassegna.pdfengine``.
"""

from __future__ import annotations

from rassegna.pdfengine import html_to_pdf
from rassegna.reports.html import render_html
from rassegna.reports.model import PDF_EXCERPT_LIMIT, PDF_FULL_TEXT_LIMIT, ReportData

__all__ = ["PDF_EXCERPT_LIMIT", "PDF_FULL_TEXT_LIMIT", "render_pdf"]


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
    return html_to_pdf(render_html(data, full_text_limit=full_text_limit, excerpt_limit=excerpt_limit))
