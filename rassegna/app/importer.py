"""``rassegna import``: manual clippings (wires, TV/radio, social posts, print) from CSV, XLSX or YAML.

Every row is validated before anything is written; one bad row and nothing is imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from rassegna.config import CATEGORIES, ConfigError, Settings
from rassegna.config.loader import line_of, read_yaml
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.crawler.urls import canonical_url
from rassegna.domain import Analysis, Article, CampaignMatch
from rassegna.storage.db import session_scope
from rassegna.storage.repository import find_outlet, store_article

COLUMNS = ("outlet", "category", "audience", "title", "date", "journalist", "url", "text", "campaign")
REQUIRED = ("outlet", "title", "date")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("gennaio", "gen"),
            ("febbraio", "feb"),
            ("marzo", "mar"),
            ("aprile", "apr"),
            ("maggio", "mag"),
            ("giugno", "giu"),
            ("luglio", "lug"),
            ("agosto", "ago"),
            ("settembre", "set", "sett"),
            ("ottobre", "ott"),
            ("novembre", "nov"),
            ("dicembre", "dic"),
        ],
        start=1,
    )
    for name in names
}
_ITALIAN_DATE = re.compile(r"^\s*(\d{1,2})(?:°|º)?\s+([a-zà]+)\.?\s+(\d{4})\s*$", re.IGNORECASE)
_AUDIENCE = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d+$")


@dataclass(frozen=True, slots=True)
class RowError:
    """What is wrong with one field of one row."""

    line: int | None
    field: str | None
    message: str


class ImportFileError(Exception):
    """The file cannot be imported; ``errors`` lists every problem found, each with line and field."""

    def __init__(self, file: Path, errors: Sequence[RowError]):
        self.file, self.errors = file, list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [f"{self.file}: nothing imported, {len(self.errors)} error(s):"]
        for error in self.errors:
            where = f"line {error.line}" if error.line is not None else "file"
            lines.append(
                f"  {self.file}, {where}" + (f", field {error.field!r}" if error.field else "") + f": {error.message}"
            )
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class RawRow:
    """One row as read from the file, with the line it starts on."""

    line: int
    values: dict[str, Any]


@dataclass(slots=True)
class ImportResult:
    """What an import did."""

    rows: int = 0
    added: int = 0
    already_present: int = 0
    new_outlets: list[str] = field(default_factory=list)


# --- reading ------------------------------------------------------------------------------------------


def read_rows(file: Path) -> list[RawRow]:
    """The rows of a CSV, XLSX or YAML file; ImportFileError when the file itself is unreadable."""
    suffix = file.suffix.lower()
    if not file.is_file():
        raise ImportFileError(file, [RowError(None, None, "file not found")])
    if suffix == ".csv":
        return _read_csv(file)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(file)
    if suffix in (".yaml", ".yml"):
        return _read_yaml(file)
    raise ImportFileError(file, [RowError(None, None, f"unsupported file type {suffix!r}: use .csv, .xlsx or .yaml")])


def _check_header(file: Path, header: Sequence[str], line: int = 1) -> list[str]:
    names = [str(h or "").strip().lower() for h in header]
    errors = [
        RowError(line, name or f"column {i + 1}", "unknown column")
        for i, name in enumerate(names)
        if name not in COLUMNS
    ]
    errors += [RowError(line, name, "required column is missing") for name in REQUIRED if name not in names]
    if errors:
        raise ImportFileError(file, errors + [RowError(line, None, f"expected header: {','.join(COLUMNS)}")])
    return names


def _read_csv(file: Path) -> list[RawRow]:
    data = file.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            file, [RowError(line, None, f"not UTF-8 (byte {data[exc.start]:#x}); save the file as UTF-8 CSV")]
        ) from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(file, [RowError(1, None, "empty file: expected a header row")]) from None
    names = _check_header(file, header)
    rows: list[RawRow] = []
    start = reader.line_num + 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                if len(record) != len(names):
                    raise ImportFileError(
                        file,
                        [RowError(start, None, f"{len(record)} fields where the header has {len(names)}")],
                    )
                rows.append(RawRow(start, dict(zip(names, record, strict=True))))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(file, [RowError(start, None, f"malformed CSV: {exc}")]) from exc
    return rows


def _read_xlsx(file: Path) -> list[RawRow]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(file, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a broken file
        raise ImportFileError(file, [RowError(None, None, f"not a readable XLSX workbook: {exc}")]) from exc
    lines = sheet.iter_rows(values_only=True)
    header = next(lines, None)
    if header is None:
        raise ImportFileError(file, [RowError(1, None, "empty sheet: expected a header row")])
    while header and header[-1] is None:
        header = header[:-1]
    names = _check_header(file, header)
    rows = []
    for number, values in enumerate(lines, start=2):
        cells = list(values[: len(names)]) + [None] * (len(names) - len(values))
        if any(c not in (None, "") for c in cells):
            rows.append(RawRow(number, {n: ("" if c is None else c) for n, c in zip(names, cells, strict=True)}))
    return rows


def _read_yaml(file: Path) -> list[RawRow]:
    try:
        doc = read_yaml(file)
    except ConfigError as exc:
        raise ImportFileError(file, [RowError(exc.line, exc.key, exc.message)]) from exc
    data, prefix = doc.data, ()
    if isinstance(data, dict) and set(data) == {"clippings"}:
        data, prefix = data["clippings"], ("clippings",)
    if not isinstance(data, list):
        raise ImportFileError(file, [RowError(1, None, "expected a list of clippings (or a 'clippings:' list)")])
    rows, errors = [], []
    for index, item in enumerate(data):
        line = line_of(doc, (*prefix, index))
        if not isinstance(item, dict):
            errors.append(RowError(line, None, "each clipping must be a mapping of field: value"))
            continue
        unknown = [k for k in item if str(k).lower() not in COLUMNS]
        errors += [RowError(line_of(doc, (*prefix, index, k)), str(k), "unknown field") for k in unknown]
        rows.append(RawRow(line or 0, {str(k).lower(): ("" if v is None else v) for k, v in item.items()}))
    if errors:
        raise ImportFileError(file, errors)
    return rows


# --- validating -----------------------------------------------------------------------------------------


def parse_date(value: Any) -> date:
    """ISO (2023-10-18) or Italian (18 ottobre 2023) date; ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    found = _ITALIAN_DATE.match(text)
    if found and found.group(2).lower() in MONTHS:
        try:
            return date(int(found.group(3)), MONTHS[found.group(2).lower()], int(found.group(1)))
        except ValueError:
            pass  # 31 febbraio
    raise ValueError(f"{text!r} is not a date: use 2023-10-18 or 18 ottobre 2023")


