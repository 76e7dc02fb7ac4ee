"""Speakers, round 10: the fullest form of a speaker's name that the piece prints (ANNOTATION.md, ``speaker``), with
surname particles, words of a place or a body glued before a name, and runs of capitalised words cut short
(invented examples, each rule with a near miss that must not trigger)."""

from __future__ import annotations

from tests.nlp.invented import speakers

# A surname with its particle → the one longer name of the piece


def test_a_particle_surname_takes_the_full_name_printed_earlier():
    text = (
        "Il presidente della Provincia Carmine De Falco ha visitato ieri la scuola media di via Roma.\n\n"
        "Al termine della visita De Falco ha annunciato nuovi fondi. «Abbiamo trovato le risorse – spiega ai "
        "giornalisti l'esponente democratico – per rifare il tetto entro l'estate»."
    )
    assert speakers(text) == ["Carmine De Falco"]


def test_a_surname_two_people_share_stays_as_printed():
    text = (
        "Alla cerimonia c'erano Carmine De Falco, presidente della Provincia, e sua sorella Anna De Falco.\n\n"
        "Al termine della visita De Falco ha annunciato nuovi fondi. «Abbiamo trovato le risorse – spiega ai "
        "giornalisti l'esponente democratico – per rifare il tetto entro l'estate»."
    )
    assert speakers(text) == ["De Falco"]


# Words of a place or a body glued before the given name


def test_a_town_glued_before_the_name_is_cut():
    text = (
        "«La seduta di ieri è stata uno spettacolo indegno». Lo affermano in una nota i capigruppo di minoranza "
        "del consiglio comunale di Cairate Ercolino Brambillasca, Gesualdo Pessina, Anna Riva e Luca Moro."
    )
    assert speakers(text)[0] == "Ercolino Brambillasca"


def test_a_body_named_with_its_town_keeps_its_words():
    text = "«Il cantiere aprirà a maggio e chiuderà entro l'anno». Lo comunica in una nota il Comune di Cairate."
    assert speakers(text) == ["Comune di Cairate"]


# A surname printed twice in a row


def test_a_surname_printed_twice_is_read_once():
    text = "«I voli del mattino non bastano più a nessuno», dichiarano Franco Serra Serra (Lega) e Anna Pinna (FI)."
    assert speakers(text) == ["Franco Serra"]


def test_a_single_surname_is_untouched():
    text = "«I voli del mattino non bastano più a nessuno», dichiara Franco Serra (Lega)."
    assert speakers(text) == ["Franco Serra"]


# A post's word after a particle is part of the surname


def test_a_surname_that_is_a_post_after_its_particle_is_kept():
    text = (
        "La delibera porta la firma del vicesindaco Marta Del Console. «Il servizio si allarga a tre nuovi "
        "quartieri – spiega il vicesindaco – entro la fine del mese»."
    )
    assert speakers(text) == ["Marta Del Console"]


def test_a_post_after_the_surname_is_still_cut():
    text = (
        "Alla riunione è intervenuta Ester Bonfanti Assessore alla cultura. «Il museo resterà aperto anche la "
        "sera per tutta l'estate», ha detto."
    )
    assert speakers(text) == ["Ester Bonfanti"]


# A lower-case particle the piece prints capitalised elsewhere


def test_a_lower_case_particle_capitalised_later_is_a_surname():
    text = (
        "Il questore, Giovanni Battista di Stasio, ha fatto il punto sull'ordine pubblico in città. «I furti sono "
        "in calo – ha detto – rispetto allo scorso anno».\n\n"
        "«Serve però più personale – ha sottolineato Di Stasio – soprattutto di notte»."
    )
    assert speakers(text) == ["Giovanni Battista di Stasio", "Giovanni Battista di Stasio"]


def test_a_place_after_a_name_stays_a_place():
    text = "«I furti sono in calo rispetto allo scorso anno», ha detto Luca Bianchi di Treviso durante l'incontro."
    assert speakers(text) == ["Luca Bianchi"]


# A run of capitalised words cut short at the holder's given name


def test_a_body_opening_with_a_given_name_is_not_its_holder():
    text = (
        "«Ringrazio tutti i consiglieri – ha detto in conclusione il presidente del Massimo Organo Cittadino "
        "Luigi Parodi – per il lavoro fatto»."
    )
    assert speakers(text) == ["Luigi Parodi"]


def test_two_given_names_in_a_row_are_one_name():
    text = (
        "«Il fenomeno è in crescita – ha detto il comandante della Polizia Locale di Castelnuovo Cesare Augusto "
        "Fantini – e va fermato»."
    )
    assert speakers(text) == ["Cesare Augusto Fantini"]


# A quote alone in its paragraph, its speaker opening the next one


