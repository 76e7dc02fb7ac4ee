"""Hostile text and concurrent writers on both databases: NUL never stored, the same new outlet added twice at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlmodel import Session, select

from rassegna.domain import Analysis, Article, CampaignMatch, Quote
from rassegna.storage.db import create_db_engine, read_session, session_scope
from rassegna.storage.models import Clipping, ClippingQuote, OutletRow
from rassegna.storage.repository import store_article, upsert_outlet


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated database: SQLite, then PostgreSQL."""
    engine = create_db_engine(db_url)
    yield engine
    engine.dispose()


def _article(outlet: str, title: str, text: str = "Il progetto LgNet2 a Torino.") -> Article:
    return Article(
        outlet=outlet,
        title=title,
        published=date(2023, 11, 2),
        text=text,
        source="import",
        category="quotidiani",
        journalist="Anna\x00 Rossi",
        url=f"https://example.org/{abs(hash(title))}",
        campaigns=[CampaignMatch("LgNet2", "LgNet2", "il progetto\x00 LgNet2")],
    )


def test_nul_characters_are_never_stored(engine: Engine) -> None:
    article = _article("Gazzetta\x00 NUL", "LgNet2\x00 a Torino", "Il progetto\x00 LgNet2 a Torino.")
    analysis = Analysis(city="Torino", places=["Tor\x00ino"], quotes=[Quote("Bene\x00 così", "Mario\x00 Rossi", None)])
    with session_scope(engine) as session:
        clipping, created = store_article(session, article, analysis)
        assert created
        # The same article again (its NUL stripped the same way) is recognised, not stored twice.
        assert store_article(session, article)[1] is False
    with Session(engine) as session:
        stored = session.get(Clipping, clipping.id)
        assert (stored.title, stored.text, stored.journalist) == (
            "LgNet2 a Torino",
            "Il progetto LgNet2 a Torino.",
            "Anna Rossi",
        )
        assert session.get(OutletRow, stored.outlet_id).name == "Gazzetta NUL"
        quote = session.exec(select(ClippingQuote).where(ClippingQuote.clipping_id == stored.id)).one()
        assert (quote.text, quote.speaker) == ("Bene così", "Mario Rossi")


def test_an_imported_csv_with_nul_bytes_is_imported_clean(db_url: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rassegna.app.cli import app

    csv_file = tmp_path / "nul.csv"
    csv_file.write_bytes(
        b"outlet,category,audience,title,date,journalist,url,text,campaign\n"
        b"Radio\x00 Zero,radio_tv,,LgNet2\x00 in onda,2023-10-18,,,Il progetto LgNet2\x00 a Bari.,LgNet2\n"
    )
    result = CliRunner().invoke(app, ["--db", db_url, "import", str(csv_file)])
    assert result.exit_code == 0, result.output
    with read_session(create_db_engine(db_url)) as session:
        clipping = session.exec(select(Clipping).where(Clipping.title == "LgNet2 in onda")).one()
        assert clipping.text == "Il progetto LgNet2 a Bari."
        assert session.get(OutletRow, clipping.outlet_id).name == "Radio Zero"


def test_two_writers_adding_the_same_new_outlet_both_succeed(engine: Engine, db_url: str) -> None:
    other = create_db_engine(db_url, migrate=False)
    errors: list[BaseException] = []
    first_in = threading.Event()

    def second_writer() -> None:
        try:
            first_in.wait(10)
            with session_scope(other) as session:
                store_article(session, _article("Testata Nuova", "LgNet2 seconda"))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    thread = threading.Thread(target=second_writer)
    thread.start()
    with session_scope(engine) as session:
        store_article(session, _article("Testata Nuova", "LgNet2 prima"))
        first_in.set()
        time.sleep(1.0)  # the second writer now tries to add the same outlet and waits for this transaction
    thread.join(30)
    other.dispose()
    assert not errors, errors
    with Session(engine) as session:
        assert session.exec(select(func.count(OutletRow.id)).where(OutletRow.name == "Testata Nuova")).one() == 1
        outlets = set(session.exec(select(Clipping.outlet_id).where(Clipping.title.startswith("LgNet2 "))))
    assert len(outlets) == 1


def test_upsert_outlet_of_a_name_added_meanwhile_updates_it(engine: Engine) -> None:
    from rassegna.config import Outlet

    with session_scope(engine) as session:
        first = upsert_outlet(session, Outlet(name="Nuova Testata", category="portali"))
        again = upsert_outlet(session, Outlet(name="Nuova Testata", category="quotidiani", audience=1000))
        assert first.id == again.id and again.category == "quotidiani" and again.audience == 1000
