"""Retrain the city scorer (``city_model.json``) on the annotated corpus batches and report leave-one-batch-out.

Run from the repository root: ``.venv/bin/python rassegna/nlp/data/train_city_model.py [--write]``. It prints, for
each batch, the accuracy of the hand-set rules and of a model trained on the other batches; ``--write``
then fits on all the batches and writes ``city_model.json`` (delete the file to go back to the rules).
Only ``TRAINING_BATCHES`` of ``tests/nlp/evaluation.py`` are read (batches already scored and reported).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from rassegna.nlp.places import CityModel, city_candidates, model_city  # noqa: E402
from rassegna.nlp.textutil import fold  # noqa: E402
from tests.nlp.evaluation import (  # noqa: E402
    OUT_OF_SAMPLE_BATCHES,
    PARTNER_CITIES,
    TRAINING_BATCHES,
    load_articles,
    set_path,
)

BATCH_SETS = {"training": TRAINING_BATCHES, "out-of-sample": OUT_OF_SAMPLE_BATCHES}
OUT = Path(__file__).with_name("city_model.json")
L2 = 0.05
THRESHOLDS = [t / 20 for t in range(2, 19)]

Example = tuple[str | None, str | None, list[tuple[str, dict[str, float]]]]  # gold, rule city, candidates


def examples(sets: tuple[str, ...]) -> list[Example]:
    """Gold city, the rules' city and the candidates of every article of the sets."""
    out = []
    for name in sets:
        for art in load_articles(set_path(name)):
            rule, _ranked, cands = city_candidates(art["text"], art.get("title"), PARTNER_CITIES)
            gold = art.get("city")
            out.append((fold(gold) if gold else None, rule, cands))
    return out


def fit(train: list[Example], epochs: int = 400, rate: float = 0.1) -> dict[str, float]:
    """L2-regularised logistic regression over candidates (label: the candidate is the gold city)."""
    rows = [(f, 1.0 if fold(n) == g else 0.0) for g, _r, cands in train for n, f in cands]
    keys = sorted({k for f, _y in rows for k in f})
    w = dict.fromkeys(keys, 0.0)
    for _ in range(epochs):
        grad = dict.fromkeys(keys, 0.0)
        for f, y in rows:
            z = sum(w[k] * v for k, v in f.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for k, v in f.items():
                grad[k] += (p - y) * v
        for k in keys:
            w[k] -= rate * (grad[k] / len(rows) + (L2 * w[k] if k != "bias" else 0.0))
    return w


def accuracy(w: dict[str, float], threshold: float, data: list[Example]) -> float:
    """City accuracy of the model on the examples (chosen as ``places.model_city`` chooses at run time)."""
    model = CityModel(w, threshold)
    ok = sum(1 for g, _r, c in data if (fold(p) if (p := model_city(model, c)) else None) == g)
    return ok / len(data)


def train(data: list[Example]) -> tuple[dict[str, float], float]:
    """Weights and the abstain threshold that is best on the training data."""
    w = fit(data)
    return w, max(THRESHOLDS, key=lambda t: (accuracy(w, t, data), -abs(t - 0.5)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="fit on the training batches and write city_model.json")
    parser.add_argument(
        "--batches",
        choices=sorted(BATCH_SETS),
        default="training",
        help="train on TRAINING_BATCHES, or on OUT_OF_SAMPLE_BATCHES (those no rule writer read; round 9)",
    )
    args = parser.parse_args()
    data = {b: examples(sets) for b, sets in BATCH_SETS[args.batches].items()}
    tot_rule = tot_model = tot = 0
    for b, test in data.items():
        w, t = train([e for other, ex in data.items() if other != b for e in ex])
        rule = sum(1 for g, r, _c in test if (fold(r) if r else None) == g)
        model = round(accuracy(w, t, test) * len(test))
        tot_rule, tot_model, tot = tot_rule + rule, tot_model + model, tot + len(test)
        rules_pct, model_pct = 100 * rule / len(test), 100 * model / len(test)
        print(f"batch {b}: n={len(test)} rules {rules_pct:.1f}  model {model_pct:.1f} (threshold {t})")
    print(f"all: rules {100 * tot_rule / tot:.1f}  model (leave-one-batch-out) {100 * tot_model / tot:.1f}")
    if args.write:
        w, t = train([e for ex in data.values() for e in ex])
        weights = {k: round(v, 4) for k, v in sorted(w.items())}
        OUT.write_text(json.dumps({"threshold": t, "weights": weights}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT} (threshold {t})")


if __name__ == "__main__":
    main()
