"""APScheduler 3 wiring: jobs from the config in the database job store, stale-run recovery, graceful stop."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import FrameType
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_RUNNING, STATE_STOPPED
from apscheduler.triggers.cron import CronTrigger

from rassegna.app.scheduler import history
from rassegna.app.scheduler.jobs import Runtime, set_runtime
from rassegna.app.scheduler.jobstore import JobStore
from rassegna.app.scheduler.lock import DbLock, LockBusy, current_holder
from rassegna.app.scheduler.triggers import CronError, cron_trigger, timezone
from rassegna.config import Settings

JOBSTORE_TABLE = "apscheduler_jobs"
STARTUP_LOCK = "scheduler-start"
STALE_CHECK_EVERY = 60.0  # seconds between two looks for runs left running by processes that are gone
CRAWL_JOB_ID = "crawl"
_JOBS = "rassegna.app.scheduler.jobs"  # the job-store entry points live there, referenced by name
JOB_DEFAULTS = {
    "coalesce": True,  # after downtime, the missed runs of a job are run once
    "misfire_grace_time": None,  # ... however late the scheduler comes back
    "max_instances": 1,
}


@dataclass(frozen=True)
class JobSpec:
    """A job the configuration asks for."""

    id: str
    name: str
    func: str
    trigger: CronTrigger
    kwargs: dict[str, Any] = field(default_factory=dict)
    cron: str = ""


def desired_jobs(settings: Settings) -> list[JobSpec]:
    """The crawl and every scheduled report of the configuration (CronError names the bad key)."""
    schedule = settings.schedule
    try:
        tz = timezone(schedule.timezone)
    except CronError as exc:
        raise CronError(f"schedule.timezone: {exc}") from None
    specs: list[JobSpec] = []
    if schedule.crawl:
        try:
            trigger = cron_trigger(schedule.crawl, tz)
        except CronError as exc:
            raise CronError(f"schedule.crawl: {exc}") from None
        specs.append(JobSpec(CRAWL_JOB_ID, "crawl", f"{_JOBS}:scheduled_crawl", trigger, cron=schedule.crawl))
    seen: set[str] = set()
    for index, report in enumerate(schedule.reports):
        try:
            trigger = cron_trigger(report.cron, tz)
        except CronError as exc:
            raise CronError(f"schedule.reports[{index}].cron: {exc}") from None
        campaign = settings.campaign(report.campaign).name
        job_id = base = f"report:{campaign}:{' '.join(report.cron.split())}"
        suffix = 2
        while job_id in seen:
            job_id, suffix = f"{base}#{suffix}", suffix + 1
        seen.add(job_id)
        kwargs = {
            "job_id": job_id,
            "campaign": campaign,
            "cron": report.cron,
            "period_days": report.period_days,
            "formats": list(report.formats),
            "mail_to": list(report.mail_to),
        }
        specs.append(JobSpec(job_id, f"report {campaign}", f"{_JOBS}:scheduled_report", trigger, kwargs, report.cron))
    return specs


class _Scheduler(BackgroundScheduler):
    """APScheduler 3's background scheduler, minus a shutdown race.

    Its loop runs one more pass after ``shutdown()`` has set the state: a job due then is "submitted" to the
    stopped executor, fails, and its next run time moves on, so the run is lost. Only a running scheduler
    processes jobs here.
    """

    def _process_jobs(self) -> float | None:
        if self.state != STATE_RUNNING:
            return None
        return super()._process_jobs()

    def stop(self, wait: bool = True) -> None:
        """Pause, let a processing pass in progress finish, then shut down."""
        if self.state == STATE_STOPPED:
            return
        self.pause()
        with self._jobstores_lock:  # held by a processing pass: wait for it
            pass
        self.shutdown(wait=wait)


def build_scheduler(runtime: Runtime) -> _Scheduler:
    """A scheduler whose jobs live in the database (table ``apscheduler_jobs``), in the schedule's time zone.

    The job store writes with SQLite's write lock taken at BEGIN, as every writer here (see ``JobStore``)."""
    return _Scheduler(
        jobstores={
            "default": JobStore(runtime.engine, JOBSTORE_TABLE),
            "once": MemoryJobStore(),  # --run-now jobs: not persisted
        },
        executors={"default": ThreadPoolExecutor(max_workers=4)},
        job_defaults=dict(JOB_DEFAULTS),
        timezone=runtime.tz,
        daemon=True,
    )


