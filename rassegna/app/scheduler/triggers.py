"""Cron expressions as APScheduler 3 triggers, with crontab weekday numbers (0 and 7 are Sunday)."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

_CRON_DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]


class CronError(ValueError):
    """A cron expression or time zone that cannot be used."""


def timezone(name: str) -> ZoneInfo:
    """The IANA time zone ``name`` (CronError when unknown)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise CronError(f"unknown time zone {name!r}") from exc


def _day_number(token: str) -> int:
    token = token.strip().lower()
    if token[:3] in _CRON_DAYS and not token.isdigit():
        return _CRON_DAYS.index(token[:3])
    if token.isdigit() and 0 <= int(token) <= 7:
        return int(token) % 7
    raise CronError(f"bad day of week {token!r}")


def crontab_weekdays(field: str) -> str:
    """A crontab day-of-week field (0/7 = Sunday) as APScheduler 3 day names (which number Monday 0)."""
    if field == "*":
        return "*"
    days: set[int] = set()
    for part in field.split(","):
        span, _, step_text = part.partition("/")
        step = int(step_text) if step_text.isdigit() else 1
        if step_text and not step_text.isdigit():
            raise CronError(f"bad step {step_text!r} in day of week")
        if span == "*":
            first, last = 0, 6
        elif "-" in span:
            first_text, last_text = span.split("-", 1)
            first, last = _day_number(first_text), _day_number(last_text)
            if last_text.strip() == "7":
                last = 7
        else:
            first = _day_number(span)
            last = 6 if step_text else first
        if last < first:
            raise CronError(f"bad day-of-week range {span!r}")
        days.update(d % 7 for d in range(first, last + 1, step))
    if days == set(range(7)):
        return "*"
    # Order by APScheduler's numbering (Monday first) for a stable, readable expression.
    return ",".join(_CRON_DAYS[d] for d in sorted(days, key=lambda d: (d - 1) % 7))


def cron_trigger(expr: str, tz: ZoneInfo) -> CronTrigger:
    """A trigger for a 5-field crontab expression (minute hour day month weekday) in ``tz``.

    A 6-field form with seconds first (``*/5 * * * * *``) is accepted too, mainly for tests.
    """
    fields = expr.split()
    if len(fields) == 5:
        second, (minute, hour, day, month, weekday) = "0", fields
    elif len(fields) == 6:
        second, minute, hour, day, month, weekday = fields
    else:
        raise CronError(f"{expr!r}: expected 5 fields (minute hour day month weekday), got {len(fields)}")
    try:
        return CronTrigger(
            second=second,
            minute=minute,
            hour=hour,
            day=day,
            month=month,
            day_of_week=crontab_weekdays(weekday),
            timezone=tz,
        )
    except ValueError as exc:
        raise CronError(f"{expr!r}: {exc}") from exc
