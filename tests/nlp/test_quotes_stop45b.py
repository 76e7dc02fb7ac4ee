"""Quotes, stop 45 (S17): a surname right after the role word, then a clause set off by a comma, is the post's
holder; a name inside that clause is someone else. Every example is invented (with near misses;
``notes/speaker-model-decisions.md``, stop 45's second decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

QUOTE = "«La dichiarazione del governo è stata una totale scortesia»"


@pytest.mark.parametrize(
    "attribution, speaker",
    [
        ("ha ripetuto il presidente Ferraris, replicando al premier Mario Bianchi.", "Ferraris"),
        ("ha detto il sindaco Colombo, dopo l'incontro con Luca Neri.", "Colombo"),
        ("ha aggiunto l'assessore Marchetti, rispondendo alla consigliera Anna Gallo.", "Marchetti"),
        ("ha spiegato il ministro De Santis, accanto al collega Paolo Russo.", "De Santis"),
    ],
)
def test_the_surname_after_the_role_holds_it_whoever_the_clause_names(attribution: str, speaker: str) -> None:
    assert speakers(f"{QUOTE}, {attribution}") == [speaker]


def test_the_holder_keeps_the_full_name_the_piece_gives() -> None:
    text = (
        "Il presidente della Regione Carlo Ferraris ha incontrato i sindaci.\n\n"
        f"{QUOTE}, ha ripetuto il presidente Ferraris, replicando al premier Mario Bianchi."
    )
    assert speakers(text) == ["Carlo Ferraris"]


# Near misses: a comma then a name, a complement before the name, a full name after the role.
@pytest.mark.parametrize(
    "attribution, speaker",
    [
        ("ha detto il segretario Cgil, Maurizio Landini.", "Maurizio Landini"),
        ("ha detto l'assessore al Bilancio, nonché vicesindaco, Mario Rossi.", "Mario Rossi"),
        ("ha detto il presidente Mario Draghi, dopo l'incontro con Olaf Scholz.", "Mario Draghi"),
        ("ha detto il sindaco Colombo.", "Colombo"),
    ],
)
def test_an_apposition_or_a_full_name_still_names_the_holder(attribution: str, speaker: str) -> None:
    assert speakers(f"{QUOTE}, {attribution}") == [speaker]
