"""Render a press review in one format, and write it atomically."""

from __future__ import annotations

from pathlib import Path

from rassegna.reports.formats import format_spec
from rassegna.reports.model import PDF_EXCERPT_LIMIT, PDF_FULL_TEXT_LIMIT, ReportData
from rassegna.reports.output import write_atomic


def render(
    data: ReportData,
    fmt: str,
    *,
    pdf_full_text_limit: int | None = PDF_FULL_TEXT_LIMIT,
    pdf_excerpt_limit: int | None = PDF_EXCERPT_LIMIT,
) -> bytes:
    """The report in ``fmt`` as bytes.

    The limits apply to the PDF only: above ``pdf_full_text_limit`` clippings its text chapter gives headline,
    excerpt and link instead of the full texts, above ``pdf_excerpt_limit`` only the clipping tables (None lifts a
    limit). The HTML always has every text.
    """
    if fmt == "pdf":
        from rassegna.reports.pdf import render_pdf

        return render_pdf(data, full_text_limit=pdf_full_text_limit, excerpt_limit=pdf_excerpt_limit)
    return format_spec(fmt).renderer()(data)


def write_report(
    data: ReportData,
    fmt: str,
    output: Path,
    *,
    pdf_full_text_limit: int | None = PDF_FULL_TEXT_LIMIT,
    pdf_excerpt_limit: int | None = PDF_EXCERPT_LIMIT,
) -> Path:
    """Render the report in ``fmt`` and write it to ``output`` atomically; returns the path written."""
    content = render(data, fmt, pdf_full_text_limit=pdf_full_text_limit, pdf_excerpt_limit=pdf_excerpt_limit)
    return write_atomic(Path(output), content)  # rendered fully before the target is touched
