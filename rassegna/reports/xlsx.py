"""The XLSX press review: a summary sheet plus one sheet per category, audience as numbers."""

from __future__ import annotations

import io
import re
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from rassegna.reports.formatting import FOOTNOTE, safe_url
from rassegna.reports.model import ReportClipping, ReportData
from rassegna.text.italian import count_of, it_date

# Thousands grouping: Excel and LibreOffice show it with the reader's locale, i.e. 1.641.811 in Italian.
NUMBER_FORMAT = "#,##0"
DATE_FORMAT = "DD/MM/YYYY"
HEADER_FILL = PatternFill("solid", fgColor="1F5D99")
HEADER_FONT = Font(bold=True, color="FFFFFF")
BOLD = Font(bold=True)
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


# What a cell may hold: text, a number, a date, or nothing.
CellValue = str | int | float | date | None


def _put(sheet: Worksheet, row: int, column: int, value: CellValue, *, number: bool = False) -> Cell:
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell), "cells are written before any merge"
    if isinstance(value, str):
        # Crawled text is data, never a formula: strip what XML cannot hold and force the string type.
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
    if number:
        cell.number_format = NUMBER_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    return cell


def _audience(sheet: Worksheet, row: int, column: int, value: int | None, count: int = 1) -> Cell:
    """An audience as a number; "n.d." (text, which SUM skips) when unknown, empty when nothing is counted."""
    if value is None:
        cell = _put(sheet, row, column, "n.d." if count else None)
        cell.alignment = Alignment(horizontal="right")
        return cell
    return _put(sheet, row, column, value, number=True)


def _header(sheet: Worksheet, row: int, names: list[str]) -> None:
    for column, name in enumerate(names, start=1):
        cell = _put(sheet, row, column, name)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _summary_sheet(sheet: Worksheet, data: ReportData) -> None:
    sheet.title = "Riepilogo"
    title = f"Rassegna stampa {data.campaign}"
    if data.cover.client_name:
        title = f"{title} · {data.cover.client_name}"
    _put(sheet, 1, 1, title).font = Font(bold=True, size=14)
    _put(sheet, 2, 1, f"Periodo: dal {it_date(data.start)} al {it_date(data.end)}")
    _put(sheet, 3, 1, f"Ultimo aggiornamento: {it_date(data.generated_at.date())}")
    _put(sheet, 5, 1, "Numero Uscite").font = BOLD
    _put(sheet, 5, 2, data.summary.count, number=True)
    _put(sheet, 6, 1, "Audience Totale*").font = BOLD
    _audience(sheet, 6, 2, data.summary.audience, data.summary.count)
    _put(sheet, 7, 1, "Storie uniche").font = BOLD
    _put(sheet, 7, 2, data.methodology.unique_stories, number=True)
    first = 9
    _header(sheet, first, ["Categoria", "Numero Uscite", "Audience*"])
    row = first
    for row, total in enumerate(data.summary.rows, start=first + 1):  # noqa: B007 - row used after the loop
        _put(sheet, row, 1, total.label)
        _put(sheet, row, 2, total.count, number=True)
        _audience(sheet, row, 3, total.audience, total.count)
    row += 1
    _put(sheet, row, 1, "Totale").font = BOLD
    _put(sheet, row, 2, data.summary.count, number=True).font = BOLD
    _audience(sheet, row, 3, data.summary.audience, data.summary.count).font = BOLD
    if data.unclassified:
        row += 1
        _put(sheet, row, 1, "Da classificare (non nei totali)")
        _put(sheet, row, 2, len(data.unclassified), number=True)
    _put(sheet, row + 2, 1, FOOTNOTE).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=row + 2, start_column=1, end_row=row + 2, end_column=3)
    sheet.row_dimensions[row + 2].height = 45
    first = row + 4
    for offset, period in enumerate(data.methodology.source_health):  # sources that were unhealthy
        _put(sheet, first + offset, 1, f"{period.display} ({period.kind}: {period.url}).")
    row = _cities_table(sheet, data, first + len(data.methodology.source_health) + 1)
    _timeline_table(sheet, data, row + 2)
    _widths(sheet, [38, 16, 16, 12])


