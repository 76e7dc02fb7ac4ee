"""City, round 17: a dateline in capitals with no punctuation after it, and the press's spellings of comuni of several
words (an elision closed up, a linking preposition dropped). Every example is invented (notes/round-city-17.md)."""

from __future__ import annotations

from tests.nlp.invented import city

# A dateline in capitals that no punctuation sets off: the text's first sentence follows it, capitalised.


def test_a_dateline_in_capitals_before_a_capitalised_word():
    text = (
        "SPILIMBERGO Riapre lunedì la piscina comunale dopo i lavori di manutenzione.\n\n"
        "Il sindaco ha annunciato i nuovi orari e le tariffe per le famiglie."
    )
    assert city(text, "Nuovi orari per gli impianti sportivi") == "Spilimbergo"


def test_a_dateline_in_capitals_under_a_kicker():
    text = "LA NOVITÀ\n\nSPILIMBERGO Riapre lunedì la piscina comunale dopo i lavori di manutenzione."
    assert city(text, "Nuovi orari per gli impianti sportivi") == "Spilimbergo"


def test_a_comune_in_mixed_case_before_a_capitalised_word_is_a_name():
    # near miss: not in capitals, "Sestola Sci Club" is a club's name, not a dateline
    text = "Sestola Sci Club ha organizzato la gara sociale di slalom.\n\nHanno partecipato ottanta atleti."
    assert city(text, "Slalom, in ottanta al via") is None


def test_a_comune_in_capitals_inside_a_sentence_is_no_dateline():
    # near miss: the capitals open no paragraph; "PESARO Anni Venti" is an exhibition's title
    text = "Al museo civico apre domani la mostra PESARO Anni Venti, con duecento fotografie d'epoca."
    assert city(text, "Mostre, si inaugura domani") is None


# The press's spellings of a comune of several words: an elision closed up ("de'Lombardi"), a linking preposition
# dropped ("Castiglione Pescaia" for Castiglione della Pescaia).


def test_a_comune_named_without_its_linking_preposition():
    text = (
        "Il sindaco di Castiglione Pescaia ha firmato l'ordinanza che chiude il ponte per i lavori di consolidamento."
    )
    assert city(text, "Ponte chiuso per lavori") == "Castiglione della Pescaia"


def test_a_comune_named_with_its_elision_closed_up():
    text = "Il sindaco di Sant'Angelo de'Lombardi ha firmato l'ordinanza che chiude il ponte per i lavori."
    assert city(text, "Ponte chiuso per lavori") == "Sant'Angelo dei Lombardi"


def test_the_first_word_alone_of_a_shared_name_stays_unresolved():
    # near miss: "Castiglione" alone is the first word of several comuni; the text names no region to choose by
    text = "Il sindaco di Castiglione ha firmato l'ordinanza che chiude il ponte per i lavori di consolidamento."
    assert city(text, "Ponte chiuso per lavori") is None
