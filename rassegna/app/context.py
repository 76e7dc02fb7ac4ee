"""What every command needs: the settings and the database, resolved once from the global options.

Nothing heavy is imported here: ``rassegna --help`` builds an ``AppContext`` too, and must not pay for pydantic,
SQLAlchemy or the table models. Each property imports what it needs when it is first read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console
    from sqlalchemy import Engine

    from rassegna.config import Settings

# A usage or configuration error (bad option, unusable database URL, broken config): the command did nothing.
EXIT_USAGE = 2


@dataclass
class AppContext:
    """Global options of the command line, resolved lazily (``--help`` must not touch the database)."""

    config_option: str | None = None
    db_option: str | None = None

    @cached_property
    def console(self) -> Console:
        """Messages go to stderr, so stdout carries only what a command outputs (paths, JSON)."""
        from rich.console import Console

        return Console(stderr=True)

    def say(self, message: str, *, style: str | None = None) -> None:
        """Print a message to stderr as it is: no markup, no wrapping (paths and lines stay copyable)."""
        self.console.print(message, style=style, markup=False, highlight=False, soft_wrap=True)

    @cached_property
    def config_file(self) -> Path:
        """``--config``, ``$RASSEGNA_CONFIG`` or the bundled default."""
        from rassegna.config.loader import config_path

        return config_path(self.config_option)

    @cached_property
    def settings(self) -> Settings:
        """The loaded configuration (raises ConfigError)."""
        from rassegna.config.loader import load_settings

        return load_settings(self.config_file)

    def fail(self, message: str, code: int = EXIT_USAGE) -> NoReturn:
        """Say what is wrong in one line and end the command with ``code``."""
        self.say(f"error: {message}", style="bold red")
        raise typer.Exit(code)

    @cached_property
    def db_url(self) -> str:
        """``--db``, ``$RASSEGNA_DATABASE_URL``, the config's ``database_url`` or ./rassegna.db (checked)."""
        from rassegna.config.loader import database_url
        from rassegna.storage.db import DatabaseUrlError, check_database_url

        url = database_url(self.db_option, self.settings)
        try:
            return check_database_url(url)
        except DatabaseUrlError as exc:
            self.fail(str(exc))

    @cached_property
    def engine(self) -> Engine:
        """The migrated database, with the configured outlets in its registry (exit 2 when it cannot be opened)."""
        from sqlalchemy.exc import InterfaceError, OperationalError

        from rassegna.storage.db import connection_problem, engine_for, read_session, session_scope
        from rassegna.storage.repository import registry_in_sync, sync_outlets

        url = self.db_url
        try:
            engine = engine_for(url)
            with read_session(engine) as session:  # no write lock at start-up unless the registry needs it
                in_sync = registry_in_sync(session, self.settings.outlets)
            if not in_sync:
                with session_scope(engine) as session:
                    sync_outlets(session, self.settings.outlets)
        except (OperationalError, InterfaceError) as exc:
            self.fail(connection_problem(exc, url))
        return engine


def app_context(ctx: typer.Context) -> AppContext:
    """The command's application context with the configuration loaded (exit 2 when the config is broken).

    Every command starts with it: a broken configuration fails here, before any work."""
    from rassegna.config.loader import ConfigError

    app_ctx = ctx.find_object(AppContext)
    if app_ctx is None:  # a command invoked without the root group (tests calling a sub-app directly)
        app_ctx = ctx.ensure_object(AppContext)
    try:
        app_ctx.settings  # noqa: B018 - load now so a broken config fails before any work
    except ConfigError as exc:
        app_ctx.say(f"Configuration error: {exc}", style="bold red")
        raise typer.Exit(2) from exc
    return app_ctx
