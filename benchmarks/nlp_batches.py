"""Per-batch totals of rassegna.nlp on the annotated corpus, with no per-article listing.

``python benchmarks/nlp_batches.py 1-14`` (or ``15,16,17,18``) prints one row per batch, its dev and sealed halves
together, and the total: what a rule writer may see of batches kept for validation (notes/speaker-model-decisions.md,
rounds 10 and 11). The unseen batches (``UNSEEN_BATCHES`` in tests/nlp/evaluation.py) are refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.nlp.evaluation import (  # noqa: E402
    LAST_BATCH,
    UNSEEN_BATCHES,
    Scores,
    analyse_articles,
    batch_sets,
    load_articles,
    score,
    set_path,
)

COUNTS = ("articles", "city_ok", "quotes_found", "quotes_gold", "speakers_ok", "figures_found", "figures_gold",
          "figures_pred_ok", "figures_pred")  # fmt: skip


def add_counts(total: Scores, other: Scores) -> None:
    """Add another row's counts to ``total`` (the misses are not kept: nothing here lists them)."""
    for name in COUNTS:
        setattr(total, name, getattr(total, name) + getattr(other, name))


def row(label: str, s: Scores) -> str:
    """One batch's counts as a Markdown row."""
    return (
        f"| {label} | {s.articles} | {s.city_ok} | {s.quotes_found}/{s.quotes_gold} | {s.speakers_ok} | "
        f"{s.figures_found}/{s.figures_gold} | {s.figures_pred_ok}/{s.figures_pred} |"
    )


def batch_numbers(spec: str) -> list[int]:
    """``1-14`` or ``15,16,17,18`` as a list of batch numbers."""
    if "-" in spec:
        low, high = (int(part) for part in spec.split("-", 1))
        return list(range(low, high + 1))
    return [int(part) for part in spec.split(",") if part]


def batch_totals(batch: int) -> Scores:
    """Score both halves of one batch."""
    totals = Scores()
    for name in batch_sets(batch):
        articles = load_articles(set_path(name))
        add_counts(totals, score(articles, analyse_articles(articles)))
    return totals


def main(argv: list[str] | None = None) -> int:
    """Print the per-batch table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("batches", help=f"batch numbers: a range '1-14' or a list '15,16,17,18' (1..{LAST_BATCH})")
    args = parser.parse_args(argv)
    try:
        batches = batch_numbers(args.batches)
    except ValueError:
        parser.error(f"not a batch range or list: {args.batches!r}")
    unknown = [b for b in batches if not 1 <= b <= LAST_BATCH]
    if unknown:
        parser.error(f"no such batch: {', '.join(map(str, unknown))} (the corpus has batches 1 to {LAST_BATCH})")
    unseen = sorted(set(batches) & UNSEEN_BATCHES)
    if unseen:
        which = f"batch {unseen[0]} is" if len(unseen) == 1 else f"batches {', '.join(map(str, unseen))} are"
        parser.error(f"{which} kept unseen for the next change to the NLP: not scored")
    print("| batch | articles | city | quotes found | speakers | figures found | figures right/predicted |")
    print("|---|---|---|---|---|---|---|")
    total = Scores()
    for batch in batches:
        totals = batch_totals(batch)
        add_counts(total, totals)
        print(row(str(batch), totals))
    print(row("**all**", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
