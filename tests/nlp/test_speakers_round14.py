"""Speakers, round 14: anonymous sources opening the attribution ("Fonti vicine al dossier riferiscono:") are no
speaker, their phrase the role (ANNOTATION.md, ``speaker``: anonymous sources give null); invented examples, each
with a near miss that must not trigger."""

from __future__ import annotations

import pytest

from rassegna.nlp import speaker_model
from rassegna.nlp.quotes import extract_quotes


def test_sources_opening_a_colon_lead_in_are_no_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Fonti vicine al dossier riferiscono: «L'accordo è fatto, manca solo la firma del ministro»."
    (q,) = extract_quotes(text)
    assert q.speaker is None
    assert q.role == "Fonti vicine al dossier"  # as printed
    monkeypatch.setattr(speaker_model, "speaker_confidence", lambda: None)
    (q,) = extract_quotes(text)
    assert q.speaker_to_check  # the rules' own flag: no speaker, the desk still gets to look


def test_sources_of_a_named_palace_are_no_speaker() -> None:
    text = "Fonti di Palazzo Chigi spiegano: «Il decreto arriverà in Consiglio dei ministri in settimana»."
    (q,) = extract_quotes(text)
    assert q.speaker is None
    assert q.role == "Fonti di Palazzo Chigi"


def test_circles_close_to_a_minister_are_no_speaker() -> None:
    text = "Ambienti vicini al ministro fanno sapere: «Non c'è nessuna crisi in vista e il governo andrà avanti»."
    qs = extract_quotes(text)
    assert [q.speaker for q in qs] == [None]


def test_a_surname_starting_like_sources_still_speaks() -> None:
    text = "Il presidente Attilio Fontana ha spiegato: «Il decreto arriverà in Consiglio dei ministri in settimana»."
    (q,) = extract_quotes(text)
    assert q.speaker == "Attilio Fontana"


def test_a_person_named_fonte_still_speaks() -> None:
    text = "Lo ha detto Mario Fonte, sindaco del paese: «Il decreto arriverà in Consiglio dei ministri in settimana»."
    (q,) = extract_quotes(text)
    assert q.speaker == "Mario Fonte"
