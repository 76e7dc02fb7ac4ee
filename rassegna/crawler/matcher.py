"""Tolerant campaign keyword matching: case, spaces, hyphens and the l/I confusion of OCR and typing."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rassegna.domain import CampaignMatch
from rassegna.text.keywords import keyword_literal, keyword_pattern

SNIPPET_CHARS = 80


def snippet_around(text: str, start: int, end: int, width: int = SNIPPET_CHARS) -> str:
    """The text around a match on word boundaries, whitespace collapsed, with ellipses where cut."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    body = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + body + ("…" if right < len(text) else "")


@dataclass(frozen=True, slots=True)
class _Keywords:
    """Keywords as one tolerant pattern, with a literal first test: most pages cannot match at all, and finding that
    out with ``in`` on the lower-cased text costs a tenth of running the pattern over a whole page's markup."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...]  # one per keyword; () when some keyword has none, and every text is searched

    @classmethod
    def of(cls, keywords: Sequence[str]) -> _Keywords:
        literals = tuple(keyword_literal(k) for k in keywords)
        return cls(
            re.compile("|".join(keyword_pattern(k) for k in keywords), re.IGNORECASE),
            literals if all(literals) else (),
        )

    def search(self, text: str, lowered: Callable[[], str]) -> re.Match[str] | None:
        if self.literals and not any(literal in lowered() for literal in self.literals):
            return None
        return self.pattern.search(text)


@dataclass(frozen=True, slots=True)
class _CompiledCampaign:
    name: str
    include: _Keywords
    exclude: _Keywords | None


class CampaignMatcher:
    """Tells which campaigns a title and text mention."""

    def __init__(self, campaigns: Iterable[tuple[str, Sequence[str], Sequence[str]]]):
        self._campaigns = [
            _CompiledCampaign(name, _Keywords.of(keywords), _Keywords.of(excludes) if excludes else None)
            for name, keywords, excludes in campaigns
            if keywords
        ]

    @classmethod
    def from_settings(cls, campaigns: Iterable) -> CampaignMatcher:  # noqa: ANN001 - config.Campaign
        """A matcher for the configured campaigns."""
        return cls((c.name, c.keywords, c.exclude_keywords) for c in campaigns)

    def match(self, title: str | None, text: str | None) -> list[CampaignMatch]:
        """Every campaign whose keywords the text (or, failing that, the title) mentions."""
        bodies = (text or "", title or "")
        lowered = [functools.cache(body.lower) for body in bodies]  # lower-cased once, and only if a test needs it
        found: list[CampaignMatch] = []
        for campaign in self._campaigns:
            for body, lower in zip(bodies, lowered, strict=True):
                if campaign.exclude is not None and campaign.exclude.search(body, lower):
                    break
                hit = campaign.include.search(body, lower)
                if hit:
                    found.append(
                        CampaignMatch(campaign.name, hit.group(0), snippet_around(body, hit.start(), hit.end()))
                    )
                    break
        return found

    def mentions(self, title: str | None, text: str | None) -> bool:
        """True when any campaign is mentioned."""
        return bool(self.match(title, text))
