"""Quotes, stop 34: the next person of a list of names is no role (invented examples, each with a near miss)."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes

QUOTE = "«Il bilancio è pieno di vizi formali e sostanziali e non lo voteremo»"


def roles(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in extract_quotes(text)]


def test_the_next_name_of_a_list_is_no_role() -> None:
    text = f"{QUOTE}. Lo affermano in una nota i consiglieri Eraldo Ciangherotti, Gerolamo Calleri e Diego Distilo."
    assert roles(text) == [("Eraldo Ciangherotti", None)]
    text = "«Il bilancio è pieno di vizi – hanno detto Giampaolo Delrio, Ugo Cocco e Sandro Caria – e non voteremo»."
    assert roles(text) == [("Giampaolo Delrio", None)]


def test_a_post_after_the_name_stays_the_role() -> None:
    # near miss: a post in lower case after the comma is the speaker's role
    text = f"{QUOTE}. Lo afferma in una nota Eraldo Ciangherotti, capogruppo di minoranza."
    assert roles(text) == [("Eraldo Ciangherotti", "capogruppo di minoranza")]
