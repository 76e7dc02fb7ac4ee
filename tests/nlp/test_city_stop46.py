"""City, stop 46 (C3): a headline naming a comune by its council or its Comune keeps it, though the text names the
comune only inside a name (a list's, a club's). Every example is invented (notes/speaker-model-decisions.md)."""

from __future__ import annotations

from tests.nlp.invented import city

# The text names the comune only inside a council list's name
COUNCIL = (
    "Il bilancio è stato approvato a maggioranza; astenuti il centrodestra e Insieme per Todi.\n\n"
    "La giunta ha illustrato le spese per le scuole e per le strade, che l'opposizione ha criticato in aula."
)


def test_the_headline_council_of_a_comune_the_text_names_only_in_a_list():
    assert city(COUNCIL, "Il Consiglio comunale di Todi approva il bilancio") == "Todi"


def test_the_headline_comune_of_a_comune_the_text_names_only_in_a_list():
    assert city(COUNCIL, "Il Comune di Todi approva il bilancio e le nuove tariffe") == "Todi"


def test_a_club_in_the_headline_is_still_no_comune():
    # near miss: the headline opens on the club's short name, the text names the comune only in the club's name
    text = (
        "Il Todi Calcio ha presentato ieri il nuovo allenatore, che ha firmato un contratto di due anni.\n\n"
        "La società punta alla promozione e ha già rinnovato i contratti dei giocatori più esperti."
    )
    assert city(text, "Todi, ecco il nuovo allenatore") is None


def test_a_headline_naming_the_comune_without_its_body_is_still_no_comune():
    # near miss: "di Todi" after a common noun is no body of the comune; the text names it only in the list
    assert city(COUNCIL, "Il bilancio di Todi approvato") is None
