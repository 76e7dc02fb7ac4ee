"""The README stays true: every command and config key is documented, every documented command exists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

import pytest
import typer.main
from pydantic import BaseModel

from rassegna.app.cli import app
from rassegna.config.models import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
# Inline code spans and fenced blocks: where the README writes commands and keys.
CODE = "\n".join(re.findall(r"```.*?```", README, flags=re.DOTALL) + re.findall(r"`([^`\n]+)`", README))


def command_paths(command: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command of the CLI as its words after `rassegna` (groups and their subcommands)."""
    if hasattr(command, "list_commands"):  # a group (typer ships its own copy of click's classes)
        ctx = command.context_class(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield (*prefix, name)
                yield from command_paths(sub, (*prefix, name))


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model behind a field's type (`X`, `list[X]`, `X | None`), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union, UnionType):
        for arg in get_args(annotation):
            if model := _model_of(arg):
                return model
    return None


def config_keys(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every configuration key as (dotted path, bare name); a section is documented through its keys."""
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        nested = _model_of(field.annotation)
        if nested is None or get_origin(field.annotation) is list:
            yield path, name
        if nested is not None:
            yield from config_keys(nested, f"{path}.")


CLI = typer.main.get_command(app)
COMMANDS = sorted(command_paths(CLI))


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_readme(words: tuple[str, ...]) -> None:
    spelled = "rassegna " + " ".join(words)
    assert re.search(re.escape(spelled) + r"\b", CODE), f"`{spelled}` is not documented in README.md"


def test_every_command_the_readme_names_exists() -> None:
    known = {words[0] for words in COMMANDS}
    named = set(re.findall(r"\brassegna ([a-z][a-z-]*)", CODE))
    assert named - known == set(), f"README names commands that do not exist: {sorted(named - known)}"


def test_every_subcommand_the_readme_names_exists() -> None:
    groups = {words[0] for words in COMMANDS if len(words) == 2}
    known = {" ".join(words) for words in COMMANDS if len(words) == 2}
    named = {
        f"{group} {sub}"
        for group, sub in re.findall(r"\brassegna ([a-z][a-z-]*) ([a-z][a-z-]*)", CODE)
        if group in groups and not sub.isupper()
    }
    # Arguments in examples are upper-case or options; a lower-case word after a group is a subcommand.
    assert named - known == set(), f"README names subcommands that do not exist: {sorted(named - known)}"


@pytest.mark.parametrize("path,name", sorted(config_keys(Settings)), ids=lambda value: str(value))
def test_every_config_key_is_in_the_readme(path: str, name: str) -> None:
    documented = f"`{path}`" in README or f"`{name}`" in README or f"`{path}[]`" in README
    assert documented, f"config key `{path}` is not documented in README.md"
