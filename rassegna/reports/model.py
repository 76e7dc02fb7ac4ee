"""The press review as data: what every format renders, built once from the store."""

from __future__ import annotations

import base64
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypedDict, Unpack
from zoneinfo import ZoneInfo

from sqlmodel import Session

from rassegna.config.categories import CATEGORIES
from rassegna.config.models import Campaign
from rassegna.domain import TEXT_POLICIES, Figure, Quote
from rassegna.reports.formatting import excerpt
from rassegna.storage.health import UnhealthyPeriod, unhealthy_periods
from rassegna.storage.models import utcnow
from rassegna.storage.queries import (
    ClippingView,
    Selection,
    Summary,
    category_summary,
    report_clippings,
)
from rassegna.text.keywords import keywords_regex
from rassegna.text.names import byline_short

HIGHLIGHTS = 12  # outlets shown on the cover
DAILY_TIMELINE_MAX_DAYS = 45  # longer periods are charted by week
# The PDF of a big period: a PDF of thousands of pages is of no use to a reader and takes minutes to lay out (about
# 35 ms per full-text clipping, 5 ms per excerpt, 2 ms per table row on a 2-core machine). Above PDF_FULL_TEXT_LIMIT
# clippings its text chapter gives headline, excerpt and link of each clipping; above PDF_EXCERPT_LIMIT only the
# clipping tables remain (their titles link to the articles). Either way the city chapter lists a few figures and
# quotes per city and the methodology box says so. The HTML report always keeps every text.
PDF_FULL_TEXT_LIMIT = 300
PDF_EXCERPT_LIMIT = 2_000
PDF_FINDINGS_PER_CITY = 5  # figures, and quotes, per city in a PDF over the limit


@dataclass(slots=True)
class ReportClipping:
    """One clipping as the report shows it: the stored view plus what the report decided about it."""

    view: ClippingView
    story_key: str | None  # "s-3", or None when the clipping belongs to no story yet
    city: str | None  # the NLP's main city, else the first partner city the title or text names
    journalist_short: str
    full_text: bool  # False: headline + excerpt + link
    excerpt: str
    unreviewed: bool = False  # in a review-required report, not yet accepted (--include-unreviewed)

    @property
    def id(self) -> int:
        """The clipping id."""
        return self.view.id

    @property
    def to_classify(self) -> bool:
        """True when its outlet waits to be classified: listed apart, outside every certified total."""
        return self.view.to_classify


@dataclass(slots=True)
class CategorySection:
    """A category of the summary with its clippings in date order."""

    key: str
    label: str
    count: int
    audience: int | None
    clippings: list[ReportClipping] = field(default_factory=list)


@dataclass(slots=True)
class StoryPickup:
    """A press release picked up by several outlets: clippings that share a story."""

    key: str
    title: str
    first_date: date | None
    clippings: list[ReportClipping]
    outlets: list[str]
    audience: int | None  # sum of the known audiences, None when none is known

    @property
    def count(self) -> int:
        """How many clippings carry the story."""
        return len(self.clippings)


@dataclass(slots=True)
class CityFinding:
    """A figure or a quote found in a clipping about a city."""

    clipping: ReportClipping
    figure: Figure | None = None
    quote: Quote | None = None


@dataclass(slots=True)
class CityCoverage:
    """Coverage of one city: clippings, outlets, audience, and the figures and quotes found."""

    city: str
    partner: bool
    count: int = 0
    audience: int | None = None
    outlets: list[str] = field(default_factory=list)
    figures: list[CityFinding] = field(default_factory=list)
    quotes: list[CityFinding] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        """True when at least one clipping is about the city."""
        return self.count > 0


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """Clippings published in one day or one week (``start`` is the Monday)."""

    start: date
    end: date
    count: int
    audience: int | None


@dataclass(frozen=True, slots=True)
class AudienceNote:
    """Where an outlet's audience figure comes from."""

    outlet: str
    audience: int
    source: str | None
    measured_on: date | None


