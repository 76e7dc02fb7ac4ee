"""Helpers of the tests that run real crawl and scheduler processes and send them signals.

One home for them: the crawler's cancel tests and the scheduler's kill tests start the same slow crawl."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session, select

from rassegna.simweb.pages import rss
from rassegna.simweb.server import Resource, Site
from rassegna.storage.db import create_db_engine
from rassegna.storage.models import CrawlRun, JobRun

CLI = [sys.executable, "-c", "from rassegna.app.cli import main; main()"]
CRAWL_CHILD = [sys.executable, "-m", "rassegna.app.crawl"]


def wait_for(predicate: Callable[[], Any], timeout: float = 20.0, interval: float = 0.1, what: str = "") -> Any:
    """Poll ``predicate`` until it returns something truthy; AssertionError (saying ``what``) on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{what or 'condition'} not met within {timeout}s")


def slow_site(delay: float) -> list[Site]:
    """Lento.it whose feed answers after ``delay`` seconds: a crawl that stays busy that long."""
    site = Site("www.lento.test")
    site.add("/rss/", Resource(rss("Lento", "http://www.lento.test", []), behaviour="slow", delay=delay))
    return [site]


def slow_config(folder: Path, timeout: float = 90, crawl_cron: str | None = "* * * * * *") -> Path:
    """A configuration crawling only Lento.it (``timeout`` s per request), scheduled every second."""
    path = folder / "config.yaml"
    data = {
        "output_dir": str(folder / "reports"),
        "campaigns": [{"name": "LgNet2", "keywords": ["LgNet2"]}],
        "outlets": [
            {
                "name": "Lento.it",
                "category": "portali",
                "domains": ["lento.test"],
                "feeds": ["http://www.lento.test/rss/"],
            }
        ],
        "crawl": {"download_timeout": timeout, "retry_times": 0},
        "schedule": {"timezone": "Europe/Rome", "crawl": crawl_cron, "reports": []},
    }
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def start_crawl(
    config: Path, db_url: str, env: dict[str, str], *extra: str, output: bool = False
) -> subprocess.Popen[str]:
    """A crawl child (``python -m rassegna.app.crawl``) without the NLP; its output piped when ``output``."""
    return subprocess.Popen(
        [*CRAWL_CHILD, "--config", str(config), "--db", db_url, "--no-nlp", *extra],
        env=env,
        stdout=subprocess.PIPE if output else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if output else subprocess.DEVNULL,
        text=True,
    )


def crawl_runs(db_url: str) -> list[CrawlRun]:
    """Every crawl run of the database (none while its schema does not exist yet)."""
    try:
        with Session(create_db_engine(db_url, migrate=False)) as session:
            return list(session.exec(select(CrawlRun).order_by(CrawlRun.id)))
    except Exception:  # noqa: BLE001 - the schema may not exist yet
        return []


def job_runs(db_url: str) -> list[JobRun]:
    """Every job run of the database, oldest first."""
    with Session(create_db_engine(db_url, migrate=False)) as session:
        return list(session.exec(select(JobRun).order_by(JobRun.id)))


def children(pid: int) -> list[int]:
    """The live (not zombie) child processes of ``pid`` (Linux: read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rpartition(")")[2].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def kill_quietly(pid: int) -> None:
    """SIGKILL ``pid`` if it still exists."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)
