"""A learned speaker chooser: re-ranks the speaker the rules of :mod:`rassegna.nlp.quotes` give each quote.

For each quote the candidates are the people the piece names (``quotes._people`` plus the pipeline's own
names), the rules' pick when it is none of them (a body, a lone surname), and "no speaker". Each candidate is
described by features of structure, never words of one article: where the candidate is named relative to the
quote (before/after, distance, same sentence or paragraph, right after the closing mark, before a colon that
opens the quote, inside an interrupted quote), whether a verb of saying stands between, whether the mention
follows a preposition (a complement, not a subject), whether the headline names it, how often the piece names
it, whether it spoke the previous quote, and whether it is the rules' own pick. A linear score (conditional
logit: softmax over one quote's candidates) picks the speaker.

The model lives in ``data/speaker_model.json``; without that file :func:`rerank_speakers` returns the rules'
speakers untouched. The file holds ``{"mode": …, "weights": {feature: weight}, "threshold": …}``, and the mode
says how the weights are used:

- ``"with-rules"``: the weights were fitted with the rules'-pick features; the best-scoring candidate speaks.
- ``"structure"``: the weights were fitted without any rules'-pick feature (any such weight in the file is
  dropped on loading); the best-scoring candidate speaks, the rules' pick only winning ties.
- ``"override"``: the same structure-only weights, but the rules' pick stands unless the structure-only model
  gives another candidate a probability (softmax over the quote's candidates) of at least ``threshold`` **and**
  :func:`may_override` allows it: the override only acts where the rules guess, never against a decision the rules
  take from an explicit frame (an anonymous source, an unnamed group, a document, a live-blog post boundary, a
  name rejected as a complement or in a gerund clause, a misprint resolved to the form printed first). A file
  with ``"constrained": false`` drops that guard (for comparison only: it fails the invented tests).

A file without ``"mode"`` is read as ``"with-rules"``. ``data/train_speaker_model.py`` retrains (``--write
--mode …``) and reports leave-one-batch-out accuracy, on the candidates :func:`quote_choices` gives each quote
(``quotes.speaker_chooser_candidates``: the analysis' own reading, with the rules' speakers).

The same candidates feed the desk's confidence in the rules' speaker (:class:`~rassegna.nlp.confidence.Confidence`,
``data/speaker_confidence.json``, retrained by ``data/train_speaker_confidence.py``): a logistic model over the
rules' pick's features, its rivals' and the quote's shape (:func:`confidence_features`) that decides which quotes
are flagged (``speaker_to_check``), never who speaks.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rassegna.domain import Quote
from rassegna.nlp import quotes as _q
from rassegna.nlp.confidence import Confidence, load_confidence
from rassegna.nlp.textutil import fold

if TYPE_CHECKING:
    from rassegna.nlp.quotes import Piece, Span

MODEL_PATH = Path(__file__).with_name("data") / "speaker_model.json"
NONE = ""  # the "no speaker" candidate's name

Features = dict[str, float]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible speaker of a quote: its name ("" for nobody), role, and features."""

    name: str
    role: str | None
    features: Features


@dataclass(slots=True)
class QuoteChoice:
    """A quote as the rules attributed it, with the candidates the model chooses among."""

    quote: Quote
    rules: str  # the rules' speaker ("" for nobody)
    candidates: list[Candidate]
    prev_near: bool = False  # the previous quote (in a span) is near this one


PREV_FEATURES = ("prev_speaker", "prev_speaker_near")  # who spoke the previous quote: the rules' pick, or the
# override's own decision when it decides a piece in sequence


def with_prev(choice: QuoteChoice, prev: str) -> QuoteChoice:
    """The choice with the previous speaker's features set for ``prev`` (a folded name, "" for nobody)."""
    cands = []
    for c in choice.candidates:
        f = {k: v for k, v in c.features.items() if k not in PREV_FEATURES}
        if c.name and fold(c.name) == prev:
            f["prev_speaker"] = 1.0
            if choice.prev_near:
                f["prev_speaker_near"] = 1.0
        cands.append(Candidate(c.name, c.role, f))
    return QuoteChoice(choice.quote, choice.rules, cands, choice.prev_near)


