"""The ``rassegna`` command line: ``rassegna [--config FILE] [--db URL] COMMAND ...``."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from rassegna import __version__
from rassegna.app import demo, health, scheduling
from rassegna.app.context import AppContext, app_context
from rassegna.config.categories import CATEGORIES
from rassegna.domain import TEXT_POLICIES
from rassegna.web import commands as web_commands

# Only what `rassegna --help` needs is imported above: each command imports its machinery (SQLAlchemy, the table
# models, WeasyPrint, Scrapy, spaCy...) in its body, so start-up stays cheap (tests/app/test_cli_startup.py).


def _plain_metavar(param: Any) -> None:
    """Help names values in words (FILE, NAME, N), not Python types (<str>, <bool>); flags show nothing."""
    if param.metavar is not None:
        return
    if hasattr(param, "display_type_rich") and getattr(param, "param_type_name", "") == "argument":
        # typer >= 0.2x adds a "<str>" column for arguments whatever their metavar: their name says enough.
        param.display_type_rich = lambda ctx: None
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    type_name = getattr(getattr(param, "type", None), "name", "")
    if getattr(param, "is_flag", False) or getattr(param, "count", False) or annotation is bool:
        param.metavar = ""
    elif annotation is int or type_name == "integer":
        param.metavar = "N"
    elif annotation is float or type_name == "float":
        param.metavar = "NUMBER"
    elif annotation is Path or type_name == "path":
        param.metavar = "FILE" if getattr(param, "param_type_name", "") == "argument" else "PATH"
    else:
        param.metavar = (param.name or "value").upper().strip("_").replace("_", "-")


class PlainHelpGroup(TyperGroup):
    """A command group whose help, and its commands' help, names values in words instead of Python types."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _plain_metavar(param)
        return params

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if isinstance(command, TyperGroup) and not isinstance(command, PlainHelpGroup):
            command.__class__ = PlainHelpGroup  # a sub-group registered elsewhere (users): same help for its commands
        if command is not None:
            for param in command.get_params(ctx):
                _plain_metavar(param)
        return command


