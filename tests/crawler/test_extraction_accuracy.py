"""Extraction regression set: real pages from peer projects' public test data, scored against their gold.

Body text on the article-extraction-benchmark pages (token F1 against bare trafilatura on the same pages);
title, author and date on trafilatura's evaluation pages. Sources and licences: fixtures/extraction/SOURCES.md.

Only our selection ships (fixtures/extraction/selection.json: id, source, path in the source repository); the
pages and the gold are read at test time from the public snapshots of the two repositories at the named commits,
looked for under $RASSEGNA_EXTRACTION_MIRRORS (default /work/.mirror, then the .mirror beside this checkout) as
<owner>+<name>/repo. Without them the module is skipped. The scoring functions are in extraction_scoring.py,
shared with the fundus set (test_extraction_fundus.py).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
import trafilatura

from rassegna.crawler.extract import TRAFILATURA_OPTIONS, decode_html, extract_article
from tests.crawler.extraction_scoring import (
    gold_people,
    our_people,
    rate,
    read_files,
    same_moment,
    same_title,
    seeded_half,
    snapshot,
    token_f1,
)

FIXTURES = Path(__file__).parent / "fixtures" / "extraction"
AEB, TRAF = "scrapinghub/article-extraction-benchmark", "adbar/trafilatura"
_SKIP_REASON = f"peer test data not on this machine: fetch github:{AEB} and github:{TRAF}"


@dataclass
class Scores:
    """The figures of one run over the regression set."""

    body_pages: int = 0
    f1_ours: float = 0.0
    f1_trafilatura: float = 0.0
    halved: list[str] = field(default_factory=list)
    titles: list[bool] = field(default_factory=list)
    authors: list[bool] = field(default_factory=list)
    junk_authors: list[str] = field(default_factory=list)
    no_author_pages: int = 0
    dates_ours: list[bool] = field(default_factory=list)
    dates_trafilatura: list[bool] = field(default_factory=list)
    title_ids: list[str] = field(default_factory=list)
    author_ids: list[str] = field(default_factory=list)
    date_ids: list[str] = field(default_factory=list)
    title_misses: list[str] = field(default_factory=list)
    author_misses: list[str] = field(default_factory=list)
    date_misses: list[str] = field(default_factory=list)


SELECTION = json.loads((FIXTURES / "selection.json").read_text(encoding="utf-8"))
SNAPSHOTS = {repo: snapshot(repo, commit) for repo, commit in SELECTION["commits"].items()}
if not all(SNAPSHOTS.values()):
    pytest.skip(_SKIP_REASON, allow_module_level=True)


@cache
def load_cases() -> list[dict]:
    """Our selection with each page's html, address and gold, read from the peer snapshots."""
    aeb = [c for c in SELECTION["cases"] if c["source"] == "article-extraction-benchmark"]
    traf = [c for c in SELECTION["cases"] if c["source"] != "article-extraction-benchmark"]
    files = read_files(SNAPSHOTS[AEB], SELECTION["commits"][AEB], ["ground-truth.json"] + [c["path"] for c in aeb])
    gold = json.loads(files["ground-truth.json"])
    cases = []
    for c in aeb:
        truth = gold[c["path"].rsplit("/", 1)[-1].removesuffix(".html.gz")]
        html = gzip.decompress(files[c["path"]])
        cases.append({**c, "html": html, "url": truth["url"], "body": truth["articleBody"]})
    files = read_files(SNAPSHOTS[TRAF], SELECTION["commits"][TRAF], ["tests/evaldata.json"] + [c["path"] for c in traf])
    by_file = {entry["file"]: (url, entry) for url, entry in json.loads(files["tests/evaldata.json"]).items()}
    for c in traf:
        url, entry = by_file[c["path"].rsplit("/", 1)[-1]]
        html = files[c["path"]]
        if c["path"].endswith(".gz"):
            html = gzip.decompress(html)
        gold_values = {key: entry.get(key) or None for key in ("title", "author", "date")}
        cases.append({**c, "html": html, "url": url, **gold_values})
    return cases


def _html(case: dict) -> str:
    return decode_html(case["html"])


@cache
def scores() -> Scores:
    """Run our extraction (and bare trafilatura where compared) over every page once."""
    s = Scores()
    f1_ours: list[float] = []
    f1_base: list[float] = []
    for case in load_cases():
        html, url = _html(case), case["url"]
        ours = extract_article(html, url)
        if "body" in case:
            base = trafilatura.extract(html, url=url)
            mine, theirs = token_f1(ours.text if ours else "", case["body"]), token_f1(base, case["body"])
            f1_ours.append(mine)
            f1_base.append(theirs)
            if theirs >= 0.5 and mine < theirs / 2:
                s.halved.append(case["id"])
            continue
        if case.get("title"):
            got = ours.title if ours else ""
            s.titles.append(same_title(got, case["title"]))
            s.title_ids.append(case["id"])
            if not s.titles[-1]:
                s.title_misses.append(f"{case['id']}: {got!r} != {case['title']!r}")
        want, got_people = gold_people(case.get("author")), our_people(ours.author if ours else None)
        if want:
            s.authors.append(got_people == want)
            s.author_ids.append(case["id"])
            if not s.authors[-1]:
                s.author_misses.append(f"{case['id']}: {ours.author if ours else None!r} != {case['author']!r}")
        else:
            s.no_author_pages += 1
            if got_people:
                s.junk_authors.append(f"{case['id']}: {ours.author if ours else None!r} (gold {case['author']!r})")
        if case.get("date"):
            got_date = ours.published.isoformat() if ours and ours.published else None
            base_date = trafilatura.extract_metadata(html, default_url=url)
            s.dates_ours.append(same_moment(html, case["date"], got_date))
            s.date_ids.append(case["id"])
            s.dates_trafilatura.append(bool(base_date) and base_date.date == case["date"])
            if not s.dates_ours[-1]:
                s.date_misses.append(f"{case['id']}: {got_date} != {case['date']}")
    s.body_pages = len(f1_ours)
    s.f1_ours, s.f1_trafilatura = sum(f1_ours) / len(f1_ours), sum(f1_base) / len(f1_base)
    return s


