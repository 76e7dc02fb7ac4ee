"""Typed configuration: campaigns, outlet registry, crawl and schedule settings."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from sqlalchemy import JSON
from sqlmodel import AutoString, SQLModel
from sqlmodel import Field as ColumnField

from rassegna.config.categories import CATEGORIES
from rassegna.domain import ReportFormat, TextPolicy


class _Strict(BaseModel):
    # Unknown keys are errors: a typo in a config key must not be silently ignored.
    model_config = ConfigDict(extra="forbid")


class Campaign(_Strict):
    """A campaign to track: its keywords and the cities its network covers."""

    name: str = Field(min_length=1)
    keywords: list[str] = Field(min_length=1)
    exclude_keywords: list[str] = Field(default_factory=list)
    partner_cities: list[str] = Field(default_factory=list)


class OutletFields(SQLModel):
    """The fields of a registry outlet, one definition shared by the config entry and the stored row.

    A SQLModel base: ``Outlet`` (configuration) and ``rassegna.storage.models.OutletRow`` (the table) both
    inherit it, and convert with ``model_validate``; the column arguments only matter to the table.
    """

    name: str = ColumnField(min_length=1, max_length=300, index=True, unique=True)
    category: str = ColumnField(max_length=40)
    audience: int | None = ColumnField(default=None, ge=0)
    audience_source: str | None = ColumnField(default=None, max_length=100)
    audience_date: date | None = None  # when the audience figure was measured (month)
    domains: list[str] = ColumnField(default_factory=list, sa_type=JSON, nullable=False)
    feeds: list[str] = ColumnField(default_factory=list, sa_type=JSON, nullable=False)
    sitemaps: list[str] = ColumnField(default_factory=list, sa_type=JSON, nullable=False)
    start_urls: list[str] = ColumnField(default_factory=list, sa_type=JSON, nullable=False)
    # Full text or headline + excerpt + link in reports; None: the report's default.
    text_policy: TextPolicy | None = ColumnField(default=None, sa_type=AutoString(length=20))

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r}; expected one of: {', '.join(CATEGORIES)}")
        return value

    @field_validator("domains")
    @classmethod
    def _bare_hosts(cls, value: list[str]) -> list[str]:
        return [d.strip().lower().removeprefix("www.").rstrip("/") for d in value if d.strip()]


OUTLET_FIELDS = frozenset(OutletFields.model_fields)


class Outlet(OutletFields):
    """A media outlet: category, audience and where its pages live."""

    # Unknown keys are errors, as in every config model.
    model_config = {**SQLModel.model_config, "extra": "forbid"}


class CrawlSettings(_Strict):
    """How politely and how deep to crawl."""

    user_agent: str = "rassegna/0.1 (+https://github.com/cittalia/rassegna)"
    obey_robots_txt: bool = True
    max_depth: int = Field(default=2, ge=0)
    concurrency: int = Field(default=16, ge=1)
    per_domain_concurrency: int = Field(default=2, ge=1)
    download_timeout: float = Field(default=30, gt=0)
    max_page_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    retry_times: int = Field(default=2, ge=0)
    autothrottle: bool = True
    max_retry_after: float = Field(default=120, ge=0)  # longest Retry-After we wait for, in seconds
    # Outlets known only by their domain: their feeds and sitemaps are found again at least this often,
    # and as soon as a found source has failed this many crawl runs in a row.
    rediscover_days: int = Field(default=7, ge=1)
    rediscover_after_failures: int = Field(default=3, ge=1)


class DiscoverySearch(_Strict):
    """A news search that finds articles on any outlet: an RSS/Atom search feed or the GDELT DOC 2.0 API."""

    name: str = Field(min_length=1)
    kind: Literal["rss", "gdelt"]
    url: str  # with {query}: the campaign's keywords joined by " OR ", URL-encoded
    min_interval: float = Field(default=0, ge=0)  # seconds between two requests to this service
    timeout: float | None = Field(default=None, gt=0)  # seconds; default crawl.download_timeout

    @field_validator("url")
    @classmethod
    def _query_template(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"not an absolute http(s) URL: {value!r}")
        if "{query}" not in value:
            raise ValueError("the URL has no {query} placeholder for the campaign's keywords")
        return value


class ScheduledReport(_Strict):
    """A press review assembled on a cron schedule."""

    campaign: str
    cron: str
    period_days: int = Field(default=7, ge=1)
    formats: list[ReportFormat] = Field(default_factory=lambda: list[ReportFormat](["html", "pdf"]))
    mail_to: list[str] = Field(default_factory=list)


class SmtpSettings(_Strict):
    """Where scheduled reports are mailed from; the password comes from the environment."""

    host: str = "localhost"
    port: int = 25
    username: str | None = None
    password_env: str = "RASSEGNA_SMTP_PASSWORD"
    starttls: bool = False
    sender: str = "rassegna@localhost"


class ScheduleSettings(_Strict):
    """When the daily crawl and the scheduled reports run."""

    timezone: str = "Europe/Rome"
    crawl: str | None = "0 6 * * *"
    distributed: bool = False  # the scheduled crawl is a distributed one (`rassegna crawl --distributed`)
    reports: list[ScheduledReport] = Field(default_factory=list)


class ReportSettings(_Strict):
    """The client the press reviews are made for: a name and a logo on the cover."""

    client_name: str | None = Field(default=None, max_length=200)
    logo: str | None = None  # a local PNG or JPEG file (relative to the config), embedded in the report


class HealthSettings(_Strict):
    """When a source counts as unhealthy (see rassegna.health.rules) and who hears about it."""

    consecutive_failures: int = Field(default=3, ge=1)  # crawl runs in a row where the source failed
    window_days: int = Field(default=30, ge=2)  # the source's own history the yield rule compares with
    min_history_days: int = Field(default=14, ge=2)  # days with runs needed before yield/length rules apply
    yield_sigmas: float = Field(default=2.0, gt=0)  # yield below mean - this many standard deviations
    yield_low_days: int = Field(default=2, ge=1)  # ... on this many days in a row (one bad day is noise)
    empty_share: float = Field(default=0.5, gt=0, le=1)  # share of article pages extracted empty
    short_text_ratio: float = Field(default=0.4, gt=0, lt=1)  # mean text below this fraction of the usual
    stale_feed_days: int = Field(default=3, ge=1)  # days without new feed entries ...
    daily_share: float = Field(default=0.8, gt=0, le=1)  # ... for a feed that had new entries on this share of days
    mail_to: list[str] = Field(default_factory=list)  # daily alert mail (needs smtp:); empty: no mail


class Settings(_Strict):
    """The whole configuration file."""

    database_url: str | None = None
    redis_url: str | None = None  # the distributed crawl's frontier (or $RASSEGNA_REDIS_URL)
    output_dir: str = "reports"
    review_required: bool = False
    text_policy: TextPolicy = "full"
    campaigns: list[Campaign] = Field(default_factory=list)
    outlets: list[Outlet] = Field(default_factory=list)
    outlets_file: str | None = None
    discovery: list[DiscoverySearch] = Field(default_factory=list)
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    smtp: SmtpSettings | None = None
    report: ReportSettings = Field(default_factory=ReportSettings)
    health: HealthSettings = Field(default_factory=HealthSettings)

    @model_validator(mode="after")
    def _unique_names(self) -> Settings:
        for kind, names in (
            ("campaign", [c.name for c in self.campaigns]),
            ("outlet", [o.name for o in self.outlets]),
            ("discovery", [d.name for d in self.discovery]),
        ):
            seen: set[str] = set()
            for name in names:
                if name.casefold() in seen:
                    raise ValueError(f"duplicate {kind} name {name!r}")
                seen.add(name.casefold())
        return self

    def campaign(self, name: str) -> Campaign:
        """The campaign called ``name`` (case-insensitive); KeyError when there is none."""
        for campaign in self.campaigns:
            if campaign.name.casefold() == name.casefold():
                return campaign
        raise KeyError(name)
