"""Scoring shared by the extraction regression sets: token F1, titles, people, dates, and the peer snapshots.

The pages and the gold of every set are read at test time from public snapshots of the peer repositories (bare
git directories), looked for under $RASSEGNA_EXTRACTION_MIRRORS (default /work/.mirror, then the .mirror beside
this checkout) as <owner>+<name>/repo.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)")
ROME = ZoneInfo("Europe/Rome")
_PARTICLES = {"von", "van", "de", "der", "den", "di", "da", "del", "della", "du", "la", "le", "y"}
# Gold authors: people are split on these; a part is a person's name when it has 2+ capitalised words.
_AUTHOR_SPLIT = re.compile(r"\s*(?:[;,/&|]|\b(?:and|und|e|et|y)\b)\s*")
_BYLINE_WORD = re.compile(r"^\s*(?:(?i:by|von|par|por)|di)\s+")
_NOT_PEOPLE = re.compile(r"\b(?:redaktion|redazione|rédaction|redaccion|redacción|team|staff|editorial)\b", re.I)


def tokens(text: str | None) -> Counter[str]:
    """Lower-cased word tokens, as a multiset."""
    return Counter(re.findall(r"\w+", (text or "").lower()))


def token_f1(found: str | None, gold: str) -> float:
    """Token-level F1 of an extracted text against the gold text."""
    got, want = tokens(found), tokens(gold)
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def same_title(found: str, gold: str) -> bool:
    """Titles compared as a reader would: case, quote and dash styles and spacing aside."""

    def norm(text: str) -> str:
        text = text.translate(str.maketrans("‘’“”„«»–—", '\'\'"""""--'))
        return " ".join(text.casefold().split()).strip(" .")

    return norm(found) == norm(gold)


def gold_people(author: str | list[str] | None) -> frozenset[str]:
    """The people a gold author string names (handles, single names and empty strings name none; nor do
    editorial offices and teams, which rassegna's rules never take for journalists). A leading byline word
    ("Von A und B") is not part of the first name."""
    if isinstance(author, list):
        author = "; ".join(author)
    author = _BYLINE_WORD.sub("", author or "")
    parts = (" ".join(p.split()) for p in _AUTHOR_SPLIT.split(author))
    return frozenset(
        p.casefold()
        for p in parts
        if len(p.split()) >= 2
        and all(w[:1].isupper() or w in _PARTICLES for w in p.split())
        and not _NOT_PEOPLE.search(p)
    )


def same_moment(html: str, gold: str, ours: str | None) -> bool:
    """True when ``ours`` is the gold date, or the Rome date of a timestamp the page writes on the gold date."""
    if ours == gold:
        return True
    for match in _TIMESTAMP.finditer(html):
        moment = datetime.fromisoformat(match.group(0))
        if moment.date().isoformat() == gold and moment.astimezone(ROME).date().isoformat() == ours:
            return True
    return False


def our_people(journalist: str | None) -> frozenset[str]:
    """The people our journalist names (several are joined with ", ")."""
    return frozenset(p.strip().casefold() for p in (journalist or "").split(",") if p.strip())


def seeded_half(case_id: str, seed: str) -> str:
    """``check`` for half of the cases (by a hash of the id with ``seed``), else ``tune``: a split fixed before
    any page is scored."""
    return "check" if hashlib.sha256(f"{seed}:{case_id}".encode()).digest()[0] % 2 else "tune"


def rate(values: list[bool]) -> float:
    """Share of true values."""
    return sum(values) / len(values) if values else 0.0


def _mirror_roots() -> list[Path]:
    """Where the snapshots of peer repositories may be: $RASSEGNA_EXTRACTION_MIRRORS, else the usual places."""
    if os.environ.get("RASSEGNA_EXTRACTION_MIRRORS"):
        return [Path(os.environ["RASSEGNA_EXTRACTION_MIRRORS"])]
    return [Path("/work/.mirror"), Path(__file__).resolve().parents[3] / ".mirror"]


def snapshot(repo: str, commit: str) -> Path | None:
    """The git directory of ``repo``'s snapshot that holds ``commit``, if any."""
    for root in _mirror_roots():
        git_dir = root / repo.replace("/", "+") / "repo"
        if git_dir.is_dir():
            found = subprocess.run(
                ["git", "--git-dir", str(git_dir), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True
            )
            if found.returncode == 0:
                return git_dir
    return None


def read_files(git_dir: Path, commit: str, paths: list[str]) -> dict[str, bytes]:
    """The contents of ``paths`` at ``commit``, read by a single ``git cat-file --batch``."""
    request = b"".join(f"{commit}:{path}\n".encode() for path in paths)
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "--batch"], input=request, capture_output=True, check=True
    ).stdout
    files, pos = {}, 0
    for path in paths:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if header[-1] == b"missing":
            raise FileNotFoundError(f"{commit}:{path} not in {git_dir}")
        size = int(header[2])
        files[path] = out[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return files
