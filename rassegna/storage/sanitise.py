"""No NUL character reaches the database: PostgreSQL refuses it in text, SQLite would keep it for the reports."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    return value


@event.listens_for(Session, "before_flush")
def _strip_nul(session: Session, _context: Any, _instances: Any) -> None:
    """Remove NUL from every text (and JSON list/mapping of text) of the rows about to be written."""
    for obj in (*session.new, *session.dirty):
        mapper = getattr(obj, "__mapper__", None)
        if mapper is None:
            continue
        for attr in mapper.column_attrs:
            value = getattr(obj, attr.key, None)
            cleaned = _clean(value)
            if cleaned is not value and cleaned != value:
                setattr(obj, attr.key, cleaned)
