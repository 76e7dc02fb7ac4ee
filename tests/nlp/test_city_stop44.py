"""City, stop 44 (C1): a headline rebuilt from the address opens on the comune, with no punctuation, over a text that
names no comune and mixes local and wide words. Every example is invented (notes/speaker-model-decisions.md)."""

from __future__ import annotations

from tests.nlp.invented import city

# "Il consiglio comunale" and "la maggioranza", "l'opposizione": local and wide words in the same piece
COUNCIL = (
    "Ieri sera il consiglio comunale ha approvato il rendiconto con i voti della maggioranza.\n\n"
    "L'opposizione ha lasciato l'aula prima del voto, chiedendo chiarimenti sulle spese per le scuole."
)


def test_a_headline_opening_on_the_comune_over_a_text_naming_none():
    assert city(COUNCIL, "Gubbio approvato in consiglio il rendiconto 2023") == "Gubbio"


def test_a_headline_opening_on_a_comune_of_several_words():
    assert city(COUNCIL, "Castel Goffredo le opposizioni escono dal consiglio") == "Castel Goffredo"


def test_a_headline_in_quotes_is_no_lead():
    # near miss: «Fondi a rischio» is a quote's words, not a comune heading the piece
    assert city(COUNCIL, "«Gubbio resta sola» il consiglio approva il rendiconto") is None


def test_a_short_form_heading_the_headline_is_no_lead():
    # near miss: "Palazzo Pretorio" is a building; "Palazzo" is only a short form of Palazzo Canavese
    assert city(COUNCIL, "Palazzo Pretorio approvato in consiglio il restauro") is None


def test_a_wide_piece_keeps_no_city():
    # near miss: government, region and ministers outweigh the local words
    text = (
        "Il governo e la Regione hanno trovato l'accordo sui fondi: il ministro ha incontrato i deputati e i "
        "senatori della maggioranza e dell'opposizione.\n\nIl consiglio comunale attende il decreto."
    )
    assert city(text, "Gubbio attende i fondi del governo") is None


# C2: the comune then a capitalised word ("Villorba Pnrr ex scuola"), a headline rebuilt from the address.


def test_a_headline_opening_on_the_comune_then_an_acronym():
    assert city(COUNCIL, "Cingoli Pnrr ex scuola rurale ai lavori") == "Cingoli"


def test_a_headline_opening_on_the_comune_then_its_event():
    text = (
        "Grande partecipazione domenica alla festa organizzata dall'assessorato al turismo in piazza.\n\n"
        "Il sindaco ha ringraziato le associazioni e i volontari della protezione civile."
    )
    assert city(text, "Cingoli Festa dello Sport un successo") == "Cingoli"


def test_a_stream_heading_the_headline_is_no_comune():
    # near miss: "Rio Secco" is a stream; Rio, on Elba, is a comune of the same word
    assert city(COUNCIL, "Rio Secco esondato il consiglio chiede interventi") is None


def test_a_lead_before_a_capitalised_word_yields_to_the_comune_the_text_names():
    # near miss: the text names its comune; the headline's first word is then only a guess
    text = "Il sindaco di Treia ha inaugurato ieri la nuova sede della Pro loco in piazza della Repubblica."
    assert city(text, "Cingoli Festa dello Sport un successo") == "Treia"