def decide_piece(model: Model, choices: list[QuoteChoice]) -> list[Candidate]:
    """The candidate the model makes speak for each quote of a piece, in order. ``override`` decides in sequence:
    each quote reads the previous quote's speaker as the override left it (the rules' pick, or the candidate that
    displaced it), so that a correction carries to the quotes that continue the same statement; the other modes
    read the rules' previous speaker, as they were fitted (in sequence, ``structure`` lost 85.5 -> 84.4 % in
    leave-one-batch-out: one early mistake carried through a whole interview)."""
    if model.mode != "override":
        return [decide(model, c) for c in choices]
    out: list[Candidate] = []
    prev = ""
    for c in choices:
        best = decide(model, with_prev(c, prev))
        out.append(best)
        prev = fold(best.name)
    return out


MODES = ("with-rules", "structure", "override")


@dataclass(frozen=True, slots=True)
class Model:
    """A speaker chooser: how it decides (``mode``, one of :data:`MODES`), its weights, and for ``override``
    the structure-only probability another candidate needs to displace the rules' pick."""

    mode: str
    weights: dict[str, float]
    threshold: float | None = None
    constrained: bool = True  # override: only where the rules guess (may_override); False only for comparison

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown speaker model mode {self.mode!r}: expected one of {', '.join(MODES)}")
        if self.mode == "override" and (self.threshold is None or not 0.0 < self.threshold <= 1.0):
            raise ValueError(f"an override model needs a threshold in (0, 1], not {self.threshold!r}")
        if self.mode != "with-rules":  # structure alone: the rules' pick is no feature
            object.__setattr__(self, "weights", {k: v for k, v in self.weights.items() if not is_rules_feature(k)})

    def to_json(self) -> dict[str, object]:
        """The content of ``speaker_model.json``."""
        out: dict[str, object] = {"mode": self.mode}
        if self.mode == "override":
            out["threshold"] = self.threshold
            if not self.constrained:
                out["constrained"] = False
        out["weights"] = {k: round(v, 4) for k, v in sorted(self.weights.items())}
        return out

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Model:
        """A model from the content of ``speaker_model.json`` (no ``mode``: ``with-rules``)."""
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise ValueError("speaker model: 'weights' must map feature names to numbers")
        threshold = data.get("threshold")
        return cls(
            str(data.get("mode", "with-rules")),
            {str(k): float(v) for k, v in weights.items()},
            None if threshold is None else float(threshold),  # type: ignore[arg-type]
            data.get("constrained", True) is not False,
        )


def is_rules_feature(name: str) -> bool:
    """Whether a feature tells what the rules picked (left out of a structure-only model)."""
    return "rules" in name


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model | None:
    """The shipped model; None when no model file is there (the rules decide)."""
    if not path.exists():
        return None
    return Model.from_json(json.loads(path.read_text(encoding="utf-8")))


def score(weights: dict[str, float], features: Features) -> float:
    """The candidate's linear score."""
    return sum(weights.get(k, 0.0) * v for k, v in features.items())


def choose(weights: dict[str, float], candidates: list[Candidate]) -> Candidate:
    """The best-scoring candidate (the first on ties: the rules' pick is listed first)."""
    return max(candidates, key=lambda c: score(weights, c.features))


def probabilities(weights: dict[str, float], candidates: list[Candidate]) -> list[float]:
    """The softmax of the candidates' scores."""
    scores = [score(weights, c.features) for c in candidates]
    top = max(scores)
    ex = [math.exp(s - top) for s in scores]
    total = sum(ex)
    return [e / total for e in ex]


def decide(model: Model, choice: QuoteChoice) -> Candidate:
    """The candidate the model makes speak (``choice.candidates[0]``, the rules' pick, when it keeps it)."""
    cands = choice.candidates
    if model.mode != "override":
        return choose(model.weights, cands)
    probs = probabilities(model.weights, cands)
    best = max(range(len(cands)), key=probs.__getitem__)  # the first on ties: the rules' pick
    assert model.threshold is not None
    if probs[best] >= model.threshold and (not model.constrained or may_override(cands[0], cands[best])):
        return cands[best]
    return cands[0]


SLOTS = ("slot_after", "slot_inside", "slot_before")  # the quote's own attribution: where a name says it


