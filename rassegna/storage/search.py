"""Full-text search over clippings' titles and texts with the database's own engine (FTS5, PostgreSQL)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, text
from sqlmodel import Session

log = logging.getLogger(__name__)
MARK_START, MARK_END = "\x02", "\x03"  # highlight markers: turned into <mark> only after HTML escaping

_WORD = re.compile(r"\w+", re.UNICODE)

_SQLITE_TRIGGERS = {
    "clipping_fts_ai": "CREATE TRIGGER IF NOT EXISTS clipping_fts_ai AFTER INSERT ON clipping BEGIN "
    "INSERT INTO clipping_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "clipping_fts_ad": "CREATE TRIGGER IF NOT EXISTS clipping_fts_ad AFTER DELETE ON clipping BEGIN "
    "INSERT INTO clipping_fts(clipping_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "clipping_fts_au": "CREATE TRIGGER IF NOT EXISTS clipping_fts_au "
    "AFTER UPDATE OF title, text ON clipping BEGIN "
    "INSERT INTO clipping_fts(clipping_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO clipping_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the clipping and an excerpt with the matched words between highlight markers."""

    id: int
    title: str
    outlet: str
    published: date | None
    review_status: str
    excerpt: str


def ensure_search_index(engine: Engine) -> None:
    """Re-create SQLite's FTS triggers if a table rebuild dropped them (then re-index); no-op elsewhere."""
    if engine.dialect.name != "sqlite":
        return
    from rassegna.storage.db import writer

    def existing(connection) -> set[str]:  # noqa: ANN001
        query = "SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table')"
        return {row[0] for row in connection.exec_driver_sql(query)}

    with engine.connect() as connection:  # a look without the write lock: usually nothing to repair
        have = existing(connection)
    if "clipping_fts" not in have or all(name in have for name in _SQLITE_TRIGGERS):
        return  # the migration has not run (nothing to repair), or nothing is missing
    with writer(engine).begin() as connection:
        have = existing(connection)
        missing = [name for name in _SQLITE_TRIGGERS if name not in have]
        for name in missing:
            connection.exec_driver_sql(_SQLITE_TRIGGERS[name])
        if missing:
            log.warning("search index triggers %s were missing: re-created, re-indexing", ", ".join(missing))
            connection.exec_driver_sql("INSERT INTO clipping_fts(clipping_fts) VALUES ('rebuild')")


def _fts5_query(query: str) -> str:
    """Each word of the user's query as a quoted FTS5 term (the last a prefix): no FTS syntax gets through."""
    words = _WORD.findall(query)
    terms = ['"' + w.replace('"', '""') + '"' for w in words]
    if terms:
        terms[-1] += "*"
    return " ".join(terms)


def search_clippings(session: Session, query: str, *, limit: int = 100) -> list[Hit]:
    """Clippings whose title or text match every word of ``query``, best first."""
    if not _WORD.search(query or ""):
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        statement = text(
            "SELECT c.id, c.title, o.name, c.published, c.review_status, "
            "snippet(clipping_fts, -1, :start, :end, '…', 24) "
            "FROM clipping_fts JOIN clipping c ON c.id = clipping_fts.rowid "
            "JOIN outlet o ON o.id = c.outlet_id "
            "WHERE clipping_fts MATCH :query "
            "ORDER BY bm25(clipping_fts, 5.0, 1.0), c.published DESC LIMIT :limit"
        )
        params = {"query": _fts5_query(query), "start": MARK_START, "end": MARK_END, "limit": limit}
    elif dialect == "postgresql":
        document = "to_tsvector('italian', coalesce(c.title, '') || ' ' || coalesce(c.text, ''))"
        statement = text(
            "SELECT c.id, c.title, o.name, c.published, c.review_status, "
            "ts_headline('italian', coalesce(nullif(c.text, ''), c.title), q, :options) "
            f"FROM clipping c JOIN outlet o ON o.id = c.outlet_id, websearch_to_tsquery('italian', :query) q "
            f"WHERE {document} @@ q ORDER BY ts_rank({document}, q) DESC, c.published DESC LIMIT :limit"
        )
        options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=40, MinWords=15"
        params = {"query": query, "options": options, "limit": limit}
    else:  # anything else: a plain substring match, so the page still works
        statement = text(
            "SELECT c.id, c.title, o.name, c.published, c.review_status, substr(c.text, 1, 300) "
            "FROM clipping c JOIN outlet o ON o.id = c.outlet_id "
            "WHERE lower(c.title) LIKE :like OR lower(c.text) LIKE :like "
            "ORDER BY c.published DESC LIMIT :limit"
        )
        params = {"like": f"%{query.lower()}%", "limit": limit}
    rows = session.connection().execute(statement, params).all()
    return [Hit(row[0], row[1], row[2], _as_date(row[3]), row[4], row[5] or "") for row in rows]


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
