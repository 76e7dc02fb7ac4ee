"""`rassegna import`: every row validated first, file/line/field in errors, nothing half-written."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from sqlmodel import func, select

from rassegna.app.importer import ImportFileError, import_file, parse_date
from rassegna.config.outlet_edit import parse_audience
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.models import Clipping, OutletRow
from rassegna.storage.queries import Selection, category_summary
from rassegna.storage.repository import sync_outlets

HEADER = "outlet,category,audience,title,date,journalist,url,text,campaign\n"
GOOD_ROW = 'Agir,agenzie,,"Latina fra i Comuni della rete LgNet2",2023-10-27,,,,LgNet2\n'
REFERENCE = {
    "agenzie": (10, None),
    "quotidiani": (20, 1641811),
    "periodici": (1, None),
    "specializzati": (0, None),
    "radio_tv": (1, 33000),
    "social": (13, 401735),
    "portali": (15, 595256),
}


@pytest.fixture
def engine(db_url, settings):
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        sync_outlets(session, settings.outlets)
    return engine


def clipping_count(engine) -> int:
    with session_scope(engine) as session:
        return session.exec(select(func.count(Clipping.id))).one()


def write(tmp_path: Path, body: str, name: str = "clippings.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_reference_clippings_reproduce_the_reference_summary(engine, settings, reference_csv):
    result = import_file(engine, reference_csv, settings)
    assert (result.rows, result.added) == (60, 60)
    with session_scope(engine) as session:
        summary = category_summary(session, Selection("LgNet2", date(2023, 10, 1), date(2023, 12, 31)))
    assert {row.category: (row.count, row.audience) for row in summary.rows} == REFERENCE
    assert (summary.count, summary.audience) == (60, 2671802)


def test_reimporting_the_same_file_adds_nothing(engine, settings, reference_csv):
    import_file(engine, reference_csv, settings)
    again = import_file(engine, reference_csv, settings)
    assert (again.added, again.already_present) == (0, 60)
    assert clipping_count(engine) == 60


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ('Agir,agenzie,,"LgNet2 a Latina",27/13/2023,,,,LgNet2\n', "date", "not a date"),
        ('Agir,agenzie,,"LgNet2 a Latina",10/27/2023,,,,LgNet2\n', "date", "not a date"),
        ('Agir,agenzie,,"LgNet2 a Latina",31 febbraio 2023,,,,LgNet2\n', "date", "not a date"),
        ('Agir,agenzie,tanti,"LgNet2 a Latina",2023-10-27,,,,LgNet2\n', "audience", "not an audience"),
        ('Agir,agenzie,1.46.811,"LgNet2 a Latina",2023-10-27,,,,LgNet2\n', "audience", "not an audience"),
        ('Agir,blog,,"LgNet2 a Latina",2023-10-27,,,,LgNet2\n', "category", "unknown category 'blog'"),
        ('Sconosciuto,,,"LgNet2 a Latina",2023-10-27,,,,LgNet2\n', "category", "not in the registry"),
        (',agenzie,,"LgNet2 a Latina",2023-10-27,,,,LgNet2\n', "outlet", "required"),
        ("Agir,agenzie,,,2023-10-27,,,,LgNet2\n", "title", "required"),
        ('Agir,agenzie,,"LgNet2 a Latina",2023-10-27,,ftp://x/y,,LgNet2\n', "url", "http(s)"),
        ('Agir,agenzie,,"LgNet2 a Latina",2023-10-27,,,,LgNet9\n', "campaign", "no campaign named 'LgNet9'"),
        (
            'Agir,agenzie,,"Un titolo qualunque",2023-10-27,,,"Nessuna parola chiave",\n',
            "campaign",
            "match no campaign",
        ),
    ],
)
def test_a_bad_row_names_file_line_and_field_and_nothing_is_imported(engine, settings, tmp_path, row, field, message):
    path = write(tmp_path, GOOD_ROW + GOOD_ROW.replace("27", "28") + row)
    with pytest.raises(ImportFileError) as caught:
        import_file(engine, path, settings)
    [error] = caught.value.errors
    assert (error.line, error.field) == (4, field)
    assert message in error.message
    assert str(path) in str(caught.value) and "line 4" in str(caught.value)
    assert clipping_count(engine) == 0


def test_every_bad_row_is_reported_at_once(engine, settings, tmp_path):
    path = write(
        tmp_path,
        'Agir,agenzie,x,"LgNet2",2023-13-01,,,,\n' + GOOD_ROW + 'Agir,nope,,"LgNet2",2023-10-01,,,,\n',
    )
    with pytest.raises(ImportFileError) as caught:
        import_file(engine, path, settings)
    assert [(e.line, e.field) for e in caught.value.errors] == [(2, "date"), (2, "audience"), (4, "category")]


def test_multiline_text_keeps_line_numbers_right(engine, settings, tmp_path):
    path = write(
        tmp_path,
        'Agir,agenzie,,"LgNet2",2023-10-01,,,"riga uno\nriga due\nriga tre",\n' + "Agir,agenzie,,,2023-10-01,,,,\n",
    )
    with pytest.raises(ImportFileError) as caught:
        import_file(engine, path, settings)
    assert [(e.line, e.field) for e in caught.value.errors] == [(5, "title")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"outlet,titolo,date\n", "unknown column"),
        (b"outlet,title\n", "required column is missing"),
        (HEADER.encode() + b'Agir,agenzie,,"LgNet2",2023-10-01\n', "fields where the header has 9"),
        (b"", "empty file"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_error(engine, settings, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        import_file(engine, path, settings)
    assert message in str(caught.value)
    assert clipping_count(engine) == 0


def test_empty_campaign_joins_every_campaign_its_text_matches(engine, settings, tmp_path):
    path = write(tmp_path, 'Agir,agenzie,,"Dopo LgNet2 arriva LGNet3",2023-10-27,,,,\n')
    import_file(engine, path, settings)
    with session_scope(engine) as session:
        for name in ("LgNet2", "LGNet3"):
            assert category_summary(session, Selection(name, date(2023, 1, 1), date(2023, 12, 31))).count == 1


def test_unknown_outlet_with_category_is_added_to_the_registry(engine, settings, tmp_path):
    path = write(tmp_path, 'Radio Nuova,radio_tv,1.234,"LgNet2 in onda",18 ottobre 2023,Anna Serra,,,LgNet2\n')
    result = import_file(engine, path, settings)
    assert result.new_outlets == ["Radio Nuova"]
    with session_scope(engine) as session:
        outlet = session.exec(select(OutletRow).where(OutletRow.name == "Radio Nuova")).one()
        clipping = session.exec(select(Clipping)).one()
    assert (outlet.category, outlet.audience) == ("radio_tv", 1234)
    assert (clipping.published, clipping.journalist, clipping.audience, clipping.source) == (
        date(2023, 10, 18),
        "Anna Serra",
        1234,
        "import",
    )


def test_xlsx_and_yaml_import_like_csv(engine, settings, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["Agir", "agenzie", None, "Latina e LgNet2", date(2023, 10, 27), None, None, None, "LgNet2"])
    sheet.append(["Agir", "agenzie", "x", "Latina e LgNet2", "2023-10-28", None, None, None, "LgNet2"])
    book.save(tmp_path / "c.xlsx")
    with pytest.raises(ImportFileError) as caught:
        import_file(engine, tmp_path / "c.xlsx", settings)
    assert [(e.line, e.field) for e in caught.value.errors] == [(3, "audience")]
    sheet.delete_rows(3)
    book.save(tmp_path / "c.xlsx")
    assert import_file(engine, tmp_path / "c.xlsx", settings).added == 1

    yaml_file = tmp_path / "c.yaml"
    yaml_file.write_text(
        "clippings:\n"
        "  - {outlet: TGR Basilicata, title: Edizione delle ore 19.30, date: 2023-12-04, text: servizio su LgNet2}\n"
        "  - outlet: TGR Basilicata\n    title: LgNet2 bis\n    date: 4 dicembre 2023\n    colour: red\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as caught:
        import_file(engine, yaml_file, settings)
    assert [(e.line, e.field) for e in caught.value.errors] == [(6, "colour")]
    yaml_file.write_text(yaml_file.read_text().replace("    colour: red\n", ""), encoding="utf-8")
    assert import_file(engine, yaml_file, settings).added == 2
    assert clipping_count(engine) == 3


def test_date_and_audience_formats():
    assert parse_date("18 ottobre 2023") == parse_date("2023-10-18") == date(2023, 10, 18)
    assert parse_date("1° dicembre 2023") == date(2023, 12, 1)
    assert parse_audience("1.464.811") == parse_audience("1464811") == parse_audience(1464811) == 1464811
    assert parse_audience("") is None and parse_audience(None) is None


# --- Italian spreadsheets -------------------------------------------------------------------------------------


def test_an_italian_excel_csv_imports_as_it_is(engine, settings, tmp_path):
    body = (
        "outlet;category;audience;title;date;journalist;url;text;campaign\r\n"
        "Agir;agenzie;;Città e LgNet2: l’accoglienza;05/10/2023;;;;LgNet2\r\n"
        "Agir;agenzie;1.234;Perché LgNet2 funziona;5/10/23;;;;LgNet2\r\n"
        "Agir;agenzie;;LgNet2 a Latina;18.10.2023;;;;LgNet2\r\n"
    )
    path = tmp_path / "rassegna.csv"
    path.write_bytes(body.encode("cp1252"))
    result = import_file(engine, path, settings)
    assert (result.rows, result.added) == (3, 3)
    assert result.notes == [f"{path}: not UTF-8, read as Windows-1252"]
    with session_scope(engine) as session:
        stored = {c.title: c.published for c in session.exec(select(Clipping))}
    assert stored == {
        "Città e LgNet2: l’accoglienza": date(2023, 10, 5),
        "Perché LgNet2 funziona": date(2023, 10, 5),
        "LgNet2 a Latina": date(2023, 10, 18),
    }


def test_bytes_that_are_not_even_windows_1252_are_read_as_latin_1(engine, settings, tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(HEADER.encode() + b'Agir,agenzie,,"LgNet2 \x81 Citt\xe0",2023-10-01,,,,\n')
    result = import_file(engine, path, settings)
    assert result.added == 1 and "read as Latin-1" in result.notes[0]


def test_a_semicolon_file_with_unknown_columns_gets_a_hint(engine, settings, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("testata;titolo;data\nAgir;LgNet2;05/10/2023\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        import_file(engine, path, settings)
    text = str(caught.value)
    assert "line 1, field 'testata': unknown column" in text
    assert "read as a ';'-separated file" in text
    assert "outlet;category;audience;title;date;journalist;url;text;campaign" in text


def test_numeric_dates_are_day_first():
    assert parse_date("05/10/2023") == parse_date("5/10/23") == parse_date("05-10-2023") == date(2023, 10, 5)
    assert parse_date("31/12/99") == date(1999, 12, 31)
    for bad in ("31/02/2023", "10/13/2023", "2023/10/05"):
        with pytest.raises(ValueError):
            parse_date(bad)


# --- hostile XLSX -------------------------------------------------------------------------------------------


def _xlsx(tmp_path: Path, rows: list[list], name: str = "c.xlsx") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _rewrite_sheet(path: Path, change) -> None:  # noqa: ANN001 - a str -> str function
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["xl/worksheets/sheet1.xml"] = change(parts["xl/worksheets/sheet1.xml"].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_an_xlsx_row_beyond_the_declared_dimension_is_imported(engine, settings, tmp_path):
    row = ["Agir", "agenzie", None, "Latina e LgNet2", "2023-10-27", None, None, None, "LgNet2"]
    path = _xlsx(tmp_path, [HEADER.strip().split(","), row, [*row[:3], "Genova e LgNet2", *row[4:]]])
    _rewrite_sheet(path, lambda xml: xml.replace('<dimension ref="A1:I3"/>', '<dimension ref="A1:I2"/>'))
    assert '<dimension ref="A1:I2"/>' in __import__("zipfile").ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    result = import_file(engine, path, settings)
    assert (result.rows, result.added) == (2, 2)


def test_an_oversized_xlsx_cell_is_refused_in_bounded_memory(engine, settings, tmp_path):
    import tracemalloc

    row = ["Agir", "agenzie", None, "Latina e LgNet2", "2023-10-27", None, None, "x", "LgNet2"]
    path = _xlsx(tmp_path, [HEADER.strip().split(","), row])
    big = "A" * (64 * 1024 * 1024)  # 64 MiB of inline text, compressing to well under 1 MB
    inline = f'<c r="H2" t="inlineStr"><is><t>{big}</t></is></c>'
    _rewrite_sheet(path, lambda xml: re.sub(r'<c r="H2"[^>]*>.*?</c>', lambda _: inline, xml))
    assert path.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError) as caught:
            import_file(engine, path, settings)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "holds more than 128 KiB of text" in str(caught.value)
    assert peak < 16 * 1024 * 1024
    assert clipping_count(engine) == 0


def test_an_xlsx_value_beyond_the_header_is_an_error_not_dropped(engine, settings, tmp_path):
    row = ["Agir", "agenzie", None, "Latina e LgNet2", "2023-10-27", None, None, None, "LgNet2", "in più"]
    path = _xlsx(tmp_path, [HEADER.strip().split(","), row])
    with pytest.raises(ImportFileError) as caught:
        import_file(engine, path, settings)
    assert "line 2: a value in column J, beyond the header" in str(caught.value)
    assert clipping_count(engine) == 0


# --- hostile YAML -------------------------------------------------------------------------------------------

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (BOMB, 3, "too many aliases"),
        ("clippings: &a\n  - *a\n", 1, "recursive alias"),
        ("- outlet: !!python/name:os.system\n  title: x\n", 1, "tag 'tag:yaml.org,2002:python/name:os.system'"),
        ("- ? [a, b]\n  : x\n", 1, "a key must be a plain name"),
        ("- {outlet: x, title: !!binary aGVsbG8=}\n", 1, "tag 'tag:yaml.org,2002:binary'"),
        # libyaml stops at its depth limit and says where; the pure-Python parser overflows the stack, line unknown
        ("[" * 3000 + "]" * 3000 + "\n", 1 if hasattr(yaml, "CSafeLoader") else None, "nested too deeply"),
    ],
)
def test_hostile_yaml_is_refused_naming_file_and_line(engine, settings, tmp_path, text, line, message):
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        import_file(engine, path, settings)
    [error] = caught.value.errors
    assert error.line == line and message in error.message
    assert str(path) in str(caught.value)


# --- batches ---------------------------------------------------------------------------------------------


def test_rows_are_written_in_batches_only_after_every_row_is_valid(engine, settings, tmp_path):
    from rassegna.app.importer import check_file, open_source, registry_lookup, write_file

    rows = "".join(GOOD_ROW.replace("Latina", f"Latina {i}") for i in range(7))
    bad = write(tmp_path, rows + GOOD_ROW.replace("2023-10-27", "ieri"))
    with pytest.raises(ImportFileError):
        import_file(engine, bad, settings)
    assert clipping_count(engine) == 0
    good = write(tmp_path, rows, name="good.csv")
    source = open_source(good)
    assert check_file(source, settings, registry_lookup(engine)) == 7
    result = write_file(engine, source, settings, batch_size=3)
    assert (result.rows, result.added) == (7, 7)
    # A re-import completes what a crash between batches would have left half-done, adding nothing twice.
    again = write_file(engine, source, settings, batch_size=3)
    assert (again.added, again.already_present) == (0, 7)
