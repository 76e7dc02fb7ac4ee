"""Quotes, stop 48 (S27, not taken): "la società", "l'università", "l'azienda" should resolve to the body the piece
names with them, as "il Comune" does; they do not, since the lists of generic nouns are looked up folded ("societa")
but written with accents, and an elided article hides the noun from ``_named_body``. S27 changed no answer over
batches 1-66, so by its criteria it was not taken (``notes/speaker-model-decisions.md``, stop 48's first decision):
its examples are kept as strict expected failures, the near misses as tests. Every example is invented."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

_NOT_TAKEN = pytest.mark.xfail(strict=True, reason="S27 not taken: no answer changed over batches 1-66")


@_NOT_TAKEN
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
