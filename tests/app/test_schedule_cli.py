"""`rassegna schedule` and `rassegna runs` as a user runs them: subprocesses, signals, two schedulers."""

from __future__ import annotations

import json
import os
import select as io_select
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from rassegna.app.cli import app
from rassegna.app.scheduler import history
from rassegna.storage.db import create_db_engine, read_session
from rassegna.storage.models import CrawlRun, JobLock, JobRun
from tests.app.scheduler_helpers import fake_crawl, wait_for, write_config

CLI = [sys.executable, "-c", "from rassegna.app.cli import main; main()"]


def start_scheduler(
    config: Path, db_url: str, *crawl_args: str, extra: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> subprocess.Popen:
    """`rassegna schedule` in a child process with the fake crawl (``env``: more environment variables)."""
    argv = [
        *CLI,
        "--config",
        str(config),
        "--db",
        db_url,
        "schedule",
        *extra,
        "--crawl-command",
        shlex.join(fake_crawl(*crawl_args)),
    ]
    return subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "150", **(env or {})},
    )


def rows(db_url: str, model: type) -> list:
    """Every row of ``model``, read without SQLite's write lock: the tests poll this ten times a second, and a poll
    that took the lock each time could keep the scheduler under test from writing past its busy timeout."""
    engine = create_db_engine(db_url)
    try:
        with read_session(engine) as session:
            return list(session.exec(select(model)))
    finally:
        engine.dispose()


def stop(process: subprocess.Popen, signum: int = signal.SIGTERM, timeout: float = 30) -> str:
    """Signal the scheduler and wait for it; its output."""
    process.send_signal(signum)
    output, _ = process.communicate(timeout=timeout)
    return output


def read_until(process: subprocess.Popen, text: str, timeout: float = 30) -> str:
    """The process's output up to the first chunk holding ``text``: it has then acted on what came before."""
    assert process.stdout is not None
    fd, seen = process.stdout.fileno(), b""
    deadline = time.monotonic() + timeout
    # Raw reads, so that no line waits in the text wrapper's buffer while select() waits on the pipe.
    while text.encode() not in seen:
        left = deadline - time.monotonic()
        if left <= 0 or not io_select.select([fd], [], [], left)[0]:
            raise AssertionError(f"{text!r} not printed within {timeout:g}s; output so far: {seen.decode()!r}")
        chunk = os.read(fd, 65536)
        if not chunk:
            raise AssertionError(f"the process ended before printing {text!r}; output: {seen.decode()!r}")
        seen += chunk
    return seen.decode()


