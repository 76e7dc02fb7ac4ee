"""What the desk's confidence trainers share (``train_city_confidence.py``, ``train_speaker_confidence.py``): the
logistic fit, the leave-one-batch-out comparison with the rules' own flag, the threshold and the file written.

A trainer supplies its examples (one per answer of the rules on the batches no rule writer read: is it right, did
the rules flag it, its evidence) and calls :func:`main`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rassegna.nlp.confidence import load_confidence

TARGET = 0.95  # the target: what the answers nobody checks should reach
STEPS = 3000
RATE = 0.1


@dataclass(frozen=True, slots=True)
class Example:
    """One answer of the rules: its batch, whether it is right, the rules' own flag and the evidence."""

    batch: str
    right: bool
    rules_flag: bool
    features: dict[str, float]


def fit(train: list[Example], keys: list[str], l2: float) -> tuple[dict[str, float], float]:
    """Logistic regression on standardised features (L2 on the summed loss, gradient descent), returned as weights
    and bias on the raw features."""
    x = np.array([[e.features.get(k, 0.0) for k in keys] for e in train])
    y = np.array([float(e.right) for e in train])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w, b = np.zeros(len(keys)), 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w -= RATE * (z.T @ (p - y) + l2 * w) / len(y)
        b -= RATE * float((p - y).mean())
    raw = w / scale
    return dict(zip(keys, raw.tolist(), strict=True)), b - float(raw @ mean)


def probability(weights: tuple[dict[str, float], float], e: Example) -> float:
    score = weights[1] + sum(weights[0].get(k, 0.0) * v for k, v in e.features.items())
    return float(1.0 / (1.0 + np.exp(-score)))


def shares(flags: list[bool], rights: list[bool]) -> str:
    """Share flagged, and unflagged answers right."""
    kept = [r for f, r in zip(flags, rights, strict=True) if not f]
    right = sum(kept) / len(kept) if kept else float("nan")
    return f"{sum(flags) / len(flags):5.1%} flagged, unflagged right {right:5.1%} ({sum(kept)}/{len(kept)})"


def held_out_probabilities(data: list[Example], batches: Sequence[str], l2: float) -> dict[int, float]:
    """Each example's probability from a model fitted on every other batch."""
    keys = sorted({k for e in data for k in e.features})
    held_out: dict[int, float] = {}
    for batch in batches:
        weights = fit([e for e in data if e.batch != batch], keys, l2)
        held_out.update({i: probability(weights, e) for i, e in enumerate(data) if e.batch == batch})
    return held_out


def lowest_threshold(
    data: list[Example], held_out: dict[int, float], thresholds: Sequence[float], each_batch: bool = False
) -> float:
    """The lowest threshold (fewest flags) whose unflagged answers are right at least ``TARGET`` of the time: over
    all the examples, or (``each_batch``) in every batch left out."""

    def unflagged_right(t: float, batch: str | None) -> float:
        kept = [e.right for i, e in enumerate(data) if held_out[i] >= t and batch in (None, e.batch)]
        return sum(kept) / len(kept) if kept else 0.0

    groups = sorted({e.batch for e in data}) if each_batch else [None]
    below = [t for t in thresholds if all(unflagged_right(t, g) >= TARGET for g in groups)]
    return min(below) if below else max(thresholds)


def at_the_rules_flag(data: list[Example], held_out: dict[int, float]) -> str:
    """The two flags compared where they cost the same: the learned one flagging as many as the rules (its least
    sure), and the fewest it flags to leave its unflagged answers as right as the rules' are."""
    order = sorted(range(len(data)), key=lambda i: held_out[i])
    flagged = sum(e.rules_flag for e in data)
    kept = [data[i].right for i in order[flagged:]]
    rules_kept = [e.right for e in data if not e.rules_flag]
    rules_right = sum(rules_kept) / len(rules_kept)
    fewest = next(n for n in range(len(data)) if sum(data[i].right for i in order[n:]) / (len(data) - n) >= rules_right)
    share = sum(kept) / len(kept)
    return (
        f"at the rules' flag rate ({flagged / len(data):.1%}) the learned unflagged are right {share:.1%} "
        f"({sum(kept)}/{len(kept)}); to be as right as the rules' unflagged ({rules_right:.1%}) it flags "
        f"{fewest / len(data):.1%}"
    )


# A shipped flag's rule on a batch nobody read (notes/speaker-model-decisions.md): it flags at most this share, its
# unflagged answers are right at least this many points more often than the rules' unflagged ones, and at the rules'
# flag rate its unflagged answers are at least as right as the rules'
MOST_FLAGGED = 0.35
MARGIN = 0.02


@dataclass(frozen=True, slots=True)
class Judgement:
    """A shipped flag against the rules' own flag on one batch, by the three conditions of its rule."""

    flagged: float
    unflagged_right: float
    rules_flagged: float
    rules_unflagged_right: float
    at_rules_rate_right: float

    @property
    def passes(self) -> bool:
        return (
            self.flagged <= MOST_FLAGGED
            and self.unflagged_right >= self.rules_unflagged_right + MARGIN
            and self.at_rules_rate_right >= self.rules_unflagged_right
        )


