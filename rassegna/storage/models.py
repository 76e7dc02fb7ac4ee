"""Database tables: outlets, clippings and what the NLP found in them, stories, crawl and job runs."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Protocol

from sqlalchemy import JSON, Column, Index, Table, Text, UniqueConstraint, false
from sqlalchemy.orm import class_mapper
from sqlmodel import Field, SQLModel

from rassegna.config.models import OutletFields


def utcnow() -> datetime:
    """Now, timezone-aware in UTC (how every timestamp is stored)."""
    return datetime.now(UTC)


class _Row(Protocol):
    id: int | None


def id_of(row: _Row) -> int:
    """The primary key of a stored row (SQLModel types every ``id`` as ``int | None``: None until flushed)."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id yet: it was never flushed to the database")
    return row.id


def table_of(model: type[SQLModel]) -> Table:
    """The SQLAlchemy table of a table model, typed (SQLModel's metaclass sets ``__table__`` untyped)."""
    table = class_mapper(model).local_table
    assert isinstance(table, Table)
    return table


class OutletRow(OutletFields, table=True):
    """An outlet of the registry (from the config, an import, or discovered by the crawler).

    Its registry fields are ``OutletFields``, shared with the config's ``Outlet``; these are the store's own."""

    __tablename__ = "outlet"

    id: int | None = Field(default=None, primary_key=True)
    to_classify: bool = False  # discovered by the crawler on an unknown domain
    sources_checked_at: datetime | None = None  # when its home page was last read for feeds and sitemaps
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class FoundSourceRow(SQLModel, table=True):
    """A feed or sitemap the crawler found on the home page of an outlet known only by its domain."""

    __tablename__ = "found_source"
    __table_args__ = (UniqueConstraint("outlet_id", "url"),)

    id: int | None = Field(default=None, primary_key=True)
    outlet_id: int = Field(foreign_key="outlet.id", index=True)
    kind: str = Field(max_length=10)  # feed | sitemap
    url: str = Field(sa_column=Column(Text, nullable=False))
    found_at: datetime = Field(default_factory=utcnow)
    failures: int = 0  # crawl runs in a row in which it failed


class AudienceFigure(SQLModel, table=True):
    """One audience measurement of an outlet: audience changes every year, so each figure keeps its source."""

    __tablename__ = "audience_figure"

    id: int | None = Field(default=None, primary_key=True)
    outlet_id: int = Field(foreign_key="outlet.id", index=True)
    audience: int | None = None
    source: str | None = Field(default=None, max_length=100)
    measured_on: date | None = None
    recorded_at: datetime = Field(default_factory=utcnow)


class Story(SQLModel, table=True):
    """Clippings carrying the same press release."""

    __tablename__ = "story"

    id: int | None = Field(default=None, primary_key=True)
    label: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow)


class Clipping(SQLModel, table=True):
    """An article, wire, broadcast or post that mentions a campaign."""

    __tablename__ = "clipping"
    __table_args__ = (Index("ix_clipping_published", "published"),)

    id: int | None = Field(default=None, primary_key=True)
    # canonical URL, or outlet + title + date for clippings without URL: storing twice never makes two.
    dedupe_key: str = Field(unique=True, max_length=700)
    outlet_id: int = Field(foreign_key="outlet.id", index=True)
    category: str = Field(max_length=40)  # the outlet's category when captured
    audience: int | None = None  # the outlet's audience when captured (None: unknown)
    title: str = Field(sa_column=Column(Text, nullable=False))
    published: date | None = None
    journalist: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, sa_column=Column(Text))
    canonical_url: str | None = Field(default=None, sa_column=Column(Text))
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    source: str = Field(default="crawl", max_length=10)  # "crawl" | "import"
    language: str | None = Field(default=None, max_length=10)
    rights_reserved: bool = False
    city: str | None = Field(default=None, max_length=200)
    # the NLP's city was not set by an explicit frame of the text; cleared when an editor saves the clipping
    city_to_check: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    analysed: bool = False
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)
    review_status: str = Field(default="new", max_length=10)  # "new" | "accepted" | "rejected"
    reviewed_by: str | None = Field(default=None, max_length=100)
    reviewed_at: datetime | None = None
    review_note: str | None = Field(default=None, sa_column=Column(Text))
    crawl_run_id: int | None = Field(default=None, foreign_key="crawl_run.id")
    created_at: datetime = Field(default_factory=utcnow)


