"""Quotes, stop 40: the attribution that opens the paragraph after the quotes (invented examples, with near misses;
``notes/speaker-model-decisions.md``, stop 40's second decision)."""

from __future__ import annotations

from tests.nlp.invented import speakers

LEAD = "TORINO - Il nuovo piano per le periferie è stato presentato ieri in municipio."


# S5a: a phrase of time or circumstance between the attribution's verb and its subject is skipped.
def test_a_circumstance_before_the_subject_of_the_next_paragraph() -> None:
    text = (
        f"{LEAD}\n\n«Siamo soddisfatti del verdetto, ma aspettiamo le motivazioni».\n\n"
        "Lo hanno detto subito dopo la sentenza della Corte d'Assise Marco Ferri e Anna Bellini, i due legali "
        "della famiglia."
    )
    assert speakers(text)[-1] == "Marco Ferri"


def test_a_subordinate_clause_after_the_subject_is_still_cut() -> None:
    # near miss: the clause comes after the subject, who keeps the quote
    text = (
        f"{LEAD}\n\n«Siamo soddisfatti del verdetto, ma aspettiamo le motivazioni».\n\n"
        "Lo ha detto il sindaco Marco Ferri, dopo che l'assessore Anna Bellini aveva illustrato il piano."
    )
    assert speakers(text)[-1] == "Marco Ferri"


# S5b: a paragraph of quotes and narration that names nobody takes the attribution opening the next paragraph.
_QUOTES_PARAGRAPH = (
    "«I 40 milioni previsti per le scuole sono un finanziamento importante», in quanto aprono la strada ai "
    "progetti «per le mense» e che riguarderanno «le palestre, i cortili e i laboratori di tutte le scuole medie»."
)


def test_a_paragraph_of_quotes_takes_the_next_paragraphs_attribution() -> None:
    text = (
        f"{LEAD}\n\n{_QUOTES_PARAGRAPH}\n\n"
        "È quanto ha annunciato questa mattina l'assessore regionale Marco Ferri, al termine di un incontro.\n\n"
        "L'incontro si è svolto nella sede della Regione."
    )
    found = speakers(text)
    assert len(found) >= 2 and set(found) == {"Marco Ferri"}


def test_a_paragraph_naming_a_person_keeps_its_reading() -> None:
    # near miss: the paragraph names a person outside its quotes, so the next one's attribution is not read for it
    paragraph = _QUOTES_PARAGRAPH.replace("in quanto aprono", "ha ricordato Anna Bellini, in quanto aprono")
    text = (
        f"{LEAD}\n\n{paragraph}\n\n"
        "È quanto ha annunciato questa mattina l'assessore regionale Marco Ferri, al termine di un incontro."
    )
    assert speakers(text)[0] == "Anna Bellini"
