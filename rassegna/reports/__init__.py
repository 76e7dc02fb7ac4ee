"""Press reviews: build the report from the store, then write it as HTML, PDF, Markdown, XLSX or JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rassegna.reports.model import ReportData, assemble_report, build_report
from rassegna.reports.output import write_atomic

FORMATS = ("html", "pdf", "md", "xlsx", "json")

__all__ = ["FORMATS", "ReportData", "assemble_report", "build_report", "render", "write_report"]


def _renderer(fmt: str) -> Callable[[ReportData], bytes]:
    if fmt == "html":
        from rassegna.reports.html import render_html_bytes

        return render_html_bytes
    if fmt == "pdf":
        from rassegna.reports.pdf import render_pdf

        return render_pdf
    if fmt == "md":
        from rassegna.reports.markdown import render_markdown

        return render_markdown
    if fmt == "xlsx":
        from rassegna.reports.xlsx import render_xlsx

        return render_xlsx
    if fmt == "json":
        from rassegna.reports.jsonfmt import render_json

        return render_json
    raise ValueError(f"unknown report format {fmt!r}; expected one of: {', '.join(FORMATS)}")


def render(data: ReportData, fmt: str) -> bytes:
    """The report in ``fmt`` as bytes."""
    return _renderer(fmt)(data)


def write_report(data: ReportData, fmt: str, output: Path) -> Path:
    """Render the report in ``fmt`` and write it to ``output`` atomically; returns the path written."""
    content = render(data, fmt)  # render fully before touching the target
    return write_atomic(Path(output), content)
