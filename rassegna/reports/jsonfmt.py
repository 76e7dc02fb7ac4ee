"""The JSON report, exactly the fields of the contract (plus a few top-level extras)."""

from __future__ import annotations

import json
from typing import Any

from rassegna.reports.model import ReportClipping, ReportData


def _clipping(item: ReportClipping) -> dict[str, Any]:
    v = item.view
    return {
        "id": v.id,
        "outlet": v.outlet,
        "category": None if item.to_classify else v.category,  # an outlet still to classify has none yet
        "audience": v.audience,
        "title": v.title,
        "date": v.date.isoformat() if v.date else None,
        "journalist": v.journalist,
        "url": v.url,
        "source": v.source,
        "city": item.city,
        "places": list(v.places),
        "figures": [{"value": f.value, "unit": f.unit, "qualifier": f.qualifier, "text": f.text} for f in v.figures],
        "quotes": [{"text": q.text, "speaker": q.speaker, "role": q.role} for q in v.quotes],
        "story": item.story_key,
        "reviewed": not item.unreviewed,
    }


def report_dict(data: ReportData) -> dict[str, Any]:
    """The report as the contract's JSON object."""
    return {
        "campaign": data.campaign,
        "period": {"from": data.start.isoformat(), "to": data.end.isoformat()},
        "generated_at": data.generated_at.isoformat(timespec="seconds"),
        "summary": [
            {"category": row.category, "label": row.label, "count": row.count, "audience": row.audience}
            for row in data.summary.rows
        ],
        # count and audience are the certified figures; clippings of outlets to classify are counted apart.
        "totals": {
            "count": data.summary.count,
            "audience": data.summary.audience,
            "to_classify": len(data.unclassified),
        },
        "clippings": [_clipping(item) for item in [*data.clippings, *data.unclassified]],
        # Extensions (the contract allows more fields; none of the above is renamed or dropped).
        "unique_stories": data.methodology.unique_stories,
        "stories": [
            {"story": s.key, "title": s.title, "count": s.count, "outlets": s.outlets, "audience": s.audience}
            for s in data.stories
        ],
        "cities": [
            {
                "city": c.city,
                "partner": c.partner,
                "count": c.count,
                "audience": c.audience,
                "outlets": c.outlets,
            }
            for c in data.cities
        ],
        # The timeline the HTML, PDF, Markdown and XLSX chart and tabulate: every day (or week, from Monday).
        "timeline_unit": data.timeline_unit,
        "timeline": [
            {"from": p.start.isoformat(), "to": p.end.isoformat(), "count": p.count, "audience": p.audience}
            for p in data.timeline
        ],
        "text_policy": data.methodology.text_policy,
        "source_health": [
            {
                "outlet": p.outlet,
                "kind": p.kind,
                "url": p.url,
                "from": p.start.isoformat(),
                "to": p.end.isoformat(),
                "rule": p.rule,
                "text": p.sentence,
                "reasons": p.reasons,
            }
            for p in data.methodology.source_health
        ],
    }


def render_json(data: ReportData) -> bytes:
    """The JSON report as UTF-8 bytes."""
    return (json.dumps(report_dict(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
