"""The packages depend downward only: what storage, reports and the text helpers may import of rassegna."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rassegna"
# package → packages of rassegna it must never import (at any depth: module level or inside functions)
FORBIDDEN = {
    "text": ("app", "config", "crawler", "health", "nlp", "reports", "simweb", "storage", "web"),
    "storage": ("app", "crawler", "nlp", "reports", "web"),
    "reports": ("app", "crawler", "nlp", "web"),
    "crawler": ("app", "reports", "storage", "web"),
    "nlp": ("app", "crawler", "reports", "storage", "web"),
}


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name for name in names if name.startswith("rassegna.")}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_runs_up_or_across(package: str) -> None:
    wrong = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        if "migrations" not in path.parts
        for name in sorted(_imported(path))
        if name.split(".")[1] in FORBIDDEN[package]
    ]
    assert not wrong, "\n".join(wrong)
