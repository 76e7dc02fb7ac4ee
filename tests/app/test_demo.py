"""`rassegna demo`: offline, it ends with an HTML and a PDF press review of the bundled sample outlets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rassegna.app.demo import build_sites, demo_config, load_demo_data


def test_demo_data_is_consistent(tmp_path: Path) -> None:
    data = load_demo_data()
    outlets = {o["name"] for o in data["outlets"]}
    assert {a["outlet"] for a in data["articles"]} <= outlets
    assert 10 <= len(data["articles"]) <= 15
    relevant = [a for a in data["articles"] if "lgnet" in " ".join(a["paragraphs"]).lower()]
    assert 0 < len(relevant) < len(data["articles"])
    sites = build_sites(data)
    assert all("/robots.txt" in s.resources for s in sites)
    config = demo_config(data, tmp_path)
    assert {o["domains"][0] for o in config["outlets"]} >= {"torinoggi.test", "latinaoggi.test"}


@pytest.mark.slow
def test_demo_end_to_end(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    output = tmp_path / "demo-output"
    argv = [sys.executable, "-c", "from rassegna.app.cli import main; main()", "demo", "--output", str(output)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    html, pdf = (output / "LgNet2-2023-10-01_2023-12-31.html"), (output / "LgNet2-2023-10-01_2023-12-31.pdf")
    assert done.stdout.split() == [str(html), str(pdf)]
    assert (output / "rassegna-demo.db").exists() and (output / "demo-config.yaml").exists()
    page = html.read_text(encoding="utf-8")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    for document in (page, text):
        # Clippings from every outlet and source kind (RSS, Atom, sitemap, home page), with quotes and figures.
        for expected in ("Torinoggi.it", "Latinaoggi.eu", "Genova24.it", "Redattore Sociale", "Paolo Rinaldi", "450"):
            assert expected in document, expected
        for unrelated in ("Black Friday", "mercatino di Natale", "Caritas"):
            assert unrelated not in document, unrelated
    # A second run starts from a fresh database (same clippings, not doubled).
    again = subprocess.run(argv, capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert again.returncode == 0 and "8 clippings" in again.stderr
