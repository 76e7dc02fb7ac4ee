"""The desk's "Salute delle fonti" page: unhealthy sources first, reasons in words, a sparkline per source."""

from __future__ import annotations

import random
import re
from datetime import timedelta

import pytest

from rassegna.crawler.ports import Source
from tests.health.helpers import Simulation, failing, healthy
from tests.web.conftest import EDITOR, PASSWORD
from tests.web.test_browser import CHROMIUM, page, server  # noqa: F401 - fixtures reused

BROKEN = Source("Genova24.it", "feed", "http://www.genova24.test/feed/")
FINE = Source('Testata <script>alert("x")</script>', "start", "http://www.fine.test/?a=<b>")


@pytest.fixture
def histories(app, engine):  # noqa: ANN001, ANN201
    """40 days of a healthy source and of a feed failing for its last 4 runs; the desk's clock on the last day."""
    rng = random.Random(9)
    fine, broken = Simulation(engine, FINE), Simulation(engine, BROKEN)
    fine.run(40, lambda d: healthy(rng))
    broken.run(36, lambda d: healthy(rng))
    broken.run(4, lambda d: failing("http_404"))
    app.state.health_clock = lambda: broken.now + timedelta(hours=1)
    return fine, broken


def test_the_health_page_lists_the_unhealthy_first_with_reasons(viewer_client, histories) -> None:
    response = viewer_client.get("/health")
    assert response.status_code == 200
    html = response.text
    rows = re.findall(r'<tr class="source source-(\w+)" data-url="([^"]+)"', html)
    assert rows[0] == ("unhealthy", BROKEN.url)
    assert all(status == "ok" for status, _ in rows[1:])
    assert "4 esecuzioni consecutive fallite (HTTP 404, pagina non trovata)" in html
    assert html.count('<svg class="sparkline"') == len(rows)
    assert "<polyline points=" in html
    # Crawled names and URLs are escaped.
    assert '<script>alert("x")</script>' not in html
    assert "Testata &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "Salute delle fonti" in html


def test_the_health_page_needs_a_login(client_factory) -> None:
    response = client_factory().get("/health")
    assert response.status_code == 303 and "/login" in response.headers["location"]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_the_health_page_in_chromium(page, server: str, histories) -> None:  # noqa: ANN001, F811
    from tests.web.test_browser import ARTIFACTS

    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{server}/login?next=/health")
    page.fill("input[name=username]", EDITOR)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Entra')")
    page.wait_for_url(f"{server}/health")
    page.click("nav >> text=Salute delle fonti")
    page.wait_for_url(f"{server}/health")
    first = page.locator("table.health tbody tr").first
    assert "non funziona" in first.inner_text() and "Genova24.it" in first.inner_text()
    assert "HTTP 404" in first.inner_text()
    assert page.locator("svg.sparkline").count() == page.locator("table.health tbody tr").count()
    box = page.locator("svg.sparkline").first.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 20  # drawn, not collapsed
    assert "1 fonte non funziona" in page.inner_text("#unhealthy-count")
    # No CSP violation, no script error (the page has no script); the only missing resource is the favicon.
    assert all(url.endswith("/favicon.ico") for url in failed), failed
    assert [p for p in page.problems if "status of 404" not in p] == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "health.png"), full_page=True)
