"""Figures, round 11: classes of misses and extras read on batches 1–14 and 19, each with invented examples (none
copied from the corpus) and a near miss that must not trigger."""

from __future__ import annotations

import pytest

from tests.nlp.invented import values


@pytest.mark.parametrize(
    "text",
    [
        "In Toscana si registrano 4 infermieri ogni mille abitanti.",
        "Il piano prevede un bagno pubblico ogni 100 residenti.",
    ],
)
def test_the_round_base_of_a_rate_after_ogni_is_no_figure(text):
    assert all(value not in {100, 1000} for value, _, _ in values(text))


def test_a_base_after_ogni_that_is_no_round_number_still_counts():
    text = "Il distretto assicura un pediatra ogni 850 bambini."
    assert values(text) == [(850, "bambini", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Da lunedì la 131 riaprirà al traffico nei due sensi.",
        "I lavori per portare la 4 corsie fino al porto partono in estate.",
    ],
)
def test_a_number_after_a_singular_article_names_one_thing(text):
    assert values(text) == []


def test_a_share_after_a_singular_article_still_counts():
    assert values("Il candidato ha ottenuto il 42% dei voti.") == [(42, "%", None)]


def test_a_small_number_word_after_our_is_the_speakers_own_set():
    text = "Il gemellaggio ha avvicinato le nostre tre città, ha detto il sindaco."
    assert values(text) == []


def test_a_number_word_after_a_third_person_possessive_still_counts():
    text = "Il pescatore è rientrato con i suoi tre figli."
    assert values(text) == [(3, "figli", None)]


@pytest.mark.parametrize(
    "text",
    [
        "La conferenza inizia alle 17, alle 18 seguirà un rinfresco.",
        "La fiera chiude le otto domeniche di marzo e resta aperta 2 durante la festa.",
    ],
)
def test_a_future_verb_or_a_preposition_is_no_counted_noun(text):
    assert all(unit not in {"seguirà", "durante"} for _, unit, _ in values(text))


def test_a_noun_in_ra_is_not_read_as_a_future():
    assert values("Il paese conta 12 città gemellate.") == [(12, "città", None)]


def test_editions_are_counted():
    assert values("Il festival taglia il traguardo delle trentadue edizioni.") == [(32, "edizioni", None)]


def test_an_ordinal_edition_is_no_count():
    assert values("Il festival è giunto alla trentaduesima edizione.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ieri sono arrivati i primi 60 profughi al centro.", [(60, "profughi", None)]),
        ("Hanno firmato le prime sette imprese del distretto.", [(7, "imprese", None)]),
    ],
)
def test_the_first_ones_of_a_group_are_counted(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il borgo è tra i primi dieci paesi per qualità della vita.",
        "Nei primi sei mesi i cantieri sono stati chiusi.",
    ],
)
def test_a_rank_or_a_window_after_primi_stays_out(text):
    assert values(text) == []


def test_the_first_ones_of_a_group_already_counted_are_told_again():
    text = "Il bando ha accolto 25 famiglie. I primi 25 nuclei entreranno a maggio."
    assert values(text) == [(25, "famiglie", None)]


@pytest.mark.parametrize(
    "text",
    ["Il viaggio è stato l'occasione per fare due chiacchiere.", "È un artista dalle mille sfaccettature."],
)
def test_chats_and_a_thousand_as_many_are_idioms(text):
    assert values(text) == []


def test_a_thousand_after_an_article_in_euro_is_money():
    assert values("La quota supera i mille euro a testa.") == [(1000, "euro", None)]


def test_a_subject_after_an_aside_between_dashes():
    text = "Saranno 300 mila – assicura l'assessore – i visitatori attesi per la mostra."
    assert values(text) == [(300000, "visitatori", None)]


def test_an_aside_between_dashes_before_the_number():
    text = "Gli sportelli aperti in provincia sono – ufficialmente – nove."
    assert values(text) == [(9, "sportelli", None)]


def test_both_ends_of_a_change_that_carry_their_times():
    text = "I ricoveri potrebbero scendere dai 420 dell'anno scorso ai 380 del 2027."
    assert values(text) == [(420, "ricoveri", None), (380, "ricoveri", None)]


def test_a_change_without_a_subject_noun_gives_no_unit():
    assert values("Potrebbero scendere dai 420 dell'anno scorso ai 380 del 2027.") == []


def test_an_amount_followed_by_di_euro():
    assert values("La Regione assegna 2.417.380 di euro ai Comuni.") == [(2417380, "euro", None)]


def test_senzatetto_is_an_invariable_plural():
    assert values("Sono 85 i senzatetto assistiti dalla mensa.") == [(85, "senzatetto", None)]


def test_a_singular_noun_in_o_is_still_no_count():
    assert values("Sono 85 il numero massimo.") == []


def test_a_magnitude_named_before_its_reading():
    assert values("Una scossa di magnitudo 3.8 ha svegliato la valle.") == [(3.8, "magnitudo", None)]


def test_a_decimal_point_without_a_scale_is_no_figure():
    assert values("Il documento 3.8 è stato approvato.") == []


def test_billions_of_recovery_fund_are_money():
    assert values("Arriveranno 6 miliardi di recovery fund.") == [(6000000000, "euro", None)]


def test_a_short_plural_after_a_hyphen_range():
    assert values("La mozione dovrebbe raccogliere 120-125 voti.") == [(120, "voti", None), (125, "voti", None)]


def test_ages_after_a_hyphen_range_stay_out():
    assert values("Il corso è aperto ai 14-18 enni.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In porto sono entrate 70 fra navi da crociera, traghetti e yacht.", [(70, "navi", None)]),
        ("Sono 40 fra cooperative sociali e associazioni.", [(40, "cooperative", None)]),
        ("Otto tra ASL e ospedali hanno aderito.", [(8, "ASL", None)]),
    ],
)
def test_a_count_over_a_list_takes_its_first_noun(text, expected):
    assert values(text) == expected


def test_a_number_before_tra_and_a_time_is_no_count_over_a_list():
    assert values("Ne arriveranno 40 tra poco.") == []