@dataclass(slots=True)
class Methodology:
    """How the review was made: text rule, audience figures, duplicates."""

    text_policy: str
    full_texts: int
    excerpts: int
    rights_reserved: int
    audience_notes: list[AudienceNote]
    unknown_audience: int  # clippings whose outlet audience is not known ("n.d.")
    unique_stories: int
    grouped_clippings: int  # clippings that share their story with at least one other
    review_required: bool = False  # only clippings accepted in review, unless marked "non revisionato"
    unreviewed: int = 0
    # Spells when a source was unhealthy during the period (rassegna.storage.health): coverage may be missing.
    source_health: list[UnhealthyPeriod] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Cover:
    """Who the review is made for: the client's name and logo (a data: URI) on the cover."""

    client_name: str | None = None
    logo_uri: str | None = None


LOGO_MAX_BYTES = 1024 * 1024
_LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def logo_data_uri(path: str | Path) -> str:
    """A local PNG or JPEG as a data: URI (the report fetches nothing); ValueError naming the file otherwise."""
    path = Path(path)
    try:
        content = path.read_bytes() if path.stat().st_size <= LOGO_MAX_BYTES else None
    except OSError as exc:
        raise ValueError(f"report logo {path}: {exc.strerror}") from None
    if content is None:
        raise ValueError(f"report logo {path}: larger than 1 MiB")
    kind = next((mime for magic, mime in _LOGO_TYPES.items() if content.startswith(magic)), None)
    if kind is None:
        raise ValueError(f"report logo {path}: not a PNG or JPEG image")
    return f"data:{kind};base64,{base64.b64encode(content).decode('ascii')}"


def cover_for(client_name: str | None, logo: str | Path | None) -> Cover:
    """The cover of the configured client (``report.client_name``, ``report.logo``)."""
    name = " ".join(client_name.split()) if client_name else None
    return Cover(client_name=name or None, logo_uri=logo_data_uri(logo) if logo else None)


@dataclass(slots=True)
class ReportData:
    """Everything a press review shows, ready for any format."""

    campaign: str
    keywords: list[str]
    start: date
    end: date
    generated_at: datetime  # aware, in the report's timezone
    timezone: str
    summary: Summary
    sections: list[CategorySection]
    clippings: list[ReportClipping]
    highlights: list[str]
    stories: list[StoryPickup]  # stories picked up by two or more clippings, largest first
    cities: list[CityCoverage]  # partner cities first, in campaign order, then other cities
    timeline: list[TimelinePoint]
    timeline_unit: str  # "day" | "week"
    methodology: Methodology
    # Clippings of outlets still to classify ("Da classificare"): listed apart, outside summary, totals, cities,
    # timeline and stories until an editor gives their outlet a category.
    unclassified: list[ReportClipping] = field(default_factory=list)
    cover: Cover = field(default_factory=Cover)

    @property
    def keyword_regex(self) -> re.Pattern[str] | None:
        """The campaign keywords as a tolerant regex, for highlighting."""
        return keywords_regex(self.keywords)

    @property
    def uncovered_partners(self) -> list[str]:
        """Partner cities no clipping is about."""
        return [c.city for c in self.cities if c.partner and not c.covered]


def story_key(story_id: int | None) -> str | None:
    """The public id of a story: ``s-3``."""
    return f"s-{story_id}" if story_id is not None else None


def _sum_known(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


@dataclass(frozen=True, slots=True)
class CityFinder:
    """Which city a clipping is about: the NLP's main city, else the first partner city its title or text names.

    The one definition used by the report, the desk's dashboard and its inbox.
    """

    pattern: re.Pattern[str] | None
    canonical: dict[str, str]

    @classmethod
    def for_partners(cls, cities: list[str]) -> CityFinder:
        """A finder for these partner cities (longest names first, whole words, any case)."""
        names = sorted({c for c in cities if c.strip()}, key=len, reverse=True)
        pattern = (
            re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)
            if names
            else None
        )
        return cls(pattern, {c.casefold(): c for c in cities})

    def city(self, stored: str | None, title: str | None, text: str | None) -> str | None:
        """The stored city when there is one, else the first partner city named in the title, then the text."""
        if stored and stored.strip():
            return stored.strip()
        if self.pattern is None:
            return None
        for part in (title, (text or "")[:600]):
            match = self.pattern.search(part or "")
            if match:
                return self.canonical[match.group(1).casefold()]
        return None


