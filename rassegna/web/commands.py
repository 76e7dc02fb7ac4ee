"""``rassegna serve`` and ``rassegna users``: the review desk's commands."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from rassegna.app.context import app_context

users_app = typer.Typer(help="Accounts of the review desk (editors change, viewers read).", no_args_is_help=True)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password (again): "):
        raise typer.BadParameter("the two passwords differ")
    return first


@users_app.command("add")
def users_add(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option(help="editor (reviews and edits) or viewer (reads).")] = "viewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Add an account; the password is asked for (or read from standard input)."""
    from rassegna.web.auth import AccountError, add_user

    app_ctx = app_context(ctx)
    password = _read_password(password_stdin)
    try:
        add_user(app_ctx.engine, username, password, role)
    except AccountError as exc:
        app_ctx.console.print(f"[bold red]Not added:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    app_ctx.console.print(f"Added {role} {username!r}", markup=False, highlight=False)


@users_app.command("passwd")
def users_passwd(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="Login name.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Change a password (the user's open sessions end)."""
    from rassegna.web.auth import AccountError, set_password

    app_ctx = app_context(ctx)
    try:
        set_password(app_ctx.engine, username, _read_password(password_stdin))
    except AccountError as exc:
        app_ctx.console.print(f"[bold red]Not changed:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    app_ctx.console.print(f"Password of {username!r} changed", markup=False, highlight=False)


@users_app.command("list")
def users_list(ctx: typer.Context) -> None:
    """List the accounts."""
    from sqlmodel import Session, select

    from rassegna.web.models import WebUser

    app_ctx = app_context(ctx)
    with Session(app_ctx.engine) as session:
        for user in session.exec(select(WebUser).order_by(WebUser.username)):
            state = "" if user.active else " (disabled)"
            print(f"{user.username}\t{user.role}{state}")


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    secure_cookies: Annotated[
        bool,
        typer.Option("--secure-cookies", help="Mark the session cookie Secure (when served over HTTPS)."),
    ] = False,
) -> None:
    """Run the review desk (web application) over the same database as the other commands."""
    import uvicorn

    from rassegna.web.app import create_app

    app_ctx = app_context(ctx)
    application = create_app(app_ctx.settings, app_ctx.engine, secure_cookies=secure_cookies)
    app_ctx.console.print(f"Review desk on http://{host}:{port}/ (Ctrl+C to stop)", markup=False, highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="info", proxy_headers=False)


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``users`` to the ``rassegna`` command line."""
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
