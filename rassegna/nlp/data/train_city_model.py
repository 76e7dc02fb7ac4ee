"""Retrain the city chooser (``city_model.json``) and report leave-one-batch-out against the hand-set rules.

Run from the repository root: ``.venv/bin/python rassegna/nlp/data/train_city_model.py [--write]``. Needs numpy
(installed with spaCy).

The chooser is a conditional logit over each article's candidate comuni and "no city" (``places.CityModel``). It is
trained where the rules' pick is an honest feature: ``OUT_OF_SAMPLE_BATCHES`` of ``tests/nlp/evaluation.py``, the
batches no rule writer read. The batches the rules were written on (``TRAINING_BATCHES`` not among them) are read
too, but there the rules' pick and abstention go into features of their own (``…@in_sample``), which the shipped
file leaves out: those batches teach the evidence and the words, not how far to trust the rules.

It prints, for each out-of-sample batch, the cities right for the rules and for a chooser trained on everything
else; ``--write`` then fits on every batch and writes ``city_model.json`` (delete it to go back to the rules).
Round 9 (``tests/nlp/fixtures/corpus/notes/speaker-model-decisions.md``) fixed how it is judged.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from rassegna.nlp.places import OPEN, CityModel, city_candidates, model_city, no_city_evidence  # noqa: E402
from rassegna.nlp.textutil import fold  # noqa: E402
from tests.nlp.evaluation import (  # noqa: E402
    OUT_OF_SAMPLE_BATCHES,
    PARTNER_CITIES,
    TRAINING_BATCHES,
    load_articles,
    set_path,
)

OUT = Path(__file__).with_name("city_model.json")
L2 = 0.01
EPOCHS = 300
RATE = 0.5
MIN_WORD_COUNT = 5  # a headline or lead word weighs only if this many training articles have it
RULE_FEATURES = ("rule_pick", "rule_abstained", OPEN)
IN_SAMPLE = "@in_sample"

Features = dict[str, float]


@dataclass(frozen=True, slots=True)
class Example:
    """One article: the gold city (folded, or None), the rules' city, the candidates and the "no city" evidence."""

    gold: str | None
    rule: str | None
    candidates: list[tuple[str, Features]]
    no_city: Features

    @property
    def answer(self) -> int | None:
        """0 for "no city", i + 1 for candidate i, None when the gold city is not among the candidates."""
        if self.gold is None:
            return 0
        names = [fold(name) for name, _f in self.candidates]
        return names.index(self.gold) + 1 if self.gold in names else None


def _in_sample(features: Features) -> Features:
    """The rules' own features renamed, for a batch the rules were written on."""
    return {(k + IN_SAMPLE if k in RULE_FEATURES else k): v for k, v in features.items()}


def examples(sets: tuple[str, ...], *, in_sample: bool) -> list[Example]:
    """Every article of the sets, with the rules' pick as an honest feature or (``in_sample``) a separate one."""
    out = []
    for name in sets:
        for art in load_articles(set_path(name)):
            title, text = art.get("title"), art["text"]
            rule, _ranked, cands = city_candidates(text, title, PARTNER_CITIES)
            no_city = no_city_evidence(title, text, rule, cands)
            if in_sample:
                cands = [(n, _in_sample(f)) for n, f in cands]
                no_city = _in_sample(no_city)
            gold = art.get("city")
            out.append(Example(fold(gold) if gold else None, rule, cands, no_city))
    return out


def fit(train: list[Example]) -> tuple[Features, Features]:
    """Candidate and "no city" weights: softmax over each article's options, L2-regularised, by gradient descent."""
    words = Counter(k for e in train for k in e.no_city if k[:2] in ("T:", "L:"))
    cand_keys = sorted({k for e in train for _n, f in e.candidates for k in f})
    null_keys = sorted({k for e in train for k in e.no_city if k[:2] not in ("T:", "L:")})
    null_keys += sorted(w for w, c in words.items() if c >= MIN_WORD_COUNT)
    cand_index = {k: i for i, k in enumerate(cand_keys)}
    null_index = {k: i for i, k in enumerate(null_keys)}

    def vector(features: Features, index: dict[str, int]) -> np.ndarray:
        v = np.zeros(len(index))
        for k, x in features.items():
            if k in index:
                v[index[k]] = x
        return v

    rows = []
    for e in train:
        if e.answer is None:
            continue  # the gold comune is not a candidate: nothing to learn about choosing
        cands = np.array([vector(f, cand_index) for _n, f in e.candidates]).reshape(-1, len(cand_keys))
        rows.append((vector(e.no_city, null_index), cands, e.answer))
    w_cand, w_null = np.zeros(len(cand_keys)), np.zeros(len(null_keys))
    for _ in range(EPOCHS):
        g_cand, g_null = np.zeros_like(w_cand), np.zeros_like(w_null)
        for x_null, cands, answer in rows:
            scores = np.concatenate([[x_null @ w_null], cands @ w_cand])
            p = np.exp(scores - scores.max())
            p /= p.sum()
            p[answer] -= 1.0
            g_null += p[0] * x_null
            g_cand += p[1:] @ cands
        w_cand -= RATE * (g_cand / len(rows) + L2 * w_cand)
        w_null -= RATE * (g_null / len(rows) + L2 * w_null)
    return dict(zip(cand_keys, w_cand.tolist(), strict=True)), dict(zip(null_keys, w_null.tolist(), strict=True))


def choose(weights: tuple[Features, Features], e: Example) -> str | None:
    """The chooser's city, picked by ``places.model_city`` as at run time (where the rules leave it open)."""
    return model_city(CityModel(*weights), e.rule, e.candidates, e.no_city)


def right(city: str | None, e: Example) -> bool:
    return (fold(city) if city else None) == e.gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="fit on every batch and write city_model.json")
    args = parser.parse_args()
    honest = {b: examples(sets, in_sample=False) for b, sets in OUT_OF_SAMPLE_BATCHES.items()}
    written_on = [e for b, sets in TRAINING_BATCHES.items() if b not in honest for e in examples(sets, in_sample=True)]
    total_rules = total_model = total = 0
    for batch, test in honest.items():
        weights = fit(written_on + [e for other, ex in honest.items() if other != batch for e in ex])
        rules = sum(right(e.rule, e) for e in test)
        model = sum(right(choose(weights, e), e) for e in test)
        total_rules, total_model, total = total_rules + rules, total_model + model, total + len(test)
        print(f"batch {batch}: {len(test)} articles, rules {rules}, chooser {model} ({model - rules:+d})", flush=True)
    gain = total_model - total_rules
    print(f"all {total}: rules {total_rules}, chooser (leave-one-batch-out) {total_model} ({gain:+d})")
    if args.write:
        w_cand, w_null = fit(written_on + [e for ex in honest.values() for e in ex])
        shipped = {
            "candidate": {k: round(v, 4) for k, v in sorted(w_cand.items()) if not k.endswith(IN_SAMPLE)},
            "no_city": {k: round(v, 4) for k, v in sorted(w_null.items()) if not k.endswith(IN_SAMPLE) and v},
        }
        OUT.write_text(json.dumps(shipped, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
