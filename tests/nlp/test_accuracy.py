"""The accuracy gate: city, quotes, speakers and key figures on annotated articles.

Two sets, scored alike: the dev articles of ``shared/reference`` (skipped where ../shared is absent) and the
held-out-style set shipped in ``fixtures/generalisation.json``, written for rassegna and annotated by the same
rules (press-release copies for the partner cities, wires, TV/radio summaries, social posts, an LGNet3 piece,
and traps: surnames that are comuni, street numbers, ASL names, phone numbers, times, percentages).
Regenerate the latter with ``python tests/nlp/fixtures/build_generalisation.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rassegna.nlp import analyze
from rassegna.nlp.evaluation import PARTNER_CITIES, Scores, analyse_articles, dev_path, load_articles, score

GENERALISATION = Path(__file__).with_name("fixtures") / "generalisation.json"


@pytest.fixture(scope="module", params=["dev", "generalisation"])
def articles(request: pytest.FixtureRequest) -> list[dict]:
    if request.param == "generalisation":
        return load_articles(GENERALISATION)
    path = dev_path()
    if not path.exists():
        pytest.skip(f"annotated articles not found at {path} (set RASSEGNA_SHARED to the shared folder)")
    return load_articles(path)


@pytest.fixture(scope="module")
def scores(articles: list[dict]) -> Scores:
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


def test_generalisation_set_is_large_enough():
    assert len(load_articles(GENERALISATION)) >= 25


def test_batch_equals_single(articles):
    sample = articles[:5]
    single = [analyze(a["text"], a.get("title"), partner_cities=PARTNER_CITIES) for a in sample]
    assert analyse_articles(sample) == single