class ClippingCampaign(SQLModel, table=True):
    """Which campaigns a clipping belongs to, with the keyword form matched and a snippet."""

    __tablename__ = "clipping_campaign"
    __table_args__ = (UniqueConstraint("clipping_id", "campaign"),)

    id: int | None = Field(default=None, primary_key=True)
    clipping_id: int = Field(foreign_key="clipping.id", index=True)
    campaign: str = Field(index=True, max_length=200)
    matched: str | None = Field(default=None, max_length=200)
    snippet: str | None = Field(default=None, sa_column=Column(Text))


class ClippingPlace(SQLModel, table=True):
    """A place a clipping mentions; ``position`` 0 is its main city."""

    __tablename__ = "clipping_place"

    id: int | None = Field(default=None, primary_key=True)
    clipping_id: int = Field(foreign_key="clipping.id", index=True)
    name: str = Field(max_length=200)
    position: int = 0


class ClippingFigure(SQLModel, table=True):
    """A figure a clipping reports."""

    __tablename__ = "clipping_figure"

    id: int | None = Field(default=None, primary_key=True)
    clipping_id: int = Field(foreign_key="clipping.id", index=True)
    value: float
    unit: str = Field(max_length=200)
    qualifier: str | None = Field(default=None, max_length=50)
    text: str = Field(sa_column=Column(Text, nullable=False))
    position: int = 0


class ClippingQuote(SQLModel, table=True):
    """A quote in a clipping, with speaker and role."""

    __tablename__ = "clipping_quote"

    id: int | None = Field(default=None, primary_key=True)
    clipping_id: int = Field(foreign_key="clipping.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    speaker: str | None = Field(default=None, max_length=200)
    role: str | None = Field(default=None, sa_column=Column(Text))
    position: int = 0
    # no attribution pattern read the speaker (the person named nearest, or nobody)
    speaker_to_check: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class CrawlRun(SQLModel, table=True):
    """One crawl pass, with its counts and outcome."""

    __tablename__ = "crawl_run"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    outcome: str = Field(default="running", max_length=20)  # running | ok | partial | failed | cancelled
    campaign: str | None = Field(default=None, max_length=200)
    pages: int = 0
    matched: int = 0
    new_clippings: int = 0
    errors: int = 0
    pid: int | None = None  # the crawl process: a run left running by a process gone is closed when found
    host: str | None = Field(default=None, max_length=255)


class CrawlWorker(SQLModel, table=True):
    """One worker's part in a distributed crawl run (kept up to date by the coordinator while the run goes on)."""

    __tablename__ = "crawl_worker"
    __table_args__ = (UniqueConstraint("crawl_run_id", "worker"),)

    id: int | None = Field(default=None, primary_key=True)
    crawl_run_id: int = Field(foreign_key="crawl_run.id", index=True)
    worker: str = Field(max_length=300)  # host:pid:tag
    host: str = Field(default="", max_length=255)
    pages: int = 0
    items: int = 0  # pages through the pipelines (extracted, matched, stored)
    new_clippings: int = 0
    errors: int = 0
    last_seen: datetime = Field(default_factory=utcnow)
    state: str = Field(default="working", max_length=20)  # working | done | lost (stopped reporting)


class SourceStat(SQLModel, table=True):
    """Per-source counts of a crawl run (a source is a feed, sitemap or start page)."""

    __tablename__ = "source_stat"

    id: int | None = Field(default=None, primary_key=True)
    crawl_run_id: int = Field(foreign_key="crawl_run.id", index=True)
    outlet: str | None = Field(default=None, max_length=300)
    source: str = Field(sa_column=Column(Text, nullable=False))
    pages: int = 0
    matched: int = 0
    new_clippings: int = 0
    errors: int = 0


class CrawlError(SQLModel, table=True):
    """A failure during a crawl, recorded against its source."""

    __tablename__ = "crawl_error"

    id: int | None = Field(default=None, primary_key=True)
    crawl_run_id: int = Field(foreign_key="crawl_run.id", index=True)
    outlet: str | None = Field(default=None, max_length=300)
    source: str | None = Field(default=None, sa_column=Column(Text))
    url: str | None = Field(default=None, sa_column=Column(Text))
    kind: str = Field(max_length=50)  # timeout | http_5xx | http_404 | dns | malformed_feed | ...
    message: str = Field(sa_column=Column(Text, nullable=False))
    at: datetime = Field(default_factory=utcnow)


class FetchState(SQLModel, table=True):
    """Validators of a fetched feed or sitemap, for conditional requests on the next crawl."""

    __tablename__ = "fetch_state"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    fetched_at: datetime = Field(default_factory=utcnow)


class SeenUrl(SQLModel, table=True):
    """An article URL already fetched and judged (relevant or not), so daily crawls skip it."""

    __tablename__ = "seen_url"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    relevant: bool = False
    seen_at: datetime = Field(default_factory=utcnow)


class JobRun(SQLModel, table=True):
    """A run of a scheduled or manual job (crawl or report), for `rassegna runs`."""

    __tablename__ = "job_run"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)  # crawl | report
    name: str = Field(max_length=300)
    trigger: str = Field(default="manual", max_length=20)  # manual | schedule
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    outcome: str = Field(default="running", max_length=20)
    counts: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    message: str | None = Field(default=None, sa_column=Column(Text))
    crawl_run_id: int | None = Field(default=None, foreign_key="crawl_run.id")
    pid: int | None = None  # the process running the job (see CrawlRun.pid)
    host: str | None = Field(default=None, max_length=255)


