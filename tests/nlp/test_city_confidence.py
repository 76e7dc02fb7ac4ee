"""The learned city confidence: its retraining script runs, and a confidence file, where one is shipped, decides the
desk's city flag and nothing else. None ships: batch 33 withdrew the one trained on 15-18 and 26-31, which flagged
more pieces than the rules' own flag (``notes/speaker-model-decisions.md``, stop 32)."""

from __future__ import annotations

import pytest

from rassegna.nlp import analyze, places
from rassegna.nlp.confidence import Confidence
from rassegna.nlp.data import train_city_confidence
from rassegna.nlp.data.confidence_training import fit
from tests.nlp.evaluation import OUT_OF_SAMPLE_BATCHES, UNSEEN_BATCHES

SHIPPED = train_city_confidence.OUT
LOCAL = "Incidente stradale a Pesaro nella notte. I soccorsi sono arrivati da Pesaro in pochi minuti."
EXPLICIT = "Il Comune di Pesaro ha approvato il bilancio."


def test_no_confidence_file_ships_so_the_flag_is_the_rules_own():
    assert not SHIPPED.exists() and places.city_confidence() is None
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


def test_the_retraining_script_fits_on_the_evidence_the_flag_reads():
    data = train_city_confidence.examples(["31"])
    assert len(data) == 150 and {e.batch for e in data} == {"31"}
    assert not {int(b) for b in OUT_OF_SAMPLE_BATCHES} & set(UNSEEN_BATCHES)  # what it trains on by default
    weights, bias = fit(data, sorted({k for e in data for k in e.features}), train_city_confidence.L2)
    assert {"explicit_yes", "rule_abstained"} <= set(weights)
    model = Confidence(weights, bias, threshold=0.95)
    assert 0.0 < model.probability(data[0].features) < 1.0
