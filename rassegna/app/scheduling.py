"""Commands ``rassegna schedule`` (the scheduler in the foreground) and ``rassegna runs`` (the run history)."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rassegna.app.context import app_context

if TYPE_CHECKING:
    from rich.console import Console

from rassegna.text.runs import counts_text

OUTCOME_STYLES = {
    "ok": "green",
    "partial": "yellow",
    "failed": "bold red",
    "cancelled": "magenta",
    "interrupted": "magenta",
    "skipped": "dim",
    "running": "cyan",
}


def schedule(
    ctx: typer.Context,
    stop_timeout: Annotated[
        float, typer.Option(help="Seconds a running crawl gets to stop after SIGINT/SIGTERM before it is killed.")
    ] = 60.0,
    list_only: Annotated[
        bool, typer.Option("--list", help="Show the jobs and their next run times, then exit.")
    ] = False,
    run_now: Annotated[
        list[str] | None,
        typer.Option("--run-now", help="Also run this job once at start: 'crawl' or a report job id (repeatable)."),
    ] = None,
    crawl_command: Annotated[
        str | None,
        typer.Option(
            envvar="RASSEGNA_CRAWL_COMMAND",
            help="For testing: a command line run instead of `rassegna crawl` as the crawl child "
            "(it gets $RASSEGNA_CONFIG and $RASSEGNA_DATABASE_URL).",
        ),
    ] = None,
) -> None:
    """Run the scheduler in the foreground: the crawl and the scheduled reports of the config's `schedule:`.

    Jobs live in the database, so a restart neither loses nor doubles them; runs missed while stopped run once.
    Stops cleanly on SIGINT/SIGTERM (a second signal kills a running crawl at once).
    """
    from rassegna.app.scheduler.jobs import Runtime, split_command
    from rassegna.app.scheduler.service import SchedulerService
    from rassegna.app.scheduler.triggers import CronError

    app_ctx = app_context(ctx)
    runtime = Runtime(
        settings=app_ctx.settings,
        config_file=app_ctx.config_file.resolve(),
        db_url=app_ctx.db_url,
        engine=app_ctx.engine,
        console=app_ctx.console,
        crawl_command=split_command(crawl_command),
        stop_timeout=stop_timeout,
    )
    try:
        service = SchedulerService(runtime)
    except CronError as exc:
        app_ctx.console.print(f"[bold red]Configuration error:[/] {app_ctx.config_file}: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if list_only:
        _print_jobs(service, app_ctx.console)
        return
    known = {spec.id for spec in service.specs} | {"crawl"}
    for job_id in run_now or []:
        if job_id not in known:
            raise typer.BadParameter(f"no job {job_id!r}; jobs: {', '.join(sorted(known))}", param_hint="--run-now")
    service.run_forever(run_now=run_now or [])


def _print_jobs(service: Any, console: Console) -> None:
    """The configured jobs with their stored (or computed) next run time."""
    from rich.table import Table

    tz = service.runtime.tz
    now = datetime.now(tz)
    table = Table("Job", "Cron", "Prossima esecuzione", title=f"Pianificazione ({tz.key})")
    for spec in service.specs:
        when = spec.trigger.get_next_fire_time(None, now)
        table.add_row(spec.id, spec.cron, when.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z") if when else "mai")
    _stdout_console().print(table)


def _stdout_console() -> Console:
    """A console on standard output, wide enough for the tables when it is not a terminal."""
    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=200)


def _run_workers(engine: Any, crawl_run_ids: list[int | None]) -> dict[int, list[Any]]:
    """The workers of the distributed crawl runs among ``crawl_run_ids``."""
    from rassegna.storage.db import read_session
    from rassegna.storage.workers import run_workers

    with read_session(engine) as session:
        return run_workers(session, crawl_run_ids)


def _worker_counts(worker: Any) -> str:
    return f"{worker.pages} pagine · {worker.items} elementi · {worker.new_clippings} nuovi · {worker.errors} errori"


def _with_workers(run: dict[str, Any], workers: dict[int, list[Any]]) -> dict[str, Any]:
    """A run for --json, with its workers when it was a distributed crawl."""
    rows = workers.get(run.get("crawl_run_id") or 0)
    if rows:
        run["workers"] = [
            {
                "worker": w.worker,
                "host": w.host,
                "state": w.state,
                "pages": w.pages,
                "items": w.items,
                "new_clippings": w.new_clippings,
                "errors": w.errors,
                "last_seen": w.last_seen.isoformat() if w.last_seen else None,
            }
            for w in rows
        ]
    return run


def runs(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(min=1, help="How many runs to show, newest first.")] = 20,
    kind: Annotated[str | None, typer.Option(help="Only crawl or report runs.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """The run history: every crawl and report run with its start, end, outcome, counts and errors."""
    from rich.table import Table

    from rassegna.app.scheduler.history import close_stale_runs, recent_runs, run_as_dict
    from rassegna.app.scheduler.triggers import CronError, timezone

    app_ctx = app_context(ctx)
    if kind not in (None, "crawl", "report"):
        raise typer.BadParameter("--kind is crawl or report")
    close_stale_runs(app_ctx.engine)  # a run whose process is gone is not "running"
    rows = recent_runs(app_ctx.engine, limit=limit, kind=kind)
    workers = _run_workers(app_ctx.engine, [r.crawl_run_id for r in rows])
    if as_json:
        print(json.dumps([_with_workers(run_as_dict(r), workers) for r in rows], ensure_ascii=False, indent=2))
        return
    try:
        tz = timezone(app_ctx.settings.schedule.timezone)
    except CronError:
        tz = None
    table = Table("#", "Tipo", "Job", "Avvio", "Durata", "Esito", "Conteggi", "Note", title="Esecuzioni")
    for run in rows:
        started = run.started_at.astimezone(tz) if run.started_at else None
        duration = ""
        if run.started_at and run.finished_at:
            seconds = int((run.finished_at - run.started_at).total_seconds())
            duration = f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
        counts = counts_text(run.counts or {})
        style = OUTCOME_STYLES.get(run.outcome, "")
        table.add_row(
            str(run.id),
            run.kind,
            run.name if run.trigger == "schedule" else f"{run.name} ({run.trigger})",
            started.strftime("%Y-%m-%d %H:%M:%S") if started else "",
            duration,
            f"[{style}]{run.outcome}[/]" if style else run.outcome,
            counts,
            (run.message or "").splitlines()[0][:120] if run.message else "",
        )
        for w in workers.get(run.crawl_run_id or 0, []):  # a distributed crawl: one line per worker
            seen = w.last_seen.astimezone(tz).strftime("%H:%M:%S") if w.last_seen else ""
            table.add_row("", "", f"  worker {w.worker}", "", "", w.state, _worker_counts(w), f"visto alle {seen}")
    if not rows:
        app_ctx.console.print("No runs recorded yet.")
        return
    _stdout_console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``schedule`` and ``runs`` to the command line."""
    app.command("schedule")(schedule)
    app.command("runs")(runs)
