"""Each format of the reference review, read back: the summary is the agency's table, exactly."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from rassegna.reports import FORMATS, render, write_report

from .conftest import ARTIFACTS

# The agency's table (press-review-lgnet2-2023-front-matter.md): label, uscite, audience ("" = none known).
EXPECTED = [
    ("agenzie", "Agenzie", 10, None),
    ("quotidiani", "Quotidiani e quotidiani online", 20, 1641811),
    ("periodici", "Periodici e periodici online", 1, None),
    ("specializzati", "Specializzati", 0, None),
    ("radio_tv", "Radio, TV e canali online", 1, 33000),
    ("social", "Social Network", 13, 401735),
    ("portali", "Portali ed E-zine", 15, 595256),
]
EXPECTED_TEXT = [
    # unknown is not 0: "n.d."; a category without clippings has no audience to sum: "–"
    (label, str(count), ("n.d." if count else "–") if audience is None else f"{audience:,}".replace(",", "."))
    for _, label, count, audience in EXPECTED
]
CLIPPING_KEYS = {
    "id", "outlet", "category", "audience", "title", "date", "journalist", "url",
    "source", "city", "places", "figures", "quotes", "story",
}  # fmt: skip


def test_json_matches_contract(reference_report) -> None:  # noqa: ANN001
    report = json.loads(render(reference_report, "json"))
    assert report["campaign"] == "LgNet2"
    assert report["period"] == {"from": "2023-10-01", "to": "2023-12-31"}
    assert report["generated_at"] == "2023-12-14T09:30:00+01:00"
    assert [(r["category"], r["label"], r["count"], r["audience"]) for r in report["summary"]] == EXPECTED
    assert report["totals"] == {"count": 60, "audience": 2671802, "to_classify": 0}
    assert len(report["clippings"]) == 60
    for clipping in report["clippings"]:
        assert set(clipping) == CLIPPING_KEYS | {"reviewed"}  # the contract's keys plus our extension
        assert clipping["story"] is None or re.fullmatch(r"s-\d+", clipping["story"])
        assert clipping["source"] == "import"
    gipponi = next(c for c in report["clippings"] if c["outlet"] == "Dietrolanotizia.eu")
    assert gipponi["journalist"] == "A. Gipponi" and gipponi["date"] == "2023-10-26"
    messaggero = next(c for c in report["clippings"] if c["outlet"] == "Ilmessaggero.it")
    assert messaggero["audience"] == 1464811 and messaggero["category"] == "quotidiani"


def test_html_summary_and_sections(reference_report) -> None:  # noqa: ANN001
    from lxml import html as lxml_html

    page = lxml_html.fromstring(render(reference_report, "html"))
    rows = page.xpath("//table[@id='riepilogo']/tbody/tr[not(contains(@class, 'total'))]")
    assert [tuple(cell.text_content().strip() for cell in row) for row in rows] == EXPECTED_TEXT
    total = page.xpath("//table[@id='riepilogo']//tr[contains(@class, 'total')]")[0]
    assert [c.text_content().strip() for c in total] == ["Totale", "60", "2.671.802"]
    assert page.get_element_by_id("kpi-count").text_content() == "60"
    assert page.get_element_by_id("kpi-audience").text_content() == "2.671.802"
    text = page.text_content()
    assert "Ultimo aggiornamento: 14 dicembre 2023" in text
    assert "Radiomonitor" in text and "Audipress" in text
    # per category tables in date order, with the reference's columns
    for key, _label, count, _ in EXPECTED:
        tables = page.xpath(f"//table[@class='clippings'][@data-category='{key}']")
        if count == 0:
            assert not tables
            continue
        body = [r for r in tables[0].xpath("./tbody/tr") if "total" not in (r.get("class") or "")]
        assert len(body) == count
        assert [th.text_content() for th in tables[0].xpath("./thead/tr/th")] == [
            "Testata", "Audience*", "Titolo", "Data", "Giornalista",
        ]  # fmt: skip
    quotidiani = page.xpath("//table[@data-category='quotidiani']/tbody/tr")
    dietro = next(r for r in quotidiani if r[0].text_content() == "Dietrolanotizia.eu")
    assert dietro[3].text_content() == "26/10/2023" and dietro[4].text_content() == "A. Gipponi"
    # the keyword is highlighted in the texts and stories
    assert page.xpath("//mark[text()='LgNet2']")
    # nothing but our own inline style; no scripts, no remote resources
    assert not page.xpath("//script | //iframe | //img | //link | //object | //embed")
    assert len(page.xpath("//style")) == 1


def test_html_cities_timeline_and_stories(reference_report) -> None:  # noqa: ANN001
    from lxml import html as lxml_html

    page = lxml_html.fromstring(render(reference_report, "html"))
    uncovered = page.get_element_by_id("uncovered").text_content()
    for city in ("Bologna", "Firenze", "Napoli"):
        assert city in uncovered
        row = page.xpath(f"//table[@class='cities']//tr[@data-city='{city}']")[0]
        assert "uncovered" in row.get("class")
    partners = [r.get("data-city") for r in page.xpath("//table[@class='cities']/tbody/tr")]
    assert partners[:16] == [
        "Bologna", "Caserta", "Firenze", "Genova", "Latina", "Milano", "Napoli", "Palermo",
        "Perugia", "Potenza", "Roma", "Sassari", "Taranto", "Torino", "Trieste", "Bolzano",
    ]  # fmt: skip
    assert len(page.xpath("//section[@id='andamento']//svg")) == 1
    assert len(page.xpath("//section[@id='citta']//svg")) == 1
    perugia = [s for s in reference_report.stories if s.title.startswith("Perugia fra i Comuni")]
    assert perugia and perugia[0].count == 5 and len(perugia[0].outlets) == 5
    assert page.get_element_by_id(perugia[0].key) is not None
    assert reference_report.methodology.unique_stories < 60


def test_xlsx_summary_and_category_sheets(reference_report) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(render(reference_report, "xlsx")))
    sheet = book["Riepilogo"]
    header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "Categoria")
    rows = [tuple(sheet.cell(header + i, c).value for c in (1, 2, 3)) for i in range(1, 8)]
    assert rows == [
        (label, count, ("n.d." if count else None) if audience is None else audience)
        for _, label, count, audience in EXPECTED
    ]
    assert (sheet.cell(header + 8, 1).value, sheet.cell(header + 8, 2).value) == ("Totale", 60)
    assert sheet.cell(header + 8, 3).value == 2671802
    assert sheet.cell(header + 2, 3).number_format == "#,##0"
    assert book.sheetnames[0] == "Riepilogo" and len(book.sheetnames) == 8
    for (_key, label, count, audience), name in zip(EXPECTED, book.sheetnames[1:], strict=True):
        assert name == label[:31]
        category = book[name]
        assert category.cell(1, 1).value == "Testata"
        assert category.max_row == count + 2  # header, clippings, audience row
        assert category.cell(count + 2, 2).value == (("n.d." if count else None) if audience is None else audience)
        audiences = [category.cell(r, 2).value for r in range(2, count + 2)]
        assert all(a == "n.d." or isinstance(a, int) for a in audiences)  # unknown is "n.d.", never a blank


def test_markdown_summary(reference_report) -> None:  # noqa: ANN001
    text = render(reference_report, "md").decode()
    assert "| Quotidiani e quotidiani online | 20 | 1.641.811 |" in text
    assert "| Agenzie | 10 | n.d. |" in text
    assert "| **Totale** | **60** | **2.671.802** |" in text
    assert "A. Gipponi" in text and "Bologna, Firenze, Napoli" in text


def _pdf_pages_png(pdf: bytes, pages: int, folder: Path) -> list[Path]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    out = []
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(min(pages, len(document))):
        image = document[index].render(scale=1.3).to_pil()
        path = folder / f"reference-page-{index + 1}.png"
        image.save(path)
        out.append(path)
    document.close()
    return out


@pytest.mark.slow
def test_pdf_text_toc_and_pixels(reference_report) -> None:  # noqa: ANN001
    from PIL import Image, ImageStat
    from pypdf import PdfReader

    pdf = render(reference_report, "pdf")
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 8
    first = reader.pages[0].extract_text()
    for _key, label, count, audience in EXPECTED:
        line = next(line for line in first.splitlines() if line.strip().startswith(label))
        shown = ("n.d." if count else "–") if audience is None else f"{audience:,}".replace(",", ".")
        expected = f"{label} {count} {shown}"
        assert " ".join(line.split()) == expected
    assert "2.671.802" in first and "Ultimo aggiornamento: 14 dicembre 2023" in first
    # page numbers in the footer, and a table of contents pointing at real pages
    assert re.search(r"\b3 / \d+", reader.pages[2].extract_text())
    toc = reader.pages[1].extract_text()
    assert "Indice" in toc
    match = re.search(r"Copertura per città\W*(\d+)", toc)
    assert match
    assert "Copertura per città" in reader.pages[int(match.group(1)) - 1].extract_text()
    # the first pages are laid out, not blank; saved for a human to look at
    for path in _pdf_pages_png(pdf, 3, ARTIFACTS):
        with Image.open(path) as image:
            stat = ImageStat.Stat(image.convert("L"))
            assert stat.stddev[0] > 20, f"{path.name} looks blank"
            assert stat.mean[0] > 150  # mostly white paper with dark text, not a black page


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_report_every_format(reference_report, tmp_path: Path, fmt: str) -> None:  # noqa: ANN001
    if fmt == "pdf":
        pytest.importorskip("weasyprint")
    target = tmp_path / "out" / f"rassegna.{fmt}"
    assert write_report(reference_report, fmt, target) == target
    assert target.stat().st_size > 500
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp file left behind


def test_write_is_atomic(reference_report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import rassegna.reports.output as output

    target = tmp_path / "rassegna.json"
    target.write_text("previous report")

    def broken_write(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OSError("disk full")

    monkeypatch.setattr(output.os, "fsync", broken_write)
    with pytest.raises(OSError, match="disk full"):
        write_report(reference_report, "json", target)
    assert target.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["rassegna.json"]


def test_unknown_format(reference_report, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(ValueError, match="unknown report format"):
        write_report(reference_report, "docx", tmp_path / "x.docx")
    assert not list(tmp_path.iterdir())
