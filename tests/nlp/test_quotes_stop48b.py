"""Quotes, stop 48 (S28): a straight mark that closes a quote left open at the end of the paragraph before ends it
(`"… / … linea 6". A dirlo è X`), so the sentence after it names the speaker; a lone straight mark with no quote
open before stays no quote. Every example is invented (with near misses; ``notes/speaker-model-decisions.md``, stop
48's second decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

_OPENED = (
    "Il consiglio si è chiuso tardi. {o}Sono abituata a confrontarmi col territorio. La prossima settimana è previsto "
    "un incontro con i presidenti di Municipio.\n\n"
)
_CLOSED = "La mia opinione è che questa città non può sopportare un altro cantiere, ma dobbiamo collegare le linee{c}. "


@pytest.mark.parametrize(
    "after",
    [
        "A dirlo è l'assessora alla Mobilità, Arianna Censi, a margine del suo intervento.",
        "Lo ha detto l'assessora alla Mobilità Arianna Censi.",
    ],
)
def test_a_straight_mark_closes_the_quote_carried_from_the_paragraph_before(after: str) -> None:
    text = _OPENED.format(o='"') + _CLOSED.format(c='"') + after
    assert speakers(text) == ["Arianna Censi"]


# Near misses: the same quote with «» (read so before), and a lone straight mark (an inch) with no quote open before.
def test_the_same_quote_in_guillemets_keeps_its_speaker() -> None:
    text = _OPENED.format(o="«") + _CLOSED.format(c="»") + "A dirlo è l'assessora alla Mobilità, Arianna Censi."
    assert speakers(text) == ["Arianna Censi"]


@pytest.mark.parametrize(
    "text",
    [
        'Il negozio di via Roma vende televisori con lo schermo da 55" a prezzi bassi.\n\nIl sindaco ha inaugurato '
        "la piazza.",
        'Il sindaco ha inaugurato la piazza.\n\nIl negozio di via Roma vende televisori con lo schermo da 55" a '
        "prezzi bassi.",
    ],
)
def test_a_lone_straight_mark_with_no_quote_open_is_no_quote(text: str) -> None:
    assert speakers(text) == []