def _same_job(job: Job, spec: JobSpec) -> bool:
    return (
        job.func_ref == spec.func
        and tuple(job.args) == ()
        and dict(job.kwargs) == spec.kwargs
        and job.name == spec.name
        and repr(job.trigger) == repr(spec.trigger)
        and job.coalesce == JOB_DEFAULTS["coalesce"]
        and job.misfire_grace_time == JOB_DEFAULTS["misfire_grace_time"]
        and job.max_instances == JOB_DEFAULTS["max_instances"]
    )


def sync_jobs(scheduler: BackgroundScheduler, specs: list[JobSpec]) -> dict[str, list[str]]:
    """Make the job store match the config: unchanged jobs keep their next run time (so misfires survive)."""
    changes: dict[str, list[str]] = {"added": [], "updated": [], "kept": [], "removed": []}
    wanted = {spec.id: spec for spec in specs}
    for job in scheduler.get_jobs(jobstore="default"):
        if job.id not in wanted:
            scheduler.remove_job(job.id)
            changes["removed"].append(job.id)
    for spec in specs:
        job = scheduler.get_job(spec.id, jobstore="default")
        if job is None:
            scheduler.add_job(
                spec.func,
                trigger=spec.trigger,
                id=spec.id,
                name=spec.name,
                kwargs=spec.kwargs,
                replace_existing=True,
                **JOB_DEFAULTS,
            )
            changes["added"].append(spec.id)
        elif _same_job(job, spec):
            changes["kept"].append(spec.id)
        else:
            # Same id, other settings: keep the stored next run time unless the timing itself changed.
            scheduler.modify_job(spec.id, func=spec.func, kwargs=spec.kwargs, name=spec.name, **JOB_DEFAULTS)
            if repr(job.trigger) != repr(spec.trigger):
                scheduler.reschedule_job(spec.id, trigger=spec.trigger)
            changes["updated"].append(spec.id)
    return changes


def recover_stale_runs(runtime: Runtime) -> list[str]:
    """At start-up, close every run nobody runs: processes gone here, free locks elsewhere (however recent)."""
    return history.close_stale_runs(runtime.engine, min_age=timedelta(0))


@contextmanager
def _start_lock(runtime: Runtime, timeout: float = 120.0) -> Iterator[None]:
    lock = DbLock(runtime.engine, STARTUP_LOCK, lease=timeout)
    deadline = time.monotonic() + timeout
    while not lock.acquire():
        if time.monotonic() > deadline:
            raise LockBusy(STARTUP_LOCK, current_holder(runtime.engine, STARTUP_LOCK))
        time.sleep(0.2)
    try:
        yield
    finally:
        lock.release()


