"""Big periods: above the limit the PDF's text chapter gives headline, excerpt and link (or only the tables)."""

from __future__ import annotations

import io

import pytest

from rassegna.reports import PDF_EXCERPT_LIMIT, PDF_FULL_TEXT_LIMIT, render
from rassegna.reports.html import render_html

from .helpers import report_of, view

TAIL = "Frase conclusiva riservata al testo integrale"
TEXT = "Apertura su LgNet2 a Torino. " + "Parole di riempimento del corpo. " * 15 + "\n\n" + TAIL + "."


@pytest.fixture(scope="module")
def five():  # noqa: ANN201
    """Five clippings whose full texts end with a sentence that no excerpt reaches."""
    return report_of([view(i, text=TEXT, city="Torino") for i in range(1, 6)])


def _pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_limits_are_documented_defaults() -> None:
    assert 0 < PDF_FULL_TEXT_LIMIT < PDF_EXCERPT_LIMIT


def test_html_keeps_full_texts_whatever_the_limit(five) -> None:  # noqa: ANN001
    html = render(five, "html", pdf_full_text_limit=3).decode()
    assert html.count(TAIL) == 5
    assert 'id="pdf-limit"' not in html and "Oltre 3 uscite" not in html


def test_under_the_limit_nothing_changes(five) -> None:  # noqa: ANN001
    assert render_html(five, full_text_limit=5, excerpt_limit=5) == render_html(five)


def test_pdf_source_over_the_limit_gives_excerpts_and_says_so(five) -> None:  # noqa: ANN001
    from lxml import html as lxml_html

    page = lxml_html.fromstring(render_html(five, full_text_limit=3))
    texts = page.get_element_by_id("testi")
    assert TAIL not in texts.text_content()
    assert len(texts.xpath(".//div[@class='brief']")) == 5
    assert texts.xpath(".//div[@class='brief']//a[@href='https://example.org/1']")
    method = " ".join(page.get_element_by_id("pdf-limit").text_content().split())
    assert "Oltre 3 uscite il PDF riporta per ogni uscita titolo, estratto e link" in method
    assert "versione HTML" in method
    # the clipping tables still point at the entries of the chapter
    assert page.xpath("//table[@class='clippings']//a[@href='#c-1']")


def test_pdf_source_over_the_excerpt_limit_keeps_only_the_tables(five) -> None:  # noqa: ANN001
    from lxml import html as lxml_html

    page = lxml_html.fromstring(render_html(five, full_text_limit=2, excerpt_limit=4))
    assert "Oltre 4 uscite il PDF riporta solo le tabelle" in " ".join(page.text_content().split())
    texts = page.get_element_by_id("testi")
    assert not texts.xpath(".//div[@class='brief'] | .//article")
    assert "solo le tabelle delle uscite" in page.get_element_by_id("pdf-limit").text_content()
    # the titles in the tables link to the articles themselves, as the chapter holds no entries
    assert page.xpath("//table[@class='clippings']//a[@href='https://example.org/3']")
    assert not page.xpath("//table[@class='clippings']//a[starts-with(@href, '#c-')]")


@pytest.mark.slow
def test_pdf_over_the_limit(five) -> None:  # noqa: ANN001
    pytest.importorskip("weasyprint")
    full = _pdf_text(render(five, "pdf", pdf_full_text_limit=None))
    assert full.count(TAIL) == 5 and "Oltre" not in full
    short = _pdf_text(render(five, "pdf", pdf_full_text_limit=3))
    assert TAIL not in short
    assert short.count("Apertura su LgNet2 a Torino") == 5  # one excerpt per clipping
    assert "Oltre 3 uscite il PDF riporta per ogni uscita titolo, estratto e link" in short
    assert "il testo integrale è nella versione HTML della rassegna" in short
