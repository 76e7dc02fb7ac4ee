"""Small typed objects the packages pass to each other (a leaf module: imports nothing of rassegna)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class CampaignMatch:
    """A campaign whose keywords an article mentions, with the form found and a snippet around it."""

    name: str
    matched: str
    snippet: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity an article reports: ``oltre 450 persone`` → value 450, unit persone, qualifier oltre."""

    value: float | int
    unit: str
    qualifier: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct speech with its speaker and the speaker's role, when the article gives them."""

    text: str
    speaker: str | None
    role: str | None


@dataclass(slots=True)
class Analysis:
    """What the NLP finds in one article."""

    city: str | None = None
    places: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    journalist: str | None = None


@dataclass(slots=True)
class Article:
    """An article ready to become a clipping: crawled and extracted, or imported by hand."""

    outlet: str
    title: str
    published: date | None
    text: str = ""
    url: str | None = None
    canonical_url: str | None = None
    journalist: str | None = None
    source: str = "crawl"  # "crawl" or "import"
    language: str | None = None
    site_name: str | None = None
    category: str | None = None  # only for imports that name it
    audience: int | None = None  # only for imports that name it
    campaigns: list[CampaignMatch] = field(default_factory=list)
    rights_reserved: bool = False  # the page says "riproduzione riservata"
