"""Source health wiring: alerts refreshed after each crawl, the daily alert mail, ``rassegna sources``."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from rassegna.app.context import app_context

if TYPE_CHECKING:  # the command line imports this module: the storage machinery is imported where it is used
    from sqlalchemy import Engine
    from sqlmodel import Session

    from rassegna.config.models import Settings
    from rassegna.storage.health import AlertChanges, SourceStatus
    from rassegna.storage.models import SourceAlert

log = logging.getLogger(__name__)


def refresh_health(
    engine: Engine, settings: Settings, *, clock: Callable[[], datetime] | None = None, mail: bool = True
) -> AlertChanges:
    """Open and close source alerts after a crawl; mail news of them to ``health.mail_to`` when configured.

    ``clock``: the current UTC time (default: now)."""
    from rassegna.storage.db import session_scope
    from rassegna.storage.health import refresh_alerts
    from rassegna.storage.models import utcnow

    now = (clock or utcnow)()
    with session_scope(engine) as session:
        changes = refresh_alerts(session, settings.health, now, settings.schedule.timezone)
        if mail and settings.health.mail_to and settings.smtp is not None:
            send_alert_mail(session, settings, changes, now)
    return changes


def alert_mail_body(session: Session, changes: AlertChanges) -> tuple[list[SourceAlert], str] | None:
    """The alert mail's text: new alerts (not mailed yet) and recoveries; None when there is no news."""
    from sqlmodel import col, select

    from rassegna.storage.models import HealthSource, SourceAlert

    pending = session.exec(
        select(SourceAlert).where(col(SourceAlert.closed_at).is_(None), col(SourceAlert.mailed_at).is_(None))
    ).all()
    if not pending and not changes.closed:
        return None
    lines = ["Salute delle fonti della rassegna.", ""]
    if pending:
        lines += ["Fonti che non funzionano più come prima:", ""]
        for alert in pending:
            source = session.get(HealthSource, alert.source_id)
            if source is not None:
                lines.append(f"- {source.outlet} ({source.kind}: {source.url})")
                lines += [f"    {reason}" for reason in alert.reasons.splitlines()]
        lines.append("")
    if changes.closed:
        lines += ["Fonti tornate a funzionare:", ""]
        for alert in changes.closed:
            source = session.get(HealthSource, alert.source_id)
            if source is not None:
                lines.append(f"- {source.outlet} ({source.kind}: {source.url}): {alert.note or 'ripresa'}")
        lines.append("")
    lines.append("Finché una fonte non funziona, la rassegna può essere incompleta.")
    return list(pending), "\n".join(lines) + "\n"


def send_alert_mail(session: Session, settings: Settings, changes: AlertChanges, now: datetime) -> bool:
    """Mail the news of ``changes`` to ``health.mail_to``; True when a mail went out (a failure is logged)."""
    from rassegna.app.mailer import MailError, build_message, send_message

    news = alert_mail_body(session, changes)
    if news is None or settings.smtp is None:
        return False
    pending, body = news
    subject = f"rassegna, salute delle fonti: {len(pending)} con problemi, {len(changes.closed)} riprese"
    try:
        send_message(settings.smtp, build_message(settings.smtp.sender, settings.health.mail_to, subject, body))
    except MailError as exc:
        log.warning("source health mail not sent: %s", exc)
        return False
    for alert in pending:
        alert.mailed_at = now
        session.add(alert)
    return True


def health_paragraph(engine: Engine, start: date, end: date) -> str:
    """The report mail's paragraph on sources unhealthy during ``start``..``end`` ("" when none was)."""
    from rassegna.storage.db import read_session
    from rassegna.storage.health import unhealthy_periods

    with read_session(engine) as session:
        periods = unhealthy_periods(session, start, end)
    if not periods:
        return ""
    return "Attenzione:\n" + "".join(f"- {p.display} ({p.kind}: {p.url}).\n" for p in periods) + "\n"


def status_dict(status: SourceStatus) -> dict[str, object]:
    """A source as the contract's JSON object."""
    return {
        "url": status.url,
        "outlet": status.outlet,
        "kind": status.kind,
        "status": status.status,
        "reasons": status.reasons,
        "since": status.since.isoformat(timespec="seconds") if status.since else None,
    }


def sources(
    ctx: typer.Context,
    unhealthy: Annotated[bool, typer.Option("--unhealthy", help="Only the unhealthy sources.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (the contract's shape) instead of a table.")
    ] = False,
) -> None:
    """Every source (feed, sitemap, start page, discovery search) with its outlet and health, the unhealthy first."""
    from rich.console import Console
    from rich.table import Table

    from rassegna.storage.db import read_session
    from rassegna.storage.health import source_statuses
    from rassegna.storage.models import utcnow

    app_ctx = app_context(ctx)
    with read_session(app_ctx.engine) as session:
        statuses = source_statuses(session, app_ctx.settings, utcnow())
    if unhealthy:
        statuses = [s for s in statuses if s.status == "unhealthy"]
    if as_json:
        typer.echo(json.dumps({"sources": [status_dict(s) for s in statuses]}, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Sources ({len(statuses)})")
    for column in ("outlet", "kind", "url", "status", "since", "reasons"):
        table.add_column(column, overflow="fold")
    for s in statuses:
        status = "[bold red]unhealthy[/]" if s.status == "unhealthy" else "[green]ok[/]"
        since = s.since.strftime("%Y-%m-%d %H:%M") if s.since else ""
        table.add_row(s.outlet, s.kind, s.url, status, since, "\n".join(s.reasons))
    Console(soft_wrap=False).print(table)


def register(app: typer.Typer) -> None:
    """Add ``rassegna sources`` to the command line."""
    app.command("sources")(sources)
