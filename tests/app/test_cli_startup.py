"""Start-up cost of the command line: `--help` imports none of the heavy machinery, and names no Python types."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# What a command imports in its body, never at start-up: each costs from 0.1 s (SQLAlchemy) to seconds (spaCy).
HEAVY = (
    "sqlalchemy",
    "sqlmodel",
    "alembic",
    "weasyprint",
    "scrapy",
    "twisted",
    "spacy",
    "datasketch",
    "apscheduler",
    "openpyxl",
    "jinja2",
    "trafilatura",
    "fastapi",
    "rassegna.storage.models",
    "rassegna.reports.model",
)

# Runs the CLI's `--help` in a fresh interpreter and prints what it imported beside what it printed.
PROBE = """
import contextlib, io, json, sys
sys.argv = ["rassegna", *json.loads(sys.argv[1])]
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        from rassegna.app.cli import main
        main()
    except SystemExit:
        pass
print(json.dumps({"modules": sorted(sys.modules), "help": out.getvalue()}))
"""


def _help_of(*command: str) -> tuple[set[str], str]:
    """The modules imported by ``rassegna COMMAND --help`` and the help it printed."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([*command, "--help"])],
        capture_output=True,
        text=True,
        timeout=120,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "RASSEGNA_CONFIG": ""},
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    return set(result["modules"]), result["help"]


def _heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in HEAVY if name in modules)


def test_root_help_imports_no_heavy_library_nor_pydantic() -> None:
    modules, text = _help_of()
    assert _heavy(modules) == []
    assert "pydantic" not in modules  # the config models are imported when a command loads the config
    assert "report" in text and "crawl" in text


@pytest.mark.parametrize(
    "command",
    [
        ("report",),
        ("crawl",),
        ("import",),
        ("analyze",),
        ("outlets", "list"),
        ("outlets", "set"),
        ("runs",),
        ("schedule",),
        ("sources",),
        ("demo",),
        ("serve",),
        ("users", "add"),
        ("worker",),
    ],
)
def test_command_help_imports_no_heavy_library_and_names_no_python_type(command: tuple[str, ...]) -> None:
    modules, text = _help_of(*command)
    assert _heavy(modules) == []
    assert "Usage:" in text
    for python_type in ("<str>", "<bool>", "<int>", "<path>", "<float>"):
        assert python_type not in text


def test_choosing_the_report_format_imports_no_heavy_library() -> None:
    # `report` checks --format (and forks the PDF helper) before it loads the config: the format table must be light.
    probe = "import sys, rassegna.reports; rassegna.reports.format_for_extension('.pdf'); print(sorted(sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert _heavy(set(eval(done.stdout))) == []  # noqa: S307 - our own subprocess printing a list of names
