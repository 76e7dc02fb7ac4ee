"""Quotes, stop 47 (S24): in an interview laid out as questions and answers, a headline opening on a name and a
colon ("Lollobrigida: …") names the interviewee, before a surname printed further on in the headline. Every example
is invented (with near misses; ``notes/speaker-model-decisions.md``, stop 47's fourth decision)."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes

_INTERVIEW = (
    "«Nessun retroscena, il governo è compatto».\n\n"
    "Ministro Ferretti, come finirà lo scontro sulle nomine?\n\n"
    "«Non ho registrato alcuno scontro, abbiamo approvato tutto».\n\n"
    "E il rinvio delle nomine non conferma il braccio di ferro?\n\n"
    "«Non mi risulta alcun rinvio, il clima è sereno».\n\n"
    "Intanto l'opposizione prepara le barricate contro la norma che riguarda l'amministratore della Rai, "
    "Giulio Bassani."
)


def _speakers(title: str, text: str = _INTERVIEW) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text, title=title)]


def test_the_name_opening_the_headline_answers_every_question() -> None:
    title = "Ferretti: nessuno sta costringendo Bassani ad andarsene"
    assert _speakers(title) == ["Ferretti"] * 3


def test_a_full_name_opening_the_headline_answers_too() -> None:
    text = _INTERVIEW.replace("Ministro Ferretti,", "Ministro Marco Ferretti,")
    assert _speakers("Ferretti: nessuno sta costringendo Bassani ad andarsene", text) == ["Marco Ferretti"] * 3


# Near misses: a common word or a place before the headline's colon names nobody; the surname the headline prints
# is still the interviewee where no name opens it.
def test_a_place_or_a_common_word_before_the_colon_is_no_interviewee() -> None:
    assert _speakers("Nomine: nessuno sta costringendo Bassani ad andarsene") == ["Giulio Bassani"] * 3
    assert _speakers("Roma: nessuno sta costringendo Bassani ad andarsene") == ["Giulio Bassani"] * 3
