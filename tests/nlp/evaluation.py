"""Scoring of the NLP against annotated articles (``articles-dev.json``), shared by benchmarks/nlp.py and
tests/nlp (test-only code, kept out of the package; the benchmark puts the repository on sys.path)."""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rassegna.domain import Analysis, Figure
from rassegna.nlp import gazetteer
from rassegna.nlp.textutil import fold

PARTNER_CITIES = (
    'Bologna', 'Caserta', 'Firenze', 'Genova', 'Latina', 'Milano', 'Napoli', 'Palermo', 'Perugia',
    'Potenza', 'Roma', 'Sassari', 'Taranto', 'Torino', 'Trieste', 'Bolzano',
)  # fmt: skip


def shared_dir() -> Path:
    """``$RASSEGNA_SHARED``, else the ``shared`` folder next to the repository."""
    env = os.environ.get("RASSEGNA_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared"


def dev_path() -> Path:
    """Where ``articles-dev.json`` is expected."""
    return shared_dir() / "reference" / "articles-dev.json"


REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "nlp" / "fixtures"
# Sets annotated under the first rule, where percentages are not figures: predicted ``%`` figures are not scored.
NO_PERCENT_SETS = frozenset({"dev", "generalisation"})


def batch_sets(batch: int | str) -> tuple[str, str]:
    """The names of one corpus batch's two parts (batch 1's have no number)."""
    return ("corpus-dev", "corpus-sealed") if int(batch) == 1 else (f"corpus-dev-{batch}", f"corpus-sealed-{batch}")


# The corpus batches training scripts read (both parts of each): only batches already scored and reported. These are
# the batches the current rules (round 10's outputs) were written reading: their pick is in-sample there.
TRAINING_BATCHES: dict[str, tuple[str, str]] = {str(b): batch_sets(b) for b in range(1, 15)}


# The batches no writer of the current rules read (scored and reported): where the rules' pick is an honest feature.
# Round 9's choosers were trained on 10, 11 and 13-17, then unread; round 10's writers read batches 1-14 and round
# 13's choosers trained on 15-21, round 14's on 15-22, round 15's on 15-23 (notes/speaker-model-decisions.md).
# Round 16's writers read 19-24 and round 17's 19-25, and stop 40 opened 26-30 to rule writers: for the current
# rules, only 15-18 (scored by totals) and 31 to 57 (each scored once) are unread (stop 32's two speaker rules were
# chosen seeing 26-32's speaker misses as name pairs, never their texts). Stop 44's two city rules were chosen reading
# the city misses of batches 1-54 (headlines and leads; they fire on 11 articles, 6 of them in 31-39), and it listed
# the speaker misses of 40-54 without writing a rule from them (and three quotes of 40 and 51, to see why a dropped rule
# lost them): for the city, these batches are no longer wholly unread. Stop 45's given names a piece shows (S16) were
# chosen from the speaker misses of 1-14 and 19-30 and the totals of 1-55; batch 56 was scored once after it. Its
# surname before a clause (S17) was chosen the same way, with the totals of 1-56; batch 57 was scored once after it.
# Stops 46 to 48 chose their rules (S18-S29, C3) the same way, from the misses of 1-14 and 19-30 and the totals of
# every scored batch, each new batch scored once after its rule (58-68; notes/speaker-model-decisions.md).
OUT_OF_SAMPLE_BATCHES: dict[str, tuple[str, str]] = {str(b): batch_sets(b) for b in (15, 16, 17, 18, *range(31, 69))}


LAST_BATCH = 70  # the newest annotated batch of the corpus (fixtures/corpus/ANNOTATION.md)
# The batches kept unscored as the unseen test of the next change to the NLP: tools that score by batch refuse them.
UNSEEN_BATCHES: frozenset[int] = frozenset({69, 70})


def _corpus_sets() -> dict[str, Path]:
    """The corpus parts by name: batches 1 and 2 are one file each, batches 3 on come in annotator parts."""
    corpus = FIXTURES / "corpus"
    sets = {
        "corpus-dev": corpus / "dev.json",
        "corpus-sealed": corpus / "sealed.json",
        "corpus-dev-2": corpus / "dev-2.json",
        "corpus-sealed-2": corpus / "sealed-2.json",
    }
    for batch in range(3, LAST_BATCH + 1):
        # a part's letter follows the whole batch number: "dev-3*.json" would also read batch 30's "dev-30a.json"
        sets[f"corpus-dev-{batch}"] = corpus / f"dev-{batch}[a-z]*.json"
        sets[f"corpus-sealed-{batch}"] = corpus / f"sealed-{batch}[a-z]*.json"
    return sets


CORPUS_SETS = _corpus_sets()


def set_path(name: str) -> Path:
    """Where the named annotated set lives: ``dev``, ``generalisation``, or a corpus part of ``CORPUS_SETS``,
    ``corpus-dev`` … ``corpus-dev-17`` and ``corpus-sealed`` … ``corpus-sealed-17`` (batches 3–17 come in annotator
    parts: a pattern such as ``dev-3[a-z]*.json``, read by :func:`load_articles`)."""
    paths = {"dev": dev_path(), "generalisation": FIXTURES / "generalisation.json", **CORPUS_SETS}
    if name not in paths:
        raise ValueError(f"unknown annotated set {name!r}: expected one of {', '.join(paths)}")
    return paths[name]


def set_files(path: Path | str) -> list[Path]:
    """The files of a set: the path itself, or the files a ``*`` pattern in its name matches, sorted; a
    sealed file (``sealed*.json``) is among them only when the pattern itself names sealed files, so a dev
    pattern cannot open one by accident."""
    path = Path(path)
    if "*" not in path.name:
        return [path] if path.exists() else []
    sealed_asked = path.name.startswith("sealed")
    return sorted(p for p in path.parent.glob(path.name) if sealed_asked or not p.name.startswith("sealed"))


def load_articles(path: Path | str | None = None) -> list[dict]:
    """The annotated articles (a JSON list, or an object holding them under ``articles``), from one file or
    from every file a pattern matches (``dev-3*.json``: one set made of both annotators' parts)."""
    files = set_files(path or dev_path())
    if not files:
        raise FileNotFoundError(f"no annotated articles at {path or dev_path()}")
    articles: list[dict] = []
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        articles.extend(data["articles"] if isinstance(data, dict) else data)
    return articles


def batch_articles(batch: int | str) -> list[dict]:
    """Both parts of one corpus batch, dev then sealed."""
    return [a for name in batch_sets(batch) for a in load_articles(set_path(name))]


def second_annotation(batch: int | str) -> list[dict]:
    """The blind second annotation of a batch for the agreement studies (``corpus/agreement/``): one file
    (``second-6.json``) or one per annotator (``second-63-1.json`` …); empty where the batch has none."""
    agreement = FIXTURES / "corpus" / "agreement"
    files = set_files(agreement / f"second-{batch}.json") + set_files(agreement / f"second-{batch}-[0-9]*.json")
    return [a for file in files for a in load_articles(file)]


HOLDOUT_SEED = 20261129
HOLDOUT_CHECK = 35


def holdout(articles: Sequence[dict], part: str, seed: int = HOLDOUT_SEED) -> list[dict]:
    """The ``tune`` or ``check`` part of a set: ``check`` is a fixed-seed sample of 35 articles (by id),
    kept apart while writing rules so that its score says whether a fix generalises."""
    if part not in ("tune", "check"):
        raise ValueError(f"unknown part {part!r}: expected tune or check")
    ids = sorted(str(a.get("id", i)) for i, a in enumerate(articles))
    check = set(random.Random(seed).sample(ids, min(HOLDOUT_CHECK, len(ids) // 3)))
    return [a for i, a in enumerate(articles) if (str(a.get("id", i)) in check) == (part == "check")]


def _stems(unit: str) -> list[str]:
    return [re.sub(r"[aeiou]+$", "", w) or w for w in re.findall(r"\w+", fold(unit))]


# The two sides of a vote as annotators write them; the guide's unit is "voti favorevoli" (ANNOTATION.md)
_VOTE_SIDES = {
    **dict.fromkeys(("si", "favorevoli", "favorevole", "voti favorevoli", "voti a favore", "a favore"), "yes"),
    **dict.fromkeys(("no", "contrari", "contrario", "voti contrari", "voti contro"), "no"),
}


def _vote_side(unit: str) -> str | None:
    return _VOTE_SIDES.get(" ".join(re.findall(r"\w+", fold(unit))))


def unit_matches(a: str, b: str) -> bool:
    """Lenient unit comparison: case, accents, singular/plural, extra words before or after (``persone migranti``,
    ``nuovi posti``), and the sides of a vote however written (``sì`` is ``voti favorevoli``)."""
    if a.strip() == b.strip():
        return True  # "%" has no word to stem
    side = _vote_side(a)
    if side is not None and side == _vote_side(b):
        return True
    sa, sb = _stems(a), _stems(b)
    short, longer = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return bool(short) and any(longer[i : i + len(short)] == short for i in range(len(longer) - len(short) + 1))


def figure_matches(pred: Figure, gold: dict) -> bool:
    """Same value and a leniently equal unit."""
    return float(pred.value) == float(gold["value"]) and unit_matches(pred.unit, gold["unit"])


def quote_matches(text: str, start: str) -> bool:
    """A found quote matches an annotated one when it starts with the annotated first 40 characters."""
    found, gold = fold(text), fold(start)[:38]
    # a quote shorter than 40 characters: the annotated start runs on past its closing mark
    short = len(found) >= 8 and len(found) < len(gold) and gold.startswith(found)
    return found.startswith(gold) or gold in found[:80] or short


@dataclass(slots=True)
class Scores:
    """Counts behind the accuracy figures."""

    articles: int = 0
    city_ok: int = 0
    quotes_gold: int = 0
    quotes_found: int = 0
    speakers_ok: int = 0
    figures_gold: int = 0
    figures_found: int = 0
    figures_pred: int = 0
    figures_pred_ok: int = 0
    # the articles and found quotes the NLP does not flag for a reviewer's look, and how many of them are right
    city_sure: int = 0
    city_sure_ok: int = 0
    speakers_sure: int = 0
    speakers_sure_ok: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def city(self) -> float:
        """City accuracy."""
        return self._ratio(self.city_ok, self.articles)

    @property
    def quote_recall(self) -> float:
        """Annotated quotes found."""
        return self._ratio(self.quotes_found, self.quotes_gold)

    @property
    def speaker_accuracy(self) -> float:
        """Annotated quotes found with the right speaker."""
        return self._ratio(self.speakers_ok, self.quotes_gold)

    @property
    def figure_recall(self) -> float:
        """Non-optional annotated figures found."""
        return self._ratio(self.figures_found, self.figures_gold)

    @property
    def figure_precision(self) -> float:
        """Predicted figures that match an annotated one (optional ones included)."""
        return self._ratio(self.figures_pred_ok, self.figures_pred)


def same_city(predicted: str | None, gold: str | None) -> bool:
    """The same comune: the same name, or the gold's other spelling of the comune rassegna names ("Cocquio
    Trevisago" for Cocquio-Trevisago, "Salorno" for Salorno sulla Strada del Vino). A quarter is not its comune."""
    if fold(predicted or "") == fold(gold or ""):
        return True
    if not predicted or not gold or fold(gold) in _QUARTER_KEYS:
        return False
    comune = gazetteer.comuni().get(fold(gold))
    return comune is not None and fold(comune.name) == fold(predicted)


_QUARTER_KEYS = frozenset(fold(q) for quarters in gazetteer.QUARTERS.values() for q in quarters)


def score(articles: Sequence[dict], analyses: Sequence[Analysis], *, percentages: bool = True) -> Scores:
    """Compare analyses with the annotations, article by article.

    ``percentages=False`` scores a set annotated when percentages were not figures: found ``%`` figures are
    then neither right nor wrong (left out of precision), and annotated ones are not expected."""
    s = Scores()
    for art, an in zip(articles, analyses, strict=True):
        if not percentages:
            an = replace(an, figures=[f for f in an.figures if f.unit != "%"])
        aid = art.get("id", "?")
        s.articles += 1
        city_right = same_city(an.city, art.get("city"))
        s.city_sure += not an.city_to_check
        s.city_sure_ok += city_right and not an.city_to_check
        if city_right:
            s.city_ok += 1
        else:
            s.errors.append(f"{aid} city: {an.city!r} != {art.get('city')!r}")
        for g in art.get("quotes", []):
            s.quotes_gold += 1
            hit = next((q for q in an.quotes if quote_matches(q.text, g["start"])), None)
            if hit is None:
                s.errors.append(f"{aid} quote missed: {g['start']!r}")
                continue
            s.quotes_found += 1
            speaker_right = fold(hit.speaker or "") == fold(g.get("speaker_canonical") or g.get("speaker") or "")
            s.speakers_sure += not hit.speaker_to_check
            s.speakers_sure_ok += speaker_right and not hit.speaker_to_check
            if speaker_right:
                s.speakers_ok += 1
            else:
                s.errors.append(f"{aid} speaker: {hit.speaker!r} != {g.get('speaker_canonical')!r}")
        gold_figs = [g for g in art.get("figures", []) if percentages or g.get("unit") != "%"]
        score_figures(s, gold_figs, an.figures, aid)
    return s


def score_figures(s: Scores, gold: Sequence[dict], predicted: Sequence[Figure], aid: str = "?") -> None:
    """Add one article's figures to the counts: non-optional annotated ones found, predicted ones right."""
    for g in gold:
        if g.get("optional"):
            continue
        s.figures_gold += 1
        if any(figure_matches(p, g) for p in predicted):
            s.figures_found += 1
        else:
            s.errors.append(f"{aid} figure missed: {g['value']} {g['unit']} ({g['text']!r})")
    for p in predicted:
        s.figures_pred += 1
        if any(figure_matches(p, g) for g in gold):
            s.figures_pred_ok += 1
        else:
            s.errors.append(f"{aid} figure extra: {p.value} {p.unit} ({p.text!r})")


def analyse_articles(articles: Sequence[dict]) -> list[Analysis]:
    """Run the batch API on the annotated articles."""
    from rassegna.nlp import analyze_many

    return analyze_many([(a.get("title"), a["text"]) for a in articles], partner_cities=PARTNER_CITIES)


@dataclass(slots=True)
class Throughput:
    """Articles per second of the full pipeline and of bare tokenisation, by wall clock and by CPU time."""

    full_wall: float
    full_cpu: float
    bare_wall: float
    bare_cpu: float


def throughput(texts: Sequence[str], titles: Sequence[str | None], min_seconds: float = 1.0) -> Throughput:
    """Measured on the same texts, in this one process (one core). CPU time (``time.process_time``) is what
    one core spends, whatever else the machine runs; wall time also counts waiting for a busy machine."""
    from rassegna.nlp import analyze_many, load_pipeline

    nlp = load_pipeline()
    items = list(zip(titles, texts, strict=True))
    analyze_many(items, partner_cities=PARTNER_CITIES)  # warm-up: gazetteer, caches, vocabulary

    def rate(fn) -> tuple[float, float]:
        done, t0, c0 = 0, time.perf_counter(), time.process_time()
        while True:
            fn()
            done += len(texts)
            elapsed = time.perf_counter() - t0
            if elapsed >= min_seconds:
                return done / elapsed, done / max(time.process_time() - c0, 1e-9)

    full = rate(lambda: analyze_many(items, partner_cities=PARTNER_CITIES))
    bare = rate(lambda: [nlp.make_doc(t) for t in texts])
    return Throughput(full[0], full[1], bare[0], bare[1])
