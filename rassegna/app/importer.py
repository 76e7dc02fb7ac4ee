"""``rassegna import``: manual clippings (wires, TV/radio, social posts, print) from CSV, XLSX or YAML.

Every row is validated before anything is written; one bad row and nothing is imported. The rows are then
written in batches (bounded memory, the write lock held for one batch at a time).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine
from sqlmodel import Session

from rassegna.config import CATEGORIES, ConfigError, Settings
from rassegna.config.loader import line_of, read_yaml
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.crawler.urls import canonical_url
from rassegna.domain import Analysis, Article, CampaignMatch
from rassegna.storage.db import session_scope
from rassegna.storage.repository import find_outlet, store_articles
from rassegna.text.italian import parse_audience, parse_date

COLUMNS = ("outlet", "category", "audience", "title", "date", "journalist", "url", "text", "campaign")
REQUIRED = ("outlet", "title", "date")


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
    notes: list[str] = field(default_factory=list)  # what was assumed to read the file (e.g. its encoding)


# --- reading ------------------------------------------------------------------------------------------

# The same limit for a cell as the csv module's for a field: no clipping needs more, and it bounds memory.
CELL_LIMIT = 128 * 1024
SHARED_STRINGS_LIMIT = 256 * 2**20  # uncompressed; far above what 100,000 clippings without full texts need
DELIMITERS = (",", ";", "\t", "|")
ENCODING_LABELS = {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "latin-1": "Latin-1 (ISO-8859-1)"}


@dataclass(slots=True)
class SourceFile:
    """A clippings file, how it is read (encoding and delimiter of a CSV) and what was assumed to read it."""

    path: Path
    kind: str  # csv | xlsx | yaml
    encoding: str = "utf-8-sig"
    delimiter: str = ","
    notes: list[str] = field(default_factory=list)

    def rows(self) -> Iterator[RawRow]:
        """The file's rows, read anew on each call (so an import can validate, then write, in bounded memory)."""
        if self.kind == "csv":
            return _iter_csv(self)
        if self.kind == "xlsx":
            return _iter_xlsx(self.path)
        return iter(_read_yaml(self.path))


def open_source(file: Path) -> SourceFile:
    """Check that ``file`` is a readable clippings file and how to read it; ImportFileError otherwise."""
    file = Path(file)
    if file.is_dir():
        raise ImportFileError(file, [RowError(None, None, "is a folder, not a file: give a CSV, XLSX or YAML file")])
    if not file.exists():
        raise ImportFileError(file, [RowError(None, None, "file not found")])
    if not file.is_file():
        raise ImportFileError(file, [RowError(None, None, "not a regular file: give a CSV, XLSX or YAML file")])
    suffix = file.suffix.lower()
    if suffix == ".csv":
        source = SourceFile(file, "csv", encoding=_csv_encoding(file))
        if source.encoding != "utf-8-sig":
            source.notes.append(f"{file}: not UTF-8, read as {ENCODING_LABELS[source.encoding]}")
        source.delimiter = _csv_delimiter(source)
        return source
    if suffix in (".xlsx", ".xlsm"):
        _check_xlsx(file)
        return SourceFile(file, "xlsx")
    if suffix in (".yaml", ".yml"):
        return SourceFile(file, "yaml")
    raise ImportFileError(file, [RowError(None, None, f"unsupported file type {suffix!r}: use .csv, .xlsx or .yaml")])


def _csv_encoding(file: Path) -> str:
    """UTF-8 when every byte decodes as UTF-8, else Windows-1252 (Excel in Italy), else Latin-1."""
    import codecs

    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with file.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"  # decodes any byte


def _csv_delimiter(source: SourceFile) -> str:
    """The delimiter that makes the header row name the most known columns (Excel in Italy writes ';')."""
    with source.path.open(encoding=source.encoding, newline="") as handle:
        first = handle.readline()

    def known(delimiter: str) -> tuple[int, int]:
        names = next(csv.reader([first], delimiter=delimiter), [])
        return sum(n.strip().lower() in COLUMNS for n in names), len(names)

    return max(DELIMITERS, key=known)


