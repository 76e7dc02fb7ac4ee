"""The review rule end to end: rejected clippings never reach a report; review_required keeps only accepted ones."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from sqlmodel import select
from typer.testing import CliRunner

from rassegna.app.cli import app
from rassegna.storage.db import engine_for, session_scope
from rassegna.storage.models import Clipping

runner = CliRunner()
PERIOD = ["--campaign", "LgNet2", "--from", "2023-10-01", "--to", "2023-12-31"]


def rassegna(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def reviewed_db(tmp_path: Path, reference_csv: Path) -> str:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    rassegna("--db", url, "import", str(reference_csv), "--no-nlp")
    with session_scope(engine_for(url)) as session:
        clippings = session.exec(select(Clipping).order_by(Clipping.id)).all()
        for clipping in clippings[:50]:
            clipping.review_status = "accepted"
        clippings[50].review_status = "rejected"  # 9 stay new
    return url


def config(tmp_path: Path, review_required: bool) -> str:
    from rassegna.config.loader import DEFAULT_CONFIG

    path = tmp_path / f"review-{review_required}.yaml"
    text = DEFAULT_CONFIG.read_text(encoding="utf-8").replace(
        "review_required: false", f"review_required: {str(review_required).lower()}"
    )
    path.write_text(
        text.replace("outlets_file: outlets.yaml", f"outlets_file: {DEFAULT_CONFIG.parent / 'outlets.yaml'}"),
        encoding="utf-8",
    )
    return str(path)


def json_report(tmp_path: Path, url: str, cfg: str, *extra: str) -> dict:
    out = tmp_path / f"r{len(list(tmp_path.iterdir()))}.json"
    rassegna("--config", cfg, "--db", url, "report", *PERIOD, "--format", "json", "--output", str(out), *extra)
    return json.loads(out.read_text(encoding="utf-8"))


def test_rejected_clippings_leave_every_report(tmp_path, reference_csv):
    url = reviewed_db(tmp_path, reference_csv)
    report = json_report(tmp_path, url, config(tmp_path, False))
    assert report["totals"]["count"] == 59
    assert all(c["reviewed"] for c in report["clippings"])


def test_review_required_keeps_accepted_and_marks_the_unreviewed_on_request(tmp_path, reference_csv):
    url = reviewed_db(tmp_path, reference_csv)
    cfg = config(tmp_path, True)
    assert json_report(tmp_path, url, cfg)["totals"]["count"] == 50
    everything = json_report(tmp_path, url, cfg, "--include-unreviewed")
    assert everything["totals"]["count"] == 59
    assert sum(not c["reviewed"] for c in everything["clippings"]) == 9

    html = tmp_path / "r.html"
    md = tmp_path / "r.md"
    xlsx = tmp_path / "r.xlsx"
    for path in (html, md, xlsx):
        fmt = path.suffix.lstrip(".")
        rassegna("--config", cfg, "--db", url, "report", *PERIOD, "--format", fmt, "--output", str(path),
                 "--include-unreviewed")  # fmt: skip
    page = html.read_text(encoding="utf-8")
    assert page.count('class="tag unreviewed"') == 9  # in the clippings tables (the imported rows have no text)
    assert "9 uscite non ancora revisionate" in page
    assert md.read_text(encoding="utf-8").count("(non revisionato)") == 9
    cells = [c.value for sheet in load_workbook(xlsx).worksheets for row in sheet.iter_rows() for c in row]
    assert sum(isinstance(v, str) and v.endswith("[non revisionato]") for v in cells) == 9
