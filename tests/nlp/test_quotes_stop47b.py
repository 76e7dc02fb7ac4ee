"""Quotes, stop 47 (S22): an aside set off by dashes inside a quote and opened by "come" before the verb of saying
("«… – come commenta il presidente X – …»") names the quote's speaker, as it does without "come". Every example is
invented (with near misses; ``notes/speaker-model-decisions.md``, stop 47's second decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

_LEAD = "L'associazione dei consumatori commenta i dati sull'inflazione. "


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            _LEAD + "«Numeri pesanti – come commenta il presidente Marco Ferretti – il Governo deve intervenire».",
            "Marco Ferretti",
        ),
        (
            _LEAD + "«Numeri pesanti - come ha spiegato la direttrice Giulia Ranieri. - Il Governo deve intervenire».",
            "Giulia Ranieri",
        ),
    ],
)
def test_come_before_the_verb_of_a_dashed_aside_names_the_speaker(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


# Near misses: "come" after a comma cites someone else; a dashed "come" with no verb of saying names nobody.
@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Il consigliere Paolo Riva ha parlato in aula. «Noi, come ha detto il sindaco Mario Bianchi, siamo "
            "pronti a votare».",
            "Paolo Riva",
        ),
        (
            "Il consigliere Paolo Riva ha parlato in aula. «Noi siamo pronti – come dice il proverbio – a tutto».",
            "Paolo Riva",
        ),
    ],
)
def test_a_cited_name_or_a_proverb_is_no_speaker(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]
