"""Speakers, round 6: classes of batch-8 misses (invented examples, one per rule class)."""

from __future__ import annotations

from tests.nlp.invented import speakers


def test_a_name_never_runs_over_a_paragraph_break_into_a_dateline():
    text = (
        "Ieri a Pesaro l'assemblea delle Province, alla presenza della ministra, Laura Ferretti\n\n"
        "PESARO – “Le Province sono la spina dorsale dello Stato”. Sono queste le parole con cui la ministra, "
        "Laura Ferretti, ha aperto i lavori."
    )
    assert speakers(text) == ["Laura Ferretti"]


def test_verb_opening_the_sentence_after_a_quote_alone_in_its_paragraph():
    text = (
        "Il bando prevede nuovi posti per l'accoglienza.\n\n"
        "“È un'occasione importante che i comuni non devono perdere”.\n\n"
        "Hanno dichiarato Marco Ferri e Anna Valli, presidente e segretaria dell'associazione dei comuni."
    )
    assert speakers(text) == ["Marco Ferri"]


def test_cleft_with_an_object_after_the_quote_names_the_speaker():
    text = (
        "«Presidente, lei non ha detto una parola sulle bollette». Ad attaccare Rossi è il capogruppo "
        "Francesco Bianchi, in Aula, durante il voto sulla fiducia al governo guidato da Mario Rossi."
    )
    assert speakers(text) == ["Francesco Bianchi"]


def test_bare_post_refers_to_the_person_opening_the_paragraph_not_a_name_in_a_subordinate():
    text = (
        "Anna Neri accetta la sfida del sindaco, ma rilancia: il dibattito si farà solo se presente anche "
        "Carlo Bianchi. “Non spetta a me scegliere chi guida l'opposizione”, scrive la ministra sui social."
    )
    assert speakers(text) == ["Anna Neri"]


def test_a_name_between_two_pieces_of_one_quoted_sentence_is_a_topic():
    text = (
        "«I cantieri sono ripartiti», ha detto il ministro Paolo Serra. «Abbiamo lavorato bene» ma «aver scelto» "
        "da parte della sindaca Giulia Conti «la via del dialogo è un segnale chiaro»."
    )
    assert set(speakers(text)) == {"Paolo Serra"}


def test_lo_ha_detto_opening_the_next_paragraph_after_a_quote_and_a_clause():
    text = (
        "«Il primo incontro non era un vero negoziato, quindi bisogna capire cosa» il ministro Luca Ferri «abbia "
        "in mente» quando parla di nuovi colloqui.\n\n"
        "Lo ha detto il portavoce del governo, Marco Galli, commentando le parole di Ferri."
    )
    assert speakers(text) == ["Marco Galli", "Marco Galli"]


def test_role_then_its_holder_in_apposition_before_the_colon():
    text = (
        "Il presidente provinciale di Federazione Artigiani – Confartigianato, Matteo Lorenzi: “I saldi "
        "aiuteranno i negozi dopo mesi difficili”.\n\n"
        "Il prefetto Anna Villa ha firmato il protocollo. Il sindaco di Castelnuovo, Bertoli: “Un flusso che "
        "andrà governato con attenzione”."
    )
    assert speakers(text) == ["Matteo Lorenzi", "Bertoli"]


def test_coach_is_a_post_before_a_surname():
    text = (
        "La squadra ha vinto in tre set.\n\n"
        "Alla fine coach Ferraris: “Abbiamo giocato una partita perfetta, i ragazzi sono stati bravissimi”."
    )
    assert speakers(text) == ["Ferraris"]


def test_a_body_named_in_full_as_subject_of_the_verb_leading_in_speaks():
    text = (
        "Il Comune di Sassuolo, con una nota, spiega che “il nuovo servizio non comporta costi per le "
        "famiglie”.\n\n"
        "L'Associazione Comunità don Giovanni Neri annuncia che “arriveranno domani le prime due famiglie”."
    )
    assert speakers(text) == ["Comune di Sassuolo", "Associazione Comunità don Giovanni Neri"]


def test_the_mayor_is_not_the_deputy_mayor():
    text = (
        "Arriva il nuovo asilo nido, lo comunica il primo cittadino Marco Bellini, insieme al vice sindaco "
        "Luca Sarti.\n\n"
        "“Siamo orgogliosi di questo risultato”, prosegue il sindaco, “lo avevamo promesso ai cittadini”."
    )
    assert speakers(text)[0] == "Marco Bellini"


def test_a_comune_of_two_words_is_no_speaker():
    text = (
        "L'annuncio arriva dal sindaco di Borgo Ticino Paolo Rinaldi.\n\n"
        "Il sindaco di Borgo Ticino rileva che “i comuni non hanno alcun controllo sugli arrivi”."
    )
    assert speakers(text) == ["Paolo Rinaldi"]


def test_names_in_a_relative_clause_after_a_bare_role_are_not_the_speaker():
    text = (
        "“Il regolamento andava rinnovato”, dichiara il vicesindaco Franco Leoni.\n\n"
        "“Da anni – prosegue il vicesindaco che ha presieduto la seduta per conto del sindaco Marta Galli – non si "
        "discuteva di sanità in questa sala”."
    )
    assert speakers(text) == ["Franco Leoni", "Franco Leoni"]


def test_the_reply_leading_into_the_next_quote_is_not_this_quotes_source():
    text = (
        'Sul bilancio "ci sono divergenze, ma il dialogo resta aperto". Ne è certo l\'assessore Paolo Riva, che '
        'chiede di "spiegare bene le scelte". Secca la replica della consigliera Anna Moro: "Dalla giunta ci '
        'aspettiamo risposte chiare".'
    )
    assert speakers(text) == ["Paolo Riva", "Paolo Riva", "Anna Moro"]


def test_a_body_that_gave_the_news_speaks_through_fanno_sapere_and_in_its_office():
    text = (
        "La nave attende l'indicazione del porto. Lo precisa la Capitaneria di porto di Ancona che non commenta "
        'oltre. "Valuteremo - fanno sapere - come agire quando la nave chiederà l\'attracco".\n\n'
        'La Prefettura di Ancona attende il Viminale. "In ogni caso - spiegano in prefettura - gestiremo lo '
        'sbarco dei migranti".'
    )
    assert speakers(text) == ["Capitaneria di porto di Ancona", "Prefettura di Ancona"]


def test_co_signers_named_after_the_speaker_do_not_stop_the_carry_over():
    text = (
        "La palestra è costata 410.000 euro di fondi regionali.\n\n"
        "«La riapertura della palestra è una buona notizia per gli studenti, che tornano ad allenarsi vicino a casa» "
        "dicono il sindaco Marco Rinaldi, l'assessore allo Sport e Tempo libero Luca Fontana, l'assessore alla "
        "Scuola e Formazione Giulia Serra.\n\n"
        "«Il nuovo impianto, che occupa circa 900 metri quadrati, può ospitare fino a 200 ragazzi in un solo "
        "turno»."
    )
    assert speakers(text) == ["Marco Rinaldi", "Marco Rinaldi"]


def test_a_new_speaker_in_the_same_sentence_still_takes_over():
    text = (
        "«Il bilancio è in ordine» ha detto il sindaco Marco Rinaldi, poi Giulia Serra ha risposto alla giunta.\n\n"
        "«Mancano i fondi per le scuole e per le strade della periferia»."
    )
    assert speakers(text)[1] != "Marco Rinaldi"
