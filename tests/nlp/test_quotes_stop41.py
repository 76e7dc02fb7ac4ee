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


# S9: a body named as a post's complement is not the speaker: the post's holder the piece names is.
_CONFAGRICOLTURA = (
    'AREZZO\n\n"La produzione di grano è stata buona in termini di rese". Sono le parole del presidente di '
    "Confagricoltura Arezzo, Marco Ferri (nella foto), mentre sono iniziate le operazioni di raccolta. Secondo quanto "
    "riscontrato, le rese per ettaro sono buone. "
)


def test_the_holder_of_a_post_in_a_body_speaks_not_the_body() -> None:
    text = (
        f"{_CONFAGRICOLTURA}\"Sembrava un'annata proficua - spiega il presidente di Confagricoltura Arezzo - Come "
        'però accade da anni, la doccia fredda è arrivata sul prezzo".'
    )
    assert speakers(text) == ["Marco Ferri", "Marco Ferri"]


def test_the_governor_named_before_speaks_as_the_president_of_the_region() -> None:
    text = (
        "ANCONA - Le stime di chiusura, anticipate dal governatore Marco Ferri nella conferenza stampa di fine anno, "
        "sono di 530mila passeggeri.\n\n«Il nostro aeroporto ha superato i livelli pre Covid», parole del presidente "
        "della Regione Marche, che si è anche sbilanciato in una proiezione."
    )
    assert speakers(text) == ["Marco Ferri"]


def test_a_body_that_speaks_itself_keeps_the_quote() -> None:
    # near miss: the body is the subject of the verb, no post
    text = (
        f"{_CONFAGRICOLTURA}\"Sembrava un'annata proficua - spiega Confagricoltura Arezzo in una nota - ma il prezzo "
        'è crollato".'
    )
    assert speakers(text)[-1] == "Confagricoltura Arezzo"


def test_a_post_whose_holder_is_never_named_keeps_the_body() -> None:
    # near miss: no president is named: the rules' reading stands
    text = (
        "ANCONA - Le stime di chiusura sono di 530mila passeggeri.\n\n«Il nostro aeroporto ha superato i livelli "
        "pre Covid», parole del presidente della Regione Marche, che si è anche sbilanciato in una proiezione."
    )
    assert speakers(text) == ["Regione Marche"]
