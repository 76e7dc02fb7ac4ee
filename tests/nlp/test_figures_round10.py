"""Figures, round 10: classes of misses and extras read on batches 1–14, each with invented examples (none copied
from the corpus) and a near miss that must not trigger."""

from __future__ import annotations

import pytest

from tests.nlp.invented import values


@pytest.mark.parametrize(
    "text",
    [
        "«Servono più autobus – spiegano i tre consiglieri – e corse serali».",
        "«La gara va rifatta», dicono le due associazioni dei consumatori.",
        "«Nessuno ci ha ascoltato», hanno aggiunto i quattro rappresentanti sindacali.",
    ],
)
def test_speakers_named_by_their_number_after_a_reporting_verb_are_no_figure(text):
    assert values(text) == []


def test_a_count_after_another_verb_still_counts():
    text = "Il sindaco ha incontrato ieri i quattro assessori della nuova giunta."
    assert values(text) == [(4, "assessori", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il restauro costa 4,2 milioni di euro, di cui 1,8 dalla Regione.",
            [(4200000, "euro", None), (1800000, "euro", None)],
        ),
        (
            "Il piano vale 12 milioni, di cui 7,5 di fondi europei.",
            [(12000000, "euro", None), (7500000, "euro", None)],
        ),
        (
            "L'opera vale 3,5 milioni di euro, di cui 2,5 stanziati dal Ministero.",
            [(3500000, "euro", None), (2500000, "euro", None)],
        ),
        (
            "Il contributo è di ottomila euro di cui 2.400 (circa un terzo) versati dal Comune.",
            [(8000, "euro", None), (2400, "euro", None)],
        ),
    ],
)
def test_a_bare_part_after_di_cui_is_in_the_millions_of_the_amount(text, expected):
    assert values(text) == expected


def test_a_part_after_di_cui_of_a_count_is_no_money():
    text = "Sono arrivate 40 domande, di cui 12 dalla provincia."
    assert values(text) == [(40, "domande", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il documento della maggioranza si articola in sei punti.", (6, "punti", None)),
        ("Il consiglio ha discusso un ordine del giorno di 12 punti.", (12, "punti", None)),
        ("Il bando è diviso in 5 lotti funzionali.", (5, "lotti", None)),
        ("La relazione del perito è lunga 40 pagine.", (40, "pagine", None)),
        ("I volontari hanno coperto 320 turni di guardia.", (320, "turni", None)),
        ("La serie andrà in onda in otto puntate.", (8, "puntate", None)),
    ],
)
def test_points_of_a_plan_lots_pages_shifts_and_episodes_are_counts(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maggioranza e opposizione hanno espresso due punti di vista diversi.", []),
        ("La disoccupazione cala di 2 punti percentuali.", [(2, "punti percentuali", None)]),
        ("Il bando scade tra sei mesi.", []),
    ],
)
def test_points_of_view_percentage_points_and_durations_are_unchanged(text, expected):
    assert values(text) == expected


def test_shares_listed_after_party_names_are_percentages():
    text = "I risultati della notte: Pd 22,5%, Lega 9%, Azione 3,4 per cento."
    assert values(text) == [(22.5, "%", None), (9, "%", None), (3.4, "%", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Resta in vigore il Superbonus 110% per i condomini.",  # a share over 100 after a name is the name's
        "Il direttore della Asl Napoli 1 si è dimesso.",  # no percentage: a numbered name
    ],
)
def test_numbers_in_names_stay_names(text):
    assert values(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Le piste ciclabili sono pensate per le due ruote.",
        "Gli anziani non si sentono sicuri nemmeno tra le quattro mura di casa.",
        "La premier ha ribadito che la soluzione resta due popoli, due Stati.",
    ],
)
def test_counting_idioms_are_no_figure(text):
    assert values(text) == []


def test_a_number_word_with_another_noun_still_counts():
    text = "Sono stati sequestrati due scooter e quattro muri sono stati imbrattati."
    assert values(text) == [(2, "scooter", None), (4, "muri", None)]
