"""Titles and journalists on the pages of trafilatura's evaluation set that the regression set does not select.

A check that the title and byline rules are not fitted to the regression set's pages: the same extraction and
scoring as ``tests/crawler/test_extraction_accuracy.py`` over the other pages of ``tests/evaldata.json`` (read
from the public snapshot at the commit named in ``selection.json``; nothing is shipped). Not a gate.
``python benchmarks/extraction_others.py [--misses]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "crawler"), str(ROOT)]  # the test module imports tests.crawler.*

try:
    import test_extraction_accuracy as scoring  # the scoring of the regression set
except BaseException as skipped:  # noqa: BLE001 - pytest's module-level skip: the peer snapshots are absent
    sys.exit(f"cannot run: {skipped}")

from rassegna.crawler.extract import decode_html, extract_article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every author missed")
    args = parser.parse_args()
    commit = scoring.SELECTION["commits"][scoring.TRAF]
    git_dir = scoring.SNAPSHOTS[scoring.TRAF]
    assert git_dir is not None
    listing = ["git", "--git-dir", str(git_dir), "ls-tree", "--name-only", commit, "tests/eval/"]
    in_repo = {
        path.rsplit("/", 1)[-1]: path for path in subprocess.run(listing, capture_output=True, text=True).stdout.split()
    }
    gold = json.loads(scoring.read_files(git_dir, commit, ["tests/evaldata.json"])["tests/evaldata.json"])
    selected = {case["path"].rsplit("/", 1)[-1] for case in scoring.SELECTION["cases"]}
    others = [(url, entry) for url, entry in gold.items() if entry["file"] not in selected and entry["file"] in in_repo]
    pages = scoring.read_files(git_dir, commit, [in_repo[entry["file"]] for _, entry in others])
    authors, titles, named_without_gold, without_gold = [], [], 0, 0
    for url, entry in others:
        raw = pages[in_repo[entry["file"]]]
        html = decode_html(gzip.decompress(raw) if entry["file"].endswith(".gz") else raw)
        ours = extract_article(html, url)
        want, got = scoring.gold_people(entry.get("author")), scoring.our_people(ours.author if ours else None)
        if want:
            authors.append(got == want)
            if args.misses and got != want:
                print(f"  {entry['file']}: {ours.author if ours else None!r} != {entry.get('author')!r}")
        else:
            without_gold += 1
            named_without_gold += bool(got)
        if entry.get("title"):
            titles.append(scoring.same_title(ours.title if ours else "", entry["title"]))
    print(
        f"{len(others)} pages: authors exact {scoring.rate(authors):.1%} of {len(authors)}; "
        f"titles exact {scoring.rate(titles):.1%} of {len(titles)}; "
        f"a name on {named_without_gold} of {without_gold} pages without one"
    )


if __name__ == "__main__":
    main()
