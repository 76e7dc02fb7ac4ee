"""``rassegna demo``: the whole chain offline on bundled sample outlets (crawl, NLP, store, report)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:  # the command line imports this module: rich's renderables and YAML are imported where used
    from rich.console import Console

DEMO_DATA = Path(__file__).resolve().parents[1] / "demo" / "sites.yaml"
DEMO_CAMPAIGN = "LgNet2"
PARTNER_CITIES = [
    "Bologna",
    "Caserta",
    "Firenze",
    "Genova",
    "Latina",
    "Milano",
    "Napoli",
    "Palermo",
    "Perugia",
    "Potenza",
    "Roma",
    "Sassari",
    "Taranto",
    "Torino",
    "Trieste",
    "Bolzano",
]


@dataclass(frozen=True)
class DemoResult:
    """What a demo run produced."""

    config: Path
    database: Path
    reports: list[Path]
    clippings: int
    crawl_outcome: str


def load_demo_data(path: Path = DEMO_DATA) -> dict[str, Any]:
    """The bundled outlets and articles."""
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def build_sites(data: dict[str, Any]) -> list[Any]:
    """SimWeb sites for the demo outlets: article pages with realistic boilerplate, feeds, sitemaps, robots.txt."""
    from rassegna.simweb import Resource, Site
    from rassegna.simweb.pages import PageSpec, article_html, atom, listing_html, rss, sitemap

    sites = []
    for index, outlet in enumerate(data["outlets"]):
        host, base = outlet["host"], f"http://{outlet['host']}"
        site = Site(host)
        articles = [a for a in data["articles"] if a["outlet"] == outlet["name"]]
        entries = []
        for number, article in enumerate(articles):
            day = _as_date(article["date"])
            others = [(o["path"], o["title"]) for o in articles if o is not article][:3]
            spec = PageSpec(
                article["path"],
                article["title"],
                article["paragraphs"],
                day,
                author=article.get("author"),
                site_name=outlet["site_name"],
                related=others,
                canonical=base + article["path"],
                padding=12_000,
            )
            site.add(article["path"], article_html(spec, seed=index * 100 + number))
            entries.append((base + article["path"], article["title"], day))
        sitemap_url = f"{base}/sitemap.xml"
        site.add(
            "/robots.txt",
            Resource(f"User-agent: *\nDisallow: /riservato/\nSitemap: {sitemap_url}\n", content_type="text/plain"),
        )
        site.add("/", listing_html(outlet["site_name"], [(u, t) for u, t, _ in entries], outlet["site_name"]))
        site.add("/rss/", Resource(rss(outlet["site_name"], base, entries), content_type="application/rss+xml"))
        site.add("/feed.atom", Resource(atom(outlet["site_name"], base, entries), content_type="application/atom+xml"))
        site.add("/sitemap.xml", Resource(sitemap([(u, d) for u, _, d in entries]), content_type="application/xml"))
        sites.append(site)
    return sites


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def demo_config(data: dict[str, Any], output: Path) -> dict[str, Any]:
    """The configuration the demo crawls with: the sample outlets, one source kind each."""
    outlets = []
    for outlet in data["outlets"]:
        base = f"http://{outlet['host']}"
        sources = {
            "rss": {"feeds": [f"{base}/rss/"]},
            "atom": {"feeds": [f"{base}/feed.atom"]},
            "sitemap": {"sitemaps": [f"{base}/sitemap.xml"]},
            "home": {"start_urls": [f"{base}/"]},
        }[outlet["publishes"]]
        outlets.append(
            {
                "name": outlet["name"],
                "category": outlet["category"],
                "audience": outlet.get("audience"),
                "audience_source": outlet.get("audience_source"),
                "domains": [outlet["host"].removeprefix("www.")],
                **sources,
            }
        )
    return {
        "database_url": f"sqlite:///{output / 'rassegna-demo.db'}",
        "output_dir": str(output),
        "campaigns": [
            {"name": DEMO_CAMPAIGN, "keywords": ["LgNet2", "LgNetEA"], "partner_cities": PARTNER_CITIES},
            {"name": "LGNet3", "keywords": ["LGNet3"], "partner_cities": ["Milano"]},
        ],
        "outlets": outlets,
        "crawl": {
            "user_agent": "rassegna-demo/0.1 (+https://www.cittalia.it)",
            "obey_robots_txt": True,
            "max_depth": 1,
            "concurrency": 8,
            "per_domain_concurrency": 4,
            "download_timeout": 10,
            "retry_times": 1,
            "autothrottle": False,
        },
        "schedule": {"timezone": "Europe/Rome", "crawl": None, "reports": []},
    }


def _fresh_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run_demo(output: Path, console: Console, formats: tuple[str, ...] = ("html", "pdf")) -> DemoResult:
    """Serve the sample outlets, crawl them in a child process, analyse, store and write the press review."""
    import yaml

    from rassegna.app.scheduler import history
    from rassegna.app.scheduler.jobs import Runtime, run_crawl, run_report
    from rassegna.config import load_settings
    from rassegna.simweb import SimWeb
    from rassegna.storage.db import create_db_engine

    output = output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    data = load_demo_data()
    database = output / "rassegna-demo.db"
    _fresh_database(database)
    config_file = output / "demo-config.yaml"
    config = demo_config(data, output)
    header = "# Written by `rassegna demo`: the bundled sample outlets, served on 127.0.0.1 during the demo.\n"
    config_file.write_text(header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    settings = load_settings(config_file)
    db_url = config["database_url"]
    start, end = _as_date(data["period"]["from"]), _as_date(data["period"]["to"])

    step = _Steps(console, 4)
    with SimWeb(build_sites(data)) as web:
        step(f"Sample web on {web.proxy_url}: {len(data['outlets'])} outlets, {len(data['articles'])} articles")
        engine = create_db_engine(db_url)
        runtime = Runtime(
            settings=settings,
            config_file=config_file,
            db_url=db_url,
            engine=engine,
            console=console,
            child_env=web.proxy_env(dict(os.environ)),
        )
        step("Crawling (child process, as `rassegna crawl`): feeds, sitemap, home page; NLP on each match")
        run_id = run_crawl(runtime, trigger="manual")
    crawl = next(r for r in history.recent_runs(engine, limit=5, kind="crawl") if r.id == run_id)
    clippings = _count_clippings(engine, DEMO_CAMPAIGN)
    step(f"Stored {clippings} {DEMO_CAMPAIGN} clippings in {database.name} (crawl {crawl.outcome})")
    step(f"Writing the press review {start:%d/%m/%Y} - {end:%d/%m/%Y}: {', '.join(formats)}")
    report_run = run_report(
        runtime,
        job_id=f"demo:{DEMO_CAMPAIGN}",
        campaign=DEMO_CAMPAIGN,
        period_days=(end - start).days + 1,
        formats=formats,
        day=end + timedelta(days=1),
        trigger="manual",
    )
    report = next(r for r in history.recent_runs(engine, limit=5, kind="report") if r.id == report_run)
    reports = [Path(p) for p in (report.counts or {}).get("outputs", [])]
    if report.outcome != "ok":
        console.print(f"[bold red]Report {report.outcome}:[/] {report.message}")
    return DemoResult(config_file, database, reports, clippings, crawl.outcome)


def _count_clippings(engine: Any, campaign: str) -> int:
    from sqlmodel import func, select

    from rassegna.storage.db import session_scope
    from rassegna.storage.models import ClippingCampaign

    with session_scope(engine) as session:
        query = select(func.count()).select_from(ClippingCampaign).where(ClippingCampaign.campaign == campaign)
        return int(session.exec(query).one())


def rassegna_command() -> str:
    """How to run rassegna from the user's shell: ``rassegna`` when it is on PATH, else the script's path.

    ``make demo`` installs into .venv without activating it, so plain ``rassegna`` is usually not found."""
    script = Path(sys.executable).parent / "rassegna"
    if not script.exists():
        return f"{sys.executable} -m rassegna"
    found = shutil.which("rassegna")
    if found and Path(found).resolve() == script.resolve():
        return "rassegna"
    try:
        return str(script.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(script.absolute())


class _Steps:
    """Numbered progress lines with the elapsed time."""

    def __init__(self, console: Console, total: int) -> None:
        self.console, self.total, self.done, self.started = console, total, 0, time.monotonic()

    def __call__(self, message: str) -> None:
        self.done += 1
        elapsed = time.monotonic() - self.started
        self.console.print(
            f"[bold cyan][{self.done}/{self.total}][/] {message} [dim]({elapsed:.1f}s)[/]", highlight=False
        )


def demo(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option(help="Folder for the demo database, config and reports.")] = Path(
        "demo-output"
    ),
) -> None:
    """The whole chain offline on bundled sample sites: crawl, NLP, store, report; prints where the report is."""
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    console: Console = ctx.obj.console if ctx.obj is not None else Console(stderr=True)
    result = run_demo(output, console)
    table = Table.grid(padding=(0, 2))
    for path in result.reports:
        table.add_row(f"Report {path.suffix.lstrip('.').upper()}", str(path))
    table.add_row("Database", str(result.database))
    table.add_row("Config", str(result.config))
    command = rassegna_command()
    table.add_row("Try", f"{command} --config {result.config} runs")
    table.add_row("", f"{command} --config {result.config} outlets list")
    if command != "rassegna" and "/" in command:
        activate = Path(command).parent / "activate"
        table.add_row("", f"(or `source {activate}` once, then plain `rassegna ...`)")
    console.print(Panel(table, title=f"rassegna demo: {result.clippings} clippings", expand=False))
    for path in result.reports:
        print(path)
    if not result.reports or result.clippings == 0:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``demo`` to the command line."""
    app.command("demo")(demo)
