"""The scheduled jobs: a crawl in a child process under the database lock, and a dated press review (mailed)."""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.triggers.cron import CronTrigger
from rich.console import Console
from sqlalchemy import Engine

from rassegna.app.scheduler import history
from rassegna.app.scheduler.history import REPORT_LOCK_PREFIX
from rassegna.app.scheduler.lock import CRAWL_LOCK, EXIT_BUSY, HANDOVER_ENV, DbLock, Holder, current_holder
from rassegna.app.scheduler.triggers import cron_trigger, timezone
from rassegna.config import Settings
from rassegna.storage.models import utcnow
from rassegna.text.runs import counts_text

# WeasyPrint and the report templates are not known to be thread-safe: one report at a time per process.
_REPORT_WRITING = threading.Lock()


@dataclass
class Runtime:
    """What the jobs of one scheduler process share: settings, database, console, stop signals."""

    settings: Settings
    config_file: Path
    db_url: str
    engine: Engine
    console: Console = field(default_factory=lambda: Console(stderr=True))
    crawl_command: Sequence[str] | None = None  # for tests: replaces the crawl child
    stop_timeout: float = 60.0  # seconds a crawl child gets to stop after SIGTERM before it is killed
    lock_lease: float = 300.0  # seconds; renewed while the crawl runs, so a dead holder frees it soon
    report_wait_for_crawl: float = 3600.0  # seconds a report waits for a running crawl to finish
    echo_child: bool = True  # copy the crawl child's output to the console
    child_env: dict[str, str] | None = None  # the crawl child's environment (default: this process's)
    stop_event: threading.Event = field(default_factory=threading.Event)
    force_event: threading.Event = field(default_factory=threading.Event)

    @property
    def tz(self):  # noqa: ANN201 - ZoneInfo
        """The schedule's time zone."""
        return timezone(self.settings.schedule.timezone)

    @property
    def output_dir(self) -> Path:
        """Where scheduled reports are written."""
        return Path(self.settings.output_dir)

    def log(self, message: str) -> None:
        """A timestamped line on the console."""
        stamp = datetime.now(self.tz).strftime("%Y-%m-%d %H:%M:%S")
        self.console.print(f"[dim]{stamp}[/] {message}", highlight=False)

    def crawl_argv(self) -> list[str]:
        """The crawl child's command line (the normal `rassegna crawl`, unless a test command replaces it)."""
        if self.crawl_command:
            return list(self.crawl_command)
        # The database URL goes in $RASSEGNA_DATABASE_URL, not on the command line where `ps` shows passwords.
        argv = [sys.executable, "-m", "rassegna.app.crawl", "--config", str(self.config_file)]
        return [*argv, "--distributed"] if self.settings.schedule.distributed else argv


_RUNTIME: Runtime | None = None


def set_runtime(runtime: Runtime | None) -> None:
    """Install the runtime the job functions of this process use."""
    global _RUNTIME
    _RUNTIME = runtime


def current_runtime() -> Runtime:
    """The runtime installed by the running scheduler."""
    if _RUNTIME is None:
        raise RuntimeError("no scheduler runtime in this process")
    return _RUNTIME


# --- entry points stored in the job store (referenced by name, so keep these names stable) -------------------


def scheduled_crawl(trigger: str = "schedule") -> None:
    """Job-store entry point of the crawl."""
    run_crawl(current_runtime(), trigger=trigger)


def scheduled_report(trigger: str = "schedule", **spec: Any) -> None:
    """Job-store entry point of a scheduled report (``spec``: job_id, campaign, cron, period_days, formats, mail_to)."""
    runtime = current_runtime()
    now = datetime.now(runtime.tz)
    # A late (coalesced) run stands for its last missed time: the period is the one that run would have covered.
    fired = (last_fire_time(cron_trigger(spec["cron"], runtime.tz), now) if trigger == "schedule" else None) or now
    run_report(
        runtime,
        job_id=spec["job_id"],
        campaign=spec["campaign"],
        period_days=spec["period_days"],
        formats=spec["formats"],
        mail_to=spec.get("mail_to") or [],
        day=fired.astimezone(runtime.tz).date(),
        trigger=trigger,
    )