def test_the_next_paragraph_opening_with_a_post_and_a_name_speaks_despite_later_quotes():
    text = (
        "Borgoverde. «Il bilancio è stato approvato in tempo e senza alcun debito fuori bilancio».\n\n"
        "La sindaca Ilaria Fontanesi non nasconde la soddisfazione per il voto in aula. Anche l'opposizione ha "
        "parlato: «Un passo avanti», ha detto il consigliere Bruno Zerbini."
    )
    assert speakers(text) == ["Ilaria Fontanesi", "Bruno Zerbini"]


def test_a_quote_in_the_next_paragraphs_first_sentence_keeps_it_from_speaking():
    text = (
        "«Il bilancio è stato approvato in tempo e senza alcun debito fuori bilancio».\n\n"
        "Il consigliere Bruno Zerbini ha presentato in aula il progetto “Strade sicure per tutti” con la giunta."
    )
    assert speakers(text) == [None]


def test_the_subject_after_its_predicate_in_the_next_paragraph_speaks():
    text = (
        "«Così il paese non può andare avanti, servono risposte subito dalla Regione».\n\n"
        "È netto il sindaco di Borgoverde Ilaria Fontanesi, alle prese con la chiusura del presidio medico."
    )
    assert speakers(text) == ["Ilaria Fontanesi"]


def test_a_name_later_in_a_copular_sentence_does_not_speak():
    text = (
        "«Così il paese non può andare avanti, servono risposte subito dalla Regione».\n\n"
        "È nata così la lista civica guidata da Ilaria Fontanesi, che correrà alle prossime elezioni."
    )
    assert speakers(text) == [None]


# The attribution opening the sentence after the quote


def test_a_verb_of_saying_then_cosi_opens_the_attribution():
    text = (
        "Il sindaco Marco Bellini ha convocato il consiglio per martedì.\n\n"
        "«Nel consiglio di ieri si è consumato un vero complotto politico».\n\n"
        "Tuona così il consigliere di opposizione Arnaldo Pecoraro, tornando sulla seduta di martedì."
    )
    assert speakers(text) == ["Arnaldo Pecoraro"]


def test_a_cleft_with_an_aside_before_its_copula_names_the_speaker():
    text = (
        "Il sindaco Marco Bellini ha presentato il bilancio alla giunta regionale.\n\n"
        "«Allargare il fondo per l'affitto anche ai piccoli comuni». A chiederlo, con un'interrogazione alla "
        "giunta regionale, è Arnaldo Pecoraro, capogruppo della Lega."
    )
    assert speakers(text) == ["Arnaldo Pecoraro"]


def test_a_cleft_with_an_aside_naming_a_group_names_nobody():
    text = (
        "«Allargare il fondo per l'affitto anche ai piccoli comuni». A chiederlo, con una petizione alla giunta, "
        "sono da mesi i residenti del quartiere."
    )
    assert speakers(text) == [None]


# A capitalised post's word is no surname; a cleft before a colon; the Guardasigilli is a minister


def test_a_capitalised_posts_word_after_the_post_is_no_surname():
    text = (
        "Il procuratore di Borgoverde, Aurelio Santangelo, ha incontrato gli studenti del liceo.\n\n"
        "Conclude il Procuratore Capo: «Chi vuole denunciare trova sempre una porta aperta»."
    )
    assert speakers(text) == ["Aurelio Santangelo"]


def test_a_capitalised_surname_after_the_post_still_speaks():
    text = "Conclude il Procuratore Santangelo: «Chi vuole denunciare trova sempre una porta aperta»."
    assert speakers(text) == ["Santangelo"]


def test_a_cleft_before_the_colon_names_its_subject():
    text = (
        "Ad aprire gli interventi, dopo il saluto del presidente Bellini, è stata Ilaria Fontanesi, sindaca di "
        "Borgoverde, che ha dichiarato: «Le province devono tornare a contare nelle scelte della Regione»."
    )
    assert speakers(text) == ["Ilaria Fontanesi"]


def test_the_guardasigilli_is_the_minister():
    text = (
        "Il disegno di legge è stato definito dal Guardasigilli Aurelio Santangelo un passo storico per il "
        "Paese. «Abbiamo fatto quello che si aspettava da trent'anni», spiega il ministro."
    )
    assert speakers(text) == ["Aurelio Santangelo"]


def test_another_minister_is_not_the_guardasigilli():
    text = (
        "Il disegno di legge è stato definito dal Guardasigilli Aurelio Santangelo un passo storico. Il ministro "
        "dell'Economia Bruno Zerbini ha parlato dei costi. «I fondi ci sono», spiega il ministro dell'Economia."
    )
    assert speakers(text) == ["Bruno Zerbini"]
