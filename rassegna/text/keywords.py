"""Campaign keywords as tolerant regular expressions: case, spaces, hyphens and the l/I confusion."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Between the parts of a keyword (LG|Net|2, Sant|Agata) writers put spaces, hyphens, dots, apostrophes or nothing.
_SEPARATOR = r"[\s\-\u2010-\u2015_.·'\u2019]{0,2}"
# A keyword's parts: runs of capitals (LG), capitalised words (Net), lower-case runs, digit runs; the letters are
# Latin-1's, accented ones included ("Città", "Forlì").
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_PARTS = re.compile(rf"[{_UPPER}]+(?![{_LOWER}])|[{_UPPER}][{_LOWER}]*|[{_LOWER}]+|\d+")


def _parts(keyword: str) -> list[str]:
    return _PARTS.findall(keyword) or [keyword]


def _letter_class(char: str) -> str:
    if char.lower() in "li":
        return "[lLiI1|]"  # "Ignet2" and "lgnet2" are the same keyword typed or OCR'd badly
    return re.escape(char)


def keyword_pattern(keyword: str) -> str:
    """A regular expression (case-insensitive) that matches ``keyword`` and its tolerated variants."""
    parts = _parts(keyword)
    body = _SEPARATOR.join("".join(_letter_class(c) for c in part) for part in parts)
    first = _letter_class(parts[0][0])
    # Whole words only: "LgNet2" must not match inside "LgNet25" or "xlgnet2". The check before the keyword comes
    # after its first letter: a pattern that opens on a lookbehind makes the regex engine try every position of a
    # page, one that opens on a letter class lets it skip to the candidates (3x faster on a 100 KB page).
    return rf"{first}(?<![^\W_]{first}){body[len(first) :]}(?![^\W_])"


# What a literal first test may rely on: ASCII letters and digits, less those whose case-insensitive match reaches
# beyond ASCII (ſ, the Kelvin sign, dotted and dotless i) or that the pattern widens to a class (l, I, 1).
_NOT_LITERAL = re.compile(r"[^a-hjm-rt-zA-HJM-RT-Z02-9]+")


def keyword_literal(keyword: str) -> str:
    """A lower-case run of characters every tolerated variant of ``keyword`` contains ('' when there is none):
    a page whose lower-cased text lacks it cannot match, and ``in`` finds that far faster than the pattern."""
    parts = _parts(keyword)
    runs = (run for part in parts for run in _NOT_LITERAL.split(part))
    return max(runs, key=len, default="").lower()


def keywords_regex(keywords: Iterable[str]) -> re.Pattern[str] | None:
    """Any of the keywords, as the matcher that judged relevance matches them (longest first); None for none."""
    forms = sorted({k.strip() for k in keywords if k and k.strip()}, key=len, reverse=True)
    return re.compile("|".join(keyword_pattern(k) for k in forms), re.IGNORECASE) if forms else None
