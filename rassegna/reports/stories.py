"""Stories: clippings carrying the same press release, found by near-duplicate text (MinHash LSH + shingles).

Copies of one city's release share almost all their text; releases of different cities share the national
paragraphs but not their own city paragraph. So grouping runs in two passes:

1. copies: MinHashLSH proposes pairs, kept when the exact Jaccard similarity of their word 5-shingles is high;
2. rewrites and excerpts (an agency wire, a paper's short version): a group joins its best partner when it is
   contained in it and a fair share of the shared text is rare across groups: paragraphs every release
   carries (boilerplate) never suffice, so a short piece of national text alone never bridges two cities.

Clippings without text (imported wires, broadcasts) group by identical normalised title on close dates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from rassegna.storage.models import Clipping, Story
from rassegna.text.fold import fold_words

SHINGLE = 5  # words per shingle
MIN_SHINGLES = 25  # fewer than this: too little text to compare, group by title instead
NUM_PERM = 64
COPY_JACCARD = 0.5  # pass 1: copies of one release (different cities' releases stay below ~0.4)...
COPY_CONTAINED = 0.8  # ...and each text mostly found in the other
CONTAINED = 0.7  # pass 2: share of the smaller group's shingles found in the other...
RARE_SHARED = 0.2  # ...and share of them that few groups have (own text, not boilerplate)
RARE_DF = 4  # a shingle is "rare" when at most this many groups have it (fewer in small batches)
MAX_DAYS = 3  # textless clippings with the same title group only within this many days
CONTEXT_DAYS = 30  # refresh_stories compares new clippings with stories this close in time
STREAM_ROWS = 200  # clipping texts read from the database at a time while grouping


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """The hashed word ``size``-grams of a text."""
    return frozenset(shingle_array(text, size).tolist())


def shingle_array(text: str, size: int = SHINGLE) -> NDArray[np.int64]:
    """The hashed word ``size``-grams of a text, sorted and each once: 8 bytes a shingle, where a set of Python
    ints takes about 60 (grouping a national crawl's clippings held hundreds of MiB in such sets)."""
    words = fold_words(text)
    count = len(words) - size + 1
    if count < 1:
        return np.empty(0, dtype=np.int64)
    hashes = (hash(" ".join(words[i : i + size])) for i in range(count))
    return np.unique(np.fromiter(hashes, dtype=np.int64, count=count))


def title_key(title: str) -> str:
    """A title reduced to its words: punctuation, case and accents ignored."""
    return " ".join(fold_words(title))


class _Union:
    def __init__(self, items: Sequence[int]) -> None:
        self.parent = {i: i for i in items}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in self.parent:
            out[self.find(i)].append(i)
        return out


def _shared(a: NDArray[np.int64], b: NDArray[np.int64]) -> NDArray[np.int64]:
    return np.intersect1d(a, b, assume_unique=True)


def _copies(sets: dict[int, NDArray[np.int64]], union: _Union) -> None:
    if len(sets) < 2:
        return
    # Imported here: datasketch pulls in scipy (about 2 s), which only grouping new clippings needs.
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=COPY_JACCARD * 0.8, num_perm=NUM_PERM)
    for doc_id, items in sets.items():
        mh = MinHash(num_perm=NUM_PERM)
        raw = items.astype("<i8").tobytes()  # each shingle as its 8 little-endian bytes
        mh.update_batch([raw[k : k + 8] for k in range(0, len(raw), 8)])
        for other in lsh.query(mh):
            a, b = sets[doc_id], sets[other]
            shared = len(_shared(a, b))
            # a copy: both texts are (nearly) all shared; releases sharing only boilerplate are not copies
            if shared / (len(a) + len(b) - shared) >= COPY_JACCARD and shared / max(len(a), len(b)) >= COPY_CONTAINED:
                union.join(doc_id, other)
        lsh.insert(doc_id, mh)


