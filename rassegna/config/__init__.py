"""Configuration: campaigns, outlet registry, crawl and schedule settings.

The categories are plain data and imported at once; the loader and the pydantic models are imported on first
use of one of their names, so ``rassegna --help`` (which names the categories) does not load pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rassegna.config.categories import CATEGORIES

if TYPE_CHECKING:
    from rassegna.config.loader import ConfigError, config_path, database_url, load_outlets, load_settings
    from rassegna.config.models import Campaign, Outlet, Settings

_FROM_LOADER = {"ConfigError", "config_path", "database_url", "load_outlets", "load_settings"}
_FROM_MODELS = {"Campaign", "Outlet", "Settings"}

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


def __getattr__(name: str) -> Any:
    """The loader's and the models' names, imported when first asked for (PEP 562)."""
    if name in _FROM_LOADER:
        from rassegna.config import loader

        return getattr(loader, name)
    if name in _FROM_MODELS:
        from rassegna.config import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
