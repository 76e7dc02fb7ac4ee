"""The NLP says which of its answers a reviewer should check: a city no explicit frame set, a speaker no
attribution pattern read (README, "What to check on the desk")."""

from __future__ import annotations

from rassegna.nlp import analyze


def test_a_city_the_text_calls_its_own_is_not_flagged():
    a = analyze("Il Comune di Pesaro ha approvato il bilancio.", "Bilancio approvato")
    assert (a.city, a.city_to_check) == ("Pesaro", False)


def test_a_city_only_weighed_from_its_mentions_is_flagged():
    text = "Incidente stradale a Pesaro nella notte. I soccorsi sono arrivati da Pesaro in pochi minuti."
    a = analyze(text, "Incidente nella notte")
    assert (a.city, a.city_to_check) == ("Pesaro", True)


def test_no_city_is_flagged_too():
    a = analyze("Le manifestazioni si sono svolte a Roma, Milano e Napoli.", "Manifestazioni in tutta Italia")
    assert (a.city, a.city_to_check) == (None, True)


def test_a_speaker_an_attribution_names_is_not_flagged():
    [q] = analyze("«Siamo soddisfatti del risultato», ha dichiarato il presidente Mario Rossi.").quotes
    assert (q.speaker, q.speaker_to_check) == ("Mario Rossi", False)


def test_the_person_named_nearest_is_flagged():
    [q] = analyze("«Siamo pronti per la festa». Mario Rossi e la sua squadra lavorano da mesi.").quotes
    assert (q.speaker, q.speaker_to_check) == ("Mario Rossi", True)


def test_a_quote_with_nobody_speaking_is_flagged():
    [q] = analyze("Sul cartello all'ingresso qualcuno ha scritto «Siamo pronti per la festa».").quotes
    assert q.speaker is None and q.speaker_to_check
