"""Per-batch totals of rassegna.nlp on the annotated corpus, with no per-article listing.

``python benchmarks/nlp_batches.py 1-14`` (or ``15,16,17,18``) prints one row per batch, its dev and sealed halves
together, and the total: what a rule writer may see of batches kept for validation (notes/speaker-model-decisions.md,
rounds 10 and 11). The unseen batches (``UNSEEN_BATCHES`` in tests/nlp/evaluation.py) are refused.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.nlp.evaluation import (  # noqa: E402
    LAST_BATCH,
    UNSEEN_BATCHES,
    analyse_articles,
    load_articles,
    score,
    set_path,
)


@dataclass(slots=True)
class Totals:
    """The counts behind one row."""

    articles: int = 0
    city_ok: int = 0
    quotes_found: int = 0
    quotes_gold: int = 0
    speakers_ok: int = 0
    figures_found: int = 0
    figures_gold: int = 0
    figures_pred_ok: int = 0
    figures_pred: int = 0

    def add(self, other: Totals) -> None:
        """Add another row's counts to this one."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def row(self, label: str) -> str:
        """The row as Markdown."""
        return (
            f"| {label} | {self.articles} | {self.city_ok} | {self.quotes_found}/{self.quotes_gold} | "
            f"{self.speakers_ok} | {self.figures_found}/{self.figures_gold} | "
            f"{self.figures_pred_ok}/{self.figures_pred} |"
        )


def batch_numbers(spec: str) -> list[int]:
    """``1-14`` or ``15,16,17,18`` as a list of batch numbers."""
    if "-" in spec:
        low, high = (int(part) for part in spec.split("-", 1))
        return list(range(low, high + 1))
    return [int(part) for part in spec.split(",") if part]


def batch_totals(batch: int) -> Totals:
    """Score both halves of one batch."""
    names = ["corpus-dev", "corpus-sealed"] if batch == 1 else [f"corpus-dev-{batch}", f"corpus-sealed-{batch}"]
    totals = Totals()
    for name in names:
        articles = load_articles(set_path(name))
        scores = score(articles, analyse_articles(articles))
        totals.add(Totals(**{f.name: getattr(scores, f.name) for f in fields(Totals)}))
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
        parser.error(f"batch {', '.join(map(str, unseen))} is kept unseen for the next change to the NLP: not scored")
    print("| batch | articles | city | quotes found | speakers | figures found | figures right/predicted |")
    print("|---|---|---|---|---|---|---|")
    total = Totals()
    for batch in batches:
        totals = batch_totals(batch)
        total.add(totals)
        print(totals.row(str(batch)))
    print(total.row("**all**"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
