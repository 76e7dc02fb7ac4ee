"""Speakers, round 11: place names ending in a given name, a post's body before a surname, interviews whose first
question calls the interviewee, and the paragraph after a lone quote naming its speaker (invented examples, each
rule with a near miss that must not trigger)."""

from __future__ import annotations

from tests.nlp.invented import speakers

# A place's name ending in a given name is no part of the person's name


def test_a_region_ending_in_a_given_name_is_cut_before_the_name():
    text = (
        "Per l'assessore del Friuli Venezia Giulia Marco Tonini la fiera di Udine è un successo. “Abbiamo avuto "
        "più visitatori di ogni altro anno – ha aggiunto Tonini – e torneremo l'anno prossimo”."
    )
    assert speakers(text) == ["Marco Tonini"]


def test_two_given_names_without_a_place_stay_one_name():
    text = (
        "Per la presidente Anna Maria Tonini la fiera di Udine è un successo. “Abbiamo avuto più visitatori di "
        "ogni altro anno – ha aggiunto Tonini – e torneremo l'anno prossimo”."
    )
    assert speakers(text) == ["Anna Maria Tonini"]


# The word after "del" before a surname names the post's body, not a given name


def test_a_posts_body_before_a_surname_is_no_given_name():
    text = (
        "Secondo il presidente del Consiglio Ferrante la manovra è pronta. Per ora, dice Ferrante, il governo "
        "deve solo lavorare «perché i cittadini ci chiederanno cosa abbiamo fatto in questi mesi»."
    )
    assert speakers(text) == ["Ferrante"]


def test_a_given_name_after_del_stays_in_the_name():
    text = (
        "Al congresso del partito di Mario Ferrante la manovra è stata discussa. Per ora, dice Ferrante, il "
        "governo deve solo lavorare «perché i cittadini ci chiederanno cosa abbiamo fatto in questi mesi»."
    )
    assert speakers(text) == ["Mario Ferrante"]


# An interview laid out as questions and answers: the first question may call the interviewee


_ANSWERS = (
    "«Abbiamo lavorato tanto e i risultati si vedono in tutto il territorio».\n\n"
    "E i rapporti con il «nuovo» presidente?\n\n"
    "«Ottimi, ci sentiamo ogni settimana e lavoriamo insieme sui progetti comuni»."
)


def test_the_first_question_calls_the_interviewee_by_surname():
    text = "Brunacci, com'è andato il primo anno da sindaca di Valtorta?\n\n" + _ANSWERS
    assert speakers(text) == ["Brunacci", "Brunacci"]


def test_the_first_question_calls_the_interviewee_after_an_opening_phrase():
    text = (
        "L'intervista. Parla la candidata del centro.\n\n"
        "In tutta franchezza, assessora Brunacci, com'è andato il primo anno in giunta?\n\n" + _ANSWERS
    )
    assert speakers(text) == ["Brunacci", "Brunacci"]


def test_a_common_word_opening_the_first_question_calls_nobody():
    text = "Insomma, com'è andato il primo anno?\n\n" + _ANSWERS.replace("Ottimi,", "Ottimi, insomma,")
    assert "Insomma" not in speakers(text)


# The paragraph after a quote alone names its speaker


def test_cosi_opening_the_next_paragraph_names_the_speaker():
    text = (
        "“Una chiusura che creerà disagi a tutti i pendolari della valle e ai nostri studenti”.\n\n"
        "Così, in una nota diffusa ieri, il consigliere regionale Mauro Festini, “chiede la riapertura della "
        "linea” che collega il paese al capoluogo."
    )
    assert speakers(text)[0] == "Mauro Festini"


def test_cosi_naming_two_people_names_nobody():
    text = (
        "“Una chiusura che creerà disagi a tutti i pendolari della valle e ai nostri studenti”.\n\n"
        "Così, secondo Mauro Festini e Lia Borri, “la linea va riaperta” al più presto."
    )
    assert speakers(text)[0] != "Mauro Festini"


def test_a_subject_with_an_apposition_after_a_lone_quote_speaks():
    text = (
        '"Non si può fare subito, serve una legge nuova. Ma è un progetto in cui credo molto".\n\n'
        "Carlo Benassi, direttore del Teatro civico di Lugo rilancia l'idea di unire i due teatri della zona."
    )
    assert speakers(text) == ["Carlo Benassi"]


def test_a_name_in_a_list_after_a_lone_quote_does_not_speak():
    text = (
        '"Non si può fare subito, serve una legge nuova. Ma è un progetto in cui credo molto".\n\n'
        "A Carlo Benassi, direttore del Teatro civico di Lugo, i sindaci hanno scritto una lettera."
    )
    assert speakers(text) != ["Carlo Benassi"]


# An elided preposition or a post's adjective is never a speaker's name


def test_an_elided_preposition_opening_the_sentence_is_no_name():
    text = (
        "Alla riunione c'era anche il sindaco Paolo Serri.\n\n"
        "All'opposizione che chiedeva i tempi dei lavori Serri ha risposto: \"Ricordo a tutti che il ponte "
        'nuovo lo abbiamo finito in un anno".'
    )
    assert speakers(text) == ["Paolo Serri"]


def test_a_posts_capitalised_adjective_is_no_surname():
    text = (
        "“Il turismo dell'olio può crescere ancora”. Così il sindaco Paolo Serri che è Coordinatore Regionale "
        "delle Città del Vino. “I ristoranti” – continua – “sono i primi a vendere i nostri prodotti”."
    )
    assert speakers(text) == ["Paolo Serri", "Paolo Serri", "Paolo Serri"]


def test_a_surname_ending_like_a_post_adjective_still_speaks():
    text = "«Il ponte lo abbiamo finito in un anno e lo diciamo con orgoglio», ha detto Mario Generali."
    assert speakers(text) == ["Mario Generali"]


# A surname closing a post after the post's body ("il ministro dell'Economia X")


def test_a_surname_after_the_posts_body_is_the_holder():
    text = (
        "\"La legge è passata, altri Paesi non ce l'hanno fatta\". Così il ministro dell'Agricoltura Ferrandi "
        "incontrando la stampa dopo il voto."
    )
    assert speakers(text) == ["Ferrandi"]


def test_an_adjective_after_the_posts_body_is_no_surname():
    text = (
        '"La legge è passata, altri Paesi non ce l\'hanno fatta". Così il capo di Stato Maggiore incontrando '
        "la stampa dopo il voto, e il segretario del Partito Democratico ha aggiunto altro."
    )
    assert speakers(text)[0] not in {"Maggiore", "Democratico"}


# A body's regional branch after a post is no person


def test_a_bodys_regional_branch_is_no_holder():
    text = (
        "Anche Oreste Scognati, segretario della Filt Cisl Liguria, ha protestato. “Non abbiamo avuto "
        "risposte dall'ente.”\n\n"
        "Infine, Marco Gullotta, segretario di Uiltrasporti Liguria, ha sottolineato la gravità della situazione. "
        "“Non ricordo uno sciopero simile in trent'anni di lavoro nel porto.”"
    )
    assert speakers(text)[1] == "Marco Gullotta"


def test_a_given_name_before_a_region_word_is_a_person():
    text = (
        "Lo sciopero è confermato, come dice il segretario della Filt Anna Liguria.\n\n"
        "“Non ricordo uno sciopero simile in trent'anni di lavoro nel porto”, ha detto Liguria."
    )
    assert speakers(text) == ["Anna Liguria"]
