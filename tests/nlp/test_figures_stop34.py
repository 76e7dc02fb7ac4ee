"""Figures and city, stop 34: an earthquake's magnitude, amounts printed in parts, a punctuated headline; invented
examples, each with a near miss that keeps the old answer (``notes/speaker-model-decisions.md``, stop 34)."""

from __future__ import annotations

from tests.nlp.invented import city, values


# F1: an earthquake's magnitude is a figure, its decimal point read as a decimal.
def test_a_magnitude_is_a_figure_before_or_after_its_word() -> None:
    assert values("All'alba una scossa di magnitudo 4.6 è stata avvertita in tutta la valle.") == [
        (4.6, "magnitudo", None)
    ]
    assert values("Il sisma, pari a 5.7 di magnitudo, ha svegliato la città.") == [(5.7, "magnitudo", None)]
    assert values("Poi una scossa di magnitudo 3,2 ad una profondità di 9 chilometri.") == [
        (3.2, "magnitudo", None),
        (9, "chilometri", None),
    ]


def test_a_dotted_number_with_no_magnitude_stays_unread() -> None:
    # near miss: "4.6" with no magnitude beside it is no decimal (and no count)
    assert values("La delibera 4.6 è stata approvata dalla giunta.") == []


# F2: one amount printed in parts.
def test_an_amount_printed_in_parts_is_one_amount() -> None:
    assert values("Il raccolto vale 15 milioni 316 mila 433 euro.") == [(15316433, "euro", None)]
    assert values("Il Comune ha speso 1 milione 807.257 euro per la scuola.") == [(1807257, "euro", None)]
    assert values("Sono mille e 400 i posti venuti meno.") == [(1400, "posti", None)]
    assert values("In tutto mille e duecento persone hanno firmato.") == [(1200, "persone", None)]


def test_amounts_in_a_list_stay_apart() -> None:
    # near miss: a comma between two amounts makes a list, not one amount
    assert values("Stanziati 1 milione, 807.257 euro già spesi.") == [(1000000, "euro", None), (807257, "euro", None)]
    assert values("Le mille e una notte, in scena per 300 persone.") == [(300, "persone", None)]


# C3: a headline with punctuation was not rebuilt from an address: its lower-case words stay common words.
BODY = (
    "Le fusioni tra comuni portano contributi statali per quindici anni, ma i referendum spesso falliscono: "
    "molti cittadini temono di perdere l'identità del proprio paese."
)


def test_a_punctuated_headline_is_no_address() -> None:
    assert city(BODY, "Fusione comuni, pioggia di fondi ma i campanili resistono") is None


def test_a_headline_of_the_address_words_still_gives_its_comune() -> None:
    # near miss: the same words with no punctuation may be the address's, and "a fondi" is a place there
    text = "Un incendio è divampato ieri sera in un capannone. Sul posto i vigili del fuoco di Fondi."
    assert city(text, "incendio a fondi in un capannone") == "Fondi"


# F3: a temperature is a figure in degrees; "a 360 gradi" is an idiom.
def test_a_temperature_is_a_figure() -> None:
    assert values("Nelle aule il termometro è sceso a 12 gradi, denunciano i genitori.") == [(12, "gradi", None)]
    assert values("La gelata ha portato le temperature fino a -8,3 gradi all'alba.") == [(-8.3, "gradi", None)]


def test_all_round_is_no_temperature() -> None:
    # near miss: "a 360 gradi" means all round
    assert values("Un progetto che si muove a 360 gradi, con obiettivi concreti.") == []


# F4: "zero" before a plural noun that counts is a figure of none.
def test_zero_before_a_plural_count_is_a_figure() -> None:
    assert values("Zero candidati a sindaco: ad Andreis arriva il commissario.") == [(0, "candidati", None)]
    assert values("Il partito è fermo. Zero voti per il candidato della lista civica.") == [(0, "voti", None)]


def test_zero_in_a_set_phrase_is_no_figure() -> None:
    # near miss: "costo zero", "a zero ore", "zero condivisione" count nothing
    assert values("Un'opera a costo zero per il Comune.") == []
    assert values("Cassa integrazione a zero ore dal mese prossimo.") == []
    assert values("Nessun confronto: zero condivisione con i cittadini.") == []


# F5, F6: a rough count after an elided article or after "un altro".
def test_a_rough_count_after_an_elided_or_masculine_article() -> None:
    assert values("La Caritas ha messo a disposizione un’ottantina di posti letto.") == [(80, "posti letto", "circa")]
    assert values("Un altro centinaio di profughi ha trovato posto in albergo.") == [(100, "profughi", "circa")]


def test_a_word_after_an_apostrophe_is_no_rough_count() -> None:
    # near miss: after "un'" only a rough count's word makes a number, not "altra" before a noun
    assert values("Hanno danneggiato un'altra macchina parcheggiata.") == []
