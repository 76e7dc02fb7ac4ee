"""Accuracy and throughput of rassegna.nlp on annotated articles.

``python benchmarks/nlp.py --set NAME`` (or a PATH to a JSON file) for the names in ``SETS``: ``corpus-dev-3`` is
``dev-3a.json`` … ``dev-3d.json`` together, ``corpus-sealed-3`` the four sealed parts, and so on for batches 4 to 17;
``--part tune|check`` scores the fixed-seed tune (75) or check (35) part of a set.
Sets annotated before percentages counted as figures (``dev``, ``generalisation``) are scored without them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rassegna.nlp import pipeline_name  # noqa: E402
from tests.nlp.evaluation import (  # noqa: E402
    CORPUS_SETS,
    NO_PERCENT_SETS,
    analyse_articles,
    holdout,
    load_articles,
    score,
    set_files,
    set_path,
    throughput,
)

SETS = (*CORPUS_SETS, "dev", "generalisation")


def ratio(right: int, total: int) -> str:
    """A share as a percentage, or a dash when there is nothing to share."""
    return f"{right / total:.1%}" if total else "—"


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy table and the throughput table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", help="annotated articles (JSON); default: the --set")
    parser.add_argument("--set", dest="name", choices=SETS, default="dev", help="annotated set (default: dev)")
    parser.add_argument(
        "--no-percentages", action="store_true", help="score a PATH annotated without percentage figures"
    )
    parser.add_argument("--part", choices=("tune", "check"), help="only the tune or check part (fixed seed)")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    parser.add_argument("--seconds", type=float, default=2.0, help="minimum timing per measure")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput measure")
    args = parser.parse_args(argv)
    path = Path(args.path) if args.path else set_path(args.name)
    if not set_files(path):
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    percentages = not args.no_percentages and (args.path is not None or args.name not in NO_PERCENT_SETS)
    articles = load_articles(path)
    if args.part:
        articles = holdout(articles, args.part)
    s = score(articles, analyse_articles(articles), percentages=percentages)
    label = path.name if args.path else f"{args.name} ({path.name})"
    label += f", {args.part} part" if args.part else ""
    print(f"rassegna.nlp on {label}: {s.articles} articles, pipeline {pipeline_name()}")
    print(f"percentages scored as figures: {'yes' if percentages else 'no (set annotated without them)'}")
    print()
    print("| measure | score | counts |")
    print("|---|---:|---:|")
    print(f"| city accuracy | {s.city:.1%} | {s.city_ok}/{s.articles} |")
    print(f"| quotes found | {s.quote_recall:.1%} | {s.quotes_found}/{s.quotes_gold} |")
    print(f"| speakers right | {s.speaker_accuracy:.1%} | {s.speakers_ok}/{s.quotes_gold} |")
    print(f"| figure recall | {s.figure_recall:.1%} | {s.figures_found}/{s.figures_gold} |")
    print(f"| figure precision | {s.figure_precision:.1%} | {s.figures_pred_ok}/{s.figures_pred} |")
    # the answers the NLP flags for a reviewer's look and the rest: (label, answers, right, not flagged, of them right)
    for label, total, right, sure, sure_ok in (
        ("city right", s.articles, s.city_ok, s.city_sure, s.city_sure_ok),
        ("speakers right (quotes found)", s.quotes_found, s.speakers_ok, s.speakers_sure, s.speakers_sure_ok),
    ):
        print(f"| {label}, not flagged to check | {ratio(sure_ok, sure)} | {sure_ok}/{sure} |")
        flagged, flagged_ok = total - sure, right - sure_ok
        print(f"| {label}, flagged to check | {ratio(flagged_ok, flagged)} | {flagged_ok}/{flagged} |")
    if not args.no_speed:
        load_before = os.getloadavg()[0]
        t = throughput([a["text"] for a in articles], [a.get("title") for a in articles], args.seconds)
        print()
        print(f"machine load average (1 min) before / after the timing: {load_before:.1f} / {os.getloadavg()[0]:.1f}")
        print()
        print("| throughput (one process, one core) | articles/s (CPU time) | articles/s (wall clock) |")
        print("|---|---:|---:|")
        print(f"| full pipeline ({pipeline_name()}) | {t.full_cpu:,.0f} | {t.full_wall:,.0f} |")
        print(f"| bare tokenisation (nlp.make_doc) | {t.bare_cpu:,.0f} | {t.bare_wall:,.0f} |")
        print(f"| tokenisation is … faster | {t.bare_cpu / t.full_cpu:.1f}× | {t.bare_wall / t.full_wall:.1f}× |")
    if args.errors and s.errors:
        print()
        print("\n".join(s.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
