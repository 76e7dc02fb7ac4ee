"""Quotes, stop 43: a post's holder behind an adjective the suffixes miss, or behind a title's dot, after the quote
(invented examples, with near misses; ``notes/speaker-model-decisions.md``, stop 43's first decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

LEAD = (
    "ROMA - Il vertice si è chiuso ieri sera dopo tre ore di colloqui. "
    "Le delegazioni hanno discusso a lungo dei corridoi umanitari e dei fondi."
)
QUOTE = "«Non accetteremo alcuna condizione»"


# S11 (a): an adjective of nationality or of the post between the post and the surname.
@pytest.mark.parametrize(
    "attribution, speaker",
    [
        ("ha detto il presidente turco Erdogan.", "Erdogan"),
        ("ha detto il premier spagnolo Sanchez.", "Sanchez"),
        ("ha spiegato il commissario straordinario Bellini.", "Bellini"),
        ("ha aggiunto l'amministratore unico Ferraris.", "Ferraris"),
        ("ha dichiarato il direttore sanitario Colombo.", "Colombo"),
        ("ha ribadito il capogruppo consiliare Marchetti.", "Marchetti"),
        ("ha detto il procuratore aggiunto Ielo.", "Ielo"),
    ],
)
def test_a_post_adjective_outside_the_suffix_list_keeps_the_holder(attribution: str, speaker: str) -> None:
    assert speakers(f"{LEAD}\n\n{QUOTE}, {attribution}") == [speaker]


def test_a_verb_between_the_post_and_the_name_is_no_adjective() -> None:
    # near miss: "attacca" is the sentence's verb, so Bellini is its object, not the post's holder
    text = f"{LEAD}\n\n{QUOTE}, ha detto il sindaco. Poi il sindaco attacca Bellini sui fondi."
    assert speakers(text) == [None]


# S11 (b): a post, then a title abbreviated with a dot, then the name, after the quote.
@pytest.mark.parametrize(
    "attribution, speaker",
    [
        ("ha detto il sindaco dott. Mario Ferraris.", "Mario Ferraris"),
        ("ha spiegato l'assessore arch. Luca Neri, a margine.", "Luca Neri"),
        ("ha concluso il presidente prof. Paolo Greco.", "Paolo Greco"),
    ],
)
def test_a_title_dot_does_not_end_the_attribution(attribution: str, speaker: str) -> None:
    assert speakers(f"{LEAD}\n\n{QUOTE}, {attribution}") == [speaker]


def test_a_post_with_its_place_then_a_title_keeps_the_holder() -> None:
    # already read before S11 (the comma before the title): pinned so the new sentence end does not lose it
    text = f"{LEAD}\n\n{QUOTE}, rileva il sindaco di Castelnuovo, avv. Bernardo Lodi."
    assert speakers(text) == ["Bernardo Lodi"]


def test_a_sentence_end_after_a_post_keeps_the_next_name_out() -> None:
    # near miss: a real full stop after the post; the next sentence's name is not the holder
    text = f"{LEAD}\n\n{QUOTE}, ha detto il sindaco. Mario Ferraris, consigliere di minoranza, non era presente."
    assert speakers(text) == [None]
