"""Press reviews: build the report from the store, then write it as HTML, PDF, Markdown, XLSX or JSON.

The format table is imported at once (the CLI checks ``--format`` with it before anything else); the report model
and the renderers, which import SQLModel and the table models, when one of their names is first used (PEP 562).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from rassegna.reports.formats import FORMATS, FormatSpec, format_for_extension, format_spec

if TYPE_CHECKING:
    from rassegna.reports.model import (
        PDF_EXCERPT_LIMIT,
        PDF_FULL_TEXT_LIMIT,
        ReportData,
        assemble_report,
        build_report,
    )
    from rassegna.reports.rendering import render, write_report

_HOMES = {
    "PDF_EXCERPT_LIMIT": "model",
    "PDF_FULL_TEXT_LIMIT": "model",
    "ReportData": "model",
    "assemble_report": "model",
    "build_report": "model",
    "render": "rendering",
    "write_report": "rendering",
}

__all__ = [
    "FORMATS", "PDF_EXCERPT_LIMIT", "PDF_FULL_TEXT_LIMIT", "FormatSpec", "ReportData", "assemble_report",
    "build_report", "format_for_extension", "format_spec", "render", "write_report",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    """The model's and the renderers' names, imported when first asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
