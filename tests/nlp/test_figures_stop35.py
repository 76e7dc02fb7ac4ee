"""Figures, stop 35: counts after "primi", millions of a noun after a demonstrative (invented, with near misses)."""

from __future__ import annotations

from rassegna.nlp.figures import extract_figures


def figures(text: str) -> list[tuple[float | int, str]]:
    return [(f.value, f.unit) for f in extract_figures(text)]


def test_a_count_after_primi_is_a_count() -> None:
    assert figures("I primi 243 migranti sono stati trasbordati a gruppi.") == [(243, "migranti")]
    assert figures("Sono partiti i primi 1.215 interventi di manutenzione.") == [(1215, "interventi")]


def test_a_window_or_a_rank_after_primi_is_no_count() -> None:
    # near misses: a duration ("nei primi 6 mesi") and a rank in words ("tra i primi tre")
    assert figures("Nei primi 6 mesi dell'anno la spesa è calata.") == []
    assert figures("Il borgo è tra i primi tre eventi della regione.") == []


def test_millions_of_these_people_are_people() -> None:
    assert figures("La Polonia ospita più di 2,3 milioni di queste persone.") == [(2300000, "persone")]


def test_millions_of_these_funds_stay_money() -> None:
    # near miss: a money noun after the demonstrative
    assert figures("Sono stati spesi 2 milioni di questi fondi.") == [(2000000, "euro")]
