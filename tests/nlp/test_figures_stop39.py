"""Figures, stop 39: bare millions of a noun their sentence counts; invented examples, each with a near miss that keeps
the old answer (``notes/speaker-model-decisions.md``, stop 39)."""

from __future__ import annotations

from tests.nlp.invented import values


# F1: millions with no unit, in a sentence that names people or things and no money, count those people or things.
def test_bare_millions_count_the_people_their_sentence_names() -> None:
    text = "Il numero dei migranti internazionali continua a crescere: nel 2000 erano 173 milioni."
    assert (173_000_000, "migranti", None) in values(text)
    text = "I pensionati stranieri sono una quota piccola sul totale di oltre 16 milioni."
    assert (16_000_000, "pensionati", "oltre") in values(text)


def test_bare_millions_in_a_sentence_about_money_stay_euro() -> None:
    # near misses: money named in the sentence, or a value introduced by "per"/"da", keeps the millions euro
    text = "Per i cittadini del quartiere il Comune ha stanziato fondi: in tutto 3 milioni."
    assert (3_000_000, "euro", None) in values(text)
    text = "Le famiglie beneficiarie riceveranno progetti per 80 milioni."
    assert (80_000_000, "euro", None) in values(text)
