"""Figures, round 6: classes of batch-8 misses, each with invented examples (none copied from the corpus)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import values


def test_relative_clause_between_subject_and_verb():
    text = "Gli alloggi, che saranno consegnati entro giugno, sono 48 in tutto."
    assert (48, "alloggi", None) in values(text)


def test_elliptic_clause_after_e_with_a_participle():
    text = "I posti messi a bando sono 60 e le domande arrivate quasi 90."
    assert values(text) == [(60, "posti", None), (90, "domande", "quasi")]


def test_infinitive_with_enclitic_ne_takes_the_unit_just_told():
    text = "Prima bastavano 30 euro al mese, ora per riscaldarsi bisogna pagarne 52."
    assert values(text) == [(30, "euro", None), (52, "euro", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Sono stati fermati in tutti e due i controlli della notte.",  # "all two/both": no new count
        "Ogni sera passano quattro, cinque pattuglie in piazza.",  # counting up: a rough guess
    ],
)
def test_no_figure_in_idioms_of_counting(text):
    assert values(text) == []


def test_numbered_project_name_is_no_count():
    assert values("Il Comune capofila del progetto 2214 INSIEME ha firmato.") == []
    assert values("Con il progetto 35 famiglie hanno trovato casa.") == [(35, "famiglie", None)]


def test_year_shaped_count_after_punctuation():
    text = "Sul cartello c'era scritto: 1950 esuberi nello stabilimento."
    assert values(text) == [(1950, "esuberi", None)]
    assert values("Nel 2020 arrivarono i primi aiuti.") == []


def test_partitive_whole_is_a_figure_too():
    text = "Servono almeno 201 dei 400 voti dell'assemblea."
    assert values(text) == [(201, "voti", "almeno"), (400, "voti", None)]


def test_part_after_tra_cui_takes_the_head_noun():
    text = "Sono state controllate 60 persone, tra cui tre denunciate a piede libero."
    assert values(text) == [(60, "persone", None), (3, "persone", None)]


def test_votes_in_coordination_keep_their_noun():
    text = "La delibera è passata con 21 voti favorevoli e 9 contrari."
    assert (9, "voti contrari", None) in values(text)


def test_parallel_list_items_share_the_noun():
    text = "Si contano 240 iscritti alla scuola di musica, 130 al corso di teatro e 45 al laboratorio."
    assert values(text) == [(240, "iscritti", None), (130, "iscritti", None), (45, "iscritti", None)]
    # an item that names its own noun, or a new sentence, breaks the list
    text = "Hanno votato 300 residenti, 80 pendolari, 20 dal centro. Poi 12 da fuori."
    assert values(text) == [(300, "residenti", None), (80, "pendolari", None)]


def test_comparison_with_the_figure_just_told():
    text = "Il nuovo bando finanzia 75 borse invece delle precedenti 50."
    assert values(text) == [(75, "borse", None), (50, "borse", None)]
    text = "La fiera ha contato 40mila presenze, contro le 32mila della scorsa edizione."
    assert values(text) == [(40000, "presenze", None), (32000, "presenze", None)]


def test_count_between_two_nouns():
    text = "Hanno aderito 28 tra associazioni e cooperative del territorio."
    assert values(text) == [(28, "associazioni", None)]


def test_range_with_its_noun_before():
    text = "Il piano prevede il raddoppio di corse serali da 14 a 28."
    assert values(text) == [(14, "corse", None), (28, "corse", None)]


def test_thousands_before_a_verb_after_an_amount_of_money():
    text = "L'opera costa 2 milioni di euro: 900 mila sono stati stanziati dalla Regione e 300 mila versati dal Comune."
    assert values(text) == [(2000000, "euro", None), (900000, "euro", None), (300000, "euro", None)]


def test_count_in_apposition_after_its_noun():
    text = "Le cooperative, almeno 35, hanno firmato il protocollo."
    assert values(text) == [(35, "cooperative", "almeno")]


def test_infinitive_with_object_pronoun_moves_the_figure_just_told():
    text = "Il reparto ha 12 posti letto e la Regione vuole aumentarli a 20."
    assert values(text) == [(12, "posti letto", None), (20, "posti letto", None)]


def test_quelli_after_a_number_takes_the_noun_just_told():
    text = "Sono 80 le richieste arrivate, 55 quelle finanziate."
    assert values(text) == [(80, "richieste", None), (55, "richieste", None)]


def test_subject_with_a_leading_adjective():
    assert values("I nuovi iscritti sono stati 64.") == [(64, "iscritti", None)]


def test_the_value_a_figure_moved_from():
    text = "Le richieste sono salite a 310 dalle 240 del 2021."
    assert values(text) == [(310, "richieste", None), (240, "richieste", None)]


def test_any_adverb_in_mente_between_verb_and_number():
    text = "I minori seguiti dai servizi sociali sono attualmente 215."
    assert values(text) == [(215, "minori", None)]


def test_a_correction_after_ma_takes_the_noun_just_told():
    assert values("La flotta non avrà dodici navi, ma solo da otto.") == [(12, "navi", None), (8, "navi", None)]
    assert values("Arrestati 12 giovani, ma 3 sono già liberi.") == [(12, "giovani", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of an amount after "di cui" and a preposition, a cap after "un massimo di": the same currency
        ("Il restauro costa 90.000 euro, di cui 60.000 dalla Fondazione.", [(90000, "euro"), (60000, "euro")]),
        ("Un rimborso di 300 euro, fino a un massimo di 900.", [(300, "euro"), (900, "euro")]),
        ("La sala ha 80 posti, fino a un massimo di 120.", [(80, "posti")]),
        # a bare small number listed after millions of money is in millions
        ("Al porto 4 milioni per le banchine, 2,5 per i parcheggi.", [(4000000, "euro"), (2500000, "euro")]),
    ],
)
def test_parts_and_caps_of_an_amount(text, expected):
    assert [(v, u) for v, u, _ in values(text)] == expected
