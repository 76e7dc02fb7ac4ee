"""Storage on SQLite and PostgreSQL: migrations, deduplication, outlets, the audience arithmetic."""

from __future__ import annotations

from datetime import date

from sqlalchemy import inspect
from sqlmodel import select

from rassegna.config import Outlet
from rassegna.domain import Analysis, Article, CampaignMatch, Figure, Quote
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.models import AudienceFigure, Clipping, ClippingQuote, OutletRow, SeenUrl
from rassegna.storage.queries import Selection, category_summary, report_clippings
from rassegna.storage.repository import (
    dedupe_key,
    fetch_validators,
    mark_seen,
    save_validators,
    seen_urls,
    store_article,
    store_articles,
    sync_outlets,
    upsert_outlet,
)

LGNET2 = [CampaignMatch("LgNet2", "LgNet2", "…il progetto LgNet2…")]


def article(**changes) -> Article:
    values = dict(
        outlet="Torinoggi.it",
        title="Torino fra i Comuni della rete LgNet2",
        published=date(2023, 10, 17),
        text="Il progetto LgNet2 a Torino.",
        url="https://www.torinoggi.it/2023/10/17/torino-lgnet2",
        canonical_url="https://torinoggi.it/2023/10/17/torino-lgnet2",
        campaigns=LGNET2,
    )
    values.update(changes)
    return Article(**values)


def test_migrations_create_the_schema_and_run_again_harmlessly(db_url):
    engine = create_db_engine(db_url)
    create_db_engine(db_url)  # a second start applies nothing and breaks nothing
    tables = set(inspect(engine).get_table_names())
    assert {
        "outlet",
        "clipping",
        "clipping_campaign",
        "clipping_figure",
        "clipping_quote",
        "clipping_place",
        "story",
        "crawl_run",
        "crawl_error",
        "source_stat",
        "job_run",
        "alembic_version",
    } <= tables


