"""Figures, round 9: classes of misses on the seven out-of-sample batches (10, 11, 13–17), each with invented
examples (none copied from the corpus) and a near miss that must not trigger."""

from __future__ import annotations

import pytest

from tests.nlp.invented import values


def test_a_decimal_point_before_a_percentage_is_a_decimal():
    text = "Alle regionali il candidato ha ottenuto il 48.7% dei voti, l'avversario il 12.25 per cento."
    assert values(text) == [(48.7, "%", None), (12.25, "%", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La versione 4.2 dell'applicazione è disponibile da oggi.", []),  # no percentage after it
        ("Sono 1.250 gli iscritti al corso.", [(1250, "iscritti", None)]),  # three digits: thousands
    ],
)
def test_a_decimal_point_elsewhere_is_unchanged(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il contributo andrà ai sette istituti comprensivi della provincia.", (7, "istituti", None)),
        ("Il sindaco ha incontrato i genitori dei quattro bambini coinvolti.", (4, "bambini", None)),
        ("La gara è aperta alle cinque squadre iscritte entro marzo.", (5, "squadre", None)),
    ],
)
def test_a_number_word_from_three_after_an_articulated_preposition_counts(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Il sindaco ha incontrato i genitori dei due bambini coinvolti.",  # "dei due": the pair already told
        "Il sindaco ha incontrato quei quattro ragazzi in piazza.",  # a demonstrative points back
        "Sono queste tre straordinarie figure a guidare il gruppo.",
    ],
)
def test_two_after_a_preposition_and_any_number_after_a_demonstrative_stay_out(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La media regionale è di 6,5 ogni mille abitanti.", [(1000, "abitanti", None)]),
        ("Ne abbiamo contati 17 perché gli altri erano andati via.", []),
        ("Al termine del corso sono stati assunti 30mila successivamente.", []),
    ],
)
def test_a_function_word_or_an_adverb_is_no_counted_noun(text, expected):
    assert values(text) == expected


def test_a_function_word_list_keeps_real_nouns():
    assert values("Sono arrivati 40 quintali di grano, 17 pecore e 6 ogni ora.") == [
        (40, "quintali", None),
        (17, "pecore", None),
    ]


def test_euro_sign_with_a_dot_is_money():
    text = "Il finanziamento prevede €. 250.000,00 per la nuova scuola e €. 80.000,00 per la palestra."
    assert values(text) == [(250000, "euro", None), (80000, "euro", None)]


def test_an_emission_class_stays_no_money():
    assert values("Dal primo ottobre i diesel Euro 4 non potranno circolare.") == []
