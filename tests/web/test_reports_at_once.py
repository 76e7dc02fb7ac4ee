"""A viewer downloading four reports at once while new clippings wait to be grouped: four answers, no 500."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.web.conftest import PASSWORD, VIEWER, csrf_of

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

UNGROUPED = 200  # clippings without a story: grouping them takes seconds, as after a large import


def _add_ungrouped(engine: Engine) -> None:
    from rassegna.domain import Article, CampaignMatch
    from rassegna.storage.db import session_scope
    from rassegna.storage.repository import store_article

    with session_scope(engine) as session:
        for i in range(UNGROUPED):
            words = " ".join(f"parola{(i * 13 + k) % 991}" for k in range(60))
            article = Article(
                outlet=f"Testata {i % 7}",
                title=f"LgNet2 uscita numero {i}",
                published=date(2023, 11, i % 28 + 1),
                text=f"Il progetto LgNet2 a Bologna, uscita {i}. {words}",
                source="import",
                category="quotidiani",
                url=f"https://testata.example/{i}",
                campaigns=[CampaignMatch("LgNet2", "LgNet2", "il progetto LgNet2")],
            )
            store_article(session, article)


def _viewer(app) -> TestClient:  # noqa: ANN001
    client = TestClient(app, follow_redirects=False)
    page = client.get("/login")
    client.post("/login", data={"username": VIEWER, "password": PASSWORD, "csrf_token": csrf_of(page.text)})
    return client


def test_four_reports_at_once_all_answer_and_the_inbox_stays_quick(app, engine: Engine) -> None:  # noqa: ANN001
    _add_ungrouped(engine)
    clients = [_viewer(app) for _ in range(5)]
    results: list[tuple[str, int]] = []

    def download(client: TestClient, fmt: str) -> None:
        csrf = csrf_of(client.get("/inbox").text)
        form = {"csrf_token": csrf, "campaign": "LgNet2", "start": "2023-10-01", "end": "2023-12-31", "fmt": fmt}
        results.append((fmt, client.post("/reports", data=form).status_code))

    threads = [
        threading.Thread(target=download, args=(client, fmt))
        for client, fmt in zip(clients, ("json", "md", "html", "xlsx"), strict=False)
    ]
    for thread in threads:
        thread.start()
    began = time.monotonic()
    inbox = clients[4].get("/inbox")
    inbox_seconds = time.monotonic() - began
    for thread in threads:
        thread.join(300)
    assert sorted(results) == [("html", 200), ("json", 200), ("md", 200), ("xlsx", 200)]
    assert inbox.status_code == 200 and inbox_seconds < 10, inbox_seconds
    for client in clients:
        client.close()
