"""The HTML press review (and the PDF's source): the one Jinja2 environment, CSS inline, charts as inline SVG."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from rassegna.reports import charts
from rassegna.reports.formatting import FOOTNOTE
from rassegna.reports.model import PDF_FINDINGS_PER_CITY, ReportData
from rassegna.reports.templating import environment

TEMPLATES = Path(__file__).with_name("templates")


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
