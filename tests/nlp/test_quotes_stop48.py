"""Quotes, stop 48 (S27): "la società", "l'università", "l'azienda" resolve to the body the piece names with them,
as "il Comune" does (the lists are looked up folded, and an elided article no longer hides the noun). Every example
is invented (with near misses; ``notes/speaker-model-decisions.md``, stop 48's first decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Il servizio idrico resta sospeso. La società Abbanoa ha respinto le richieste del sindaco.\n\n"
            "«Si è scelto di tutelare chi non paga, è inaccettabile», spiega la società.",
            "Abbanoa",
        ),
        (
            "Il servizio idrico resta sospeso. L'azienda Abbanoa ha respinto le richieste del sindaco.\n\n"
            "«Si è scelto di tutelare chi non paga, è inaccettabile», spiega l'azienda.",
            "Abbanoa",
        ),
        (
            "Le lezioni riprendono lunedì. L'università di Pisa ha riaperto le aule studio.\n\n"
            "«Le aule resteranno aperte anche la sera per tutti gli studenti», fa sapere l'università.",
            "Università di Pisa",
        ),
        (
            "Il servizio idrico resta sospeso.\n\n"
            "«Si è scelto di tutelare chi non paga, è inaccettabile», spiega la società Abbanoa.",
            "Abbanoa",
        ),
    ],
)
def test_a_generic_noun_resolves_to_the_body_named_with_it(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


# Near misses: a piece that names no such body keeps the noun; "il Comune" resolved as before.
@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Il servizio idrico resta sospeso.\n\n"
            "«Si è scelto di tutelare chi non paga, è inaccettabile», spiega la società.",
            "società",
        ),
        (
            "Il cantiere riapre. Il Comune di Gorizia ha firmato l'accordo.\n\n"
            "«I lavori finiranno entro l'estate», fa sapere il Comune.",
            "Comune di Gorizia",
        ),
    ],
)
def test_a_noun_with_no_body_named_stays_as_printed(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]