def _full_text(view: ClippingView, report_policy: str) -> bool:
    # The outlet's own rule wins (a licence, or a restriction); otherwise the report's rule, except that an
    # article marked "riproduzione riservata" is never reproduced in full without the outlet's "full".
    if view.text_policy in TEXT_POLICIES:
        return view.text_policy == "full" and bool(view.text)
    if view.rights_reserved:
        return False
    return report_policy == "full" and bool(view.text)


def _highlights(clippings: list[ReportClipping]) -> list[str]:
    best: dict[str, tuple[int, int, int]] = {}
    order = {key: i for i, key in enumerate(CATEGORIES)}
    for item in clippings:
        v = item.view
        audience, count, rank = best.get(v.outlet, (-1, 0, order.get(v.category, 99)))
        best[v.outlet] = (max(audience, v.audience if v.audience is not None else -1), count + 1, rank)
    ranked = sorted(best, key=lambda name: (-best[name][0], -best[name][1], best[name][2], name.casefold()))
    return ranked[:HIGHLIGHTS]


def _timeline(clippings: list[ReportClipping], start: date, end: date) -> tuple[list[TimelinePoint], str]:
    unit = "day" if (end - start).days + 1 <= DAILY_TIMELINE_MAX_DAYS else "week"
    buckets: dict[date, list[int | None]] = defaultdict(list)
    for item in clippings:
        day = item.view.date
        if day is None:
            continue
        key = day if unit == "day" else day - timedelta(days=day.weekday())
        buckets[key].append(item.view.audience)
    points = []
    cursor = start if unit == "day" else start - timedelta(days=start.weekday())
    step = timedelta(days=1 if unit == "day" else 7)
    while cursor <= end:
        values = buckets.get(cursor, [])
        last = cursor if unit == "day" else cursor + timedelta(days=6)
        points.append(TimelinePoint(cursor, last, len(values), _sum_known(values)))
        cursor += step
    return points, unit


def _stories(clippings: list[ReportClipping]) -> tuple[list[StoryPickup], int, int]:
    groups: dict[str, list[ReportClipping]] = defaultdict(list)
    alone = 0
    for item in clippings:
        if item.story_key is None:
            alone += 1
        else:
            groups[item.story_key].append(item)
    pickups = []
    for key, members in groups.items():
        if len(members) < 2:
            continue
        members = sorted(members, key=lambda c: (c.view.date or date.min, c.view.outlet.casefold(), c.id))
        outlets = list(dict.fromkeys(m.view.outlet for m in members))
        pickups.append(
            StoryPickup(
                key=key,
                title=members[0].view.title,
                first_date=members[0].view.date,
                clippings=members,
                outlets=outlets,
                audience=_sum_known([m.view.audience for m in members]),
            )
        )
    pickups.sort(key=lambda s: (-s.count, s.first_date or date.min, s.key))
    grouped = sum(p.count for p in pickups)
    return pickups, len(groups) + alone, grouped


def _cities(clippings: list[ReportClipping], partners: list[str]) -> list[CityCoverage]:
    coverage: dict[str, CityCoverage] = {}
    for city in partners:
        coverage.setdefault(city.casefold(), CityCoverage(city=city, partner=True))
    audiences: dict[str, list[int | None]] = defaultdict(list)
    for item in clippings:
        if not item.city:
            continue
        key = item.city.casefold()
        entry = coverage.setdefault(key, CityCoverage(city=item.city, partner=False))
        entry.count += 1
        audiences[key].append(item.view.audience)
        if item.view.outlet not in entry.outlets:
            entry.outlets.append(item.view.outlet)
        entry.figures.extend(CityFinding(item, figure=f) for f in item.view.figures)
        entry.quotes.extend(CityFinding(item, quote=q) for q in item.view.quotes)
    for key, values in audiences.items():
        coverage[key].audience = _sum_known(values)
    partner_entries = [c for c in coverage.values() if c.partner]
    others = sorted((c for c in coverage.values() if not c.partner), key=lambda c: (-c.count, c.city.casefold()))
    return partner_entries + others


