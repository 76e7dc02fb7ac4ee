"""The daily source-health alert mail to ``health.mail_to``, against a local aiosmtpd server."""

from __future__ import annotations

import random
from datetime import timedelta

from rassegna.app.health import refresh_health
from rassegna.config.models import Settings
from rassegna.crawler.ports import Source
from rassegna.storage.db import engine_for, session_scope
from rassegna.storage.health import record_run
from tests.app.test_mailer import Inbox, smtp_server  # noqa: F401 - fixture reused
from tests.health.helpers import START, failing, healthy

FEED = Source("Genova24.it", "feed", "http://www.genova24.test/feed/")


def test_one_mail_when_a_source_breaks_and_one_when_it_recovers(smtp_server, sqlite_url: str) -> None:  # noqa: F811
    inbox, port = smtp_server
    settings = Settings(
        smtp={"host": "127.0.0.1", "port": port, "sender": "rassegna@cittalia.test"},
        health={"mail_to": ["redazione@cittalia.test"]},
    )
    engine = engine_for(sqlite_url)
    rng = random.Random(3)
    plan = [healthy(rng) for _ in range(10)] + [failing("http_429") for _ in range(5)] + [healthy(rng)] * 2
    for day, stats in enumerate(plan):
        now = START + timedelta(days=day)
        with session_scope(engine) as session:
            record_run(session, {FEED: stats}, now)
        refresh_health(engine, settings, clock=lambda now=now: now + timedelta(minutes=5))
    assert len(inbox.messages) == 2  # the day it broke, the day it came back: not every day in between
    (_, rcpt, broke), (_, _, back) = inbox.messages
    assert rcpt == ["redazione@cittalia.test"]
    assert broke["Subject"] == "rassegna, salute delle fonti: 1 con problemi, 0 riprese"
    body = broke.get_content()
    assert "Genova24.it (feed: http://www.genova24.test/feed/)" in body
    assert "3 esecuzioni consecutive fallite (HTTP 429, troppe richieste)" in body
    assert "Fonti tornate a funzionare" in back.get_content() and "la fonte si è ripresa" in back.get_content()


def test_no_mail_without_addresses(smtp_server, sqlite_url: str) -> None:  # noqa: F811
    inbox, port = smtp_server
    settings = Settings(smtp={"host": "127.0.0.1", "port": port})
    engine = engine_for(sqlite_url)
    for day in range(4):
        with session_scope(engine) as session:
            record_run(session, {FEED: failing("http_404")}, START + timedelta(days=day))
        changes = refresh_health(engine, settings, clock=lambda day=day: START + timedelta(days=day, minutes=5))
    assert changes.opened == [] and inbox.messages == []  # opened on day 2, nothing mailed


def test_the_report_mail_says_when_a_source_was_unhealthy(sqlite_url: str) -> None:
    from datetime import date

    from rassegna.app.health import health_paragraph

    engine = engine_for(sqlite_url)
    settings = Settings()
    rng = random.Random(4)
    plan = [healthy(rng) for _ in range(41)] + [failing("timeout")] * 7 + [healthy(rng)]
    for day, stats in enumerate(plan):
        now = START + timedelta(days=day)
        with session_scope(engine) as session:
            record_run(session, {FEED: stats}, now)
        refresh_health(engine, settings, clock=lambda now=now: now + timedelta(minutes=5))
    text = health_paragraph(engine, date(2023, 10, 9), date(2023, 10, 15))
    assert "Dal 12 al 15 ottobre Genova24.it non ha risposto: la rassegna può essere incompleta" in text
    assert health_paragraph(engine, date(2023, 9, 1), date(2023, 9, 30)) == ""
