"""The review desk's queries: inbox, stories, audit trail, registry counts and the dashboard's crawl facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from rassegna.storage.models import (
    AudienceFigure,
    AuditEntry,
    Clipping,
    ClippingCampaign,
    ClippingPlace,
    ClippingQuote,
    CrawlError,
    CrawlRun,
    OutletRow,
)
from rassegna.storage.queries import Selection

# --- inbox and stories ------------------------------------------------------------------------------------


def inbox_rows(
    session: Session,
    *,
    status: str | None,
    campaign: str | None,
    offset: int,
    limit: int,
    to_check: bool = False,
) -> tuple[list[tuple[Clipping, str]], int]:
    """One page of clippings (with their outlet names) of a review status and campaign, newest first; the total.

    ``status`` None: every status; ``campaign`` None: every campaign (matched case-insensitively); ``to_check``:
    only clippings whose city or a quote's speaker the NLP flagged."""
    statement = select(Clipping, OutletRow.name).join(OutletRow, col(OutletRow.id) == Clipping.outlet_id)
    count = select(func.count(col(Clipping.id)))
    if to_check:
        flagged_quote = select(ClippingQuote.clipping_id).where(col(ClippingQuote.speaker_to_check))
        flagged = col(Clipping.city_to_check) | col(Clipping.id).in_(flagged_quote)
        statement, count = statement.where(flagged), count.where(flagged)
    if status is not None:
        statement = statement.where(Clipping.review_status == status)
        count = count.where(Clipping.review_status == status)
    if campaign:
        linked = select(ClippingCampaign.clipping_id).where(func.lower(ClippingCampaign.campaign) == campaign.lower())
        statement = statement.where(col(Clipping.id).in_(linked))
        count = count.where(col(Clipping.id).in_(linked))
    total = session.exec(count).one()
    rows = session.exec(
        statement.order_by(
            col(Clipping.published).desc().nulls_last(), col(Clipping.created_at).desc(), col(Clipping.id).desc()
        )
        .offset(offset)
        .limit(limit)
    ).all()
    return [(clipping, outlet) for clipping, outlet in rows], total


def campaign_links(session: Session, clipping_ids: Iterable[int]) -> dict[int, list[ClippingCampaign]]:
    """The campaigns (with matched form and snippet) of each clipping, by clipping id."""
    links: dict[int, list[ClippingCampaign]] = {}
    ids = list(clipping_ids)
    if ids:
        for link in session.exec(select(ClippingCampaign).where(col(ClippingCampaign.clipping_id).in_(ids))):
            links.setdefault(link.clipping_id, []).append(link)
    return links


def story_sizes(session: Session, story_ids: Iterable[int]) -> dict[int, int]:
    """How many clippings each story holds, by story id."""
    ids = list(story_ids)
    if not ids:
        return {}
    statement = (
        select(Clipping.story_id, func.count(col(Clipping.id)))
        .where(col(Clipping.story_id).in_(ids))
        .group_by(col(Clipping.story_id))
    )
    return {story_id: size for story_id, size in session.exec(statement).all() if story_id is not None}


def story_members(session: Session, clipping: Clipping) -> list[tuple[Clipping, str]]:
    """The other clippings that carry the same story, with their outlet names, by date."""
    if clipping.story_id is None:
        return []
    statement = (
        select(Clipping, OutletRow.name)
        .join(OutletRow, col(OutletRow.id) == Clipping.outlet_id)
        .where(Clipping.story_id == clipping.story_id, Clipping.id != clipping.id)
        .order_by(col(Clipping.published), col(Clipping.id))
    )
    return [(member, outlet) for member, outlet in session.exec(statement).all()]


def speakers_to_check(session: Session, clipping_ids: Iterable[int]) -> dict[int, int]:
    """How many quotes of each clipping have a speaker the NLP flagged (clippings with none are left out)."""
    statement = (
        select(ClippingQuote.clipping_id, func.count(col(ClippingQuote.id)))
        .where(col(ClippingQuote.clipping_id).in_(list(clipping_ids)), col(ClippingQuote.speaker_to_check))
        .group_by(col(ClippingQuote.clipping_id))
    )
    return {clipping_id: n for clipping_id, n in session.exec(statement).all()}


def clipping_places(session: Session, clipping_id: int) -> list[str]:
    """The places the NLP found in a clipping, its city first, then by importance."""
    statement = select(ClippingPlace.name).where(ClippingPlace.clipping_id == clipping_id)
    return list(session.exec(statement.order_by(col(ClippingPlace.position))))


