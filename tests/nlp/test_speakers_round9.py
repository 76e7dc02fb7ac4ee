"""Speakers, round 9: a statement going on over several paragraphs (invented examples, each rule with a near-miss
that must not trigger). The out-of-sample batches' class: the rules' "no speaker" for a quote continuing the
statement of the quote before it, its speaker named paragraphs earlier."""

from __future__ import annotations

from tests.nlp.invented import speakers

_OPENING = "«Il cantiere della scuola partirà a settembre – spiega il sindaco Mario Bellini – e durerà due anni».\n\n"


# The statement goes on


def test_a_quote_after_a_narrative_paragraph_goes_on_the_last_statement():
    text = (
        _OPENING
        + "Un intervento atteso da tempo dalle famiglie del quartiere.\n\n"
        + "«Abbiamo trovato i fondi e non li perderemo per nessuna ragione al mondo»."
    )
    assert speakers(text) == ["Mario Bellini", "Mario Bellini"]


def test_a_chain_of_quotes_over_intertitles_keeps_the_speaker():
    text = (
        _OPENING
        + "I fondi\n\n"
        + "«Le risorse arrivano dal Pnrr e sono già state impegnate tutte quante».\n\n"
        + "I tempi\n\n"
        + "«Entro l'estate sarà pronto anche il progetto esecutivo della palestra»."
    )
    assert speakers(text) == ["Mario Bellini"] * 3


def test_a_quote_inside_a_paragraph_naming_nobody_goes_on_the_statement():
    text = (
        _OPENING + "Per questo «serve la collaborazione di tutti i genitori e degli insegnanti», in attesa dei lavori."
    )
    assert speakers(text) == ["Mario Bellini", "Mario Bellini"]


# Near-misses: nobody carried


def test_another_person_named_between_takes_the_statement_away():
    text = (
        _OPENING
        + "Di tutt'altro avviso la consigliera Giulia Ferri, che annuncia un'interrogazione.\n\n"
        + "«Abbiamo trovato i fondi e non li perderemo per nessuna ragione al mondo»."
    )
    assert speakers(text)[1] != "Mario Bellini"


def test_an_unnamed_group_speaking_is_nobody():
    text = _OPENING + "«Sono tempi troppo lunghi per le famiglie del quartiere», hanno commentato i genitori presenti."
    assert speakers(text) == ["Mario Bellini", None]


def test_a_speaker_named_in_the_quote_aside_is_not_the_last_one():
    text = (
        _OPENING + "«Il progetto – ha aggiunto l'assessore Luca Neri – è stato condiviso con le scuole del territorio»."
    )
    assert speakers(text)[1] != "Mario Bellini"


def test_no_statement_goes_on_across_live_blog_posts():
    text = _OPENING + "Ore 12.30 Roma: «Nessun rinvio per i cantieri delle scuole di tutto il paese»"
    assert speakers(text)[1] != "Mario Bellini"


def test_a_statement_does_not_reach_far_paragraphs():
    text = (
        _OPENING
        + "Primo paragrafo di cronaca sui lavori.\n\nSecondo paragrafo di cronaca.\n\nTerzo paragrafo di cronaca.\n\n"
        + "«Abbiamo trovato i fondi e non li perderemo per nessuna ragione al mondo»."
    )
    assert speakers(text)[1] is None


# An interview whose first question calls the interviewee


def test_the_first_question_calling_the_interviewee_names_who_answers():
    text = (
        "Assessora Carla Moretti, il piano per le periferie è pronto?\n\n"
        "«Sì, lo presenteremo in giunta la prossima settimana con tutti i quartieri».\n\n"
        "E i tempi dei cantieri?\n\n"
        "«Partiranno in primavera, prima quelli delle scuole e poi le strade»."
    )
    assert speakers(text) == ["Carla Moretti", "Carla Moretti"]


def test_a_name_inside_the_first_question_is_not_the_interviewee():
    text = (
        "Il piano per le periferie voluto da Carla Moretti è pronto?\n\n"
        "«Sì, lo presenteremo in giunta la prossima settimana con tutti i quartieri».\n\n"
        "E i tempi dei cantieri?\n\n"
        "«Partiranno in primavera, prima quelli delle scuole e poi le strade»."
    )
    assert "Carla Moretti" not in speakers(text)


# A numbered group going on a joint statement


def test_the_two_signers_going_on_their_joint_statement_keep_its_speaker():
    text = (
        "«Il servizio va esteso alle frazioni – affermano Paola Riva e Marco Sala –, come chiedono da anni».\n\n"
        "«Il nuovo contratto – concludono i due consiglieri – permetterà di farlo senza costi aggiuntivi»."
    )
    assert speakers(text) == ["Paola Riva", "Paola Riva"]


def test_a_numbered_group_after_a_single_speaker_stays_nobody():
    text = (
        "«Il servizio va esteso alle frazioni», afferma la consigliera Paola Riva.\n\n"
        "«Il nuovo contratto non permetterà di farlo senza costi aggiuntivi», replicano i due sindacalisti."
    )
    assert speakers(text) == ["Paola Riva", None]