def last_fire_time(trigger: CronTrigger, now: datetime) -> datetime | None:
    """The latest time ``trigger`` fired at or before ``now`` (what a coalesced, late run stands for)."""
    for lookback in (timedelta(days=1), timedelta(days=8), timedelta(days=32), timedelta(days=370)):
        fire, last = trigger.get_next_fire_time(None, now - lookback), None
        while fire is not None and fire <= now:
            last = fire
            fire = trigger.get_next_fire_time(fire, fire + timedelta(microseconds=1))
        if last is not None:
            return last
    return None


# --- the crawl ------------------------------------------------------------------------------------------------


@dataclass
class _Child:
    """A running crawl child and the tail of its output."""

    process: subprocess.Popen[str]
    tail: deque[str]
    reader: threading.Thread


def _start_child(runtime: Runtime, run_id: int, lock: DbLock) -> _Child:
    env = {
        **(os.environ if runtime.child_env is None else runtime.child_env),
        "RASSEGNA_CONFIG": str(runtime.config_file),
        "RASSEGNA_DATABASE_URL": runtime.db_url,
        "RASSEGNA_JOB_RUN_ID": str(run_id),
        "RASSEGNA_PARENT_PID": str(os.getpid()),  # the child dies with this process (see crawler.lifeline)
        HANDOVER_ENV: lock.holder,  # the child takes the crawl lock over and holds it for as long as it runs
        "PYTHONUNBUFFERED": "1",
    }
    env.setdefault("COLUMNS", "120")  # the child's tables, rendered into a pipe
    # A session of its own: a Ctrl-C on the terminal reaches only the scheduler, which forwards one SIGTERM
    # (Scrapy stops gracefully on the first signal and hard on the second). Should the scheduler die (kill -9),
    # the child gets SIGTERM from the kernel and stops: it never crawls on beside the next scheduler's crawl.
    process = subprocess.Popen(
        runtime.crawl_argv(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        env=env,
        start_new_session=True,
    )
    tail: deque[str] = deque(maxlen=40)

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            line = line.rstrip()
            tail.append(line)
            if runtime.echo_child and line:
                runtime.console.print(f"[dim]crawl>[/] {line}", markup=True, highlight=False, soft_wrap=True)

    reader = threading.Thread(target=pump, name="crawl-output", daemon=True)
    reader.start()
    return _Child(process, tail, reader)


def _signal(process: subprocess.Popen[str], signum: int, group: bool = False) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if group:  # the child and its helpers (extraction workers)
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)


def _wait_child(runtime: Runtime, child: _Child, lock: DbLock) -> tuple[int, bool]:
    """Wait for the child, renewing the lock; on stop, SIGTERM it, then SIGKILL after the timeout."""
    process = child.process
    renew_every = max(1.0, runtime.lock_lease / 3)
    last_renew = time.monotonic()
    stop_sent: float | None = None
    handed_over = False  # the child holds the lock itself (a real crawl does; a test stand-in may not)
    while True:
        try:
            return process.wait(timeout=0.25), stop_sent is not None
        except subprocess.TimeoutExpired:
            pass
        now = time.monotonic()
        if now - last_renew >= renew_every and not handed_over:
            if not lock.renew():
                handed_over = _held_by(runtime.engine, process.pid)
                if not handed_over and not lock.acquire():
                    runtime.log("[yellow]warning:[/] the crawl lock was lost (lease expired and taken)")
            last_renew = now
        if runtime.stop_event.is_set() and stop_sent is None:
            runtime.log(f"stopping the crawl (pid {process.pid}): waiting up to {runtime.stop_timeout:g}s")
            _signal(process, signal.SIGTERM)  # the child only: it stops its own workers
            stop_sent = now
        if stop_sent is not None and (runtime.force_event.is_set() or now - stop_sent > runtime.stop_timeout):
            runtime.log(f"killing the crawl (pid {process.pid})")
            _signal(process, signal.SIGKILL, group=True)
            return process.wait(), True


def _held_by(engine: Engine, pid: int) -> bool:
    """True when process ``pid`` of this machine holds the crawl lock."""
    holder = current_holder(engine, CRAWL_LOCK)
    return holder is not None and Holder.parse(holder) == Holder(socket.gethostname(), pid)