def may_override(rules: Candidate, other: Candidate) -> bool:
    """Whether ``other`` may displace the rules' pick (``rules``, listed first) in override mode: only where the
    rules are guessing. A person must stand in the quote's own attribution slot (right after the closing mark with
    a verb or a dash, an interrupting attribution inside the quote, or the subject of the quote's sentence before
    a verb of saying or a colon; never after a preposition nor in a gerund clause), and the rules' pick must not
    stand in one itself. The rules' "no speaker" stays when nobody stands in such a slot (an anonymous source, an
    unnamed group, a document, a live-blog post: the person named is elsewhere). "No speaker" displaces a person
    only when the rules carry that person from outside the quote's paragraph (no mention there, not the speaker
    of a quote nearby)."""
    if other is rules:
        return False
    if not other.name:
        return not any(k in rules.features for k in ("same_para", "inside", "prev_speaker_near", *SLOTS))
    if not rules.name and _protagonist_unframed(rules, other):
        return True
    if not any(k in other.features for k in SLOTS):
        return False
    if rules.name and _same_person(rules.name, other.name):
        return False  # one person spelt two ways (a misprint): the rules chose the form printed first
    return not any(k in rules.features for k in RULES_FRAMED)


def _protagonist_unframed(rules: Candidate, other: Candidate) -> bool:
    """The rules gave nobody to a quote no verb of saying frames (no "ha detto una fonte", no "tuonano i
    consiglieri": nobody unnamed speaks in its sentence), and the other is the piece's protagonist: named in the
    headline and the previous speaker or the person most named."""
    f = other.features
    return (
        "none_framed" not in rules.features
        and "in_title" in f
        and ("prev_speaker" in f or "most_named" in f)
        and "plural_verb" not in f
    )


# the rules' pick stands in a frame of its own: the override does not argue with it
RULES_FRAMED = (*SLOTS, "inside_attribution", "right_after_verb", "before_verb_same_sentence", "before_colon")


def _same_person(a: str, b: str) -> bool:
    """Two spellings of one name: one contains the other, or they differ by a letter or two."""
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa or difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85


_SENT_END_RE = re.compile(r"[.!?](?:\s|$)|\n")
_WORD_RE = re.compile(r"\w+")


def _bucket(prefix: str, d: int) -> str:
    for limit in (15, 40, 100, 250, 600):
        if d <= limit:
            return f"{prefix}<{limit}"
    return f"{prefix}>600"


def _mentions(
    text: str, piece: Piece, names: list[str], roles_within: list[tuple[int, int]] | None = None
) -> dict[str, list[tuple[int, int, bool]]]:
    """Where each candidate is named: (start, end, by role) — full name, surname, or a role the rules resolve
    to the person (only a role opening within ``roles_within``'s bounds, when given)."""
    out: dict[str, list[tuple[int, int, bool]]] = {fold(n): [] for n in names}
    for s, e, p in _q._mentions_in(text, piece.people, text, roles_within=roles_within):
        key = fold(p.name)
        if key in out:
            out[key].append((s, e, p.name.split()[-1] not in text[s:e]))
    for key, found in out.items():  # "l'assessora Carla Ferri": the role and the name are one mention
        merged: list[tuple[int, int, bool]] = []
        for m in sorted(found):
            if merged and m[0] - merged[-1][1] <= 3 and not text[merged[-1][1] : m[0]].strip(" ,"):
                merged[-1] = (merged[-1][0], m[1], merged[-1][2] and m[2])  # by role only if no name
            else:
                merged.append(m)
        out[key] = merged
    for n in names:  # names the rules read that are nobody of piece.people (bodies, lone surnames)
        key = fold(n)
        if out[key]:
            continue
        pos = text.find(n)
        while pos >= 0:
            out[key].append((pos, pos + len(n), False))
            pos = text.find(n, pos + 1)
    return out


def _side_features(f: Features, tag: str, between: str, dist: int) -> None:
    if "\n" in between:  # another paragraph: how many back or ahead, not how many characters
        f[f"{tag}_other_para"] = 1.0
        if between.count("\n\n") <= 1 and between.count("\n") <= 2:
            f[f"{tag}_next_para"] = 1.0
        return
    f["same_para"] = 1.0
    f[_bucket(tag, dist)] = 1.0
    sentence = not _SENT_END_RE.search(between)
    if sentence:
        f[f"{tag}_same_sentence"] = 1.0
    if _q._VERB_RE.search(between):
        f[f"{tag}_verb_between"] = 1.0
        if sentence:
            f[f"{tag}_verb_same_sentence"] = 1.0


