"""Quotes, stop 35: a bare post's holder printed a few words after the post (invented examples, with near misses)."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes

QUOTE = "Il comune è diventato, dice il primo cittadino, «il luogo di destinazione ideale per i migranti»."
AFTER = "Per Russo servono più controlli."


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_a_bare_post_goes_to_the_holder_printed_after_it() -> None:
    table = "Al tavolo il sindaco del comune casertano Dimitri Russo e il commissario Francesco Cappetta."
    text = f"{table} {QUOTE} {AFTER}"
    assert speakers(text) == ["Dimitri Russo"]


def test_the_mayors_together_are_no_holder() -> None:
    # near miss: "sindaci" is the mayors, not the post of the one who speaks
    text = f"La conferenza dei sindaci del comprensorio, Dimitri Russo in testa, si è riunita ieri. {QUOTE} {AFTER}"
    assert speakers(text) == [None]


def test_a_name_after_a_participle_is_no_holder() -> None:
    # near miss: the prefect who called the meeting is named after the post, not as its holder
    text = f"Il vertice del sindaco, convocato dal prefetto Dimitri Russo, si è tenuto ieri. {QUOTE} {AFTER}"
    assert speakers(text) == [None]