def _cities_table(sheet: Worksheet, data: ReportData, first: int) -> int:
    """Coverage by city, as every format gives it (partner cities first); returns the last row written."""
    _put(sheet, first, 1, "Copertura per città").font = BOLD
    _header(sheet, first + 1, ["Città", "Uscite", "Audience*", "Partner"])
    row = first + 1
    for row, city in enumerate(data.cities, start=first + 2):  # noqa: B007 - row used after the loop
        _put(sheet, row, 1, city.city)
        _put(sheet, row, 2, city.count, number=True)
        _audience(sheet, row, 3, city.audience, city.count)
        _put(sheet, row, 4, "sì" if city.partner else "no")
    return row


def _timeline_table(sheet: Worksheet, data: ReportData, first: int) -> int:
    """Clippings by day or week (from Monday), as the other formats chart them; returns the last row written."""
    unit = "giorno" if data.timeline_unit == "day" else "settimana"
    _put(sheet, first, 1, f"Andamento nel tempo (per {unit})").font = BOLD
    _header(sheet, first + 1, ["Dal", "Al", "Uscite", "Audience*"])
    row = first + 1
    for row, point in enumerate(data.timeline, start=first + 2):  # noqa: B007 - row used after the loop
        _put(sheet, row, 1, point.start)
        _put(sheet, row, 2, point.end)
        _put(sheet, row, 3, point.count, number=True)
        _audience(sheet, row, 4, point.audience, point.count)
    return row


def _sheet_name(label: str, used: set[str]) -> str:
    name = _SHEET_FORBIDDEN.sub(" ", label)[:31].strip() or "Categoria"
    base, n = name, 2
    while name.casefold() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.casefold())
    return name


def _clipping_rows(sheet: Worksheet, clippings: list[ReportClipping]) -> int:
    """The clippings' table from row 1 (header); returns the last row written."""
    _header(sheet, 1, ["Testata", "Audience*", "Titolo", "Data", "Giornalista", "Città", "Storia", "Link"])
    row = 1
    for row, item in enumerate(clippings, start=2):  # noqa: B007 - row used after the loop
        v = item.view
        _put(sheet, row, 1, v.outlet)
        _audience(sheet, row, 2, v.audience)
        _put(sheet, row, 3, f"{v.title} [non revisionato]" if item.unreviewed else v.title)
        _put(sheet, row, 4, v.date)
        _put(sheet, row, 5, item.journalist_short or None)
        _put(sheet, row, 6, item.city)
        _put(sheet, row, 7, item.story_key)
        link = safe_url(v.url)
        if link:
            cell = _put(sheet, row, 8, link)
            cell.hyperlink = link
        elif v.url:
            _put(sheet, row, 8, v.url)
    sheet.freeze_panes = "A2"
    _widths(sheet, [32, 13, 70, 12, 16, 14, 9, 40])
    return row


def _category_sheet(sheet: Worksheet, data: ReportData, index: int) -> None:
    section = data.sections[index]
    row = _clipping_rows(sheet, section.clippings) + 1
    _put(sheet, row, 1, "Audience").font = BOLD
    _audience(sheet, row, 2, section.audience, section.count).font = BOLD
    _put(sheet, row, 3, count_of(section.count)).font = BOLD


def _to_classify_sheet(sheet: Worksheet, data: ReportData) -> None:
    row = _clipping_rows(sheet, data.unclassified) + 2
    note = (
        f"{count_of(len(data.unclassified)).capitalize()} di testate da classificare: non sono comprese nei "
        "totali finché in redazione non si assegna alla testata una categoria."
    )
    _put(sheet, row, 1, note).font = BOLD


def render_xlsx(data: ReportData) -> bytes:
    """The press review as an XLSX workbook."""
    book = Workbook()
    first = book.active
    assert isinstance(first, Worksheet), "a new workbook has one worksheet"
    _summary_sheet(first, data)
    used = {"riepilogo"}
    for index, section in enumerate(data.sections):
        _category_sheet(book.create_sheet(_sheet_name(section.label, used)), data, index)
    if data.unclassified:
        _to_classify_sheet(book.create_sheet(_sheet_name("Da classificare", used)), data)
    book.properties.title = f"Rassegna stampa {data.campaign}"
    book.properties.creator = "rassegna"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
