"""A learned second look at the numbers the figure rules read but leave without a counted noun.

The rules turn a number down either by an explicit rule (a date, a time, a model, an idiom) or because they find no
noun it counts. Only the second kind comes here, the numbers ``figures._without_unit`` ends with; some deliberate
"no figure" verdicts end there too (a ratio's base after a distant "su", a noun after a preposition), and with a model
trained in stop 31 shipped, ten of the figure rules' tests fail on them. A logistic model picks the counted noun among
the words around the number (and the unit of the figure told just before), and a second one decides whether the
number with that noun is a figure at all. Both read the words near the number and its shape, never the article
as a whole. ``rassegna/nlp/data/train_figure_model.py`` trains them on the batches no rule writer read; without
``data/figure_model.json`` nothing here runs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from rassegna.nlp.confidence import Confidence, Logistic
from rassegna.nlp.textutil import unit_key

MODEL_PATH = Path(__file__).parent / "data" / "figure_model.json"

_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
_ARTICLES = frozenset(
    {"i", "gli", "le", "dei", "degli", "delle", "ai", "agli", "alle", "sui", "sugli", "sulle", "dai", "dagli",
     "dalle", "nei", "negli", "nelle", "di", "tra", "fra", "tutti", "tutte", "altri", "altre"}
)  # fmt: skip
_COPULAS = frozenset(
    {"sono", "è", "erano", "era", "saranno", "sarà", "stati", "state", "risultano", "restano", "rimangono"}
)
BEFORE_WINDOW = 25  # tokens looked at before the number, within its sentence
AFTER_WINDOW = 4  # tokens looked at after it


class Token(Protocol):
    kind: str
    text: str
    start: int
    end: int


class Tokens(Protocol):
    texts: list[str]

    def __getitem__(self, i: int) -> Token: ...

    def __len__(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Unread:
    """A number the rules read with no counted noun found: its value and its first and next token."""

    value: float | int
    token: int
    after: int


@dataclass(frozen=True, slots=True)
class Told:
    """A figure the rules found: where it starts and its counted noun."""

    start: int
    unit: str


@dataclass(frozen=True, slots=True)
class Option:
    """A word that may be the number's counted noun, with the evidence for it."""

    unit: str
    features: dict[str, float]


@dataclass(frozen=True, slots=True)
class Rescue:
    """A figure the model adds: value, counted noun and where its words are in the text."""

    value: float | int
    unit: str
    start: int
    end: int


def _bucket(distance: int) -> str:
    """Distances in tokens by bucket: 1, 2, 3, up to 6, up to 12, farther."""
    return next((str(top) for top in (1, 2, 3, 6, 12) if distance <= top), "far")


def _sentence_start(tokens: Tokens, text: str, i: int) -> int:
    """The first token of the number's sentence (a full stop or a new paragraph ends the one before)."""
    k = i
    while k > 0 and i - k < BEFORE_WINDOW:
        prev = tokens[k - 1]
        if prev.text in _SENTENCE_ENDS or "\n" in text[prev.end : tokens[k].start]:
            break
        k -= 1
    return k


def unit_options(
    text: str, tokens: Tokens, cand: Unread, told: Sequence[Told], lexicon: dict[str, float]
) -> list[Option]:
    """The words of the number's sentence before it, the few after it and the unit of the figure told just before,
    each with its evidence."""
    start = tokens[cand.token].start
    options: dict[str, Option] = {}
    first = _sentence_start(tokens, text, cand.token)
    words = [x for x in range(first, cand.token) if tokens[x].kind == "word" and len(tokens[x].text) >= 3]
    for rank, x in enumerate(reversed(words)):
        word = tokens[x].text
        if not word.islower():
            continue
        prev = tokens[x - 1].text.lower() if x > 0 else ""
        between = {tokens[y].text.lower() for y in range(x + 1, cand.token)}
        f = {
            "before": 1.0,
            "copula_between": float(bool(between & _COPULAS)),
            "number_between": float(any(tokens[y].kind == "num" for y in range(x + 1, cand.token))),
            "comma_between": float("," in between),
            f"before_dist_{_bucket(cand.token - x)}": 1.0,
            "before_rank0": float(rank == 0),
            "after_article": float(prev in _ARTICLES),
            "plural": float(word[-1] in "ie"),
        }
        _add(options, word, f, lexicon)
    n = len(tokens)
    for x in range(cand.after, min(n, cand.after + AFTER_WINDOW)):
        tok = tokens[x]
        if tok.kind != "word":
            if tok.text in _SENTENCE_ENDS:
                break
            continue
        if not tok.text.islower() or len(tok.text) < 3:
            continue
        f = {"after": 1.0, f"after_dist_{_bucket(x - cand.after + 1)}": 1.0, "plural": float(tok.text[-1] in "ie")}
        _add(options, tok.text, f, lexicon)
    before = [t for t in told if t.start < start]
    if before and start - before[-1].start <= 300 and not before[-1].unit.startswith("\x00"):
        gap = start - before[-1].start
        same_sentence = before[-1].start >= tokens[first].start
        near = "40" if gap <= 40 else "100" if gap <= 100 else "300"
        _add(
            options,
            before[-1].unit,
            {"told": 1.0, f"told_{near}": 1.0, "told_same_sentence": float(same_sentence)},
            lexicon,
        )
    return list(options.values())


