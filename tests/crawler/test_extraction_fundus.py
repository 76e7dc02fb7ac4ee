"""Second extraction regression set: fundus's golden parser tests (flairNLP/fundus), with a sealed half.

fundus keeps, for each publisher it supports, saved article pages and the values its parser must extract from
them (title, authors, publishing date, body). Only our selection ships (fixtures/extraction/fundus_selection.json:
id, path of the saved page, parser version whose expected values belong to it); the pages and the expected values
are read at test time from the public snapshot of fundus at the named commit (see extraction_scoring.py for where
it is looked for). Without it the module is skipped. Sources and licences: fixtures/extraction/SOURCES.md.

The selection is every (page, expected values) pair fundus's own test_parsing checks at that commit: for each
publisher of its PublisherCollection and each version of its parser, the saved page whose crawl date (meta.info)
that version covers, and the version's entry (``V1``, ``V1_1``, ...) of ``<Publisher>.json``.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import trafilatura

from rassegna.crawler.extract import decode_html, extract_article
from tests.crawler.extraction_scoring import (
    ROME,
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
FUNDUS = "flairNLP/fundus"
_SKIP_REASON = f"fundus's test data not on this machine: fetch github:{FUNDUS}"

SELECTION = json.loads((FIXTURES / "fundus_selection.json").read_text(encoding="utf-8"))
COMMIT = SELECTION["commits"][FUNDUS]
SNAPSHOT = snapshot(FUNDUS, COMMIT)
if SNAPSHOT is None:
    pytest.skip(_SKIP_REASON, allow_module_level=True)

# Tune and check halves, fixed before any page was scored: a hash of the page's id with this seed. Rules are
# written reading the tune half's misses only; the check half is scored before and once after, never read.
CHECK_SEED = "fundus-check-1"


def part(case_id: str) -> str:
    """``check`` for half of the cases (by a seeded hash of the id), else ``tune``."""
    return seeded_half(case_id, CHECK_SEED)


def gold_path(case: dict[str, Any]) -> str:
    """The expected values of a case's publisher: ``<Publisher>.json`` beside its page."""
    folder, page = case["path"].rsplit("/", 1)
    return f"{folder}/{page.split('_', 1)[0]}.json"


def gold_body(body: dict[str, Any]) -> str:
    """fundus's expected body as one text: the summary, then each section's headline and paragraphs."""
    lines = list(body.get("summary", []))
    for section in body.get("sections", []):
        lines += section.get("headline", []) + section.get("paragraphs", [])
    return "\n".join(lines)


def right_date(html: str, gold: str, ours: str | None) -> bool:
    """The date rule of the first set (the gold's day, or the Rome day of a timestamp the page writes on it), and
    the Rome day of the gold moment itself where it has an offset."""
    moment = datetime.fromisoformat(gold)
    if moment.tzinfo is not None and moment.astimezone(ROME).date().isoformat() == ours:
        return True
    return same_moment(html, moment.date().isoformat(), ours)


@cache
def load_cases() -> list[dict[str, Any]]:
    """Our selection with each page's html, address and expected values, read from the fundus snapshot."""
    assert SNAPSHOT is not None
    cases = SELECTION["cases"]
    metas = sorted({case["path"].rsplit("/", 1)[0] + "/meta.info" for case in cases})
    golds = sorted({gold_path(case) for case in cases})
    files = read_files(SNAPSHOT, COMMIT, metas + golds + [case["path"] for case in cases])
    loaded = []
    for case in cases:
        folder, page = case["path"].rsplit("/", 1)
        meta = json.loads(files[f"{folder}/meta.info"])[page]
        gold = json.loads(files[gold_path(case)])[case["version"]]
        html = decode_html(gzip.decompress(files[case["path"]]))
        loaded.append({**case, "html": html, "url": meta["url"], "gold": gold})
    return loaded


@dataclass
class Result:
    """One page scored: None where the gold has no value for the field."""

    id: str
    f1_ours: float
    f1_trafilatura: float
    title: bool | None
    author: bool | None
    date: bool | None
    title_trafilatura: bool | None
    author_trafilatura: bool | None
    date_trafilatura: bool | None
    misses: tuple[str, ...]

    @property
    def part(self) -> str:
        return part(self.id)

    @property
    def italian(self) -> bool:
        return self.id.startswith("fundus-it-")


