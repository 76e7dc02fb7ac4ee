"""Accent folding: one definition, and the few keys built on it (NLP lookups, dedupe keys, story shingles)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['’`´]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)
_NOT_WORD = re.compile(r"[\W_]+")


def fold_accents(text: str) -> str:
    """Accents stripped and case folded: ``Città`` → ``citta``, ``PERÒ`` → ``pero``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The lookup key of a word or name: ``Bertole'`` and ``Bertolé`` both give ``bertole`` (spaces collapsed)."""
    return _SPACES.sub(" ", _APOSTROPHES.sub("", fold_accents(text))).strip()


def fold_words(text: str | None) -> list[str]:
    """Lower-case words without accents: ``Città di Roma`` → ``["citta", "di", "roma"]``."""
    return _WORD.findall(fold_accents(text or ""))


def fold_key(text: str) -> str:
    """Folded words joined by single spaces, punctuation and underscores dropped (a dedupe key's part)."""
    return _NOT_WORD.sub(" ", fold_accents(text)).strip()
