"""The HTML press review: one Jinja2 environment (autoescape on), CSS inline, charts as inline SVG."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from rassegna.reports import charts
from rassegna.reports.formatting import (
    count_of,
    it_date,
    it_month,
    it_number,
    paragraphs,
    safe_url,
    short_date,
    split_highlight,
)
from rassegna.reports.model import AUDIENCE_SOURCES, PDF_FINDINGS_PER_CITY, AudienceNote, ReportData

TEMPLATES = Path(__file__).with_name("templates")

FOOTNOTE = (
    "*I risultati sono sottostimati perché calcolati solo sulla base delle seguenti fonti certificate: "
    "per quotidiani e periodici: Audipress; per siti web: Audiweb (utenti unici giornalieri); "
    "per radio e tv: Auditel e Radiomonitor."
)


@pass_context
def _highlight(context: Context, text: str | None) -> Markup:
    """Escape every piece first, then wrap the keywords in <mark>: crawled text never becomes markup."""
    pattern = context.get("keyword_regex")
    return Markup("").join(
        Markup("<mark>") + escape(piece) + Markup("</mark>") if hit else escape(piece)
        for piece, hit in split_highlight(text or "", pattern)
    )


def audience_text(value: int | None, count: int) -> str:
    """An audience total: the figure, "n.d." when clippings exist but none has a known audience, "–" for none."""
    if value is not None:
        return it_number(value)
    return "n.d." if count else "–"


def source_label(source: str | None) -> str:
    """The audience source's full name ("" when unknown)."""
    if not source:
        return ""
    return AUDIENCE_SOURCES.get(source.strip().casefold(), source)


def source_note(note: AudienceNote) -> str:
    """Source and month of an audience figure, only what is known: "Audiweb (…), ottobre 2023"."""
    return ", ".join(part for part in (source_label(note.source), it_month(note.measured_on)) if part)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja2 environment of the reports (autoescape on for every template)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters.update(
        num=lambda value, empty="": it_number(value, empty=empty),
        itdate=it_date,
        itmonth=it_month,
        shortdate=short_date,
        uscite=lambda count, one="uscita", many="uscite": count_of(count, one, many),
        audience=audience_text,
        source_note=source_note,
        safeurl=safe_url,
        paras=paragraphs,
        source_label=source_label,
        hl=_highlight,
    )
    return env


def _css() -> Markup:
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    return Markup(css.replace("</", "<\\/"))  # our own file; never able to close the <style> element


def _pdf_texts(clippings: int, full_text_limit: int | None, excerpt_limit: int | None) -> str:
    """What the PDF's text chapter holds for this many clippings: "full", "excerpts" or "tables"."""
    if full_text_limit is None or clippings <= full_text_limit:
        return "full"
    if excerpt_limit is None or clippings <= excerpt_limit:
        return "excerpts"
    return "tables"


PDF_TEXTS_LABELS = {
    "excerpts": "per ogni uscita titolo, estratto e link",
    "tables": "solo le tabelle delle uscite, con il link a ciascun articolo",
}


def render_html(data: ReportData, *, full_text_limit: int | None = None, excerpt_limit: int | None = None) -> str:
    """The press review as one self-contained HTML document (the HTML report, and the PDF's source).

    For the PDF: above ``full_text_limit`` clippings the text chapter gives headline, excerpt and link, above
    ``excerpt_limit`` nothing but a note (the clipping tables link to the articles); the city chapter then lists a
    few figures and quotes per city, and the methodology box says so. None keeps everything.
    """
    pdf_texts = _pdf_texts(len(data.clippings), full_text_limit, excerpt_limit)
    city_rows = [(c.city, c.count, c.partner and not c.covered) for c in data.cities if c.partner or c.count]
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            r=data,
            keyword_regex=data.keyword_regex,
            css=_css(),
            footnote=FOOTNOTE,
            city_chart=charts.bar_chart(city_rows, label="Uscite per città") if city_rows else Markup(""),
            timeline_chart=charts.timeline_chart(data.timeline, data.timeline_unit),
            pdf_texts=pdf_texts,
            pdf_texts_label=PDF_TEXTS_LABELS.get(pdf_texts, ""),
            pdf_limit=excerpt_limit if pdf_texts == "tables" else full_text_limit,
            findings_per_city=None if pdf_texts == "full" else PDF_FINDINGS_PER_CITY,
            without_text=[c for c in data.clippings if not c.view.text],
        )
    )


def render_html_bytes(data: ReportData) -> bytes:
    """The HTML report as UTF-8 bytes."""
    return render_html(data).encode("utf-8")
