"""Retrain the learned figure model (``figure_model.json``) and report it against the rules alone.

Run from the repository root: ``.venv/bin/python rassegna/nlp/data/train_figure_model.py [--write]``. Needs numpy
(installed with spaCy); about a minute.

The model (``rassegna.nlp.figure_model``, read by ``figures.extract_figures``) looks again at the numbers the rules
read but leave without a counted noun. It is trained only on ``OUT_OF_SAMPLE_BATCHES`` of ``tests/nlp/evaluation.py``,
the batches no rule writer read. Each such number inside an annotated figure's words teaches the unit chooser (every
word around it, right when it is the annotated unit, as the evaluation compares units); every such number teaches the
figure decision (right when the chosen noun and the value make an annotated figure, optional ones included). The
counted nouns of the training batches' annotated figures make its lexicon.

It prints, for each batch left out, figure recall and precision with the rules alone and with the model trained on
the other batches; ``--write`` then fits on every batch and writes ``figure_model.json`` (delete it to go back to the
rules alone).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from rassegna.domain import Figure  # noqa: E402
from rassegna.nlp import figure_model as fm  # noqa: E402
from rassegna.nlp import figures  # noqa: E402
from rassegna.nlp.confidence import Confidence, Logistic  # noqa: E402
from rassegna.nlp.data.confidence_training import Example, fit  # noqa: E402
from rassegna.nlp.textutil import normalise, unit_key  # noqa: E402
from tests.nlp.evaluation import (  # noqa: E402
    OUT_OF_SAMPLE_BATCHES,
    Scores,
    figure_matches,
    load_articles,
    score_figures,
    set_path,
    unit_matches,
)

OUT = fm.MODEL_PATH
THRESHOLD = 0.5  # a figure added is more likely right than wrong (fixed before any run, not tuned)
L2_UNIT = 10.0
L2_FIGURE = 30.0


@dataclass(slots=True)
class Article:
    """One annotated article as the rules read it."""

    batch: str
    text: str
    norm: str
    tokens: figures._Tokens
    told: list[fm.Told]
    unread: list[fm.Unread]
    gold: list[dict]
    rules: list[Figure]


def read(batches: Sequence[str]) -> list[Article]:
    out = []
    for batch in batches:
        for name in OUT_OF_SAMPLE_BATCHES[batch]:
            for art in load_articles(set_path(name)):
                norm = normalise(art["text"])
                tokens = figures._Tokens(norm)
                unread: list[fm.Unread] = []
                found = figures._mentions(norm, tokens, unread)
                unread = figures.unread_outside(tokens, unread, found)
                told = [fm.Told(m.start, m.unit) for m in found]
                rules = figures._figures_of(art["text"], found)  # the rules' figures, from the same reading
                out.append(Article(batch, art["text"], norm, tokens, told, unread, art["figures"], rules))
    return out


def _gold_at(a: Article, cand: fm.Unread) -> list[dict]:
    """The annotated figures of this value whose words hold the number."""
    start = a.tokens[cand.token].start
    out = []
    for g in a.gold:
        pos = a.text.find(g["text"])
        if float(g["value"]) == float(cand.value) and 0 <= pos <= start < pos + len(g["text"]):
            out.append(g)
    return out


def lexicon(arts: Sequence[Article]) -> dict[str, float]:
    return dict(Counter(unit_key(g["unit"]) for a in arts for g in a.gold))


def train(arts: Sequence[Article]) -> fm.FigureModel:
    lex = lexicon(arts)
    groups = []
    for a in arts:
        for cand in a.unread:
            golds = _gold_at(a, cand)
            options = fm.unit_options(a.norm, a.tokens, cand, a.told, lex) if golds else []
            rights = [any(unit_matches(o.unit, g["unit"]) for g in golds) for o in options]
            groups.append((options, rights))
    unit_examples = [
        Example("", right, False, o.features)
        for options, rights in groups
        for o, right in zip(options, rights, strict=True)
    ]
    uw, ub = fit(unit_examples, sorted({k for e in unit_examples for k in e.features}), L2_UNIT)
    unit = Logistic(uw, ub)
    half = fm.FigureModel(unit, Confidence({}, 0.0, THRESHOLD), lex)
    figure_examples = []
    for a in arts:
        for cand in a.unread:
            best, p = half.choose(a.norm, a.tokens, cand, a.told)
            if best is None:
                continue
            right = any(figure_matches(Figure(cand.value, best.unit, None, ""), g) for g in a.gold)
            figure_examples.append(Example(a.batch, right, False, fm.number_features(a.norm, a.tokens, cand, best, p)))
    fw, fb = fit(figure_examples, sorted({k for e in figure_examples for k in e.features}), L2_FIGURE)
    return fm.FigureModel(unit, Confidence(fw, fb, THRESHOLD), lex)


def _figures_line(s: Scores) -> str:
    return (
        f"recall {s.figure_recall:6.1%} ({s.figures_found}/{s.figures_gold}), "
        f"precision {s.figure_precision:6.1%} ({s.figures_pred_ok}/{s.figures_pred})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help=f"fit on every batch and write {OUT.name}")
    args = parser.parse_args()
    batches = sorted(OUT_OF_SAMPLE_BATCHES, key=int)
    arts = read(batches)
    total_rules, total_model = Scores(), Scores()
    up = 0
    for batch in batches:
        model = train([a for a in arts if a.batch != batch])
        rules, learned = Scores(), Scores()
        for a in (a for a in arts if a.batch == batch):
            with_model = figures.figures_with(a.text, model)
            for scores, predicted in (
                (rules, a.rules),
                (total_rules, a.rules),
                (learned, with_model),
                (total_model, with_model),
            ):
                score_figures(scores, a.gold, predicted)
        up += learned.figures_found > rules.figures_found
        print(f"batch {batch}: rules {_figures_line(rules)}")
        print(f"{'':>{len(batch) + 7}} model {_figures_line(learned)}")
    print(f"all: rules {_figures_line(total_rules)}")
    print(f"all: model {_figures_line(total_model)}  (recall up on {up} of {len(batches)} batches)")
    if args.write:
        model = train(arts)
        shipped = {
            "threshold": model.figure.threshold,
            "unit": {"bias": round(model.unit.bias, 6), "weights": _rounded(model.unit.weights)},
            "figure": {"bias": round(model.figure.bias, 6), "weights": _rounded(model.figure.weights)},
            "lexicon": dict(sorted(model.lexicon.items())),
            "trained_on": batches,
        }
        OUT.write_text(json.dumps(shipped, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


def _rounded(weights: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 6) for k, v in sorted(weights.items()) if round(v, 6)}


if __name__ == "__main__":
    main()
