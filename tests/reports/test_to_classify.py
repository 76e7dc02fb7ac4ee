"""Clippings of outlets still to classify: listed apart in every format, outside the certified totals."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from rassegna.config import load_settings
from rassegna.config.models import Outlet
from rassegna.domain import Article, CampaignMatch
from rassegna.reports import build_report, render
from rassegna.storage import repository
from rassegna.storage.db import create_db_engine, session_scope
from rassegna.storage.queries import Selection
from tests.reports.conftest import GENERATED, PERIOD, load_reference

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "clippings-lgnet2-2023.csv"
DISCOVERED = "notizie-di-quartiere.example"
CERTIFIED = (60, 2671802)  # the reference review's totals


@pytest.fixture
def engine(tmp_path: Path):  # noqa: ANN201
    """The reference review plus two crawled clippings of an outlet found on an unknown domain."""
    url = f"sqlite:///{tmp_path / 'rassegna.db'}"
    load_reference(url, FIXTURE, load_settings())
    engine = create_db_engine(url)
    with session_scope(engine) as session:
        repository.upsert_outlet(
            session, Outlet(name=DISCOVERED, category="portali", domains=[DISCOVERED]), to_classify=True
        )
        for day, title in ((date(2023, 10, 20), "A Genova la rete LgNet2"), (date(2023, 11, 3), "LgNet2 a Bari")):
            repository.store_article(
                session,
                Article(
                    outlet=DISCOVERED,
                    title=title,
                    published=day,
                    text=f"{title}: il progetto LgNet2 presenta i suoi sportelli.",
                    url=f"https://{DISCOVERED}/{day}?refresh_ce=1",
                    canonical_url=f"https://{DISCOVERED}/{day}",
                    source="crawl",
                    campaigns=[CampaignMatch("LgNet2", "LgNet2", "")],
                ),
            )
    yield engine
    engine.dispose()


def _report(engine):  # noqa: ANN001, ANN202
    campaign = load_settings().campaign("LgNet2")
    with session_scope(engine) as session:
        return build_report(session, Selection("LgNet2", *PERIOD), campaign=campaign, generated_at=GENERATED)


def test_unclassified_clippings_stay_out_of_the_certified_totals(engine) -> None:  # noqa: ANN001
    data = _report(engine)
    assert (data.summary.count, data.summary.audience) == CERTIFIED
    assert data.summary.to_classify == 2 and len(data.unclassified) == 2
    assert sum(row.count for row in data.summary.rows) == 60
    assert sum(p.count for p in data.timeline) == 60  # timeline and cities count certified clippings only
    assert all(item.view.outlet != DISCOVERED for item in data.clippings)

    report = json.loads(render(data, "json"))
    assert report["totals"] == {"count": 60, "audience": 2671802, "to_classify": 2}
    assert sum(row["count"] for row in report["summary"]) == 60
    waiting = [c for c in report["clippings"] if c["outlet"] == DISCOVERED]
    assert len(waiting) == 2 and all(c["category"] is None for c in waiting)
    assert len(report["clippings"]) == 62
    # The link is the page's canonical address, not the cache-busting one it was fetched at.
    assert {c["url"] for c in waiting} == {f"https://{DISCOVERED}/2023-10-20", f"https://{DISCOVERED}/2023-11-03"}


def test_every_format_shows_da_classificare_apart(engine) -> None:  # noqa: ANN001
    from lxml import html as lxml_html
    from openpyxl import load_workbook
    from pypdf import PdfReader

    data = _report(engine)
    page = lxml_html.fromstring(render(data, "html"))
    headings = [h.text_content().strip() for h in page.xpath("//section[@id='rassegna']/h3")]
    assert headings[-1] == "Da classificare" and len(headings) == 1 + sum(1 for s in data.sections if s.clippings)
    table = page.xpath("//table[contains(@class, 'to-classify')]")[0]
    assert [r.xpath("td")[0].text_content() for r in table.xpath("tbody/tr")] == [DISCOVERED, DISCOVERED]
    assert "non sono comprese nei totali" in page.get_element_by_id("to-classify-explained").text_content()
    total = page.xpath("//table[@id='riepilogo']//tr[@class='total']")[0].text_content()
    assert "60" in total and "2.671.802" in total

    markdown = render(data, "md").decode()
    section = markdown[markdown.index("### Da classificare") :]
    assert markdown.index("### Da classificare") > markdown.index("### Portali ed E-zine")
    assert "non sono comprese nei totali" in section and "A Genova la rete" in section.split("## Copertura")[0]
    assert "| **Totale** | **60** | **2.671.802** |" in markdown

    book = load_workbook(io.BytesIO(render(data, "xlsx")))
    assert book.sheetnames[-1] == "Da classificare"
    sheet = book["Da classificare"]
    assert [sheet.cell(r, 1).value for r in (2, 3)] == [DISCOVERED, DISCOVERED]
    assert any("non sono comprese nei totali" in str(c.value or "") for row in sheet.iter_rows() for c in row)

    pdf = PdfReader(io.BytesIO(render(data, "pdf")))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Da classificare" in text and "non sono comprese nei totali" in text
    assert "Totale 60 2.671.802" in text


def test_classifying_the_outlet_moves_its_clippings_into_the_totals(engine) -> None:  # noqa: ANN001
    before = _report(engine)
    portals = next(row for row in before.summary.rows if row.category == "portali")
    with session_scope(engine) as session:
        repository.upsert_outlet(
            session,
            Outlet(name=DISCOVERED, category="portali", audience=1500, audience_source="audiweb",
                   audience_date=date(2023, 9, 1)),
        )  # fmt: skip
    after = _report(engine)
    assert not after.unclassified and after.summary.to_classify == 0
    assert (after.summary.count, after.summary.audience) == (62, 2671802 + 2 * 1500)
    row = next(row for row in after.summary.rows if row.category == "portali")
    assert row.count == portals.count + 2
    assert json.loads(render(after, "json"))["totals"]["to_classify"] == 0
