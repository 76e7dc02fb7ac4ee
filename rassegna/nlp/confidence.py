"""A learned confidence in one of the rules' answers: a logistic model whose threshold decides what the desk is asked
to check (``city_to_check``, ``speaker_to_check``). It never changes the answer itself."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Logistic:
    """A logistic model over named features (a missing feature weighs nothing)."""

    weights: dict[str, float]
    bias: float

    def probability(self, features: dict[str, float]) -> float:
        score = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True, slots=True)
class Confidence(Logistic):
    """How likely the rules' answer is right, from its evidence; below ``threshold`` it is flagged. The files are
    written by ``rassegna/nlp/data/train_*_confidence.py``."""

    threshold: float

    def sure(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold


def load_confidence(path: Path) -> Confidence | None:
    """The confidence shipped at ``path``, or None where none is (the rules' own flag then stands)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return Confidence(weights, float(data["bias"]), float(data["threshold"]))
