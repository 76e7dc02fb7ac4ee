"""The NLP says which of its answers a reviewer should check: a city or a speaker its learned confidence doubts, or
without the shipped confidences a city no explicit frame set and a speaker no attribution pattern read (README,
"What to check on the desk")."""

from __future__ import annotations

import pytest

from rassegna.nlp import analyze, speaker_model
from rassegna.nlp.quotes import speaker_confidence_evidence
from tests.nlp.markers import NEEDS_SPEAKER_CONFIDENCE


def test_a_city_the_text_calls_its_own_is_not_flagged():
    a = analyze("Il Comune di Pesaro ha approvato il bilancio.", "Bilancio approvato")
    assert (a.city, a.city_to_check) == ("Pesaro", False)


def test_a_city_only_weighed_from_its_mentions_is_flagged():
    text = "Incidente stradale a Pesaro nella notte. I soccorsi sono arrivati da Pesaro in pochi minuti."
    a = analyze(text, "Incidente nella notte")
    assert (a.city, a.city_to_check) == ("Pesaro", True)


def test_a_city_weighed_against_rival_comuni_is_flagged():
    text = (
        "Incidente stradale a Pesaro nella notte. I feriti sono stati portati a Fano e poi a Urbino, "
        "dove sono arrivati i parenti da Rimini e da Cesena. Indagini dei carabinieri di Fano."
    )
    a = analyze(text, "Incidente nella notte")
    assert a.city_to_check


def test_no_city_is_flagged_too():
    a = analyze("Le manifestazioni si sono svolte a Roma, Milano e Napoli.", "Manifestazioni in tutta Italia")
    assert (a.city, a.city_to_check) == (None, True)


def test_a_speaker_an_attribution_names_is_not_flagged():
    [q] = analyze("«Siamo soddisfatti del risultato», ha dichiarato il presidente Mario Rossi.").quotes
    assert (q.speaker, q.speaker_to_check) == ("Mario Rossi", False)


@NEEDS_SPEAKER_CONFIDENCE  # the rules' own flag marks every speaker no pattern named
def test_the_one_person_named_right_after_the_quote_is_not_flagged():
    [q] = analyze("«Siamo pronti per la festa». Mario Rossi e la sua squadra lavorano da mesi.").quotes
    assert (q.speaker, q.speaker_to_check) == ("Mario Rossi", False)


def test_the_person_named_nearest_among_many_is_flagged():
    text = (
        "Ieri Mario Rossi ha incontrato Anna Verdi, Luca Bianchi, Carla Neri e Paolo Gialli. «Il progetto va avanti "
        "e lo porteremo a termine». Poi la riunione è finita con Anna Verdi."
    )
    [q] = analyze(text).quotes
    assert (q.speaker, q.speaker_to_check) == ("Anna Verdi", True)


@NEEDS_SPEAKER_CONFIDENCE
def test_anonymous_sources_framed_as_such_keep_their_frame_and_the_learned_flag_decides():
    """ "No speaker" read from an explicit frame (anonymous sources, a group) keeps the frame as the role; whether the
    desk looks is the learned flag's call (such quotes were right 15 times in 27 on the batches it trains on)."""
    text = "Fonti vicine al dossier riferiscono: «L'accordo è fatto, manca solo la firma del ministro»."
    [q] = analyze(text).quotes
    assert (q.speaker, q.role) == (None, "Fonti vicine al dossier")
    [evidence] = speaker_confidence_evidence(text, [], None)
    confidence = speaker_model.speaker_confidence()
    assert confidence is not None and q.speaker_to_check == (not confidence.sure(evidence.features))


def test_a_quote_with_nobody_speaking_is_flagged():
    [q] = analyze("Sul cartello all'ingresso qualcuno ha scritto «Siamo pronti per la festa».").quotes
    assert q.speaker is None and q.speaker_to_check


def test_without_the_shipped_speaker_confidence_the_flag_is_the_rules_own(monkeypatch: pytest.MonkeyPatch):
    """Deleting ``speaker_confidence.json`` goes back to the rules' flag: the person named nearest is flagged."""
    monkeypatch.setattr(speaker_model, "speaker_confidence", lambda: None)
    [q] = analyze("«Siamo pronti per la festa». Mario Rossi e la sua squadra lavorano da mesi.").quotes
    assert (q.speaker, q.speaker_to_check) == ("Mario Rossi", True)
    [q] = analyze("«Siamo soddisfatti del risultato», ha dichiarato il presidente Mario Rossi.").quotes
    assert (q.speaker, q.speaker_to_check) == ("Mario Rossi", False)
