"""Open-world coverage on the simulated web: domain-only outlets, news searches, unknown outlets, faults."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from sqlmodel import Session, create_engine, select

from rassegna.simweb import SimWeb
from rassegna.storage.models import Clipping, CrawlError, FoundSourceRow, OutletRow
from tests.sample_sites import (
    EXPECTED_CLIPPINGS,
    MOVED_FEED,
    OPEN_WORLD_CLIPPINGS,
    SEARCH_NEGATIVES,
    move_feed,
    open_world_config,
    open_world_sites,
)

SPORTELLO = "http://www.torinoggi.test/2023/10/18/lgnet2-torino-sportello.html"
# what Torinoggi.it's feed gives (an off-site entry included)
TORINOGGI = {u: o for u, (o, _) in EXPECTED_CLIPPINGS.items() if "torinoggi" in u or "altrosito" in u}


@pytest.fixture
def world() -> Iterator[SimWeb]:
    """The sample web's Torinoggi plus the open world."""
    with SimWeb(open_world_sites()) as web:
        yield web


def _crawl(web: SimWeb, config: dict, db_url: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "rassegna.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    argv = [sys.executable, "-m", "rassegna.app.crawl", "--config", str(path), "--db", db_url, "--no-nlp"]
    result = subprocess.run(argv, env=web.proxy_env(dict(os.environ)), capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _clippings(db_url: str) -> dict[str, tuple[str, bool, str]]:
    with Session(create_engine(db_url)) as session:
        rows = session.exec(select(Clipping, OutletRow).where(Clipping.outlet_id == OutletRow.id)).all()
        return {c.canonical_url: (o.name, o.to_classify, c.category) for c, o in rows}


def _faults(db_url: str) -> set[tuple[str | None, str]]:
    with Session(create_engine(db_url)) as session:
        return {(e.outlet, e.kind) for e in session.exec(select(CrawlError))}


def test_domain_only_outlets_and_news_searches(world: SimWeb, sqlite_url: str, tmp_path: Path) -> None:
    _crawl(world, open_world_config(), sqlite_url, tmp_path)

    got = _clippings(sqlite_url)
    stored = {url: name for url, (name, _, _) in got.items()}
    assert stored == {**TORINOGGI, **OPEN_WORLD_CLIPPINGS}
    # outlets found by a search on domains nobody claims: named after the domain, flagged to classify
    for url, name in OPEN_WORLD_CLIPPINGS.items():
        assert got[url][1] == name.endswith(".test"), url
    assert not got[SPORTELLO][1]

    # the home page: https (bare, www.), then http (bare, www.): only http://www. answers here
    homes = [
        path if path.startswith("CONNECT") else host + path
        for host, path in world.requested(
            lambda host, path: "novaraoggi" in host and (path.startswith("CONNECT") or path == "/")
        )
    ]
    assert list(dict.fromkeys(homes)) == [
        "CONNECT novaraoggi.test:443",
        "CONNECT www.novaraoggi.test:443",
        "novaraoggi.test/",
        "www.novaraoggi.test/",
    ]
    # the news search's wrapper links and the link it cannot unwrap were never requested
    searched = {path for host, path in world.requested(lambda host, path: host == "news.search.test")}
    assert searched == {"/robots.txt", "/rss?q=LgNet2%20OR%20LgNetEA&format=rss", "/rss?q=LGNet3&format=rss"}
    assert world.hits("www.altratestata.test", "/notizia/lgnet2-caserta.html") == 1
    # robots.txt of a site found by a search is obeyed
    assert world.hits("www.nuovosito.test", "/privato/lgnet2-riservato.html") == 0
    assert world.hits("www.barinotizie.test", "/bozze/lgnet2-bozza.html") == 0
    # negatives are fetched and judged, not stored
    for url in SEARCH_NEGATIVES:
        host, path = url.removeprefix("http://").split("/", 1)
        assert world.hits(host, "/" + path) == 1
    # the stored Torinoggi article is not stored again from the search (another address, same canonical)
    assert world.hits("torinoggi.test", "/2023/10/18/lgnet2-torino-sportello.html") == 1

    faults = _faults(sqlite_url)
    assert ("Muto.it", "no_source") in faults and ("Sparito.it", "no_source") in faults
    with Session(create_engine(sqlite_url)) as session:
        found = {(r.kind, r.url) for r in session.exec(select(FoundSourceRow))}
        assert found == {
            ("feed", "http://www.novaraoggi.test/feed/"),
            ("sitemap", "http://www.barinotizie.test/sitemap-news.xml"),
            ("feed", "http://www.spostato.test" + MOVED_FEED[0]),
        }
        checked = {o.name: o.sources_checked_at for o in session.exec(select(OutletRow))}
        assert checked["Novara Oggi"] is not None and checked["Torinoggi.it"] is None

    # the registry shows what was found and when
    listing = subprocess.run(
        [sys.executable, "-m", "rassegna", "--db", sqlite_url, "outlets", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listing.returncode == 0, listing.stderr
    novara_row = next(o for o in json.loads(listing.stdout) if o["name"] == "Novara Oggi")
    assert novara_row["found_sources"][0]["url"] == "http://www.novaraoggi.test/feed/"
    today = datetime.now(UTC).date().isoformat()
    assert novara_row["found_sources"][0]["found_at"][:10] == today == novara_row["sources_checked_at"][:10]

    # second run: nothing new, no home page read again, no article downloaded again
    world.reset_counts()
    _crawl(world, open_world_config(), sqlite_url, tmp_path)
    assert world.hits("www.novaraoggi.test", "/") == 0
    assert not world.requested(lambda host, path: path.endswith(".html") and host != "torinoggi.test")
    assert len(_clippings(sqlite_url)) == len(got)

    # the feed moves: its 404 makes the next run look again, and the new feed is crawled
    new_article = move_feed(world.hosts["www.spostato.test"])
    _crawl(world, open_world_config(), sqlite_url, tmp_path)
    _crawl(world, open_world_config(), sqlite_url, tmp_path)
    assert _clippings(sqlite_url)[new_article][0] == "Spostato.it"
    with Session(create_engine(sqlite_url)) as session:
        moved = {r.url for r in session.exec(select(FoundSourceRow)) if "spostato" in r.url}
        assert moved == {"http://www.spostato.test" + MOVED_FEED[1]}


def test_failing_news_searches_are_recorded_faults(world: SimWeb, sqlite_url: str, tmp_path: Path) -> None:
    _crawl(world, open_world_config(faulty=True), sqlite_url, tmp_path)
    faults = _faults(sqlite_url)
    assert {
        ("Rotta", "malformed_discovery"),
        ("Non JSON", "malformed_discovery"),
        ("Errore", "http_5xx"),
        ("Limitata", "http_429"),
        ("Lenta", "timeout"),
    } <= faults
    # the crawl went on: the working searches and the outlets still gave their clippings
    assert set(_clippings(sqlite_url)) == {*TORINOGGI, *OPEN_WORLD_CLIPPINGS}
    assert world.hits("guasto.search.test", "/limitato?q=LgNet2%20OR%20LgNetEA") >= 2  # waited, retried
