"""The desk's learned speaker confidence: shipped as data, trained only where the rules are honest, reproducible by
its documented retraining (``rassegna/nlp/data/train_speaker_confidence.py``), and changing only the flag."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rassegna.nlp import analyze, speaker_model
from rassegna.nlp.confidence import Confidence
from rassegna.nlp.data import train_speaker_confidence
from rassegna.nlp.data.confidence_training import Example, fit, judge
from rassegna.nlp.quotes import speaker_confidence_evidence
from tests.nlp.evaluation import OUT_OF_SAMPLE_BATCHES, REPO, UNSEEN_BATCHES
from tests.nlp.markers import NEEDS_SPEAKER_CONFIDENCE

SHIPPED = speaker_model.CONFIDENCE_PATH


@NEEDS_SPEAKER_CONFIDENCE
def test_the_shipped_confidence_was_trained_only_on_batches_no_rule_writer_read():
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert set(data["trained_on"]) <= set(OUT_OF_SAMPLE_BATCHES)
    assert not {int(b) for b in data["trained_on"]} & set(UNSEEN_BATCHES)
    assert 0.5 <= data["threshold"] < 1.0


def test_the_confidence_is_a_probability_and_the_threshold_decides_the_flag():
    model = Confidence({"route:named": 4.0, "guessed": -2.0}, bias=0.0, threshold=0.82)
    assert model.probability({"route:named": 1.0}) == pytest.approx(0.982, abs=1e-3)
    assert model.probability({"guessed": 1.0}) < 0.82 <= model.probability({"route:named": 1.0})
    assert 0.0 < model.probability({"guessed": 1e6}) < 1e-12  # no overflow on a wild feature value


def test_the_features_are_structure_never_words():
    text = "Il sindaco Mario Rossi ha parlato in consiglio. «Il bilancio è in ordine», ha detto Rossi."
    [evidence] = speaker_confidence_evidence(text, title="Bilancio, parla il sindaco")
    assert evidence.quote.speaker == "Mario Rossi" and not evidence.rules_flag
    assert evidence.features["route:named"] == 1.0
    assert not any(word in key for key in evidence.features for word in ("rossi", "Rossi", "bilancio", "sindaco"))


@NEEDS_SPEAKER_CONFIDENCE
def test_the_evidence_is_what_the_analysis_weighs(monkeypatch: pytest.MonkeyPatch):
    """The trainer's rows are the quotes the analysis returns, and the shipped confidence reads them to flag."""
    monkeypatch.setattr(speaker_model, "load_model", lambda: None)  # no chooser: every flag is the confidence's
    text = (
        "Il sindaco Mario Rossi ha incontrato l'assessora Anna Verdi. «Il progetto va avanti». La riunione è finita."
        "\n\n«Siamo pronti per l'estate», ha detto Rossi. Poi Verdi: «Ci vediamo a settembre»."
        "\n\nSecondo fonti del Comune «la giunta è compatta»."
    )
    evidence = speaker_confidence_evidence(text, title="Il progetto")
    quotes = analyze(text, "Il progetto").quotes
    confidence = speaker_model.speaker_confidence()
    assert confidence is not None and len(quotes) == 4
    assert [(e.quote.text, e.quote.speaker, e.quote.role) for e in evidence] == [
        (q.text, q.speaker, q.role) for q in quotes
    ]
    assert [not confidence.sure(e.features) for e in evidence] == [q.speaker_to_check for q in quotes]


@NEEDS_SPEAKER_CONFIDENCE
def test_only_the_flag_changes(monkeypatch: pytest.MonkeyPatch):
    """The confidence decides which quotes are flagged, never their speakers, roles or words."""
    texts = [
        "«Siamo pronti per la festa». Mario Rossi e la sua squadra lavorano da mesi.",
        "Il sindaco Mario Rossi ha incontrato l'assessora Anna Verdi. «Il progetto va avanti». La riunione è finita.",
        "Sul cartello all'ingresso qualcuno ha scritto «Siamo pronti per la festa».",
    ]
    learned = [analyze(t).quotes for t in texts]
    monkeypatch.setattr(speaker_model, "speaker_confidence", lambda: None)
    rules = [analyze(t).quotes for t in texts]
    strip = [[(q.text, q.speaker, q.role) for q in qs] for qs in learned]
    assert strip == [[(q.text, q.speaker, q.role) for q in qs] for qs in rules]
    assert [q.speaker_to_check for qs in learned for q in qs] != [q.speaker_to_check for qs in rules for q in qs]


@NEEDS_SPEAKER_CONFIDENCE
def test_retraining_reproduces_the_shipped_file():
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    # the batches it was trained and judged with (batch 27 came after)
    data = train_speaker_confidence.examples(shipped["trained_on"])
    weights, bias = fit(data, sorted({k for e in data for k in e.features}), train_speaker_confidence.L2)
    assert bias == pytest.approx(shipped["bias"], abs=1e-4)
    for key, value in shipped["weights"].items():
        assert weights[key] == pytest.approx(value, abs=1e-4), key


def _answers(rights_and_rules_flags: list[tuple[bool, bool]]) -> list[Example]:
    return [Example("99", right, flag, {}) for right, flag in rights_and_rules_flags]


def test_the_judgement_passes_a_flag_that_beats_the_rules_at_their_own_rate():
    # ten answers, three wrong; the rules flag two right ones, the learned flag (lowest probabilities) the wrong ones
    data = _answers([(True, True), (True, True)] + [(True, False)] * 5 + [(False, False)] * 3)
    probabilities = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.1, 0.2, 0.3]
    verdict = judge(data, probabilities, threshold=0.5)
    assert verdict.flagged == pytest.approx(0.3)
    assert verdict.unflagged_right == 1.0
    assert verdict.rules_unflagged_right == pytest.approx(5 / 8)
    assert verdict.passes


def test_the_judgement_fails_a_flag_that_asks_too_much_of_the_desk():
    data = _answers([(True, False)] * 6 + [(False, True)] * 4)
    probabilities = [0.1] * 4 + [0.9] * 6  # flags four right answers and keeps the four wrong ones
    assert not judge(data, probabilities, threshold=0.5).passes
    # near miss: flagging the four wrong ones is the rules' own flag, no better by two points
    assert not judge(data, [0.9] * 6 + [0.1] * 4, threshold=0.5).passes


def test_judging_a_batch_kept_unseen_is_refused():
    unseen = min(UNSEEN_BATCHES, default=None)
    if unseen is None:
        pytest.skip("no batch is kept unseen now")
    script = REPO / "rassegna" / "nlp" / "data" / "train_speaker_confidence.py"
    run = subprocess.run(
        [sys.executable, str(script), "--judge", str(unseen)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode != 0
    assert "kept unseen" in run.stderr


def test_judging_a_batch_the_corpus_does_not_have_is_a_clear_error():
    script = REPO / "rassegna" / "nlp" / "data" / "train_speaker_confidence.py"
    run = subprocess.run([sys.executable, str(script), "--judge", "999"], capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert "--judge 999: unknown annotated set 'corpus-dev-999'" in run.stderr
    assert "Traceback" not in run.stderr
