"""City, round 11: an explicit frame over a place that only weighed more, headlines that drop their prepositions or
list sites, a regional piece's one comune, a meeting's venue, a firm's workplace. Every example is invented.

The rules these tests were written for (commit 673d78d on branch r11-city) gained +12 cities on batches 1-14 and 19
but only +2 on the validation batches 15-18 (the margin is +3), so they were reverted: each example of a rule is
kept as a strict expected failure (it passes again if the rule is restored), each near miss as a plain test."""

from __future__ import annotations

import pytest

from tests.nlp.invented import city

_REVERTED = pytest.mark.xfail(
    strict=True, reason="round 11 rule reverted: short of the validation margin (see round-city-11.md)"
)

# An explicit frame in the first paragraph ("l'Amministrazione comunale di X") outweighs a place that only weighed
# more (the headline's quarter of a larger city).


@_REVERTED
def test_a_comune_called_own_in_the_lead_beats_a_weighed_headline_place():
    text = (
        "L'Amministrazione comunale di Pomezia aderisce al corteo di domani a Ostia contro le mafie. "
        "Saranno presenti gli assessori, i consiglieri e la polizia locale con il gonfalone."
    )
    assert city(text, "Il sindaco presente al corteo di Ostia") == "Pomezia"


def test_a_comune_called_own_only_deep_in_the_text_does_not_beat_the_headline():
    # near miss: the explicit frame comes only in a later paragraph, the headline's place stays the city
    text = (
        "A Ostia i volontari hanno ripulito la spiaggia libera e la pineta, raccogliendo tre quintali di rifiuti.\n\n"
        "Hanno partecipato decine di ragazzi, insieme a diverse associazioni del litorale.\n\n"
        "Tra loro anche un gruppo arrivato dal Comune di Pomezia."
    )
    assert city(text, "Spiaggia pulita a Ostia, tre quintali di rifiuti") == "Roma"


# A headline joining two places ("tra X e Y") does not veto a comune it does not name and the text calls its own:
# the two places are its frazioni.


@_REVERTED
def test_a_paired_headline_spares_the_comune_the_text_calls_its_own():
    text = (
        "Una frana ha chiuso per alcune ore la strada che collega le frazioni. "
        "I massi sono stati rimossi dai vigili del fuoco volontari. "
        "I lavori di messa in sicurezza sono a carico del Comune di Mezzocorona."
    )
    assert city(text, "Massi sulla provinciale tra Ranzo e Aquilonia") == "Mezzocorona"


def test_a_paired_headline_of_two_comuni_stays_a_piece_about_both():
    # near miss: the text's own comune is one of the headline's pair
    text = (
        "Una frana ha chiuso per alcune ore la strada. "
        "I lavori di messa in sicurezza sono a carico del Comune di Mezzocorona."
    )
    assert city(text, "Mezzocorona e Aquilonia, massi sulla provinciale") is None


# A headline that drops its prepositions ("sindaco Senigallia") names the comune whose office the text gives.


@_REVERTED
def test_a_telegraphic_headline_names_the_mayors_comune():
    text = (
        "Il sindaco di Fabriano fa il punto sui danni del maltempo che ha colpito la Regione Marche. "
        "La Regione ha chiesto lo stato di emergenza al governo, il presidente della Regione ha visitato "
        "le zone colpite insieme al ministro."
    )
    assert city(text, "Maltempo Marche sindaco Fabriano scuole chiuse") == "Fabriano"


def test_a_role_before_a_surname_in_the_headline_stays_a_person():
    # near miss: the text gives no office "di Gaeta": "sindaco Gaeta" is a surname
    text = (
        "Il sindaco Gaeta ha presentato il bilancio della Regione Marche al ministro e al presidente della Regione. "
        "La Regione attende la risposta del governo."
    )
    assert city(text, "Maltempo Marche sindaco Gaeta scuole chiuse") is None


# "Campagna" is a common noun too ("la campagna", Coldiretti's "Campagna Amica").


@_REVERTED
def test_campagna_amica_is_no_comune():
    text = (
        "Appuntamento ogni sabato con Campagna Amica\n\nTorna il mercato contadino in piazza della Libertà. "
        "Lo ha annunciato l'assessore al commercio. L'esperimento di Campagna amica partito a marzo si è rivelato "
        "un successo."
    )
    assert city(text, "Mercato contadino in piazza") is None


