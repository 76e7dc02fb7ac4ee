"""The scheduler's parts in-process: cron triggers, the database lock, crawl and report jobs, the job store."""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from rassegna.app.pipeline import ReportRequest
from rassegna.app.scheduler import history
from rassegna.app.scheduler.jobs import (
    last_fire_time,
    report_filename,
    report_period,
    run_crawl,
    run_report,
)
from rassegna.app.scheduler.lock import DbLock, current_holder
from rassegna.app.scheduler.service import (
    CRAWL_JOB_ID,
    SchedulerService,
    build_scheduler,
    desired_jobs,
    sync_jobs,
)
from rassegna.app.scheduler.triggers import CronError, cron_trigger
from rassegna.config import load_settings
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.models import CrawlRun, JobLock, JobRun
from tests.app.scheduler_helpers import make_runtime, wait_for, write_config
from tests.app.test_mailer import Inbox, free_port

ROME = ZoneInfo("Europe/Rome")


def job_runs(engine, kind: str | None = None) -> list[JobRun]:  # noqa: ANN001
    """Every job run, oldest first."""
    with session_scope(engine) as session:
        query = select(JobRun).order_by(JobRun.id)
        if kind:
            query = query.where(JobRun.kind == kind)
        return list(session.exec(query))


def crawl_runs(engine) -> list[CrawlRun]:  # noqa: ANN001
    """Every crawl run."""
    with session_scope(engine) as session:
        return list(session.exec(select(CrawlRun)))


def locks(engine) -> list[JobLock]:  # noqa: ANN001
    """Every lock row."""
    with session_scope(engine) as session:
        return list(session.exec(select(JobLock)))


# --- cron ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "weekday"),
    [
        ("30 6 * * 1", "Mon"),
        ("30 6 * * 0", "Sun"),
        ("30 6 * * 7", "Sun"),
        ("30 6 * * mon", "Mon"),
        ("30 6 * * 5", "Fri"),
    ],
)
def test_crontab_weekdays_are_cron_weekdays(expr: str, weekday: str) -> None:
    fire = cron_trigger(expr, ROME).get_next_fire_time(None, datetime(2023, 10, 4, 12, tzinfo=ROME))  # a Wednesday
    assert fire.strftime("%a %H:%M") == f"{weekday} 06:30"


def test_weekday_ranges_and_steps() -> None:
    trigger = cron_trigger("0 6 * * 1-5", ROME)
    fire, days = datetime(2023, 10, 1, tzinfo=ROME), []
    for _ in range(6):
        fire = trigger.get_next_fire_time(None, fire + timedelta(minutes=1))
        days.append(fire.strftime("%a"))
    assert days == ["Mon", "Tue", "Wed", "Thu", "Fri", "Mon"]


def test_daily_crawl_stays_at_six_local_time_across_dst() -> None:
    trigger = cron_trigger("0 6 * * *", ROME)
    fire = datetime(2024, 3, 29, 12, tzinfo=ROME)
    seen = []
    for _ in range(4):
        fire = trigger.get_next_fire_time(None, fire + timedelta(minutes=1))
        seen.append((fire.hour, fire.utcoffset()))
    assert [h for h, _ in seen] == [6, 6, 6, 6]
    assert {o for _, o in seen} == {timedelta(hours=1), timedelta(hours=2)}  # both sides of the change


@pytest.mark.parametrize("expr", ["0 6 * *", "61 6 * * *", "0 6 * * 8", "bad"])
def test_bad_cron_is_an_error(expr: str) -> None:
    with pytest.raises(CronError):
        cron_trigger(expr, ROME)


def test_late_run_stands_for_its_last_missed_time() -> None:
    trigger = cron_trigger("30 6 * * 1", ROME)
    wednesday = datetime(2023, 10, 11, 10, 0, tzinfo=ROME)
    fired = last_fire_time(trigger, wednesday)
    assert fired == datetime(2023, 10, 9, 6, 30, tzinfo=ROME)
    assert report_period(fired.date(), 7) == (date(2023, 10, 2), date(2023, 10, 8))
    assert report_filename("LgNet2", date(2023, 10, 1), date(2023, 10, 7), "pdf") == "LgNet2-2023-10-01_2023-10-07.pdf"


# --- the lock ------------------------------------------------------------------------------------------------


