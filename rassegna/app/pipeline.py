"""Glue between the packages: NLP for stored articles, story grouping, report writing, `analyze` output."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from rassegna.config import Campaign, Settings
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.domain import Analysis, Article
from rassegna.storage.db import is_locked_error, read_session, session_scope

log = logging.getLogger(__name__)
STORY_WAIT = 2.0  # seconds a report waits for the write lock to group new clippings, then goes on without
STORY_BATCH = 500  # clippings given a story per write transaction
STORIES_LOCK = "stories"  # one process groups stories at a time


def partner_cities(campaigns: Iterable[Campaign]) -> list[str]:
    """Every campaign's partner cities, each once, in configuration order."""
    return list(dict.fromkeys(city for c in campaigns for city in c.partner_cities))


def analyzer_for(campaigns: Iterable[Campaign]) -> Callable[[list[Article]], list[Analysis]]:
    """A batch analyser for articles, with the campaigns' partner cities first in the gazetteer."""
    from rassegna.nlp import analyze_many

    cities = partner_cities(campaigns)

    def analyse(articles: list[Article]) -> list[Analysis]:
        analyses = analyze_many(((a.title, a.text) for a in articles), partner_cities=cities)
        # A byline the source gave beats one guessed from the text.
        for article, analysis in zip(articles, analyses, strict=True):
            analysis.journalist = article.journalist or analysis.journalist
        return analyses

    return analyse


def analyse_text(settings: Settings, text: str, title: str | None) -> dict[str, Any]:
    """The `rassegna analyze` JSON for one plain-text article."""
    from rassegna.nlp import analyze

    matcher = CampaignMatcher.from_settings(settings.campaigns)
    analysis = analyze(text, title, partner_cities=partner_cities(settings.campaigns))
    return {
        "campaigns": [asdict(m) for m in matcher.match(title, text)],
        "city": analysis.city,
        "city_to_check": analysis.city_to_check,
        "places": list(analysis.places),
        "figures": [figure_json(f) for f in analysis.figures],
        "quotes": [asdict(q) for q in analysis.quotes],
        "journalist": analysis.journalist,
    }


def figure_json(figure: Any) -> dict[str, Any]:
    """A figure as the contract's JSON shows it (whole numbers as integers)."""
    value = figure.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return {"value": value, "unit": figure.unit, "qualifier": figure.qualifier, "text": figure.text}


def refresh_stories(engine: Engine, *, wait: float | None = None, batch: int = STORY_BATCH) -> int:
    """Group new clippings into stories (same press release); returns how many were assigned.

    Looks first without the write lock: with every clipping in a story already, nothing is written. The grouping
    runs on a read snapshot; its result is written ``batch`` clippings per transaction, so other writers get
    their turn. One process groups at a time (the ``stories`` lock): another waits for it up to ``wait``
    seconds (default: the engine's busy timeout), then leaves the grouping to it; OperationalError when the
    database stays busy."""
    from sqlmodel import col, select

    from rassegna.app.scheduler.lock import DbLock
    from rassegna.reports.stories import apply_story_plan, plan_stories
    from rassegna.storage.db import default_busy_timeout
    from rassegna.storage.models import Clipping

    with read_session(engine) as session:
        pending = session.exec(select(Clipping.id).where(col(Clipping.story_id).is_(None)).limit(1)).first()
    if pending is None:
        return 0
    patience = default_busy_timeout() if wait is None else wait
    lock = DbLock(engine, STORIES_LOCK, lease=600, wait=wait)
    deadline = time.monotonic() + patience
    while not lock.acquire():
        if time.monotonic() >= deadline:
            log.info("stories not refreshed: another process is grouping them")
            return 0
        time.sleep(0.2)
    try:
        with read_session(engine) as session:
            plan = plan_stories(session)
        assigned = 0
        for piece in plan.batches(batch):
            with session_scope(engine, wait=wait) as session:
                assigned += apply_story_plan(session, piece)
            lock.renew()
        return assigned
    finally:
        lock.release()


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """One press review to write."""

    campaign: Campaign
    start: date
    end: date
    fmt: str
    output: Path
    include_unreviewed: bool = False
    text_policy: str | None = None


def write_campaign_report(engine: Engine, settings: Settings, request: ReportRequest) -> Path:
    """Build the press review from the database and write it in the requested format."""
    from rassegna.reports import build_report, write_report
    from rassegna.reports.model import cover_for
    from rassegna.storage.queries import Selection

    try:
        refresh_stories(engine, wait=STORY_WAIT)
    except OperationalError as exc:
        if not is_locked_error(exc):
            raise
        # Another process (an import, a crawl) is writing and will group its clippings itself when done:
        # the report is written with the stories as they are rather than waiting for it.
        log.info("stories not refreshed before the report: the database is busy (%s)", exc)
    selection = Selection(
        campaign=request.campaign.name,
        start=request.start,
        end=request.end,
        review_required=settings.review_required,
        include_unreviewed=request.include_unreviewed,
    )
    with read_session(engine) as session:  # a report only reads: never behind (or in the way of) a writer
        data = build_report(
            session,
            selection,
            campaign=request.campaign,
            text_policy=request.text_policy or settings.text_policy,
            timezone=settings.schedule.timezone,
            cover=cover_for(settings.report.client_name, settings.report.logo),
        )
    return write_report(data, request.fmt, request.output)
