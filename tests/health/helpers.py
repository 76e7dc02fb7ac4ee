"""Simulated days of crawling for source-health tests: per-run counts written through storage, clock injected."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import select

from rassegna.config.models import HealthSettings
from rassegna.crawler.ports import Source, SourceStats
from rassegna.storage.db import session_scope
from rassegna.storage.health import record_run, refresh_alerts
from rassegna.storage.models import SourceAlert

START = datetime(2023, 9, 1, 4, 0, tzinfo=UTC)


def healthy(rng: random.Random, mean: float = 6.0, chars: int = 2500) -> SourceStats:
    """A normal run: a handful of new articles (irregular: Poisson-like, quieter at weekends)."""
    articles = sum(rng.random() < mean / 20 for _ in range(20))
    return SourceStats(
        requests=articles + 1,
        ok_responses=articles + 1,
        pages=articles,
        links=articles,
        articles=articles,
        matched=rng.random() < 0.2,
        text_chars=sum(rng.randint(chars // 2, chars * 3 // 2) for _ in range(articles)),
        latencies_ms=[rng.randint(80, 400) for _ in range(articles + 1)],
    )


def failing(kind: str) -> SourceStats:
    """A run where the source's own URL failed with ``kind``."""
    return SourceStats(requests=1, ok_responses=0, errors=1, faults={kind: 1}, own_fault=kind)


def bodiless(rng: random.Random) -> SourceStats:
    """A run where every article page came back without its main text."""
    n = rng.randint(4, 8)
    return SourceStats(requests=n + 1, ok_responses=n + 1, pages=n, links=n, empty=n, faults={"no_content": n})


def silent() -> SourceStats:
    """A run where the source answers but announces nothing new."""
    return SourceStats(requests=1, ok_responses=1)


@dataclass
class Simulation:
    """Days of crawl runs of one source, alerts refreshed after each, the clock moved by hand."""

    engine: Engine
    source: Source
    settings: HealthSettings = field(default_factory=HealthSettings)
    day: int = 0
    opened: list[SourceAlert] = field(default_factory=list)
    closed: list[SourceAlert] = field(default_factory=list)

    @property
    def now(self) -> datetime:
        """The simulated clock."""
        return START + timedelta(days=self.day)

    def run(self, days: int, stats: Callable[[int], SourceStats]) -> None:
        """``days`` daily crawl runs whose counts ``stats(day)`` gives."""
        for _ in range(days):
            with session_scope(self.engine) as session:
                record_run(session, {self.source: stats(self.day)}, self.now)
                changes = refresh_alerts(session, self.settings, self.now + timedelta(minutes=5))
                self.opened += [(a.rule, a.reasons, self.day) for a in changes.opened]  # type: ignore[misc]
                self.closed += [(a.rule, self.day) for a in changes.closed]  # type: ignore[misc]
            self.day += 1

    def alerts(self) -> list[SourceAlert]:
        """Every alert stored."""
        with session_scope(self.engine) as session:
            rows = session.exec(select(SourceAlert)).all()
            session.expunge_all()
            return list(rows)
