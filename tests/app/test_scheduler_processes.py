"""Crawl processes never outlive who started them, and never run two at once: kill -9 of the scheduler or of a
crawl, a second crawl or scheduler beside a running crawl, SIGTERM without noise."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from sqlmodel import Session, select

from rassegna.app.scheduler.lock import CRAWL_LOCK, EXIT_BUSY, Holder, current_holder
from rassegna.crawler.lifeline import pid_alive
from rassegna.crawler.runner import STOP_DEADLINE
from rassegna.simweb import SimWeb
from rassegna.storage.db import create_db_engine
from rassegna.storage.models import CrawlError
from tests.processes import (
    CLI,
    children,
    crawl_runs,
    job_runs,
    kill_quietly,
    slow_config,
    slow_site,
    start_crawl,
    wait_for,
)
from tests.sample_sites import demo_config, demo_sites

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")]


def _holder_pid(db_url: str) -> int | None:
    holder = current_holder(create_db_engine(db_url, migrate=False), CRAWL_LOCK)
    return Holder.parse(holder).pid if holder else None


def _running(db_url: str) -> int:
    return sum(run.outcome == "running" for run in crawl_runs(db_url))


def _cli(config: Path, db_url: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, "--config", str(config), "--db", db_url, *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env or {**os.environ, "COLUMNS": "150"},
    )


def _scheduler(config: Path, db_url: str, env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*CLI, "--config", str(config), "--db", db_url, "schedule", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_killing_the_scheduler_stops_its_crawl_and_a_second_scheduler_never_crawls_beside_it(
    tmp_path: Path, sqlite_url: str
) -> None:
    config = slow_config(tmp_path)
    with SimWeb(slow_site(120)) as web:
        env = web.proxy_env({**os.environ, "COLUMNS": "150"})
        first = _scheduler(config, sqlite_url, env)
        second = None
        try:
            (run,) = wait_for(lambda: crawl_runs(sqlite_url), timeout=90, what="the scheduler's crawl run")
            assert run.pid and pid_alive(run.pid) and run.host
            # The child took the crawl lock over from its scheduler: it holds it for as long as it runs.
            wait_for(lambda: _holder_pid(sqlite_url) == run.pid, timeout=30, what="the crawl child holding the lock")
            first.kill()  # SIGKILL: no chance to stop its child
            first.wait(10)
            killed = time.monotonic()
            second = _scheduler(config, sqlite_url, env)  # it tries a crawl every second
            while pid_alive(run.pid):  # the child notices at once and stops as on SIGTERM, closing its run
                # Told to stop twice (the kernel's SIGTERM, its own watch of the parent), it stops at once: its stop
                # deadline (runner.STOP_DEADLINE) ends it even if something in it hangs.
                waited = time.monotonic() - killed
                assert waited < STOP_DEADLINE + 30, f"the orphaned crawl (pid {run.pid}) still runs {waited:.0f}s on"
                holder, runs = _holder_pid(sqlite_url), crawl_runs(sqlite_url)
                assert sum(r.outcome == "running" for r in runs) <= 1
                # Someone else holds the lock only once the child has closed its run (it exits soon after).
                assert holder in (run.pid, None) or runs[0].outcome != "running"
                time.sleep(0.1)
            deadline = time.monotonic() + 5  # the second scheduler may crawl now, but only alone
            while time.monotonic() < deadline:
                assert _running(sqlite_url) <= 1
                time.sleep(0.1)
            second.send_signal(signal.SIGTERM)
            try:
                second.wait(120)
            except subprocess.TimeoutExpired:
                pytest.fail("the second scheduler did not end within 120s of its SIGTERM")
        finally:
            for process in (first, second):
                if process is not None:
                    process.kill()
            if pid_alive(run.pid):
                for worker in children(run.pid):
                    kill_quietly(worker)
                kill_quietly(run.pid)
    assert crawl_runs(sqlite_url)[0].outcome == "cancelled"
    # The dead scheduler's job run is closed the next time anyone looks: here, `rassegna runs`.
    result = _cli(config, sqlite_url, "runs", "--json")
    assert result.returncode == 0, result.stderr
    (job, *_) = sorted(json.loads(result.stdout), key=lambda r: r["id"])
    assert job["outcome"] == "interrupted" and "ended without closing" in job["message"]
    assert all(r.outcome != "running" for r in crawl_runs(sqlite_url))


def test_a_crawl_holds_the_lock_and_kill_9_frees_it_with_its_workers(tmp_path: Path, sqlite_url: str) -> None:
    config = slow_config(tmp_path, crawl_cron=None)
    with SimWeb(slow_site(120)) as web:
        env = web.proxy_env({**os.environ, "COLUMNS": "150"})
        crawl = subprocess.Popen(  # the CLI, as a user runs it: NLP on, one extraction worker per core
            [*CLI, "--config", str(config), "--db", sqlite_url, "crawl"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(lambda: crawl_runs(sqlite_url) and _holder_pid(sqlite_url) == crawl.pid, timeout=120)
            # A second crawl from the command line: one clear line, its own exit code, recorded as skipped.
            second = _cli(config, sqlite_url, "crawl", env=env)
            assert second.returncode == EXIT_BUSY, second.stdout + second.stderr
            assert "Traceback" not in second.stderr
            assert f"another crawl is running on this database (pid {crawl.pid} on" in second.stdout + second.stderr
            # A scheduler asked to crawl now skips too.
            scheduler = _scheduler(config, sqlite_url, env, "--run-now", "crawl")
            try:
                wait_for(lambda: sum(r.outcome == "skipped" for r in job_runs(sqlite_url)) == 2, timeout=120)
            finally:
                scheduler.send_signal(signal.SIGTERM)
                scheduler.wait(60)
            assert _running(sqlite_url) == 1
            workers = wait_for(lambda: (found := children(crawl.pid)) and len(found) >= 2 and found, timeout=90)
            crawl.kill()
            crawl.wait(10)
            # Without a lifeline they would idle on for minutes, waiting for work from a dead parent.
            wait_for(lambda: not any(pid_alive(w) for w in workers), timeout=20)
            # The dead crawl's lock is free at once (its holder's process is gone), not after its lease.
            assert _holder_pid(sqlite_url) is None
        finally:
            crawl.kill()
            for worker in children(crawl.pid):
                kill_quietly(worker)
    (run,) = crawl_runs(sqlite_url)
    assert run.outcome == "running"  # nobody could close it ...
    result = _cli(config, sqlite_url, "runs", "--json")  # ... until the next crawl, scheduler tick or `runs`
    assert result.returncode == 0, result.stderr
    outcomes = {r["trigger"] + " " + r["outcome"] for r in json.loads(result.stdout)}
    assert outcomes == {"manual interrupted", "manual skipped"}, result.stdout
    (run,) = crawl_runs(sqlite_url)
    assert run.outcome == "cancelled" and run.finished_at is not None and run.host == socket.gethostname()
    with Session(create_db_engine(sqlite_url)) as session:
        (error,) = session.exec(select(CrawlError).where(CrawlError.crawl_run_id == run.id)).all()
    assert f"pid {crawl.pid}" in error.message


@pytest.mark.parametrize("after", [0.3, 0.6])
def test_sigterm_during_a_crawl_prints_no_traceback(tmp_path: Path, sqlite_url: str, after: float) -> None:
    config = tmp_path / "demo.yaml"
    config.write_text(yaml.safe_dump(demo_config(timeout=5)), encoding="utf-8")
    with SimWeb(demo_sites()) as web:
        crawl = start_crawl(config, sqlite_url, web.proxy_env(dict(os.environ)), output=True)
        try:
            wait_for(lambda: crawl_runs(sqlite_url), timeout=90, interval=0.05)
            time.sleep(after)  # requests in flight: the graceful stop and the end of the chain both stop the reactor
            crawl.send_signal(signal.SIGTERM)
            output, _ = crawl.communicate(timeout=90)
        finally:
            crawl.kill()
    assert crawl.returncode == 0, output
    assert "Traceback" not in output and "ReactorNotRunning" not in output, output
    (run,) = crawl_runs(sqlite_url)
    assert run.outcome == "cancelled"
