"""How a run's counts are written: the runs table, the scheduler's log."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

COUNT_LABELS = {
    "pages": "pagine",
    "matched": "pertinenti",
    "new_clippings": "nuove",
    "errors": "errori",
    "files": "file",
    "mailed": "email",
}


def counts_text(counts: Mapping[str, Any]) -> str:
    """``pagine 12 · pertinenti 3 · nuove 2 · errori 0`` (and the exit code when it is not 0)."""
    parts = [f"{label} {counts[key]}" for key, label in COUNT_LABELS.items() if isinstance(counts.get(key), int)]
    if counts.get("exit_code"):
        parts.append(f"exit {counts['exit_code']}")
    return " · ".join(parts)
