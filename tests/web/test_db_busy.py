"""Another process holds SQLite's write lock for a long time (an import): the desk, reports and commands go on."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import EDITOR, PASSWORD, csrf_of

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

HOLD = 60.0  # seconds the writer keeps its transaction open (beyond the 30 s busy timeout)

# A long import: one write transaction that stores clippings, then keeps the lock while it "parses" on.
WRITER = """
import sys, time
from datetime import date
from rassegna.domain import Article, CampaignMatch
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.repository import store_article

engine = create_db_engine(sys.argv[1], migrate=False)
with session_scope(engine) as session:
    for i in range(20):
        article = Article(outlet="Import lungo", title=f"LgNet2 riga {i}", published=date(2023, 11, 1),
                          text="Il progetto LgNet2 a Bologna.", source="import", category="quotidiani",
                          campaigns=[CampaignMatch("LgNet2", "LgNet2", "il progetto LgNet2")])
        store_article(session, article)
    session.flush()
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
print("done", flush=True)
"""


def _cli(sqlite_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-c", "from rassegna.app.cli import main; main()", "--db", sqlite_url, *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "150"})


def test_reads_and_reports_go_on_while_another_process_writes(
    sqlite_url: str,
    engine,
    seeded,
    web_settings,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    from rassegna.web.app import create_app

    assert _cli(sqlite_url, "runs").returncode == 0  # first start: the registry is synced (a write)
    client = TestClient(create_app(web_settings, engine, analyse_manual=False), follow_redirects=False)
    page = client.get("/login")
    client.post("/login", data={"username": EDITOR, "password": PASSWORD, "csrf_token": csrf_of(page.text)})
    clipping_id = seeded["Ilmessaggero.it"]
    process = subprocess.Popen([sys.executable, "-c", WRITER, sqlite_url, str(HOLD)], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        began = time.monotonic()
        slow: list[tuple[str, float]] = []
        for path in (
            "/inbox",
            f"/clippings/{clipping_id}",
            "/outlets",
            "/dashboard?campaign=LgNet2&start=2023-10-01&end=2023-12-31",
            "/search?q=LgNet2",
            "/audit",
        ):
            start = time.monotonic()
            response = client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            slow += [(path, time.monotonic() - start)] if time.monotonic() - start > 15 else []
        csrf = csrf_of(client.get("/inbox").text)
        for fmt in ("json", "md", "html", "xlsx"):
            start = time.monotonic()
            response = client.post(
                "/reports",
                data={"csrf_token": csrf, "campaign": "LgNet2", "start": "2023-10-01", "end": "2023-12-31", "fmt": fmt},
            )
            assert response.status_code == 200, (fmt, response.text[:300])
            slow += [(fmt, time.monotonic() - start)] if time.monotonic() - start > 15 else []
        assert (
            b"Latina, il progetto LgNet2"
            in client.post(
                "/reports",
                data={
                    "csrf_token": csrf,
                    "campaign": "LgNet2",
                    "start": "2023-10-01",
                    "end": "2023-12-31",
                    "fmt": "md",
                },
            ).content
        )
        # Another command starting meanwhile neither waits for the writer nor crashes at start-up.
        result = _cli(sqlite_url, "runs")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        assert not slow, slow
        assert process.poll() is None, "the writer finished before the reads: the test proves nothing"
        assert time.monotonic() - began < HOLD
    finally:
        process.kill()
        process.wait()
        client.close()


def test_a_change_while_another_process_writes_too_long_is_a_clear_503(
    sqlite_url: str,
    seeded,
    web_settings,  # noqa: ANN001
) -> None:
    from rassegna.storage.db import create_db_engine
    from rassegna.web.app import create_app

    impatient = create_db_engine(sqlite_url, busy_timeout=1.0)
    client = TestClient(create_app(web_settings, impatient, analyse_manual=False), follow_redirects=False)
    page = client.get("/login")
    client.post("/login", data={"username": EDITOR, "password": PASSWORD, "csrf_token": csrf_of(page.text)})
    csrf = csrf_of(client.get("/inbox").text)
    process = subprocess.Popen([sys.executable, "-c", WRITER, sqlite_url, "15"], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        response = client.post(
            f"/clippings/{seeded['Genova24']}/review", data={"csrf_token": csrf, "decision": "accept"}
        )
        assert response.status_code == 503, response.text[:300]
        assert "Database occupato" in response.text and "Riprova" in response.text
        assert client.get("/inbox").status_code == 200  # reading still works
    finally:
        process.kill()
        process.wait()
        client.close()
        impatient.dispose()
