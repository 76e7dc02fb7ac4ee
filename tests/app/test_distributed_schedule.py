"""`schedule.distributed: true` makes the scheduled crawl a distributed one."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from rassegna.app.scheduler.jobs import Runtime
from rassegna.app.scheduler.lock import CRAWL_LOCK, EXIT_BUSY, Holder, current_holder
from rassegna.config import load_settings
from rassegna.storage.db import create_db_engine
from tests.processes import CLI, crawl_runs, job_runs, slow_config, wait_for
from tests.redis_server import REDIS_URL, own_namespace, redis_server

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


@pytest.fixture
def redis_namespace() -> Iterator[str]:
    """A Redis namespace of the test's own on the real server (its keys deleted after)."""
    with own_namespace(redis_server()) as namespace:
        yield namespace


def _holder_pid(db_url: str) -> int | None:
    holder = current_holder(create_db_engine(db_url, migrate=False), CRAWL_LOCK)
    return Holder.parse(holder).pid if holder else None


@pytest.mark.timeout(600)  # four processes on a shared machine
def test_the_scheduled_coordinator_holds_the_crawl_lock_and_other_crawls_wait(
    tmp_path: Path, postgres_url: str, redis_namespace: str
) -> None:
    config = slow_config(tmp_path, crawl_cron=None)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["schedule"]["distributed"] = True
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    env = {
        **os.environ,
        "RASSEGNA_REDIS_URL": REDIS_URL,
        "RASSEGNA_REDIS_NAMESPACE": redis_namespace,
        "COLUMNS": "200",
    }
    base = [*CLI, "--config", str(config), "--db", postgres_url]
    # No worker runs: the scheduler's coordinator seeds its run and waits for workers for as long as it lives.
    scheduler = subprocess.Popen(
        [*base, "schedule", "--run-now", "crawl"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        (run,) = wait_for(lambda: crawl_runs(postgres_url), timeout=180)
        assert run.pid != scheduler.pid  # the run is the coordinator child's ...
        wait_for(lambda: _holder_pid(postgres_url) == run.pid, timeout=60)  # ... which took the lock over
        # Meanwhile a second coordinator and a local crawl each say so in one line and exit 75, recording no run.
        for command in (["crawl", "--distributed"], ["crawl"]):
            other = subprocess.run([*base, *command], env=env, capture_output=True, text=True, timeout=180)
            output = other.stdout + other.stderr
            assert other.returncode == EXIT_BUSY, output
            assert f"another crawl is running on this database (pid {run.pid} on" in output, output
            assert "Traceback" not in output
        assert len(crawl_runs(postgres_url)) == 1
        assert _holder_pid(postgres_url) == run.pid
        scheduler.send_signal(signal.SIGTERM)  # the scheduler stops its coordinator, which cancels the run
        assert scheduler.wait(timeout=120) == 0
    finally:
        if scheduler.poll() is None:
            scheduler.kill()
    (run,) = crawl_runs(postgres_url)
    assert run.outcome == "cancelled"
    assert _holder_pid(postgres_url) is None  # released: the next crawl may start
    # the scheduler's crawl, and the second coordinator's and the local crawl's, skipped (as `rassegna crawl` records)
    outcomes = [(j.trigger, j.outcome) for j in job_runs(postgres_url)]
    assert outcomes == [("manual", "cancelled"), ("manual", "skipped"), ("manual", "skipped")]
