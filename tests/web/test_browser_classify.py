# ruff: noqa: F811 - the browser fixtures `page` and `server` are imported from test_browser
"""In Chromium: an editor classifies an outlet the crawler found; its clippings enter the next report's totals."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rassegna.config.models import Outlet
from rassegna.domain import Article, CampaignMatch
from rassegna.storage import repository
from rassegna.storage.db import session_scope
from tests.web.conftest import EDITOR, PASSWORD
from tests.web.test_browser import ARTIFACTS, CHROMIUM, page, server  # noqa: F401 - fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
    ),
]
FOUND = "quartiere-notizie.example"


@pytest.fixture
def discovered(engine, seeded) -> int:  # noqa: ANN001
    """An outlet found by the crawler on an unknown domain, with two clippings of the seeded period."""
    with session_scope(engine) as session:
        row = repository.upsert_outlet(
            session, Outlet(name=FOUND, category="portali", domains=[FOUND]), to_classify=True
        )
        for day in (date(2023, 10, 25), date(2023, 11, 8)):
            repository.store_article(
                session,
                Article(
                    outlet=FOUND,
                    title=f"Il progetto LgNet2 in città ({day:%d/%m})",
                    published=day,
                    text="Il progetto LgNet2 apre un nuovo sportello.",
                    url=f"https://{FOUND}/{day}",
                    canonical_url=f"https://{FOUND}/{day}",
                    source="crawl",
                    campaigns=[CampaignMatch("LgNet2", "LgNet2", "")],
                ),
            )
        return row.id


def _download_json(page, tmp_path: Path) -> dict:  # noqa: ANN001
    origin = "/".join(page.url.split("/")[:3])
    page.goto(f"{origin}/dashboard?start=2023-10-01&end=2023-12-31")
    page.select_option("#report-form select[name=fmt]", "json")
    with page.expect_download() as info:
        page.click("#report-form button[type=submit]")
    target = tmp_path / "report.json"
    info.value.save_as(target)
    return json.loads(target.read_text(encoding="utf-8"))


def test_classifying_an_outlet_in_the_desk_moves_its_clippings_into_the_totals(
    page,
    server: str,
    discovered: int,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    page.goto(f"{server}/login")
    page.fill("input[name=username]", EDITOR)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Entra')")
    page.wait_for_url(f"{server}/inbox")

    page.goto(f"{server}/dashboard?start=2023-10-01&end=2023-12-31")
    waiting = page.inner_text("#kpi-to-classify")
    assert waiting.startswith("1") and "2 uscite nel periodo" in waiting
    before = _download_json(page, tmp_path)
    assert before["totals"]["to_classify"] == 2
    assert [c["category"] for c in before["clippings"] if c["outlet"] == FOUND] == [None, None]

    page.goto(f"{server}/outlets")
    assert "1 testata scoperta dal crawler è da classificare" in page.inner_text("#to-classify-count")
    page.click(f"text={FOUND}")
    page.wait_for_url(f"{server}/outlets/{discovered}")
    assert "Da classificare" in page.inner_text("#classify-note")
    page.select_option("select[name=category]", "quotidiani")
    page.fill("input[name=audience]", "12.500")
    page.fill("input[name=audience_source]", "audiweb")
    page.fill("input[name=audience_month]", "2023-09")
    page.select_option("select[name=text_policy]", "excerpt")
    page.click("#save-outlet")
    page.wait_for_selector(".flash")
    assert page.locator("#classify-note").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "outlet-classified.png"), full_page=True)

    after = _download_json(page, tmp_path)
    assert after["totals"]["to_classify"] == 0
    assert after["totals"]["count"] == before["totals"]["count"] + 2
    assert after["totals"]["audience"] == (before["totals"]["audience"] or 0) + 2 * 12_500
    quotidiani = {r["category"]: r["count"] for r in before["summary"]}["quotidiani"]
    assert {r["category"]: r["count"] for r in after["summary"]}["quotidiani"] == quotidiani + 2
    assert [c["category"] for c in after["clippings"] if c["outlet"] == FOUND] == ["quotidiani", "quotidiani"]
    assert page.inner_text("#kpi-to-classify").startswith("0")
    assert not [p for p in page.problems if "Content Security Policy" in p], page.problems
