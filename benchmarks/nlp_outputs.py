"""Every output of rassegna.nlp on every scored and dev set, dumped to JSON and compared: the identity check of a
change meant to leave the analyses as they were (a speed change, a refactoring).

``python benchmarks/nlp_outputs.py dump OUT.json`` analyses each article of ``dev``, ``generalisation`` and both parts
(dev and sealed) of every corpus batch already scored, and writes every analysis (city and its flag, places, figures,
quotes with speaker, role and flag, journalist) by set and article id. ``python benchmarks/nlp_outputs.py compare
A.json B.json`` prints how many articles differ, by field and by set, and the first few differences; it exits 1 when
any differ. Make the reference dump before the change (``git worktree add`` of the base commit, or a dump taken
first). The batches kept unseen (``UNSEEN_BATCHES``) are never opened.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.nlp.evaluation import (  # noqa: E402
    LAST_BATCH,
    UNSEEN_BATCHES,
    analyse_articles,
    batch_sets,
    load_articles,
    set_path,
)


def set_names() -> list[str]:
    """``dev``, ``generalisation`` and the dev and sealed parts of every batch, minus those kept unseen."""
    names = ["dev", "generalisation"]
    for batch in range(1, LAST_BATCH + 1):
        if batch not in UNSEEN_BATCHES:
            names += batch_sets(batch)
    return names


def dump(out: Path, names: list[str]) -> int:
    """Analyse every article of the named sets and write the analyses as JSON (sorted keys, one set a key)."""
    data: dict[str, list[dict[str, Any]]] = {}
    t0, total = time.process_time(), 0
    for name in names:
        articles = load_articles(set_path(name))
        analyses = analyse_articles(articles)
        data[name] = [
            {"id": str(art.get("id", i)), "analysis": dataclasses.asdict(an)}
            for i, (art, an) in enumerate(zip(articles, analyses, strict=True))
        ]
        total += len(articles)
    out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    print(f"{total} articles of {len(names)} sets dumped to {out} ({time.process_time() - t0:.1f} CPU-s)")
    return 0


def compare(a_path: Path, b_path: Path, show: int) -> int:
    """Count the articles whose analyses differ, by field and set, and print the first ``show`` differences."""
    a = json.loads(a_path.read_text(encoding="utf-8"))
    b = json.loads(b_path.read_text(encoding="utf-8"))
    if a.keys() != b.keys():
        print(f"different sets: only in A {sorted(a.keys() - b.keys())}, only in B {sorted(b.keys() - a.keys())}")
    articles = differing = 0
    by_field: dict[str, int] = {}
    by_set: dict[str, int] = {}
    examples: list[str] = []
    for name in [n for n in a if n in b]:
        if [r["id"] for r in a[name]] != [r["id"] for r in b[name]]:
            print(f"{name}: the articles differ (ids or order)")
            differing += 1
            continue
        for ra, rb in zip(a[name], b[name], strict=True):
            articles += 1
            if ra["analysis"] == rb["analysis"]:
                continue
            differing += 1
            by_set[name] = by_set.get(name, 0) + 1
            for key in sorted(ra["analysis"].keys() | rb["analysis"].keys()):
                va, vb = ra["analysis"].get(key), rb["analysis"].get(key)
                if va != vb:
                    by_field[key] = by_field.get(key, 0) + 1
                    if len(examples) < show:
                        examples.append(f"{name} {ra['id']} {key}:\n  A: {va!r}\n  B: {vb!r}")
    print(f"{articles} articles compared, {differing} differ")
    if differing:
        print("by field: " + ", ".join(f"{k} {v}" for k, v in sorted(by_field.items())))
        print("by set: " + ", ".join(f"{k} {v}" for k, v in by_set.items()))
        print("\n".join(examples))
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    """``dump OUT`` or ``compare A B``."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p_dump = sub.add_parser("dump", help="analyse every set and write the analyses")
    p_dump.add_argument("out", type=Path)
    p_dump.add_argument("--set", dest="names", action="append", help="only this set (repeatable)")
    p_cmp = sub.add_parser("compare", help="compare two dumps")
    p_cmp.add_argument("a", type=Path)
    p_cmp.add_argument("b", type=Path)
    p_cmp.add_argument("--show", type=int, default=5, help="how many differences to print (default 5)")
    args = parser.parse_args(argv)
    if args.command == "dump":
        names = args.names or set_names()
        unknown = [n for n in names if n not in set_names()]
        if unknown:
            parser.error(f"not a dumped set: {', '.join(unknown)}")
        return dump(args.out, names)
    return compare(args.a, args.b, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