def _rewrites(sets: dict[int, NDArray[np.int64]], union: _Union) -> None:
    clusters: dict[int, NDArray[np.int64]] = {}
    for root, members in union.groups().items():
        parts = [sets[m] for m in members if m in sets]
        if parts:
            clusters[root] = parts[0] if len(parts) == 1 else np.unique(np.concatenate(parts))
    # How many groups have each shingle: sorted distinct shingles and their counts, looked up by binary search.
    distinct, counts = np.unique(np.concatenate(list(clusters.values())), return_counts=True)

    def df(items: NDArray[np.int64]) -> NDArray[np.int64]:
        return counts[np.searchsorted(distinct, items)]

    rare_df = max(2, min(RARE_DF, len(clusters) // 4))
    # Shingles few groups share are a release's own text; those most groups share are boilerplate.
    rare_roots: list[NDArray[np.int64]] = []
    rare_items: list[NDArray[np.int64]] = []
    for root, items in clusters.items():
        n = df(items)
        rare = items[(n > 1) & (n <= rare_df)]
        rare_items.append(rare)
        rare_roots.append(np.full(len(rare), root, dtype=np.int64))
    candidates: dict[int, set[int]] = defaultdict(set)
    if rare_items:
        items, roots = np.concatenate(rare_items), np.concatenate(rare_roots)
        order = np.argsort(items, kind="stable")
        items, roots = items[order], roots[order]
        starts = np.flatnonzero(np.r_[True, items[1:] != items[:-1]])
        for group in np.split(roots, starts[1:]):
            sharing = group.tolist()
            for a in sharing:
                candidates[a].update(r for r in sharing if r != a)
    links: list[tuple[int, int]] = []
    for root, others in candidates.items():
        best: int | None = None
        best_score = 0.0
        for other in sorted(others):
            mine, theirs = clusters[root], clusters[other]
            shared = _shared(mine, theirs)
            smaller = min(len(mine), len(theirs))
            if len(shared) / smaller < CONTAINED:
                continue
            score = int(np.count_nonzero(df(shared) <= rare_df)) / smaller
            if score >= RARE_SHARED and score > best_score:
                best, best_score = other, score
        if best is not None:
            links.append((root, best))
    for left, right in links:
        union.join(left, right)


def _close(a: date | None, b: date | None, max_days: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= max_days


def group_stories(
    docs: Iterable[tuple[int, str, str]],
    *,
    dates: Mapping[int, date | None] | None = None,
    max_days: int = MAX_DAYS,
) -> list[list[int]]:
    """Group (id, title, text) documents carrying the same press release; every id appears in one group.

    ``docs`` is read once, and no text is kept: only its shingles (so the texts can stream from the database)."""
    dates = dates or {}
    ids: list[int] = []
    sets: dict[int, NDArray[np.int64]] = {}
    textless: list[int] = []
    titles: dict[int, str] = {}
    for doc_id, title, text in docs:
        ids.append(doc_id)
        titles[doc_id] = title_key(title)
        items = shingle_array(text)
        if len(items) >= MIN_SHINGLES:
            sets[doc_id] = items
        else:
            textless.append(doc_id)
    union = _Union(ids)
    if sets:
        _copies(sets, union)
        _rewrites(sets, union)
    by_title: dict[str, list[int]] = defaultdict(list)
    for doc_id in ids:
        if titles[doc_id]:
            by_title[titles[doc_id]].append(doc_id)
    for doc_id in textless:
        for other in by_title.get(titles[doc_id], []):
            if other != doc_id and _close(dates.get(doc_id), dates.get(other), max_days):
                union.join(doc_id, other)
                break
    # a textless clipping may join two text groups through one title: acceptable, it is the same story
    return sorted((sorted(members) for members in union.groups().values()), key=lambda g: g[0])


@dataclass
class StoryPlan:
    """What refreshing the stories will write: clippings joining existing stories, and new stories."""

    join: dict[int, int] = field(default_factory=dict)  # clipping id -> existing story id
    new: list[tuple[str, list[int]]] = field(default_factory=list)  # (label, clipping ids) of each new story

    def __len__(self) -> int:
        return len(self.join) + sum(len(ids) for _, ids in self.new)

    def batches(self, size: int) -> Iterator[StoryPlan]:
        """The plan in pieces of about ``size`` clippings (a new story is never split)."""
        batch = StoryPlan()
        for clipping_id, story_id in self.join.items():
            batch.join[clipping_id] = story_id
            if len(batch) >= size:
                yield batch
                batch = StoryPlan()
        for label, ids in self.new:
            batch.new.append((label, ids))
            if len(batch) >= size:
                yield batch
                batch = StoryPlan()
        if len(batch):
            yield batch


def plan_stories(session: Session) -> StoryPlan:
    """Which story each clipping without one gets: an existing story carrying the same release, else a new one.

    Only reads (the grouping, the slow part, runs without any write lock). The texts stream from the database,
    so what stays in memory is their shingles, not the clippings."""
    plan = StoryPlan()
    is_new = col(Clipping.story_id).is_(None)
    new_dates = session.exec(select(col(Clipping.published)).where(is_new)).all()
    if not new_dates:
        return plan
    known_dates = [d for d in new_dates if d is not None]
    in_context: ColumnElement[bool] = col(Clipping.story_id).is_not(None)
    if known_dates and len(known_dates) == len(new_dates):
        low = min(known_dates) - timedelta(days=CONTEXT_DAYS)
        high = max(known_dates) + timedelta(days=CONTEXT_DAYS)
        in_context = in_context & (col(Clipping.published) >= low) & (col(Clipping.published) <= high)
    everyone: dict[int, tuple[str, date | None, int | None]] = {}  # id -> title, published, story
    for which in (in_context, is_new):
        rows = session.exec(
            select(col(Clipping.id), col(Clipping.title), col(Clipping.published), col(Clipping.story_id))
            .where(which)
            .order_by(col(Clipping.id))
        )
        everyone.update((i, (title, published, story)) for i, title, published, story in rows if i is not None)

    def texts() -> Iterator[tuple[int, str, str]]:
        for which in (in_context, is_new):
            statement = select(col(Clipping.id), col(Clipping.text)).where(which).order_by(col(Clipping.id))
            for i, text in session.exec(statement.execution_options(yield_per=STREAM_ROWS)):
                if i in everyone:  # not one stored since the titles were read
                    yield i, everyone[i][0], text

    groups = group_stories(texts(), dates={i: published for i, (_, published, _) in everyone.items()})
    for members in groups:
        clippings = [(i, *everyone[i]) for i in members]
        pending = [i for i, _, _, story in clippings if story is None]
        if not pending:
            continue
        existing = Counter(story for _, _, _, story in clippings if story is not None)
        if existing:
            story_id = min(existing, key=lambda s: (-existing[s], s))
            plan.join.update(dict.fromkeys(pending, story_id))
        else:
            _, title, _, _ = min(clippings, key=lambda c: (c[2] or date.max, c[0]))
            plan.new.append((title[:500], pending))
    return plan


def apply_story_plan(session: Session, plan: StoryPlan) -> int:
    """Write ``plan`` (or a batch of it); clippings given a story meanwhile keep theirs. How many were assigned."""
    assigned = 0
    for clipping_id, story_id in plan.join.items():
        assigned += _assign(session, clipping_id, story_id)
    for label, ids in plan.new:
        story = Story(label=label)
        session.add(story)
        session.flush()
        assert story.id is not None
        assigned += sum(_assign(session, clipping_id, story.id) for clipping_id in ids)
    session.flush()
    return assigned


def _assign(session: Session, clipping_id: int, story_id: int) -> int:
    clipping = session.get(Clipping, clipping_id)
    if clipping is None or clipping.story_id is not None:
        return 0
    clipping.story_id = story_id
    session.add(clipping)
    return 1


def refresh_stories(session: Session) -> int:
    """Give each clipping without a story one, in ``session``'s transaction (see ``plan_stories``).

    Existing story ids never change. Returns how many clippings were assigned.
    """
    return apply_story_plan(session, plan_stories(session))
