"""Small text helpers shared by the extractors (offset-preserving normalisation, accent folding)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rassegna.text.fold import fold

__all__ = [
    "LETTERS_RE",
    "alternation",
    "by_first_letter",
    "fold",
    "literal_not_after",
    "normalise",
    "paragraphs",
    "title_case",
]

# Same-length replacements, so offsets in the normalised text are offsets in the original.
_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " "})

_REPLACEMENTS = tuple((chr(k), v) for k, v in _SAME_LENGTH.items())


def normalise(text: str) -> str:
    """Curly apostrophes and odd spaces to plain ones, keeping every offset."""
    for odd, plain in _REPLACEMENTS:  # str.replace is much faster than str.translate on long texts
        if odd in text:
            text = text.replace(odd, plain)
    return text


# A run of letters (a word without its digits, underscores or marks): shared by the extractors and the gazetteer.
LETTERS_RE = re.compile(r"[^\W\d_]+")


def title_case(name: str) -> str:
    """``GIULIA MASCIA`` → ``Giulia Mascia``, ``DI MEO`` → ``Di Meo``, ``D'ANGELO`` → ``D'Angelo``."""

    def cap(match: re.Match[str]) -> str:
        word = match.group(0)
        return word[0].upper() + word[1:].lower()

    return LETTERS_RE.sub(cap, name)


_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraphs (blocks separated by blank lines) of ``text``."""
    return list(_paragraph_spans(text))  # a list of its own: a caller may change it


# One analysis asks for the paragraphs of its text eight times (places, quotes) and of its headline twice: the last
# few texts' spans are kept (a handful of entries, so no growth over a run).
@lru_cache(maxsize=4)
def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for match in _PARAGRAPH_RE.finditer(text):
        chunk = match.group(0)
        if chunk.strip():
            start = match.start() + (len(chunk) - len(chunk.lstrip()))
            end = match.start() + len(chunk.rstrip())
            spans.append((start, end))
    return tuple(spans)


_PLAIN_WORD_RE = re.compile(r"[a-z][^\\()\[\]{}|.*+?^$]*")


def alternation(words: Iterable[str]) -> str:
    """``(?:w1|w2|…)`` for plain words, grouped by first letter with each group's words in their order: the
    same matches (only the group of the text's letter can match there, its words tried as before), but the
    regex engine tries one letter per group at each position instead of every word."""
    words = list(words)
    if not all(_PLAIN_WORD_RE.fullmatch(w) for w in words):
        return "(?:" + "|".join(words) + ")"  # not all plain lower-case words: as written
    return by_first_letter(words)


def by_first_letter(alternatives: Iterable[str]) -> str:
    """``(?:a1|a2|…)`` for regular-expression alternatives that each open on a plain lower-case letter (not
    quantified), grouped by that letter with each group's alternatives in their order: the same matches (only the
    group of the text's letter can match there), but the engine tries one letter per group instead of every
    alternative (``alternation`` for patterns, not only plain words)."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        if not alt[:1].islower() or alt[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"not opening on a plain letter: {alt!r}")
        groups.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(f"{head}(?:{'|'.join(tails)})" for head, tails in groups.items()) + ")"


def literal_not_after(literal: str, before: str = r"[\w']") -> str:
    r"""``(?<!before)`` then the literal (escaped), written the literal first and the look-behind after it, over the
    literal too (``Roma(?<![\w']Roma)``): the engine searches for the literal's characters instead of trying the
    look-behind at every position of the text. The same matches; ``before`` is one character's class."""
    escaped = re.escape(literal)
    return escaped + "(?<!" + before + escaped + ")"


_FINAL_VOWELS_RE = re.compile(r"[aeiou]+$")


def unit_key(unit: str) -> str:
    """Key for comparing counted nouns: first word, accent-free, without final vowels (persona/persone)."""
    words = fold(unit).split()
    if not words:
        return ""
    return _FINAL_VOWELS_RE.sub("", words[0]) or words[0]