app = typer.Typer(
    cls=PlainHelpGroup,
    name="rassegna",
    help="Press-coverage tracking: crawl outlets, analyse articles, build the rassegna stampa.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
outlets_app = typer.Typer(
    cls=PlainHelpGroup, help="The outlet registry: list outlets, add or update one.", no_args_is_help=True
)
app.add_typer(outlets_app, name="outlets")


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
    app_ctx = app_context(ctx)
    from rassegna.app.crawl import run_crawl_command
    from rassegna.app.scheduler.history import recorded_crawl

    if distributed:
        from rassegna.app.distributed import DistributedError, crawl_distributed_command, require_postgres

        try:  # before the history below writes into a database a distributed crawl cannot share
            require_postgres(app_ctx.db_url)
        except DistributedError as exc:
            app_ctx.console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from None

    engine = app_ctx.engine  # a database that cannot be opened fails here, in one line
    # Recorded in the history as the scheduler records its crawls: `rassegna runs` shows it (distributed: with its
    # workers), or a `skipped` one when another crawl held the database.
    with recorded_crawl(engine, trigger="manual") as record:
        record.exit_code = (crawl_distributed_command if distributed else run_crawl_command)(
            app_ctx.settings,
            app_ctx.db_url,
            campaign=campaign,
            outlet_names=outlet or [],
            console=app_ctx.console,
        )
    raise typer.Exit(record.exit_code)


@app.command()
def worker(
    ctx: typer.Context,
    redis: Annotated[str | None, typer.Option(help="Redis URL (default: $RASSEGNA_REDIS_URL, redis_url).")] = None,
    processes: Annotated[
        int | None,
        typer.Option(help="Extraction processes (default: 1, run a worker per core; 0: in the crawler)."),
    ] = None,
) -> None:
    """Work on distributed crawl runs (`rassegna crawl --distributed`) until stopped; long-running."""
    app_ctx = app_context(ctx)
    from rassegna.app.distributed import worker_command

    raise typer.Exit(
        worker_command(app_ctx.settings, app_ctx.db_url, console=app_ctx.console, redis_url=redis, pool_size=processes)
    )


# --- import -----------------------------------------------------------------------------------------------


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV, XLSX or YAML file of manual clippings.")],
    analyse: Annotated[bool, typer.Option("--nlp/--no-nlp", help="Run the NLP on rows that carry text.")] = True,
) -> None:
    """Add manual clippings (wires, TV/radio, social posts, print); nothing is imported if any row is bad."""
    app_ctx = app_context(ctx)
    from rassegna.app.importer import (
        ImportFileError,
        check_file,
        config_lookup,
        open_source,
        registry_lookup,
        write_file,
    )
    from rassegna.app.pipeline import analyzer_for, refresh_stories

    db_url = app_ctx.db_url  # an unusable URL is said first: it costs nothing and opens nothing
    try:
        # Everything about the file is checked before the database is opened, so a failed import of a new
        # database leaves no database file behind.
        source = open_source(file)
        known = registry_lookup(app_ctx.engine) if _database_exists(db_url) else config_lookup(app_ctx.settings)
        check_file(source, app_ctx.settings, known)
        for note in source.notes:
            app_ctx.say(note, style="yellow")
        result = write_file(
            app_ctx.engine,
            source,
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


def _database_exists(url: str) -> bool:
    """False only for a SQLite file that is not there yet (opening it would create it)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return True
    return Path(database).expanduser().exists()


# --- report -----------------------------------------------------------------------------------------------


EXIT_EMPTY = 3  # `report`: the period holds no clipping, nothing written (unless --allow-empty)
# Dates outside this range are typing mistakes (and 9999-12-31 would overflow the week arithmetic).
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2999, 12, 31)


def _report_format(format_: str | None, output: Path | None) -> str:
    """The format: --format, else the --output extension, else html; a --format the extension contradicts is refused."""
    from rassegna.reports import FORMATS, format_for_extension

    if format_ is not None and format_ not in FORMATS:
        raise ValueError(f"--format: unknown format {format_!r}; use one of {', '.join(FORMATS)}")
    suffix = output.suffix.lower() if output is not None else ""
    implied = spec.name if (spec := format_for_extension(suffix)) else None
    if format_ is None:
        if output is None:
            return "html"
        if implied is None:
            raise ValueError(
                f"--output: cannot tell the format from {output.name!r}: end it in .html, .pdf, .md, .xlsx or .json, "
                "or give --format"
            )
        return implied
    if output is not None and suffix and implied != format_:
        raise ValueError(
            f"--output {output} does not end in .{format_}, the --format asked for: write --output "
            f"{output.with_suffix('.' + format_)}, or leave --format out to write {implied or 'that file'}"
        )
    return format_


def _report_date(value: str, option: str) -> date:
    day = _iso_date(value)
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(f"{option} {value} is out of range: use a date between {FIRST_DATE} and {LAST_DATE}")
    return day


@app.command()
def report(
    ctx: typer.Context,
    campaign: Annotated[str, typer.Option(help="Campaign name, as in the configuration.")],
    from_: Annotated[str, typer.Option("--from", metavar="YYYY-MM-DD", help="First publication date (included).")],
    to: Annotated[str, typer.Option("--to", metavar="YYYY-MM-DD", help="Last publication date (included).")],
    format_: Annotated[
        str | None,
        typer.Option("--format", help="html, pdf, md, xlsx or json (default: from the --output extension, else html)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            help="Where to write it; its folder must exist (default: output_dir/<campaign>-<from>-<to>.<format>)."
        ),
    ] = None,
    include_unreviewed: Annotated[
        bool, typer.Option(help="With review_required: also clippings not yet reviewed, marked as such.")
    ] = False,
    text_policy: Annotated[
        str | None, typer.Option(help="full, or excerpt (headline + excerpt + link) (default: the config's).")
    ] = None,
    allow_empty: Annotated[
        bool,
        typer.Option(
            "--allow-empty", help=f"Write the review even when the period has no clipping (else exit {EXIT_EMPTY})."
        ),
    ] = False,
) -> None:
    """The press review of a campaign for a period (publication dates, both ends included)."""
    try:
        start, end = _report_date(from_, "--from"), _report_date(to, "--to")
        fmt = _report_format(format_, output)
    except ValueError as exc:
        app_context(ctx).fail(str(exc))
    if fmt == "pdf":
        from rassegna import pdfengine

        pdfengine.prestart()  # WeasyPrint loads on the other core while the config and the database are read
    app_ctx = app_context(ctx)
    if end < start:
        raise typer.BadParameter("--to is before --from")
    if text_policy is not None and text_policy not in TEXT_POLICIES:
        raise typer.BadParameter("--text-policy is full or excerpt")
    try:
        campaign_obj = app_ctx.settings.campaign(campaign)
    except KeyError:
        names = ", ".join(c.name for c in app_ctx.settings.campaigns)
        app_ctx.say(f"No campaign named {campaign!r}; configured: {names}", style="bold red")
        raise typer.Exit(2) from None
    if output is not None and not output.parent.is_dir():
        what = "is not a folder" if output.parent.exists() else "does not exist"
        app_ctx.fail(f"{output.parent} {what}: create it first (mkdir -p {output.parent}) or choose another --output")
    target = output or Path(app_ctx.settings.output_dir) / f"{campaign_obj.name}-{start}-{end}.{fmt}"
    from rassegna.app.pipeline import ReportRequest, write_campaign_report
    from rassegna.app.scheduler.history import try_finish_run, try_start_run
    from rassegna.storage.db import read_session
    from rassegna.storage.queries import Selection, category_summary

    engine = app_ctx.engine
    selection = Selection(campaign_obj.name, start, end, app_ctx.settings.review_required, include_unreviewed)
    with read_session(engine) as session:  # a reader: never waits for (or blocks) a writer
        count = category_summary(session, selection).count
    if count == 0:
        app_ctx.say(
            f"warning: no clipping of {campaign_obj.name} published from {start} to {end}"
            + (" (accepted in review)" if app_ctx.settings.review_required and not include_unreviewed else "")
            + (
                "; writing an empty review"
                if allow_empty
                else f"; nothing written (exit {EXIT_EMPTY}; --allow-empty writes it)"
            ),
            style="yellow",
        )
        if not allow_empty:
            raise typer.Exit(EXIT_EMPTY)
    if output is None and not target.parent.is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
        app_ctx.say(f"created the output folder {target.parent}")
    period = [start.isoformat(), end.isoformat()]
    # Recorded in the history if the database lets us soon: a report only reads, it never waits for a writer.
    run_id = try_start_run(engine, "report", f"{campaign_obj.name} {fmt}", campaign=campaign_obj.name, period=period)
    request = ReportRequest(campaign_obj, start, end, fmt, target, include_unreviewed, text_policy)
    try:
        written = write_campaign_report(engine, app_ctx.settings, request)
    except BaseException as exc:
        try_finish_run(
            engine,
            run_id,
            "failed" if isinstance(exc, Exception) else "cancelled",
            message=f"{type(exc).__name__}: {exc}",
        )
        raise
    try_finish_run(engine, run_id, "ok", counts={"files": 1, "clippings": count, "outputs": [str(written)]})
    print(written)


# --- analyze ----------------------------------------------------------------------------------------------


@app.command()
def analyze(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A plain-text article, or - for standard input.")],
    title: Annotated[str | None, typer.Option(help="The article's headline.")] = None,
) -> None:
    """Run the NLP on one plain-text article and print the analysis as JSON."""
    app_ctx = app_context(ctx)
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
    app_ctx = app_context(ctx)
    from rassegna.storage.db import read_session
    from rassegna.storage.repository import found_sources, list_outlets

    with read_session(app_ctx.engine) as session:
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
                    for f in _found_of(found, r.id)
                ],
            }
            for r in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    from rich.console import Console
    from rich.table import Table

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
            "\n".join(f"{f.kind} {f.url} ({f.found_at:%Y-%m-%d})" for f in _found_of(found, r.id))
            or ("nessuna" if r.sources_checked_at else ""),
            "sì" if r.to_classify else "",
        )
    Console().print(table)


def _found_of(found: dict[int, list[Any]], outlet_id: int | None) -> list[Any]:
    """The sources found for one outlet row (none for a row not stored yet)."""
    return found.get(outlet_id, []) if outlet_id is not None else []


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
    app_ctx = app_context(ctx)
    from rassegna.config.outlet_edit import OutletEditError, edit_outlet
    from rassegna.storage.db import session_scope
    from rassegna.storage.repository import find_outlet, outlet_row_to_config, upsert_outlet

    changes = {
        "category": category,
        "audience": audience,
        "audience_source": audience_source,
        "audience_date": audience_date,
        "domains": domain,
        "feeds": feed,
        "sitemaps": sitemap,
        "start_urls": start_url,
    }
    with session_scope(app_ctx.engine) as session:
        row = find_outlet(session, name)
        if row is None and category is None:
            raise typer.BadParameter(f"{name!r} is a new outlet: --category is required")
        try:
            outlet = edit_outlet(outlet_row_to_config(row) if row else None, row.name if row else name, changes)
        except OutletEditError as exc:
            field, message = next(iter(exc.errors.items()))
            option = {"domains": "--domain", "feeds": "--feed", "sitemaps": "--sitemap", "start_urls": "--start-url"}
            raise typer.BadParameter(message, param_hint=option.get(field, "--" + field.replace("_", "-"))) from None
        upsert_outlet(session, outlet)
    app_ctx.say(f"{'Updated' if row else 'Added'} outlet {name!r}")


# Commands that live with their own wiring.
scheduling.register(app)
demo.register(app)
web_commands.register(app)
health.register(app)


def main() -> None:
    """Console-script entry point; another process holding the database for writing too long is one line."""
    try:
        app()
    except Exception as exc:
        from rassegna.storage.db import DatabaseBusy

        if not isinstance(exc, DatabaseBusy):
            raise
        from rassegna.app.scheduler.lock import EXIT_BUSY

        print(f"error: {exc}", file=sys.stderr)
        sys.exit(EXIT_BUSY)


if __name__ == "__main__":
    main()
