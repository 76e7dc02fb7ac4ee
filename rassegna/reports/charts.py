"""Hand-made inline SVG charts: no images fetched, no fonts embedded, every label escaped."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from rassegna.reports.model import TimelinePoint
from rassegna.text.italian import MONTHS, it_number

ACCENT = "#1f5d99"
MUTED = "#c8d3df"
ALERT = "#c0392b"
FONT = "font-family='DejaVu Sans, Helvetica, Arial, sans-serif'"


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    head = (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='100%' "
        f"role='img' aria-label='{escape(label)}' class='chart'>"
    )
    return Markup(head + "".join(body) + "</svg>")


def bar_chart(rows: Sequence[tuple[str, int, bool]], *, label: str, width: int = 640) -> Markup:
    """Horizontal bars: (label, value, flagged) rows; flagged rows (e.g. no coverage) are drawn in red."""
    bar_h, gap, left, right = 16, 6, 190, 50
    height = max(1, len(rows)) * (bar_h + gap) + gap
    top = max([value for _, value, _ in rows] + [1])
    body = []
    for i, (name, value, flagged) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = (width - left - right) * value / top
        colour = ALERT if flagged else ACCENT
        body.append(
            f"<text x='{left - 6}' y='{y + bar_h - 4}' text-anchor='end' font-size='11' {FONT} "
            f"fill='{ALERT if flagged else '#222'}'>{escape(name)}</text>"
        )
        body.append(f"<rect x='{left}' y='{y}' width='{w:.1f}' height='{bar_h}' fill='{colour}'/>")
        text = "nessuna uscita" if flagged and value == 0 else it_number(value)
        body.append(
            f"<text x='{left + w + 5:.1f}' y='{y + bar_h - 4}' font-size='11' {FONT} fill='#222'>{escape(text)}</text>"
        )
    return _svg(width, height, body, label)


def timeline_chart(points: Sequence[TimelinePoint], unit: str, *, width: int = 640) -> Markup:
    """Vertical bars of clippings per day or week, with the month under the first bar of each month."""
    height, bottom, top_pad, left = 180, 34, 16, 30
    n = max(1, len(points))
    slot = (width - left - 10) / n
    peak = max([p.count for p in points] + [1])
    plot_h = height - bottom - top_pad
    body = [
        f"<line x1='{left}' y1='{height - bottom}' x2='{width - 10}' y2='{height - bottom}' stroke='#888'/>",
        f"<text x='{left - 4}' y='{top_pad + 4}' text-anchor='end' font-size='10' {FONT}>{peak}</text>",
        f"<text x='{left - 4}' y='{height - bottom}' text-anchor='end' font-size='10' {FONT}>0</text>",
    ]
    last_month, last_label_x = None, -1e9
    for i, point in enumerate(points):
        x = left + i * slot
        h = plot_h * point.count / peak
        if point.count:
            body.append(
                f"<rect x='{x + slot * 0.12:.1f}' y='{height - bottom - h:.1f}' width='{slot * 0.76:.1f}' "
                f"height='{h:.1f}' fill='{ACCENT}'>"
                f"<title>{point.start.isoformat()}: {point.count}</title></rect>"
            )
            if slot >= 14:
                body.append(
                    f"<text x='{x + slot / 2:.1f}' y='{height - bottom - h - 3:.1f}' text-anchor='middle' "
                    f"font-size='9' {FONT}>{point.count}</text>"
                )
        shown = point.end if i == 0 and unit == "week" and point.end.day < 7 else point.start
        month = (shown.year, shown.month)
        if month != last_month and x - last_label_x >= 48:
            last_month, last_label_x = month, x
            body.append(
                f"<line x1='{x:.1f}' y1='{height - bottom}' x2='{x:.1f}' y2='{height - bottom + 5}' "
                "stroke='#888'/>"
                f"<text x='{x + 2:.1f}' y='{height - bottom + 16}' font-size='10' {FONT}>"
                f"{MONTHS[shown.month - 1][:3]} {shown.year}</text>"
            )
    caption = "uscite per giorno" if unit == "day" else "uscite per settimana (da lunedì)"
    body.append(
        f"<text x='{width - 10}' y='{height - 4}' text-anchor='end' font-size='10' {FONT} fill='#555'>{caption}</text>"
    )
    return _svg(width, height, body, caption)
