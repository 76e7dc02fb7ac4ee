"""The crawler, the CLI and the web application on one SQLite file at once: no "database is locked"."""

from __future__ import annotations

import csv
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from rassegna.storage.models import Clipping
from tests.web.conftest import csrf_of

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore:Using `httpx`"),
]
PER_WRITER = 40

WRITER = """
import sys
from datetime import date
from rassegna.domain import Article, CampaignMatch
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.repository import store_article

engine = create_db_engine(sys.argv[1])
for i in range(int(sys.argv[3])):
    name = sys.argv[2]
    article = Article(outlet=f"Sito {name}", title=f"LgNet2 notizia {name}-{i}", published=date(2023, 11, 1),
                      text="Il progetto LgNet2 a Bologna.", source="crawl",
                      canonical_url=f"https://{name}.example/{i}",
                      campaigns=[CampaignMatch("LgNet2", "LgNet2", "il progetto LgNet2")])
    with session_scope(engine) as session:
        store_article(session, article)
"""


def _store(url: str, name: str, count: int, errors: list[BaseException]) -> None:
    from rassegna.domain import Article, CampaignMatch
    from rassegna.storage.db import create_db_engine, session_scope
    from rassegna.storage.repository import store_article

    try:
        engine = create_db_engine(url, migrate=False)
        for i in range(count):
            article = Article(
                outlet=f"Sito {name}",
                title=f"LgNet2 notizia {name}-{i}",
                published=date(2023, 11, 2),
                text="Il progetto LgNet2 a Torino.",
                canonical_url=f"https://{name}.example/{i}",
                campaigns=[CampaignMatch("LgNet2", "LgNet2", "il progetto LgNet2")],
            )
            with session_scope(engine) as session:
                store_article(session, article)
        engine.dispose()
    except BaseException as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)


def test_crawler_cli_and_web_share_one_sqlite_file(
    sqlite_url: str,
    editor_client,
    seeded,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    csv_file = tmp_path / "manual.csv"
    with csv_file.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["outlet", "category", "audience", "title", "date", "journalist", "url", "text", "campaign"])
        for i in range(30):
            writer.writerow(
                [
                    "Radio Test",
                    "radio_tv",
                    "1.000",
                    f"Servizio LgNet2 n. {i}",
                    "2023-11-03",
                    "",
                    "",
                    "LgNet2 in onda",
                    "LgNet2",
                ]
            )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, sqlite_url, f"proc{n}", str(PER_WRITER)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    processes.append(
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "rassegna.app.cli",
                "--db",
                sqlite_url,
                "import",
                str(csv_file),
                "--no-nlp",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    )
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_store, args=(sqlite_url, f"thread{n}", PER_WRITER, errors)) for n in range(2)]
    for thread in threads:
        thread.start()
    # Meanwhile the desk reviews, corrects and searches.
    token = csrf_of(editor_client.get("/inbox").text)
    statuses: list[int] = []
    for round_ in range(12):
        for clipping_id in seeded.values():
            decision = {"decision": "accept"} if round_ % 2 else {"decision": "reopen"}
            statuses.append(
                editor_client.post(
                    f"/clippings/{clipping_id}/review", data={**decision, "csrf_token": token}
                ).status_code
            )
        statuses.append(editor_client.get("/inbox").status_code)
        statuses.append(editor_client.get("/search", params={"q": "notizia"}).status_code)
        statuses.append(editor_client.get("/dashboard?start=2023-10-01&end=2023-12-31").status_code)
    for thread in threads:
        thread.join(120)
    outputs = [process.communicate(timeout=120) for process in processes]
    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
        assert "database is locked" not in stderr
    assert not errors, errors
    assert set(statuses) == {200, 303}
    from rassegna.storage.db import create_db_engine

    engine = create_db_engine(sqlite_url, migrate=False)
    with Session(engine) as session:
        total = session.exec(select(func.count(Clipping.id))).one()
        accepted = session.exec(select(func.count(Clipping.id)).where(Clipping.review_status == "accepted")).one()
    assert total == len(seeded) + 4 * PER_WRITER + 30
    assert accepted == len(seeded)
    html = editor_client.get("/search", params={"q": "notizia"}).text
    assert html.count('<h2><a href="/clippings/') == 100  # indexed by the triggers, capped at 100 hits
