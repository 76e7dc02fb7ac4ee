"""Speakers, round 7: classes of batch-9 misses (invented examples, one per rule class, with near-misses)."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes
from tests.nlp.invented import speakers

# Name shape


def test_capitalised_words_of_a_body_glued_before_the_name_are_no_part_of_it():
    text = (
        "“Il piano è pronto e partirà a gennaio – dichiara l’assessora alle Politiche Giovanili Ermelinda Costanzo "
        "– e coinvolgerà tutte le scuole”."
    )
    assert speakers(text) == ["Ermelinda Costanzo"]


def test_a_body_named_like_a_given_name_before_the_name_is_no_part_of_it():
    text = (
        '"Una scelta sbagliata che pagheranno le famiglie". Lo ha detto il sindaco di Fano e presidente regionale '
        "di Aurora Giorgio Bianchi, durante l'assemblea di Aurora Marche a Jesi.\n\n"
        '"Nessuno ci ha ascoltato", ha concluso.'
    )
    assert speakers(text) == ["Giorgio Bianchi", "Giorgio Bianchi"]


def test_a_double_given_name_stays_whole():
    text = "“La scuola riapre lunedì”, ha detto la presidente di Anna Maria Conti, la fondazione che gestisce l'asilo."
    assert "Maria Conti" not in speakers(text)
    text = "“La scuola riapre lunedì”, ha annunciato la dirigente scolastica Anna Maria Conti."
    assert speakers(text) == ["Anna Maria Conti"]


def test_a_surname_with_two_particles_and_its_short_form():
    text = (
        "Il presidente del Tribunale, Marco De Santis Del Monte, ha presentato i dati. “Abbiamo ridotto i tempi”, "
        "dice De Santis, che aggiunge: “Serve più personale”."
    )
    assert speakers(text) == ["Marco De Santis Del Monte", "Marco De Santis Del Monte"]


def test_a_lower_case_particle_of_a_surname_printed_again_after_a_post():
    text = (
        "Il sindaco Giovanni de Martinis commenta la sentenza. “È un risultato importante per tutta la città”.\n\n"
        "“Ora si riapre il cantiere – ha aggiunto il sindaco de Martinis – e lo chiuderemo entro l'estate”."
    )
    assert speakers(text) == ["Giovanni de Martinis", "Giovanni de Martinis"]


def test_a_lower_case_preposition_before_a_place_stays_a_preposition():
    text = "“Il porto riapre domani”, ha detto Marco Rossi di Genova, che di Genova è il sindaco."
    assert speakers(text) == ["Marco Rossi"]


def test_a_post_word_after_a_full_name_ends_it():
    text = (
        "“Abbiamo aderito al progetto – dichiara Laura Bettini Consigliera Comunale con delega alla Scuola. "
        "È un servizio nuovo”.\n\n“Lo estenderemo a tutti i quartieri”, conclude la consigliera Bettini."
    )
    assert speakers(text) == ["Laura Bettini", "Laura Bettini"]


def test_an_acronym_after_a_post_is_the_body_not_a_surname():
    text = (
        '"Il confronto è aperto". Così il leader UIL Paolo Bombardieri in conferenza stampa. "Ma lo sciopero '
        'resta - ha aggiunto il segretario Uil - finché non vedremo i fatti".'
    )
    assert speakers(text) == ["Paolo Bombardieri", "Paolo Bombardieri"]


def test_a_post_after_the_name_of_the_next_person_in_a_list_is_not_this_one():
    text = (
        "Ad accoglierli il vicesindaco Carla Ferri, il presidente del consiglio comunale Mario Gallo e "
        "l'assessore Luca Neri.\n\n"
        "«Siamo vicini ai lavoratori – spiega il vicesindaco – e li sosterremo»."
    )
    assert speakers(text) == ["Carla Ferri"]


# A surname alone after a post


def test_a_surname_set_off_by_commas_after_a_post_is_its_holder_not_a_full_name_further_on():
    text = (
        "Il vicepremier e ministro dell'Economia, Ferraris, in conferenza stampa con l'omologo tedesco Karl "
        "Weber, a margine del vertice di Bruxelles, ha dichiarato: “Abbiamo trovato un accordo sui conti”."
    )
    assert speakers(text) == ["Ferraris"]


def test_a_surname_set_off_by_commas_then_an_aside_leads_the_quote():
    text = (
        "“Le imprese e i sindacati devono tornare a parlarsi”. Così il nuovo presidente degli artigiani, "
        "Martinelli, nella sua prima intervista al Giornale di Brescia firmata da Giulia Rota."
    )
    assert speakers(text) == ["Martinelli"]


def test_a_list_of_portfolios_is_no_surname():
    text = (
        "Paolo Serra, assessore a Coesione Sociale, Sanità, Welfare, ha annunciato che “i contributi saranno "
        "erogati entro l'estate a tutte le famiglie”."
    )
    assert speakers(text) == ["Paolo Serra"]


def test_a_post_then_an_adjective_then_a_surname():
    text = "«Siamo pronti a una nuova tregua», ha detto il presidente francese Moreau ai giornalisti."
    assert speakers(text) == ["Moreau"]
    text = "«Siamo pronti a una nuova tregua», ha detto il dirigente italiano Onu ai giornalisti, Marco Neri."
    assert "Onu" not in speakers(text)


def test_a_full_name_after_a_gerund_is_its_complement_not_the_posts_holder():
    text = (
        "Il presidente di Federmeccanica, Bonetti, parla di contratti. “Serve una nuova fase”, spiega il "
        "leader delle imprese rispondendo alle domande di Luisa Ferri del Sole 24 Ore."
    )
    assert speakers(text) == ["Bonetti"]


# Bodies made to speak


def test_a_generic_noun_for_an_ngo_is_the_ngo_named_before():
    text = (
        "La nave della ong Mare Aperto, con 40 naufraghi a bordo, si dirige a Pozzallo: “Non ci fermeremo davanti "
        "ai divieti del governo”, afferma la Ong in un comunicato."
    )
    assert speakers(text) == ["Mare Aperto"]


def test_a_verb_of_saying_from_the_town_hall_is_the_comune_named_before():
    text = (
        "Il Comune di Roccabianca punta ai fondi del Pnrr per la nuova biblioteca.\n\n"
        "«Vogliamo offrire ai ragazzi uno spazio di studio aperto anche la sera», fanno sapere da palazzo di città."
    )
    assert speakers(text) == ["Comune di Roccabianca"]


def test_a_noun_of_speech_naming_a_body_in_the_sentence_before_the_quote():
    text = (
        "«Il centro aprirà a maggio in via Roma», ha spiegato Claudio Neri. Intanto parte l'appello della "
        "Misericordia a tutti i cittadini. «Cerchiamo volontari disposti a dedicare qualche ora alla settimana agli "
        "anziani soli»."
    )
    assert speakers(text) == ["Claudio Neri", "Misericordia"]


def test_a_party_as_the_source_or_the_subject_of_the_lead_in():
    text = (
        "Secondo il M5s, la scelta del governo dimostra che “l'opposizione unita ottiene risultati concreti”. "
        "E il Pd ha alzato il tiro: “Non capiamo perché la premier non venga in Aula a rispondere”."
    )
    assert speakers(text) == ["M5s", "Pd"]


def test_a_person_in_the_lead_in_speaks_not_the_body():
    text = "Per il Pd, il capogruppo Marco Neri ha ribadito: “Non voteremo questo bilancio senza modifiche”."
    assert speakers(text) == ["Marco Neri"]
    text = "Per il Natale, il sindaco Luca Bassi ha detto: “Le luminarie saranno accese già da sabato prossimo”."
    assert speakers(text) == ["Luca Bassi"]
    text = "Per il Giubileo, la città si prepara: “Abbiamo lavorato per due anni a questo progetto”."
    assert "Giubileo" not in speakers(text)


def test_a_time_clause_with_no_subject_before_a_colon_goes_on_with_the_last_speaker():
    text = (
        "La nave della ong Mare Aperto sfida il divieto: “Non siamo intimiditi dal ministro”, afferma la Ong. "
        "E dopo aver ricevuto il decreto firmato da Matteo Salvini: “Abbiamo bisogno subito di un porto sicuro”."
    )
    assert speakers(text) == ["Mare Aperto", "Mare Aperto"]


# The attribution after the quote, as a noun or in the next paragraph


def test_e_stato_l_attacco_di_after_the_quote_names_its_speaker():
    text = (
        "La diretta era stata negata a tutta la minoranza: «Grave impedire ai cittadini di ascoltare il governo», è "
        "stato l'attacco del segretario di Azione Civica Paolo Ricci. Questa scelta avrebbe negato un palco a "
        "leader come Anna Verdi."
    )
    assert speakers(text) == ["Paolo Ricci"]


def test_an_invitation_noun_between_dashes_inside_the_quote_names_its_speaker():
    text = (
        "Il consiglio ha votato la mozione, con l'astensione del capogruppo Marco Bassi.\n\n"
        "«Faccia chiarezza al suo interno la maggioranza – l'invito di Giulia Serra e Luca Conti – prima del "
        "prossimo voto sul bilancio»."
    )
    assert speakers(text) == ["Giulia Serra"]


def test_con_queste_parole_and_an_aside_then_the_subject_after_a_quote_paragraph():
    text = (
        "«Le mie priorità? Finire le opere del Pnrr, a cominciare dal recupero dell'ex Galilei di via Roma, e "
        "aiutare le famiglie in difficoltà».\n\n"
        "Con queste parole, peraltro ribadendo che «la città viene prima dei partiti», il sindaco Marco Ferri, "
        "nella sala della giunta, ha presentato la sua nuova squadra."
    )
    assert speakers(text) == ["Marco Ferri", "Marco Ferri"]


# Objects and addressees are not the subject


def test_the_addressee_of_a_request_answers_with_che_replica():
    text = (
        "Marco Bassi, consigliere del Pd, chiede al sindaco Rinaldi di salvare il centro diurno, che replica: "
        '"Conosciamo bene la situazione e troveremo i fondi".'
    )
    assert speakers(text) == ["Rinaldi"]


def test_an_unnamed_group_writing_to_a_named_person_speaks_as_a_group():
    text = (
        "Così i capigruppo di Pd, Avs e Azione ieri hanno scritto al presidente Lorenzo Fontana per chiedere la "
        'diretta: "Non ci sono motivi per trattare diversamente le due Camere" su "una vicenda tanto grave per '
        'il Paese".'
    )
    quotes = extract_quotes(text)
    assert quotes[0].speaker is None
    assert quotes[0].role and quotes[0].role.startswith("capigruppo")
    text = 'I consiglieri Mario Rossi e Anna Bianchi hanno scritto al sindaco: "Serve subito un consiglio aperto".'
    assert speakers(text) == ["Mario Rossi"]


def test_a_post_and_surname_set_off_by_commas_before_the_last_verb_of_saying():
    text = (
        "Intanto, mentre Karim Haddad, il direttore dell'ospedale di Khan Yunis, ha ammesso che la struttura era "
        "sotto assedio, in un incontro con i diplomatici, il presidente francese Moreau, ha detto che “la Francia "
        "è pronta a nuovi aiuti umanitari”."
    )
    assert speakers(text) == ["Moreau"]


def test_a_surname_ending_like_a_gerund_after_a_verb_of_saying():
    text = (
        "L'assessore ai lavori pubblici, Antonio Morlando, ha presentato il progetto.\n\n"
        "Il sindaco Carlo Neri ha firmato la delibera numero 120 per il centro giovanile.\n\n"
        "“Abbiamo accelerato le procedure – afferma Morlando – per non perdere i fondi europei”."
    )
    assert speakers(text) == ["Antonio Morlando"]


def test_two_pieces_of_one_sentence_with_a_complement_name_between_share_the_final_attribution():
    text = (
        '"Il governo non fugge dal confronto in Aula", l\'informativa non sarà tenuta dalla premier Anna Neri ma '
        'da "due ministri che conoscono bene il dossier", ha spiegato il ministro per i Rapporti con il '
        "Parlamento Paolo Galli."
    )
    assert speakers(text) == ["Paolo Galli", "Paolo Galli"]
    text = (
        '"Il governo non fugge dal confronto in Aula", l\'informativa sarà tenuta come sempre e Anna Neri sarà '
        'presente con "due ministri che conoscono bene il dossier", ha spiegato il ministro Paolo Galli.'
    )
    assert speakers(text)[1] == "Paolo Galli"


def test_bodies_listed_as_the_subject_of_a_plural_verb_speak_through_the_first_named():
    text = (
        "Il voto sul bilancio è stato rinviato, mentre Lega, gruppo Civico, Azione e Forza Italia "
        "sottolineano che “la revoca della seduta è una scelta inaccettabile per tutta la città”."
    )
    assert speakers(text) == ["Lega"]
    text = (
        "Il bilancio è stato approvato, mentre Mario Rossi, Anna Bianchi e Luca Verdi sottolineano che “la "
        "revoca della seduta è una scelta inaccettabile per tutta la città”."
    )
    assert speakers(text) == ["Mario Rossi"]
    text = (
        "Il sindaco Paolo Neri ringrazia Lega, Azione e Forza Italia e sottolinea che “la revoca della seduta è "
        "una scelta inaccettabile per tutta la città”."
    )
    assert "Lega" not in speakers(text)


def test_a_body_by_its_noun_and_adjective_then_che_and_a_verb_of_saying():
    text = (
        "Proseguono gli scontri nel Donbass, con l'Esercito ucraino che ha fatto sapere di «aver respinto tre "
        "attacchi nella notte», mentre Kiev chiede nuovi aiuti."
    )
    assert speakers(text) == ["Esercito ucraino"]
    text = "Ieri al porto, con la Nave Aurora che ha fatto sapere di «aver soccorso quaranta persone in mare»."
    assert "Nave Aurora" not in speakers(text)


# A place named in passing is no person


def test_a_place_after_a_preposition_before_the_colon_is_not_the_speaker():
    text = (
        "La segretaria Anna Neri risponde alla premier.\n\n"
        "La segretaria va all'attacco a Piazza Grande: “È ridicolo, la premier scappa un'altra volta dal confronto”."
    )
    assert "Piazza Grande" not in speakers(text)
    text = "Poi ha preso la parola il sindaco Luca Conti: “Il confronto con la premier si farà in autunno”."
    assert speakers(text) == ["Luca Conti"]


def test_an_aside_between_the_verb_of_saying_and_its_subject():
    text = (
        "“Siamo felici – spiegava, qualche giorno fa, Marco Ferri, presidente della Pro Loco, che organizza la "
        "festa – di presentare il nuovo programma”."
    )
    assert speakers(text) == ["Marco Ferri"]
    text = "«Il bilancio è in ordine», ha detto, a margine del consiglio, il sindaco Luca Bassi."
    assert speakers(text) == ["Luca Bassi"]


def test_a_post_only_attribution_takes_the_name_of_the_next_quote_that_adds_to_it():
    text = (
        "«È la prova che esistono ancora gli uomini di buona volontà, a cominciare dai sindaci dei piccoli comuni».\n\n"
        "Lo ha dichiarato il presidente della Regione in riferimento al trasferimento avvenuto oggi di alcune "
        "famiglie nei centri di accoglienza dei Comuni della costa. «Lodevole - ha aggiunto Ferrante - anche "
        "l'impegno della cooperativa che ha offerto i locali»."
    )
    assert speakers(text) == ["Ferrante", "Ferrante"]


def test_a_second_object_clause_after_a_straight_quote_goes_on_with_its_source():
    text = (
        "Secondo il M5s, avere in Aula i ministri di Giustizia e Interni dimostra che \"l'opposizione unita ottiene "
        'risultati", ma anche che "la premier preferisce non rispondere di persona".'
    )
    assert speakers(text) == ["M5s", "M5s"]


def test_a_full_name_set_off_by_commas_after_a_post_before_a_prize_named_after_a_person():
    text = (
        "“Qui non sappiamo cosa fare se arrivano cinquecento persone in una notte”. Lo ha detto il sindaco "
        "dell'isola, Totò Russo, al convegno del Premio giornalistico Maria Grazia Cutuli, che si chiude stasera."
    )
    assert speakers(text) == ["Totò Russo"]
    text = (
        "“La gara partirà entro l'estate”: è questo il commento del sindaco Enzo Pieri e dell'assessore ai "
        "Lavori pubblici, Bruno Falco, dopo il voto della giunta."
    )
    assert speakers(text) == ["Enzo Pieri"]


# An epithet by description refers back to the last speaker


def test_an_epithet_by_description_refers_back_to_the_speaker_just_quoted():
    text = (
        "“Imprese e sindacati devono tornare a parlarsi”. Così il nuovo presidente di Federmeccanica, Bonetti, "
        "nella sua prima intervista, annuncia una revisione del patto: ‘’i cambiamenti della tecnologia renderanno "
        "necessaria una nuova fase di contrattazione’’, spiega il leader degli industriali rispondendo alle domande "
        "di Luisa Ferri del Sole 24 Ore, e subito dopo annuncia: ‘’conto di incontrare presto i tre sindacati’’."
    )
    assert speakers(text) == ["Bonetti", "Bonetti", "Bonetti"]
