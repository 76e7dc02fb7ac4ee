"""Small typed objects the packages pass to each other (a leaf module: imports nothing of rassegna)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

# The words the packages share, each spelled once: type hints take the Literal, checks and help texts the tuple.
ReviewStatus = Literal["new", "accepted", "rejected"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = get_args(ReviewStatus)
# running: not finished yet; the others are how a crawl, a scheduled job or a report run ended.
RunOutcome = Literal["running", "ok", "partial", "failed", "cancelled", "skipped", "interrupted"]
RUN_OUTCOMES: tuple[RunOutcome, ...] = get_args(RunOutcome)
ReportFormat = Literal["html", "pdf", "md", "xlsx", "json"]
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)
# full: the article's whole text; excerpt: headline, excerpt and link (for articles the review may not reproduce).
TextPolicy = Literal["full", "excerpt"]
TEXT_POLICIES: tuple[TextPolicy, ...] = get_args(TextPolicy)
# Where the crawler looks for articles. home: an outlet's home page read to find its feeds and sitemaps;
# discovery: a news search (config discovery:).
SourceKind = Literal["feed", "sitemap", "start", "home", "discovery"]


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
    # no attribution pattern named the speaker (the person named nearest, or nobody): worth a reviewer's look
    speaker_to_check: bool = False


@dataclass(slots=True)
class Analysis:
    """What the NLP finds in one article."""

    city: str | None = None
    # no explicit frame of the text set the city ("Comune di X", a headline leading with it): only weighed, or none
    city_to_check: bool = False
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


@dataclass(frozen=True, slots=True)
class Source:
    """Where the crawler looks for an outlet's articles: a feed, a sitemap or a start page."""

    outlet: str
    kind: SourceKind
    url: str


@dataclass(slots=True)
class SourceStats:
    """Counts of one source in one crawl run (the crawler fills them, source health reads them)."""

    pages: int = 0
    matched: int = 0
    new_clippings: int = 0
    errors: int = 0
    # For source health (rassegna.health): what was asked, what came back, what extraction made of it.
    requests: int = 0  # responses received plus requests that got none (retries count)
    ok_responses: int = 0  # responses below 400 (304 included)
    links: int = 0  # new article links the source announced (not judged before)
    articles: int = 0  # article pages with a main text
    empty: int = 0  # article pages whose extraction came back empty
    text_chars: int = 0  # characters of main text over ``articles``
    robots: int = 0  # requests robots.txt forbade
    latencies_ms: list[int] = field(default_factory=list)
    faults: dict[str, int] = field(default_factory=dict)  # failures by kind
    own_fault: str | None = None  # the kind of failure of the source's own URL (feed, sitemap, start page)

    def failed(self) -> bool:
        """True when the source itself failed this run: its own URL, or every request it made."""
        return self.own_fault is not None or (self.requests > 0 and self.ok_responses == 0 and bool(self.faults))
