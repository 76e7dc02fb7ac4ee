"""Hand-made clippings for report tests that need no database."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from rassegna.config.categories import CATEGORIES
from rassegna.config.models import Campaign
from rassegna.reports.model import ReportData, assemble_report
from rassegna.storage.queries import CategoryTotal, ClippingView, Selection, Summary

CAMPAIGN = Campaign(name="LgNet2", keywords=["LgNet2"], partner_cities=["Torino", "Perugia", "Napoli"])
GENERATED = datetime(2023, 11, 2, 8, 0, tzinfo=ZoneInfo("Europe/Rome"))


def view(clipping_id: int, **fields: object) -> ClippingView:
    """A ClippingView with sensible defaults."""
    defaults: dict[str, object] = {
        "id": clipping_id,
        "outlet": f"Outlet {clipping_id}",
        "category": "quotidiani",
        "audience": None,
        "title": f"Titolo {clipping_id} LgNet2",
        "date": date(2023, 10, 17),
        "journalist": None,
        "url": f"https://example.org/{clipping_id}",
        "source": "crawl",
        "text": "Primo paragrafo su LgNet2.\n\nSecondo paragrafo.",
        "city": None,
        "story": None,
        "review_status": "new",
    }
    defaults.update(fields)
    return ClippingView(**defaults)  # type: ignore[arg-type]


def summary_of(views: list[ClippingView]) -> Summary:
    """The summary the store would compute for these views (for tests only)."""
    rows = []
    for key, label in CATEGORIES.items():
        mine = [v for v in views if v.category == key]
        known = [v.audience for v in mine if v.audience is not None]
        rows.append(CategoryTotal(key, label, len(mine), sum(known) if known else None))
    known_rows = [r.audience for r in rows if r.audience is not None]
    return Summary(rows, len(views), sum(known_rows) if known_rows else None)


def report_of(
    views: list[ClippingView],
    *,
    text_policy: str = "full",
    start: date = date(2023, 10, 1),
    end: date = date(2023, 10, 31),
    campaign: Campaign = CAMPAIGN,
) -> ReportData:
    """A report of hand-made views."""
    return assemble_report(
        summary_of(views), views, Selection(campaign.name, start, end), campaign=campaign,
        text_policy=text_policy, generated_at=GENERATED,
    )  # fmt: skip
