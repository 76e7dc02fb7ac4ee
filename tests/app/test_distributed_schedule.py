"""`schedule.distributed: true` makes the scheduled crawl a distributed one."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from rassegna.app.scheduler.jobs import Runtime
from rassegna.config import load_settings
from rassegna.storage.db import create_db_engine

from .scheduler_helpers import write_config

# Run apart from the parallel suite (make test): worker processes and leases are timed, and CPU
# contention from the other xdist worker has made the SIGKILL case lose pages once (see README "Scaling out").
pytestmark = pytest.mark.distributed


@pytest.mark.parametrize("distributed", [False, True])
def test_the_scheduled_crawl_child_is_distributed_when_configured(
    tmp_path: Path, sqlite_url: str, distributed: bool
) -> None:
    config = write_config(tmp_path)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["schedule"]["distributed"] = distributed
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    runtime = Runtime(
        settings=load_settings(config),
        config_file=config,
        db_url=sqlite_url,
        engine=create_db_engine(sqlite_url),
        console=Console(stderr=True),
    )
    argv = runtime.crawl_argv()
    assert ("--distributed" in argv) is distributed
    if distributed:  # the child really coordinates: on SQLite it refuses, naming why
        env = {**os.environ, "RASSEGNA_DATABASE_URL": sqlite_url, "RASSEGNA_REDIS_URL": "redis://127.0.0.1:6379/15"}
        result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 2
        assert "a distributed crawl needs PostgreSQL" in result.stdout + result.stderr
