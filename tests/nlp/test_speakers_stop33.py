"""Speakers, stop 33: two gaps in reading the attribution the guide already covers; invented examples, each with a
near miss that keeps the old answer (``notes/speaker-model-decisions.md``, stop 33)."""

from __future__ import annotations

from tests.nlp.invented import speakers

LEAD = "Il progetto è stato presentato ieri in sala consiliare.\n\n"
QUOTE = "«Il piano per le periferie porterà nuovi servizi in tutti i quartieri della città"


# S1: a reporting verb with the reporter's clitic ("ci ha detto", "ci spiega") is a reporting verb.
def test_a_verb_told_to_the_reporter_names_its_speaker() -> None:
    assert speakers(f"{LEAD}{QUOTE} – ci ha detto il sindaco Osvaldo Pirrotta – e nelle frazioni».") == [
        "Osvaldo Pirrotta"
    ]
    assert speakers(f"{LEAD}{QUOTE} – ci spiega Ottavia Brancaleoni – e nelle frazioni».") == ["Ottavia Brancaleoni"]


def test_a_clitic_that_is_no_verbs_leaves_the_quote_unsigned() -> None:
    # near miss: "ci sono" is no reporting verb, and nobody is named
    assert speakers(f"{LEAD}{QUOTE} – ci sono anche le frazioni – e nei borghi».") == [None]


# S2: a post's word printed alone with a capital where the speaker stands is the surname of the person named in full.
def test_a_surname_that_is_a_posts_word_is_the_person_named_in_full() -> None:
    text = f"Ad annunciarlo è stata l'assessora Margherita Colonnello.\n\n{QUOTE} – ha spiegato Colonnello – e oltre»."
    assert speakers(text) == ["Margherita Colonnello"]


def test_a_posts_word_with_an_article_stays_the_post() -> None:
    # near miss: "il Colonnello" is the officer's rank; the colonel of the piece is Mario Rossi
    text = f"Parla il colonnello Mario Rossi.\n\n{QUOTE} – ha spiegato il Colonnello – e oltre»."
    assert speakers(text) == ["Mario Rossi"]
    # and with nobody of that surname, the capitalised word stays a post
    text = f"Ad annunciarlo è stata l'assessora Margherita Neri.\n\n{QUOTE} – ha spiegato Colonnello – e oltre»."
    assert speakers(text) != ["Margherita Neri"]
