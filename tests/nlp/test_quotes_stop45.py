"""Quotes, stop 45 (S16): a given name no list holds, which the piece itself shows to be one: after a role, before a
surname that the piece elsewhere says speaks or holds a post on its own. Every example is invented (with near misses;
``notes/speaker-model-decisions.md``, stop 45's first decision)."""

from __future__ import annotations

import pytest

from rassegna.nlp.quotes import _given_names_the_piece_shows
from tests.nlp.invented import speakers

SAID = "«Non ci fermeremo: i fondi arriveranno entro l'estate»"


@pytest.mark.parametrize(
    "introduction, attribution, speaker",
    [
        # a place closes the role's complement; the surname has a particle: the given name used to be lost
        (
            "Il sindaco di Bardolino Arvid De Pellegrini ha incontrato i residenti.",
            "ha detto De Pellegrini.",
            "Arvid De Pellegrini",
        ),
        # a party's short name before the name used to be glued to it
        ("La segretaria del Pd Kevyn Carradori è intervenuta alla festa.", "ha spiegato Carradori.", "Kevyn Carradori"),
        # the surname with a particle whose last word is a given name ("De Luca")
        (
            "Il sindaco di Fondi Olinto De Luca ha convocato la giunta.",
            "ha detto il sindaco De Luca.",
            "Olinto De Luca",
        ),
    ],
)
def test_a_given_name_the_piece_shows_reaches_the_speaker(introduction: str, attribution: str, speaker: str) -> None:
    assert speakers(f"{introduction}\n\n{SAID}, {attribution}") == [speaker]


def test_the_role_and_surname_in_the_quotes_own_sentence_show_it_too() -> None:
    text = (
        "Il sindaco di Bardolino Arvid De Pellegrini e l'assessora Marta Gonzati hanno incontrato le famiglie. "
        f"{SAID} – dichiarano il sindaco De Pellegrini e l'assessora Gonzati."
    )
    assert speakers(text) == ["Arvid De Pellegrini"]


def test_the_surname_speaking_before_its_quote_shows_it_too() -> None:
    text = f"Il sindaco di Bardolino Arvid De Pellegrini ha incontrato i residenti.\n\nDe Pellegrini ha detto: {SAID}."
    assert speakers(text) == ["Arvid De Pellegrini"]


# Near misses: the piece shows no given name.
def test_a_complements_noun_is_no_given_name() -> None:
    text = f"L'incontro con il ministro del Lavoro Poletti è andato bene.\n\n{SAID}, ha detto Poletti."
    assert _given_names_the_piece_shows(text) == frozenset()


def test_a_comune_of_two_words_is_no_given_name() -> None:
    text = (
        f"L'annuncio arriva dal sindaco di Celle Ligure Renato Zunino.\n\nIl sindaco di Celle Ligure rileva che {SAID}."
    )
    assert _given_names_the_piece_shows(text) == frozenset()


def test_a_word_the_piece_also_writes_in_lower_case_is_no_given_name() -> None:
    text = (
        f"Il ministro ha difeso in aula la Riforma Nordio, e la riforma passerà al Senato.\n\n{SAID}, ha detto Nordio."
    )
    assert _given_names_the_piece_shows(text) == frozenset()


def test_a_surname_that_never_speaks_on_its_own_shows_nothing() -> None:
    text = f"Il sindaco di Bardolino Arvid De Pellegrini ha incontrato i residenti.\n\n{SAID}, ha detto il sindaco."
    assert _given_names_the_piece_shows(text) == frozenset()


def test_a_place_after_a_role_is_no_given_name() -> None:
    text = f"Il sindaco ha inaugurato Piazza Garibaldi con la giunta.\n\n{SAID}, ha detto il sindaco Garibaldi."
    assert _given_names_the_piece_shows(text) == frozenset()


def test_outside_the_piece_the_list_is_unchanged() -> None:
    from rassegna.nlp.gazetteer import first_names, listed_first_names

    speakers(f"Il sindaco di Bardolino Arvid De Pellegrini è arrivato.\n\n{SAID}, ha detto De Pellegrini.")
    assert first_names() is listed_first_names() and "arvid" not in first_names()
