"""Accuracy on the annotated dev articles (skipped when ../shared is not there)."""

from __future__ import annotations

import pytest

from rassegna.nlp.evaluation import analyse_articles, dev_path, load_articles, score

DEV = dev_path()
pytestmark = pytest.mark.skipif(
    not DEV.exists(),
    reason=f"annotated articles not found at {DEV} (set RASSEGNA_SHARED to the shared folder)",
)


@pytest.fixture(scope="module")
def scores():
    articles = load_articles(DEV)
    return score(articles, analyse_articles(articles))


def test_city(scores):
    assert scores.city >= 0.95, scores.errors


def test_quotes_found(scores):
    assert scores.quote_recall >= 0.90, scores.errors


def test_speakers(scores):
    assert scores.speaker_accuracy >= 0.90, scores.errors


def test_key_figures(scores):
    assert scores.figure_recall >= 0.90, scores.errors
    assert scores.figure_precision >= 0.85, scores.errors


def test_batch_equals_single():
    from rassegna.nlp import analyze

    articles = load_articles(DEV)[:5]
    batch = analyse_articles(articles)
    from rassegna.nlp.evaluation import PARTNER_CITIES

    single = [analyze(a["text"], a.get("title"), partner_cities=PARTNER_CITIES) for a in articles]
    assert batch == single