def test_a_campagna_stays_the_comune():
    # near miss: "a Campagna", where something happens, is still the comune
    text = (
        "A Campagna il consiglio comunale ha approvato il bilancio. "
        "Il sindaco ha ringraziato la maggioranza per il lavoro svolto."
    )
    assert city(text, "Bilancio approvato in consiglio comunale") == "Campagna"


# A regional piece whose headline names one comune, where the text has something happen "a X" and names no other
# comune: that comune is its city.


@_REVERTED
def test_a_regional_piece_on_the_headlines_one_comune():
    text = (
        "L'assessore regionale ai trasporti ha risposto in consiglio regionale al consigliere dell'opposizione "
        "sulla nuova strada a Piombino. La Regione ha stanziato i fondi del governo, ha detto l'assessore "
        "regionale, e la giunta regionale approverà il progetto entro l'estate."
    )
    assert city(text, "Nuova strada a Piombino, l'assessore replica") == "Piombino"


def test_a_regional_piece_naming_two_comuni_stays_regional():
    # near miss: another comune is named too
    text = (
        "L'assessore regionale ai trasporti ha risposto in consiglio regionale al consigliere dell'opposizione "
        "sulla nuova strada a Piombino e sui cantieri a Follonica. La Regione ha stanziato i fondi del governo, "
        "ha detto l'assessore regionale, e la giunta regionale approverà il progetto entro l'estate."
    )
    assert city(text, "Nuova strada a Piombino, l'assessore replica") is None


# A headline listing sites after "tra" ("tra Museo X, Y e Castello Z") is no round-up of places (reverted with
# round 11's other rules; landed alone in stop 33, notes/speaker-model-decisions.md).


def test_a_headline_listing_sites_is_no_round_up():
    text = (
        "Diecimila visitatori in tre mesi nei musei della città: lo ha comunicato l'assessore comunale alla "
        "cultura in consiglio comunale. Il Castello Normanno resta il luogo più visitato di Lucera."
    )
    assert city(text, "10mila visitatori a Lucera tra Museo Civico, Duomo e Castello Normanno") == "Lucera"


def test_a_headline_listing_places_stays_a_round_up():
    # near miss: the list names comuni
    text = (
        "Controlli dei carabinieri in tutta la zona: a Lucera sequestrati due chili di droga, denunciati tre giovani."
    )
    assert city(text, "Blitz antidroga tra Lucera, Troia e Orsara") is None


# A meeting that "si è concluso a X" was held there: X is its venue, not the piece's city.


@_REVERTED
def test_a_meeting_concluded_at_a_place_is_a_venue():
    text = (
        "Si è concluso a Lecce l'incontro fra il prefetto e i sindacati sulla vertenza dei call center, "
        "che oggi ha riunito in piazza i lavoratori."
    )
    assert city(text, "Vertenza call center, presidio in piazza") is None


def test_a_festival_concluded_at_a_place_stays_there():
    # near miss: a festival, no meeting, concluded in the comune
    text = (
        "Si è concluso a Matera il festival del cinema con la premiazione in piazza. "
        "Il sindaco ha ringraziato i volontari e i commercianti del centro."
    )
    assert city(text, "Festival del cinema, la premiazione") == "Matera"


# A firm's workplace ("il supermercato X di Y", "il call center X di Y") is a site of the comune, as a factory is.


@_REVERTED
def test_a_supermarket_of_a_comune_in_the_lead_is_a_site():
    text = (
        '(ANSA) - PESCARA, 3 MAR - "Abbiamo lavorato per tutta la pandemia, ora ci mandano a casa". Parla così una '
        "delegata sindacale, in attesa dell'incontro in Regione sulla chiusura del supermercato Conad di Spoltore. "
        "La Regione ha convocato l'azienda, ha detto l'assessore regionale al lavoro.\n\n"
        "L'assessore regionale incontrerà i sindacati in settimana."
    )
    assert city(text, "Cassiere in presidio, noi lasciati soli") == "Spoltore"


def test_a_supermarket_named_only_late_in_a_regional_piece_is_not_its_site():
    # near miss: the workplace comes only in a later paragraph, after the closures in general
    text = (
        '(ANSA) - PESCARA, 3 MAR - "Abbiamo lavorato per tutta la pandemia, ora ci mandano a casa". Parla così una '
        "delegata sindacale, in attesa dell'incontro in Regione sulla chiusura dei supermercati. La Regione ha "
        "convocato l'azienda, ha detto l'assessore regionale al lavoro.\n\n"
        "L'assessore regionale incontrerà i sindacati in settimana, tra loro quelli del supermercato Conad di Spoltore."
    )
    assert city(text, "Cassiere in presidio, noi lasciati soli") is None
