"""One parser for outlet edits typed by people: the desk's outlet form and `rassegna outlets set` share it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError

from rassegna.config.models import OUTLET_FIELDS, Outlet
from rassegna.text.italian import parse_audience

LIST_FIELDS = ("domains", "feeds", "sitemaps", "start_urls")
URL_FIELDS = ("feeds", "sitemaps", "start_urls")
UNKNOWN_AUDIENCE = ("", "none", "n.d.")  # what a person types for "audience not known"
_HTTP_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)

Change = str | Sequence[str] | None


class OutletEditError(ValueError):
    """An outlet edit refused; ``errors`` maps each bad field to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def parse_month(text: str) -> date:
    """``YYYY-MM`` (its first day) or ``YYYY-MM-DD``; ValueError otherwise."""
    text = text.strip()
    try:
        return date.fromisoformat(text + "-01" if len(text) == 7 else text)
    except ValueError:
        raise ValueError(f"{text!r} is not a month (YYYY-MM) or a date (YYYY-MM-DD)") from None


def split_lines(value: Change) -> list[str]:
    """A list field's value: a list as given, or a text with one item per line; blanks dropped."""
    items = re.split(r"[\r\n]+", value) if isinstance(value, str) else list(value or [])
    return [item.strip() for item in items if item.strip()]


def _parsed(field: str, value: Change) -> Any:
    """One field's new value from what was typed; ValueError saying what is wrong."""
    if field in LIST_FIELDS:
        items = split_lines(value)
        bad = [u for u in items if not _HTTP_URL.match(u)] if field in URL_FIELDS else []
        if bad:
            raise ValueError(f"not http(s) addresses: {', '.join(bad[:3])}")
        return items
    text = value.strip() if isinstance(value, str) else ""
    if field == "audience":
        return None if text.casefold() in UNKNOWN_AUDIENCE else parse_audience(text)
    if field == "audience_date":
        return parse_month(text) if text else None
    if field == "category":
        return text  # required: an empty one is refused by the model, naming the categories
    return text or None  # audience_source, text_policy: empty is "not set"


def typed_values(outlet: Outlet) -> dict[str, str]:
    """What a person would type for each field of ``outlet``: the inverse of ``edit_outlet`` (for edit forms)."""
    values: dict[str, str] = {}
    for field, value in outlet.model_dump().items():
        if isinstance(value, list):
            values[field] = "\n".join(value)
        elif field == "audience" and value is not None:
            values[field] = f"{value:,}".replace(",", ".")  # Italian thousands, as parse_audience reads them
        elif field == "audience_date" and value is not None:
            values[field] = value.strftime("%Y-%m")  # a month: the day is always the first
        else:
            values[field] = "" if value is None else str(value)
    return values


def edit_outlet(current: Outlet | None, name: str, changes: Mapping[str, Change]) -> Outlet:
    """``current`` (None: a new outlet called ``name``) with ``changes`` applied; OutletEditError naming bad fields.

    A change of None leaves the field as it is. Lists take a list or a text with one item per line (feeds,
    sitemaps and start pages must be http(s) addresses); audience takes 1464811, 1.464.811, or "", none,
    n.d. for unknown; audience_date takes YYYY-MM or YYYY-MM-DD.
    """
    unknown = set(changes) - OUTLET_FIELDS
    if unknown:
        raise OutletEditError({field: "not an outlet field" for field in sorted(unknown)})
    data: dict[str, Any] = current.model_dump() if current is not None else {}
    data["name"] = name
    errors: dict[str, str] = {}
    for field, value in changes.items():
        if value is None or field == "name":
            continue
        try:
            data[field] = _parsed(field, value)
        except ValueError as exc:
            errors[field] = str(exc)
    if errors:
        raise OutletEditError(errors)
    try:
        return Outlet.model_validate(data)
    except ValidationError as exc:
        raise OutletEditError(
            {str(e["loc"][0]) if e["loc"] else "outlet": e["msg"] for e in exc.errors(include_url=False)}
        ) from None
