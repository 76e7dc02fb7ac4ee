"""Accent folding: one definition under the NLP's lookup keys, the dedupe key and the story shingles."""

from __future__ import annotations

from datetime import date

from rassegna.text.fold import fold, fold_accents, fold_key, fold_words


def test_fold_accents_strips_accents_and_case() -> None:
    assert fold_accents("Città PERÒ Bertolé") == "citta pero bertole"


def test_the_keys_built_on_it() -> None:
    assert fold("  Bertole'  di  Sotto ") == fold("Bertolé di Sotto") == "bertole di sotto"
    assert fold_words("Città di Roma: l'80%") == ["citta", "di", "roma", "l", "80"]
    assert fold_words(None) == []
    assert fold_key("Il Mattino — Napoli_città!") == "il mattino napoli citta"


def test_the_users_share_it() -> None:
    from rassegna.nlp import textutil
    from rassegna.reports import stories
    from rassegna.storage.repository import dedupe_key

    assert textutil.fold is fold and stories.fold_words is fold_words
    assert dedupe_key("Città Oggi", "Perché sì", date(2023, 10, 18), None) == "otd:citta oggi|perche si|2023-10-18"
