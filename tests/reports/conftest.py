"""Fixtures of the report tests: a database holding the 60 reference clippings, and its report."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from rassegna.domain import Article, CampaignMatch

PERIOD = (date(2023, 10, 1), date(2023, 12, 31))
GENERATED = datetime(2023, 12, 14, 9, 30, tzinfo=ZoneInfo("Europe/Rome"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def reference_articles(path: Path) -> list[Article]:
    """The reference CSV rows as imported articles (until `rassegna import` is wired in)."""
    articles = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            audience = row["audience"].strip().replace(".", "")
            articles.append(
                Article(
                    outlet=row["outlet"],
                    title=row["title"],
                    published=date.fromisoformat(row["date"]),
                    text=row["text"] or "",
                    url=row["url"] or None,
                    journalist=row["journalist"] or None,
                    source="import",
                    category=row["category"] or None,
                    audience=int(audience) if audience else None,
                    campaigns=[CampaignMatch("LgNet2", "LgNet2", "")],
                )
            )
    return articles


def load_reference(url: str, csv_path: Path, settings) -> None:  # noqa: ANN001
    """Store the 60 reference clippings (and the bundled outlet registry) in the database at ``url``."""
    from rassegna.storage import repository
    from rassegna.storage.db import create_db_engine, session_scope

    engine = create_db_engine(url)
    with session_scope(engine) as session:
        repository.sync_outlets(session, settings.outlets)
        for article in reference_articles(csv_path):
            repository.store_article(session, article)
    engine.dispose()


@pytest.fixture(scope="module")
def reference_engine(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """An SQLite engine holding the reference clippings, stories refreshed (one per test module)."""
    from rassegna.config import load_settings
    from rassegna.reports.stories import refresh_stories
    from rassegna.storage.db import create_db_engine, session_scope

    url = f"sqlite:///{tmp_path_factory.mktemp('refdb') / 'rassegna.db'}"
    settings = load_settings()
    load_reference(url, Path(__file__).resolve().parents[1] / "fixtures" / "clippings-lgnet2-2023.csv", settings)
    engine = create_db_engine(url)
    with session_scope(engine) as session:
        refresh_stories(session)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def reference_report(reference_engine):  # noqa: ANN001, ANN201
    """The press review of the reference clippings for 2023-10-01..2023-12-31."""
    from rassegna.config import load_settings
    from rassegna.reports import build_report
    from rassegna.storage.db import session_scope
    from rassegna.storage.queries import Selection

    campaign = load_settings().campaign("LgNet2")
    with session_scope(reference_engine) as session:
        return build_report(session, Selection("LgNet2", *PERIOD), campaign=campaign, generated_at=GENERATED)
