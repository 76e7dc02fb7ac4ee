"""End to end in a real headless Chromium: log in, review, correct, download the PDF review; screenshots."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from rassegna.storage.models import Clipping
from tests.conftest import REPO
from tests.web.conftest import EDITOR, PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--lang=it-IT",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(app) -> Iterator[str]:  # noqa: ANN001
    """The seeded review desk served by uvicorn on a free local port."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not instance.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(10)


@pytest.fixture
def page(server: str):  # noqa: ANN201
    """A Chromium page (1360 px wide) that records CSP violations and script errors."""
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is missing")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True, locale="it-IT")
        page = context.new_page()
        page.problems = []  # type: ignore[attr-defined]
        page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.set_default_timeout(20_000)
        yield page
        context.close()
        browser.close()


def test_review_round_in_chromium(page, server: str, seeded, engine, tmp_path: Path) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{server}/inbox")
    assert "/login" in page.url
    page.fill("input[name=username]", EDITOR)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Entra')")
    page.wait_for_url(f"{server}/inbox")
    assert page.locator("ol.clippings > li").count() == 7
    # The script payloads of one clipping are shown as text and do nothing.
    assert page.title().endswith("Rassegna stampa") and "pwned" not in page.title()
    assert page.get_by_text('<script>alert("xss-title")</script>', exact=False).count() == 1
    page.screenshot(path=str(ARTIFACTS / "inbox.png"), full_page=True)

    accepted, rejected, corrected = seeded["Ilmessaggero.it"], seeded["Genova24"], seeded["Radio Popolare"]
    page.locator(f"#clipping-{accepted} button.accept").click()
    page.wait_for_selector(".flash")
    assert "accettato" in page.inner_text(".flash")
    item = page.locator(f"#clipping-{rejected}")
    item.locator("input[name=note]").fill("Non riguarda il progetto")
    item.locator("button.reject").click()
    page.wait_for_selector(".flash")
    assert "scartato" in page.inner_text(".flash")
    assert page.locator("ol.clippings > li").count() == 5

    page.locator(f"#clipping-{corrected} a:has-text('Correggi')").click()
    page.wait_for_url(f"{server}/clippings/{corrected}")
    page.fill("#edit-form input[name=city]", "Milano")
    page.click("#edit-form button[type=submit]")
    page.wait_for_selector(".flash")
    assert "Correzioni salvate" in page.inner_text(".flash")
    assert "Milano" in page.inner_text("table.history")
    page.screenshot(path=str(ARTIFACTS / "clipping.png"), full_page=True)
    with Session(engine) as session:
        assert session.get(Clipping, accepted).review_status == "accepted"
        assert session.get(Clipping, rejected).review_status == "rejected"
        assert session.get(Clipping, corrected).city == "Milano"

    page.click("nav >> text=Cruscotto")
    page.fill("input[name=start]", "2023-10-01")
    page.fill("input[name=end]", "2023-12-31")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r".*/dashboard\?.*start=2023-10-01.*"))
    summary = page.inner_text("table.summary")
    assert "1.664.811" in summary  # quotidiani: Il Messaggero + Torinoggi + Gazzetta di Parma
    assert "Bologna" in page.inner_text("li.uncovered >> nth=0")
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    page.select_option("#report-form select[name=fmt]", "pdf")
    with page.expect_download() as download_info:
        page.click("#report-form button[type=submit]")
    download = download_info.value
    assert download.suggested_filename == "rassegna-LgNet2-2023-10-01-2023-12-31.pdf"
    pdf_path = tmp_path / download.suggested_filename
    download.save_as(pdf_path)
    text = " ".join(p.extract_text() or "" for p in PdfReader(pdf_path).pages)
    flat = " ".join(text.split())
    assert "Quotidiani e quotidiani online" in flat and "1.664.811" in flat
    assert "Genova aderisce" not in flat  # rejected: in no report
    assert "Latina, il progetto LgNet2" in flat
    assert not [p for p in page.problems if "Content Security Policy" in p or "Refused" in p], page.problems
