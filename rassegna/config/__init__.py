"""Configuration: campaigns, outlet registry, crawl and schedule settings."""

from rassegna.config.categories import CATEGORIES
from rassegna.config.loader import (
    ConfigError,
    config_path,
    database_url,
    load_outlets,
    load_settings,
)
from rassegna.config.models import (
    Campaign,
    Outlet,
    Settings,
)

__all__ = [
    "CATEGORIES",
    "Campaign",
    "ConfigError",
    "Outlet",
    "Settings",
    "config_path",
    "database_url",
    "load_outlets",
    "load_settings",
]
