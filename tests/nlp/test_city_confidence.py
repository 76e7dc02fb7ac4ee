"""The desk's learned city confidence: shipped as data, trained only where the rules are honest, and
reproducible by its documented retraining (``rassegna/nlp/data/train_city_confidence.py``)."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from rassegna.nlp import places
from rassegna.nlp.gazetteer import DATA
from tests.nlp.evaluation import OUT_OF_SAMPLE_BATCHES, REPO, UNSEEN_BATCHES

SHIPPED = DATA / "city_confidence.json"


def _trainer(monkeypatch: pytest.MonkeyPatch):
    """The retraining script, imported as a module (its dataclass needs it in ``sys.modules``)."""
    path = REPO / "rassegna" / "nlp" / "data" / "train_city_confidence.py"
    spec = importlib.util.spec_from_file_location("train_city_confidence", path)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_confidence_was_trained_only_on_batches_no_rule_writer_read():
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert set(data["trained_on"]) <= set(OUT_OF_SAMPLE_BATCHES)
    assert not {int(b) for b in data["trained_on"]} & set(UNSEEN_BATCHES)
    assert 0.5 <= data["threshold"] < 1.0


def test_the_confidence_is_a_probability_and_the_threshold_decides_the_flag():
    model = places.CityConfidence({"explicit_yes": 4.0, "rivals": -2.0}, bias=0.0, threshold=0.85)
    assert model.probability({"explicit_yes": 1.0}) == pytest.approx(0.982, abs=1e-3)
    assert model.probability({"rivals": 1.0}) < 0.85 <= model.probability({"explicit_yes": 1.0})
    assert 0.0 < model.probability({"rivals": 1e6}) < 1e-12  # no overflow on a wild feature value


def test_retraining_reproduces_the_shipped_file(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(places, "city_confidence", lambda: None)  # as the trainer runs: the rules' own flag
    trainer = _trainer(monkeypatch)
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert sorted(OUT_OF_SAMPLE_BATCHES, key=int) == shipped["trained_on"], "retrain: the batches changed"
    data = trainer.examples()
    weights, bias = trainer.fit(data, sorted({k for e in data for k in e.features}))
    assert bias == pytest.approx(shipped["bias"], abs=1e-4)
    for key, value in shipped["weights"].items():
        assert weights[key] == pytest.approx(value, abs=1e-4), key