def test_sigterm_during_a_crawl_leaves_the_database_consistent(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config(tmp_path, crawl="* * * * * *")
    scheduler = start_scheduler(config, sqlite_url, "--sleep", "120")
    try:
        try:
            wait_for(lambda: rows(sqlite_url, CrawlRun), timeout=60)
        except AssertionError:
            # a loaded CI machine once took over 30 s here: say what the scheduler had done, not only that time ran out
            raise AssertionError(f"no crawl run within 60 s; scheduler output: {stop(scheduler)!r}") from None
        output = stop(scheduler)
    finally:
        scheduler.kill()
    assert scheduler.returncode == 0, output
    assert "scheduler stopped" in output
    (run,) = rows(sqlite_url, JobRun)
    assert run.outcome == "cancelled" and run.finished_at is not None
    (crawl,) = rows(sqlite_url, CrawlRun)
    assert crawl.outcome == "cancelled" and crawl.id == run.crawl_run_id
    assert rows(sqlite_url, JobLock) == []
    # The next start resumes the schedule: the same single job, crawling again.
    scheduler = start_scheduler(config, sqlite_url, "--sleep", "0")
    try:
        wait_for(lambda: [r for r in rows(sqlite_url, JobRun) if r.outcome == "ok"], timeout=30)
        output = stop(scheduler)
    finally:
        scheduler.kill()
    assert "1 kept" in output and "added" not in output


def test_second_signal_kills_a_crawl_that_ignores_the_first(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config(tmp_path, crawl="* * * * * *")
    scheduler = start_scheduler(config, sqlite_url, "--sleep", "120", "--ignore-term", "--no-close")
    try:
        wait_for(lambda: rows(sqlite_url, CrawlRun), timeout=30)
        scheduler.send_signal(signal.SIGINT)
        # Two signals of one kind that arrive before the first is handled count as one (the kernel and Python
        # merge them), so the second is sent only once the scheduler has acted on the first.
        output = read_until(scheduler, "stopping the crawl")
        output += stop(scheduler, signal.SIGINT)
    finally:
        scheduler.kill()
    assert scheduler.returncode == 0, output
    assert "killing the crawl" in output
    assert [r.outcome for r in rows(sqlite_url, JobRun)] == ["cancelled"]
    assert [c.outcome for c in rows(sqlite_url, CrawlRun)] == ["cancelled"]
    assert rows(sqlite_url, JobLock) == []


@pytest.mark.slow
def test_two_scheduler_processes_never_crawl_at_once(tmp_path: Path, db_url: str) -> None:
    config = write_config(tmp_path, crawl="* * * * * *")
    log = tmp_path / "crawls.log"
    # Two schedulers crawling every second contend for SQLite's write lock all the time; on a loaded CI machine
    # one once waited past the default 30 s and exited 75 (a busy database, by design). What this test checks is
    # that crawls never overlap, so the writers here wait as long as the test may run.
    patient = {"RASSEGNA_BUSY_TIMEOUT": "60"}
    schedulers = [start_scheduler(config, db_url, "--sleep", "1.5", "--log", str(log), env=patient) for _ in range(2)]
    try:
        wait_for(lambda: len([r for r in rows(db_url, JobRun) if r.outcome == "ok"]) >= 2, timeout=40)
        outputs = [stop(s) for s in schedulers]
    finally:
        for s in schedulers:
            s.kill()
    assert [s.returncode for s in schedulers] == [0, 0], "\n--- next scheduler ---\n".join(outputs)  # whole, not cut
    events = [line.split() for line in log.read_text().splitlines()]
    # Start/end lines alternate: no crawl ever started while another was running.
    assert [kind for kind, _ in events] == ["start", "end"] * (len(events) // 2)
    assert [float(t) for _, t in events] == sorted(float(t) for _, t in events)
    assert {r.outcome for r in rows(db_url, JobRun)} <= {"ok", "skipped", "cancelled"}
    assert rows(db_url, JobLock) == []


# --- in-process CLI -------------------------------------------------------------------------------------------


def invoke(config: Path, db_url: str, *args: str):  # noqa: ANN201 - click Result
    """Run the command line in-process."""
    return CliRunner().invoke(app, ["--config", str(config), "--db", db_url, *args])


def test_runs_shows_the_history(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config(tmp_path)
    engine = create_db_engine(sqlite_url)
    first = history.start_run(engine, "crawl", "crawl")
    history.finish_run(engine, first, "partial", counts={"pages": 12, "matched": 3, "new_clippings": 2, "errors": 1})
    second = history.start_run(engine, "report", "report:LgNet2:30 6 * * 1", period=["2023-10-02", "2023-10-08"])
    history.finish_run(engine, second, "failed", counts={"files": 0, "mailed": 0}, message="pdf: no fonts")
    result = invoke(config, sqlite_url, "runs")
    assert result.exit_code == 0, result.output
    assert "pagine 12 · pertinenti 3 · nuove 2 · errori 1" in result.output
    assert "report:LgNet2:30 6 * * 1" in result.output and "pdf: no fonts" in result.output
    assert result.output.index("report:LgNet2") < result.output.index("pagine 12")  # newest first
    result = invoke(config, sqlite_url, "runs", "--json", "--limit", "1")
    (latest,) = json.loads(result.output)
    assert latest["kind"] == "report" and latest["outcome"] == "failed" and latest["message"] == "pdf: no fonts"
    assert latest["counts"]["period"] == ["2023-10-02", "2023-10-08"]
    result = invoke(config, sqlite_url, "runs", "--json", "--kind", "crawl")
    assert [r["counts"]["pages"] for r in json.loads(result.output)] == [12]


def test_runs_with_no_history(tmp_path: Path, sqlite_url: str) -> None:
    result = invoke(write_config(tmp_path), sqlite_url, "runs")
    assert result.exit_code == 0 and "No runs recorded yet" in result.output


def test_schedule_list_shows_the_jobs(tmp_path: Path, sqlite_url: str) -> None:
    report = {"campaign": "LgNet2", "cron": "30 6 * * 1", "period_days": 7}
    result = invoke(write_config(tmp_path, reports=[report]), sqlite_url, "schedule", "--list")
    assert result.exit_code == 0, result.output
    assert "crawl" in result.output and "report:LgNet2:30 6 * * 1" in result.output and "Europe/Rome" in result.output


def test_bad_cron_is_a_configuration_error(tmp_path: Path, sqlite_url: str) -> None:
    result = invoke(write_config(tmp_path, crawl="0 25 * * *"), sqlite_url, "schedule")
    assert result.exit_code == 2
    assert "schedule.crawl" in result.output


@pytest.mark.parametrize("command", ["schedule", "runs"])
def test_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output
