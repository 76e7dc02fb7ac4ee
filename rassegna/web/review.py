"""What the review desk does to the store: decisions, corrections, stories, manual clippings; all audited."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session

from rassegna.config import CATEGORIES, Settings
from rassegna.domain import REVIEW_STATUSES
from rassegna.reports.model import CityFinder
from rassegna.storage import desk
from rassegna.storage.models import (
    AuditEntry,
    Clipping,
    ClippingCampaign,
    ClippingQuote,
    OutletRow,
    Story,
    id_of,
    utcnow,
)

STATUSES = REVIEW_STATUSES
EDITABLE = ("title", "published", "city", "category", "journalist", "outlet")
PAGE_SIZE = 50
log = logging.getLogger(__name__)


class ReviewError(ValueError):
    """A change the desk refuses; ``errors`` maps form fields to messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def audit(
    session: Session,
    username: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Record one change in the audit trail (values as JSON)."""
    session.add(
        AuditEntry(
            username=username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before={k: _json(v) for k, v in before.items()} if before is not None else None,
            after={k: _json(v) for k, v in after.items()} if after is not None else None,
        )
    )


# --- reading -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class InboxItem:
    """A clipping as the inbox lists it, with its outlet and the campaigns (and snippets) it matched."""

    clipping: Clipping
    outlet: str
    campaigns: list[ClippingCampaign] = field(default_factory=list)
    story_size: int = 1
    city: str | None = None  # as the report finds it (stored city, else a partner city the title names)
    speakers_to_check: int = 0  # quotes whose speaker the NLP flagged


def inbox(
    session: Session,
    *,
    status: str = "new",
    campaign: str | None = None,
    page: int = 1,
    partner_cities: Sequence[str] = (),
    to_check: bool = False,
) -> tuple[list[InboxItem], int]:
    """Clippings with a review status (all when ``status`` is empty), newest first; also the total count."""
    rows, total = desk.inbox_rows(
        session,
        status=status if status in STATUSES else None,
        campaign=campaign,
        offset=(max(page, 1) - 1) * PAGE_SIZE,
        limit=PAGE_SIZE,
        to_check=to_check,
    )
    finder = CityFinder.for_partners(list(partner_cities))
    items = [
        InboxItem(clipping, outlet, city=finder.city(clipping.city, clipping.title, clipping.text))
        for clipping, outlet in rows
    ]
    ids = [clipping.id for clipping, _ in rows if clipping.id is not None]
    links = desk.campaign_links(session, ids)
    sizes = desk.story_sizes(session, {c.story_id for c, _ in rows if c.story_id is not None})
    flagged = desk.speakers_to_check(session, ids)
    for item in items:
        item.campaigns = links.get(item.clipping.id or 0, [])
        item.speakers_to_check = flagged.get(item.clipping.id or 0, 0)
        if item.clipping.story_id is not None:
            item.story_size = sizes.get(item.clipping.story_id, 1)
    return items, total


def get_clipping(session: Session, clipping_id: int) -> Clipping:
    """The clipping, or LookupError when there is none."""
    clipping = session.get(Clipping, clipping_id)
    if clipping is None:
        raise LookupError(clipping_id)
    return clipping


def snapshot(session: Session, clipping: Clipping) -> dict[str, Any]:
    """The reviewable fields of a clipping, as the audit trail records them."""
    outlet = session.get(OutletRow, clipping.outlet_id)
    return {
        "title": clipping.title,
        "published": clipping.published,
        "city": clipping.city,
        "category": clipping.category,
        "journalist": clipping.journalist,
        "outlet": outlet.name if outlet else None,
        "audience": clipping.audience,
        "review_status": clipping.review_status,
        "review_note": clipping.review_note,
        "story_id": clipping.story_id,
    }


def _changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


# --- changing ------------------------------------------------------------------------------------------


def set_review(session: Session, clipping_id: int, username: str, status: str, note: str | None = None) -> Clipping:
    """Accept or reject a clipping (or send it back to the inbox), keeping who, when and why."""
    if status not in STATUSES:
        raise ReviewError({"status": f"unknown review status {status!r}"})
    note = (note or "").strip() or None
    if status == "rejected" and not note:
        raise ReviewError({"note": "say why the clipping is rejected"})
    clipping = get_clipping(session, clipping_id)
    before = snapshot(session, clipping)
    clipping.review_status = status
    clipping.review_note = note if status != "new" else None
    clipping.reviewed_by = username if status != "new" else None
    clipping.reviewed_at = utcnow() if status != "new" else None
    session.add(clipping)
    old, new = _changed(before, snapshot(session, clipping))
    audit(
        session,
        username,
        {"accepted": "accept", "rejected": "reject", "new": "reopen"}[status],
        "clipping",
        clipping.id,
        old,
        new,
    )
    return clipping


def edit_clipping(session: Session, clipping_id: int, username: str, values: dict[str, str]) -> Clipping:
    """Correct title, date, city, category, outlet and journalist; ReviewError naming each bad field."""
    from rassegna.storage.repository import find_outlet
    from rassegna.text.italian import parse_date

    clipping = get_clipping(session, clipping_id)
    before = snapshot(session, clipping)
    errors: dict[str, str] = {}
    title = (values.get("title") or "").strip()
    if not title:
        errors["title"] = "il titolo è obbligatorio"
    published: date | None = None
    if (values.get("published") or "").strip():
        try:
            published = parse_date(values["published"])
        except ValueError as exc:
            errors["published"] = str(exc)
    category = (values.get("category") or "").strip()
    if category not in CATEGORIES:
        errors["category"] = f"categoria sconosciuta {category!r}"
    outlet = (
        find_outlet(session, (values.get("outlet") or "").strip()) if (values.get("outlet") or "").strip() else None
    )
    if outlet is None:
        errors["outlet"] = "testata non presente nel registro: aggiungila prima nel registro"
    if errors or outlet is None:
        raise ReviewError(errors)
    clipping.title = title[:5000]
    clipping.published = published
    clipping.city = (values.get("city") or "").strip()[:200] or None
    clipping.city_to_check = False  # an editor has now seen and saved it
    clipping.category = category
    clipping.journalist = (values.get("journalist") or "").strip()[:200] or None
    if outlet.id != clipping.outlet_id:
        clipping.outlet_id = id_of(outlet)
        clipping.audience = outlet.audience  # a clipping carries its outlet's audience
    session.add(clipping)
    session.flush()
    old, new = _changed(before, snapshot(session, clipping))
    if new:
        audit(session, username, "edit", "clipping", clipping.id, old, new)
    return clipping


def edit_quote(session: Session, clipping_id: int, quote_id: int, username: str, values: dict[str, str]) -> None:
    """Correct who speaks a quote and in what role (blank: nobody named); the speaker's flag is cleared."""
    quote = session.get(ClippingQuote, quote_id)
    if quote is None or quote.clipping_id != clipping_id:
        raise LookupError(quote_id)
    before = _quote_snapshot(quote)
    quote.speaker = (values.get("speaker") or "").strip()[:200] or None
    quote.role = (values.get("role") or "").strip()[:500] or None
    quote.speaker_to_check = False  # an editor has now seen and saved it
    session.add(quote)
    after = _quote_snapshot(quote)
    if after != before:
        audit(session, username, "edit-quote", "clipping", clipping_id, before, after)


def _quote_snapshot(quote: ClippingQuote) -> dict[str, Any]:
    """A quote's correctable fields, with the start of its words, as the audit trail records them."""
    return {"citazione": quote.text[:80], "autore": quote.speaker, "ruolo": quote.role}


def split_story(session: Session, clipping_id: int, username: str) -> Clipping:
    """Take a clipping out of its story: it becomes a story of its own."""
    clipping = get_clipping(session, clipping_id)
    old_story = clipping.story_id
    story = Story(label=clipping.title[:500])
    session.add(story)
    session.flush()
    clipping.story_id = story.id
    session.add(clipping)
    audit(
        session,
        username,
        "split_story",
        "clipping",
        clipping.id,
        {"story_id": old_story},
        {"story_id": story.id},
    )
    return clipping


def merge_story(session: Session, clipping_id: int, target_id: int, username: str) -> Clipping:
    """Put a clipping's whole story (or the clipping alone) into the story of clipping ``target_id``."""
    clipping = get_clipping(session, clipping_id)
    target = session.get(Clipping, target_id)
    if target is None or target.id == clipping.id:
        raise ReviewError({"target": f"nessun altro articolo con numero {target_id}"})
    if target.story_id is None:
        story = Story(label=target.title[:500])
        session.add(story)
        session.flush()
        target.story_id = story.id
        session.add(target)
        audit(
            session,
            username,
            "merge_story",
            "clipping",
            target.id,
            {"story_id": None},
            {"story_id": story.id},
        )
    if clipping.story_id == target.story_id:
        return clipping
    members = desk.story_clippings(session, clipping.story_id) if clipping.story_id is not None else [clipping]
    for member in members:
        audit(
            session,
            username,
            "merge_story",
            "clipping",
            member.id,
            {"story_id": member.story_id},
            {"story_id": target.story_id},
        )
        member.story_id = target.story_id
        session.add(member)
    return clipping


def add_manual_clipping(
    session: Session, settings: Settings, username: str, values: dict[str, str], *, analyse: bool = True
) -> Clipping:
    """Store a clipping typed into the form, validated like a `rassegna import` row; accepted at once."""
    from rassegna.app.importer import COLUMNS, ImportFileError, RawRow, validate_rows
    from rassegna.storage.repository import find_outlet, store_article

    row = RawRow(1, {name: (values.get(name) or "").strip() for name in COLUMNS})

    def known(name: str) -> str | None:
        found = find_outlet(session, name)
        return found.category if found else None

    try:
        [article] = validate_rows(Path("modulo"), [row], settings, known)
    except ImportFileError as exc:
        raise ReviewError({(e.field or "form"): e.message for e in exc.errors}) from exc
    analysis = None
    if analyse and article.text:
        from rassegna.app.pipeline import analyzer_for

        try:
            [analysis] = analyzer_for(settings.campaigns)([article])
        except ValueError as exc:  # spaCy refuses a text beyond its max_length: keep the clipping unanalysed
            log.warning("manual clipping %r not analysed: %s", article.title[:80], exc)
            analysis = None
    clipping, created = store_article(session, article, analysis)
    if not created:
        raise ReviewError({"form": f"l'articolo è già presente (numero {clipping.id})"})
    clipping.review_status, clipping.reviewed_by, clipping.reviewed_at = "accepted", username, utcnow()
    clipping.review_note = "inserito a mano"
    session.add(clipping)
    session.flush()
    audit(session, username, "create", "clipping", clipping.id, None, snapshot(session, clipping))
    return clipping
