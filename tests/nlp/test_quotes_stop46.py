"""Quotes, stop 46 (S18): a body's regional or provincial branch named after a post ("segretario della Fit Cisl
Liguria") is no person, so it cannot take a later quote. Every example is invented (with near misses;
``notes/speaker-model-decisions.md``, stop 46's decision)."""

from __future__ import annotations

import pytest

from tests.nlp.invented import speakers

LATER = "Infine, Paolo Serra, segretario di Uiltrasporti Liguria, ha ricordato la vertenza. “Non accettiamo i tagli.”"


@pytest.mark.parametrize(
    "earlier, later, speaker",
    [
        (
            "Anche Marco Ferri, segretario della Fit Cisl Liguria, ha espresso il suo disappunto.",
            LATER,
            "Paolo Serra",
        ),
        (
            "Ne ha parlato Anna Villa, presidente della sezione Coldiretti Puglia, nel pomeriggio.",
            "Poi Luca Greco, direttore di Confagricoltura Puglia, ha ricordato i danni. «Serve un piano per l'acqua.»",
            "Luca Greco",
        ),
        (
            "Era presente Sara Conti, segretaria della Funzione pubblica Cgil Genova, al presidio.",
            "Infine Piero Galli, segretario di Uil Genova, ha chiesto un incontro. «Il Comune ci deve ascoltare.»",
            "Piero Galli",
        ),
    ],
)
def test_a_branch_named_after_a_post_takes_no_later_quote(earlier: str, later: str, speaker: str) -> None:
    assert speakers(f"{earlier}\n\n{later}") == [speaker]


# Near misses: a person whose surname is a region or a city, with a given name the lists hold, still speaks.
@pytest.mark.parametrize(
    "text, speaker",
    [
        ("«Non accettiamo i tagli», ha detto il segretario regionale Mario Calabria.", "Mario Calabria"),
        ("«Serve un piano per l'acqua», ha spiegato il presidente della Coldiretti, Luca Trento.", "Luca Trento"),
        ("«Il Comune ci deve ascoltare», ha detto il segretario della Fiom, Anna Ferrara.", "Anna Ferrara"),
    ],
)
def test_a_person_named_like_a_place_still_speaks(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]
