"""The Markdown press review: the template ``report.md.j2`` in the one Jinja environment.

Crawled text reaches the page only through the Markdown filters (escaped, links only http(s)); see
``rassegna.reports.formatting.md_escape``.
"""

from __future__ import annotations

import re
from typing import Any

from rassegna.reports.formatting import FOOTNOTE
from rassegna.reports.model import ReportData
from rassegna.reports.templating import environment

TEMPLATE = "report.md.j2"
_BLANK_RUNS = re.compile(r"\n{3,}")


def markdown_context(data: ReportData) -> dict[str, Any]:
    """What the template is given: the review, its keywords (to put in bold), and the clippings without text."""
    return {
        "r": data,
        "keyword_regex": data.keyword_regex,
        "footnote": FOOTNOTE,
        "without_text": [c for c in data.clippings if not c.view.text],
    }


def tidy(text: str) -> str:
    """One blank line between blocks at most, none at the end: the template may leave more, Markdown ignores them."""
    return _BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"


def render_markdown_text(data: ReportData) -> str:
    """The press review as Markdown text."""
    return tidy(environment().get_template(TEMPLATE).render(markdown_context(data)))


def render_markdown(data: ReportData) -> bytes:
    """The press review as Markdown (UTF-8)."""
    return render_markdown_text(data).encode("utf-8")
