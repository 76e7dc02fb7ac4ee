"""Journalist from the author string or a byline; short names for reports."""

from __future__ import annotations

import pytest

from rassegna.nlp import journalist_from, short_name
from rassegna.nlp.byline import byline_people, clean_author, text_byline


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


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("By : Joe S.", "Joe S."),
        ("Text & Fotos: Ivan Valetny", "Ivan Valetny"),
        ("Author(s): Leena Simon", "Leena Simon"),
        ("Harald Bauer Autor", "Harald Bauer"),
        ("Sara Zinnecker Stand: 05. Februar 2020", "Sara Zinnecker"),
        ("By Alex Bozarjian Thursday, November 9, 2023 4:41AM", "Alex Bozarjian"),
        ("di Luca Ferri 12 marzo 2024", "Luca Ferri"),
        ("Markus M. Haefliger, London, Beat Bumbacher", "Markus M. Haefliger, Beat Bumbacher"),
        ("JuraForum.de-Redaktion", None),
        ("Redazione Il Borgo", None),
    ],
)
def test_byline_element_text(byline, people):
    """A byline element's text: labels, roles and the date after the names are not names."""
    assert byline_people(byline) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Titolo\ndi Anna Maria Rinaldi e Pietro Sala\nIl consiglio", "Anna Maria Rinaldi, Pietro Sala"),
        ("Von Roland Brockmann und Sebastian Drescher\nKakuma", "Roland Brockmann, Sebastian Drescher"),
        ("Sottotitolo\nBlog Beitrag von Margarita Koreneva\nTesto", "Margarita Koreneva"),
        ("Text von Christian Seiler Illustration von Markus Roost\nAls ich", "Christian Seiler"),
        ("Testo di Anna Bianchi, foto di Luca Neri\nIl sindaco", "Anna Bianchi"),
        ("Il parco di Villa Borghese\nriapre domani", None),
        ("Il sindaco ha parlato.\nAutore: Mario Rossi", "Mario Rossi"),
    ],
)
def test_byline_line_in_text(text, people):
    assert text_byline(text) == people


def test_initials_keep_their_full_stop_and_a_repeated_word_is_no_name():
    assert clean_author("R.C. Baker") == "R.C. Baker"
    assert clean_author("Joe S.") == "Joe S."
    assert clean_author("Mario Rossi.") == "Mario Rossi"
    assert clean_author("Cortyn Cortyn") is None


def test_publisher_named_by_the_host_is_no_journalist():
    assert clean_author("Die Tagespost; Christoph von Ritter", ["die-tagespost"]) == "Christoph von Ritter"
