"""The text helpers the extractors share."""

from __future__ import annotations

import re

import pytest

from rassegna.nlp.quotes import ROLE_WORDS
from rassegna.nlp.textutil import alternation

TEXT = (
    "Il sindaco Mario Rossi e la segretaria generale della Cgil, con l'assessora Anna Bianchi, il capogruppo "
    "Luca Verdi e il capo della Protezione civile; DON Giuseppe, la Segretaria Maria Neri, un ex sindacalista, "
    "il primo cittadino, l'ad della società, capogruppo2, il pm e il ct: ASSESSORE, Presidentessa, ministra."
)


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_grouped_alternation_finds_what_the_plain_one_finds(flags: int) -> None:
    plain = re.compile(r"(?<!\w)(?:" + "|".join(ROLE_WORDS) + r")\b", flags)
    grouped = re.compile(r"(?<!\w)" + alternation(ROLE_WORDS) + r"\b", flags)
    assert grouped.pattern != plain.pattern
    for text in (TEXT, TEXT.lower()):
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert grouped.findall(text)  # the text names roles: the comparison is not between two empty lists


def test_alternation_of_patterns_that_are_not_plain_words_is_left_as_written() -> None:
    assert alternation([r"sindac[oa]", "comune"]) == r"(?:sindac[oa]|comune)"
