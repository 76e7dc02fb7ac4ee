"""City, round 17: a dateline in capitals with no punctuation after it, a text opening on its comune and a colon
before a quotation, the press's spellings of comuni of several words (an elision closed up, a linking preposition
dropped), and a lower-case headline's word that the text capitalises only inside a longer name. Every example is
invented (notes/round-city-17.md)."""

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


# A text opening on its comune and a colon before a quotation: the comune's own people speak.


def test_a_text_opening_on_its_comune_and_a_quotation():
    text = (
        "Ostuni: «Il nuovo mercato coperto sarà pronto entro l'estate», annuncia l'assessore ai lavori pubblici.\n\n"
        "I lavori sono al 70 per cento."
    )
    assert city(text, "Mercato coperto, i tempi") == "Ostuni"


def test_a_list_of_comuni_before_a_quotation_is_no_dateline():
    # near miss: three comuni share the statement
    text = "Fasano, Ostuni e Cisternino: «Uniti per il turismo», dicono i tre sindaci, che hanno firmato un protocollo."
    assert city(text, "Turismo, un patto tra tre comuni") is None


def test_a_regional_seat_before_a_quotation_is_no_dateline():
    # near miss: a region's seat opening the text may be where a regional piece was filed
    text = "Roma: «Il nuovo mercato coperto sarà pronto entro l'estate», annuncia l'assessore."
    assert city(text, "Mercato coperto, i tempi") is None


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


# A lower-case headline's word that the text writes capitalised only inside a longer name ("Borgo Ginestra", a
# quarter) is not given its capital back as a comune.


def test_a_headline_word_capitalised_only_inside_a_name():
    text = (
        "PONTINIA Il Comune aprirà una succursale della scuola media anche a Borgo Ginestra, il quartiere più "
        "giovane della città.\n\nLe lezioni partiranno a ottobre."
    )
    assert city(text, "la scuola si allarga e punta su borgo ginestra") == "Pontinia"


def test_a_headline_comune_the_text_capitalises_alone_is_recased():
    # near miss: the text writes the comune capitalised after a lower-case word, as a comune
    text = "Il Comune di Ginestra aprirà una succursale della scuola media, come chiesto dalle famiglie."
    assert city(text, "la scuola media arriva anche a ginestra") == "Ginestra"
