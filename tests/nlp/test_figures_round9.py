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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La giunta conferma sette assessori sui nove.", [(7, "assessori", None), (9, "assessori", None)]),
        ("Abbiamo 95 docenti su 140 complessivi.", [(95, "docenti", None), (140, "docenti", None)]),
        ("Si vota in 22 sezioni sulle 116 totali del capoluogo.", [(22, "sezioni", None), (116, "sezioni", None)]),
        (
            "Ben 97 comuni della Liguria, sul totale di 235, sono piccoli.",
            [(97, "comuni", "ben"), (235, "comuni", None)],
        ),
    ],
)
def test_the_whole_after_su_counts_the_noun_of_its_part(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Otto italiani su 10 usano internet.", []),  # a round base: a proportion
        ("Il taglio colpisce 30 operai su 90.", [(30, "operai", None), (90, "operai", None)]),  # stop 41: a whole
        ("Il pronto soccorso resta aperto 24 ore su 24.", []),
        ("Da 50 milioni preventivati si viaggia ora sui 65.", [(50000000, "euro", None)]),  # too far from the part
    ],
)
def test_a_proportion_or_a_distant_su_gives_no_whole(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il calo è del 35-40% rispetto al 2022.", (40, "%", None)),
        ("Il candidato ha il 30-31 per cento delle preferenze.", (31, "%", None)),
    ],
)
def test_a_hyphen_range_of_percentages_gives_its_upper_bound(text, expected):
    assert values(text) == [expected]


def test_a_hyphen_range_that_is_an_age_band_stays_out():
    assert values("Nella fascia 20-24 il tasso è del 12%.") == [(12, "%", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sono stati stanziati due milioni e mezzo per la scuola.", (2500000, "euro", None)),
        ("Il Comune ha incassato quasi 3 milioni e mezzo in cinque anni.", (3500000, "euro", "quasi")),
    ],
)
def test_bare_millions_and_a_half_are_money(text, expected):
    assert values(text) == [expected]


def test_millions_and_a_half_of_a_noun_stay_that_noun():
    assert values("Hanno votato tre milioni e mezzo di elettori.") == [(3500000, "elettori", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nel reparto i posti letto aumenteranno da 11 a 20, con camere nuove.",
            [(11, "posti", None), (20, "posti", None)],
        ),
        ("I dipendenti cresceranno da 120 a 150.", [(120, "dipendenti", None), (150, "dipendenti", None)]),
    ],
)
def test_a_range_after_the_subject_and_a_finite_verb_of_change(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le ore di apertura passano da 8 a 10.",  # a duration stays out
        "Il bando si è chiuso e passa da lunedì a venerdì.",
    ],
)
def test_a_range_of_durations_or_days_stays_out(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saranno assunti un'altra cinquantina di dipendenti.", (50, "dipendenti", "circa")),
        ("Hanno aderito la ventina di comuni soci.", (20, "comuni", "circa")),
    ],
)
def test_a_rough_count_after_la_or_altra(text, expected):
    assert values(text) == [expected]


def test_a_rough_age_stays_out():
    assert values("Ha compiuto la sessantina ieri.") == []