# a body's seat after its generic head: "Prefettura della Spezia", "Comune di Gorizia" (ADJUDICATION-4, 3)
_SEAT = r"\s+(?:di|del|della|dello|dei|degli|delle|dell['’])\s*[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}"


_SEAT_RE = re.compile(_SEAT)
_WORD_BEFORE_RE = re.compile(r"[\w'’]")


def _seated(text: str, name: str) -> str | None:
    """The first ``name`` printed with its seat after it (``_SEAT``), not inside a word: what searching for the
    name after no word character, then ``_SEAT``, finds, without compiling a pattern for each name."""
    pos = text.find(name)
    while pos >= 0:
        if not (pos and _WORD_BEFORE_RE.match(text, pos - 1)):
            seat = _SEAT_RE.match(text, pos + len(name))
            if seat:
                return text[pos : seat.end()]
        pos = text.find(name, pos + 1)
    return None


def _plural(verb: str) -> bool:
    """A verb of saying in the plural (dicono, hanno spiegato, dissero): the third person plural's endings."""
    words = verb.lower().split()
    return words[0] in ("hanno", "avevano", "avrebbero") or words[-1].endswith(("no", "ro"))


_DASH_CLOSES_RE = re.compile(r"[^-–—.!?«»“”\"]{0,30}?\s[-–—]")


def mention_end(start: int, mentions: list[tuple[int, int, bool]]) -> int:
    """Where the mention starting at ``start`` ends."""
    return next(e for s, e, _r in mentions if s == start)


_GERUND_RE = re.compile(r"\b\w{2,}(?:ando|endo)\b", re.IGNORECASE)  # a gerund clause: "dedicando la vittoria a X"
# a source named between the subject and the quote (a closed class of prepositional phrases)
_SOURCE_RE = re.compile(r"\b(?:secondo|a detta d|stando a|a parere d|a giudizio d|per bocca d)", re.IGNORECASE)
_INSIDE_ATTRIBUTION_RE = re.compile(r"(?:[-–—(]|,)\s*[^-–—(,.!?]{0,60}$")


_SHORT_LEAD_COLON_RE = re.compile(r"[^.!?\n«»“”\"]{0,120}:\s*")
_SENTENCE_END_AT_END_RE = re.compile(r"[.!?\n]\s*$")
_DASH_RE = re.compile(r"[-–—]")


