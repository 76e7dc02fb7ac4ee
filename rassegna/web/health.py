"""The desk's "Salute delle fonti" page: every source's health and a sparkline of its daily yield."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from rassegna.health.rules import DayStats
from rassegna.storage.health import source_statuses
from rassegna.storage.models import utcnow
from rassegna.web.routes import ReadDb, Viewer, render, web

router = APIRouter()
SPARK_DAYS = 30


def sparkline(days: list[DayStats], today: date, *, width: int = 150, height: int = 28) -> Markup:
    """An inline SVG of the daily yield (articles) over the last ``SPARK_DAYS`` days; days without runs are gaps."""
    by_day = {d.day: d for d in days}
    span = [today - timedelta(days=SPARK_DAYS - 1 - i) for i in range(SPARK_DAYS)]
    values = [by_day[d].articles if d in by_day and by_day[d].runs else None for d in span]
    top = max((v for v in values if v is not None), default=0) or 1
    step = width / (SPARK_DAYS - 1)
    segments: list[list[str]] = [[]]
    marks = []
    for i, (day, value) in enumerate(zip(span, values, strict=True)):
        if value is None:
            segments.append([])
            continue
        x, y = i * step, height - 2 - (height - 4) * value / top
        segments[-1].append(f"{x:.1f},{y:.1f}")
        if by_day[day].failed:
            marks.append(f'<circle cx="{x:.1f}" cy="{height - 2}" r="2" class="spark-fail"/>')
    lines = "".join(f'<polyline points="{" ".join(s)}"/>' for s in segments if len(s) > 1)
    dots = "".join(
        f'<circle cx="{s[0].split(",")[0]}" cy="{s[0].split(",")[1]}" r="1.5"/>' for s in segments if len(s) == 1
    )
    total = sum(v for v in values if v is not None)
    label = (
        f"Articoli al giorno negli ultimi {SPARK_DAYS} giorni: {total} in tutto, massimo {top if any(values) else 0}"
    )
    # Only numbers go into the markup: nothing crawled is interpolated here.
    return Markup(
        f'<svg class="sparkline" role="img" aria-label="{label}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg"><title>{label}</title>'
        f'<g fill="none" stroke="currentColor" stroke-width="1.5">{lines}</g><g fill="currentColor">{dots}</g>'
        f'<g fill="#b42318">{"".join(marks)}</g></svg>'
    )


def _clock(request: Request) -> Callable[[], datetime]:
    return getattr(request.app.state, "health_clock", utcnow)  # tests move the clock by hand


@router.get("/health", response_class=HTMLResponse)
def health_page(request: Request, user: Viewer, db: ReadDb) -> Response:
    """Every source with its health, the unhealthy first."""
    config = web(request)
    now = _clock(request)()
    today = now.astimezone(UTC).date()
    statuses = source_statuses(db, config.settings, now)
    rows: list[dict[str, Any]] = []
    for s in statuses:
        recent = [d for d in s.days if d.day > today - timedelta(days=SPARK_DAYS)]
        times = [d.median_ms for d in recent if d.median_ms is not None]
        rows.append(
            {
                "status": s,
                "spark": sparkline(s.days, today),
                "articles": sum(d.articles for d in recent),
                "runs": sum(d.runs for d in recent),
                "failed": sum(d.failed_runs for d in recent),
                "median_ms": sorted(times)[len(times) // 2] if times else None,
            }
        )
    unhealthy = sum(1 for s in statuses if s.status == "unhealthy")
    return render(
        request,
        "health.html",
        {
            "user": user,
            "rows": rows,
            "unhealthy": unhealthy,
            "days": SPARK_DAYS,
            "tz": config.settings.schedule.timezone,
        },
    )
