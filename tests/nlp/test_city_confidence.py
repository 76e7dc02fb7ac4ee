"""The desk's learned city confidence: shipped as data, trained only where the rules are honest, reproducible by
its documented retraining (``rassegna/nlp/data/train_city_confidence.py``), and changing only the flag."""

from __future__ import annotations

import json

import pytest

from rassegna.nlp import analyze, places
from rassegna.nlp.confidence import Confidence
from rassegna.nlp.data import train_city_confidence
from rassegna.nlp.data.confidence_training import fit
from tests.nlp.evaluation import OUT_OF_SAMPLE_BATCHES, UNSEEN_BATCHES

SHIPPED = train_city_confidence.OUT
LOCAL = "Incidente stradale a Pesaro nella notte. I soccorsi sono arrivati da Pesaro in pochi minuti."
EXPLICIT = "Il Comune di Pesaro ha approvato il bilancio."


def test_the_shipped_confidence_was_trained_only_on_batches_no_rule_writer_read():
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert set(data["trained_on"]) <= set(OUT_OF_SAMPLE_BATCHES)
    assert not {int(b) for b in data["trained_on"]} & set(UNSEEN_BATCHES)
    assert 0.5 <= data["threshold"] < 1.0


def test_without_a_confidence_file_the_flag_is_the_rules_own(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(places, "city_confidence", lambda: None)
    assert analyze(LOCAL, "Incidente nella notte").city_to_check
    assert not analyze(EXPLICIT, "Bilancio approvato").city_to_check


@pytest.mark.parametrize(("bias", "flagged"), [(10.0, False), (-10.0, True)])
def test_the_confidence_decides_the_flag_and_nothing_else(monkeypatch: pytest.MonkeyPatch, bias, flagged):
    monkeypatch.setattr(places, "city_confidence", lambda: Confidence({}, bias=bias, threshold=0.85))
    for text, title in ((LOCAL, "Incidente nella notte"), (EXPLICIT, "Bilancio approvato")):
        a = analyze(text, title)
        assert (a.city, a.city_to_check) == ("Pesaro", flagged)


def test_the_confidence_is_a_probability_and_the_threshold_decides_the_flag():
    model = Confidence({"explicit_yes": 4.0, "rivals": -2.0}, bias=0.0, threshold=0.85)
    assert model.probability({"explicit_yes": 1.0}) == pytest.approx(0.982, abs=1e-3)
    assert not model.sure({"rivals": 1.0}) and model.sure({"explicit_yes": 1.0})
    assert 0.0 < model.probability({"rivals": 1e6}) < 1e-12  # no overflow on a wild feature value


def test_retraining_reproduces_the_shipped_file():
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data = train_city_confidence.examples(shipped["trained_on"])  # the batches it was judged with
    weights, bias = fit(data, sorted({k for e in data for k in e.features}), train_city_confidence.L2)
    assert bias == pytest.approx(shipped["bias"], abs=1e-4)
    for key, value in shipped["weights"].items():
        assert weights[key] == pytest.approx(value, abs=1e-4), key
