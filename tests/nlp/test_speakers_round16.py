"""Speakers, round 16: the shape of a speaker's name (a surname opened by "de", a given name that is a word of a
place's name); invented examples, each with a near miss that must not trigger."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes


# "de" is no Italian preposition: after a given name it opens a surname, even printed once.
def test_a_surname_opened_by_de_printed_once() -> None:
    text = "«Il ponte sarà pronto entro l'estate». Così il sindaco di Lugo Carlo de Santis in una nota."
    (q,) = extract_quotes(text)
    assert q.speaker == "Carlo de Santis"
    assert q.role == "sindaco di Lugo"


def test_de_after_a_role_word_is_no_given_name() -> None:
    # near miss: "Palazzo de Santis" has no given name before the particle, and the mayor speaks
    text = "«Il ponte sarà pronto entro l'estate». Così il sindaco Anna Neri a Palazzo de Santis in una nota."
    (q,) = extract_quotes(text)
    assert q.speaker == "Anna Neri"


def test_di_printed_once_stays_a_preposition() -> None:
    # near miss: "di" is a preposition ("Mario Rossi di Legambiente"): the rule is for "de" only
    text = "«Il ponte sarà pronto entro l'estate», ha detto Mario Rossi di Legambiente."
    (q,) = extract_quotes(text)
    assert q.speaker == "Mario Rossi"


# A given name inside a place's name ("Venezia Giulia", "Santa Maria …") is no person's.
def test_a_region_before_the_holders_name() -> None:
    text = "«I fondi arriveranno a tutti i comuni», ha spiegato l'assessore del Friuli Venezia Giulia Paolo Bianchi."
    (q,) = extract_quotes(text)
    assert q.speaker == "Paolo Bianchi"
    assert q.role == "assessore del Friuli Venezia Giulia"


def test_a_comune_named_like_a_saint_then_its_mayor() -> None:
    text = "Il sindaco di Santa Maria Capua Vetere, Luca Verdi, ribadisce: «Siamo pronti ad accogliere le famiglie»."
    (q,) = extract_quotes(text)
    assert q.speaker == "Luca Verdi"


def test_a_given_name_after_a_non_place_word_still_opens_a_name() -> None:
    # near miss: "Giulia" after a body's word, not a place's: the person is Giulia Neri
    text = "«I fondi arriveranno a tutti i comuni», ha spiegato l'assessora alla Cultura Giulia Neri."
    (q,) = extract_quotes(text)
    assert q.speaker == "Giulia Neri"


# A post set off after a name: the name is the subject, the post's body no holder ("della Filt Cgil Puglia").
def test_a_post_set_off_between_commas_before_said_that() -> None:
    text = "Anna Neri, segretaria generale della Filt Cgil Puglia, conferma che il prefetto «ha convocato il tavolo»."
    (q,) = extract_quotes(text)
    assert q.speaker == "Anna Neri"
    assert q.role == "segretaria generale della Filt Cgil Puglia"


def test_a_post_after_a_comma_then_said_that() -> None:
    text = "Luca Bruni, segretario regionale Fim-Cisl ribadisce che «non è stata trovata alcuna soluzione per noi»."
    (q,) = extract_quotes(text)
    assert q.speaker == "Luca Bruni"


def test_a_body_s_branch_before_a_post_is_no_person() -> None:
    # near miss: what precedes the post's comma is a body's branch (a region closes it), not a person
    text = "La Fiom Cgil Puglia, segretaria Anna Neri, conferma che il prefetto «ha convocato il tavolo di crisi»."
    (q,) = extract_quotes(text)
    assert q.speaker != "Fiom Cgil Puglia"


# A name no list of given names holds is a person when a post is set off after it at the start of a sentence.
def test_a_foreign_name_with_its_post_set_off() -> None:
    text = "Dragana Kovac, coordinatrice dell'accoglienza per la Caritas, racconta: «Lavoro qui dal 2010 con passione»."
    (q,) = extract_quotes(text)
    assert q.speaker == "Dragana Kovac"


def test_a_foreign_interviewee_with_a_post_answers() -> None:
    text = (
        "Dragana Kovac, presidente della Volley Club, qual è il bilancio della stagione?\n\n"
        "«Eravamo partiti per salvarci e abbiamo sfiorato i playoff, una bella sorpresa»."
    )
    (q,) = extract_quotes(text)
    assert q.speaker == "Dragana Kovac"


def test_capitalised_words_then_a_post_mid_sentence_are_no_person() -> None:
    # near miss: not at the start of a sentence ("a Porta Nuova, il sindaco …"): no person of any origin
    text = "La festa si terrà a Borgo Vecchio, il sindaco ha spiegato: «Sarà una giornata per tutte le famiglie»."
    (q,) = extract_quotes(text)
    assert q.speaker != "Borgo Vecchio"


# An interview opening with a question that calls the interviewee (maybe by post, maybe by surname alone).
def test_an_interview_opening_by_calling_the_interviewee_by_post() -> None:
    text = (
        "Assessora Laura Fabbri, comincia il secondo mandato. Che cosa cambia con Marco Rossi presidente?\n\n"
        "«Cambia il metodo: ascolteremo di più i quartieri e le associazioni»."
    )
    (q,) = extract_quotes(text)
    assert q.speaker == "Laura Fabbri"


def test_an_interview_opening_by_calling_a_surname_alone() -> None:
    text = (
        "Bertolazzi, da dove nasce la sua candidatura?\n\n"
        "«Dai sindaci dei piccoli comuni, che mi hanno chiesto di rappresentarli»."
        "\n\nQuali sono le sue priorità?\n\n"
        "«Le strade provinciali e le scuole, prima di tutto il resto»."
    )
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == ["Bertolazzi", "Bertolazzi"]


def test_a_question_opening_the_piece_by_a_place_calls_nobody() -> None:
    # near miss: the opening question addresses a city, not a person
    text = (
        "Bergamo, che cosa cambia con la nuova linea del tram?\n\n"
        "«Cambia il modo di muoversi in tutta la valle e per tutti»."
    )
    (q,) = extract_quotes(text)
    assert q.speaker != "Bergamo"


# The sentence after a quote names whose words they were with a noun of speech, or opens with "Così" in any form.
def test_a_noun_of_speech_after_the_quote_names_the_speaker() -> None:
    text = "«Ci risiamo: altri tagli alle guardie mediche».\n\nÈ la denuncia accorata di Paola Serra, sindaca di Borgo."
    (q,) = extract_quotes(text)
    assert q.speaker == "Paola Serra"


def test_a_noun_of_speech_as_the_next_sentence_subject() -> None:
    text = "«Dal prossimo anno la tassa calerà del dieci per cento».\n\nL'annuncio del sindaco Marco Ferri arriva ieri."
    (q,) = extract_quotes(text)
    assert q.speaker == "Marco Ferri"


def test_a_noun_of_speech_given_by_a_body() -> None:
    text = "«Sono in corso temporali violenti su tutta la provincia».\n\nLa raccomandazione è di Carla Neri, assessora."
    (q,) = extract_quotes(text)
    assert q.speaker == "Carla Neri"


def test_a_noun_that_is_no_speech_names_nobody() -> None:
    # near miss: "la strada di Marco Ferri" is no noun of speech
    text = "«Dal prossimo anno la tassa calerà del dieci per cento».\n\nLa strada di Marco Ferri è chiusa da ieri."
    (q,) = extract_quotes(text)
    assert q.speaker != "Marco Ferri" or q.speaker_to_check


def test_cosi_with_an_aside_or_without_its_accent() -> None:
    text = "«Una chiusura che crea disagi a tutti».\n\nCosì, in una nota, il consigliere regionale Luca Serra, ieri."
    (q,) = extract_quotes(text)
    assert q.speaker == "Luca Serra"
    text = "«Una delle prime azioni della nuova giunta».\n\nCosi la sindaca Daniela Verdi sugli interventi in corso."
    (q,) = extract_quotes(text)
    assert q.speaker == "Daniela Verdi"


def test_the_words_with_which_someone_did_something() -> None:
    text = "«La pazienza dei pendolari è finita».\n\nSono le parole con cui Mario Bassi, sindaco, ha aperto la festa."
    (q,) = extract_quotes(text)
    assert q.speaker == "Mario Bassi"


# "Per" and a body's name right before the quote: the body's view, when the piece names a post in it.
def test_per_a_body_whose_post_the_piece_names() -> None:
    text = (
        "Ne parla Anna Neri, presidente di Coldiretti Umbria, in una nota.\n\n"
        "Per Coldiretti, «la siccità ha dimezzato i raccolti di grano in tutta la regione»."
    )
    qs = extract_quotes(text)
    assert qs[-1].speaker == "Coldiretti"


def test_per_a_body_with_a_relative_clause() -> None:
    text = (
        "Lo ha premiato la presidente dell'Aipa, Carla Bruni, a Roma.\n\n"
        "Per l'Aipa, che ne dà notizia, «un riconoscimento atteso da anni dalle imprese»."
    )
    qs = extract_quotes(text)
    assert qs[-1].speaker == "Aipa"


def test_per_a_feast_is_a_circumstance_not_a_body() -> None:
    # near miss: "Per il Giubileo," opens a circumstance; the piece names no post in it
    text = "Le strade saranno chiuse per il Giubileo. Per il Giubileo, «arriveranno milioni di pellegrini in città»."
    (q,) = extract_quotes(text)
    assert q.speaker != "Giubileo"
