"""Quotes, stop 37: attributions in three forms the reader missed (invented examples, with near misses)."""

from __future__ import annotations

from rassegna.nlp.figures import extract_figures
from rassegna.nlp.quotes import extract_quotes

LEAD = "Il nuovo sportello sociale ha aperto ieri in piazza Garibaldi."


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_an_interruption_set_off_by_minus_signs_names_the_speaker() -> None:
    quote = "“Apriamo uno spazio nuovo − spiega l’assessora al Welfare, Marta Ricci − per chi cerca aiuto”."
    assert speakers(f"{LEAD}\n\n{quote}") == ["Marta Ricci"]


def test_a_minus_sign_before_a_number_stays_a_minus() -> None:
    # near miss: the dash look-alike is read as a dash only by the quote reader
    figures = extract_figures("Gli iscritti sono calati del −5,2% rispetto al 2023.")
    assert [(f.value, f.unit) for f in figures] == [(-5.2, "%")]


def test_fa_presente_is_a_reporting_verb() -> None:
    quote = "«Siamo solo all’inizio - fa presente il vicesindaco Paolo Neri - e serviranno altri fondi»."
    assert speakers(f"{LEAD}\n\n{quote}") == ["Paolo Neri"]


def test_ha_fatto_presente_is_a_reporting_verb() -> None:
    quote = "«Serviranno altri fondi», ha fatto presente la dirigente Carla Sodi."
    assert speakers(f"{LEAD}\n\n{quote}") == ["Carla Sodi"]


def test_presente_as_an_adjective_is_no_verb() -> None:
    # near miss: "era presente" says who attended, not who spoke
    quote = "La sindaca Anna Galli ha firmato. «Serviranno altri fondi» ha detto. Era presente la dirigente Carla Sodi."
    assert speakers(f"{LEAD}\n\n{quote}") == ["Anna Galli"]


def test_an_adverb_between_commas_after_the_auxiliary() -> None:
    quote = "«Pertanto – ha, quindi, affermato il consigliere Luca Sarti – avremo presto una bozza»."
    assert speakers(f"{LEAD}\n\n{quote}") == ["Luca Sarti"]


def test_a_clause_between_commas_after_the_auxiliary_is_no_adverb() -> None:
    # near miss: only a known adverb may stand between the commas
    quote = "«Pertanto – ha, come previsto, concluso il lavoro del consigliere Luca Sarti – avremo una bozza»."
    assert speakers(f"{LEAD}\n\n{quote}") == [None]