# Tune and check halves (issue 11, second round on titles and authors): the 191 title/author/date pages split
# by this fixed seed (a hash of the page's id). The rules of that round were written reading the misses of the
# "tune" half only; the "check" half was scored before and after, not read. (The first round's split, a third
# held out by "extraction-holdout-11", had its misses printed by this test, so it was no longer unseen.)
CHECK_SEED = "authors-check-11"


def part(case_id: str) -> str:
    """``check`` for half of the cases (by a seeded hash of the id), else ``tune``."""
    return seeded_half(case_id, CHECK_SEED)


def part_rate(values: list[bool], ids: list[str], which: str) -> str:
    """``rate (right/all)`` over the cases of one part."""
    chosen = [v for v, i in zip(values, ids, strict=True) if part(i) == which]
    return f"{rate(chosen):.1%} ({sum(chosen)}/{len(chosen)})"


pytestmark = pytest.mark.slow


def test_report_figures(capsys):
    """Print the figures the README quotes (and every miss)."""
    s = scores()
    with capsys.disabled():
        print(
            f"\nbody F1 {s.f1_ours:.3f} (bare trafilatura {s.f1_trafilatura:.3f}) on {s.body_pages} pages; "
            f"pages losing over half the text: {len(s.halved)}\n"
            f"titles exact {rate(s.titles):.1%} of {len(s.titles)}; authors exact {rate(s.authors):.1%} of "
            f"{len(s.authors)}; a name on {len(s.junk_authors)} of {s.no_author_pages} pages without one\n"
            f"dates exact {rate(s.dates_ours):.1%} (bare trafilatura {rate(s.dates_trafilatura):.1%}) "
            f"of {len(s.dates_ours)}"
        )
        for which in ("tune", "check"):
            print(
                f"{which}: titles {part_rate(s.titles, s.title_ids, which)}, "
                f"authors {part_rate(s.authors, s.author_ids, which)}, "
                f"dates {part_rate(s.dates_ours, s.date_ids, which)}"
            )
        for line in s.title_misses + s.author_misses + s.junk_authors + s.date_misses:  # the check half's stay unread
            if part(line.split(":", 1)[0]) == "tune":
                print("  ", line)


def test_body_text_at_least_as_good_as_bare_trafilatura():
    s = scores()
    assert s.f1_ours >= s.f1_trafilatura, (s.f1_ours, s.f1_trafilatura)


def test_no_page_loses_half_its_text():
    assert scores().halved == []


# Gates at the figures measured after issue 11's third round (titles 88.3 %, authors 87.5 %, 10 names where the
# gold has none): authors past the 85 % target. Of the 12 authors missed, 3 are the gold's own (a misspelling, a
# department or an agency in the gold), 1 is initials only ("R. R.", never taken for a name) and 8 pages have no
# byline signal for the gold name (a Creative Commons notice, a personal site's tagline, a recipe's expert box, a
# copyright line, a contact list, a name in italics, a press contact, a speech's speaker).
# The 10 names given where the gold has none are all the page's own JSON-LD, meta or byline authors.
TITLE_FLOOR, AUTHOR_FLOOR, NAMES_WITHOUT_GOLD_CEILING = 0.88, 0.85, 10


def test_titles_without_site_names():
    s = scores()
    assert rate(s.titles) >= TITLE_FLOOR, s.title_misses


def test_authors_are_the_people_named():
    s = scores()
    assert rate(s.authors) >= AUTHOR_FLOOR, s.author_misses


def test_no_more_names_where_the_gold_has_none():
    s = scores()
    assert len(s.junk_authors) <= NAMES_WITHOUT_GOLD_CEILING, s.junk_authors


def test_dates_right():
    s = scores()
    assert rate(s.dates_ours) >= rate(s.dates_trafilatura), s.date_misses


def test_a_page_the_fast_path_loses_is_kept_whole():
    """trafilatura's fast path (same options) drops most of this article; the crawler's extraction keeps it."""
    case = next(c for c in load_cases() if c["id"] == "aeb-f6ac15a4d985")
    html = _html(case)
    fast = trafilatura.bare_extraction(html, url=case["url"], fast=True, **TRAFILATURA_OPTIONS)
    ours = extract_article(html, case["url"])
    assert ours is not None
    assert token_f1(fast.text if fast else "", case["body"]) < 0.5 < 0.8 <= token_f1(ours.text, case["body"])