def _add(options: dict[str, Option], unit: str, features: dict[str, float], lexicon: dict[str, float]) -> None:
    """One option per counted noun: a noun seen twice keeps both its evidence."""
    key = unit_key(unit)
    seen = lexicon.get(key, 0.0)
    features = {**features, "lexicon": math.log1p(seen), "lexicon_zero": float(seen == 0)}
    old = options.get(key)
    if old is not None:
        features = {**old.features, **{k: max(v, old.features.get(k, 0.0)) for k, v in features.items()}}
        unit = old.unit
    options[key] = Option(unit, features)


def number_features(text: str, tokens: Tokens, cand: Unread, best: Option, best_p: float) -> dict[str, float]:
    """The number's shape and its neighbours, the counted noun chosen and how sure the unit chooser is."""
    tok = tokens[cand.token]
    value = cand.value
    f: dict[str, float] = {
        "digits": float(tok.kind == "num"),
        "decimal": float(isinstance(value, float) and value != int(value)),
        f"magnitude_{min(6, len(str(int(abs(value)))))}": 1.0,
        "unit_p": best_p,
        "unit_lexicon": best.features["lexicon"],
    }
    for k in ("before", "after", "told"):
        if best.features.get(k):
            f[f"unit_{k}"] = 1.0
    prev = tokens[cand.token - 1].text.lower() if cand.token > 0 else "^"
    nxt = tokens[cand.after].text.lower() if cand.after < len(tokens) else "$"
    f[f"prev={prev if len(prev) <= 12 else 'long'}"] = 1.0
    f[f"next={nxt if len(nxt) <= 12 else 'long'}"] = 1.0
    f["prev_article"] = float(prev in _ARTICLES)
    f["next_mark"] = float(not nxt[:1].isalnum())
    f["paren"] = float(text[max(0, tok.start - 1) : tok.start] == "(")
    return f


@dataclass(frozen=True, slots=True)
class FigureModel:
    """The unit chooser, the figure decision (with its threshold) and the counted nouns seen in training."""

    unit: Logistic
    figure: Confidence
    lexicon: dict[str, float]

    def choose(self, text: str, tokens: Tokens, cand: Unread, told: Sequence[Told]) -> tuple[Option | None, float]:
        """The likeliest counted noun and its probability."""
        options = unit_options(text, tokens, cand, told, self.lexicon)
        if not options:
            return None, 0.0
        scored = [(self.unit.probability(o.features), o) for o in options]
        p, best = max(scored, key=lambda s: s[0])
        return best, p

    def rescue(self, text: str, tokens: Tokens, unread: Sequence[Unread], told: Sequence[Told]) -> list[Rescue]:
        """The numbers it takes for figures, each with its counted noun."""
        out: list[Rescue] = []
        for cand in unread:
            best, p = self.choose(text, tokens, cand, told)
            if best is None:
                continue
            if self.figure.sure(number_features(text, tokens, cand, best, p)):
                tok = tokens[cand.token]
                out.append(Rescue(cand.value, best.unit, tok.start, tokens[cand.after - 1].end))
        return out


def _logistic(data: dict) -> Logistic:
    return Logistic({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]))


@lru_cache(maxsize=1)
def load_figure_model(path: Path = MODEL_PATH) -> FigureModel | None:
    """The model shipped at ``path``, or None where none is (the rules' figures then stand alone)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    lexicon = {str(k): float(v) for k, v in data["lexicon"].items()}
    figure = _logistic(data["figure"])
    return FigureModel(
        _logistic(data["unit"]), Confidence(figure.weights, figure.bias, float(data["threshold"])), lexicon
    )