def candidate_features(
    piece: Piece, span: Span, name: str, ments: list[tuple[int, int, bool]], ctx: dict[str, object]
) -> Features:
    """The structural features of one candidate of one quote."""
    text = piece.text
    f: Features = {}
    if not name:
        f["none"] = 1.0
        if not ctx["para_names"]:
            f["none_para_names_nobody"] = 1.0
        if not ctx["sentence_names"]:
            f["none_sentence_names_nobody"] = 1.0
        nb, na = ctx["nearest_before_at"], ctx["nearest_after_at"]
        near = min(span.mark_start - nb if nb >= 0 else 10**6, na - span.mark_end if na >= 0 else 10**6)  # type: ignore[operator]
        f[_bucket("none_nearest", near)] = 1.0  # how far the nearest person named outside quotes is
        if ctx["alone"]:
            f["none_quote_alone_in_para"] = 1.0
        inner = text[span.start : span.end].lstrip(" .…'\"")
        if inner[:1].islower():
            f["none_lowercase_start"] = 1.0  # a fragment worked into the sentence (a document, a phrase)
        if len(inner.split()) < 8:
            f["none_short"] = 1.0
        if ctx["plural"]:
            f["none_plural_verb"] = 1.0  # "tuonano i consiglieri", "spiegano dall'opposizione": a group speaks
        if ctx["prev_near"]:
            f["none_prev_quote_near"] = 1.0
        if ctx["framed"]:
            f["none_framed"] = 1.0  # a verb of saying in the quote's sentence: someone (maybe unnamed) speaks
        if ctx["rules"] == NONE:
            f["rules_pick"] = 1.0
            f["none_rules_pick"] = 1.0
        return f
    f["person"] = 1.0
    if ctx["rules"] == fold(name):
        f["rules_pick"] = 1.0
    if ctx["prev"] == fold(name):
        f["prev_speaker"] = 1.0
        if ctx["prev_near"]:
            f["prev_speaker_near"] = 1.0
    if not ctx["known"].get(fold(name)):  # type: ignore[attr-defined]
        f["not_a_named_person"] = 1.0
    if ctx["plural"]:
        f["plural_verb"] = 1.0  # a person with a plural verb: one of a joint statement, or not the speaker
    if fold(name) in ctx["fuller"]:  # type: ignore[operator]
        f["body_fuller_form"] = 1.0  # "Prefettura di Roma" where the attribution says "la Prefettura"
    n = len(ments)
    f["mentions_log"] = math.log1p(n)
    if n == 0:
        f["never_named"] = 1.0
    if ctx["top"] == fold(name):
        f["most_named"] = 1.0
    title = ctx["title"]
    if title and (name in title or name.split()[-1] in title):  # type: ignore[operator]
        f["in_title"] = 1.0
    quoted: list[tuple[int, int]] = ctx["quoted"]  # type: ignore[assignment]
    said_by: dict[str, list[tuple[int, int, bool]]] = ctx.get("outside", {})  # type: ignore[assignment]
    outside = said_by.get(fold(name))
    if outside is None:
        outside = [m for m in ments if not any(a <= m[0] < b for a, b in quoted)]  # names said, not saying
    before = [m for m in outside if m[1] <= span.mark_start]
    after = [m for m in outside if m[0] >= span.mark_end]
    inside = [m for m in ments if span.start <= m[0] and m[1] <= span.end]
    if inside:
        f["inside"] = 1.0
        for s, _e, by_role_in in inside:  # «… – ha detto X – …»: an attribution interrupting the quote
            lead = _INSIDE_ATTRIBUTION_RE.search(text, max(span.start, s - 60), s)
            if lead and _q._VERB_RE.search(lead.group(0)):
                f["inside_attribution"] = 1.0
                if not by_role_in and not _q._complement(text, s) and not _GERUND_RE.search(lead.group(0)):
                    f["slot_inside"] = 1.0
                break
            if lead and lead.group(0)[0] in "-–—" and _DASH_CLOSES_RE.match(text, mention_end(s, inside), span.end):
                f["inside_dash"] = 1.0  # «… – questa la risposta di X – …»: set off by a pair of dashes
                break
        else:
            f["inside_said"] = 1.0  # named in the speech itself: someone spoken of
    if before:
        s, e, by_role = before[-1]
        between = text[e : span.mark_start]
        if any(e <= a < span.mark_start for a, _b in quoted):
            f["before_across_quote"] = 1.0  # another quote stands between: the name leads that one in
        else:
            _side_features(f, "before", between, span.mark_start - e)
        if ctx["nearest_before"] == fold(name):
            f["nearest_before"] = 1.0
        if ctx["sentence_subject"] == fold(name):
            f["sentence_subject"] = 1.0
        if _SHORT_LEAD_COLON_RE.fullmatch(between):
            f["before_colon"] = 1.0
        if _q._complement(text, s):
            f["before_complement"] = 1.0
        elif (
            not by_role
            and ctx["nearest_before"] == fold(name)
            and "before_same_sentence" in f
            and ("before_verb_same_sentence" in f or "before_colon" in f)
            and not _GERUND_RE.search(text, max(0, s - 60), span.mark_start)
            and not _SOURCE_RE.search(between)  # "X, secondo l'opposizione, «…»": someone else tells it
            and not (e <= ctx["sent_start"])  # type: ignore[operator]
        ):
            f["slot_before"] = 1.0
        if by_role:
            f["before_by_role"] = 1.0
        head = text[max(0, s - 3) : s]
        if not head.strip() or _SENTENCE_END_AT_END_RE.search(head):
            f["before_sentence_start"] = 1.0
    if after and not span.open_end:
        s, e, after_by_role = after[0]
        between = text[span.mark_end : s]
        if any(span.mark_end <= a < s for a, _b in quoted):
            f["after_across_quote"] = 1.0
        else:
            _side_features(f, "after", between, s - span.mark_end)
        if ctx["nearest_after"] == fold(name):
            f["nearest_after"] = 1.0
        if len(between) <= 40 and not _SENT_END_RE.search(between) and "\n" not in between:
            f["right_after"] = 1.0
            if _q._VERB_RE.search(between) or _DASH_RE.search(between):
                f["right_after_verb"] = 1.0
        if _q._complement(text, s):
            f["after_complement"] = 1.0
        elif "right_after_verb" in f and not after_by_role and not _GERUND_RE.search(between):
            f["slot_after"] = 1.0
    if not before and not after and not inside and n:
        f["named_elsewhere"] = 1.0
    if "rules_pick" in f:  # how close the rules' pick is named: a carry-over is less sure than a frame
        if "before_same_sentence" in f or "after_same_sentence" in f or "inside" in f:
            f["rules_pick_sentence"] = 1.0
        elif "same_para" in f:
            f["rules_pick_para"] = 1.0
        else:
            f["rules_pick_far"] = 1.0
    return f


