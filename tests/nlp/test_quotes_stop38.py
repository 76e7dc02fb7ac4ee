"""Quotes, stop 38: a body's word printed right before a speaker's name is not part of the name (invented examples,
with near misses)."""

from __future__ import annotations

from rassegna.nlp.quotes import extract_quotes

LEAD = "Il nuovo piano per le periferie è stato presentato ieri."


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_a_surname_after_presidente_del_consiglio_is_the_speaker() -> None:
    text = (
        f"{LEAD} Secondo il presidente del Consiglio Bianchi il piano partirà a marzo.\n\n"
        "Per ora, dice Bianchi, bisogna pensare «ai quartieri che aspettano da anni»."
    )
    assert speakers(text) == ["Bianchi"]


def test_a_name_after_in_prefettura_loses_the_body() -> None:
    text = f"{LEAD}\n\n«Il problema è serio». Lo ha detto in una conferenza stampa in Prefettura Anna Maria Serra (Pd)."
    assert speakers(text) == ["Anna Maria Serra"]


def test_a_name_after_in_questura_loses_the_body() -> None:
    quote = "«Non c’è nessun allarme per la città»."
    text = f"{LEAD}\n\n{quote} Lo ha detto in una conferenza stampa in Questura Marco Ferri, dirigente."
    assert speakers(text) == ["Marco Ferri"]


def test_a_senato_before_a_surname_was_already_dropped() -> None:
    # near miss: "Senato" was already a body's word the rules drop before a surname
    text = (
        f"{LEAD} Secondo il presidente del Senato Bianchi il piano partirà a marzo.\n\n"
        "Per ora, dice Bianchi, bisogna pensare «ai quartieri che aspettano da anni»."
    )
    assert speakers(text) == ["Bianchi"]


def test_a_full_name_with_no_body_word_stays_whole() -> None:
    # near miss: a given name that no body heads is kept with the surname
    text = f"{LEAD}\n\n«Il problema è serio». Lo ha detto in una conferenza stampa Anna Maria Serra (Pd)."
    assert speakers(text) == ["Anna Maria Serra"]
