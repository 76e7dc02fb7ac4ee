"""Crawl processes never outlive who started them: kill -9 of the scheduler or of a crawl, SIGTERM without noise."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from sqlmodel import Session, select

from rassegna.crawler.lifeline import pid_alive
from rassegna.simweb import SimWeb
from rassegna.simweb.pages import rss
from rassegna.simweb.server import Resource, Site
from rassegna.storage.db import create_db_engine
from rassegna.storage.models import CrawlError, CrawlRun
from tests.app.scheduler_helpers import wait_for
from tests.sample_sites import demo_config, demo_sites

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")]
CLI = [sys.executable, "-c", "from rassegna.app.cli import main; main()"]


def _slow_site(delay: float) -> list[Site]:
    site = Site("www.lento.test")
    site.add("/rss/", Resource(rss("Lento", "http://www.lento.test", []), behaviour="slow", delay=delay))
    return [site]


def _config(folder: Path, timeout: float = 90) -> Path:
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
        "schedule": {"timezone": "Europe/Rome", "crawl": "* * * * * *", "reports": []},
    }
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _crawl_runs(db_url: str) -> list[CrawlRun]:
    try:
        with Session(create_db_engine(db_url, migrate=False)) as session:
            return list(session.exec(select(CrawlRun)))
    except Exception:  # noqa: BLE001 - the schema may not exist yet
        return []


def _children(pid: int) -> list[int]:
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


def test_killing_the_scheduler_stops_its_crawl_and_its_run_is_closed(tmp_path: Path, sqlite_url: str) -> None:
    config = _config(tmp_path)
    with SimWeb(_slow_site(120)) as web:
        env = web.proxy_env({**os.environ, "COLUMNS": "150"})
        scheduler = subprocess.Popen(
            [*CLI, "--config", str(config), "--db", sqlite_url, "schedule"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            (run,) = wait_for(lambda: _crawl_runs(sqlite_url), timeout=90)
            assert run.pid and pid_alive(run.pid) and run.host
            scheduler.kill()  # SIGKILL: no chance to stop its child
            scheduler.wait(10)
            # The crawl child notices at once and stops the way it does on SIGTERM, closing its run.
            wait_for(lambda: not pid_alive(run.pid), timeout=60)
        finally:
            scheduler.kill()
            if pid_alive(run.pid):
                os.kill(run.pid, signal.SIGKILL)
    (crawl,) = _crawl_runs(sqlite_url)
    assert crawl.outcome == "cancelled" and crawl.finished_at is not None
    # The dead scheduler's job run is closed the next time anyone looks: here, `rassegna runs`.
    result = subprocess.run(
        [*CLI, "--config", str(config), "--db", sqlite_url, "runs", "--json"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    (job,) = json.loads(result.stdout)
    assert job["outcome"] == "interrupted" and "ended without closing" in job["message"]


def test_kill_9_of_a_crawl_takes_its_workers_along_and_its_run_is_closed_next_time(
    tmp_path: Path, sqlite_url: str
) -> None:
    from rassegna.app.scheduler.history import close_stale_runs

    config = _config(tmp_path)
    with SimWeb(_slow_site(120)) as web:
        crawl = subprocess.Popen(
            [sys.executable, "-m", "rassegna.app.crawl", "--config", str(config), "--db", sqlite_url]
            + ["--no-nlp", "--workers", "2"],
            env=web.proxy_env(dict(os.environ)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(lambda: _crawl_runs(sqlite_url), timeout=120)
            workers = wait_for(lambda: (found := _children(crawl.pid)) and len(found) >= 2 and found, timeout=90)
            crawl.kill()
            crawl.wait(10)
            # Without a lifeline they would idle on for minutes, waiting for work from a dead parent.
            wait_for(lambda: not any(pid_alive(w) for w in workers), timeout=20)
        finally:
            crawl.kill()
            for worker in _children(crawl.pid):
                os.kill(worker, signal.SIGKILL)
    (run,) = _crawl_runs(sqlite_url)
    assert run.outcome == "running"  # nobody could close it ...
    engine = create_db_engine(sqlite_url)
    assert close_stale_runs(engine) == [f"crawl run {run.id}"]  # ... until the next crawl or `rassegna runs`
    (run,) = _crawl_runs(sqlite_url)
    assert run.outcome == "cancelled" and run.finished_at is not None
    with Session(engine) as session:
        (error,) = session.exec(select(CrawlError).where(CrawlError.crawl_run_id == run.id)).all()
    assert f"pid {crawl.pid}" in error.message
    assert close_stale_runs(engine) == []


@pytest.mark.parametrize("after", [0.3, 0.6])
def test_sigterm_during_a_crawl_prints_no_traceback(tmp_path: Path, sqlite_url: str, after: float) -> None:
    config = tmp_path / "demo.yaml"
    config.write_text(yaml.safe_dump(demo_config(timeout=5)), encoding="utf-8")
    with SimWeb(demo_sites()) as web:
        crawl = subprocess.Popen(
            [sys.executable, "-m", "rassegna.app.crawl", "--config", str(config), "--db", sqlite_url, "--no-nlp"],
            env=web.proxy_env(dict(os.environ)),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            wait_for(lambda: _crawl_runs(sqlite_url), timeout=90, interval=0.05)
            time.sleep(after)  # requests in flight: the graceful stop and the end of the chain both stop the reactor
            crawl.send_signal(signal.SIGTERM)
            output, _ = crawl.communicate(timeout=90)
        finally:
            crawl.kill()
    assert crawl.returncode == 0, output
    assert "Traceback" not in output and "ReactorNotRunning" not in output, output
    (run,) = _crawl_runs(sqlite_url)
    assert run.outcome == "cancelled"
