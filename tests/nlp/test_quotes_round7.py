"""Quotes, round 7: classes of quotes missed in batches 1–9 (invented examples, one per rule class, each with a
near-miss that must not trigger)."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes


def _quotes(text: str, title: str | None = None) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text, title=title)]


# --- straight single quotes as quotation marks -------------------------------------------------------------------


def test_straight_single_quotes_interrupted_by_the_attribution():
    text = (
        "L'accordo con la Provincia arriva dopo due anni di trattative.\n\n"
        "'Con questo accordo', spiega il sindaco Marco Ferri, 'mettiamo in sicurezza la scuola di via Roma "
        "e le due palestre del quartiere'."
    )
    assert _quotes(text) == [
        ("Con questo accordo", "Marco Ferri"),
        ("mettiamo in sicurezza la scuola di via Roma e le due palestre del quartiere", "Marco Ferri"),
    ]


def test_accents_typed_as_apostrophes_close_no_single_quote():
    text = (
        "(ANSA) - ROMA - La ministra Anna Verdi replica. 'La scelta e' giusta perche' serve a tutta la citta' e "
        "non solo al centro'. L'opposizione annuncia un ricorso."
    )
    assert _quotes(text) == [
        ("La scelta e' giusta perche' serve a tutta la citta' e non solo al centro", "Anna Verdi"),
    ]


def test_a_word_ending_in_ta_closes_a_single_quote():
    text = "Il sindaco Mario Rossi replica. 'Non accettiamo questa proposta'. Poi la seduta riprende."
    assert _quotes(text) == [("Non accettiamo questa proposta", "Mario Rossi")]


def test_names_and_terms_in_single_quotes_are_no_quotes():
    text = (
        "Parte domani il progetto 'Scuola aperta a tutti i bambini' e l'assessore e' soddisfatto. "
        "Nel processo 'Nuovo Corso' sono imputate sei persone per la 'ndrangheta del porto."
    )
    assert _quotes(text) == []


# --- marks defective in the copy ----------------------------------------------------------------------------------


def test_an_unclosed_guillemet_ends_where_a_new_sentence_opens_with_another():
    text = (
        "«Avremo a disposizione nuove risorse per le famiglie del distretto. «Questa è una tappa fondamentale "
        "per i nostri concittadini» – ha concluso Luca Neri."
    )
    found = [t for t, _ in _quotes(text)]
    assert found == [
        "Avremo a disposizione nuove risorse per le famiglie del distretto.",
        "Questa è una tappa fondamentale per i nostri concittadini",
    ]


def test_a_guillemet_nested_inside_a_sentence_stays_nested():
    text = "«Mi ha detto «non mollare mai» e io ho continuato a lavorare» – racconta Luca Neri."
    assert [t for t, _ in _quotes(text)] == ["Mi ha detto «non mollare mai» e io ho continuato a lavorare"]


def test_a_paragraph_opening_with_a_closing_mark_opens_a_quote():
    text = "” Non mi aspettavo un risultato così netto, ringrazio tutti i tifosi per il sostegno.”"
    assert [t for t, _ in _quotes(text)] == [
        "Non mi aspettavo un risultato così netto, ringrazio tutti i tifosi per il sostegno."
    ]


def test_a_closing_mark_before_any_quote_ends_a_quote_whose_opening_mark_was_lost():
    text = (
        "Sarà un polo per i giovani di tutta la provincia, aperto anche la sera”. Così l'assessore Marco "
        "Bianchi descrive il nuovo centro di via Dante.\n\n"
        "La giunta ha approvato ieri la delibera che finanzia i lavori."
    )
    assert [t for t, _ in _quotes(text)] == ["Sarà un polo per i giovani di tutta la provincia, aperto anche la sera"]


def test_a_stray_closing_mark_after_an_earlier_quote_opens_no_quote():
    text = (
        "«Il cantiere partirà a maggio», ha detto il sindaco Paolo Galli.\n\n"
        "La spesa prevista supera i due milioni e sarà coperta dai fondi europei per le scuole”."
    )
    assert [t for t, _ in _quotes(text)] == ["Il cantiere partirà a maggio"]


def test_a_first_person_statement_closed_in_the_last_paragraph_has_no_quote():
    text = (
        "Da quando sono sindaco abbiamo risposto a tutte le interrogazioni.\n\n"
        "È bene che i cittadini sappiano come funzionano le interrogazioni e chi le usa per rallentare gli uffici”."
    )
    assert _quotes(text) == []


# --- interviews laid out as questions and answers ------------------------------------------------------------------

_INTERVIEW = (
    "Mario Rossi guida l'Autorità portuale da un anno.\n\n"
    "Presidente, come va il porto?\n\n"
    "«Bene, anche se Giulia Bianchi ha ragione sui ritardi dei cantieri».\n\n"
    "E i lavori sul molo?\n\n"
    "«Finiremo entro l'estate, lo prometto»."
)


def test_interview_answers_go_to_the_interviewee_not_to_a_name_inside_an_answer():
    found = _quotes(_INTERVIEW, title="Rossi: il porto cambierà entro l'estate")
    assert [s for _, s in found] == ["Mario Rossi", "Mario Rossi"]


def test_interview_answers_and_standfirst_go_to_the_interviewee_named_in_the_headline():
    text = (
        'Colloquio con il presidente dell\'Autorità portuale. "Il porto crescerà, ma servono altri due anni".\n\n'
        "Presidente, come va il porto?\n\n"
        "«Bene, anche se i cantieri sono in ritardo di qualche mese».\n\n"
        "Mario Rossi guida l'Autorità da un anno. Il molo nuovo lo aveva promesso Luca Verdi nel 2018.\n\n"
        "E i lavori sul molo?\n\n"
        "«Finiremo entro l'estate, lo prometto»."
    )
    found = _quotes(text, title="Rossi: il porto crescerà")
    assert [s for _, s in found] == ["Mario Rossi", "Mario Rossi", "Mario Rossi"]


def test_interview_answers_of_an_interviewee_named_only_in_the_headline_have_no_speaker():
    text = (
        "Ministro, è pronto per Bruxelles?\n\n"
        "«Giulia Bianchi a Roma ha fatto soltanto due nomi, il mio e un altro».\n\n"
        "Le piace la Concorrenza?\n\n"
        "«Non sono i miei temi»."
    )
    found = _quotes(text, title="Il ministro Ferri: pronto per Bruxelles")
    assert found == [
        ("Giulia Bianchi a Roma ha fatto soltanto due nomi, il mio e un altro", None),
        ("Non sono i miei temi", None),
    ]


def test_an_answer_attributed_inside_keeps_its_own_speaker():
    text = (
        "Parlano i due allenatori dopo la gara.\n\n"
        "Avete meritato?\n\n"
        "«Sì, abbiamo giocato meglio – ha detto Paolo Neri, tecnico della Vis – e il risultato è giusto».\n\n"
        "E la difesa?\n\n"
        "«Migliorata molto rispetto all'andata – ha aggiunto Luca Conti, tecnico del Borgo – ma non basta»."
    )
    found = _quotes(text, title="Paolo Neri e Luca Conti dopo il derby")
    assert [s for _, s in found] == ["Paolo Neri", "Luca Conti"]


# --- live blogs -------------------------------------------------------------------------------------------------------

_LIVE = (
    "Crisi di governo, la diretta.\n\n"
    'Ore 20.42 - Rossi: "Ci sarà una maggioranza" | "La maggioranza ci sarà, lo diranno i numeri". Così il '
    "ministro Mario Rossi a Radio Uno.\n\n"
    "Ore 20.18 - Bianchi (FI): “La sinistra non offre spettacolo di serietà. Noi siamo pronti” | “Vediamo se "
    "il governo ha i numeri alla Camera”. Lo ha detto Antonio Bianchi al Tg4.\n\n"
    "Ore 19.06 - Governo: «Domani alle 12 le comunicazioni del premier alla Camera sulla crisi»"
)


def test_a_live_blog_post_headline_names_the_speaker():
    found = _quotes(_LIVE)
    assert [s for _, s in found][:5] == ["Mario Rossi", "Mario Rossi", "Antonio Bianchi", "Antonio Bianchi", None]


# --- what makes a quote a document's ----------------------------------------------------------------------------------


def test_a_capitalised_noun_inside_a_list_name_makes_no_document():
    text = (
        "Il consiglio ha votato la mozione. Secondo Mario Rossi e Anna Bianchi di Sinistra Progetto Comune "
        "“la delibera è un atto di piccolezza politica”."
    )
    assert _quotes(text) == [("la delibera è un atto di piccolezza politica", "Mario Rossi")]


def test_a_project_noun_before_its_name_still_makes_no_quote():
    text = "Parte domani il progetto “Scuola aperta a tutti i bambini” voluto dalla giunta."
    assert _quotes(text) == []


def test_a_short_phrase_defined_by_a_named_person_is_a_quote():
    text = (
        "La sindaca Laura Conti ha parlato all'assemblea dei comuni.\n\n"
        "Tra i temi, l'emergenza casa, definita da Conti “il problema centrale” per le città."
    )
    assert _quotes(text) == [("il problema centrale", "Laura Conti")]


def test_a_label_defined_by_nobody_is_no_quote():
    text = "Cresce il fenomeno definito “fuga dei cervelli” dai ricercatori dell'ateneo."
    assert _quotes(text) == []


def test_a_quoted_clause_after_a_project_noun_is_speech():
    text = (
        "Dopo la chiusura del reparto, la lista civica propone un'iniziativa politica forte “che non si riduca "
        "a inutili feste di piazza”."
    )
    assert [t for t, _ in _quotes(text)] == ["che non si riduca a inutili feste di piazza"]


# --- a lead-in with no verb ------------------------------------------------------------------------------------------


def test_a_verbless_lead_in_names_the_speaker_right_before_the_mark():
    text = (
        "Il nido ospiterà trenta bambini. Il sindaco Mario Rossi “Un traguardo atteso da anni dalle famiglie”. "
        "Felice l'assessora alle Politiche Sociali Giulia Neri “Un altro servizio importante per la città”."
    )
    assert [s for _, s in _quotes(text)] == ["Mario Rossi", "Giulia Neri"]


def test_a_complement_before_the_mark_is_no_verbless_speaker():
    text = (
        "«Il nido aprirà a settembre», ha detto l'assessora Giulia Neri. Un ringraziamento al sindaco Mario "
        "Rossi «per il lavoro svolto in questi anni difficili»."
    )
    assert [s for _, s in _quotes(text)][1] != "Mario Rossi"


# --- straight double quotes glued to the text (a space lost in the copy) -------------------------------------------


def test_straight_quotes_glued_to_the_stop_before_open_quotes():
    text = (
        '"Il bilancio è in ordine", ha detto la sindaca Paola Riva."Ora possiamo investire sulle scuole", '
        'ha aggiunto,"e sulle strade del centro".'
    )
    assert [t for t, _ in _quotes(text)] == [
        "Il bilancio è in ordine",
        "Ora possiamo investire sulle scuole",
        "e sulle strade del centro",
    ]


def test_a_straight_quote_set_off_from_its_first_word_opens_a_quote():
    text = 'I tempi restano lunghi. " Nella maggior parte dei casi non si rispettano le attese", dice Carlo Neri.'
    assert _quotes(text) == [("Nella maggior parte dei casi non si rispettano le attese", "Carlo Neri")]


def test_a_stray_straight_quote_with_no_partner_opens_nothing():
    text = 'Il bando scade a maggio." Poi la commissione valuterà le domande arrivate in Comune.'
    assert _quotes(text) == []


# --- a short first piece of an interrupted statement ---------------------------------------------------------------


def test_a_two_word_piece_before_an_attribution_and_a_reopened_quote_is_a_quote():
    text = "«Ringrazio Rossi», commenta il sindaco Luca Bruni, «che ha accolto la nostra richiesta di aiuto»."
    assert _quotes(text) == [
        ("Ringrazio Rossi", "Luca Bruni"),
        ("che ha accolto la nostra richiesta di aiuto", "Luca Bruni"),
    ]


def test_a_two_word_term_before_a_clause_is_no_quote():
    text = (
        "La maggioranza accusa le opposizioni di “cercare visibilità”, mentre la Lega, il gruppo Misto e Forza "
        "Italia rispondono che “la revoca del consiglio è una scelta della giunta”."
    )
    assert [t for t, _ in _quotes(text)] == ["la revoca del consiglio è una scelta della giunta"]
