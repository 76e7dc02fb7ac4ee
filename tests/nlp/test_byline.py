"""Journalist from the author string or a byline; short names for reports."""

from __future__ import annotations

import pytest

from rassegna.nlp import journalist_from, short_name


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Alice Gipponi", "A. Gipponi"),
        ("Giovanni Di Meo", "G. Di Meo"),
        ("Maria Grazia Rossi", "M. G. Rossi"),
    ],
)
def test_short_name(full, short):
    assert short_name(full) == short


def test_author_string():
    assert journalist_from("Alice Gipponi", "") == "Alice Gipponi"
    assert journalist_from("GIOVANNI DI MEO", "") == "Giovanni Di Meo"
    assert journalist_from("Redazione", "testo") is None
    assert journalist_from("Redazione Torinoggi", "testo") is None
    assert journalist_from(None, "testo senza firma") is None


def test_byline_in_text():
    assert journalist_from(None, "By Alice Gipponi\n\nMilano fra i Comuni") == "Alice Gipponi"
    assert journalist_from(None, "di Giulia Mascia\n\nSassari fra i Comuni") == "Giulia Mascia"
    assert journalist_from(None, "DI GIULIA MASCIA\n\nSassari") == "Giulia Mascia"
    assert journalist_from(None, "da oggi tutto cambia\n\nTesto") is None
