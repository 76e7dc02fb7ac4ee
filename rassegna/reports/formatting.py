"""Italian formatting and safe rendering helpers shared by every report format."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from urllib.parse import urlsplit

from rassegna.crawler.matcher import keyword_pattern as matcher_pattern
from rassegna.nlp.byline import short_name as initials_and_surname

MONTHS = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
)  # fmt: skip

EXCERPT_CHARS = 300


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


def short_date(value: date | None) -> str:
    """Dates in tables, with the year and compact: ``2023-10-18`` → ``18/10/2023``."""
    return value.strftime("%d/%m/%Y") if value else ""


def count_of(count: int, singular: str = "uscita", plural: str = "uscite") -> str:
    """``1 uscita``, ``2 uscite``, ``1.234 uscite``: the noun agrees with the number."""
    return f"{it_number(count)} {singular if count == 1 else plural}"


def it_month(value: date | None) -> str:
    """``2023-10-01`` → ``ottobre 2023``."""
    return f"{MONTHS[value.month - 1]} {value.year}" if value else ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def short_name(name: str | None) -> str:
    """A byline as the reference review shows it: ``Alessandro Gipponi`` → ``A. Gipponi``."""
    return initials_and_surname(" ".join(name.split())) if name and name.strip() else ""


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s) with a host, else None (show it as text, never as a link)."""
    if not url:
        return None
    url = url.strip()
    if _CONTROL.search(url) or any(c.isspace() for c in url) or '"' in url or "<" in url or ">" in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def clean_text(text: str | None) -> str:
    """Control characters out, line ends normalised."""
    if not text:
        return ""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a text (blocks separated by blank lines), whitespace collapsed."""
    blocks = re.split(r"\n\s*\n", clean_text(text))
    return [" ".join(block.split()) for block in blocks if block.strip()]


def excerpt(text: str | None, limit: int = EXCERPT_CHARS) -> str:
    """The first ~``limit`` characters of a text, cut at a word boundary, with an ellipsis when cut."""
    flat = " ".join(clean_text(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"


def keyword_pattern(keywords: Iterable[str]) -> re.Pattern[str] | None:
    """The campaign keywords as the matcher that judged relevance matches them, for highlighting."""
    forms = sorted({k.strip() for k in keywords if k and k.strip()}, key=len, reverse=True)
    return re.compile("|".join(matcher_pattern(k) for k in forms), re.IGNORECASE) if forms else None


def split_highlight(text: str, pattern: re.Pattern[str] | None) -> Iterator[tuple[str, bool]]:
    """``text`` cut into (piece, is_keyword) runs; renderers escape every piece, then mark keywords."""
    if not text:
        return
    if pattern is None:
        yield text, False
        return
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            yield text[position : match.start()], False
        yield match.group(0), True
        position = match.end()
    if position < len(text):
        yield text[position:], False
