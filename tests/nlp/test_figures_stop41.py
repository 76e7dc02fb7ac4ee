"""Figures, stop 41: the whole after a bare "su" (invented examples, with near misses;
``notes/speaker-model-decisions.md``, stop 41's third decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hanno aderito 28 Comuni su 47 della provincia.", [(28, "Comuni", None), (47, "Comuni", None)]),
        ("Il centrodestra conquista 5 seggi su 13.", [(5, "seggi", None), (13, "seggi", None)]),
        ("Sono state evase 42 richieste su 79.", [(42, "richieste", None), (79, "richieste", None)]),
    ],
)
def test_the_whole_after_a_bare_su_counts_in_the_parts_noun(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("Otto italiani su 10 leggono un giornale.", 10),  # a round base: a share
        ("Ormai 3 su 4 le imprese cercano tecnici.", 4),  # a small base
        ("Il presidio è aperto 24 ore su 24.", 24),  # a duration, no figure
        ("Ne soffre 1 bambino su 7.", 7),  # one in seven: a share
        ("La squadra è identica per sette nomi su nove.", 9),  # a base under a dozen: a share
    ],
)
def test_a_shares_base_is_still_no_figure(text: str, base: int) -> None:
    assert base not in [value for value, _unit, _q in values(text)]


def test_a_smaller_number_after_su_is_no_whole() -> None:
    # near miss: "su" followed by a number smaller than the part is no whole of it
    assert (3, "Comuni") not in [(v, u) for v, u, _q in values("Sono 28 Comuni su 3 province.")]
