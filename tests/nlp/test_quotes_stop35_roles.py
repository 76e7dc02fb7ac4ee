"""Quotes, stop 35: a role is the post alone, never the clause it runs on into (invented examples, near misses)."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes

QUOTE = "«Chiedo all'amministrazione di concordare un cronoprogramma con le associazioni di categoria»"


def roles(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in extract_quotes(text)]


def test_a_role_stops_before_a_verb_of_saying() -> None:
    text = f"{QUOTE}. Lo dice Ettore Maroni, portavoce dei pendolari comaschi che comunque sottolinea i ritardi."
    assert roles(text) == [("Ettore Maroni", "portavoce dei pendolari comaschi")]


def test_a_role_stops_before_a_relative_clause() -> None:
    text = f"{QUOTE}. Lo dice Ivan Romano, ingegnere civile che ha deciso di lasciare l'ufficio."
    assert roles(text) == [("Ivan Romano", "ingegnere civile")]


def test_a_post_without_a_verb_keeps_all_its_words() -> None:
    # near miss: "e alla Casa" is part of the post, no clause
    text = f"{QUOTE}. Lo dice Ivan Romano, assessore alle Politiche sociali e alla Casa."
    assert roles(text) == [("Ivan Romano", "assessore alle Politiche sociali e alla Casa")]