def _check_header(file: Path, header: Sequence[str], line: int = 1, delimiter: str = ",") -> list[str]:
    names = [str(h or "").strip().lower() for h in header]
    errors = [
        RowError(line, name or f"column {i + 1}", "unknown column")
        for i, name in enumerate(names)
        if name not in COLUMNS
    ]
    errors += [RowError(line, name, "required column is missing") for name in REQUIRED if name not in names]
    if errors:
        expected = RowError(line, None, f"expected header: {delimiter.join(COLUMNS)}")
        if delimiter != ",":
            shown = "tab" if delimiter == "\t" else repr(delimiter)
            expected = RowError(
                line,
                None,
                f"read as a {shown}-separated file; the header must name these columns, in any order: "
                f"{delimiter.join(COLUMNS)} (English names, as in the first row of the template)",
            )
        raise ImportFileError(file, errors + [expected])
    return names


def _iter_csv(source: SourceFile) -> Iterator[RawRow]:
    file = source.path
    with file.open(encoding=source.encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=source.delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFileError(file, [RowError(1, None, "empty file: expected a header row")]) from None
        except csv.Error as exc:
            raise ImportFileError(file, [RowError(1, None, f"malformed CSV: {exc}")]) from exc
        names = _check_header(file, header, delimiter=source.delimiter)
        start = reader.line_num + 1
        try:
            for record in reader:
                if any(cell.strip() for cell in record):
                    if len(record) != len(names):
                        raise ImportFileError(
                            file,
                            [RowError(start, None, f"{len(record)} fields where the header has {len(names)}")],
                        )
                    yield RawRow(start, dict(zip(names, record, strict=True)))
                start = reader.line_num + 1
        except csv.Error as exc:
            raise ImportFileError(file, [RowError(start, None, f"malformed CSV: {exc}")]) from exc


def _check_xlsx(file: Path) -> None:
    """Refuse a workbook whose sheets or shared strings hold a cell above CELL_LIMIT, streaming its XML.

    openpyxl would build such a cell in memory whole (a 1 MB file can hold a 1 GB cell)."""
    import zipfile
    from xml.parsers import expat

    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(file, [RowError(None, None, f"not a readable XLSX workbook: {exc}")]) from exc
    with archive:
        parts = [
            info
            for info in archive.infolist()
            if info.filename.endswith(".xml")
            and (info.filename.startswith("xl/worksheets/") or "sharedstrings" in info.filename.lower())
        ]
        for info in parts:
            if "sharedstrings" in info.filename.lower() and info.file_size > SHARED_STRINGS_LIMIT:
                # openpyxl keeps every shared string in memory, even in read-only mode.
                message = f"{info.filename} is {info.file_size // 2**20} MiB: above {SHARED_STRINGS_LIMIT // 2**20} MiB"
                raise ImportFileError(file, [RowError(None, None, message + "; split the workbook")])
            parser = expat.ParserCreate()
            state = {"text": 0, "row": None}

            def start(name: str, attrs: dict[str, str], state: dict = state) -> None:
                state["text"] = 0
                if name.rpartition(":")[2] == "row":
                    state["row"] = attrs.get("r")

            def text(data: str, state: dict = state, info: zipfile.ZipInfo = info) -> None:
                state["text"] += len(data)
                if state["text"] > CELL_LIMIT:
                    where = f"row {state['row']}" if state["row"] and "worksheets" in info.filename else "a cell"
                    raise ImportFileError(
                        file,
                        [
                            RowError(
                                int(state["row"]) if state["row"] and state["row"].isdigit() else None,
                                None,
                                f"{where} holds more than {CELL_LIMIT // 1024} KiB of text ({info.filename}); "
                                "nothing imported",
                            )
                        ],
                    )

            parser.StartElementHandler = start
            parser.CharacterDataHandler = text
            try:
                with archive.open(info) as handle:
                    while chunk := handle.read(1 << 16):
                        parser.Parse(chunk, False)
                    parser.Parse(b"", True)
            except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise ImportFileError(
                    file, [RowError(None, None, f"not a readable XLSX workbook ({info.filename}: {exc})")]
                ) from exc


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _iter_xlsx(file: Path) -> Iterator[RawRow]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a broken file
        raise ImportFileError(file, [RowError(None, None, f"not a readable XLSX workbook: {exc}")]) from exc
    try:
        if not book.worksheets:
            raise ImportFileError(file, [RowError(None, None, "the workbook has no sheet")])
        sheet = book.worksheets[0]
        # Read-only mode trusts the sheet's declared <dimension>; a row below it would be dropped without this.
        sheet.reset_dimensions()
        lines = sheet.iter_rows()
        header_cells = next(lines, None)
        if header_cells is None:
            raise ImportFileError(file, [RowError(1, None, "empty sheet: expected a header row")])
        header_row = getattr(header_cells[0], "row", 1) if header_cells else 1
        header = [str(v) if (v := getattr(c, "value", None)) is not None else "" for c in header_cells]
        while header and header[-1] == "":
            header = header[:-1]
        names = _check_header(file, header, line=header_row)
        for cells in lines:
            values = [(getattr(c, "value", None), getattr(c, "row", None)) for c in cells]
            number = next((r for _, r in values if r is not None), None)
            extra = [i for i, (v, _) in enumerate(values) if i >= len(names) and v not in (None, "")]
            if extra:
                raise ImportFileError(
                    file,
                    [RowError(number, None, f"a value in column {_column_letter(extra[0] + 1)}, beyond the header")],
                )
            row = [v for v, _ in values[: len(names)]] + [None] * (len(names) - len(values))
            if any(c not in (None, "") for c in row):
                yield RawRow(number or 0, {n: ("" if c is None else c) for n, c in zip(names, row, strict=True)})
    except ImportFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken sheet part surfaces while streaming
        raise ImportFileError(file, [RowError(None, None, f"not a readable XLSX workbook: {exc}")]) from exc
    finally:
        book.close()


def _read_yaml(file: Path) -> list[RawRow]:
    try:
        doc = read_yaml(file)
    except ConfigError as exc:
        raise ImportFileError(file, [RowError(exc.line, exc.key, exc.message)]) from exc
    data, prefix = doc.data, cast(tuple[str, ...], ())
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


def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name, "")
    return "" if value is None else str(value).strip()


