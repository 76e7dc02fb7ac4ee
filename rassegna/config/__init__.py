"""Configuration: campaigns, outlet registry, crawl and schedule settings."""

from rassegna.config.categories import CATEGORIES
from rassegna.config.loader import (
    DEFAULT_CONFIG,
    ConfigError,
    config_path,
    database_url,
    load_outlets,
    load_settings,
)
from rassegna.config.models import (
    Campaign,
    CrawlSettings,
    Outlet,
    ScheduledReport,
    ScheduleSettings,
    Settings,
)

__all__ = [
    "CATEGORIES",
    "DEFAULT_CONFIG",
    "Campaign",
    "ConfigError",
    "CrawlSettings",
    "Outlet",
    "ScheduleSettings",
    "ScheduledReport",
    "Settings",
    "config_path",
    "database_url",
    "load_outlets",
    "load_settings",
]