def run_crawl(runtime: Runtime, trigger: str = "schedule") -> int | None:
    """One crawl in a child process, never two at once on this database; returns the job run id."""
    if runtime.stop_event.is_set():
        return None
    engine = runtime.engine
    for closed in history.close_stale_runs(engine):
        runtime.log(f"{closed} was left running by a process that is gone: closed")
    lock = DbLock(engine, CRAWL_LOCK, lease=runtime.lock_lease)
    if not lock.acquire():
        holder = current_holder(engine, CRAWL_LOCK) or "another process"
        runtime.log(f"crawl skipped: a crawl is already running ({holder})")
        return history.record_skipped(engine, "crawl", "crawl", trigger, f"another crawl was running ({holder})")
    try:
        run_id = history.start_run(engine, "crawl", "crawl", trigger)
        runtime.log(f"crawl started (run {run_id})")
        since = utcnow() - timedelta(seconds=1)
        outcome, counts, message, crawl_run_id = "failed", {}, None, None
        try:
            child = _start_child(runtime, run_id, lock)
            exit_code, stopped = _wait_child(runtime, child, lock)
            child.reader.join(timeout=5)
            counts["exit_code"] = exit_code
            crawl = history.find_crawl_run(engine, child.process.pid, since)
            if crawl is not None and crawl.id is not None:
                crawl_run_id = crawl.id
                if stopped:  # an interrupted pass is cancelled, whatever the child wrote on its way out
                    crawl = history.close_crawl_run(engine, crawl_run_id, "cancelled", force=True) or crawl
                elif crawl.outcome == "running":  # the child died without closing its crawl run
                    crawl = history.close_crawl_run(engine, crawl_run_id, "failed") or crawl
                counts.update(pages=crawl.pages, matched=crawl.matched, new_clippings=crawl.new_clippings)
                counts["errors"] = crawl.errors
            if stopped:
                outcome, message = "cancelled", "stopped by the scheduler shutting down"
            elif exit_code == EXIT_BUSY and crawl is None:
                outcome, message = "skipped", "another crawl was running: " + "\n".join(list(child.tail)[-2:])
            elif exit_code != 0:
                outcome = "failed"
                message = f"exit code {exit_code}: " + "\n".join(list(child.tail)[-8:])
            else:
                outcome = crawl.outcome if crawl is not None and crawl.outcome in ("ok", "partial", "failed") else "ok"
                if crawl is None:
                    message = "the crawl recorded no crawl run"
        except Exception as exc:  # noqa: BLE001 - recorded in the run history
            message = f"{type(exc).__name__}: {exc}"
        history.finish_run(engine, run_id, outcome, counts=counts, message=message, crawl_run_id=crawl_run_id)
        runtime.log(f"crawl {outcome} (run {run_id}){_counts_suffix(counts)}" + (f": {message}" if message else ""))
        return run_id
    finally:
        lock.release()


def _counts_suffix(counts: dict[str, Any]) -> str:
    shown = counts_text(counts)
    return f" - {shown}" if shown else ""


# --- the reports ----------------------------------------------------------------------------------------------


def report_period(day: date, period_days: int) -> tuple[date, date]:
    """The ``period_days`` days ending the day before ``day``."""
    end = day - timedelta(days=1)
    return end - timedelta(days=period_days - 1), end


def report_filename(campaign: str, start: date, end: date, fmt: str) -> str:
    """The dated file name of a press review, e.g. ``LgNet2-2023-10-01_2023-10-07.pdf``."""
    from rassegna.reports.formats import format_spec

    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in campaign)
    return f"{safe}-{start.isoformat()}_{end.isoformat()}{format_spec(fmt).extension}"


def _already_written(engine: Engine, job_id: str, start: date, end: date) -> bool:
    period = [start.isoformat(), end.isoformat()]
    for run in history.recent_runs(engine, limit=50, kind="report"):
        if run.name == job_id and run.outcome in ("ok", "partial") and (run.counts or {}).get("period") == period:
            return True
    return False


def _wait_for_crawl(runtime: Runtime, lock: DbLock) -> None:
    deadline = time.monotonic() + runtime.report_wait_for_crawl
    announced = False
    while current_holder(runtime.engine, CRAWL_LOCK) and time.monotonic() < deadline:
        if not announced:
            runtime.log("report waits for the running crawl to finish")
            announced = True
        if runtime.stop_event.wait(2):
            return
        lock.renew()


