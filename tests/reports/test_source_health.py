"""The methodology box names a source that was unhealthy during the period, in every format."""

from __future__ import annotations

import io
import json
import random
from datetime import date

import pytest

from rassegna.crawler.ports import Source
from tests.health.helpers import Simulation, failing, healthy

SENTENCE = "dal 12 al 18 ottobre Genova24.it non ha risposto: la rassegna può essere incompleta"


@pytest.fixture(scope="module")
def report_with_a_silent_source(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """October 2023's review, Genova24.it's feed having answered 404 from 12 to 18 October."""
    from rassegna.config import load_settings
    from rassegna.domain import Article, CampaignMatch
    from rassegna.reports import build_report
    from rassegna.storage import repository
    from rassegna.storage.db import create_db_engine, session_scope
    from rassegna.storage.queries import Selection

    engine = create_db_engine(f"sqlite:///{tmp_path_factory.mktemp('health') / 'rassegna.db'}")
    rng = random.Random(11)
    sim = Simulation(engine, Source("Genova24.it", "feed", "http://www.genova24.test/feed/"))
    sim.run(41, lambda d: healthy(rng))  # 1 September .. 11 October
    sim.run(7, lambda d: failing("http_404"))  # 12 .. 18 October
    sim.run(5, lambda d: healthy(rng))
    with session_scope(engine) as session:
        repository.store_article(
            session,
            Article(
                outlet="Torinoggi.it",
                title="Torino, il progetto LgNet2 apre uno sportello",
                published=date(2023, 10, 20),
                text="Il progetto LgNet2 a Torino.",
                source="import",
                category="quotidiani",
                campaigns=[CampaignMatch("LgNet2", "LgNet2", "")],
            ),
        )
    campaign = load_settings().campaign("LgNet2")
    with session_scope(engine) as session:
        data = build_report(session, Selection("LgNet2", date(2023, 10, 1), date(2023, 10, 31)), campaign=campaign)
    yield data
    engine.dispose()


def test_the_period_sentence(report_with_a_silent_source) -> None:  # noqa: ANN001
    [period] = report_with_a_silent_source.methodology.source_health
    assert period.sentence == SENTENCE


@pytest.mark.parametrize("fmt", ["html", "md", "json", "xlsx", "pdf"])
def test_every_format_names_the_unhealthy_source(report_with_a_silent_source, fmt: str) -> None:  # noqa: ANN001
    from rassegna.reports import render

    content = render(report_with_a_silent_source, fmt)
    if fmt == "json":
        [entry] = json.loads(content)["source_health"]
        assert entry["text"] == SENTENCE and entry["outlet"] == "Genova24.it"
        assert (entry["from"], entry["to"]) == ("2023-10-12", "2023-10-18")
        return
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content)).active
        text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    elif fmt == "pdf":
        from pypdf import PdfReader

        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
        text = " ".join(text.split())
    else:
        text = content.decode("utf-8")
    if fmt == "md":
        text = text.replace("\\", "")
    assert "Dal 12 al 18 ottobre Genova24.it non ha risposto: la rassegna può essere incompleta" in text
