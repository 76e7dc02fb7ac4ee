"""Accuracy and throughput of rassegna.nlp on annotated articles: ``python benchmarks/nlp.py [PATH]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rassegna.nlp import pipeline_name  # noqa: E402
from rassegna.nlp.evaluation import analyse_articles, load_articles, score, throughput  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "articles-dev.json"


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy table and the throughput table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(DEFAULT), help="annotated articles (JSON)")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    parser.add_argument("--seconds", type=float, default=2.0, help="minimum timing per measure")
    args = parser.parse_args(argv)
    path = Path(args.path)
    if not path.exists():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    articles = load_articles(path)
    s = score(articles, analyse_articles(articles))
    print(f"rassegna.nlp on {path.name}: {s.articles} articles, pipeline {pipeline_name()}")
    print()
    print("| measure | score | counts |")
    print("|---|---:|---:|")
    print(f"| city accuracy | {s.city:.1%} | {s.city_ok}/{s.articles} |")
    print(f"| quote recall | {s.quote_recall:.1%} | {s.quotes_found}/{s.quotes_gold} |")
    print(f"| speaker accuracy | {s.speaker_accuracy:.1%} | {s.speakers_ok}/{s.quotes_gold} |")
    print(f"| figure recall (key figures) | {s.figure_recall:.1%} | {s.figures_found}/{s.figures_gold} |")
    print(f"| figure precision | {s.figure_precision:.1%} | {s.figures_pred_ok}/{s.figures_pred} |")
    full, bare = throughput([a["text"] for a in articles], [a.get("title") for a in articles], args.seconds)
    print()
    print("| throughput | articles/s |")
    print("|---|---:|")
    print(f"| full pipeline ({pipeline_name()}) | {full:,.0f} |")
    print(f"| bare tokenisation (nlp.make_doc) | {bare:,.0f} |")
    print(f"| ratio full / tokenisation | {full / bare:.2f}× (tokenisation is {bare / full:.1f}× faster) |")
    if args.errors and s.errors:
        print()
        print("\n".join(s.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
