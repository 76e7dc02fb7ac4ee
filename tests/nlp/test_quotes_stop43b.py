"""Quotes, stop 43: a post's portfolio then a lone surname names the post's holder (invented examples, with near
misses; ``notes/speaker-model-decisions.md``, stop 43's second decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

LEAD = (
    "ROMA - La manovra arriva in aula la prossima settimana. "
    "Le opposizioni annunciano emendamenti su pensioni, sanità e trasporti."
)
QUOTE = "«I conti restano in ordine e non ci saranno nuove tasse»"


# S12: the portfolio is one word of the closed list, the holder's surname follows it.
@pytest.mark.parametrize(
    "attribution, speaker",
    [
        ("dichiara il ministro dell'Economia Giorgetti.", "Giorgetti"),
        ("ha detto il ministro degli Esteri Tajani.", "Tajani"),
        ("ha aggiunto l'assessore al Bilancio Ferraris.", "Ferraris"),
    ],
)
def test_a_portfolio_then_a_surname_names_the_holder(attribution: str, speaker: str) -> None:
    assert speakers(f"{LEAD}\n\n{QUOTE}, {attribution}") == [speaker]


def test_the_holder_is_resolved_to_the_full_name_the_piece_prints() -> None:
    text = f"{LEAD} Ne ha parlato anche Giancarlo Giorgetti.\n\n{QUOTE}, dichiara il ministro dell'Economia Giorgetti."
    assert speakers(text) == ["Giancarlo Giorgetti"]


@pytest.mark.parametrize(
    "attribution",
    [
        "ha detto il presidente della Croce Rossa.",  # a body's two-word name, not a portfolio and a holder
        "ha detto l'assessore alla Cultura Lombardia.",  # a place after the portfolio is no holder
    ],
)
def test_no_holder_where_the_words_are_no_surname(attribution: str) -> None:
    assert speakers(f"{LEAD}\n\n{QUOTE}, {attribution}") == [None]