def test_lock_has_one_holder_and_frees_on_release(db_url: str) -> None:
    engine = create_db_engine(db_url)
    first, second = DbLock(engine, "crawl"), DbLock(engine, "crawl")
    assert first.acquire()
    assert not second.acquire()
    assert current_holder(engine, "crawl") == first.holder
    second.release()  # not its lock: no effect
    assert current_holder(engine, "crawl") == first.holder
    first.release()
    assert second.acquire()
    second.release()
    assert locks(engine) == []


def test_expired_lock_is_taken_over(db_url: str) -> None:
    engine = create_db_engine(db_url)
    now = [datetime(2024, 1, 1, 6, tzinfo=UTC)]
    first = DbLock(engine, "crawl", lease=60, clock=lambda: now[0])
    second = DbLock(engine, "crawl", lease=60, clock=lambda: now[0])
    assert first.acquire()
    now[0] += timedelta(seconds=30)
    assert first.renew()
    now[0] += timedelta(seconds=59)
    assert not second.acquire()  # renewed at +30 with a 60 s lease: held until +90
    now[0] += timedelta(seconds=2)
    assert second.acquire()
    assert not first.renew()
    first.release()
    assert current_holder(engine, "crawl", now=now[0]) == second.holder


def test_concurrent_acquire_has_one_winner(db_url: str) -> None:
    engines = [create_db_engine(db_url) for _ in range(6)]
    barrier, results = threading.Barrier(len(engines)), []

    def contend(engine) -> None:  # noqa: ANN001
        lock = DbLock(engine, "crawl")
        barrier.wait()
        results.append(lock.acquire())

    threads = [threading.Thread(target=contend, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False] * 5 + [True]


# --- the crawl job -------------------------------------------------------------------------------------------


def test_crawl_runs_in_a_child_and_is_recorded(tmp_path: Path, db_url: str) -> None:
    runtime = make_runtime(write_config(tmp_path), db_url, ("--sleep", "0.1"), echo_child=False)
    run_id = run_crawl(runtime)
    (run,) = job_runs(runtime.engine)
    assert run.id == run_id and run.kind == "crawl" and run.outcome == "ok"
    assert run.counts == {"exit_code": 0, "pages": 7, "matched": 3, "new_clippings": 2, "errors": 1}
    assert run.finished_at is not None and run.crawl_run_id is not None
    with session_scope(runtime.engine) as session:
        assert session.get(CrawlRun, run.crawl_run_id).outcome == "ok"
    assert locks(runtime.engine) == []


def test_failed_crawl_child_is_recorded_with_its_output(tmp_path: Path, sqlite_url: str) -> None:
    runtime = make_runtime(write_config(tmp_path), sqlite_url, ("--exit", "3"), echo_child=False)
    run_crawl(runtime)
    (run,) = job_runs(runtime.engine)
    assert run.outcome == "failed"
    assert run.message.startswith("exit code 3") and "fake crawl done" in run.message
    assert locks(runtime.engine) == []


def test_two_schedulers_never_crawl_at_once(tmp_path: Path, db_url: str) -> None:
    log = tmp_path / "crawls.log"
    config = write_config(tmp_path)
    runtimes = [make_runtime(config, db_url, ("--sleep", "1.5", "--log", str(log)), echo_child=False) for _ in range(2)]
    barrier = threading.Barrier(2)

    def crawl(runtime) -> None:  # noqa: ANN001
        barrier.wait()
        run_crawl(runtime)

    threads = [threading.Thread(target=crawl, args=(r,)) for r in runtimes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    outcomes = sorted(r.outcome for r in job_runs(runtimes[0].engine))
    assert outcomes == ["ok", "skipped"]
    skipped = next(r for r in job_runs(runtimes[0].engine) if r.outcome == "skipped")
    assert "another crawl was running" in skipped.message
    assert [line.split()[0] for line in log.read_text().splitlines()] == ["start", "end"]


@pytest.mark.parametrize(
    "child_args",
    [(), ("--no-close",), ("--ignore-term",)],
    ids=["child-closes-its-run", "child-leaves-its-run-open", "child-ignores-sigterm"],
)
def test_stopping_cancels_the_crawl_cleanly(tmp_path: Path, sqlite_url: str, child_args: tuple[str, ...]) -> None:
    runtime = make_runtime(
        write_config(tmp_path), sqlite_url, ("--sleep", "60", *child_args), echo_child=False, stop_timeout=1.0
    )
    worker = threading.Thread(target=run_crawl, args=(runtime,))
    started = time.monotonic()
    worker.start()
    wait_for(lambda: [r for r in job_runs(runtime.engine) if r.outcome == "running"])
    wait_for(lambda: crawl_runs(runtime.engine))
    runtime.stop_event.set()
    worker.join(timeout=30)
    assert not worker.is_alive() and time.monotonic() - started < 30
    (run,) = job_runs(runtime.engine)
    assert run.outcome == "cancelled" and run.finished_at is not None
    with session_scope(runtime.engine) as session:
        assert session.get(CrawlRun, run.crawl_run_id).outcome == "cancelled"
    assert locks(runtime.engine) == []


def test_runs_left_by_a_dead_scheduler_are_closed_at_start(tmp_path: Path, sqlite_url: str) -> None:
    runtime = make_runtime(write_config(tmp_path, crawl=None), sqlite_url, echo_child=False)
    with session_scope(runtime.engine) as session:
        crawl = CrawlRun(pid=999_999)
        session.add(crawl)
        session.flush()
        session.add(JobRun(kind="crawl", name="crawl", crawl_run_id=crawl.id))
    live = DbLock(runtime.engine, "report:live")
    assert live.acquire()
    history.start_run(runtime.engine, "report", "live")  # its lock is held: a live run elsewhere
    service = SchedulerService(runtime)
    service.start()
    service.stop()
    dead, alive = job_runs(runtime.engine)
    assert dead.outcome == "interrupted" and alive.outcome == "running"
    with session_scope(runtime.engine) as session:
        assert session.get(CrawlRun, dead.crawl_run_id).outcome == "cancelled"


# --- the report job ------------------------------------------------------------------------------------------


def fake_writer(_engine, _settings, request: ReportRequest) -> Path:  # noqa: ANN001
    """Write a stand-in file for the requested format."""
    request.output.parent.mkdir(parents=True, exist_ok=True)
    request.output.write_bytes(f"{request.fmt} {request.start} {request.end}".encode())
    return request.output


@pytest.fixture
def inbox() -> tuple[Inbox, int]:
    """A local SMTP server."""
    from aiosmtpd.controller import Controller

    box, port = Inbox(), free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield box, port
    controller.stop()


def test_scheduled_report_is_dated_written_and_mailed(tmp_path: Path, sqlite_url: str, inbox) -> None:  # noqa: ANN001
    box, port = inbox
    report = {
        "campaign": "LgNet2",
        "cron": "30 6 * * 1",
        "period_days": 7,
        "formats": ["html", "pdf"],
        "mail_to": ["stampa@cittalia.test"],
    }
    config = write_config(tmp_path, reports=[report], smtp={"host": "127.0.0.1", "port": port})
    runtime = make_runtime(config, sqlite_url)
    spec = {k: v for k, v in report.items() if k != "cron"}
    run_id = run_report(runtime, job_id="report:LgNet2:30 6 * * 1", day=date(2023, 10, 9), writer=fake_writer, **spec)
    (run,) = job_runs(runtime.engine)
    assert run.id == run_id and run.outcome == "ok", run.message
    pdf = tmp_path / "reports" / "LgNet2-2023-10-02_2023-10-08.pdf"
    assert run.counts["period"] == ["2023-10-02", "2023-10-08"]
    assert run.counts["outputs"] == [str(pdf.with_suffix(".html")), str(pdf)]
    assert pdf.read_bytes() == b"pdf 2023-10-02 2023-10-08"
    ((_, rcpt, message),) = box.messages
    assert rcpt == ["stampa@cittalia.test"]
    assert "02/10/2023" in message["Subject"]
    assert [a.get_filename() for a in message.iter_attachments()] == [pdf.name]
    # The same scheduled report for the same period (a second scheduler, a repeated fire) is not redone.
    run_report(runtime, job_id="report:LgNet2:30 6 * * 1", day=date(2023, 10, 9), writer=fake_writer, **spec)
    assert [r.outcome for r in job_runs(runtime.engine)] == ["ok", "skipped"]
    assert len(box.messages) == 1


def test_report_mail_failure_is_partial(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config(tmp_path, smtp={"host": "127.0.0.1", "port": free_port()})
    runtime = make_runtime(config, sqlite_url)
    run_report(
        runtime,
        job_id="r",
        campaign="LgNet2",
        period_days=1,
        formats=["md"],
        mail_to=["a@b.test"],
        day=date(2023, 10, 9),
        writer=fake_writer,
    )
    (run,) = job_runs(runtime.engine)
    assert run.outcome == "partial" and "127.0.0.1" in run.message
    assert (tmp_path / "reports" / "LgNet2-2023-10-08_2023-10-08.md").exists()


def test_report_with_the_real_writers(tmp_path: Path, sqlite_url: str) -> None:
    pytest.importorskip("rassegna.reports.output")
    runtime = make_runtime(write_config(tmp_path), sqlite_url)
    run_report(runtime, job_id="r", campaign="LgNet2", period_days=7, formats=["html", "json"], day=date(2023, 10, 9))
    (run,) = job_runs(runtime.engine)
    assert run.outcome == "ok", run.message
    assert (tmp_path / "reports" / "LgNet2-2023-10-02_2023-10-08.json").exists()


# --- the scheduler and its job store ---------------------------------------------------------------------------


def test_jobs_fire_on_schedule(tmp_path: Path, sqlite_url: str) -> None:
    runtime = make_runtime(write_config(tmp_path, crawl="* * * * * *"), sqlite_url, echo_child=False)
    service = SchedulerService(runtime)
    service.start()
    try:
        wait_for(lambda: [r for r in job_runs(runtime.engine) if r.outcome == "ok"], timeout=20)
    finally:
        service.stop()
    assert all(r.trigger == "schedule" for r in job_runs(runtime.engine))
    assert locks(runtime.engine) == []


REPORT = {"campaign": "LgNet2", "cron": "30 6 * * 1", "period_days": 7, "formats": ["html"]}


def stored_jobs(runtime) -> dict[str, datetime]:  # noqa: ANN001
    """The job store's jobs and next run times (read with a paused scheduler)."""
    scheduler = build_scheduler(runtime)
    scheduler.start(paused=True)
    try:
        return {job.id: job.next_run_time for job in scheduler.get_jobs(jobstore="default")}
    finally:
        scheduler.stop(wait=False)


def test_restart_neither_loses_nor_doubles_jobs(tmp_path: Path, db_url: str) -> None:
    config = write_config(tmp_path, reports=[REPORT])
    first = SchedulerService(make_runtime(config, db_url))
    assert first.start()["added"] == [CRAWL_JOB_ID, "report:LgNet2:30 6 * * 1"]
    first.stop()
    before = stored_jobs(make_runtime(config, db_url))
    second = SchedulerService(make_runtime(config, db_url))
    changes = second.start()
    second.stop()
    assert changes["kept"] == [CRAWL_JOB_ID, "report:LgNet2:30 6 * * 1"] and not changes["added"]
    assert stored_jobs(make_runtime(config, db_url)) == before
    # A report removed from the config leaves the job store; a changed crawl time is rescheduled.
    config = write_config(tmp_path, crawl="15 7 * * *")
    third = SchedulerService(make_runtime(config, db_url))
    changes = third.start()
    third.stop()
    assert changes["removed"] == ["report:LgNet2:30 6 * * 1"] and changes["updated"] == [CRAWL_JOB_ID]
    after = stored_jobs(make_runtime(config, db_url))
    assert list(after) == [CRAWL_JOB_ID] and after[CRAWL_JOB_ID].astimezone(ROME).strftime("%H:%M") == "07:15"


def test_missed_runs_after_downtime_run_once(tmp_path: Path, sqlite_url: str) -> None:
    config = write_config(tmp_path)  # daily at 06:00
    runtime = make_runtime(config, sqlite_url, echo_child=False)
    scheduler = build_scheduler(runtime)
    scheduler.start(paused=True)
    sync_jobs(scheduler, desired_jobs(load_settings(config)))
    # As if the scheduler had been down for three days: three 06:00 crawls were missed.
    scheduler.modify_job(CRAWL_JOB_ID, next_run_time=datetime.now(ROME) - timedelta(days=3, hours=1))
    scheduler.stop(wait=False)
    service = SchedulerService(make_runtime(config, sqlite_url, echo_child=False))
    assert service.start()["kept"] == [CRAWL_JOB_ID]
    try:
        wait_for(lambda: [r for r in job_runs(runtime.engine) if r.finished_at])
        time.sleep(1.5)
        next_run = dict(service.next_runs())[CRAWL_JOB_ID]
    finally:
        service.stop()
    assert [r.outcome for r in job_runs(runtime.engine)] == ["ok"]
    assert datetime.now(ROME) < next_run < datetime.now(ROME) + timedelta(days=1, minutes=1)
