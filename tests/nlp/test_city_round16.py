"""City, round 16: a capoluogo heading a piece about a comune of its province, headlines whose comune the rules did not
see (a preposition before a number, a full name before a capitalised word, a short form that is a person), and a
council list's name. Every example is invented (notes/round-city-16.md)."""

from __future__ import annotations

from tests.nlp.invented import city

# A headline led by a capoluogo as a label for its province, over a text that sets the events in one comune of that
# province and nothing in the capoluogo itself: the comune is the piece's city.


def test_a_capoluogo_heading_a_piece_set_in_a_comune_of_its_province():
    text = (
        "CUNEO - Un agricoltore di 58 anni è rimasto gravemente ferito ieri pomeriggio a Busca, dove il trattore che "
        "guidava si è ribaltato in un campo.\n\n"
        "«Una comunità intera è in ansia per lui», ha detto il sindaco di Busca."
    )
    assert city(text, "Cuneo, trattore si ribalta: grave un agricoltore") == "Busca"


def test_a_capoluogo_heading_a_piece_set_in_the_capoluogo_stays():
    # near miss: the events happen in the capoluogo; the comune of its province is only where patients come from
    text = (
        "Il nuovo padiglione dell'ospedale apre a Cuneo la prossima settimana, con quaranta posti letto.\n\n"
        "I pazienti arriveranno anche da Busca e dalle valli."
    )
    assert city(text, "Cuneo, apre il nuovo padiglione") == "Cuneo"


def test_a_capoluogo_heading_two_comuni_of_its_province_stays():
    # near miss: two comuni of the province share the events, so the headline's label is not resolved to one
    text = (
        "Grandine sui frutteti: danni ingenti a Busca e a Dronero, dove i coltivatori contano le perdite.\n\n"
        "«Siamo in ginocchio», dice un produttore."
    )
    assert city(text, "Cuneo, grandine sui frutteti") == "Cuneo"


# A headline's "A X" before a figure: the "a" is the headline's preposition, not part of a name ("ASL Roma 1").


def test_a_headlines_comune_before_a_figure():
    text = (
        "La Giunta ha approvato i criteri per i contributi alle associazioni sportive che gestiscono gli impianti "
        "comunali. «Un intervento senza precedenti», commenta l'assessore allo sport."
    )
    assert city(text, "A Cherasco 40 mila euro per gli impianti sportivi") == "Cherasco"


def test_a_numbered_district_is_still_a_name():
    # near miss: "Distretto Latina 2" names a health district, not the comune
    text = "Il Distretto Latina 2 ha aperto le prenotazioni per i vaccini. Le sedi sono elencate sul sito."
    assert city(text, "Vaccini, aperte le prenotazioni") is None


# A comune's full name of several words leading a headline is the comune, whatever word follows it.


def test_a_full_name_leading_a_headline_before_a_surname():
    text = (
        "La casa di via Roma sarà destinata al Dopo di Noi. L'assessora alle politiche sociali Carla Gialli assicura "
        "che è solo la prima risposta dell'Amministrazione comunale."
    )
    assert city(text, "Monte San Savino Gialli passi avanti sul Dopo di Noi") == "Monte San Savino"


def test_a_saints_name_leading_a_headline_before_a_surname_is_not_taken():
    # near miss: a saint's name may be a church's or a feast's, so it still needs its punctuation
    text = "La parrocchia organizza la processione di domenica. Il parroco invita tutti a partecipare."
    assert city(text, "San Giorgio Bianchi guida la processione") is None


# A comune named inside a council group's name is the comune's own group: the headline's comune stays.


def test_a_council_groups_name_keeps_the_headlines_comune():
    text = (
        "In commissione agricoltura è scontro aperto. «La maggioranza ignora le aziende», attacca Paolo Neri, "
        "capogruppo del gruppo Bussolengo Futura, che chiede una seduta straordinaria."
    )
    assert city(text, "Il duro attacco della Lega di Bussolengo in commissione") == "Bussolengo"


def test_a_festivals_name_still_does_not_make_the_headlines_comune():
    # near miss: a festival's name is no council group of the comune, and still no evidence for it
    text = "Il consiglio ha votato il bilancio di Universo Bussolengo e le prospettive di Universo Bussolengo."
    assert city(text, "Bussolengo, tutti i numeri") is None


# A short form in the headline that the text gives as a person's surname is the person.


def test_a_headlines_short_form_that_is_the_mayors_surname():
    text = (
        "«Nessuno ci aiuterà sul trasporto pubblico», è l'appello del sindaco di Milano, Giuseppe Sala, che difende "
        "l'acquisto delle quote della metropolitana. A Milano la linea sarà completata entro l'anno."
    )
    assert city(text, "Sala: acquisizione delle quote perché nessuno ci aiuterà") == "Milano"


def test_a_headlines_short_form_the_text_gives_as_its_comune():
    # near miss: the text names the comune in full, no person of that name: the headline's comune stays
    text = "Il Comune di Sala Consilina ha approvato il bilancio. Il sindaco ha ringraziato gli uffici."
    assert city(text, "Sala Consilina: approvato il bilancio") == "Sala Consilina"


# A quarter named inside a body's name ("la Circoscrizione Vomero") still names its city: the headline's city stays.


def test_a_quarter_inside_a_name_keeps_the_headlines_city():
    text = (
        "Nella municipalità collinare si moltiplicano gli episodi di violenza. A diffondere la notizia è Gennaro "
        "Rossi, già presidente della Circoscrizione Vomero. «Sembra il Far West», dice."
    )
    assert city(text, "Napoli: municipalità collinare sempre più insicura") == "Napoli"


def test_the_comune_itself_inside_a_name_still_does_not_make_the_headlines_comune():
    # near miss: the comune's own name inside a festival's name is no evidence for the comune
    text = "Il bilancio di Universo Assisi è in attivo e le prospettive di Universo Assisi sono buone."
    assert city(text, "Assisi: tutti i numeri") is None