def _choices(
    piece: Piece, by_start: dict[int, Span], found: list[tuple[int, Quote]], lean: bool = False
) -> list[tuple[int, QuoteChoice]]:
    """The candidates of every quote the rules found in a span (block quotes are left alone).

    ``lean`` computes only what the desk's confidence reads (``confidence_features``), for speed: a role is
    resolved to its holder only around the quotes (a quote's paragraph and the ones before and after it), and a
    candidate other than the rules' pick, of which the confidence reads only :data:`_RIVAL_EVIDENCE`, keeps no
    features when it cannot hold any of it (named neither in the quote's paragraph nor in the headline, neither the
    nearest nor the most named)."""
    text = piece.text
    names: dict[str, str] = {}
    roles: dict[str, str | None] = {}
    known: dict[str, bool] = {}
    for p in piece.people:
        if p.name and fold(p.name) not in names:
            names[fold(p.name)] = p.name
            roles[fold(p.name)] = p.role
            known[fold(p.name)] = True
    for _s, q in found:
        if q.speaker and fold(q.speaker) not in names:
            key = fold(q.speaker)
            names[key] = q.speaker
            roles[key] = q.role
    fuller: set[str] = set()  # a body's name as printed with its seat, the short form's fuller candidate
    for key in [k for k in names if not known.get(k) and " " not in names[k]]:
        seated = _seated(text, names[key])
        if seated and fold(seated) != key:
            fuller.add(fold(seated))
            if fold(seated) not in names:
                names[fold(seated)], roles[fold(seated)] = seated, None
    ments = _mentions(text, piece, list(names.values()), _around_quotes(piece, by_start, found) if lean else None)
    counts = sorted(((len(v), k) for k, v in ments.items()), reverse=True)
    top = counts[0][1] if counts and counts[0][0] >= 2 and (len(counts) < 2 or counts[1][0] < counts[0][0]) else None
    paras = piece.paras
    quoted = sorted((sp.mark_start, sp.mark_end) for sp in by_start.values())
    inside_quote = [any(a <= m[0] < b for a, b in quoted) for v in ments.values() for m in v]
    flat = [(m, k) for k, v in ments.items() for m in v]
    said = [mk for mk, q in zip(flat, inside_quote, strict=True) if not q]  # mentions outside any quote
    outside: dict[str, list[tuple[int, int, bool]]] = {k: [] for k in ments}  # each candidate's, in order
    for m, k in said:
        outside[k].append(m)
    said_starts = sorted((m[0], k) for m, k in said)
    out: list[tuple[int, QuoteChoice]] = []
    prev, prev_end = "", -1
    for n, (start, q) in enumerate(found):
        span = by_start.get(start)
        if span is None:
            continue
        rules = fold(q.speaker) if q.speaker else NONE
        para_start = text.rfind("\n", 0, span.mark_start) + 1
        para_end = text.find("\n", span.mark_end)
        para_end = len(text) if para_end < 0 else para_end
        sent_start = max(para_start, *(text.rfind(c, 0, span.mark_start) + 1 for c in ".!?"))
        stop = _SENT_END_RE.search(text, span.mark_end, para_end)
        sent_end = stop.start() if stop else para_end
        nb = max(((m[1], k) for m, k in said if m[1] <= span.mark_start), default=(-1, None))
        na = min(((m[0], k) for m, k in said if m[0] >= span.mark_end), default=(-1, None))
        subject = next(
            (k for pos, k in said_starts if sent_start <= pos < span.mark_start and not _q._complement(text, pos)),
            None,
        )  # the first person named in the quote's sentence before it, not after a preposition
        para_names = any(para_start <= m[0] < para_end for v in ments.values() for m in v)
        sentence_names = any(sent_start <= m[0] < sent_end for v in ments.values() for m in v)
        prev_near = prev_end >= 0 and _q._near(paras, prev_end, span)
        verbs = list(_q._VERB_RE.finditer(text, sent_start, span.mark_start))
        if not span.open_end:
            verbs += _q._VERB_RE.finditer(text[: min(sent_end, span.mark_end + 40)], span.mark_end)
        verbs += _q._VERB_RE.finditer(text, span.start, span.end)  # «… – aggiungono – …»
        plural = any(_plural(v.group(0)) for v in verbs)
        ctx: dict[str, object] = {
            "rules": rules,
            "prev": prev,
            "prev_near": prev_near,
            "known": known,
            "top": top,
            "title": piece.title,
            "nearest_before": nb[1],
            "nearest_after": na[1] if not span.open_end else None,
            "para_names": para_names,
            "sentence_names": sentence_names,
            "sentence_subject": subject,
            "quoted": quoted,
            "outside": outside,
            "nearest_before_at": nb[0],
            "nearest_after_at": na[0] if not span.open_end else -1,
            "fuller": fuller,
            "plural": plural,
            "sent_start": sent_start,
            "framed": bool(verbs),
            "alone": not text[para_start : span.mark_start].strip() and not text[span.mark_end : para_end].strip(" ."),
        }
        cands = []
        near = (min(para_start, span.start), max(para_end, span.end))
        for key in sorted(names, key=lambda k: k != rules):  # the rules' pick first: it wins ties
            if lean and key != rules and not _may_rival(key, names[key], ments[key], near, ctx):
                cands.append(Candidate(names[key], roles[key], {}))  # no feature the confidence reads of a rival
                continue
            cands.append(
                Candidate(names[key], roles[key], candidate_features(piece, span, names[key], ments[key], ctx))
            )
        none = Candidate(NONE, None, candidate_features(piece, span, NONE, [], ctx))
        cands.insert(0 if rules == NONE else len(cands), none)
        out.append((n, QuoteChoice(q, rules, cands, prev_near)))
        prev, prev_end = rules, span.mark_end
    return out


