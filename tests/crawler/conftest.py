"""Fixtures of the crawler tests: the sample web on 127.0.0.1 and a crawl in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from rassegna.simweb import SimWeb
from tests.sample_sites import demo_config, demo_sites

CrawlRunner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def sample_web() -> Iterator[SimWeb]:
    """The sample web, served until the test ends."""
    with SimWeb(demo_sites()) as web:
        yield web


@pytest.fixture
def sample_config(tmp_path: Path) -> Path:
    """A configuration file for the sample web (short timeouts)."""
    path = tmp_path / "rassegna.yaml"
    path.write_text(yaml.safe_dump(demo_config(), allow_unicode=True), encoding="utf-8")
    return path


def crawl_env(web: SimWeb) -> dict[str, str]:
    """The environment of a crawl child: proxy pointing at the simulated web, no bypass."""
    return web.proxy_env(dict(os.environ))


@pytest.fixture
def run_crawl(sample_web: SimWeb, sample_config: Path, sqlite_url: str) -> CrawlRunner:
    """Run ``python -m rassegna.app.crawl`` in a child process against the sample web."""

    def run(*extra: str, config: Path | None = None, db_url: str | None = None) -> subprocess.CompletedProcess[str]:
        argv = [
            sys.executable,
            "-m",
            "rassegna.app.crawl",
            "--config",
            str(config or sample_config),
            "--db",
            db_url or sqlite_url,
            "--no-nlp",
            *extra,
        ]
        result = subprocess.run(argv, env=crawl_env(sample_web), capture_output=True, text=True, timeout=120)
        return result

    return run
