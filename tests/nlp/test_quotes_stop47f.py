"""Quotes, stop 47 (S26): a capitalised verb of saying some sites print between the speaker's name and the colon
("Codacons Dichiara: «", "Mario Rossi Commenta: «") is no part of the name. Every example is invented (with near
misses; ``notes/speaker-model-decisions.md``, stop 47's sixth decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

_QUOTE = "«Solo per i rifornimenti una famiglia spende quattrocento euro in più all'anno»."


@pytest.mark.parametrize(
    "lead, speaker",
    [
        ("Codacons Dichiara: ", "Codacons"),
        ("Il presidente Marco Ferretti Spiega: ", "Marco Ferretti"),
        ("Giulia Ranieri Commenta: ", "Giulia Ranieri"),
    ],
)
def test_a_capitalised_verb_of_saying_is_left_out_of_the_name(lead: str, speaker: str) -> None:
    assert speakers("Il prezzo della benzina sale ancora. " + lead + _QUOTE) == [speaker]


# Near misses: a name with no verb after it, and the verb in lower case as most sites print it.
@pytest.mark.parametrize(
    "lead, speaker",
    [
        ("Il presidente Marco Ferretti: ", "Marco Ferretti"),
        ("Il presidente Marco Ferretti spiega: ", "Marco Ferretti"),
    ],
)
def test_names_with_no_verb_of_saying_stay_whole(lead: str, speaker: str) -> None:
    assert speakers("Il prezzo della benzina sale ancora. " + lead + _QUOTE) == [speaker]
