"""The ``rassegna`` command line: ``rassegna [--config FILE] [--db URL] COMMAND ...``."""

from __future__ import annotations

import importlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from rassegna import __version__
from rassegna.app.context import AppContext
from rassegna.config import CATEGORIES, ConfigError

app = typer.Typer(
    name="rassegna",
    help="Press-coverage tracking: crawl outlets, analyse articles, build the rassegna stampa.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
outlets_app = typer.Typer(help="The outlet registry: list outlets, add or update one.", no_args_is_help=True)
app.add_typer(outlets_app, name="outlets")

# Commands that live with their own wiring register themselves here.
COMMAND_MODULES = ("rassegna.app.scheduling", "rassegna.app.demo", "rassegna.web.commands")


def _version(value: bool) -> None:
    if value:
        print(f"rassegna {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    config: Annotated[
        str | None,
        typer.Option("--config", help="Configuration file (default: $RASSEGNA_CONFIG, else the bundled one)."),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL (default: $RASSEGNA_DATABASE_URL, the config's, sqlite:///rassegna.db).",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Global options come before the command."""
    ctx.obj = AppContext(config_option=config, db_option=db)


def _context(ctx: typer.Context) -> AppContext:
    """The application context, with the configuration loaded (exit 2 when it is broken)."""
    app_ctx: AppContext = ctx.obj
    try:
        app_ctx.settings  # noqa: B018 - load now so a broken config fails before any work
    except ConfigError as exc:
        app_ctx.say(f"Configuration error: {exc}", style="bold red")
        raise typer.Exit(2) from exc
    return app_ctx


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


# --- crawl ------------------------------------------------------------------------------------------------


@app.command()
def crawl(
    ctx: typer.Context,
    campaign: Annotated[str | None, typer.Option(help="Only this campaign's keywords decide relevance.")] = None,
    outlet: Annotated[list[str] | None, typer.Option(help="Crawl only this outlet (repeatable).")] = None,
    distributed: Annotated[
        bool, typer.Option("--distributed", help="Coordinate a run that `rassegna worker` processes do (Redis).")
    ] = False,
) -> None:
    """One crawl pass over the configured outlets: feeds, sitemaps and start pages."""
    app_ctx = _context(ctx)
    from rassegna.app.crawl import run_crawl_command

    if distributed:
        from rassegna.app.distributed import crawl_distributed_command

        raise typer.Exit(
            crawl_distributed_command(
                app_ctx.settings,
                app_ctx.db_url,
                campaign=campaign,
                outlet_names=outlet or [],
                console=app_ctx.console,
            )
        )

    raise typer.Exit(
        run_crawl_command(
            app_ctx.settings,
            app_ctx.db_url,
            campaign=campaign,
            outlet_names=outlet or [],
            console=app_ctx.console,
        )
    )


@app.command()
def worker(
    ctx: typer.Context,
    redis: Annotated[str | None, typer.Option(help="Redis URL (default: $RASSEGNA_REDIS_URL, redis_url).")] = None,
    processes: Annotated[
        int | None, typer.Option(help="Extraction processes (default: one per core; 0: in the crawler).")
    ] = None,
) -> None:
    """Work on distributed crawl runs (`rassegna crawl --distributed`) until stopped; long-running."""
    app_ctx = _context(ctx)
    from rassegna.app.distributed import worker_command

    raise typer.Exit(
        worker_command(
            app_ctx.settings, app_ctx.db_url, console=app_ctx.console, redis_url=redis, pool_size=processes
        )
    )


# --- import -----------------------------------------------------------------------------------------------


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV, XLSX or YAML file of manual clippings.")],
    analyse: Annotated[bool, typer.Option("--nlp/--no-nlp", help="Run the NLP on rows that carry text.")] = True,
) -> None:
    """Add manual clippings (wires, TV/radio, social posts, print); nothing is imported if any row is bad."""
    app_ctx = _context(ctx)
    from rassegna.app.importer import ImportFileError, import_file
    from rassegna.app.pipeline import analyzer_for, refresh_stories

    try:
        result = import_file(
            app_ctx.engine,
            file,
            app_ctx.settings,
            analyzer=analyzer_for(app_ctx.settings.campaigns) if analyse else None,
        )
    except ImportFileError as exc:
        app_ctx.say(str(exc), style="red")
        raise typer.Exit(1) from exc
    refresh_stories(app_ctx.engine)
    app_ctx.say(
        f"{file}: {result.rows} rows, {result.added} clippings added, {result.already_present} already present"
        + (f"; new outlets: {', '.join(result.new_outlets)}" if result.new_outlets else "")
    )


# --- report -----------------------------------------------------------------------------------------------


@app.command()
def report(
    ctx: typer.Context,
    campaign: Annotated[str, typer.Option(help="Campaign name, as in the configuration.")],
    from_: Annotated[str, typer.Option("--from", help="First publication date, YYYY-MM-DD (included).")],
    to: Annotated[str, typer.Option("--to", help="Last publication date, YYYY-MM-DD (included).")],
    format_: Annotated[str, typer.Option("--format", help="html, pdf, md, xlsx or json.")] = "html",
    output: Annotated[
        Path | None,
        typer.Option(help="Where to write it (default: output_dir/<campaign>-<from>-<to>.<format>)."),
    ] = None,
    include_unreviewed: Annotated[
        bool, typer.Option(help="With review_required: also clippings not yet reviewed, marked as such.")
    ] = False,
    text_policy: Annotated[
        str | None, typer.Option(help="full, or excerpt (headline + excerpt + link) (default: the config's).")
    ] = None,
) -> None:
    """The press review of a campaign for a period (publication dates, both ends included)."""
    app_ctx = _context(ctx)
    start, end = _iso_date(from_), _iso_date(to)
    if end < start:
        raise typer.BadParameter("--to is before --from")
    from rassegna.app.pipeline import ReportRequest, write_campaign_report
    from rassegna.reports import FORMATS

    if format_ not in FORMATS:
        raise typer.BadParameter(f"unknown format {format_!r}; use one of {', '.join(FORMATS)}")
    if text_policy not in (None, "full", "excerpt"):
        raise typer.BadParameter("--text-policy is full or excerpt")
    try:
        campaign_obj = app_ctx.settings.campaign(campaign)
    except KeyError:
        names = ", ".join(c.name for c in app_ctx.settings.campaigns)
        app_ctx.say(f"No campaign named {campaign!r}; configured: {names}", style="bold red")
        raise typer.Exit(2) from None
    target = output or Path(app_ctx.settings.output_dir) / f"{campaign_obj.name}-{start}-{end}.{format_}"
    request = ReportRequest(campaign_obj, start, end, format_, target, include_unreviewed, text_policy)
    written = write_campaign_report(app_ctx.engine, app_ctx.settings, request)
    print(written)


# --- analyze ----------------------------------------------------------------------------------------------


@app.command()
def analyze(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A plain-text article, or - for standard input.")],
    title: Annotated[str | None, typer.Option(help="The article's headline.")] = None,
) -> None:
    """Run the NLP on one plain-text article and print the analysis as JSON."""
    app_ctx = _context(ctx)
    if file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise typer.BadParameter(f"{file}: no such file") from None
        except UnicodeDecodeError as exc:
            raise typer.BadParameter(f"{file}: not UTF-8 text (byte {exc.start})") from None
    from rassegna.app.pipeline import analyse_text

    result = analyse_text(app_ctx.settings, text, title)
    print(json.dumps(result, ensure_ascii=False, indent=2))


# --- outlets ----------------------------------------------------------------------------------------------


@outlets_app.command("list")
def outlets_list(
    ctx: typer.Context,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the outlets of the registry (those to classify first)."""
    app_ctx = _context(ctx)
    from rassegna.storage.db import session_scope
    from rassegna.storage.repository import found_sources, list_outlets

    with session_scope(app_ctx.engine) as session:
        rows = [r for r in list_outlets(session) if category in (None, r.category)]
        found = found_sources(session)  # feeds and sitemaps the crawler found for domain-only outlets
    if as_json:
        keys = (
            "name",
            "category",
            "audience",
            "audience_source",
            "audience_date",
            "domains",
            "feeds",
            "to_classify",
        )
        data = [
            {k: getattr(r, k) for k in keys}
            | {
                "sources_checked_at": r.sources_checked_at,
                "found_sources": [
                    {"kind": f.kind, "url": f.url, "found_at": f.found_at, "failures": f.failures}
                    for f in found.get(r.id, [])
                ],
            }
            for r in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    table = Table(
        "Testata",
        "Categoria",
        "Audience",
        "Fonte",
        "Domini",
        "Fonti trovate",
        "Da classificare",
        title="Registro testate",
    )
    for r in rows:
        table.add_row(
            r.name,
            r.category,
            f"{r.audience:,}".replace(",", ".") if r.audience is not None else "n.d.",
            " ".join(filter(None, [r.audience_source, r.audience_date.strftime("%m/%Y") if r.audience_date else None])),
            ", ".join(r.domains),
            "\n".join(f"{f.kind} {f.url} ({f.found_at:%Y-%m-%d})" for f in found.get(r.id, []))
            or ("nessuna" if r.sources_checked_at else ""),
            "sì" if r.to_classify else "",
        )
    from rich.console import Console

    Console().print(table)


@outlets_app.command("set")
def outlets_set(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Outlet name (added when new, updated otherwise).")],
    category: Annotated[str | None, typer.Option(help=f"One of: {', '.join(CATEGORIES)}.")] = None,
    audience: Annotated[str | None, typer.Option(help="Audience (1464811 or 1.464.811); 'none' for unknown.")] = None,
    audience_source: Annotated[str | None, typer.Option(help="audipress, audiweb, auditel, radiomonitor, ...")] = None,
    audience_date: Annotated[
        str | None, typer.Option(help="When the audience was measured: YYYY-MM or YYYY-MM-DD.")
    ] = None,
    domain: Annotated[list[str] | None, typer.Option(help="Web domain (repeatable; replaces the list).")] = None,
    feed: Annotated[list[str] | None, typer.Option(help="RSS/Atom feed URL (repeatable; replaces the list).")] = None,
    sitemap: Annotated[list[str] | None, typer.Option(help="Sitemap URL (repeatable; replaces the list).")] = None,
    start_url: Annotated[list[str] | None, typer.Option(help="Start page (repeatable; replaces the list).")] = None,
) -> None:
    """Add an outlet to the registry or update it; each audience figure is kept with its source and date."""
    app_ctx = _context(ctx)
    from pydantic import ValidationError

    from rassegna.app.importer import parse_audience
    from rassegna.config import Outlet
    from rassegna.storage.db import session_scope
    from rassegna.storage.repository import find_outlet, outlet_row_to_config, upsert_outlet

    with session_scope(app_ctx.engine) as session:
        row = find_outlet(session, name)
        if row is None and category is None:
            raise typer.BadParameter(f"{name!r} is a new outlet: --category is required")
        current = outlet_row_to_config(row).model_dump() if row else {"name": name}
        changes: dict = {
            "category": category,
            "audience_source": audience_source,
            "domains": domain,
            "feeds": feed,
            "sitemaps": sitemap,
            "start_urls": start_url,
        }
        if audience is not None:
            try:
                changes["audience"] = None if audience.lower() in ("none", "n.d.", "") else parse_audience(audience)
            except ValueError as exc:
                raise typer.BadParameter(str(exc), param_hint="--audience") from None
        if audience_date is not None:
            text = audience_date if len(audience_date) > 7 else audience_date + "-01"
            changes["audience_date"] = _iso_date(text)
        current.update({k: v for k, v in changes.items() if v is not None})
        try:
            outlet = Outlet.model_validate(current)
        except ValidationError as exc:
            error = exc.errors(include_url=False)[0]
            raise typer.BadParameter(f"{'.'.join(map(str, error['loc']))}: {error['msg']}") from None
        upsert_outlet(session, outlet)
    app_ctx.say(f"{'Updated' if row else 'Added'} outlet {name!r}")


def _register_commands() -> None:
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if not module_name.startswith(exc.name or "?"):
                raise
            continue
        module.register(app)


_register_commands()


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
