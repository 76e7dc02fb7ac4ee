"""The scheduler behind ``rassegna schedule``: database lock, run history, crawl and report jobs, APScheduler."""

from rassegna.app.scheduler.jobs import Runtime, run_crawl, run_report
from rassegna.app.scheduler.lock import DbLock, current_holder
from rassegna.app.scheduler.service import SchedulerService, desired_jobs, sync_jobs

__all__ = [
    "DbLock",
    "Runtime",
    "SchedulerService",
    "current_holder",
    "desired_jobs",
    "run_crawl",
    "run_report",
    "sync_jobs",
]
