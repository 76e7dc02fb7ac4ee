"""Speakers, stop 32: two behaviours the guide states (``ANNOTATION.md``, ``speaker``) that the rules lacked; invented
examples, each with a near miss that must not trigger (``notes/speaker-model-decisions.md``, stop 32 amendment)."""

from __future__ import annotations

from tests.nlp.invented import speakers

LEAD = "Il progetto è stato presentato ieri in sala consiliare.\n\n"
QUOTE = "«Il piano per le periferie porterà nuovi servizi in tutti i quartieri della città»"


# Rule A: "the fullest form of the person's name that the text gives anywhere".
def test_a_given_name_alone_takes_the_full_name_the_piece_prints() -> None:
    text = f"{LEAD}Al tavolo c'era il sindaco Mario Baccini.\n\n{QUOTE}, ha spiegato Mario."
    assert speakers(text) == ["Mario Baccini"]
    text = f"Il presidente Gian Luca Pelliccioni ha presentato il bilancio.\n\n{QUOTE}, ha detto Gian Luca."
    assert speakers(text) == ["Gian Luca Pelliccioni"]


def test_a_given_name_shared_by_two_full_names_stays_as_printed() -> None:
    # near miss: two people of the piece bear that given name: which one spoke is not said
    text = f"{LEAD}{QUOTE}, ha detto Mario.\n\nAll'incontro c'erano Mario Baccini e Mario Rossi."
    assert speakers(text) == ["Mario"]


def test_a_given_name_is_not_the_head_of_a_bodys_name() -> None:
    # near miss: "Paola di Linea d'Ombra" is an association (its particle printed in lower case), not Paola's surname
    text = (
        f"{LEAD}Paola di Linea d'Ombra mi fa vedere cosa fanno i volontari di Linea d'Ombra ogni sera in piazza.\n\n"
        f"{QUOTE}, racconta Paola."
    )
    assert speakers(text) == ["Paola"]


def test_a_given_name_before_a_full_name_completes_it() -> None:
    text = f"{LEAD}{QUOTE}, ha detto Maria Bianchi.\n\nLa vicesindaca Anna Maria Bianchi ha poi illustrato il piano."
    assert speakers(text) == ["Anna Maria Bianchi"]


def test_a_full_name_ending_two_longer_names_stays_as_printed() -> None:
    # near miss: two longer names end with it
    text = (
        f"{LEAD}{QUOTE}, ha detto Maria Bianchi.\n\n"
        "Erano presenti Anna Maria Bianchi, vicesindaca, e Rosa Maria Bianchi, consigliera."
    )
    assert speakers(text) == ["Maria Bianchi"]


# Rule B: an explicit reference back ("prosegue l'assessore", "ha concluso").
AGAIN = "«I ragazzi troveranno aule nuove e una palestra rinnovata entro settembre»"
FIRST = "«Abbiamo lavorato tutta l'estate per restituire l'edificio agli studenti in piena sicurezza»."


def test_a_quote_goes_to_the_speaker_the_next_one_says_spoke_again() -> None:
    assert speakers(f"{LEAD}{FIRST}\n\n{AGAIN}, aggiunge ancora Santilli.") == ["Santilli", "Santilli"]
    assert speakers(f"{LEAD}{FIRST}\n\n{AGAIN}, prosegue l'assessora Anna Neri.") == ["Anna Neri", "Anna Neri"]


def test_a_speaker_who_merely_adds_is_not_lent_back() -> None:
    # near miss: "aggiunge Santilli" says nothing of who spoke before
    assert speakers(f"{LEAD}{FIRST}\n\n{AGAIN}, aggiunge Santilli.") == [None, "Santilli"]


def test_a_group_keeps_no_speaker() -> None:
    # near miss: the first quote is a group's, left without a speaker on purpose
    text = f"{LEAD}I consiglieri di minoranza hanno scritto: {FIRST}\n\n{AGAIN}, aggiunge ancora Santilli."
    assert speakers(text) == [None, "Santilli"]


# Rule C2: given names the hand-written list lacked (a helper's list, place words left out).
QUARTER = "«Daremo lavoro a dodici persone del quartiere entro l'estate»"


def test_a_given_name_the_old_list_lacked_opens_a_full_name() -> None:
    text = (
        "Al convegno è intervenuta anche Zaira Maria Ferraresi, che guida la cooperativa.\n\n"
        f"{QUARTER}, ha spiegato Maria Ferraresi."
    )
    assert speakers(text) == ["Zaira Maria Ferraresi"]
    text = "«Mi ha detto che aveva paura di tornare a casa la sera», racconta Georgiana.\n\nGeorgiana Mocanu vive qui."
    assert speakers(text) == ["Georgiana Mocanu"]


def test_a_place_opened_by_santa_is_no_person() -> None:
    # near miss: "Santa" is a given name too, but it opens places' names; left out of the list
    text = (
        "Il paese di Santa Cristina vive giorni difficili dopo la frana.\n\n"
        "«Stiamo vivendo un incubo, nessuno esce più di casa dopo il tramonto».\n\n"
        "«Abbiamo chiesto aiuto a tutti ma nessuno ci ascolta», racconta una residente."
    )
    assert speakers(text) == [None, None]