def parse_audience(value: Any) -> int | None:
    """An integer, Italian-formatted (1.464.811) or empty; ValueError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not an audience")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value).strip()
        if not _AUDIENCE.match(text):
            raise ValueError(f"{text!r} is not an audience: use 1464811, 1.464.811 or leave it empty")
        number = int(text.replace(".", ""))
    if number < 0:
        raise ValueError("an audience cannot be negative")
    return number


def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name, "")
    return "" if value is None else str(value).strip()


def validate_rows(
    file: Path, rows: Sequence[RawRow], settings: Settings, known_outlets: Callable[[str], str | None]
) -> list[Article]:
    """Articles for every row, or ImportFileError listing every bad field of every row."""
    matcher = CampaignMatcher.from_settings(settings.campaigns)
    campaigns = {c.name.casefold(): c.name for c in settings.campaigns}
    articles: list[Article] = []
    errors: list[RowError] = []
    for row in rows:
        row_errors: list[RowError] = []

        def bad(name: str, message: str, row: RawRow = row, row_errors: list[RowError] = row_errors) -> None:
            row_errors.append(RowError(row.line, name, message))

        values = row.values
        outlet, title = _text(values, "outlet"), _text(values, "title")
        for name in REQUIRED:
            if not _text(values, name):
                bad(name, "required, but empty")
        published = audience = None
        if _text(values, "date"):
            try:
                published = parse_date(values["date"])
            except ValueError as exc:
                bad("date", str(exc))
        try:
            audience = parse_audience(values.get("audience"))
        except ValueError as exc:
            bad("audience", str(exc))
        category = _text(values, "category").lower() or None
        if category and category not in CATEGORIES:
            bad("category", f"unknown category {category!r}; expected one of: {', '.join(CATEGORIES)}")
        elif not category and outlet and known_outlets(outlet) is None:
            bad("category", f"outlet {outlet!r} is not in the registry, so its category is required")
        url = _text(values, "url") or None
        if url and not re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
            bad("url", f"{url!r} is not an http(s) address")
        text = _text(values, "text")
        named = _text(values, "campaign")
        matches: list[CampaignMatch] = []
        if named:
            for name in (n.strip() for n in named.split(";") if n.strip()):
                if name.casefold() not in campaigns:
                    bad("campaign", f"no campaign named {name!r}; configured: {', '.join(campaigns.values())}")
                else:
                    found = [m for m in matcher.match(title, text) if m.name == campaigns[name.casefold()]]
                    matches.append(found[0] if found else CampaignMatch(campaigns[name.casefold()], "", ""))
        elif title or text:
            matches = matcher.match(title, text)
            if not matches:
                bad(
                    "campaign",
                    "empty, and the title and text match no campaign's keywords: it would be in no report",
                )
        if row_errors:
            errors += row_errors
            continue
        articles.append(
            Article(
                outlet=outlet,
                title=title,
                published=published,
                text=text,
                url=url,
                canonical_url=canonical_url(url) if url else None,
                journalist=_text(values, "journalist") or None,
                source="import",
                category=category,
                audience=audience,
                campaigns=matches,
            )
        )
    if errors:
        raise ImportFileError(file, errors)
    return articles


# --- writing ---------------------------------------------------------------------------------------------


Analyzer = Callable[[list[Article]], list[Analysis]]


def import_file(engine: Engine, file: Path, settings: Settings, *, analyzer: Analyzer | None = None) -> ImportResult:
    """Validate every row, then store them all in one transaction; ImportFileError and nothing written if any is bad."""
    file = Path(file)
    rows = read_rows(file)
    if not rows:
        raise ImportFileError(file, [RowError(None, None, "no clippings in the file")])
    with Session(engine) as session:

        def known(name: str) -> str | None:
            row = find_outlet(session, name)
            return row.category if row else None

        articles = validate_rows(file, rows, settings, known)
    analyses = _analyse(articles, analyzer)
    result = ImportResult(rows=len(rows))
    with session_scope(engine) as session:
        for article, analysis in zip(articles, analyses, strict=True):
            is_new_outlet = find_outlet(session, article.outlet) is None
            _, created = store_article(session, article, analysis)
            result.added += created
            result.already_present += not created
            if is_new_outlet:
                result.new_outlets.append(article.outlet)
    return result


def _analyse(articles: list[Article], analyzer: Analyzer | None) -> Iterator[Analysis | None] | list:
    if analyzer is None:
        return [None] * len(articles)
    with_text = [a for a in articles if a.text]
    found = dict(zip(map(id, with_text), analyzer(with_text), strict=True)) if with_text else {}
    return [found.get(id(a)) for a in articles]
