"""After importing the reference review, the desk and every report format tell the same story."""

from __future__ import annotations

import io
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rassegna.app.cli import app as cli
from rassegna.text.italian import it_date, it_number, parse_date
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


@dataclass(frozen=True)
class Figures:
    """What every view of the review must agree on: coverage by city, the timeline and the counts."""

    cities: dict[str, int]  # city → clippings (partner cities with none included)
    timeline: list[tuple[date, int]]  # (first day of the day or week, clippings) for the days or weeks with any
    total: tuple[int, str]  # clippings, and the audience as the reader sees it (Italian digits)
    categories: dict[str, int]  # category label → clippings


def _from_json(report: dict[str, Any]) -> Figures:
    return Figures(
        cities={c["city"]: c["count"] for c in report["cities"]},
        timeline=[(date.fromisoformat(p["from"]), p["count"]) for p in report["timeline"] if p["count"]],
        total=(report["totals"]["count"], it_number(report["totals"]["audience"])),
        categories={row["label"]: row["count"] for row in report["summary"]},
    )


def _from_desk(html: str, starts: list[date]) -> Figures:
    """The dashboard: its city lists, the timeline's bars (titled dd/mm: n), the KPIs and the summary table."""
    cities = re.findall(r'data-city="([^"]+)"><span>[^<]*</span><span class="n">(\d+)</span>', html)
    by_label = {start.strftime("%d/%m"): start for start in starts}
    bars = re.findall(r'class="bar"><title>(\d\d/\d\d): (\d+)</title>', html)
    kpis = re.findall(r'<span class="kpi-value">([^<]*)</span>', html)
    summary = html.split('class="grid summary"')[1].split("</table>")[0]
    rows = re.findall(r'<tr[^>]*><td>([^<]+)</td><td class="num">([\d.]+)</td>', summary)
    return Figures(
        cities={city: int(n) for city, n in cities},
        timeline=[(by_label[label], int(n)) for label, n in bars if int(n)],
        total=(int(kpis[0].replace(".", "")), kpis[1]),
        categories={label: int(n) for label, n in rows},
    )


def _from_html(page: bytes) -> Figures:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(page)

    def texts(row: Any) -> list[str]:
        return [" ".join(cell.text_content().split()) for cell in row.xpath("td|th")]

    cities = {row.get("data-city"): int(texts(row)[1]) for row in tree.xpath("//table[@class='cities']/tbody/tr")}
    timeline = [texts(row) for row in tree.xpath("//table[@class='timeline']/tbody/tr")]
    summary = [texts(row) for row in tree.xpath("//table[@id='riepilogo']/tbody/tr")]
    return Figures(
        cities=cities,
        timeline=[(parse_date(period.split(" – ")[0]), int(n)) for period, n, *_ in timeline],
        total=(int(summary[-1][1]), summary[-1][2]),
        categories={label: int(n) for label, n, *_ in summary[:-1]},
    )


def _markdown_table(markdown: str, after: str) -> list[list[str]]:
    """The body rows of the first table after the line starting with ``after`` (header and rule skipped)."""
    lines = markdown.split("\n" + after, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip().strip("*") for cell in line.strip().strip("|").split(" | ")])
    return rows


def _from_markdown(markdown: str) -> Figures:
    summary = _markdown_table(markdown, "**Numero Uscite:**")
    return Figures(
        cities={
            row[0].removesuffix(" (non partner)"): int(row[1]) for row in _markdown_table(markdown, "## Copertura")
        },
        timeline=[
            (parse_date(row[0].split(" – ")[0]), int(row[1])) for row in _markdown_table(markdown, "## Andamento")
        ],
        total=(int(summary[-1][1]), summary[-1][2]),
        categories={row[0]: int(row[1]) for row in summary[:-1]},
    )