class JobLock(SQLModel, table=True):
    """A named lock in the database, so two scheduler processes never crawl at once."""

    __tablename__ = "job_lock"

    name: str = Field(primary_key=True, max_length=100)
    holder: str = Field(max_length=200)
    acquired_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class HealthSource(SQLModel, table=True):
    """A source whose health is tracked (feed, sitemap, start page, discovery search) and its failure streak."""

    __tablename__ = "health_source"
    __table_args__ = (UniqueConstraint("kind", "url", name="uq_health_source_kind_url"),)

    id: int | None = Field(default=None, primary_key=True)
    outlet: str = Field(max_length=300, index=True)
    kind: str = Field(max_length=20)  # feed | sitemap | start | discovery
    url: str = Field(sa_column=Column(Text, nullable=False))
    consecutive_failures: int = 0  # crawl runs in a row where the source failed
    last_fault: str | None = Field(default=None, max_length=50)
    failing_since: datetime | None = None
    last_run_at: datetime | None = None
    moved_to: str | None = Field(default=None, sa_column=Column(Text))  # found again elsewhere by discovery
    moved_at: datetime | None = None


class SourceDay(SQLModel, table=True):
    """One source's counts over one day: one compact row per source-day (see rassegna.health.rules.DayStats)."""

    __tablename__ = "source_day"

    # Day first in the primary key: the health rules read a range of days for every source.
    day: date = Field(primary_key=True)
    source_id: int = Field(foreign_key="health_source.id", primary_key=True)
    runs: int = 0
    failed_runs: int = 0
    requests: int = 0
    ok_responses: int = 0
    pages: int = 0
    links: int = 0
    articles: int = 0
    relevant: int = 0
    empty: int = 0
    text_chars: int = 0
    robots: int = 0
    median_ms: int | None = None
    faults: str = Field(default="", max_length=500)  # "http_404=3;timeout=1"


class SourceAlert(SQLModel, table=True):
    """An unhealthy spell of a source: opened when a rule fires, closed when the source recovers."""

    __tablename__ = "source_alert"

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="health_source.id", index=True)
    rule: str = Field(max_length=20)  # the most telling rule (rassegna.health.rules.RULE_WORDS)
    reasons: str = Field(default="", sa_column=Column(Text, nullable=False))  # one per line
    since: datetime  # when the trouble began
    first_day: date
    last_day: date  # the last day it was seen unhealthy
    opened_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None
    note: str | None = Field(default=None, sa_column=Column(Text))  # how it closed (recovered, moved)
    mailed_at: datetime | None = None


class AuditEntry(SQLModel, table=True):
    """One change made on the review desk: who, when, what, and the values before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    username: str = Field(max_length=100)
    action: str = Field(max_length=40)
    entity: str = Field(max_length=40)  # clipping | outlet | story
    entity_id: int | None = None
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
