"""Italian dates, numbers and counts: one table of month names serves writing and reading."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rassegna.text.italian import (
    MONTH_NUMBERS,
    MONTHS,
    count_of,
    it_date,
    it_month,
    it_number,
    parse_audience,
    parse_date,
    short_date,
)


def test_month_names_and_abbreviations_give_the_month_number() -> None:
    assert len(MONTHS) == 12 and MONTHS[9] == "ottobre"
    assert [MONTH_NUMBERS[name] for name in MONTHS] == list(range(1, 13))
    assert MONTH_NUMBERS["ott"] == 10 and MONTH_NUMBERS["sett"] == MONTH_NUMBERS["set"] == 9


@pytest.mark.parametrize(
    ("value", "empty", "text"), [(1641811, "", "1.641.811"), (0, "", "0"), (None, "", ""), (None, "n.d.", "n.d.")]
)
def test_it_number(value: int | None, empty: str, text: str) -> None:
    assert it_number(value, empty=empty) == text


def test_dates_and_counts_in_words() -> None:
    day = date(2023, 10, 18)
    assert it_date(day) == "18 ottobre 2023" and it_date(day, year=False) == "18 ottobre" and it_date(None) == ""
    assert it_month(day) == "ottobre 2023" and short_date(day) == "18/10/2023"
    assert count_of(1) == "1 uscita" and count_of(1234) == "1.234 uscite"
    assert count_of(2, "testata", "testate") == "2 testate"


@pytest.mark.parametrize(
    "text",
    ["2023-10-18", "18/10/2023", "18/10/23", "18.10.2023", "18 ottobre 2023", "18 ott. 2023", "18° Ottobre 2023"],
)
def test_parse_date_reads_what_it_date_writes_and_more(text: str) -> None:
    assert parse_date(text) == date(2023, 10, 18)


def test_parse_date_refuses_impossible_dates_saying_how_to_write_them() -> None:
    assert parse_date(datetime(2023, 10, 18, 9, 30)) == date(2023, 10, 18)
    for text in ("31 febbraio 2023", "31/02/2023", "ieri"):
        with pytest.raises(ValueError, match="is not a date: use 2023-10-18"):
            parse_date(text)


def test_parse_audience() -> None:
    assert parse_audience("1.464.811") == 1464811 and parse_audience(" ") is None and parse_audience(12.0) == 12
    for bad in ("1,5", True, -3):
        with pytest.raises(ValueError):
            parse_audience(bad)
