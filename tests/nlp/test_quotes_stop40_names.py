"""Quotes, stop 40: a surname opened by a lower-case particle, and an interruption with "così" for its verb
(invented examples, with near misses; ``notes/speaker-model-decisions.md``, stop 40's fifth decision)."""

from __future__ import annotations

from tests.nlp.invented import speakers

LEAD = "BRUXELLES - La presidente della Commissione europea Ursula von der Leyen ha incontrato i ministri."


# S6a: "von der Leyen", "de Pascale" without a given name, after a verb of saying.
def test_a_particled_surname_after_a_verb_is_the_speaker() -> None:
    quote = '"Dobbiamo guardare ai risultati - ha continuato von der Leyen - e ai mezzi che servono".'
    assert speakers(f"BRUXELLES - Il Consiglio europeo si è riunito ieri.\n\n{quote}") == ["von der Leyen"]
    assert speakers(f"{LEAD}\n\n{quote}") == ["Ursula von der Leyen"]  # the full name the piece prints
    text = "RAVENNA - «I conti del Comune sono in ordine», ha spiegato de Pascale alla stampa."
    assert speakers(text) == ["de Pascale"]


def test_di_before_a_capital_is_no_surname() -> None:
    # near miss: "di" is a preposition here, not a particle; the speaker stays the one named
    text = "«Il bando partirà a gennaio», ha detto il sindaco Mario Rossi. «Ne ha parlato di Roma anche il ministro»."
    assert speakers(text)[0] == "Mario Rossi"


# S6b: "– così X –" inside a quote is an interruption, as "– ha detto X –" is.
def test_cosi_with_a_post_and_a_name_interrupts_a_quote() -> None:
    text = (
        "TRIESTE - Nuovi autobus in tutta la regione.\n\n"
        '"Il nostro obiettivo è migliorare il servizio pubblico - così il governatore Massimiliano Fedriga -. '
        'Il trasporto pubblico è un diritto di tutti i cittadini".'
    )
    assert speakers(text) == ["Massimiliano Fedriga"]


def test_cosi_come_names_nobody() -> None:
    # near miss: "– così come è stato –" is no attribution; the speaker named after the quote keeps it
    text = (
        "NOVARA - Il consiglio comunale si è riunito ieri.\n\n"
        "«Il bilancio va rivisto - così come è stato chiesto da tutti - prima del voto», ha detto Anna Bellini."
    )
    assert speakers(text) == ["Anna Bellini"]