def score(case: dict[str, Any]) -> Result:
    """rassegna's extraction and bare trafilatura's on one page, against fundus's expected values."""
    html, url, gold = case["html"], case["url"], case["gold"]
    ours = extract_article(html, url)
    base = trafilatura.extract(html, url=url)
    meta = trafilatura.extract_metadata(html, default_url=url)
    misses = []
    title = title_base = author = author_base = date = date_base = None
    if gold.get("title"):
        got = ours.title if ours else ""
        title, title_base = (
            same_title(got, gold["title"]),
            bool(meta and meta.title and same_title(meta.title, gold["title"])),
        )
        if not title:
            misses.append(f"title {got!r} != {gold['title']!r}")
    if want := gold_people(gold.get("authors")):
        got_author = ours.author if ours else None
        author = our_people(got_author) == want
        author_base = bool(meta and meta.author) and gold_people(meta.author.replace("; ", ", ").split(", ")) == want
        if not author:
            misses.append(f"author {got_author!r} != {gold['authors']!r}")
    if gold.get("publishing_date"):
        got_date = ours.published.isoformat() if ours and ours.published else None
        date = right_date(html, gold["publishing_date"], got_date)
        date_base = bool(meta and meta.date) and meta.date == gold["publishing_date"][:10]
        if not date:
            misses.append(f"date {got_date} != {gold['publishing_date']}")
    return Result(
        id=case["id"],
        f1_ours=token_f1(ours.text if ours else "", gold_body(gold["body"])),
        f1_trafilatura=token_f1(base, gold_body(gold["body"])),
        title=title,
        author=author,
        date=date,
        title_trafilatura=title_base,
        author_trafilatura=author_base,
        date_trafilatura=date_base,
        misses=tuple(misses),
    )


@cache
def results() -> list[Result]:
    return [score(case) for case in load_cases()]


def halved(result: Result) -> bool:
    """The page keeps less than half the F1 bare trafilatura gets, where trafilatura gets over 0.5."""
    return result.f1_trafilatura > 0.5 and result.f1_ours < result.f1_trafilatura / 2


def figures(chosen: list[Result]) -> str:
    """The figures of some pages: body F1 (and trafilatura's), halved pages, titles, authors, dates."""

    def share(field: str) -> str:
        values = [getattr(r, field) for r in chosen if getattr(r, field) is not None]
        base = [getattr(r, f"{field}_trafilatura") for r in chosen if getattr(r, field) is not None]
        return f"{rate(values):.1%} ({sum(values)}/{len(values)}; trafilatura {rate(base):.1%})"

    f1 = sum(r.f1_ours for r in chosen) / len(chosen)
    f1_base = sum(r.f1_trafilatura for r in chosen) / len(chosen)
    return (
        f"{len(chosen)} pages: body F1 {f1:.3f} (trafilatura {f1_base:.3f}), halved {sum(map(halved, chosen))}; "
        f"titles {share('title')}; authors {share('author')}; dates {share('date')}"
    )


pytestmark = pytest.mark.slow


def test_report_figures(capsys):
    """Print the figures the README quotes, and the tune half's misses (the check half's stay unread)."""
    every = results()
    with capsys.disabled():
        print(f"\nfundus, all {figures(every)}")
        for which in ("tune", "check"):
            print(f"fundus, {which} {figures([r for r in every if r.part == which])}")
        print(f"fundus, Italian {figures([r for r in every if r.italian])}")
        for r in every:
            if r.part == "tune":
                for miss in r.misses:
                    print(f"   {r.id}: {miss}")
                if halved(r):
                    print(f"   {r.id}: body F1 {r.f1_ours:.3f} (trafilatura {r.f1_trafilatura:.3f})")


def test_the_halves_are_fixed():
    """The split is a property of the ids alone: 118 tune and 139 check pages of 257 (Italian: 1 and 3)."""
    ids = [case["id"] for case in SELECTION["cases"]]
    assert sum(part(i) == "tune" for i in ids) == 118 and sum(part(i) == "check" for i in ids) == 139
    italian = [part(i) for i in ids if i.startswith("fundus-it-")]
    assert italian.count("tune") == 1 and italian.count("check") == 3


def _rate(field: str) -> float:
    """Share of the pages with a gold value for ``field`` that get it right."""
    return rate([getattr(r, field) for r in results() if getattr(r, field) is not None])


def _tune_misses(kind: str) -> list[str]:
    """The tune half's misses of one kind (a failing gate shows these, never the check half's)."""
    return [f"{r.id}: {miss}" for r in results() if r.part == "tune" for miss in r.misses if miss.startswith(kind)]


# Gates at the figures measured on the whole set once the round's rules were final (2026-11-30: body F1 0.956
# against 0.943, no page halved, titles 77.0 %, authors 90.5 %, dates 96.9 %), the floors a little under them.
TITLE_FLOOR, AUTHOR_FLOOR, DATE_FLOOR = 0.76, 0.89, 0.96


def test_body_text_at_least_as_good_as_bare_trafilatura():
    every = results()
    ours, base = sum(r.f1_ours for r in every) / len(every), sum(r.f1_trafilatura for r in every) / len(every)
    assert ours >= base, (ours, base)


def test_no_page_loses_half_its_text():
    assert [r.id for r in results() if halved(r)] == []


def test_titles():
    assert _rate("title") >= TITLE_FLOOR, (_rate("title"), _tune_misses("title"))


def test_authors():
    assert _rate("author") >= AUTHOR_FLOOR, (_rate("author"), _tune_misses("author"))


def test_dates():
    assert _rate("date") >= DATE_FLOOR, (_rate("date"), _tune_misses("date"))
