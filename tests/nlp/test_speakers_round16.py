"""Speakers, round 16: the shape of a speaker's name (a surname opened by "de", a given name that is a word of a
place's name); invented examples, each with a near miss that must not trigger."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes


# "de" is no Italian preposition: after a given name it opens a surname, even printed once.
def test_a_surname_opened_by_de_printed_once() -> None:
    text = "«Il ponte sarà pronto entro l'estate». Così il sindaco di Lugo Carlo de Santis in una nota."
    (q,) = extract_quotes(text)
    assert q.speaker == "Carlo de Santis"
    assert q.role == "sindaco di Lugo"


def test_de_after_a_role_word_is_no_given_name() -> None:
    # near miss: "Palazzo de Santis" has no given name before the particle, and the mayor speaks
    text = "«Il ponte sarà pronto entro l'estate». Così il sindaco Anna Neri a Palazzo de Santis in una nota."
    (q,) = extract_quotes(text)
    assert q.speaker == "Anna Neri"


def test_di_printed_once_stays_a_preposition() -> None:
    # near miss: "di" is a preposition ("Mario Rossi di Legambiente"): the rule is for "de" only
    text = "«Il ponte sarà pronto entro l'estate», ha detto Mario Rossi di Legambiente."
    (q,) = extract_quotes(text)
    assert q.speaker == "Mario Rossi"


# A given name inside a place's name ("Venezia Giulia", "Santa Maria …") is no person's.
def test_a_region_before_the_holders_name() -> None:
    text = "«I fondi arriveranno a tutti i comuni», ha spiegato l'assessore del Friuli Venezia Giulia Paolo Bianchi."
    (q,) = extract_quotes(text)
    assert q.speaker == "Paolo Bianchi"
    assert q.role == "assessore del Friuli Venezia Giulia"


def test_a_comune_named_like_a_saint_then_its_mayor() -> None:
    text = "Il sindaco di Santa Maria Capua Vetere, Luca Verdi, ribadisce: «Siamo pronti ad accogliere le famiglie»."
    (q,) = extract_quotes(text)
    assert q.speaker == "Luca Verdi"


def test_a_given_name_after_a_non_place_word_still_opens_a_name() -> None:
    # near miss: "Giulia" after a body's word, not a place's: the person is Giulia Neri
    text = "«I fondi arriveranno a tutti i comuni», ha spiegato l'assessora alla Cultura Giulia Neri."
    (q,) = extract_quotes(text)
    assert q.speaker == "Giulia Neri"
