"""Retrain the speaker chooser (``speaker_model.json``) on the annotated corpus batches 1–7 and report
leave-one-batch-out speaker accuracy, rules against model.

Run from the repository root: ``RASSEGNA_SHARED=/work/shared .venv/bin/python
rassegna/nlp/data/train_speaker_model.py [--write]``. It runs the whole NLP on each batch (both halves, dev and
sealed) with the rules alone, collects for every quote the candidates :mod:`rassegna.nlp.speaker_model`
describes, and prints, for each batch, the speaker accuracy of the rules and of a model trained on the other six
batches, scored as ``tests/nlp/evaluation.py`` scores it (annotated quotes found with the right speaker, over all
annotated quotes). ``--write`` then fits on all seven batches and writes ``speaker_model.json``, which
``extract_quotes`` then uses (delete the file to go back to the rules). Needs numpy (installed with spaCy).
Batch 8 is never read: the batches are named explicitly below.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from rassegna.nlp import speaker_model  # noqa: E402
from rassegna.nlp.speaker_model import Candidate, QuoteChoice, choose  # noqa: E402
from rassegna.nlp.textutil import fold  # noqa: E402
from tests.nlp.evaluation import analyse_articles, load_articles, quote_matches, set_path  # noqa: E402

BATCHES = {
    "1": ("corpus-dev", "corpus-sealed"),
    "2": ("corpus-dev-2", "corpus-sealed-2"),
    "3": ("corpus-dev-3", "corpus-sealed-3"),
    "4": ("corpus-dev-4", "corpus-sealed-4"),
    "5": ("corpus-dev-5", "corpus-sealed-5"),
    "6": ("corpus-dev-6", "corpus-sealed-6"),
    "7": ("corpus-dev-7", "corpus-sealed-7"),
}
OUT = speaker_model.MODEL_PATH
L2 = 1.0  # on the summed log-likelihood


@dataclass(slots=True)
class Example:
    """One annotated quote: the gold speaker (folded, "" for nobody), the rules' speaker of the quote found
    for it (None when no quote was found), and the candidates (none for a block quote: the rules keep it)."""

    gold: str
    rules: str | None
    choice: QuoteChoice | None


def examples(sets: tuple[str, ...]) -> list[Example]:
    """Every annotated quote of the sets, with what the rules found for it."""
    out: list[Example] = []
    for name in sets:
        articles = load_articles(set_path(name))
        collected: list[list[QuoteChoice]] = []
        speaker_model.collector = collected.append
        try:
            analyses = analyse_articles(articles)
        finally:
            speaker_model.collector = None
        if len(collected) != len(articles):
            raise RuntimeError("the collector did not see every article once")
        for art, an, choices in zip(articles, analyses, collected, strict=True):
            for g in art.get("quotes", []):
                gold = fold(g.get("speaker_canonical") or g.get("speaker") or "")
                hit = next((q for q in an.quotes if quote_matches(q.text, g["start"])), None)
                if hit is None:
                    out.append(Example(gold, None, None))
                    continue
                choice = next((c for c in choices if c.quote is hit), None)
                out.append(Example(gold, fold(hit.speaker or ""), choice))
    return out


def fit(train: list[Example], steps: int = 1500, rate: float = 0.05) -> dict[str, float]:
    """Conditional logit over each quote's candidates (softmax; the label is the gold speaker), L2, Adam."""
    groups = [
        (e.choice.candidates, labels)
        for e in train
        if e.choice is not None and any(labels := [fold(c.name) == e.gold for c in e.choice.candidates])
    ]
    keys = sorted({k for cands, _ in groups for c in cands for k in c.features})
    index = {k: i for i, k in enumerate(keys)}
    rows = [c.features for cands, _ in groups for c in cands]
    x = np.zeros((len(rows), len(keys)))
    for r, feats in enumerate(rows):
        for k, v in feats.items():
            x[r, index[k]] = v
    y = np.array([float(lab) for _, labels in groups for lab in labels])
    sizes = np.array([len(cands) for cands, _ in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group_of = np.repeat(np.arange(len(groups)), sizes)
    y = y / np.add.reduceat(y, starts)[group_of]  # two candidates with the gold name: half each
    w = np.zeros(len(keys))
    mom, vel = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, steps + 1):
        z = x @ w
        z = z - np.maximum.reduceat(z, starts)[group_of]
        ez = np.exp(z)
        p = ez / np.add.reduceat(ez, starts)[group_of]
        grad = x.T @ (p - y) + L2 * w
        mom = 0.9 * mom + 0.1 * grad
        vel = 0.999 * vel + 0.001 * grad * grad
        w -= rate * (mom / (1 - 0.9**t)) / (np.sqrt(vel / (1 - 0.999**t)) + 1e-8)
    return {k: float(w[i]) for k, i in index.items()}


def structure_only(examples_: list[Example]) -> list[Example]:
    """The examples without the rules' pick among the features: a model of structure alone."""
    out = []
    for e in examples_:
        if e.choice is not None:
            cands = [
                Candidate(c.name, c.role, {k: v for k, v in c.features.items() if "rules" not in k})
                for c in e.choice.candidates
            ]
            e = Example(e.gold, e.rules, QuoteChoice(e.choice.quote, e.choice.rules, cands))
        out.append(e)
    return out


def right(examples_: list[Example], weights: dict[str, float] | None) -> int:
    """Annotated quotes found with the right speaker: by the rules (``weights`` None) or by the model."""
    ok = 0
    for e in examples_:
        if e.rules is None:
            continue
        said = e.rules if weights is None or e.choice is None else fold(choose(weights, e.choice.candidates).name)
        ok += said == e.gold
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="fit on batches 1-7 and write speaker_model.json")
    args = parser.parse_args()
    if speaker_model.load_model() is not None:
        sys.exit(f"{OUT} exists: the rules' speakers would be the model's; move it away to retrain")
    data = {b: examples(sets) for b, sets in BATCHES.items()}
    bare = {b: structure_only(ex) for b, ex in data.items()}
    tot_rule = tot_model = tot_bare = tot = wins = 0
    for b, test in data.items():
        w = fit([e for other, ex in data.items() if other != b for e in ex])
        wb = fit([e for other, ex in bare.items() if other != b for e in ex])
        rule, model, alone = right(test, None), right(test, w), right(bare[b], wb)
        reach = sum(1 for e in test if e.choice and any(fold(c.name) == e.gold for c in e.choice.candidates))
        tot_rule, tot_model, tot_bare, tot = tot_rule + rule, tot_model + model, tot_bare + alone, tot + len(test)
        wins += model > rule
        n = len(test)
        print(
            f"batch {b}: quotes={n} rules {100 * rule / n:.1f}  model {100 * model / n:.1f}"
            f"  structure only {100 * alone / n:.1f}  (gold among the candidates {100 * reach / n:.1f})"
        )
    print(
        f"all: n={tot} rules {100 * tot_rule / tot:.1f}  model (leave-one-batch-out) {100 * tot_model / tot:.1f}"
        f"  structure only {100 * tot_bare / tot:.1f}"
    )
    print(f"model better than the rules on {wins} of {len(data)} batches")
    if args.write:
        w = fit([e for ex in data.values() for e in ex])
        weights = {k: round(v, 4) for k, v in sorted(w.items())}
        OUT.write_text(json.dumps({"weights": weights}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
