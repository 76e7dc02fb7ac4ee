"""What the dashboard shows for a campaign and period: summary, city coverage, timeline, crawl health."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from rassegna.config import Campaign
from rassegna.reports.model import CityCoverage, ReportData, build_report
from rassegna.storage.desk import desk_facts
from rassegna.storage.models import CrawlError, CrawlRun
from rassegna.storage.queries import Selection, Summary


@dataclass(frozen=True, slots=True)
class TimelineBar:
    """One bar of the timeline: a day or a week (from Monday) and its clippings, as the report counts them."""

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
    """Everything the dashboard page shows; summary, cities and timeline are the press review's own."""

    summary: Summary
    coverage: list[CityCoverage]  # partner cities, in campaign order
    other_cities: list[CityCoverage]
    timeline: list[TimelineBar]
    timeline_unit: str  # "giorno" | "settimana"
    runs: list[CrawlRun] = field(default_factory=list)
    failing: list[FailingSource] = field(default_factory=list)
    pending: int = 0
    to_classify_clippings: int = 0  # clippings of the period whose outlet waits to be classified
    to_classify_outlets: int = 0  # outlets of the registry waiting to be classified

    @property
    def uncovered(self) -> list[str]:
        """Partner cities no clipping of the period is about."""
        return [c.city for c in self.coverage if not c.covered]

    @property
    def timeline_max(self) -> int:
        """The tallest bar (at least 1)."""
        return max([bar.count for bar in self.timeline] + [1])


def _bars(report: ReportData) -> tuple[list[TimelineBar], str]:
    unit = "giorno" if report.timeline_unit == "day" else "settimana"
    return [TimelineBar(p.start, p.start.strftime("%d/%m"), p.count) for p in report.timeline], unit


def _failing_sources(errors: list[CrawlError]) -> list[FailingSource]:
    grouped: dict[tuple[str | None, str | None], list[CrawlError]] = {}
    for error in errors:  # newest first
        grouped.setdefault((error.outlet, error.source), []).append(error)
    return sorted(
        (
            FailingSource(outlet, source, len(errs), errs[0].kind, errs[0].message, errs[0].at)
            for (outlet, source), errs in grouped.items()
        ),
        key=lambda f: (-f.failures, f.outlet or ""),
    )[:30]


def build_dashboard(session: Session, campaign: Campaign, selection: Selection) -> Dashboard:
    """The dashboard of a campaign for the selection's period and review rule.

    Summary, city coverage and timeline come from the press review of the same selection (``build_report``),
    so the desk and every report format give the same figures.
    """
    report = build_report(session, selection, campaign=campaign)
    bars, unit = _bars(report)
    facts = desk_facts(session, selection)
    return Dashboard(
        summary=report.summary,
        coverage=[c for c in report.cities if c.partner],
        other_cities=[c for c in report.cities if not c.partner][:20],
        timeline=bars,
        timeline_unit=unit,
        runs=facts.runs,
        failing=_failing_sources(facts.errors),
        pending=facts.pending,
        to_classify_clippings=len(report.unclassified),
        to_classify_outlets=facts.outlets_to_classify,
    )