def test_sqlite_runs_in_wal_mode(sqlite_url):
    engine = create_db_engine(sqlite_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_the_same_article_twice_is_one_clipping(db_url, settings):
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        sync_outlets(session, settings.outlets)
        first, created = store_article(session, article())
        assert created
    with session_scope(engine) as session:
        again, created = store_article(session, article(url="https://torinoggi.it/x?utm_source=feed"))
        assert not created and again.id == first.id
        count = len(session.exec(select(Clipping)).all())
    assert count == 1


def test_clippings_without_url_are_keyed_on_outlet_title_and_date(db_url):
    engine = create_db_engine(db_url)
    wire = dict(outlet="ANSA - Regional Service", url=None, canonical_url=None, source="import", category="agenzie")
    with session_scope(engine) as session:
        assert store_article(session, article(**wire))[1]
        assert not store_article(session, article(**wire, title="  TORINO fra i comuni della rete LgNet2! "))[1]
        assert store_article(session, article(**wire, published=date(2023, 10, 18)))[1]
    assert dedupe_key("A", "T", None, "https://x/y") == "url:https://x/y"


def test_analysis_is_stored_with_the_clipping(db_url, settings):
    engine = create_db_engine(db_url)
    analysis = Analysis(
        city="Torino",
        places=["Torino", "Roma"],
        figures=[
            Figure(160, "persone", None, "160 persone"),
            Figure(70, "posti letto", "oltre", "oltre 70 posti letto"),
        ],
        quotes=[Quote("Il progetto ha reso Torino più inclusiva", "Jacopo Rosatelli", "assessore")],
        journalist="Alice Gipponi",
    )
    with session_scope(engine) as session:
        sync_outlets(session, settings.outlets)
        store_article(session, article(), analysis)
    with session_scope(engine) as session:
        [view] = report_clippings(session, Selection("LgNet2", date(2023, 1, 1), date(2023, 12, 31)))
    assert (view.city, view.places, view.journalist) == ("Torino", ["Torino", "Roma"], "Alice Gipponi")
    assert view.figures[0] == Figure(160, "persone", None, "160 persone") and isinstance(view.figures[0].value, int)
    assert view.quotes[0].speaker == "Jacopo Rosatelli"
    assert (view.matched, view.snippet, view.source) == ("LgNet2", "…il progetto LgNet2…", "crawl")


def test_the_answers_to_check_are_stored_by_one_article_and_by_a_batch(db_url, settings):
    engine = create_db_engine(db_url)
    flagged = Analysis(
        city="Torino",
        city_to_check=True,
        places=["Torino"],
        quotes=[Quote("Un passo avanti", "Mario Rossi", None, speaker_to_check=True), Quote("Bene", "Anna Neri", None)],
    )
    with session_scope(engine) as session:
        sync_outlets(session, settings.outlets)
        one, _ = store_article(session, article(), flagged)
        batch = article(url="https://www.torinoggi.it/altro", canonical_url=None, title="Un altro articolo")
        assert store_articles(session, [batch], [flagged]) == [True]
    with session_scope(engine) as session:
        clippings = session.exec(select(Clipping).order_by(Clipping.id)).all()
        assert [c.city_to_check for c in clippings] == [True, True]
        quotes = session.exec(select(ClippingQuote).order_by(ClippingQuote.clipping_id, ClippingQuote.position)).all()
        assert [q.speaker_to_check for q in quotes] == [True, False, True, False]


def test_unknown_crawled_domain_becomes_an_outlet_to_classify(db_url):
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        store_article(session, article(outlet="Newsite", canonical_url="https://www.newsite.test/a"))
        row = session.exec(select(OutletRow).where(OutletRow.name == "Newsite")).one()
    assert row.to_classify and row.domains == ["newsite.test"]


def test_audience_changes_are_kept_with_source_and_date(db_url):
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        upsert_outlet(
            session,
            Outlet(
                name="X",
                category="quotidiani",
                audience=100,
                audience_source="audiweb",
                audience_date=date(2023, 12, 1),
            ),
        )
        upsert_outlet(
            session,
            Outlet(
                name="X",
                category="quotidiani",
                audience=100,
                audience_source="audiweb",
                audience_date=date(2023, 12, 1),
            ),
        )
        upsert_outlet(
            session,
            Outlet(
                name="x",
                category="quotidiani",
                audience=150,
                audience_source="audicom",
                audience_date=date(2024, 12, 1),
            ),
        )
        history = session.exec(select(AudienceFigure).order_by(AudienceFigure.id)).all()
    assert [(h.audience, h.source, h.measured_on) for h in history] == [
        (100, "audiweb", date(2023, 12, 1)),
        (150, "audicom", date(2024, 12, 1)),
    ]


def test_audience_arithmetic(db_url, settings):
    """Known audiences are summed per clipping; unknown stays unknown, not zero; rejected clippings drop out."""
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        sync_outlets(session, settings.outlets)
        for day in (1, 2, 3):  # the same outlet three times counts three times
            store_article(
                session,
                article(
                    outlet="Ilmessaggero.it",
                    canonical_url=f"https://ilmessaggero.it/{day}",
                    published=date(2023, 10, day),
                ),
            )
        store_article(session, article(outlet="Agir", canonical_url="https://agir.it/1", category="agenzie"))
        rejected, _ = store_article(session, article(outlet="La Nuova Sardegna", canonical_url="https://lns/1"))
        rejected.review_status = "rejected"
        store_article(
            session,
            article(
                outlet="Ilmessaggero.it",
                canonical_url="https://ilmessaggero.it/late",
                published=date(2024, 1, 1),
            ),
        )
    with session_scope(engine) as session:
        summary = category_summary(session, Selection("LgNet2", date(2023, 10, 1), date(2023, 12, 31)))
        accepted_only = category_summary(
            session, Selection("LgNet2", date(2023, 10, 1), date(2023, 12, 31), review_required=True)
        )
    rows = {row.category: row for row in summary.rows}
    assert [row.category for row in summary.rows] == list(rows) and len(rows) == 7
    assert (rows["quotidiani"].count, rows["quotidiani"].audience) == (3, 3 * 1464811)
    assert (rows["agenzie"].count, rows["agenzie"].audience) == (1, None)
    assert (rows["social"].count, rows["social"].audience) == (0, None)
    assert (summary.count, summary.audience) == (4, 3 * 1464811)
    assert (accepted_only.count, accepted_only.audience) == (0, None)


def test_crawl_state_round_trips(db_url):
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        mark_seen(session, [("https://a/1", False), ("https://a/1", True)])
    with session_scope(engine) as session:
        mark_seen(session, [("https://a/1", False)])  # relevant sticks
        save_validators(session, "https://a/feed", '"v1"', "Tue, 17 Oct 2023 10:00:00 GMT")
        save_validators(session, "https://a/feed", '"v2"', None)
    with session_scope(engine) as session:
        assert seen_urls(session) == {"https://a/1"}
        assert session.exec(select(SeenUrl.relevant)).one() is True
        assert fetch_validators(session) == {"https://a/feed": ('"v2"', None)}