def _around_quotes(piece: Piece, by_start: dict[int, Span], found: list[tuple[int, Quote]]) -> list[tuple[int, int]]:
    """The stretches around the quotes in spans: from the paragraph before each one's to the paragraph after."""
    paras, out = piece.paras, []
    for start, _q2 in found:
        span = by_start.get(start)
        if span is None or not paras:
            continue
        first, last = _q._para_index(paras, span.mark_start), _q._para_index(paras, span.mark_end)
        low = paras[max(0, first - 1)][0] if first >= 0 else 0
        high = paras[min(len(paras) - 1, last + 1)][1] if last >= 0 else len(piece.text)
        out.append((low, high + 1))
    return out


def _may_rival(
    key: str, name: str, ments: list[tuple[int, int, bool]], near: tuple[int, int], ctx: dict[str, object]
) -> bool:
    """Whether a candidate may hold any of :data:`_RIVAL_EVIDENCE`: an attribution slot, the quote's sentence or
    paragraph (all need a mention between ``near``'s bounds: the paragraph, or the span when it runs on), the
    nearest mention, the headline, the most mentions."""
    title = ctx["title"]
    return (
        key in (ctx["nearest_before"], ctx["nearest_after"], ctx["top"])
        or bool(title and (name in title or name.split()[-1] in title))  # type: ignore[operator]
        or any(near[0] <= m[0] < near[1] for m in ments)
    )


def quote_choices(
    piece: Piece, by_start: dict[int, Span], found: list[tuple[int, Quote]]
) -> list[tuple[int, QuoteChoice]]:
    """The candidates the chooser reads of each quote found in a span, with the quote's index in ``found``."""
    if not any(start in by_start for start, _q2 in found):
        return []  # no quote in a span: nothing to choose
    return _choices(piece, by_start, found)


