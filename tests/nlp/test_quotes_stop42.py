"""Quotes, stop 42: a body by its proper name says the quote without a colon (invented examples, with near misses;
``notes/speaker-model-decisions.md``, stop 42's first decision)."""

from __future__ import annotations

from tests.nlp.invented import speakers

LEAD = (
    "ROMA - L'Istat ha diffuso ieri i dati sui prezzi al consumo di ottobre. "
    "Il carrello della spesa cresce ancora e le famiglie tagliano i consumi."
)


# S10: a body named by its proper name is the subject of a verb of saying that leads into the quote.
def test_a_body_that_makes_a_point_before_the_quote_speaks() -> None:
    text = f"{LEAD}\n\nIl Codacons fa notare «come il peso degli alimentari nel paniere scenda per il terzo anno»."
    assert speakers(text) == ["Codacons"]


def test_a_body_that_observes_that_speaks() -> None:
    text = f"{LEAD}\n\nPalazzo Chigi ha osservato che «la misura resta valida per tutte le famiglie»."
    assert speakers(text) == ["Palazzo Chigi"]


def test_a_person_named_by_surname_keeps_the_person() -> None:
    # near miss: a surname of a person the piece names in full is the person, not a body
    text = (
        f"{LEAD} Il presidente dell'associazione Carlo Rienzi ha chiesto un intervento.\n\n"
        "Rienzi fa notare «come il peso degli alimentari nel paniere scenda per il terzo anno»."
    )
    assert speakers(text) == ["Carlo Rienzi"]


def test_a_place_that_lets_it_be_known_is_no_speaker() -> None:
    # near miss: a comune or a region as the subject is a place, not a body that speaks
    text = f"{LEAD}\n\nLa Lombardia fa sapere che «la misura resta valida per tutte le famiglie»."
    assert speakers(text) == [None]


def test_a_body_in_capitals_keeps_its_first_letters() -> None:
    # "INPS" opens with the letters of the article "I": an article is a word of its own, never part of a name
    text = f"{LEAD}\n\nINPS fa notare «come il peso degli alimentari nel paniere scenda per il terzo anno»."
    assert speakers(text) == ["INPS"]