def clipping_quotes(session: Session, clipping_id: int) -> list[ClippingQuote]:
    """The quotes the NLP found in a clipping, in the order of the text."""
    statement = select(ClippingQuote).where(ClippingQuote.clipping_id == clipping_id)
    return list(session.exec(statement.order_by(col(ClippingQuote.position))))


def story_clippings(session: Session, story_id: int) -> list[Clipping]:
    """Every clipping of a story."""
    return list(session.exec(select(Clipping).where(Clipping.story_id == story_id)))


def review_status_counts(session: Session) -> dict[str, int]:
    """How many clippings have each review status."""
    statement = select(Clipping.review_status, func.count(col(Clipping.id))).group_by(col(Clipping.review_status))
    return {status: count for status, count in session.exec(statement).all()}


def latest_publication(session: Session, campaign: str) -> date | None:
    """The newest publication date among a campaign's clippings (None when it has none)."""
    latest = session.exec(
        select(func.max(Clipping.published))
        .join(ClippingCampaign, col(ClippingCampaign.clipping_id) == Clipping.id)
        .where(func.lower(ClippingCampaign.campaign) == campaign.lower())
    ).one()
    return latest if isinstance(latest, date) else None


# --- registry -----------------------------------------------------------------------------------------------


def outlet_names(session: Session) -> list[str]:
    """Every outlet name of the registry, alphabetically."""
    return sorted(session.exec(select(OutletRow.name)), key=str.casefold)


def clipping_counts_by_outlet(session: Session) -> dict[int, int]:
    """How many clippings each outlet has, by outlet id (outlets without clippings are absent)."""
    statement = select(Clipping.outlet_id, func.count(col(Clipping.id))).group_by(col(Clipping.outlet_id))
    return {outlet_id: count for outlet_id, count in session.exec(statement).all()}


def audience_history(session: Session, outlet_id: int) -> list[AudienceFigure]:
    """An outlet's audience figures, the latest recorded first."""
    statement = (
        select(AudienceFigure)
        .where(AudienceFigure.outlet_id == outlet_id)
        .order_by(col(AudienceFigure.recorded_at).desc())
    )
    return list(session.exec(statement))


# --- audit trail --------------------------------------------------------------------------------------------


def audit_entries(
    session: Session, *, entity: str | None = None, entity_id: int | None = None, limit: int | None = None
) -> list[AuditEntry]:
    """Changes made on the desk, newest first: of one kind of entity, of one of them, or all."""
    statement = select(AuditEntry).order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
    if entity:
        statement = statement.where(AuditEntry.entity == entity)
    if entity_id is not None:
        statement = statement.where(AuditEntry.entity_id == entity_id)
    if limit is not None:
        statement = statement.limit(limit)
    return list(session.exec(statement))


# --- dashboard ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeskFacts:
    """What the dashboard shows beside the press review's figures: recent crawls and the review backlog."""

    runs: list[CrawlRun]  # the latest crawl runs, newest first
    errors: list[CrawlError]  # the errors of those runs, newest first
    pending: int  # clippings of the selection still to review
    outlets_to_classify: int  # outlets of the registry waiting to be classified


def desk_facts(session: Session, selection: Selection, *, runs: int = 10) -> DeskFacts:
    """The latest ``runs`` crawl runs with their errors, and the review backlog of the selection."""
    recent = list(session.exec(select(CrawlRun).order_by(col(CrawlRun.started_at).desc()).limit(runs)))
    errors = (
        list(
            session.exec(
                select(CrawlError)
                .where(col(CrawlError.crawl_run_id).in_([r.id for r in recent]))
                .order_by(col(CrawlError.at).desc())
            )
        )
        if recent
        else []
    )
    pending = session.exec(
        select(func.count(col(Clipping.id)))
        .join(ClippingCampaign, col(ClippingCampaign.clipping_id) == Clipping.id)
        .where(func.lower(ClippingCampaign.campaign) == selection.campaign.lower())
        .where(col(Clipping.published) >= selection.start, col(Clipping.published) <= selection.end)
        .where(Clipping.review_status == "new")
    ).one()
    waiting = session.exec(select(func.count(col(OutletRow.id))).where(col(OutletRow.to_classify))).one()
    return DeskFacts(recent, errors, pending, waiting)
