"""Italian dates, numbers and counts: how the reports, the desk, the importer and the NLP read and write them."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

MONTHS = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
)  # fmt: skip
# The abbreviations Italian writers use, month by month ("18 ott 2023", "5 sett.").
MONTH_ABBREVIATIONS = (
    ("gen",), ("feb",), ("mar",), ("apr",), ("mag",), ("giu",),
    ("lug",), ("ago",), ("set", "sett"), ("ott",), ("nov",), ("dic",),
)  # fmt: skip
# Month name or abbreviation (lower case) → month number.
MONTH_NUMBERS: dict[str, int] = {
    name: number
    for number, names in enumerate(zip(MONTHS, MONTH_ABBREVIATIONS, strict=True), start=1)
    for name in (names[0], *names[1])
}

_ITALIAN_DATE = re.compile(r"^\s*(\d{1,2})(?:°|º)?\s+([a-zà]+)\.?\s+(\d{4})\s*$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\s*$")
_AUDIENCE = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d+$")


def it_number(value: int | float | None, *, empty: str = "") -> str:
    """``1641811`` → ``1.641.811``; ``empty`` for None (unknown is not 0)."""
    if value is None:
        return empty
    return f"{round(value):,}".replace(",", ".")


def it_date(value: date | None, *, year: bool = True) -> str:
    """``2023-10-18`` → ``18 ottobre 2023`` (or ``18 ottobre``)."""
    if value is None:
        return ""
    text = f"{value.day} {MONTHS[value.month - 1]}"
    return f"{text} {value.year}" if year else text


def it_month(value: date | None) -> str:
    """``2023-10-01`` → ``ottobre 2023``."""
    return f"{MONTHS[value.month - 1]} {value.year}" if value else ""


def short_date(value: date | None) -> str:
    """Dates in tables, with the year and compact: ``2023-10-18`` → ``18/10/2023``."""
    return value.strftime("%d/%m/%Y") if value else ""


def count_of(count: int, singular: str = "uscita", plural: str = "uscite") -> str:
    """``1 uscita``, ``2 uscite``, ``1.234 uscite``: the noun agrees with the number."""
    return f"{it_number(count)} {singular if count == 1 else plural}"


def parse_date(value: Any) -> date:
    """ISO (2023-10-18) or Italian (18/10/2023, 18/10/23, 18 ottobre 2023) date; ValueError otherwise."""
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
    if found and found.group(2).lower() in MONTH_NUMBERS:
        try:
            return date(int(found.group(3)), MONTH_NUMBERS[found.group(2).lower()], int(found.group(1)))
        except ValueError:
            pass  # 31 febbraio
    found = _NUMERIC_DATE.match(text)
    if found:  # Italian order, day first: 05/10/2023, 5/10/23, 05.10.2023, 05-10-2023
        day, month, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
        if len(found.group(4)) == 2:
            year += 2000 if year < 70 else 1900  # as strptime's %y
        try:
            return date(year, month, day)
        except ValueError:
            pass  # 31/02/2023
    raise ValueError(f"{text!r} is not a date: use 2023-10-18, 18/10/2023 or 18 ottobre 2023")


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
