"""The report formats: name → renderer, file extension and media type, the one table CLI, desk and scheduler use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rassegna.domain import REPORT_FORMATS, ReportFormat

if TYPE_CHECKING:
    from rassegna.reports.model import ReportData

Renderer = Callable[["ReportData"], bytes]


# Each renderer is imported when first asked for: WeasyPrint and openpyxl take seconds to import.
def _html() -> Renderer:
    from rassegna.reports.html import render_html_bytes

    return render_html_bytes


def _pdf() -> Renderer:
    from rassegna.reports.pdf import render_pdf

    return render_pdf


def _markdown() -> Renderer:
    from rassegna.reports.markdown import render_markdown

    return render_markdown


def _xlsx() -> Renderer:
    from rassegna.reports.xlsx import render_xlsx

    return render_xlsx


def _json() -> Renderer:
    from rassegna.reports.jsonfmt import render_json

    return render_json


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """One report format: its name, the file extensions it is written with, its media type, its renderer."""

    name: ReportFormat
    extensions: tuple[str, ...]  # the first is the one files are named with
    media_type: str
    load: Callable[[], Renderer]

    @property
    def extension(self) -> str:
        """The extension reports in this format are named with (``.pdf``)."""
        return self.extensions[0]

    def renderer(self) -> Renderer:
        """The function that renders a report in this format."""
        return self.load()


FORMATS: dict[ReportFormat, FormatSpec] = {
    spec.name: spec
    for spec in (
        FormatSpec("html", (".html", ".htm"), "text/html; charset=utf-8", _html),
        FormatSpec("pdf", (".pdf",), "application/pdf", _pdf),
        FormatSpec("md", (".md", ".markdown"), "text/markdown; charset=utf-8", _markdown),
        FormatSpec("xlsx", (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _xlsx),
        FormatSpec("json", (".json",), "application/json", _json),
    )
}
assert tuple(FORMATS) == REPORT_FORMATS, "every report format has one entry, in the order of domain.ReportFormat"


def format_spec(name: str) -> FormatSpec:
    """The format called ``name``; ValueError naming the formats there are otherwise."""
    try:
        return FORMATS[name]  # type: ignore[index]
    except KeyError:
        raise ValueError(f"unknown report format {name!r}; expected one of: {', '.join(FORMATS)}") from None


def format_for_extension(suffix: str) -> FormatSpec | None:
    """The format files ending in ``suffix`` (``.PDF``, ``.md``) are written in, None when there is none."""
    suffix = suffix.lower()
    return next((spec for spec in FORMATS.values() if suffix in spec.extensions), None)