class SchedulerService:
    """``rassegna schedule``: start, run until SIGINT/SIGTERM, stop cleanly."""

    def __init__(self, runtime: Runtime, stale_check_every: float = STALE_CHECK_EVERY) -> None:
        self.runtime = runtime
        self.stale_check_every = stale_check_every
        self.specs = desired_jobs(runtime.settings)
        self.scheduler = build_scheduler(runtime)
        self._signals = 0

    def start(self) -> dict[str, list[str]]:
        """Start paused, align the stored jobs with the config, close stale runs, then run due jobs."""
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
        set_runtime(self.runtime)
        self.scheduler.add_listener(self._on_error, EVENT_JOB_ERROR)
        # Schedulers sharing a database start one at a time (creating the job table, adding jobs).
        with _start_lock(self.runtime):
            self.scheduler.start(paused=True)
            changes = sync_jobs(self.scheduler, self.specs)
            for closed in recover_stale_runs(self.runtime):
                self.runtime.log(f"{closed} was left running by a process that is gone: closed")
        self.scheduler.resume()
        return changes

    def stop(self) -> None:
        """Stop scheduling, let a running crawl stop gracefully (or kill it after the timeout), wait for jobs."""
        self.runtime.stop_event.set()
        self.scheduler.stop(wait=True)
        set_runtime(None)

    def next_runs(self) -> list[tuple[str, datetime | None]]:
        """Each stored job with its next run time."""
        return [(job.id, job.next_run_time) for job in self.scheduler.get_jobs(jobstore="default")]

    def run_now(self, job_id: str) -> None:
        """Run a configured job once now, besides its schedule (recorded with trigger ``manual``)."""
        spec = {s.id: s for s in self.specs}.get(job_id)
        if spec is None and job_id != CRAWL_JOB_ID:
            raise KeyError(job_id)
        func = spec.func if spec else f"{_JOBS}:scheduled_crawl"
        kwargs = {**(spec.kwargs if spec else {}), "trigger": "manual"}
        self.scheduler.add_job(
            func,
            trigger="date",
            run_date=datetime.now(self.runtime.tz),
            id=f"{job_id} (now)",
            kwargs=kwargs,
            jobstore="once",
            replace_existing=True,
            **JOB_DEFAULTS,
        )

    def run_forever(self, install_signals: bool = True, run_now: list[str] | None = None) -> None:
        """Run until SIGINT/SIGTERM (or ``runtime.stop_event``); a second signal kills a running crawl."""
        previous: dict[int, Any] = {}
        if install_signals:
            for signum in (signal.SIGINT, signal.SIGTERM):
                previous[signum] = signal.signal(signum, self._on_signal)
        try:
            changes = self.start()
            self._announce(changes)
            for job_id in run_now or []:
                self.run_now(job_id)
            last_check = time.monotonic()
            while not self.runtime.stop_event.wait(0.5):
                if time.monotonic() - last_check >= self.stale_check_every:
                    self.tick()
                    last_check = time.monotonic()
            self.runtime.log("stopping: no new jobs; waiting for running ones")
        finally:
            self.stop()
            for number, handler in previous.items():
                signal.signal(number, handler)
        self.runtime.log("scheduler stopped")

    def tick(self) -> list[str]:
        """Close runs left running by processes that died since the last look (never fails the scheduler)."""
        try:
            closed = history.close_stale_runs(self.runtime.engine)
        except Exception as exc:  # noqa: BLE001 - a database hiccup must not stop the scheduler
            self.runtime.log(f"[yellow]warning:[/] stale runs not checked: {type(exc).__name__}: {exc}")
            return []
        for what in closed:
            self.runtime.log(f"{what} was left running by a process that is gone: closed")
        return closed

    def _announce(self, changes: dict[str, list[str]]) -> None:
        log = self.runtime.log
        summary = ", ".join(f"{len(ids)} {what}" for what, ids in changes.items() if ids)
        log(f"scheduler started ({self.runtime.settings.schedule.timezone}; jobs: {summary or 'none'})")
        for job_id, when in self.next_runs():
            log(f"  {job_id}: next run {when.isoformat() if when else 'never'}")

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self._signals += 1
        if self._signals == 1:
            self.runtime.stop_event.set()
        else:
            self.runtime.force_event.set()
        threading.Thread(target=self.runtime.log, args=(f"received {signal.Signals(signum).name}",)).start()

    def _on_error(self, event: JobExecutionEvent) -> None:
        self.runtime.log(f"[red]job {event.job_id} raised {event.exception!r}[/]")
