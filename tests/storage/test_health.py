"""Source health over many simulated days (history written through storage, clock injected, no sleeping)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlmodel import select

from rassegna.crawler.ports import Source
from rassegna.storage.db import engine_for, session_scope
from rassegna.storage.health import record_moved, source_statuses, unhealthy_periods
from rassegna.storage.models import SourceDay
from tests.health.helpers import Simulation, bodiless, failing, healthy, silent

FEED = Source("Genova24.it", "feed", "http://www.genova24.test/feed/")
START_PAGE = Source("Torinoggi.it", "start", "http://www.torinoggi.test/")


@pytest.fixture
def engine(db_url: str):
    return engine_for(db_url)


def _sim(engine, source: Source = FEED) -> Simulation:
    return Simulation(engine, source)


def test_a_feed_that_starts_answering_404_raises_one_alert_and_closes_it(engine) -> None:
    rng = random.Random(1)
    sim = _sim(engine)
    sim.run(30, lambda d: healthy(rng))
    sim.run(7, lambda d: failing("http_404"))
    sim.run(10, lambda d: healthy(rng))
    assert len(sim.opened) == 1
    rule, reasons, day = sim.opened[0]
    assert (rule, day) == ("failures", 32)  # the third failed run in a row
    assert "3 esecuzioni consecutive fallite (HTTP 404, pagina non trovata)" in reasons
    assert sim.closed == [("failures", 37)]  # the first good run closes it
    [alert] = sim.alerts()
    assert alert.first_day == date(2023, 10, 1) and alert.last_day == date(2023, 10, 7)
    with session_scope(engine) as session:
        [period] = unhealthy_periods(session, date(2023, 9, 25), date(2023, 10, 15))
    assert period.sentence == ("dal 1 al 7 ottobre Genova24.it non ha risposto: la rassegna può essere incompleta")


def test_a_host_answering_429_for_days(engine) -> None:
    rng = random.Random(2)
    sim = _sim(engine, START_PAGE)
    sim.run(20, lambda d: healthy(rng))
    sim.run(6, lambda d: failing("http_429"))
    sim.run(5, lambda d: healthy(rng))
    assert [(r, d) for r, _, d in sim.opened] == [("failures", 22)]
    assert "HTTP 429, troppe richieste" in sim.opened[0][1]
    assert sim.closed == [("failures", 26)]


def test_pages_losing_their_article_body(engine) -> None:
    rng = random.Random(3)
    sim = _sim(engine)
    sim.run(30, lambda d: healthy(rng))
    sim.run(5, lambda d: bodiless(rng))
    sim.run(5, lambda d: healthy(rng))
    assert [(r, d) for r, _, d in sim.opened] == [("extraction", 30)]
    assert "estrazione vuota" in sim.opened[0][1]
    assert "non contengono più il testo degli articoli" in sim.opened[0][1]
    assert sim.closed == [("extraction", 35)]


def test_a_source_whose_yield_drops_to_zero(engine) -> None:
    rng = random.Random(4)
    sim = _sim(engine, START_PAGE)
    sim.run(40, lambda d: healthy(rng, mean=8))
    sim.run(6, lambda d: silent())
    sim.run(4, lambda d: healthy(rng, mean=8))
    assert [(r, d) for r, _, d in sim.opened] == [("yield", 41)]  # two low days in a row
    assert "resa crollata: 0,0 articoli al giorno negli ultimi 2 giorni" in sim.opened[0][1]
    assert sim.closed == [("yield", 46)]


def test_a_daily_feed_that_stops_updating(engine) -> None:
    rng = random.Random(5)
    sim = _sim(engine)
    sim.run(30, lambda d: healthy(rng, mean=10))
    sim.run(5, lambda d: silent())
    sim.run(2, lambda d: healthy(rng, mean=10))
    assert [(r, d) for r, _, d in sim.opened] == [("stale", 32)]
    assert "feed senza nuove notizie da 3 giorni" in sim.opened[0][1]
    assert sim.closed == [("stale", 35)]


@pytest.mark.parametrize("seed", range(5))
def test_a_healthy_irregular_source_raises_nothing_over_60_days(engine, seed: int) -> None:
    rng = random.Random(seed)

    def irregular(day: int):
        if day % 7 in (5, 6):  # quiet weekends
            return healthy(rng, mean=1.5, chars=1200)
        if rng.random() < 0.08:  # now and then one failed run, never three in a row
            return failing("timeout")
        return healthy(rng, mean=rng.choice((3, 6, 12)), chars=rng.choice((1500, 2500, 4000)))

    sim = _sim(engine)
    sim.run(60, irregular)
    assert sim.opened == []


def test_one_compact_row_per_source_day_and_the_cli_view(engine) -> None:
    from rassegna.config.models import Settings

    rng = random.Random(6)
    sim = _sim(engine)
    sim.run(3, lambda d: healthy(rng))
    sim.day -= 1
    sim.run(1, lambda d: healthy(rng))  # a second run the same day adds to the same row
    sim.run(3, lambda d: failing("http_404"))
    with session_scope(engine) as session:
        rows = session.exec(select(SourceDay).order_by(SourceDay.day)).all()
        assert len(rows) == 6
        assert rows[2].runs == 2 and rows[2].median_ms is not None
        assert rows[-1].faults == "http_404=1" and rows[-1].failed_runs == 1
        settings = Settings(outlets=[{"name": "Altro", "category": "portali", "feeds": ["http://altro.test/rss"]}])
        statuses = source_statuses(session, settings, sim.now)
    by_url = {s.url: s for s in statuses}
    assert statuses[0].url == FEED.url and statuses[0].status == "unhealthy"  # the unhealthy first
    assert statuses[0].since is not None and statuses[0].since.isoformat().endswith("+02:00")
    assert by_url["http://altro.test/rss"].status == "ok"  # configured, never crawled


def test_a_moved_feed_found_again_closes_its_alert(engine) -> None:
    from rassegna.config.models import Settings

    rng = random.Random(7)
    sim = _sim(engine)
    sim.run(10, lambda d: healthy(rng))
    sim.run(3, lambda d: failing("http_404"))
    assert len(sim.opened) == 1
    with session_scope(engine) as session:
        record_moved(session, FEED.outlet, "feed", FEED.url, "http://www.genova24.test/rss.xml", sim.now)
    [alert] = sim.alerts()
    assert alert.closed_at is not None and alert.note == "fonte spostata: ora http://www.genova24.test/rss.xml"
    with session_scope(engine) as session:
        statuses = {s.url: s for s in source_statuses(session, Settings(), sim.now)}
    assert statuses[FEED.url].status == "ok"
    assert statuses[FEED.url].reasons == ["fonte spostata: ora http://www.genova24.test/rss.xml"]
    assert "http://www.genova24.test/rss.xml" in statuses


def test_the_crawl_store_records_each_run_and_a_moved_source(engine) -> None:
    from datetime import UTC, datetime

    from rassegna.app.crawlstore import DbCrawlStore
    from rassegna.crawler.ports import CrawlReport, SourceStats
    from rassegna.storage.models import HealthSource

    when = datetime(2023, 10, 12, 4, tzinfo=UTC)
    store = DbCrawlStore(engine, clock=lambda: when)
    report = CrawlReport(run_id=store.start_run(None))
    report.stats[FEED] = SourceStats(requests=3, ok_responses=3, pages=2, links=2, articles=2, text_chars=5000)
    report.moved.append((FEED, "http://www.genova24.test/rss.xml"))
    store.finish_run(report)
    with session_scope(engine) as session:
        [day] = session.exec(select(SourceDay)).all()
        assert (day.day, day.runs, day.articles, day.text_chars) == (date(2023, 10, 12), 1, 2, 5000)
        moved = session.exec(select(HealthSource).where(HealthSource.url == FEED.url)).one()
        assert moved.moved_to == "http://www.genova24.test/rss.xml" and moved.moved_at == when
