"""Fixtures of the review-desk tests: a seeded SQLite database, accounts, a logged-in test client."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy import Engine

EDITOR, VIEWER, PASSWORD = "redattrice", "lettore", "password-di-prova-1"
XSS_TITLE = 'LgNet2 <script>alert("xss-title")</script><img src=x onerror=alert(1)>'
XSS_TEXT = 'Il progetto LgNet2 <script>document.title="pwned"</script> <img src=x onerror="alert(2)"> a Roma.'

SEED = [
    # outlet, category, audience, title, date, city, text
    (
        "Ilmessaggero.it",
        "quotidiani",
        1464811,
        "Latina, il progetto LgNet2 accoglie oltre 450 persone",
        date(2023, 10, 29),
        "Latina",
        "A Latina il progetto LgNet2 ha accolto oltre 450 persone, dice l'assessore.",
    ),
    (
        "Torinoggi.it",
        "quotidiani",
        120000,
        "Torino, sportello LgNet2 per i cittadini stranieri",
        date(2023, 10, 20),
        "Torino",
        "Lo sportello del progetto LgNet2 a Torino ha seguito 160 persone.",
    ),
    (
        "ANSA",
        "agenzie",
        None,
        "Migranti: LgNet2, rete di comuni per l'inclusione",
        date(2023, 10, 18),
        "Roma",
        "ROMA (ANSA) - Il progetto LgNet2 mette in rete sedici comuni italiani.",
    ),
    (
        "Redattore Sociale",
        "specializzati",
        50000,
        "LgNet2, a Napoli il bilancio del primo anno",
        date(2023, 11, 5),
        "Napoli",
        "Il bilancio del progetto LgNet2 a Napoli: percorsi di orientamento al lavoro.",
    ),
    (
        "Radio Popolare",
        "radio_tv",
        200000,
        "Intervista sul progetto LgNet2 a Milano",
        date(2023, 11, 12),
        None,
        "In diretta si parla del progetto LgNet2 e dei servizi del Comune di Milano.",
    ),
    ("Gazzetta di Parma", "quotidiani", 80000, XSS_TITLE, date(2023, 11, 15), "Parma", XSS_TEXT),
    (
        "Genova24",
        "portali",
        None,
        "Genova aderisce al progetto LgNet2",
        date(2023, 11, 20),
        "Genova",
        "Anche Genova nel progetto LgNet2 con un nuovo sportello informativo.",
    ),
]


def seed(engine: Engine) -> dict[str, int]:
    """The seven sample clippings (one carrying script payloads), a crawl run with a failing source."""
    from rassegna.domain import Analysis, Article, CampaignMatch, Quote
    from rassegna.storage.db import session_scope
    from rassegna.storage.models import CrawlError, CrawlRun, utcnow
    from rassegna.storage.repository import store_article

    ids: dict[str, int] = {}
    with session_scope(engine) as session:
        for outlet, category, audience, title, published, city, text in SEED:
            article = Article(
                outlet=outlet,
                title=title,
                published=published,
                text=text,
                source="import",
                category=category,
                audience=audience,
                url=f"https://example.org/{published}/{outlet.lower().replace(' ', '-')}",
                campaigns=[CampaignMatch("LgNet2", "LgNet2", text[:90])],
            )
            # one clipping carries a quote whose speaker the NLP flags, for the desk's quote corrections
            quotes = (
                [Quote("Un modello da seguire", "Mario Rossi", "sindaco", True)] if outlet == "Ilmessaggero.it" else []
            )
            analysis = Analysis(city=city, places=[city] if city else [], quotes=quotes)
            clipping, _ = store_article(session, article, analysis)
            ids[outlet] = clipping.id
        run = CrawlRun(
            campaign="LgNet2",
            outcome="partial",
            pages=120,
            matched=7,
            new_clippings=5,
            errors=2,
            finished_at=utcnow(),
        )
        session.add(run)
        session.flush()
        for message in ("timed out after 30 s", "timed out after 30 s"):
            session.add(
                CrawlError(
                    crawl_run_id=run.id,
                    outlet="Corriere di Prova",
                    source="https://prova.example/rss",
                    url="https://prova.example/rss",
                    kind="timeout",
                    message=message,
                )
            )
    return ids


@pytest.fixture
def web_settings():
    """The bundled configuration (campaign LgNet2 with its sixteen partner cities)."""
    from rassegna.config import load_settings

    return load_settings()


@pytest.fixture
def engine(sqlite_url: str) -> Engine:
    """A migrated SQLite database file."""
    from rassegna.storage.db import create_db_engine

    engine = create_db_engine(sqlite_url)
    yield engine
    engine.dispose()


@pytest.fixture
def seeded(engine: Engine) -> dict[str, int]:
    """Seed the database; the clipping ids by outlet name, and the two accounts."""
    from rassegna.web.auth import add_user

    ids = seed(engine)
    add_user(engine, EDITOR, PASSWORD, "editor")
    add_user(engine, VIEWER, PASSWORD, "viewer")
    return ids


@pytest.fixture
def app(engine: Engine, seeded: dict[str, int], web_settings):  # noqa: ANN201
    """The review desk over the seeded database (no NLP on manual clippings: faster)."""
    from rassegna.web.app import create_app

    return create_app(web_settings, engine, analyse_manual=False)


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


@pytest.fixture
def client_factory(app) -> Iterator[Callable]:  # noqa: ANN001
    """Test clients, anonymous or logged in as a given user."""
    from fastapi.testclient import TestClient

    clients: list[TestClient] = []

    def make(username: str | None = None) -> TestClient:
        client = TestClient(app, follow_redirects=False)
        clients.append(client)
        if username:
            page = client.get("/login")
            response = client.post(
                "/login", data={"username": username, "password": PASSWORD, "csrf_token": csrf_of(page.text)}
            )
            assert response.status_code == 303, response.text
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def editor_client(client_factory):  # noqa: ANN001, ANN201
    """A client logged in as an editor."""
    return client_factory(EDITOR)


@pytest.fixture
def viewer_client(client_factory):  # noqa: ANN001, ANN201
    """A client logged in as a viewer."""
    return client_factory(VIEWER)
