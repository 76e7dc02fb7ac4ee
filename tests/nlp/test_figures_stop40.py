"""Figures, stop 40: the press's inverted count of millions, "Sono 23 i milioni"; invented examples, with a near miss
(``notes/speaker-model-decisions.md``, stop 40's third decision)."""

from __future__ import annotations

from tests.nlp.invented import values


# F2: a number, then "i milioni" or "i miliardi", is that many millions or billions (euro unless "di" names the unit).
def test_a_number_then_i_milioni_is_an_amount_in_millions() -> None:
    assert (23_000_000, "euro", None) in values("Sono 23 i milioni a bilancio nel 2026, contro i 20 dell'anno prima.")
    assert (363_500_000, "euro", None) in values("Sono 363,5 i milioni di euro assegnati ai progetti dei comuni.")
    assert (1_300_000, "euro", "oltre") in values("Sono oltre 1,3 i milioni di euro destinati ai comuni della costa.")
    assert (4_000_000, "passeggeri", None) in values("Sono 4 i milioni di passeggeri transitati dallo scalo.")
    assert (2_000_000_000, "euro", None) in values("Sono 2 i miliardi stanziati per le scuole.")


def test_i_milioni_with_no_number_before_is_no_figure() -> None:
    # near miss: "i milioni di italiani" counts nobody
    assert values("Il governo pensa ai milioni di italiani che aspettano la riforma delle pensioni.") == []
