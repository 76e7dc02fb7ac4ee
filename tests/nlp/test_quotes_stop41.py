"""Quotes, stop 41: unnamed groups of mayors, and an adverb before a group (invented examples, with near misses;
``notes/speaker-model-decisions.md``, stop 41's second decision)."""

from __future__ import annotations

from tests.nlp.invented import speakers

LEAD = (
    "CUNEO - I sindaci della linea ferroviaria hanno consegnato ieri una lettera alla Regione. "
    "Il sindaco di Fossano Marco Ferri ha aperto l'incontro in stazione."
)


# S7a: "i primi cittadini" is an unnamed group like "i sindaci": the quote has no speaker.
def test_the_mayors_as_primi_cittadini_interrupting_a_quote_are_no_speaker() -> None:
    text = (
        f"{LEAD}\n\n«Abbiamo scelto questa forma di protesta - commentano i primi cittadini - perché i ritardi "
        "sulla linea sono ormai quotidiani»."
    )
    assert speakers(text)[-1] is None


def test_one_mayor_named_as_primo_cittadino_keeps_the_quote() -> None:
    # near miss: one mayor, named, still speaks
    text = (
        f"{LEAD}\n\n«Abbiamo scelto questa forma di protesta - commenta il primo cittadino Anna Bellini - perché i "
        "ritardi sulla linea sono ormai quotidiani»."
    )
    assert speakers(text)[-1] == "Anna Bellini"


# S7b: an adverb may stand between the verb and the group.
def test_an_adverb_before_the_group_keeps_the_quote_unnamed() -> None:
    text = (
        f"{LEAD}\n\n«La nostra accoglienza si fa in piccoli gruppi – spiegano ancora i sindaci – e non possiamo "
        "aprire grandi centri»."
    )
    assert speakers(text)[-1] is None


def test_an_adverb_before_a_named_person_still_names_them() -> None:
    # near miss: the adverb is followed by a person, who speaks
    text = (
        f"{LEAD}\n\n«La nostra accoglienza si fa in piccoli gruppi – spiega ancora il sindaco Anna Bellini – e non "
        "possiamo aprire grandi centri»."
    )
    assert speakers(text)[-1] == "Anna Bellini"