def rerank_speakers(piece: Piece, by_start: dict[int, Span], found: list[tuple[int, Quote]]) -> list[tuple[int, Quote]]:
    """The quotes with the speaker the shipped model prefers among the candidates; the rules' speakers untouched
    when no model file is shipped."""
    model = load_model()
    if model is None:
        return found
    choices = quote_choices(piece, by_start, found)
    if not choices:
        return found
    out = list(found)
    for (n, choice), best in zip(choices, decide_piece(model, [c for _n, c in choices]), strict=True):
        if fold(best.name) == choice.rules:
            continue
        q = choice.quote
        out[n] = (out[n][0], Quote(q.text, best.name or None, best.role if best.name else None))
    return out


# The desk's confidence in the rules' speaker: which quotes are *autore da verificare* (``speaker_to_check``).
CONFIDENCE_PATH = MODEL_PATH.with_name("speaker_confidence.json")


@lru_cache(maxsize=1)
def speaker_confidence() -> Confidence | None:
    """The shipped confidence (``data/speaker_confidence.json``), if present; without it the desk's flag is the
    rules' own (no attribution pattern named the speaker, or nobody speaks)."""
    return load_confidence(CONFIDENCE_PATH)


def confidence_features(
    piece: Piece,
    by_start: dict[int, Span],
    found: list[tuple[int, Quote]],
    guessed: set[int],
    routes: dict[int, str],
) -> dict[int, Features]:
    """The evidence for and against the rules' speaker of each quote found in a span, by the span's start: the
    rules' pick's own candidate features (``pick:``), the quote's context as the "no speaker" candidate reads it
    (``ctx:``), how many people compete and whether another stands in an attribution slot or nearer, whether the
    rules guessed, and the quote's shape. Structure only, never a word of the article."""
    out: dict[int, Features] = {}
    if not any(start in by_start for start, _q2 in found):
        return out  # no quote in a span (none, or block quotes only): no candidates to read
    quotes = len(found)
    for n, choice in _choices(piece, by_start, found, lean=True):
        start = found[n][0]
        span = by_start[start]
        pick, rivals = choice.candidates[0], choice.candidates[1:]  # the rules' pick is listed first
        none = next(c for c in choice.candidates if not c.name)
        f: Features = {"pick:" + k: v for k, v in pick.features.items() if k not in _NOT_CONFIDENCE}
        f.update({"ctx:" + k: v for k, v in none.features.items() if k not in _NOT_CONFIDENCE})
        people = [c for c in rivals if c.name]
        f["rivals_log"] = math.log1p(len(people))
        for tag, keys in _RIVAL_EVIDENCE.items():
            if any(k in c.features for c in people for k in keys):
                f["rival_" + tag] = 1.0
        f["guessed"] = float(start in guessed)
        f["route:" + routes.get(start, "unread")] = 1.0
        q = found[n][1]
        if q.speaker:
            f[f"name_words:{min(len(q.speaker.split()), 3)}"] = 1.0
            f["name_lowercase_word"] = float(any(w[:1].islower() for w in q.speaker.split()))
            f["pick_quotes_log"] = math.log1p(sum(fold(o.speaker or "") == choice.rules for _s, o in found))
        f["role"] = float(bool(q.role))
        words = len(piece.text[span.start : span.end].split())
        f["quote_words_log"] = math.log1p(words)
        f["quote_open_end"] = float(span.open_end)
        f["first_quote"] = float(n == 0)
        f["quotes_log"] = math.log1p(quotes)
        f["quote_position"] = span.mark_start / max(len(piece.text), 1)
        out[start] = f
    return out


def block_confidence_features(quote: Quote) -> Features:
    """A block quote (a paragraph set off as speech, no marks): no candidates, only whether a speaker was read."""
    return {"block": 1.0, "block_speaker": float(bool(quote.speaker))}


# the features that are constant here (the pick is the rules' own)
_NOT_CONFIDENCE = frozenset({"rules_pick", "none_rules_pick"})
# what makes another person a rival of the rules' pick: an attribution slot, the quote's sentence, nearest mention
_RIVAL_EVIDENCE = {
    "slot": SLOTS,
    "sentence": ("before_same_sentence", "after_same_sentence", "inside_attribution"),
    "nearest": ("nearest_before", "nearest_after"),
    "para": ("same_para",),
    "title": ("in_title",),
    "most_named": ("most_named",),
}
