"""Source health through real crawls (Scrapy in a child process) of a small simulated web."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from sqlmodel import Session, create_engine, select
from typer.testing import CliRunner

from rassegna.app.cli import app
from rassegna.simweb import SimWeb
from rassegna.simweb.pages import PageSpec, article_html, rss
from rassegna.simweb.server import Resource, Site
from rassegna.storage.models import SourceAlert, SourceDay

pytestmark = pytest.mark.slow  # five crawls in child processes

HOST = "http://www.salute.test"
FEED = f"{HOST}/feed/"
TEXT = [
    "Il progetto LgNet2 apre a Genova uno sportello per i nuovi cittadini, con mediatori e corsi di lingua.",
    "L'iniziativa coinvolge i servizi sociali del Comune, le associazioni del territorio e i mediatori "
    "interculturali, con sportelli aperti tre giorni alla settimana e percorsi di orientamento al lavoro.",
] * 3


def _site() -> Site:
    site = Site("www.salute.test")
    site.add("/robots.txt", Resource("User-agent: *\nAllow: /\n", content_type="text/plain"))
    return site


def _publish(site: Site, days: range) -> None:
    """Articles for ``days`` and a feed listing them."""
    entries = []
    for n in days:
        path = f"/2023/10/{n:02d}/notizia.html"
        site.add(
            path, article_html(PageSpec(path, f"Notizia del {n} ottobre", TEXT, date(2023, 10, n), site_name="Salute"))
        )
        entries.append((f"{HOST}{path}", f"Notizia del {n} ottobre", date(2023, 10, n)))
    # An article page that lost its body: extraction comes back empty.
    site.add("/2023/10/01/vuota.html", "<html><head><title>Vuota</title></head><body></body></html>")
    entries.append((f"{HOST}/2023/10/01/vuota.html", "Vuota", date(2023, 10, 1)))
    site.add("/feed/", Resource(rss("Salute", HOST, entries), content_type="application/rss+xml"))


def _config(tmp_path: Path) -> Path:
    config = {
        "campaigns": [{"name": "LgNet2", "keywords": ["LgNet2"]}],
        "outlets": [{"name": "Salute.it", "category": "portali", "domains": ["salute.test"], "feeds": [FEED]}],
        "crawl": {"download_timeout": 3, "retry_times": 0, "autothrottle": False, "max_retry_after": 1},
        "health": {"consecutive_failures": 3},
    }
    path = tmp_path / "rassegna.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def _crawl(web: SimWeb, config: Path, db: str) -> None:
    argv = [sys.executable, "-m", "rassegna.app.crawl", "--config", str(config), "--db", db, "--no-nlp"]
    result = subprocess.run(argv, env=web.proxy_env(), capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr


def _sources(config: Path, db: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["--config", str(config), "--db", db, "sources", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["sources"]


def test_a_feed_answering_404_for_three_crawls_then_recovering(tmp_path: Path, sqlite_url: str) -> None:
    site = _site()
    _publish(site, range(1, 4))
    config = _config(tmp_path)
    with SimWeb([site]) as web:
        _crawl(web, config, sqlite_url)
        engine = create_engine(sqlite_url)
        with Session(engine) as session:
            [day] = session.exec(select(SourceDay)).all()
        assert (day.runs, day.failed_runs, day.links, day.articles, day.empty) == (1, 0, 4, 3, 1)
        assert day.requests == 5 and day.ok_responses == 5 and day.median_ms is not None
        assert day.text_chars > 3 * 400 and day.relevant == 3
        assert _sources(config, sqlite_url, "--unhealthy") == []

        site.resources["/feed/"] = Resource("<h1>Non trovato</h1>", status=404)
        for _ in range(2):
            _crawl(web, config, sqlite_url)
        assert _sources(config, sqlite_url, "--unhealthy") == []  # two failures are not yet a pattern
        _crawl(web, config, sqlite_url)
        [bad] = _sources(config, sqlite_url, "--unhealthy")
        assert (bad["url"], bad["outlet"], bad["kind"], bad["status"]) == (FEED, "Salute.it", "feed", "unhealthy")
        assert bad["reasons"] == ["non risponde: 3 esecuzioni consecutive fallite (HTTP 404, pagina non trovata)"]
        assert bad["since"].startswith(str(date.today().year))
        with Session(engine) as session:
            [alert] = session.exec(select(SourceAlert)).all()
            assert alert.closed_at is None and alert.rule == "failures"

        _publish(site, range(1, 6))  # the feed is back, with two new articles
        _crawl(web, config, sqlite_url)
        [ok] = _sources(config, sqlite_url)
        assert ok["status"] == "ok" and ok["reasons"] == [] and ok["since"] is None
        with Session(engine) as session:
            [alert] = session.exec(select(SourceAlert)).all()
            assert alert.closed_at is not None and alert.note == "la fonte si è ripresa"
            [day] = session.exec(select(SourceDay)).all()
        assert (day.runs, day.failed_runs, day.articles, day.empty) == (5, 3, 5, 1)
        assert "http_404=3" in day.faults
