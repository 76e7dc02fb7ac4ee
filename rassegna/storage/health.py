"""Source health in the database: record each crawl run per source-day, read histories, open and close alerts."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from rassegna.config.models import HealthSettings, Settings
from rassegna.domain import Source, SourceStats
from rassegna.health.rules import DayStats, SourceHistory, evaluate_all, incomplete_sentence, merge_faults
from rassegna.storage.models import HealthSource, OutletRow, SourceAlert, SourceDay

_COUNTERS = (
    "runs", "failed_runs", "requests", "ok_responses", "pages", "links",
    "articles", "relevant", "empty", "text_chars", "robots",
)  # fmt: skip
# Past days read beyond the rules' window: room for a month-long streak before it.
STREAK_DAYS = 30
LOOKBACK_DAYS = 30 + STREAK_DAYS


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """A source as ``rassegna sources`` and the desk show it."""

    url: str
    outlet: str
    kind: str
    status: str  # ok | unhealthy
    reasons: list[str]
    since: datetime | None
    days: list[DayStats]


@dataclass(frozen=True, slots=True)
class UnhealthyPeriod:
    """A spell during which a source was unhealthy, clipped to a report's period."""

    outlet: str
    kind: str
    url: str
    rule: str
    start: date
    end: date
    reasons: list[str]

    @property
    def sentence(self) -> str:
        """ "dal 12 al 18 ottobre Genova24.it non ha risposto: la rassegna può essere incompleta"."""
        return incomplete_sentence(self.outlet, self.rule, self.start, self.end)

    @property
    def display(self) -> str:
        """The sentence with a capital first letter (a list item of its own)."""
        return self.sentence[:1].upper() + self.sentence[1:]


@dataclass(slots=True)
class AlertChanges:
    """What one refresh of the alerts did."""

    opened: list[SourceAlert]
    closed: list[SourceAlert]


def _source_row(session: Session, outlet: str, kind: str, url: str) -> HealthSource:
    row = session.exec(select(HealthSource).where(HealthSource.kind == kind, HealthSource.url == url)).first()
    if row is None:
        row = HealthSource(outlet=outlet, kind=kind, url=url)
        session.add(row)
        session.flush()
    elif row.outlet != outlet:
        row.outlet = outlet
    return row


def record_run(session: Session, stats: dict[Source, SourceStats], when: datetime) -> None:
    """Add one crawl run's per-source counts to each source's row of the day and its failure streak."""
    day = when.astimezone(UTC).date()
    for source, s in stats.items():
        if not (s.requests or s.robots or s.faults):
            continue  # never reached in this run (a cancelled crawl, a URL two outlets share): nothing learnt
        row = _source_row(session, source.outlet, source.kind, source.url)
        failed = s.failed()
        if failed:
            row.consecutive_failures += 1
            row.last_fault = (s.own_fault or max(s.faults, key=s.faults.__getitem__))[:50]
            row.failing_since = row.failing_since or when
        elif s.ok_responses:  # a successful run ends the streak
            row.consecutive_failures, row.failing_since = 0, None
        row.last_run_at = when
        session.add(row)
        today = session.get(SourceDay, (day, row.id)) or SourceDay(source_id=int(row.id or 0), day=day)
        median = round(statistics.median(s.latencies_ms)) if s.latencies_ms else None
        if median is not None and today.median_ms is not None and today.requests:
            # The day's median is the request-weighted mean of its runs' medians (samples are not kept).
            median = round((today.median_ms * today.requests + median * s.requests) / (today.requests + s.requests))
        today.median_ms = median if median is not None else today.median_ms
        today.runs += 1
        today.failed_runs += failed
        today.requests += s.requests
        today.ok_responses += s.ok_responses
        today.pages += s.pages
        today.links += s.links
        today.articles += s.articles
        today.relevant += s.matched
        today.empty += s.empty
        today.text_chars += s.text_chars
        today.robots += s.robots
        today.faults = merge_faults(today.faults, ";".join(f"{k}={n}" for k, n in s.faults.items()))[:500]
        session.add(today)
    session.flush()


def record_moved(session: Session, outlet: str, kind: str, old_url: str, new_url: str, when: datetime) -> None:
    """A source found again elsewhere (e.g. a moved feed discovered from the home page): its alert closes."""
    row = _source_row(session, outlet, kind, old_url)
    row.moved_to, row.moved_at = new_url, when
    session.add(row)
    _source_row(session, outlet, kind, new_url)
    for alert in session.exec(
        select(SourceAlert).where(SourceAlert.source_id == row.id, col(SourceAlert.closed_at).is_(None))
    ):
        alert.closed_at, alert.note = when, f"fonte spostata: ora {new_url}"
        session.add(alert)
    session.flush()


def histories(session: Session, today: date, *, lookback_days: int = LOOKBACK_DAYS) -> list[SourceHistory]:
    """Every tracked source with its days from ``lookback_days`` before ``today``."""
    sources = session.exec(select(HealthSource)).all()
    days: dict[int, list[DayStats]] = {}
    names = ", ".join(("source_id", "day", *_COUNTERS, "median_ms", "faults"))
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    query = f"SELECT {names} FROM source_day WHERE day >= {mark} AND day <= {mark} ORDER BY source_id, day"
    # The DB-API cursor directly: plain tuples, no SQLAlchemy rows (a year of 1,000 sources is 60,000 of them).
    cursor = connection.connection.cursor()
    try:
        first = today - timedelta(days=lookback_days)
        cursor.execute(query, (first.isoformat(), today.isoformat()) if mark == "?" else (first, today))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    parsed: dict[object, date] = {}  # a window holds few distinct days: parse each once
    for source_id, day, *values in rows:
        # SQLite hands dates back as ISO text, PostgreSQL as dates.
        when = parsed.get(day)
        if when is None:
            when = parsed[day] = day if isinstance(day, date) else date.fromisoformat(day)
        days.setdefault(source_id, []).append(DayStats(when, *values))
    return [
        SourceHistory(
            outlet=s.outlet,
            kind=s.kind,
            url=s.url,
            days=tuple(days.get(int(s.id or 0), ())),
            consecutive_failures=s.consecutive_failures,
            last_fault=s.last_fault,
            failing_since=s.failing_since,
            moved_to=s.moved_to,
        )
        for s in sources
    ]


