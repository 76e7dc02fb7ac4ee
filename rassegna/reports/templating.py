"""The one Jinja2 environment of rassegna: the press review (HTML, PDF, Markdown) and the review desk.

Every template is loaded and every filter registered here, once, with one set of defaults: autoescape on for
every template (the Markdown filters return markup-safe text they escaped themselves), an undefined variable is
empty (the desk's forms rely on it), block tags take their line with them. The desk's template folder is named
by path, so the reports import nothing of the web package.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from rassegna.config.categories import CATEGORIES
from rassegna.reports.formatting import (
    audience_text,
    md_escape,
    md_highlight,
    md_link,
    paragraphs,
    safe_url,
    source_label,
    source_note,
    split_highlight,
)
from rassegna.storage.search import MARK_END, MARK_START
from rassegna.text.italian import count_of, it_date, it_month, it_number, short_date

PACKAGE = Path(__file__).resolve().parents[1]
TEMPLATE_FOLDERS = (PACKAGE / "reports" / "templates", PACKAGE / "web" / "templates")
DEFAULT_TIMEZONE = "Europe/Rome"


@pass_context
def _highlight(context: Context, text: str | None) -> Markup:
    """Escape every piece first, then wrap the campaign keywords in <mark>: crawled text never becomes markup."""
    pattern = context.get("keyword_regex")
    return Markup("").join(
        Markup("<mark>") + escape(piece) + Markup("</mark>") if hit else escape(piece)
        for piece, hit in split_highlight(text or "", pattern)
    )


@pass_context
def _md_highlight(context: Context, text: str | None) -> Markup:
    """Markdown text, escaped, with the campaign keywords in bold."""
    return Markup(md_highlight(text, context.get("keyword_regex")))


def _search_marks(value: str | None) -> Markup:
    """Escape text, then show the search engine's markers as <mark> (nothing else becomes markup)."""
    escaped = str(escape(value or ""))
    return Markup(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


@pass_context
def _local_time(context: Context, value: datetime | None) -> str:
    """A moment in the page's time zone (``timezone`` in the context, else Europe/Rome): ``18/10/2023 09:30``."""
    if value is None:
        return ""
    zone = ZoneInfo(context.get("timezone") or DEFAULT_TIMEZONE)
    return value.astimezone(zone).strftime("%d/%m/%Y %H:%M")


def _filters() -> dict[str, object]:
    return {
        # Italian numbers and dates (unknown numbers are "" unless the template says what to show).
        "num": lambda value, empty="": it_number(value, empty=empty),
        "itdate": it_date,
        "itmonth": it_month,
        "shortdate": short_date,
        "localtime": _local_time,
        "uscite": lambda count, one="uscita", many="uscite": count_of(count, one, many),
        "audience": audience_text,
        "source_label": source_label,
        "source_note": source_note,
        "category_label": lambda key: CATEGORIES.get(key, key or ""),
        # Safe rendering of crawled text: links only http(s), keywords and search hits marked after escaping.
        "safeurl": safe_url,
        "paras": paragraphs,
        "hl": _highlight,
        "highlight": _search_marks,
        # Markdown: escaped by md_escape, then marked safe so autoescape leaves it alone.
        "md": lambda text: Markup(md_escape(text)),
        "mdhl": _md_highlight,
        "mdlink": lambda url, label=None: Markup(md_link(url, label)),
    }


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment every template of rassegna is rendered with."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in TEMPLATE_FOLDERS]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(_filters())
    env.globals.update(CATEGORIES=CATEGORIES)
    return env