def _methodology(
    clippings: list[ReportClipping], policy: str, unique_stories: int, grouped: int, review_required: bool
) -> Methodology:
    notes: dict[str, AudienceNote] = {}
    for item in clippings:
        v = item.view
        if v.audience is not None and v.outlet not in notes:
            notes[v.outlet] = AudienceNote(v.outlet, v.audience, v.outlet_audience_source, v.outlet_audience_date)
    return Methodology(
        text_policy=policy,
        full_texts=sum(1 for c in clippings if c.full_text),
        excerpts=sum(1 for c in clippings if not c.full_text and c.view.text),
        rights_reserved=sum(1 for c in clippings if c.view.rights_reserved),
        audience_notes=sorted(notes.values(), key=lambda n: n.outlet.casefold()),
        unknown_audience=sum(1 for c in clippings if c.view.audience is None),
        unique_stories=unique_stories,
        grouped_clippings=grouped,
        review_required=review_required,
        unreviewed=sum(1 for c in clippings if c.unreviewed),
    )


class ReportOptions(TypedDict, total=False):
    """How a review is made, beyond what it selects: text rule, date of issue, time zone, cover."""

    text_policy: str  # "full" (the default) or "excerpt": see domain.TextPolicy
    generated_at: datetime | None  # now, unless given
    timezone: str  # the report's time zone, Europe/Rome by default
    cover: Cover | None


def assemble_report(
    summary: Summary,
    views: list[ClippingView],
    selection: Selection,
    *,
    campaign: Campaign,
    text_policy: str = "full",
    generated_at: datetime | None = None,
    timezone: str = "Europe/Rome",
    cover: Cover | None = None,
) -> ReportData:
    """The report from an already-read summary and clippings (pure: no database)."""
    if text_policy not in TEXT_POLICIES:
        raise ValueError(f"unknown text policy {text_policy!r}; expected one of: {', '.join(TEXT_POLICIES)}")
    zone = ZoneInfo(timezone)
    moment = generated_at or utcnow()
    generated = (moment if moment.tzinfo else moment.replace(tzinfo=zone)).astimezone(zone)
    finder = CityFinder.for_partners(list(campaign.partner_cities))
    everything = [
        ReportClipping(
            view=v,
            story_key=story_key(v.story),
            city=finder.city(v.city, v.title, v.text),
            journalist_short=byline_short(v.journalist),
            full_text=_full_text(v, text_policy),
            excerpt=excerpt(v.text),
            unreviewed=selection.review_required and v.review_status != "accepted",
        )
        for v in views
    ]
    items = [item for item in everything if not item.to_classify]
    unclassified = [item for item in everything if item.to_classify]
    by_category: dict[str, list[ReportClipping]] = defaultdict(list)
    for item in items:
        by_category[item.view.category].append(item)
    sections = [
        CategorySection(row.category, row.label, row.count, row.audience, by_category.get(row.category, []))
        for row in summary.rows
    ]
    stories, unique, grouped = _stories(items)
    timeline, unit = _timeline(items, selection.start, selection.end)
    return ReportData(
        campaign=campaign.name,
        keywords=list(campaign.keywords),
        start=selection.start,
        end=selection.end,
        generated_at=generated,
        timezone=timezone,
        summary=summary,
        sections=sections,
        clippings=items,
        highlights=_highlights(items),
        stories=stories,
        cities=_cities(items, list(campaign.partner_cities)),
        timeline=timeline,
        timeline_unit=unit,
        methodology=_methodology(items, text_policy, unique, grouped, selection.review_required),
        unclassified=unclassified,
        cover=cover or Cover(),
    )


def build_report(
    session: Session, selection: Selection, *, campaign: Campaign, **options: Unpack[ReportOptions]
) -> ReportData:
    """Read the campaign's clippings for the period and assemble the press review (options: ``assemble_report``'s)."""
    summary = category_summary(session, selection)
    views = report_clippings(session, selection)
    data = assemble_report(summary, views, selection, campaign=campaign, **options)
    data.methodology.source_health = unhealthy_periods(session, selection.start, selection.end)
    return data
