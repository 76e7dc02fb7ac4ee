"""Speakers, round 5: the structure of attribution (invented examples, one per rule class)."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes
from tests.nlp.invented import speakers


def test_any_verb_after_the_closing_mark_beats_the_previous_speaker():
    text = (
        "Il sindaco Luca Neri ha aperto la seduta. «Il bilancio è in ordine», ha detto Neri.\n\n"
        "«Serve più coraggio per la città» stigmatizza Carlo Bianchi, consigliere di minoranza."
    )
    assert speakers(text) == ["Luca Neri", "Carlo Bianchi"]


def test_attribution_between_commas_inside_the_quote():
    text = (
        "“Il contributo del Comune serve a riempire il teatro, spiega l’assessore alla cultura Gianluca Fanti, "
        "abbiamo impegnato fondi per gli abbonamenti dei più giovani”."
    )
    (q,) = extract_quotes(text)
    assert q.speaker == "Gianluca Fanti"
    assert q.role == "assessore alla cultura"


def test_name_that_is_the_topic_of_the_lead_in_is_not_the_speaker():
    text = (
        "Il segretario Luca Neri ha parlato a lungo sugli attacchi di Matteo Salvini: "
        "«Non rispondiamo alle provocazioni di nessuno»."
    )
    assert speakers(text) == ["Luca Neri"]


def test_bare_role_refers_back_to_its_holder_named_by_surname():
    text = (
        "«Un missile ha colpito un ufficio postale, ci sono vittime», ha reso noto il presidente ucraino.\n\n"
        "In serata, il presidente Zelensky ha chiesto nuove difese aeree."
    )
    assert speakers(text) == ["Zelensky"]


def test_bare_role_refers_back_to_the_subject_named_before():
    text = (
        "Volodymyr Zelensky ha parlato alla nazione nella notte. «Lotteremo fino alla vittoria finale», "
        "ha promesso il presidente ucraino."
    )
    assert speakers(text) == ["Volodymyr Zelensky"]


def test_bare_role_does_not_take_a_complement():
    text = (
        "La rassegna è organizzata dalla consulta, presieduta da Franco Dotti.\n\n"
        "«Abbiamo preparato un cartellone ricchissimo – afferma l’assessore alla cultura –. Vi aspettiamo»."
    )
    assert speakers(text) == [None]


def test_generic_noun_resolves_to_the_body_named_earlier():
    text = (
        "Il Comune di Gorizia ha chiuso la strada per i lavori. «I lavori dureranno almeno tre settimane», "
        "fa sapere il Comune."
    )
    assert speakers(text) == ["Comune di Gorizia"]


def test_named_council_group_leads_in():
    text = (
        "«Siamo pronti a fare la nostra parte», ha detto il sindaco Luca Neri.\n\n"
        "Polemico il gruppo consiliare Pd-Bic: «La situazione delle scuole è gravissima e inaccettabile»."
    )
    assert speakers(text) == ["Luca Neri", "Pd-Bic"]


def test_named_council_group_in_marks_leads_in():
    text = (
        "«Siamo pronti a fare la nostra parte», ha detto il sindaco Luca Neri.\n\n"
        "Per il gruppo “Vivere Lentate” «non è più tollerabile che ci venga negato l’accesso agli atti»."
    )
    assert speakers(text) == ["Luca Neri", "Vivere Lentate"]


def test_interview_answers_after_headings_go_to_the_interviewee():
    text = (
        "Alla vigilia della finale, Mario Bianchi risponde alle domande dei cronisti, affiancato dal capitano "
        "Luca Neri. Queste le sue parole:\n\n"
        "Sulla partita:\n\n"
        "“Domani è una bellissima serata per tutti noi, dobbiamo vincere.”\n\n"
        "Sulla formazione:\n\n"
        "“Ho qualche dubbio, domani mattina devo dirlo però, poi si vedrà il resto.”\n\n"
        "Che cosa si aspetta dal pubblico?\n\n"
        "“Un grande sostegno, come sempre in questa stagione.”"
    )
    assert speakers(text) == ["Mario Bianchi"] * 3


def test_short_quoted_phrase_does_not_end_the_lead_in_sentence():
    text = (
        "«I conti sono in ordine», ha detto il presidente Marco Fadda.\n\n"
        "Paolo Carta ha poi contestato la «mancanza di coerenza» della giunta: "
        "«Quando eravate all'opposizione contestavate ogni nomina»."
    )
    assert speakers(text)[-1] == "Paolo Carta"


def test_demonstrative_before_an_attribution_noun_inside_the_quote():
    text = "«È un incarico gratuito – questa la risposta di Gian Marco Serra – e non costa nulla ai cittadini»."
    assert speakers(text) == ["Gian Marco Serra"]


def test_subject_opening_the_quote_sentence_speaks_whatever_the_verb():
    text = (
        "La preside Maria Verdi ha salutato gli studenti. «Il vostro futuro inizia qui», ha detto.\n\n"
        "Il parroco Paolo Neri ha impartito la benedizione e raccomandato agli studenti di «costruire giorno "
        "per giorno la propria vita con pazienza»."
    )
    assert speakers(text) == ["Maria Verdi", "Paolo Neri"]


def test_surname_alone_as_subject_speaks_in_a_subjectless_attribution():
    text = (
        "Dopo la sconfitta del suo partito, Macron scioglie il Parlamento e convoca nuove elezioni. "
        '"La Francia ha bisogno di una maggioranza chiara per agire", ha affermato in un messaggio alla Nazione.'
    )
    assert speakers(text) == ["Macron"]


_OPENING = (
    "Il sindaco Luca Neri ha aperto la seduta con il consigliere Mario Rossi e l'assessora Anna Verdi. "
    "«Il bilancio è in ordine e lo diciamo con orgoglio», ha detto Neri. "
)


def test_clitic_or_object_between_the_verb_and_the_name_after_the_quote():
    for after in ("si sfoga Rossi", "rincara la dose Rossi", "gli fa eco Rossi"):
        text = _OPENING + f"«Il piano non funziona e va ritirato subito», {after}."
        assert speakers(text) == ["Luca Neri", "Mario Rossi"], after


def test_word_of_in_the_next_sentence():
    text = _OPENING + "\n\n«Il piano non funziona e va ritirato subito». Parola di Mario Rossi."
    assert speakers(text) == ["Luca Neri", "Mario Rossi"]


def test_sentence_introducing_a_new_subject_beats_the_carried_speaker():
    for lead in (
        "Rossi ha poi attaccato la giunta.",
        "A stretto giro arriva la replica del consigliere Rossi.",
        "Un pensiero condiviso da Verdi, la quale da tempo chiede risorse.",
    ):
        text = _OPENING + f"\n\n{lead} «Il piano non funziona e va ritirato subito»."
        expected = "Anna Verdi" if "Verdi" in lead else "Mario Rossi"
        assert speakers(text) == ["Luca Neri", expected], lead


def test_sentence_naming_someone_only_as_a_complement_keeps_the_speaker():
    text = (
        "«Il bilancio è in ordine e lo diciamo con orgoglio», ha detto il sindaco Luca Neri. "
        "Il riferimento è al consigliere Mario Rossi. «Lo ringrazio per la collaborazione di questi anni»."
    )
    assert speakers(text) == ["Luca Neri", "Luca Neri"]


_OPENING_2 = (
    "La premier Giorgia Meloni ha incontrato il segretario Mario Rossi e la presidente Anna Verdi. "
    "«Il bilancio è in ordine e lo diciamo con orgoglio», ha detto la premier.\n\n"
)
_QUOTE = "«Il piano non funziona e va ritirato subito»"


def test_cosi_after_a_colon_names_the_source():
    assert speakers(_OPENING_2 + f"{_QUOTE}: così Rossi.")[-1] == "Mario Rossi"


def test_subject_then_an_aside_between_commas_then_the_verb():
    assert speakers(_OPENING_2 + f"Rossi, dal canto suo, ribatte: {_QUOTE}.")[-1] == "Mario Rossi"


def test_per_and_the_holder_right_before_the_opening_mark():
    assert speakers(_OPENING_2 + f"Per il segretario del Pd Rossi {_QUOTE}.")[-1] == "Mario Rossi"


def test_body_named_with_its_article_after_the_verb():
    assert speakers(_OPENING_2 + f"{_QUOTE} afferma in una nota la Uil di Trento.")[-1] == "Uil di Trento"


def test_generic_noun_of_the_same_kind_resolves_to_the_company_named_earlier():
    text = (
        "La società Ferrovie del Garda ha sospeso le corse. «Il servizio riprenderà lunedì mattina», spiega "
        "l'azienda in una nota."
    )
    assert speakers(text) == ["Ferrovie del Garda"]


def test_generic_noun_resolves_to_the_body_made_subject_by_its_name():
    text = "La Fiom ha proclamato lo sciopero. «La vertenza non è chiusa e non lo sarà presto», dichiara il sindacato."
    assert speakers(text) == ["Fiom"]


def test_the_person_answered_is_an_object_not_the_speaker():
    text = "Irma Schnell risponde a Matteo Salvini: «Il piano non funziona e va ritirato subito»."
    assert speakers(text) == ["Irma Schnell"]


def test_topic_inside_an_aside_is_not_the_speaker():
    text = (
        "La segretaria del partito Irma Schnell, rispondendo alle domande su Matteo Salvini, ha detto: "
        "«Il piano non funziona e va ritirato subito»."
    )
    assert speakers(text) == ["Irma Schnell"]


def test_subject_of_any_origin_answers_the_criticism_of_another():
    text = (
        "Matteo Salvini attacca. Irma Schnell risponde così alle critiche di Salvini: "
        "«Il piano non funziona e va ritirato subito»."
    )
    assert speakers(text) == ["Irma Schnell"]


def test_the_reply_of_in_the_sentence_before_names_the_speaker():
    text = (
        "Dopo l'attacco di Matteo Salvini, arriva la replica di Irma Schnell. "
        "«Il piano non funziona e va ritirato subito»."
    )
    assert speakers(text) == ["Irma Schnell"]


def test_interview_answers_after_long_and_short_questions():
    text = (
        "L'intervista a Mario Rossi.\n\n"
        "Sindaco, la città ha vissuto un'estate difficile tra cantieri aperti, traffico e proteste dei residenti "
        "del centro storico: che cosa non ha funzionato?\n\n"
        "«Abbiamo sottovalutato i tempi dei lavori, lo ammetto senza problemi».\n\n"
        "E adesso?\n\n"
        "«Adesso si corre, finiremo entro l'anno»."
    )
    assert speakers(text) == ["Mario Rossi", "Mario Rossi"]


def test_opinion_sentence_names_the_new_speaker():
    text = _OPENING + "\n\nDi diverso avviso il consigliere Rossi. «Il piano non funziona e va ritirato subito»."
    assert speakers(text) == ["Luca Neri", "Mario Rossi"]


def test_adverb_between_auxiliary_and_participle():
    text = _OPENING + "\n\nRossi ha invece ricordato come «il piano non funziona e va ritirato subito»."
    assert speakers(text) == ["Luca Neri", "Mario Rossi"]


def test_joint_statement_of_a_listed_pair_goes_to_the_first_named():
    text = "Sulla stessa linea i consiglieri Fabrizio Conti ed Elena Russo: «Vigileremo la prossima settimana»."
    assert speakers(text) == ["Fabrizio Conti"]


def test_any_verb_between_dashes_inside_the_quote():
    text = "Il sindaco Luca Neri era presente. «Il piano – stigmatizza Carlo Bianchi – non funziona e va ritirato»."
    assert speakers(text) == ["Carlo Bianchi"]


def test_subject_clause_right_before_the_verb_and_colon():
    text = (
        "Il ministro Antonio Mele è a Bruxelles. Infine, sul processo a Ilaria Conti, Mele risponde: "
        "«Chiediamo soltanto che si rispettino i diritti umani»."
    )
    assert speakers(text) == ["Antonio Mele"]


def test_gerund_after_the_verb_does_not_name_the_speaker():
    text = (
        "«Il governo va avanti», ha detto il vicepremier Matteo Salvini.\n\n"
        "«Che vuol dire sovranisti?», ha aggiunto riferendosi a quanto affermato dal collega Antonio Mele."
    )
    assert speakers(text) == ["Matteo Salvini", "Matteo Salvini"]


def test_a_new_subject_between_two_quotes_stops_the_carry_over():
    text = (
        "Volodymyr Zelensky ha parlato ieri: «Dobbiamo sbloccare i porti insieme», ha detto il presidente. "
        "Intanto Bertani pensa a una visita a Mosca, ma oggi ha anche affermato che «se vado, non è a nome del "
        "governo»."
    )
    assert speakers(text) == ["Volodymyr Zelensky", "Bertani"]


def test_relative_clause_is_no_role_and_a_post_goes_on_with_the_last_speaker():
    text = (
        "Tante le perplessità. A partire da Nicola Fratoianni, che ha scelto di fare ironia: «Manca solo il "
        "dicastero delle Colonie».\n\n"
        "«Per il resto - ha aggiunto il segretario nazionale di Sinistra Italiana - è la fotografia di una "
        "restaurazione». Preoccupato anche Enrico Letta, che ha affidato il suo pensiero a un tweet."
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Nicola Fratoianni", "Nicola Fratoianni"]
    assert quotes[0].role is None


def test_name_of_any_origin_whose_surname_speaks_alone_elsewhere():
    text = (
        "La consigliera Anna Neri ha aperto il dibattito. «Il bilancio è in ordine», ha detto Neri.\n\n"
        "Irma Schnell si è soffermata sulla questione. «Mi dispiace che non ci sia stata una risposta – ha "
        "affermato –. Basta un sì o un no».\n\n"
        "Schnell ha poi ricordato il rimpasto."
    )
    assert speakers(text) == ["Anna Neri", "Irma Schnell"]


def test_il_quale_after_a_name_leads_into_the_quote():
    text = (
        "«Il bilancio è tecnico e ingessato», stigmatizza la consigliera Luisa Neri. Un pensiero condiviso da "
        "Giulio Bassi, il quale oltre a rilevare che «se manca il numero legale siamo davanti a problemi "
        "politici» chiede chiarezza."
    )
    assert speakers(text) == ["Luisa Neri", "Giulio Bassi"]


def test_bodies_listed_after_in_a_note_speak_through_the_first_named():
    text = (
        "Il tavolo era stato richiesto da Fim Fiom Uilm. Per il ministero è intervenuta la viceministra Anna Neri. "
        "«Abbiamo esposto le criticità dell'indotto - scrivono in una nota Fiom, Fim e Uilm di Livorno - e "
        "chiesto risposte».\n\n"
        "«Sono tempi troppo lunghi - proseguono Fiom, Fim e Uilm - per i lavoratori»."
    )
    assert speakers(text) == ["Fiom", "Fiom"]


_OPENING_3 = "Il sindaco Luca Neri ha aperto la seduta. «Il bilancio è in ordine e lo diciamo», ha detto Neri.\n\n"
_QUOTE_3 = "«Andremo avanti con il piano, senza esitazioni»"


def test_per_and_a_surname_alone_before_a_colon():
    assert speakers(_OPENING_3 + f"Per Bassi: {_QUOTE_3}.")[-1] == "Bassi"


def test_any_verb_then_a_surname_alone_closing_the_sentence():
    assert speakers(_OPENING_3 + f"{_QUOTE_3} stigmatizza Bassi.")[-1] == "Bassi"


def test_is_the_comment_of_after_the_quote():
    text = _OPENING_3 + f"{_QUOTE_3} è il commento a caldo di Mario Rossi."
    assert speakers(text)[-1] == "Mario Rossi"


def test_direct_object_before_the_colon_is_not_the_speaker():
    text = _OPENING_3 + f"Mario Rossi ha poi ringraziato Anna Verdi: {_QUOTE_3}."
    assert speakers(text)[-1] == "Mario Rossi"


def test_giving_the_floor_names_the_speaker():
    text = _OPENING_3 + f"Il presidente Mario Rossi ha quindi dato la parola a Anna Verdi: {_QUOTE_3}."
    assert speakers(text)[-1] == "Anna Verdi"


def test_a_plus_any_infinitive_with_its_clitic_names_the_speaker():
    for lead in ("A dichiararlo è", "A commentarlo è", "A dirlo è"):
        text = _OPENING_3 + f"{_QUOTE_3}. {lead} il consigliere Mario Rossi."
        assert speakers(text)[-1] == "Mario Rossi", lead


def test_ne_e_convinto_in_the_next_sentence():
    text = _OPENING_3 + f"{_QUOTE_3}. Ne è convinto Mario Rossi, consigliere di minoranza."
    assert speakers(text)[-1] == "Mario Rossi"


def test_surname_then_che_parla_di():
    text = (
        "Il consigliere Mario Rossi era in aula. «Il bilancio è in ordine», ha detto il sindaco Luca Neri. "
        f"Critico anche Rossi, che parla di {_QUOTE_3}."
    )
    assert speakers(text)[-1] == "Mario Rossi"


def test_named_council_group_with_a_verb_before_or_after_the_quote():
    lead = "Il gruppo consiliare Fratelli d'Italia attacca: «Andremo avanti con il piano, senza esitazioni»."
    after = "«Andremo avanti con il piano, senza esitazioni», attacca il gruppo consiliare Fratelli d'Italia."
    assert speakers(_OPENING_3 + lead)[-1] == "Fratelli d'Italia"
    assert speakers(_OPENING_3 + after)[-1] == "Fratelli d'Italia"


def test_a_list_named_in_a_persons_apposition_does_not_speak():
    text = _OPENING_3 + "Vincenzo Bassi, capolista della Lista Rinascita, aggiunge: «I toni sono inaccettabili»."
    assert speakers(text)[-1] == "Vincenzo Bassi"


def test_territorial_body_named_after_its_noun():
    text = _OPENING_3 + "«Andremo avanti con il piano, senza esitazioni», sottolinea la Regione Puglia."
    assert speakers(text)[-1] == "Regione Puglia"


def test_the_position_of_a_body_after_the_quote():
    text = _OPENING_3 + "«Andremo avanti con il piano, senza esitazioni», la posizione della Lega."
    assert speakers(text)[-1] == "Lega"


def test_body_opening_a_sentence_about_its_statement():
    text = _OPENING_3 + "Legambiente ha diffuso una nota: «Andremo avanti con il piano, senza esitazioni»."
    assert speakers(text)[-1] == "Legambiente"


def test_a_weekday_opening_the_sentence_is_no_body():
    text = "Venerdì sera in aula il sindaco è intervenuto dicendo testualmente: «l'assessore ha le sue ragioni»."
    assert speakers(text) != ["Venerdì"]


def test_list_named_with_per_speaks_in_full():
    after = "«Andremo avanti con il piano, senza esitazioni», dichiara Uniti per Lentate."
    lead = "Uniti per Lentate dichiara: «Andremo avanti con il piano, senza esitazioni»."
    assert speakers(_OPENING_3 + after)[-1] == "Uniti per Lentate"
    assert speakers(_OPENING_3 + lead)[-1] == "Uniti per Lentate"


def test_an_epithet_for_a_post_refers_back_to_its_holder():
    cases = {
        "Il presidente della Regione Puglia, Michele Bari, ha firmato. «Il piano è pronto e partirà presto», "
        "ha detto il governatore.": "Michele Bari",
        "Il ministro della Giustizia Carlo Neri ha risposto in aula. «Il piano non funziona e va ritirato», "
        "ha scandito il Guardasigilli.": "Carlo Neri",
        "La presidente del Consiglio Anna Verdi era a Bari. «Il piano funziona e andrà avanti», ha detto la "
        "premier.": "Anna Verdi",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text


def test_a_relative_named_by_kinship_then_in_apposition_speaks():
    text = "Il padre di Ilaria Conti, Roberto Conti, ha parlato ai cronisti: «Chiediamo soltanto giustizia»."
    assert speakers(text) == ["Roberto Conti"]


def test_holder_in_apposition_after_a_role_of_someone():
    lead = "Il legale di Marco Bianchi, l'avvocato Luca Neri, ha spiegato: «Il mio assistito è innocente»."
    after = "«Il mio assistito è innocente», spiega il legale di Marco Bianchi, Luca Neri."
    assert speakers(lead) == ["Luca Neri"]
    assert speakers(after) == ["Luca Neri"]


def test_synonymous_posts_refer_back():
    text = (
        "Marco Bianchi è difeso dall'avvocato Luca Neri. «Il mio assistito è innocente», ha detto il legale.\n\n"
        "Il procuratore Anna Verdi ha parlato in conferenza stampa. «Le prove sono solide», ha aggiunto il magistrato."
    )
    assert speakers(text) == ["Luca Neri", "Anna Verdi"]
