"""Retrain the desk's city confidence (``city_confidence.json``) and report it against the rules' own flag.

Run from the repository root: ``.venv/bin/python rassegna/nlp/data/train_city_confidence.py [--write]``. Needs
numpy (installed with spaCy); about half a minute.

The confidence (``places.CityConfidence``) is a logistic model of whether the rules' city, or their "no city", is
right, over the evidence the rules weighed (``places.city_confidence_features``). A city it is less sure of than
the threshold is flagged for the desk (``city_to_check``); the answer itself never changes. It is trained only on
``OUT_OF_SAMPLE_BATCHES`` of ``tests/nlp/evaluation.py``, the batches no rule writer read, where the rules are as
right as on new text. The threshold is the lowest (fewest flags) whose unflagged cities are right at least
``TARGET`` of the time, leave-one-batch-out.

It prints, for each batch left out, the rules' flag and the learned one (share flagged, unflagged cities right);
``--write`` then fits on every batch and writes ``city_confidence.json`` (delete it to go back to the rules' flag).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from rassegna.nlp.places import city_confidence_features, read_places  # noqa: E402
from tests.nlp.evaluation import (  # noqa: E402
    OUT_OF_SAMPLE_BATCHES,
    PARTNER_CITIES,
    load_articles,
    same_city,
    set_path,
)

OUT = Path(__file__).with_name("city_confidence.json")
TARGET = 0.95  # the city target: what the cities nobody checks should reach
THRESHOLDS = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # 0.50 … 0.95
L2 = 1.0
STEPS = 3000
RATE = 0.1


@dataclass(frozen=True, slots=True)
class Example:
    """One article: its batch, whether the rules' city is right, the rules' own flag and the evidence."""

    batch: str
    right: bool
    rules_flag: bool
    features: dict[str, float]


def examples(batches: Sequence[str] = tuple(OUT_OF_SAMPLE_BATCHES)) -> list[Example]:
    """Every article of the out-of-sample batches (the shipped file must be absent: the rules' flag is wanted)."""
    out = []
    for batch in batches:
        for name in OUT_OF_SAMPLE_BATCHES[batch]:
            for art in load_articles(set_path(name)):
                title, text = art.get("title"), art["text"]
                city, features = city_confidence_features(text, title, PARTNER_CITIES)
                rules_flag = read_places(text, title, PARTNER_CITIES).city_to_check
                out.append(Example(batch, same_city(city, art.get("city")), rules_flag, features))
    return out


def fit(train: list[Example], keys: list[str]) -> tuple[dict[str, float], float]:
    """Logistic regression on standardised features (L2, gradient descent), returned on the raw features."""
    x = np.array([[e.features.get(k, 0.0) for k in keys] for e in train])
    y = np.array([float(e.right) for e in train])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w, b = np.zeros(len(keys)), 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w -= RATE * (z.T @ (p - y) + L2 * w) / len(y)
        b -= RATE * float((p - y).mean())
    raw = w / scale
    return dict(zip(keys, raw.tolist(), strict=True)), b - float(raw @ mean)


def probability(weights: tuple[dict[str, float], float], e: Example) -> float:
    score = weights[1] + sum(weights[0].get(k, 0.0) * v for k, v in e.features.items())
    return float(1.0 / (1.0 + np.exp(-score)))


def shares(flags: list[bool], rights: list[bool]) -> str:
    """Share flagged, and unflagged cities right."""
    kept = [r for f, r in zip(flags, rights, strict=True) if not f]
    right = sum(kept) / len(kept) if kept else float("nan")
    return f"{sum(flags) / len(flags):5.1%} flagged, unflagged right {right:5.1%} ({sum(kept)}/{len(kept)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="fit on every batch and write city_confidence.json")
    args = parser.parse_args()
    if OUT.exists():
        sys.exit(f"{OUT} exists: move it away first, so that the rules' own flag is read for the comparison")
    data = examples()
    keys = sorted({k for e in data for k in e.features})
    held_out: dict[int, float] = {}
    for batch in OUT_OF_SAMPLE_BATCHES:
        weights = fit([e for e in data if e.batch != batch], keys)
        held_out.update({i: probability(weights, e) for i, e in enumerate(data) if e.batch == batch})
    rights = [e.right for e in data]
    below = [t for t in THRESHOLDS if _unflagged_right(data, held_out, t) >= TARGET]
    threshold = min(below) if below else max(THRESHOLDS)
    print(f"threshold {threshold} (lowest whose unflagged cities are right ≥ {TARGET:.0%}, leave-one-batch-out)")
    for batch in OUT_OF_SAMPLE_BATCHES:
        idx = [i for i, e in enumerate(data) if e.batch == batch]
        sub = [rights[i] for i in idx]
        print(f"batch {batch}: rules' flag {shares([data[i].rules_flag for i in idx], sub)}")
        print(f"{'':>{len(batch) + 7}} learned flag {shares([held_out[i] < threshold for i in idx], sub)}")
    print(f"all {len(data)}: rules' flag {shares([e.rules_flag for e in data], rights)}")
    print(f"all {len(data)}: learned flag {shares([held_out[i] < threshold for i in range(len(data))], rights)}")
    if args.write:
        weights, bias = fit(data, keys)
        shipped = {
            "threshold": threshold,
            "bias": round(bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(weights.items()) if round(v, 6)},
            "trained_on": sorted(OUT_OF_SAMPLE_BATCHES, key=int),
        }
        OUT.write_text(json.dumps(shipped, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


def _unflagged_right(data: list[Example], held_out: dict[int, float], threshold: float) -> float:
    kept = [e.right for i, e in enumerate(data) if held_out[i] >= threshold]
    return sum(kept) / len(kept) if kept else 0.0


if __name__ == "__main__":
    main()
