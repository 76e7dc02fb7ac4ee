"""After importing the reference review, the desk and every report format tell the same story."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rassegna.app.cli import app as cli
from tests.web.conftest import EDITOR, PASSWORD, csrf_of

PERIOD = ("2023-10-01", "2023-12-31")
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "clippings-lgnet2-2023.csv"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """`rassegna import` of the reference CSV, then `rassegna report` in the five formats."""
    folder = tmp_path_factory.mktemp("walk")
    url = f"sqlite:///{folder / 'rassegna.db'}"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", url, "import", str(FIXTURE)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    reports: dict[str, object] = {"url": url}
    for fmt in ("json", "html", "md", "xlsx", "pdf"):
        target = folder / f"lgnet2.{fmt}"
        args = ["--db", url, "report", "--campaign", "LgNet2", "--from", PERIOD[0], "--to", PERIOD[1]]
        result = runner.invoke(cli, [*args, "--format", fmt, "--output", str(target)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        reports[fmt] = target.read_bytes()
    return reports


@pytest.fixture
def dashboard_html(imported: dict[str, object]) -> str:
    """The desk's dashboard for the same campaign and period, as an editor sees it."""
    from fastapi.testclient import TestClient

    from rassegna.config import load_settings
    from rassegna.storage.db import create_db_engine
    from rassegna.web.app import create_app
    from rassegna.web.auth import add_user

    engine = create_db_engine(str(imported["url"]))
    add_user(engine, EDITOR, PASSWORD, "editor")
    with TestClient(create_app(load_settings(), engine, analyse_manual=False), follow_redirects=False) as client:
        page = client.get("/login")
        data = {"username": EDITOR, "password": PASSWORD, "csrf_token": csrf_of(page.text)}
        assert client.post("/login", data=data).status_code == 303
        html = client.get(f"/dashboard?campaign=LgNet2&start={PERIOD[0]}&end={PERIOD[1]}").text
        inbox = client.get("/inbox?status=all").text
    engine.dispose()
    return html + "\n<!-- inbox -->\n" + inbox


def _desk_cities(html: str) -> dict[str, int]:
    return {
        city: int(n)
        for city, n in re.findall(r'data-city="([^"]+)"><span>[^<]*</span><span class="n">(\d+)</span>', html)
    }


def test_dashboard_and_every_format_agree_on_coverage_timeline_and_counts(imported, dashboard_html) -> None:  # noqa: ANN001
    from lxml import html as lxml_html
    from openpyxl import load_workbook
    from pypdf import PdfReader

    report = json.loads(imported["json"])  # type: ignore[arg-type]
    partners = {c["city"]: c["count"] for c in report["cities"] if c["partner"]}
    others = {c["city"]: c["count"] for c in report["cities"] if not c["partner"]}
    assert sum(1 for n in partners.values() if n) >= 10  # the review covers most partner cities
    assert partners["Caserta"] == 7 and partners["Genova"] == 5

    # The dashboard: same partner coverage, same other cities, same totals, same timeline.
    desk = _desk_cities(dashboard_html)
    assert {city: desk[city] for city in partners} == partners
    assert {city: n for city, n in desk.items() if city not in partners} == others
    covered = sum(1 for n in partners.values() if n)
    assert f"{covered}/{len(partners)}</span>" in dashboard_html
    kpis = re.findall(r'<span class="kpi-value">([^<]*)</span>', dashboard_html)
    assert kpis[:2] == ["60", "2.671.802"]
    desk_bars = [int(n) for n in re.findall(r'class="bar"><title>[^:]*: (\d+)</title>', dashboard_html)]
    html = lxml_html.fromstring(imported["html"])
    weeks = [int(r.xpath("td")[1].text_content()) for r in html.xpath("//table[@class='timeline']/tbody/tr")]
    assert [n for n in desk_bars if n] == weeks and sum(desk_bars) == 60

    # Every report format: the same city counts.
    rows = html.xpath("//table[@class='cities']/tbody/tr")
    assert {r.get("data-city"): int(r.xpath("td")[1].text_content()) for r in rows} == partners | others
    markdown = imported["md"].decode()  # type: ignore[union-attr]
    for city, count in partners.items():
        assert re.search(rf"^\| {city} \| {count} \|", markdown, re.M), city
    book = load_workbook(io.BytesIO(imported["xlsx"]))  # type: ignore[arg-type]
    by_city: Counter[str] = Counter()
    for sheet in book.worksheets[1:]:
        by_city.update(row[5] for row in sheet.iter_rows(min_row=2, values_only=True) if row[5] and row[0])
    assert {city: by_city[city] for city in partners} == partners
    pdf = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(imported["pdf"])).pages)
    assert "Caserta 7" in pdf and "Genova 5" in pdf and "Totale 60 2.671.802" in pdf

    # The inbox names the city the report gives "Trieste fra i Comuni…" (a title naming a partner city).
    inbox = dashboard_html.split("<!-- inbox -->")[1]
    item = re.search(r'<li class="card clipping[^>]*>.*?Trieste fra i Comuni.*?</li>', inbox, re.S)
    assert item, "the Trieste clipping is in the inbox"
    assert re.search(r'<span class="city ">Trieste</span>', item.group(0))
    trieste = next(c for c in report["clippings"] if c["title"].startswith("Trieste fra i Comuni"))
    assert trieste["city"] == "Trieste"