class RowValidator:
    """Turns a raw row into an Article, or says what is wrong with each of its fields."""

    def __init__(self, settings: Settings, known_outlets: Callable[[str], str | None]):
        self.matcher = CampaignMatcher.from_settings(settings.campaigns)
        self.campaigns = {c.name.casefold(): c.name for c in settings.campaigns}
        self.known_outlets = known_outlets

    def check(self, row: RawRow, *, build: bool = True) -> tuple[Article | None, list[RowError]]:
        """The row's article (None when it has errors, or when ``build`` is False: only its errors) and its errors."""
        matcher, campaigns, known_outlets = self.matcher, self.campaigns, self.known_outlets
        row_errors: list[RowError] = []

        def bad(name: str, message: str) -> None:
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
                elif build:  # the matched form and snippet, when the text has them
                    found = [m for m in matcher.match(title, text) if m.name == campaigns[name.casefold()]]
                    matches.append(found[0] if found else CampaignMatch(campaigns[name.casefold()], "", ""))
        elif title or text:
            matches = matcher.match(title, text)
            if not matches:
                bad(
                    "campaign",
                    "empty, and the title and text match no campaign's keywords: it would be in no report",
                )
        if row_errors or not build:
            return None, row_errors
        article = Article(
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
        return article, []


def validate_rows(
    file: Path, rows: Iterable[RawRow], settings: Settings, known_outlets: Callable[[str], str | None]
) -> list[Article]:
    """Articles for every row, or ImportFileError listing every bad field of every row."""
    validator = RowValidator(settings, known_outlets)
    articles: list[Article] = []
    errors: list[RowError] = []
    for row in rows:
        article, row_errors = validator.check(row)
        errors += row_errors
        if article is not None:
            articles.append(article)
    if errors:
        raise ImportFileError(file, errors)
    return articles


# --- writing ---------------------------------------------------------------------------------------------


Analyzer = Callable[[list[Article]], list[Analysis]]


BATCH_SIZE = 500  # rows per write transaction: the write lock is held for one batch, never the whole file


def registry_lookup(engine: Engine) -> Callable[[str], str | None]:
    """The category of a registry outlet by name (case-insensitive), or None; looked up once per name."""
    cache: dict[str, str | None] = {}

    def known(name: str) -> str | None:
        key = name.casefold()
        if key not in cache:
            with Session(engine) as session:
                row = find_outlet(session, name)
                cache[key] = row.category if row else None
        return cache[key]

    return known


def config_lookup(settings: Settings) -> Callable[[str], str | None]:
    """The category of a configured outlet by name: the registry of a database not created yet."""
    categories = {o.name.casefold(): o.category for o in settings.outlets}
    return lambda name: categories.get(name.casefold())


def check_file(source: SourceFile, settings: Settings, known_outlets: Callable[[str], str | None]) -> int:
    """Validate every row of ``source`` without keeping them; the row count, or ImportFileError listing every error."""
    validator = RowValidator(settings, known_outlets)
    errors: list[RowError] = []
    count = 0
    for row in source.rows():
        count += 1
        errors += validator.check(row, build=False)[1]
    if errors:
        raise ImportFileError(source.path, errors)
    if not count:
        raise ImportFileError(source.path, [RowError(None, None, "no clippings in the file")])
    return count


def write_file(
    engine: Engine,
    source: SourceFile,
    settings: Settings,
    *,
    analyzer: Analyzer | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportResult:
    """Store the rows of an already checked file, ``batch_size`` per transaction.

    A crash between two batches leaves the earlier batches stored; importing the file again completes it
    (rows already stored are recognised and not added twice)."""
    validator = RowValidator(settings, registry_lookup(engine))
    result = ImportResult(notes=list(source.notes))
    batch: list[Article] = []
    seen: set[str] = set()
    for row in source.rows():
        article, errors = validator.check(row)
        if article is None:  # the file changed since it was checked
            raise ImportFileError(source.path, errors)
        result.rows += 1
        batch.append(article)
        if len(batch) >= batch_size:
            _write_batch(engine, batch, analyzer, result, seen)
            batch = []
    if batch:
        _write_batch(engine, batch, analyzer, result, seen)
    return result


def import_file(engine: Engine, file: Path, settings: Settings, *, analyzer: Analyzer | None = None) -> ImportResult:
    """Validate every row, then store them in batches; ImportFileError and nothing written if any row is bad."""
    source = open_source(Path(file))
    check_file(source, settings, registry_lookup(engine))
    return write_file(engine, source, settings, analyzer=analyzer)


def _write_batch(
    engine: Engine, articles: list[Article], analyzer: Analyzer | None, result: ImportResult, seen: set[str]
) -> None:
    """One transaction for ``articles``; ``seen`` holds the outlet names (casefolded) already looked up."""
    analyses = _analyse(articles, analyzer)
    with session_scope(engine) as session:
        for name in dict.fromkeys(a.outlet for a in articles):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                if find_outlet(session, name) is None:
                    result.new_outlets.append(name)
        created = store_articles(session, articles, analyses)
    result.added += sum(created)
    result.already_present += len(created) - sum(created)


def _analyse(articles: list[Article], analyzer: Analyzer | None) -> list[Analysis | None]:
    if analyzer is None:
        return [None] * len(articles)
    with_text = [a for a in articles if a.text]
    found = dict(zip(map(id, with_text), analyzer(with_text), strict=True)) if with_text else {}
    return [found.get(id(a)) for a in articles]
