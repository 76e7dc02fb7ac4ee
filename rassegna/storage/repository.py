"""Writing to the store: outlets, clippings with their analysis, crawl state."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from rassegna.config.categories import UNCLASSIFIED_CATEGORY
from rassegna.config.models import OUTLET_FIELDS, Outlet
from rassegna.domain import Analysis, Article, CampaignMatch
from rassegna.storage.models import (
    AudienceFigure,
    Clipping,
    ClippingCampaign,
    ClippingFigure,
    ClippingPlace,
    ClippingQuote,
    FetchState,
    FoundSourceRow,
    OutletRow,
    SeenUrl,
    id_of,
    table_of,
    utcnow,
)
from rassegna.text.fold import fold_key
from rassegna.text.urls import site_domain


def without_nul(text: str) -> str:
    """``text`` without NUL characters (PostgreSQL refuses them; SQLite would keep them for the reports)."""
    return text.replace("\x00", "") if "\x00" in text else text


def clean_article(article: Article) -> Article:
    """The article with NUL characters removed from every text field (crawled and imported text is hostile)."""
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(article):
        value = getattr(article, item.name)
        if isinstance(value, str) and "\x00" in value:
            changes[item.name] = without_nul(value)
    if any("\x00" in f"{m.name}{m.matched}{m.snippet}" for m in article.campaigns):
        changes["campaigns"] = [
            dataclasses.replace(
                m, name=without_nul(m.name), matched=without_nul(m.matched), snippet=without_nul(m.snippet)
            )
            for m in article.campaigns
        ]
    return dataclasses.replace(article, **changes) if changes else article


def dedupe_key(outlet: str, title: str, published: date | None, canonical_url: str | None) -> str:
    """The identity of a clipping: its canonical URL, else outlet + title + date."""
    if canonical_url:
        return "url:" + canonical_url
    return f"otd:{fold_key(outlet)}|{fold_key(title)}|{published.isoformat() if published else ''}"


# --- outlets -----------------------------------------------------------------------------------------


def find_outlet(session: Session, name: str) -> OutletRow | None:
    """The outlet called ``name`` (case-insensitive)."""
    name = without_nul(name)
    return session.exec(select(OutletRow).where(func.lower(OutletRow.name) == name.lower())).first()


def _insert_outlet(session: Session, row: OutletRow) -> OutletRow:
    """Add a new outlet row, or return the one a concurrent writer added under the same name meanwhile.

    INSERT ... ON CONFLICT DO NOTHING, then select: two imports adding the same new outlet both succeed."""
    from sqlalchemy.dialects import postgresql, sqlite

    values = {
        column.name: getattr(row, column.name)
        for column in table_of(OutletRow).columns
        if column.name != "id" and getattr(row, column.name, None) is not None
    }
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(insert(OutletRow).values(**values).on_conflict_do_nothing(index_elements=["name"]))
    stored = session.exec(select(OutletRow).where(OutletRow.name == row.name)).first()
    if stored is None:  # a same name in another case: the registry is case-insensitive
        stored = find_outlet(session, row.name)
    assert stored is not None
    return stored


def _record_audience(session: Session, row: OutletRow) -> None:
    session.add(
        AudienceFigure(
            outlet_id=id_of(row), audience=row.audience, source=row.audience_source, measured_on=row.audience_date
        )
    )


def upsert_outlet(session: Session, outlet: Outlet, *, to_classify: bool = False) -> OutletRow:
    """Add or update an outlet of the registry; an audience change is kept in the audience history."""
    row = find_outlet(session, outlet.name)
    classified = False
    if row is None:
        row = _insert_outlet(
            session, OutletRow(name=without_nul(outlet.name), category=outlet.category, to_classify=to_classify)
        )
        audience_changed = True
    else:
        audience_changed = (row.audience, row.audience_source, row.audience_date) != (
            outlet.audience,
            outlet.audience_source,
            outlet.audience_date,
        )
        classified = row.to_classify and not to_classify
        row.to_classify = row.to_classify and to_classify
    row.sqlmodel_update(outlet.model_dump(include=set(OUTLET_FIELDS - {"name"})))  # the name is the key: kept
    row.updated_at = utcnow()
    session.flush()
    if audience_changed and (row.audience is not None or row.audience_source):
        _record_audience(session, row)
    if classified:
        _classify_clippings(session, row)
    return row


def _classify_clippings(session: Session, row: OutletRow) -> None:
    """An outlet just classified: its clippings take its category, and its audience where theirs is unknown.

    They were stored under a placeholder category while the outlet waited; from now on they count in the
    certified totals like any other clipping of the outlet.
    """
    for clipping in session.exec(select(Clipping).where(Clipping.outlet_id == row.id)):
        clipping.category = row.category
        if clipping.audience is None:
            clipping.audience = row.audience
    session.flush()


def registry_in_sync(session: Session, outlets: Iterable[Outlet]) -> bool:
    """True when ``sync_outlets`` would change nothing (so start-up need not take the write lock)."""
    wanted = list(outlets)
    if not wanted:
        return True
    rows = {row.name.lower(): row for row in session.exec(select(OutletRow))}
    for outlet in wanted:
        row = rows.get(without_nul(outlet.name).lower())
        if row is None or (not row.domains and outlet.domains):
            return False
    return True


def sync_outlets(session: Session, outlets: Iterable[Outlet]) -> None:
    """Bring the configured registry into the database, leaving outlets edited or discovered since alone."""
    # One read of the registry, not one query per configured outlet: every command starts with this.
    rows = {row.name.lower(): row for row in session.exec(select(OutletRow))}
    for outlet in outlets:
        row = rows.get(outlet.name.lower())
        if row is None:
            upsert_outlet(session, outlet)
        elif not row.domains and outlet.domains:
            row.domains = list(outlet.domains)  # fill what the database lacks; never overwrite an edit


def outlet_row_to_config(row: OutletRow) -> Outlet:
    """The registry entry of a stored outlet."""
    return Outlet.model_validate(row.model_dump(include=set(OUTLET_FIELDS)))


def list_outlets(session: Session) -> list[OutletRow]:
    """Every outlet, those still to classify first, then by category and name."""
    order = (col(OutletRow.to_classify).desc(), col(OutletRow.category), col(OutletRow.name))
    return list(session.exec(select(OutletRow).order_by(*order)))


def outlet_for_article(session: Session, article: Article) -> OutletRow:
    """The outlet an article belongs to, creating it (flagged "to classify" for crawled pages) when unknown."""
    row = find_outlet(session, article.outlet)
    if row is not None:
        return row
    crawled = article.source == "crawl"
    row = OutletRow(
        name=article.outlet,
        category=article.category or UNCLASSIFIED_CATEGORY,
        audience=article.audience,
        to_classify=crawled or not article.category,
    )
    if crawled and article.canonical_url:
        domain = site_domain(article.canonical_url)  # the form the crawler names and attributes new outlets by
        row.domains = [domain] if domain else []
    return _insert_outlet(session, row)


def found_sources(session: Session) -> dict[int, list[FoundSourceRow]]:
    """The feeds and sitemaps found for domain-only outlets, by outlet id (feeds first, then by URL)."""
    found: dict[int, list[FoundSourceRow]] = {}
    for row in session.exec(select(FoundSourceRow).order_by(FoundSourceRow.kind, FoundSourceRow.url)):
        found.setdefault(row.outlet_id, []).append(row)
    return found


def replace_found_sources(
    session: Session, outlet: OutletRow, checked_at: datetime | None, sources: Iterable[tuple[str, str, datetime, int]]
) -> None:
    """Keep (kind, url, found_at, failures) as what was found for ``outlet``, looked for at ``checked_at``."""
    have = {row.url: row for row in session.exec(select(FoundSourceRow).where(FoundSourceRow.outlet_id == outlet.id))}
    keep = set()
    for kind, url, found_at, failures in sources:
        row = have.get(url) or FoundSourceRow(outlet_id=id_of(outlet), url=url, kind=kind, found_at=found_at)
        row.kind, row.failures = kind, failures
        session.add(row)
        keep.add(url)
    for url, row in have.items():
        if url not in keep:
            session.delete(row)
    outlet.sources_checked_at = checked_at
    session.add(outlet)


# --- clippings -----------------------------------------------------------------------------------------


def store_article(
    session: Session, article: Article, analysis: Analysis | None = None, *, crawl_run_id: int | None = None
) -> tuple[Clipping, bool]:
    """Store an article as a clipping, or return the existing one; True when it is new."""
    article = clean_article(article)
    key = dedupe_key(article.outlet, article.title, article.published, article.canonical_url)
    existing = session.exec(select(Clipping).where(Clipping.dedupe_key == key)).first()
    if existing is not None:
        add_campaigns(session, existing, article.campaigns)
        return existing, False
    outlet = outlet_for_article(session, article)
    clipping = Clipping(
        dedupe_key=key,
        outlet_id=id_of(outlet),
        category=article.category or outlet.category,
        audience=article.audience if article.audience is not None else outlet.audience,
        title=article.title,
        published=article.published,
        journalist=article.journalist,
        url=article.url,
        canonical_url=article.canonical_url,
        text=article.text or "",
        source=article.source,
        language=article.language,
        rights_reserved=article.rights_reserved,
        crawl_run_id=crawl_run_id,
    )
    session.add(clipping)
    session.flush()
    add_campaigns(session, clipping, article.campaigns)
    if analysis is not None:
        save_analysis(session, clipping, analysis)
    return clipping, True


def add_campaigns(session: Session, clipping: Clipping, matches: Iterable[CampaignMatch]) -> None:
    """Attach campaigns to a clipping (each once)."""
    have = set(session.exec(select(ClippingCampaign.campaign).where(ClippingCampaign.clipping_id == clipping.id)))
    for match in matches:
        if match.name not in have:
            session.add(
                ClippingCampaign(
                    clipping_id=id_of(clipping), campaign=match.name, matched=match.matched, snippet=match.snippet
                )
            )
            have.add(match.name)


def save_analysis(session: Session, clipping: Clipping, analysis: Analysis) -> None:
    """Replace what the NLP found in a clipping."""
    for table in (ClippingPlace, ClippingFigure, ClippingQuote):
        session.exec(delete(table).where(col(table.clipping_id) == clipping.id))
    clipping.city = analysis.city
    clipping.city_to_check = analysis.city_to_check
    clipping.analysed = True
    if analysis.journalist and not clipping.journalist:
        clipping.journalist = analysis.journalist
    for position, place in enumerate(analysis.places):
        session.add(ClippingPlace(clipping_id=id_of(clipping), name=place, position=position))
    for position, figure in enumerate(analysis.figures):
        session.add(
            ClippingFigure(
                clipping_id=id_of(clipping),
                value=figure.value,
                unit=figure.unit,
                qualifier=figure.qualifier,
                text=figure.text,
                position=position,
            )
        )
    for position, quote in enumerate(analysis.quotes):
        session.add(
            ClippingQuote(
                clipping_id=id_of(clipping),
                text=quote.text,
                speaker=quote.speaker,
                role=quote.role,
                position=position,
                speaker_to_check=quote.speaker_to_check,
            )
        )
    session.add(clipping)


# --- crawl state -----------------------------------------------------------------------------------------


def seen_urls(session: Session) -> set[str]:
    """Article URLs already fetched and judged by an earlier crawl."""
    return set(session.exec(select(SeenUrl.url)))


def mark_seen(session: Session, urls: Iterable[tuple[str, bool]]) -> None:
    """Remember article URLs fetched and judged (url, relevant), so later crawls skip them; relevant sticks."""
    merged: dict[str, bool] = {}
    for url, relevant in urls:
        merged[url] = merged.get(url, False) or relevant
    if not merged:
        return
    existing = {row.url: row for row in session.exec(select(SeenUrl).where(col(SeenUrl.url).in_(list(merged))))}
    now = utcnow()
    for url, relevant in merged.items():
        row = existing.get(url)
        if row is None:
            session.add(SeenUrl(url=url, relevant=relevant, seen_at=now))
        else:
            row.relevant = row.relevant or relevant
            row.seen_at = now
            session.add(row)


def fetch_validators(session: Session) -> dict[str, tuple[str | None, str | None]]:
    """ETag and Last-Modified of every feed and sitemap fetched before, by URL."""
    return {row.url: (row.etag, row.last_modified) for row in session.exec(select(FetchState))}


def save_validators(session: Session, url: str, etag: str | None, last_modified: str | None) -> None:
    """Remember a feed's or sitemap's validators for the next conditional request."""
    row = session.exec(select(FetchState).where(FetchState.url == url)).first()
    if row is None:
        row = FetchState(url=url)
    row.etag, row.last_modified, row.fetched_at = etag, last_modified, utcnow()
    session.add(row)


def store_articles(session: Session, articles: list[Article], analyses: list[Analysis | None]) -> list[bool]:
    """Store a batch of articles as ``store_article`` would one by one, in a few statements; True for each new one.

    For imports: one query for the clippings already stored, one multi-row INSERT per table."""
    from sqlalchemy import insert

    articles = [clean_article(a) for a in articles]  # multi-row INSERTs bypass the ORM's NUL safety net
    keys = [dedupe_key(a.outlet, a.title, a.published, a.canonical_url) for a in articles]
    existing: dict[str, int] = {}
    unique_keys = list(dict.fromkeys(keys))
    for start in range(0, len(unique_keys), 500):
        chunk = unique_keys[start : start + 500]
        query = select(Clipping.dedupe_key, Clipping.id).where(col(Clipping.dedupe_key).in_(chunk))
        existing.update((key, id_) for key, id_ in session.exec(query).all() if id_ is not None)
    outlets: dict[str, OutletRow] = {}
    now = utcnow()
    new_rows: list[dict] = []
    new_items: list[tuple[Article, Analysis | None]] = []
    created: list[bool] = []
    pending: dict[str, int] = {}  # dedupe key -> index in new_rows, for a key twice in one batch
    later: list[tuple[str, Article]] = []  # campaigns to add to clippings stored before or earlier in the batch
    for article, analysis, key in zip(articles, analyses, keys, strict=True):
        if key in existing or key in pending:
            created.append(False)
            later.append((key, article))
            continue
        name = article.outlet.casefold()
        if name not in outlets:
            outlets[name] = outlet_for_article(session, article)
        outlet = outlets[name]
        journalist = article.journalist or (analysis.journalist if analysis is not None else None)
        new_rows.append(
            {
                "dedupe_key": key,
                "outlet_id": outlet.id,
                "category": article.category or outlet.category,
                "audience": article.audience if article.audience is not None else outlet.audience,
                "title": article.title,
                "published": article.published,
                "journalist": journalist,
                "url": article.url,
                "canonical_url": article.canonical_url,
                "text": article.text or "",
                "source": article.source,
                "language": article.language,
                "rights_reserved": article.rights_reserved,
                "city": analysis.city if analysis is not None else None,
                "city_to_check": analysis.city_to_check if analysis is not None else False,
                "analysed": analysis is not None,
                "story_id": None,
                "review_status": "new",
                "reviewed_by": None,
                "reviewed_at": None,
                "review_note": None,
                "crawl_run_id": None,
                "created_at": now,
            }
        )
        pending[key] = len(new_rows) - 1
        new_items.append((article, analysis))
        created.append(True)
    ids: list[int] = []
    if new_rows:
        statement = insert(table_of(Clipping)).returning(table_of(Clipping).c.id, sort_by_parameter_order=True)
        ids = list(session.connection().execute(statement, new_rows).scalars())
    campaigns, places, figures, quotes = [], [], [], []
    for clipping_id, (article, analysis) in zip(ids, new_items, strict=True):
        for match in {m.name: m for m in reversed(article.campaigns)}.values():
            campaigns.append(
                {"clipping_id": clipping_id, "campaign": match.name, "matched": match.matched, "snippet": match.snippet}
            )
        if analysis is None:
            continue
        places += [{"clipping_id": clipping_id, "name": p, "position": i} for i, p in enumerate(analysis.places)]
        figures += [
            {"clipping_id": clipping_id, "value": f.value, "unit": f.unit, "qualifier": f.qualifier, "text": f.text,
             "position": i}
            for i, f in enumerate(analysis.figures)
        ]  # fmt: skip
        quotes += [
            {
                "clipping_id": clipping_id,
                "text": q.text,
                "speaker": q.speaker,
                "role": q.role,
                "position": i,
                "speaker_to_check": q.speaker_to_check,
            }
            for i, q in enumerate(analysis.quotes)
        ]
    for model, rows in ((ClippingCampaign, campaigns), (ClippingPlace, places), (ClippingFigure, figures)):
        if rows:
            session.connection().execute(insert(table_of(model)), rows)
    if quotes:
        session.connection().execute(insert(table_of(ClippingQuote)), quotes)
    for key, article in later:
        clipping_id = existing.get(key) or ids[pending[key]]
        clipping = session.get(Clipping, clipping_id)
        if clipping is not None:
            add_campaigns(session, clipping, article.campaigns)
    return created
