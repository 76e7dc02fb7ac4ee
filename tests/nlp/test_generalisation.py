"""Accuracy on held-out-style articles shipped with the repo (``fixtures/generalisation.json``).

The articles were written for rassegna and annotated by the rules of ``shared/reference/README.md``:
press-release copies for the partner cities, agency wires, TV/radio summaries, social posts and an LGNet3
piece, with traps (surnames that are comuni, street numbers, ASL names, phone numbers, times, percentages).
Regenerate it with ``python tests/nlp/fixtures/build_generalisation.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rassegna.nlp.evaluation import analyse_articles, load_articles, score

SET = Path(__file__).with_name("fixtures") / "generalisation.json"


@pytest.fixture(scope="module")
def scores():
    articles = load_articles(SET)
    return score(articles, analyse_articles(articles))


def test_set_is_large_enough():
    assert len(load_articles(SET)) >= 25


def test_city(scores):
    assert scores.city >= 0.95, scores.errors


def test_quotes_found(scores):
    assert scores.quote_recall >= 0.90, scores.errors


def test_speakers(scores):
    assert scores.speaker_accuracy >= 0.90, scores.errors


def test_key_figures(scores):
    assert scores.figure_recall >= 0.90, scores.errors
    assert scores.figure_precision >= 0.85, scores.errors