def refresh_alerts(session: Session, settings: HealthSettings, now: datetime, timezone: str = "UTC") -> AlertChanges:
    """Evaluate every source: open an alert for a newly unhealthy one, close the alert of one that recovered."""
    today = now.astimezone(UTC).date()
    ids = {(s.kind, s.url): s for s in session.exec(select(HealthSource)).all()}
    open_alerts = {
        a.source_id: a for a in session.exec(select(SourceAlert).where(col(SourceAlert.closed_at).is_(None)))
    }
    changes = AlertChanges([], [])
    for health in evaluate_all(
        histories(session, today, lookback_days=settings.window_days + STREAK_DAYS), settings, today
    ):
        row = ids[(health.source.kind, health.source.url)]
        alert = open_alerts.get(int(row.id or 0))
        if health.ok:
            if alert is not None:
                alert.closed_at, alert.note = now, alert.note or "la fonte si è ripresa"
                session.add(alert)
                changes.closed.append(alert)
            continue
        first = health.findings[0]
        reasons = "\n".join(f.reason for f in health.findings)
        if alert is None:
            since = (
                row.failing_since
                if first.rule == "failures" and row.failing_since
                else datetime.combine(first.since, time(), ZoneInfo(timezone))
            )
            alert = SourceAlert(
                source_id=int(row.id or 0),
                rule=first.rule,
                reasons=reasons,
                since=since,
                first_day=first.since,
                last_day=today,
                opened_at=now,
            )
            changes.opened.append(alert)
        else:
            alert.rule, alert.reasons, alert.last_day = first.rule, reasons, today
        session.add(alert)
    session.flush()
    return changes


def _configured_sources(session: Session, settings: Settings) -> list[tuple[str, str, str]]:
    """(outlet, kind, url) of every source the config and the outlet registry name."""
    found: dict[tuple[str, str], str] = {}
    rows = session.exec(select(OutletRow)).all()
    for outlet in [*settings.outlets, *rows]:
        for kind, urls in (("feed", outlet.feeds), ("sitemap", outlet.sitemaps), ("start", outlet.start_urls)):
            for url in urls:
                found.setdefault((kind, url), outlet.name)
    return [(outlet, kind, url) for (kind, url), outlet in found.items()]


def source_statuses(session: Session, settings: Settings, now: datetime) -> list[SourceStatus]:
    """Every source (configured, in the registry, or seen by the crawler) with its health, the unhealthy first."""
    today = now.astimezone(UTC).date()
    zone = ZoneInfo(settings.schedule.timezone)
    lookback = settings.health.window_days + STREAK_DAYS
    tracked = {(h.kind, h.url): h for h in histories(session, today, lookback_days=lookback)}
    for outlet, kind, url in _configured_sources(session, settings):
        tracked.setdefault((kind, url), SourceHistory(outlet=outlet, kind=kind, url=url))
    alerts = {
        (s.kind, s.url): a
        for a, s in session.exec(
            select(SourceAlert, HealthSource)
            .where(SourceAlert.source_id == HealthSource.id)
            .where(col(SourceAlert.closed_at).is_(None))
        )
    }
    result = []
    for health in evaluate_all(tracked.values(), settings.health, today):
        h = health.source
        since = None
        if not health.ok:
            alert = alerts.get((h.kind, h.url))
            first = health.findings[0]
            if alert is not None:
                since = alert.since
            elif first.rule == "failures" and h.failing_since:
                since = h.failing_since
            else:
                since = datetime.combine(first.since, time(), zone)
            since = since.astimezone(zone)
        reasons = [f.reason for f in health.findings]
        if h.moved_to:
            reasons = [f"fonte spostata: ora {h.moved_to}"]
        result.append(
            SourceStatus(
                url=h.url,
                outlet=h.outlet,
                kind=h.kind,
                status="ok" if health.ok else "unhealthy",
                reasons=reasons,
                since=since,
                days=list(h.days),
            )
        )
    return result


def unhealthy_periods(session: Session, start: date, end: date, today: date | None = None) -> list[UnhealthyPeriod]:
    """Alerts that overlap ``start``..``end``, clipped to it (an open alert runs to its last day seen)."""
    rows = session.exec(
        select(SourceAlert, HealthSource)
        .where(SourceAlert.source_id == HealthSource.id)
        .where(SourceAlert.first_day <= end, SourceAlert.last_day >= start)
        .order_by(col(SourceAlert.first_day))
    ).all()
    periods = []
    for alert, source in rows:
        last = alert.last_day  # the last day it was seen unhealthy (an open alert: up to ``today``)
        if alert.closed_at is None and today is not None:
            last = max(last, today)
        periods.append(
            UnhealthyPeriod(
                outlet=source.outlet,
                kind=source.kind,
                url=source.url,
                rule=alert.rule,
                start=max(alert.first_day, start),
                end=min(last, end),
                reasons=alert.reasons.splitlines(),
            )
        )
    return periods
