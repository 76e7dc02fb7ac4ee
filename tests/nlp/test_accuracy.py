"""The accuracy gate: city, quotes, speakers and key figures on annotated articles.

Eleven sets, scored alike:
- ``corpus-dev`` … ``corpus-dev-9``: real Italian news from varied outlets, annotated independently of the rules
  (``fixtures/corpus/dev.json``, the second batch ``dev-2.json``, the parts of batches 3 to 9 ``dev-3a.json`` …
  ``dev-9w.json``, guide in ``fixtures/corpus/ANNOTATION.md``); batches 10 and 11, which measured round 7's
  rules, batch 12 and batch 18, round 9's unseen test, batches 13 to 17, scored after round 7, batch 19, round 10's
  unseen test, batch 20, round 11's, and batch 21, kept for the round after it, are never read here;
  their sealed parts (``sealed*.json``) are never read here — the coordinator scores them with ``benchmarks/nlp.py``.
- ``dev``: the dev articles of ``shared/reference`` (skipped where ../shared is absent).
- ``generalisation``: ``fixtures/generalisation.json``, written for rassegna by the same rules (press-release
  copies for the partner cities, wires, TV/radio summaries, social posts, traps). Regenerate it with
  ``python tests/nlp/fixtures/build_generalisation.py``.

``dev`` and ``generalisation`` were annotated when percentages were not figures: there a found ``%`` figure is
neither right nor wrong (``score(..., percentages=False)``). The corpus counts them (unit ``%``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from rassegna.nlp import analyze
from tests.nlp.evaluation import (
    CORPUS_SETS,
    NO_PERCENT_SETS,
    PARTNER_CITIES,
    Scores,
    analyse_articles,
    holdout,
    load_articles,
    score,
    set_files,
    set_path,
)


@dataclass(frozen=True)
class Gate:
    """Lowest accepted scores of a set."""

    city: float
    quotes: float
    speakers: float
    figure_recall: float
    figure_precision: float


# The old sets meet the targets; the corpus gate is set at what the rules reach on it (README, NLP table).
GATES = {
    "dev": Gate(0.95, 0.90, 0.90, 0.90, 0.85),
    "generalisation": Gate(0.95, 0.90, 0.90, 0.90, 0.85),
    "corpus-dev": Gate(0.93, 0.98, 0.98, 0.98, 0.99),
    "corpus-dev-2": Gate(0.96, 0.96, 0.92, 0.98, 0.98),
    "corpus-dev-3": Gate(0.91, 0.96, 0.92, 0.94, 0.98),
    "corpus-dev-4": Gate(0.93, 0.97, 0.97, 0.97, 0.99),
    "corpus-dev-5": Gate(0.95, 0.93, 0.85, 0.97, 0.97),
    "corpus-dev-6": Gate(0.93, 0.95, 0.80, 0.95, 0.99),
    "corpus-dev-7": Gate(0.96, 0.96, 0.77, 0.94, 0.95),
    "corpus-dev-8": Gate(0.93, 0.98, 0.85, 0.97, 0.95),
    "corpus-dev-9": Gate(0.95, 0.98, 0.90, 0.94, 0.97),  # read by round 7
}


@pytest.fixture(scope="module", params=list(GATES))
def named_set(request: pytest.FixtureRequest) -> tuple[str, list[dict]]:
    path = set_path(request.param)
    if not set_files(path):
        hint = "set RASSEGNA_SHARED to the shared folder" if request.param == "dev" else "merge the corpus branch"
        pytest.skip(f"annotated set {request.param} not found at {path} ({hint})")
    return request.param, load_articles(path)


@pytest.fixture(scope="module")
def scored(named_set: tuple[str, list[dict]]) -> tuple[Gate, Scores]:
    name, articles = named_set
    return GATES[name], score(articles, analyse_articles(articles), percentages=name not in NO_PERCENT_SETS)


def test_city(scored):
    gate, s = scored
    assert s.city >= gate.city, s.errors


def test_quotes_found(scored):
    gate, s = scored
    assert s.quote_recall >= gate.quotes, s.errors


def test_speakers(scored):
    gate, s = scored
    assert s.speaker_accuracy >= gate.speakers, s.errors


def test_key_figures(scored):
    gate, s = scored
    assert s.figure_recall >= gate.figure_recall, s.errors
    assert s.figure_precision >= gate.figure_precision, s.errors


def test_generalisation_set_is_large_enough():
    assert len(load_articles(set_path("generalisation"))) >= 25


def test_each_batch_set_reads_its_own_batch_only():
    # "dev-3*.json" once read batch 30's parts too: a batch kept unseen must never be scored as part of another
    for name in CORPUS_SETS:
        batch = name.rsplit("-", 1)[1] if name.rsplit("-", 1)[1].isdigit() else "1"
        for path in set_files(set_path(name)):
            stem = path.stem.split("-")  # dev, dev-2, dev-30a
            assert (stem[1].rstrip("abcdefghijklmnopqrstuvwxyz") if len(stem) > 1 else "1") == batch, (name, path.name)
    assert [p.name for p in set_files(set_path("corpus-dev-3"))] == [f"dev-3{part}.json" for part in "abcd"]


def test_sealed_set_is_never_read_by_the_gate():
    # the sealed third is scored once, at the end, by hand; nothing in the test suite may tune on it
    assert "corpus-sealed" not in GATES
    assert "corpus-sealed-2" not in GATES
    assert not any(name.startswith("corpus-sealed") for name in GATES)
    assert not any(p.name.startswith("sealed") for p in set_files(set_path("corpus-dev-3")))
    assert len(set_files(set_path("corpus-dev-3"))) == 4  # dev-3a … dev-3d
    assert not any(p.name.startswith("sealed") for p in set_files(set_path("corpus-dev-4")))
    assert len(set_files(set_path("corpus-dev-4"))) == 2  # dev-4e, dev-4f
    assert not any(p.name.startswith("sealed") for p in set_files(set_path("corpus-dev-5")))
    assert len(set_files(set_path("corpus-dev-5"))) == 3  # dev-5g, dev-5h, dev-5i
    assert not any(p.name.startswith("sealed") for p in set_files(set_path("corpus-dev-6")))
    assert len(set_files(set_path("corpus-dev-6"))) == 2  # dev-6j, dev-6k
    assert not any(p.name.startswith("sealed") for p in set_files(set_path("corpus-dev-7")))
    assert len(set_files(set_path("corpus-dev-7"))) == 2  # dev-7l, dev-7m
    assert not any(p.name.startswith("sealed") for p in set_files(set_path("corpus-dev-8")))
    assert len(set_files(set_path("corpus-dev-8"))) == 6  # dev-8n … dev-8s
    assert not any(p.name.startswith("sealed") for p in set_files(set_path("corpus-dev-9")))
    assert len(set_files(set_path("corpus-dev-9"))) == 4  # dev-9t … dev-9w
    # batches 10 and 11 measured round 7, batches 12 to 23 came after its rules: none is gated
    assert not {f"corpus-dev-{batch}" for batch in range(10, 24)} & GATES.keys()
    assert len(set_files(set_path("corpus-dev-13"))) == 6  # dev-13a … dev-13f, no dev-1*.json of other batches
    assert len(set_files(set_path("corpus-dev-14"))) == 6  # dev-14a … dev-14f
    assert len(set_files(set_path("corpus-dev-15"))) == 7  # dev-15a … dev-15g
    assert len(set_files(set_path("corpus-dev-16"))) == 7  # dev-16a … dev-16g
    assert len(set_files(set_path("corpus-dev-17"))) == 7  # dev-17a … dev-17g
    assert len(set_files(set_path("corpus-dev-18"))) == 7  # dev-18a … dev-18g
    assert len(set_files(set_path("corpus-dev-19"))) == 7  # dev-19a … dev-19g
    assert len(set_files(set_path("corpus-dev-20"))) == 5  # dev-20a … dev-20e
    assert len(set_files(set_path("corpus-dev-21"))) == 5  # dev-21a … dev-21e
    assert len(set_files(set_path("corpus-dev-22"))) == 5  # dev-22a … dev-22e
    assert len(set_files(set_path("corpus-dev-23"))) == 5  # dev-23a … dev-23e


def test_a_set_pattern_reads_every_dev_part_and_never_a_sealed_one(tmp_path):
    for name, ids in (("dev-3a.json", ["a1", "a2"]), ("dev-3b.json", ["b1"]), ("sealed-3a.json", ["s1"])):
        (tmp_path / name).write_text(json.dumps([{"id": i, "text": ""} for i in ids]), encoding="utf-8")
    assert [a["id"] for a in load_articles(tmp_path / "dev-3*.json")] == ["a1", "a2", "b1"]
    assert [a["id"] for a in load_articles(tmp_path / "*.json")] == ["a1", "a2", "b1"]
    with pytest.raises(FileNotFoundError, match="no annotated articles"):
        load_articles(tmp_path / "dev-4*.json")


def test_batch_equals_single(named_set):
    sample = named_set[1][:5]
    single = [analyze(a["text"], a.get("title"), partner_cities=PARTNER_CITIES) for a in sample]
    assert analyse_articles(sample) == single


def test_holdout_split_is_fixed_and_disjoint():
    articles = load_articles(set_path("corpus-dev"))
    tune, check = holdout(articles, "tune"), holdout(articles, "check")
    assert len(check) == 35 and len(tune) + len(check) == len(articles)
    assert not {a["id"] for a in tune} & {a["id"] for a in check}
    assert [a["id"] for a in holdout(articles, "check")] == [a["id"] for a in check]  # the seed fixes it
    with pytest.raises(ValueError, match="tune or check"):
        holdout(articles, "sealed")