def run_report(
    runtime: Runtime,
    *,
    job_id: str,
    campaign: str,
    period_days: int,
    formats: Sequence[str],
    mail_to: Sequence[str] = (),
    day: date | None = None,
    trigger: str = "schedule",
    writer: Callable[..., Path] | None = None,
) -> int | None:
    """Write (and mail) the press review for the ``period_days`` days before ``day``; returns the job run id."""
    engine = runtime.engine
    history.close_stale_runs(engine)
    day = day or datetime.now(runtime.tz).date()
    start, end = report_period(day, period_days)
    lock = DbLock(engine, REPORT_LOCK_PREFIX + job_id, lease=runtime.lock_lease)
    if not lock.acquire():
        message = f"the same report is being written by {current_holder(engine, lock.name) or 'another process'}"
        return history.record_skipped(engine, "report", job_id, trigger, message)
    try:
        if trigger == "schedule" and _already_written(engine, job_id, start, end):
            runtime.log(f"report {job_id} for {start}..{end} was already written: skipped")
            return history.record_skipped(engine, "report", job_id, trigger, f"already written for {start}..{end}")
        _wait_for_crawl(runtime, lock)
        run_id = history.start_run(
            engine, "report", job_id, trigger, campaign=campaign, period=[start.isoformat(), end.isoformat()]
        )
        runtime.log(f"report {job_id} started (run {run_id}): {campaign} {start}..{end}")
        written, errors, mailed = _write_formats(runtime, campaign, start, end, formats, writer)
        if mail_to and written:
            mailed, mail_error = _mail(runtime, campaign, start, end, written, mail_to)
            if mail_error:
                errors.append(mail_error)
        outcome = "ok" if not errors else ("partial" if written else "failed")
        counts = {"files": len(written), "mailed": mailed, "outputs": [str(p) for p in written]}
        history.finish_run(engine, run_id, outcome, counts=counts, message="; ".join(errors) or None)
        runtime.log(
            f"report {job_id} {outcome}: "
            + (", ".join(map(str, written)) or "no file")
            + (f" ({'; '.join(errors)})" if errors else "")
        )
        return run_id
    finally:
        lock.release()


def _write_formats(
    runtime: Runtime,
    campaign: str,
    start: date,
    end: date,
    formats: Sequence[str],
    writer: Callable[..., Path] | None,
) -> tuple[list[Path], list[str], int]:
    from rassegna.app.pipeline import ReportRequest, write_campaign_report

    written: list[Path] = []
    errors: list[str] = []
    try:
        campaign_obj = runtime.settings.campaign(campaign)
    except KeyError:
        return written, [f"no campaign named {campaign!r} in the configuration"], 0
    runtime.output_dir.mkdir(parents=True, exist_ok=True)
    for fmt in formats:
        target = runtime.output_dir / report_filename(campaign_obj.name, start, end, fmt)
        request = ReportRequest(campaign_obj, start, end, fmt, target)
        try:
            with _REPORT_WRITING:
                path = (writer or write_campaign_report)(runtime.engine, runtime.settings, request)
            written.append(Path(path))
        except Exception as exc:  # noqa: BLE001 - one format failing must not lose the others
            errors.append(f"{fmt}: {type(exc).__name__}: {exc}")
    return written, errors, 0


def _mail(
    runtime: Runtime, campaign: str, start: date, end: date, written: list[Path], mail_to: Sequence[str]
) -> tuple[int, str | None]:
    from rassegna.app.mailer import MailError, send_report

    smtp = runtime.settings.smtp
    if smtp is None:
        return 0, "mail_to is set but the configuration has no smtp: section"
    attachments = [p for p in written if p.suffix == ".pdf"] or written
    period = f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"
    from rassegna.app.health import health_paragraph

    body = (
        f"Buongiorno,\n\nin allegato la rassegna stampa {campaign} per il periodo {period}.\n\n"
        + health_paragraph(runtime.engine, start, end)
        + f"File: {', '.join(p.name for p in attachments)}\n\n-- \nrassegna (messaggio automatico)\n"
    )
    try:
        send_report(smtp, list(mail_to), f"Rassegna stampa {campaign} {period}", body, attachments)
    except MailError as exc:
        return 0, str(exc)
    runtime.log(f"report mailed to {', '.join(mail_to)}")
    return len(mail_to), None


def split_command(text: str | None) -> list[str] | None:
    """A command line given as one string (``--crawl-command``), split like a POSIX shell would."""
    return shlex.split(text) if text else None
