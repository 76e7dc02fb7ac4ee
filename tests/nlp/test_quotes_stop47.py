"""Quotes, stop 47 (S21): a lone surname opening a clause after a connective ("…, mentre Ara segnala che «") is the
subject of the saying that follows, as it is when it opens the sentence. Every example is invented (with near misses;
``notes/speaker-model-decisions.md``, stop 47's first decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

_PAIR = "Il presidente del quartiere Marco Ferretti e l'assessora Giulia Ranieri hanno presentato il progetto. "


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            _PAIR + "«Non saranno ronde», precisa Ranieri, mentre Ferretti segnala che «il quartiere è il primo».",
            "Marco Ferretti",
        ),
        (
            _PAIR + "«Non saranno ronde», precisa Ranieri, ma Ferretti ricorda che «servono più volontari».",
            "Marco Ferretti",
        ),
    ],
)
def test_a_lone_surname_after_a_connective_speaks(text: str, speaker: str) -> None:
    assert speakers(text)[-1] == speaker


# Near misses: a place after the connective is no speaker; the same surname opening the sentence already spoke.
@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            _PAIR + "«Non saranno ronde», precisa Ranieri, mentre Bologna ricorda che «il quartiere è il primo».",
            "Giulia Ranieri",
        ),
        (
            _PAIR + "«Non saranno ronde», precisa Ranieri. Ferretti segnala che «il quartiere è il primo».",
            "Marco Ferretti",
        ),
    ],
)
def test_no_speaker_from_a_place_and_the_sentence_opening_still_reads(text: str, speaker: str) -> None:
    assert speakers(text)[-1] == speaker
