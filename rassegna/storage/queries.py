"""Reading for reports: the audience summary by category and the clippings of a campaign and period."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from rassegna.config.categories import CATEGORIES
from rassegna.domain import Figure, Quote
from rassegna.storage.models import (
    Clipping,
    ClippingCampaign,
    ClippingFigure,
    ClippingPlace,
    ClippingQuote,
    OutletRow,
    id_of,
)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which clippings a report holds: a campaign, a period (both ends included) and the review rule."""

    campaign: str
    start: date
    end: date
    review_required: bool = False  # only clippings accepted in review
    include_unreviewed: bool = False  # with review_required: also those not yet reviewed

    def statuses(self) -> tuple[str, ...]:
        """Review statuses that pass; rejected clippings never do."""
        if self.review_required and not self.include_unreviewed:
            return ("accepted",)
        return ("accepted", "new")


@dataclass(frozen=True, slots=True)
class CategoryTotal:
    """One row of the summary: uscite and audience of a category (audience None when none is known)."""

    category: str
    label: str
    count: int
    audience: int | None


@dataclass(frozen=True, slots=True)
class Summary:
    """The summary by category, all seven in report order, and the totals."""

    rows: list[CategoryTotal]
    count: int
    audience: int | None
    to_classify: int = 0  # clippings of outlets not yet classified: outside the rows and the certified totals


@dataclass(slots=True)
class ClippingView:
    """A clipping as a report shows it."""

    id: int
    outlet: str
    category: str
    audience: int | None
    title: str
    date: date | None
    journalist: str | None
    url: str | None
    source: str
    text: str
    city: str | None
    story: int | None
    review_status: str
    rights_reserved: bool = False
    to_classify: bool = False  # its outlet waits to be classified: outside the certified totals
    text_policy: str | None = None  # the outlet's own setting, None: the report's
    outlet_audience_source: str | None = None
    outlet_audience_date: dt.date | None = None  # (``date`` is a field of this class)
    matched: str | None = None
    snippet: str | None = None
    places: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def _in_selection(selection: Selection) -> list[ColumnElement[bool]]:
    """The conditions a clipping joined to its ``ClippingCampaign`` rows meets to be in ``selection``."""
    return [
        func.lower(ClippingCampaign.campaign) == selection.campaign.lower(),
        col(Clipping.published) >= selection.start,
        col(Clipping.published) <= selection.end,
        col(Clipping.review_status).in_(selection.statuses()),
    ]


_BY_CAMPAIGN = col(ClippingCampaign.clipping_id) == col(Clipping.id)
_BY_OUTLET = col(OutletRow.id) == col(Clipping.outlet_id)


def category_summary(session: Session, selection: Selection) -> Summary:
    """Uscite and audience by category: audience sums known figures only; an outlet counts once per clipping.

    Clippings of outlets still to classify are counted apart (``to_classify``), never in a category or a total.
    """
    statement = (
        select(
            col(OutletRow.to_classify),
            col(Clipping.category),
            func.count(col(Clipping.id)),
            func.sum(col(Clipping.audience)),  # NULL when no clipping of the category has a known audience
        )
        .join(ClippingCampaign, _BY_CAMPAIGN)
        .join(OutletRow, _BY_OUTLET)
        .where(*_in_selection(selection))
        .group_by(col(OutletRow.to_classify), col(Clipping.category))
    )
    found: dict[str, tuple[int, int | None]] = {}
    to_classify = 0
    for unclassified, category, count, total in session.exec(statement):
        if unclassified:
            to_classify += count
        else:
            found[category] = (count, total)
    rows = [
        CategoryTotal(key, label, found.get(key, (0, None))[0], found.get(key, (0, None))[1])
        for key, label in CATEGORIES.items()
    ]
    known = [row.audience for row in rows if row.audience is not None]
    return Summary(
        rows=rows,
        count=sum(row.count for row in rows),
        audience=sum(known) if known else None,
        to_classify=to_classify,
    )


def report_clippings(session: Session, selection: Selection) -> list[ClippingView]:
    """The clippings of a report in category order, then by date, outlet and title, with their analysis."""
    statement = (
        select(Clipping, OutletRow, ClippingCampaign)
        .join(ClippingCampaign, _BY_CAMPAIGN)
        .join(OutletRow, _BY_OUTLET)
        .where(*_in_selection(selection))
    )
    views: list[ClippingView] = []
    for clipping, outlet, link in session.exec(statement):
        views.append(
            ClippingView(
                id=id_of(clipping),
                outlet=outlet.name,
                category=clipping.category,
                audience=clipping.audience,
                title=clipping.title,
                date=clipping.published,
                journalist=clipping.journalist,
                url=_link(clipping),
                source=clipping.source,
                text=clipping.text,
                city=clipping.city,
                story=clipping.story_id,
                review_status=clipping.review_status,
                rights_reserved=clipping.rights_reserved,
                to_classify=outlet.to_classify,
                text_policy=outlet.text_policy,
                outlet_audience_source=outlet.audience_source,
                outlet_audience_date=outlet.audience_date,
                matched=link.matched,
                snippet=link.snippet,
            )
        )
    _attach_analysis(session, views)
    order = {key: i for i, key in enumerate(CATEGORIES)}
    views.sort(
        key=lambda v: (v.to_classify, order.get(v.category, 99), v.date or date.min, v.outlet.casefold(), v.title, v.id)
    )
    return views


def _link(clipping: Clipping) -> str | None:
    """The address a report links: a crawled page's canonical (not the possibly cache-busting address fetched)."""
    if clipping.source == "crawl" and clipping.canonical_url:
        return clipping.canonical_url
    return clipping.url or clipping.canonical_url


def _attach_analysis(session: Session, views: list[ClippingView]) -> None:
    by_id = {view.id: view for view in views}
    ids = list(by_id)
    places: dict[int, list[str]] = defaultdict(list)
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        for place in session.exec(
            select(ClippingPlace).where(col(ClippingPlace.clipping_id).in_(chunk)).order_by(col(ClippingPlace.position))
        ):
            places[place.clipping_id].append(place.name)
        for figure in session.exec(
            select(ClippingFigure)
            .where(col(ClippingFigure.clipping_id).in_(chunk))
            .order_by(col(ClippingFigure.position))
        ):
            value = int(figure.value) if float(figure.value).is_integer() else figure.value
            by_id[figure.clipping_id].figures.append(Figure(value, figure.unit, figure.qualifier, figure.text))
        for quote in session.exec(
            select(ClippingQuote).where(col(ClippingQuote.clipping_id).in_(chunk)).order_by(col(ClippingQuote.position))
        ):
            by_id[quote.clipping_id].quotes.append(Quote(quote.text, quote.speaker, quote.role))
    for clipping_id, names in places.items():
        by_id[clipping_id].places = names
