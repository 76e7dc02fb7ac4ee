"""What the dashboard shows for a campaign and period: summary, city coverage, timeline, crawl health."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from rassegna.config import Campaign
from rassegna.storage.models import Clipping, ClippingCampaign, CrawlError, CrawlRun
from rassegna.storage.queries import Selection, Summary, category_summary


@dataclass(frozen=True, slots=True)
class CityCoverage:
    """How many clippings of the period name a partner city as their city."""

    city: str
    count: int


@dataclass(frozen=True, slots=True)
class TimelineBar:
    """One bar of the timeline: a day, week or month and its clippings."""

    start: date
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class FailingSource:
    """A source that failed in recent crawl runs, with its latest error."""

    outlet: str | None
    source: str | None
    failures: int
    kind: str
    message: str
    last_at: object


@dataclass(slots=True)
class Dashboard:
    """Everything the dashboard page shows."""

    summary: Summary
    coverage: list[CityCoverage]
    other_cities: list[CityCoverage]
    timeline: list[TimelineBar]
    timeline_unit: str
    runs: list[CrawlRun] = field(default_factory=list)
    failing: list[FailingSource] = field(default_factory=list)
    pending: int = 0

    @property
    def uncovered(self) -> list[str]:
        """Partner cities no clipping of the period is about."""
        return [c.city for c in self.coverage if c.count == 0]

    @property
    def timeline_max(self) -> int:
        """The tallest bar (at least 1)."""
        return max([bar.count for bar in self.timeline] + [1])


def _dates_and_cities(session: Session, selection: Selection) -> list[tuple[date | None, str | None]]:
    statement = (
        select(Clipping.published, Clipping.city)
        .join(ClippingCampaign, ClippingCampaign.clipping_id == Clipping.id)
        .where(func.lower(ClippingCampaign.campaign) == selection.campaign.lower())
        .where(Clipping.published >= selection.start, Clipping.published <= selection.end)
        .where(Clipping.review_status.in_(selection.statuses()))
    )
    return list(session.exec(statement).all())


def timeline(dates: list[date], start: date, end: date) -> tuple[list[TimelineBar], str]:
    """Clippings per day (up to two months), per week (up to a year) or per month, zero bars included."""
    days = (end - start).days + 1
    if days <= 62:
        unit, key = "giorno", (lambda d: d)
    elif days <= 370:
        unit, key = "settimana", (lambda d: d - timedelta(days=d.weekday()))
    else:
        unit, key = "mese", (lambda d: d.replace(day=1))
    counts = Counter(key(d) for d in dates)
    bars: list[TimelineBar] = []
    cursor = key(start)
    while cursor <= end:
        label = cursor.strftime("%m/%Y") if unit == "mese" else cursor.strftime("%d/%m")
        bars.append(TimelineBar(cursor, label, counts.get(cursor, 0)))
        if unit == "giorno":
            cursor += timedelta(days=1)
        elif unit == "settimana":
            cursor += timedelta(days=7)
        else:
            cursor = (cursor.replace(day=28) + timedelta(days=4)).replace(day=1)
    return bars, unit


def build_dashboard(session: Session, campaign: Campaign, selection: Selection) -> Dashboard:
    """The dashboard of a campaign for the selection's period and review rule."""
    rows = _dates_and_cities(session, selection)
    by_city = Counter((city or "").strip().casefold() for _, city in rows if city)
    partners = {c.casefold() for c in campaign.partner_cities}
    coverage = [CityCoverage(city, by_city.get(city.casefold(), 0)) for city in campaign.partner_cities]
    names = {(city or "").strip().casefold(): (city or "").strip() for _, city in rows if city}
    others = sorted(
        (CityCoverage(names[k], n) for k, n in by_city.items() if k not in partners),
        key=lambda c: (-c.count, c.city),
    )
    bars, unit = timeline([d for d, _ in rows if d], selection.start, selection.end)
    runs = list(session.exec(select(CrawlRun).order_by(CrawlRun.started_at.desc()).limit(10)))
    failing: list[FailingSource] = []
    if runs:
        run_ids = [r.id for r in runs]
        grouped: dict[tuple[str | None, str | None], list[CrawlError]] = {}
        for error in session.exec(
            select(CrawlError).where(CrawlError.crawl_run_id.in_(run_ids)).order_by(CrawlError.at.desc())
        ):
            grouped.setdefault((error.outlet, error.source), []).append(error)
        failing = sorted(
            (
                FailingSource(outlet, source, len(errs), errs[0].kind, errs[0].message, errs[0].at)
                for (outlet, source), errs in grouped.items()
            ),
            key=lambda f: (-f.failures, f.outlet or ""),
        )[:30]
    pending = session.exec(
        select(func.count(Clipping.id))
        .join(ClippingCampaign, ClippingCampaign.clipping_id == Clipping.id)
        .where(func.lower(ClippingCampaign.campaign) == selection.campaign.lower())
        .where(Clipping.published >= selection.start, Clipping.published <= selection.end)
        .where(Clipping.review_status == "new")
    ).one()
    return Dashboard(
        summary=category_summary(session, selection),
        coverage=coverage,
        other_cities=others[:20],
        timeline=bars,
        timeline_unit=unit,
        runs=runs,
        failing=failing,
        pending=pending,
    )
