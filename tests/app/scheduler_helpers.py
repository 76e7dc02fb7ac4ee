"""Shared helpers of the scheduler tests: a config with a schedule, a runtime with the fake crawl child."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console

from rassegna.app.scheduler.jobs import Runtime
from rassegna.config import load_settings
from rassegna.storage.db import create_db_engine
from tests.processes import wait_for

__all__ = ["fake_crawl", "make_runtime", "wait_for", "write_config"]

FAKE_CRAWL = Path(__file__).with_name("fake_crawl.py")


def fake_crawl(*args: str) -> list[str]:
    """The fake crawl child's command line."""
    return [sys.executable, str(FAKE_CRAWL), *args]


def write_config(
    folder: Path, *, crawl: str | None = "0 6 * * *", reports: list[dict] | None = None, **extra: Any
) -> Path:
    """A configuration with one campaign, no outlets and the given schedule."""
    data = {
        "output_dir": str(folder / "reports"),
        "campaigns": [{"name": "LgNet2", "keywords": ["LgNet2"], "partner_cities": ["Torino"]}],
        "outlets": [],
        "schedule": {"timezone": "Europe/Rome", "crawl": crawl, "reports": reports or []},
        **extra,
    }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def make_runtime(config: Path, db_url: str, crawl_args: tuple[str, ...] = (), **kwargs: Any) -> Runtime:
    """A runtime on its own engine (as a separate scheduler process would have)."""
    return Runtime(
        settings=load_settings(config),
        config_file=config,
        db_url=db_url,
        engine=create_db_engine(db_url),
        console=Console(stderr=True, width=150),
        crawl_command=fake_crawl(*crawl_args),
        **kwargs,
    )