def judge(data: list[Example], probabilities: Sequence[float], threshold: float) -> Judgement:
    """The shipped flag (each answer's probability, its threshold) against the rules' flag on the same answers."""

    def right_share(kept: list[bool]) -> float:
        return sum(kept) / len(kept) if kept else 1.0

    learned = [p < threshold for p in probabilities]
    order = sorted(range(len(data)), key=lambda i: probabilities[i])
    rules_flagged = sum(e.rules_flag for e in data)
    return Judgement(
        flagged=sum(learned) / len(data),
        unflagged_right=right_share([e.right for e, f in zip(data, learned, strict=True) if not f]),
        rules_flagged=rules_flagged / len(data),
        rules_unflagged_right=right_share([e.right for e in data if not e.rules_flag]),
        at_rules_rate_right=right_share([data[i].right for i in order[rules_flagged:]]),
    )


def judge_shipped(out: Path, data: list[Example], batch: str) -> bool:
    """Print the shipped flag's judgement on ``batch``; whether it passes."""
    confidence = load_confidence(out)  # as the desk reads it
    if confidence is None:
        raise SystemExit(f"{out} is not there: no learned flag ships to judge")
    j = judge(data, [confidence.probability(e.features) for e in data], confidence.threshold)
    trained_on = json.loads(out.read_text(encoding="utf-8"))["trained_on"]
    n = len(data)

    def counts(flagged: float, right: float) -> str:  # (the shares are of whole answers: their counts, back)
        kept = n - round(flagged * n)
        return f"{round(flagged * n)} of {n} flagged ({flagged:.1%}), unflagged right {round(right * kept)} of {kept}"

    print(f"batch {batch}, {out.name} trained on {', '.join(trained_on)}:")
    print(f"  learned flag {counts(j.flagged, j.unflagged_right)} ({j.unflagged_right:.1%})")
    print(f"  rules' flag  {counts(j.rules_flagged, j.rules_unflagged_right)} ({j.rules_unflagged_right:.1%})")
    print(f"  at the rules' flag rate the learned unflagged are right {j.at_rules_rate_right:.1%}")
    print(
        f"  {'passes' if j.passes else 'fails'}: at most {MOST_FLAGGED:.0%} flagged, {MARGIN * 100:.0f} points over "
        "the rules' unflagged, at the rules' rate at least as right"
    )
    return j.passes


def main(
    doc: str,
    examples: Callable[..., list[Example]],
    batches: Sequence[str],
    out: Path,
    thresholds: Sequence[float],
    l2: float,
    each_batch: bool = False,
    unseen: Iterable[int] = (),
) -> None:
    """Leave-one-batch-out against the rules' flag, printed by batch; ``--write`` fits on every batch and writes
    ``out``; ``--judge BATCH`` judges the shipped file on one batch (never one of ``unseen``)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help=f"fit on every batch and write {out.name}")
    parser.add_argument(
        "--judge", metavar="BATCH", help=f"judge the shipped {out.name} on one new batch by its rule, and stop"
    )
    args = parser.parse_args()
    if args.judge:
        if args.judge in {str(b) for b in unseen}:
            raise SystemExit(f"batch {args.judge} is kept unseen (UNSEEN_BATCHES): score it once first")
        try:
            judged = examples((args.judge,))
        except ValueError as error:  # no annotated batch of that number
            raise SystemExit(f"--judge {args.judge}: {error}") from None
        raise SystemExit(0 if judge_shipped(out, judged, args.judge) else 1)
    data = examples()
    held_out = held_out_probabilities(data, batches, l2)
    threshold = lowest_threshold(data, held_out, thresholds, each_batch)
    where = "in every batch left out" if each_batch else "leave-one-batch-out"
    print(f"threshold {threshold} (lowest whose unflagged answers are right ≥ {TARGET:.0%}, {where})")
    rights = [e.right for e in data]
    for batch in batches:
        idx = [i for i, e in enumerate(data) if e.batch == batch]
        sub = [rights[i] for i in idx]
        print(f"batch {batch}: rules' flag {shares([data[i].rules_flag for i in idx], sub)}")
        print(f"{'':>{len(batch) + 7}} learned flag {shares([held_out[i] < threshold for i in idx], sub)}")
    print(f"all {len(data)}: rules' flag {shares([e.rules_flag for e in data], rights)}")
    print(f"all {len(data)}: learned flag {shares([held_out[i] < threshold for i in range(len(data))], rights)}")
    print(at_the_rules_flag(data, held_out))
    if args.write:
        weights, bias = fit(data, sorted({k for e in data for k in e.features}), l2)
        shipped = {
            "threshold": threshold,
            "bias": round(bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(weights.items()) if round(v, 6)},
            "trained_on": sorted(batches, key=int),
        }
        out.write_text(json.dumps(shipped, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")
