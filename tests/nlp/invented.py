"""What each NLP part makes of an invented example, in the shape the example tests compare (one helper each,
shared by ``test_figures.py`` and the round-by-round tests)."""

from __future__ import annotations

from rassegna.nlp.figures import extract_figures
from rassegna.nlp.places import extract_places
from rassegna.nlp.quotes import extract_quotes


def city(text: str, title: str | None = None) -> str | None:
    """The city of the piece."""
    return extract_places(text, title)[0]


def speakers(text: str) -> list[str | None]:
    """The speaker of each quote, in order."""
    return [q.speaker for q in extract_quotes(text)]


def values(text: str) -> list[tuple[float | int, str, str | None]]:
    """Each figure as (value, unit, qualifier)."""
    return [(f.value, f.unit, f.qualifier) for f in extract_figures(text)]
