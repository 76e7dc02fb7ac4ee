"""Quotes, stop 46 (S20): a full name opening a clause after a comma and "mentre" (or "ma"), with a post set off
after it, is the subject of the "ha ricordato che «" that follows, not the sentence's first subject. Every example is
invented (with near misses; ``notes/speaker-model-decisions.md``, stop 46's fifth decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Il sindaco Luca Bianchi ha detto che la fiera è importante, mentre Anna Neri, assessora regionale, "
            "ha ricordato che «la denominazione nazionale è un traguardo».",
            "Anna Neri",
        ),
        (
            "La presidente Sara Conti ha spiegato che i fondi ci sono, ma Paolo Riva, consigliere di minoranza, "
            "ha replicato che «mancano i progetti».",
            "Paolo Riva",
        ),
    ],
)
def test_a_name_opening_a_mentre_clause_speaks(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


# Near misses: a name inside the clause after "mentre" that is no subject; the post with no name before it.
@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Il sindaco Luca Bianchi ha ricordato che «la denominazione nazionale è un traguardo», mentre Anna Neri "
            "ascoltava.",
            "Luca Bianchi",
        ),
        (
            "Il sindaco Luca Bianchi, mentre parlava con i cittadini, ha ricordato che «la fiera è un traguardo».",
            "Luca Bianchi",
        ),
    ],
)
def test_the_first_subject_still_speaks_where_no_name_opens_the_clause(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]