def _from_xlsx(content: bytes) -> Figures:
    """The summary sheet: its category table, then the city and timeline tables below it."""
    from openpyxl import load_workbook

    rows = list(load_workbook(io.BytesIO(content))["Riepilogo"].iter_rows(values_only=True))

    def table(title: str) -> list[tuple[Any, ...]]:
        first = next(i for i, row in enumerate(rows) if row[0] and str(row[0]).startswith(title)) + 1
        return list(itertools.takewhile(lambda row: row[0] is not None, rows[first:]))

    summary = table("Categoria")
    total = next(row for row in rows if row[0] == "Totale")
    return Figures(
        cities={row[0]: row[1] for row in table("Copertura per città")[1:]},
        timeline=[(row[0].date(), row[2]) for row in table("Andamento nel tempo")[1:] if row[2]],
        total=(total[1], it_number(total[2])),
        categories={row[0]: row[1] for row in summary if row[0] != "Totale"},
    )


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def test_dashboard_and_every_format_agree_on_coverage_timeline_and_counts(imported, dashboard_html) -> None:  # noqa: ANN001
    report = json.loads(imported["json"])  # type: ignore[arg-type]
    expected = _from_json(report)
    partners = {c["city"] for c in report["cities"] if c["partner"]}
    # The reference review: most partner cities covered, a title naming a partner city counts for it.
    assert sum(1 for city in partners if expected.cities[city]) >= 10
    assert expected.cities["Caserta"] == 7 and expected.cities["Genova"] == 5
    assert expected.total == (60, "2.671.802") and sum(n for _, n in expected.timeline) == 60
    assert expected.categories["Quotidiani e quotidiani online"] == 20 and len(expected.categories) == 7
    assert len(expected.cities) >= len(partners) == 16 and len(expected.timeline) >= 5

    desk = _from_desk(dashboard_html, [start for start, _ in expected.timeline])
    assert desk == expected
    covered = sum(1 for city in partners if expected.cities[city])
    assert f"{covered}/{len(partners)}</span>" in dashboard_html
    assert _from_html(imported["html"]) == expected  # type: ignore[arg-type]
    assert _from_markdown(imported["md"].decode()) == expected  # type: ignore[union-attr]
    assert _from_xlsx(imported["xlsx"]) == expected  # type: ignore[arg-type]

    # The PDF, as text: the same rows in its tables (a row may continue on the next line: its start is enough).
    pdf = _pdf_text(imported["pdf"])  # type: ignore[arg-type]
    for city, count in expected.cities.items():
        assert re.search(rf"^{re.escape(city)}(?: non partner)? {count} ", pdf, re.M), city
    for start, count in expected.timeline:
        assert re.search(rf"^{re.escape(it_date(start))} – [^\n]* {count} ", pdf, re.M), start
    for label, count in expected.categories.items():
        assert re.search(rf"^{re.escape(label)} {count} ", pdf, re.M), label
    assert f"Totale {expected.total[0]} {expected.total[1]}" in pdf

    # Every format's clippings carry the city the coverage counts: the XLSX per clipping, as the JSON.
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(imported["xlsx"]))  # type: ignore[arg-type]
    by_city: Counter[str] = Counter()
    for sheet in book.worksheets[1:]:
        by_city.update(row[5] for row in sheet.iter_rows(min_row=2, values_only=True) if row[5] and row[0])
    assert {city: by_city[city] for city in expected.cities} == expected.cities

    # The inbox names the city the report gives "Trieste fra i Comuni…" (a title naming a partner city).
    inbox = dashboard_html.split("<!-- inbox -->")[1]
    item = re.search(r'<li class="card clipping[^>]*>.*?Trieste fra i Comuni.*?</li>', inbox, re.S)
    assert item, "the Trieste clipping is in the inbox"
    assert re.search(r'<span class="city ">Trieste</span>', item.group(0))
    trieste = next(c for c in report["clippings"] if c["title"].startswith("Trieste fra i Comuni"))
    assert trieste["city"] == "Trieste"
