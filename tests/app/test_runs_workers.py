"""`rassegna runs` shows a line per worker of a distributed crawl run."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rassegna.app.cli import app
from rassegna.app.crawlstore import DbCrawlStore
from rassegna.app.scheduler import history
from rassegna.storage.db import create_db_engine
from rassegna.storage.workers import save_run_workers
from tests.app.scheduler_helpers import write_config
from tests.storage.test_workers import line


def test_runs_shows_a_line_per_worker_of_a_distributed_run(tmp_path: Path, sqlite_url: str) -> None:
    engine = create_db_engine(sqlite_url)
    crawl_run = DbCrawlStore(engine).start_run(None)
    save_run_workers(engine, crawl_run, [line("uno:10:aaa", 40, "done"), line("due:11:bbb", 7, "lost")])
    job = history.start_run(engine, "crawl", "crawl")
    history.finish_run(engine, job, "ok", counts={"pages": 47}, crawl_run_id=crawl_run)
    runner = CliRunner()
    argv = ["--config", str(write_config(tmp_path)), "--db", sqlite_url, "runs"]
    result = runner.invoke(app, argv, env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "worker uno:10:aaa" in result.output and "40 pagine · 39 elementi" in result.output
    assert "worker due:11:bbb" in result.output and "lost" in result.output
    (run,) = json.loads(runner.invoke(app, [*argv, "--json"]).output)
    assert [(w["worker"], w["host"], w["pages"], w["state"]) for w in run["workers"]] == [
        ("due:11:bbb", "due", 7, "lost"),
        ("uno:10:aaa", "uno", 40, "done"),
    ]
