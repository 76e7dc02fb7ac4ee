"""Quotes, stop 48 (S29): "in questo modo" and "in tal modo" after a verb of saying, in the sentence after a quote,
say what "così" says ("Interviene in questo modo il consigliere X"): the subject that follows speaks. Every example is
invented (with near misses; ``notes/speaker-model-decisions.md``, stop 48's third decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

_QUOTE = (
    "Il bilancio è stato approvato.\n\n"
    "«È stata accolta ieri, nel consiglio comunale, la proposta che avevamo fatto».\n\n"
)


@pytest.mark.parametrize(
    "after, speaker",
    [
        ("Interviene in questo modo il consigliere del Pd Mario Rossi, al termine dell'assise.", "Mario Rossi"),
        ("Intervengono in questo modo i consiglieri del Pd, Enrica Chiarini e Fabrizio Risso.", "Enrica Chiarini"),
        ("Replica in tal modo il sindaco Mario Rossi.", "Mario Rossi"),
    ],
)
def test_in_questo_modo_after_a_verb_of_saying_names_the_speaker(after: str, speaker: str) -> None:
    assert speakers(_QUOTE + after) == [speaker]


# Near misses: "così" (read so before), and "in questo modo" with no verb of saying before it, naming nobody.
@pytest.mark.parametrize(
    "after, speaker",
    [
        ("Interviene così il consigliere del Pd Mario Rossi.", "Mario Rossi"),
        ("Solo in questo modo si potrà ripartire.", None),
    ],
)
def test_near_misses(after: str, speaker: str | None) -> None:
    assert speakers(_QUOTE + after) == [speaker]
