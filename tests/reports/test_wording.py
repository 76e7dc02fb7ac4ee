"""What a reader of the reference review sees: agreement of numbers, n.d., dated tables, a cover for the client."""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from rassegna.config import ConfigError, load_settings
from rassegna.reports import render
from rassegna.reports.model import cover_for, logo_data_uri
from tests.reports.helpers import report_of, view


def _png(path: Path, width: int = 60, height: int = 20) -> Path:
    """A small real PNG (solid blue)."""
    raw = b"".join(b"\x00" + bytes([31, 93, 153]) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )
    return path


def test_numbers_agree_with_their_nouns_and_unknown_audience_reads_nd(reference_report) -> None:  # noqa: ANN001
    from lxml import html as lxml_html

    html = render(reference_report, "html").decode()
    markdown = render(reference_report, "md").decode()
    for text in (html, markdown):
        assert not re.search(r"(?<![\d.])1 uscite", text)
        assert "1 uscita" in text  # Periodici and Radio/TV have one clipping each
    page = lxml_html.fromstring(html)
    for table in page.xpath("//table[contains(@class, 'clippings')]"):
        for row in table.xpath("tbody/tr[not(@class)]"):
            cells = [c.text_content().strip() for c in row.xpath("td")]
            assert cells[1], "an audience cell is never blank"
            assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", cells[3]), cells  # the year is always there
    assert "n.d." in page.xpath("//table[@data-category='agenzie']")[0].text_content()


def test_no_placeholder_noise_for_clippings_without_text_or_survey(reference_report) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    html = render(reference_report, "html").decode()
    markdown = render(reference_report, "md").decode()
    pdf = PdfReader(io.BytesIO(render(reference_report, "pdf")))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    for body in (html, markdown, text):
        assert "non indicata" not in body
        assert "Testo non disponibile" not in body
    assert "60 uscite sono registrate senza testo" in text
    assert len(pdf.pages) <= 14  # was 20 with a placeholder per clipping
    # Without text in the review, a table's title links to the article itself.
    hand = report_of([view(1, text="", url="https://example.org/wire"), view(2)])
    html = render(hand, "html").decode()
    assert '<a href="https://example.org/wire">Titolo 1 LgNet2</a>' in html and '<a href="#c-2">' in html
    assert "[Titolo 1 LgNet2](https://example.org/wire)" in render(hand, "md").decode()


def test_the_cover_carries_the_clients_name_and_logo(reference_report, tmp_path: Path) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    cover = cover_for("Fondazione  Cittalia – ANCI", _png(tmp_path / "logo.png"))
    assert cover.client_name == "Fondazione Cittalia – ANCI" and cover.logo_uri.startswith("data:image/png;base64,")
    data = replace(reference_report, cover=cover)
    html = render(data, "html").decode()
    assert re.search(r'<img class="client-logo" src="data:image/png;base64,[A-Za-z0-9+/=]+"', html)
    assert '<p class="client-name">Fondazione Cittalia – ANCI</p>' in html
    first = PdfReader(io.BytesIO(render(data, "pdf"))).pages[0]
    assert "Fondazione Cittalia – ANCI" in first.extract_text()
    assert len(first.images) == 1  # the logo, embedded (the report fetches nothing)
    assert render(data, "md").decode().startswith("**Fondazione Cittalia – ANCI**")


def test_a_bad_logo_is_a_clear_config_error(tmp_path: Path) -> None:
    base = (Path(load_settings.__code__.co_filename).parent / "default.yaml").read_text(encoding="utf-8")
    base = base.replace("outlets_file: outlets.yaml", "")
    (tmp_path / "fake.png").write_text("<svg onload=alert(1)>", encoding="utf-8")
    _png(tmp_path / "ok.png")
    for logo, message in (("missing.png", "no such file"), ("fake.png", "is not a PNG or JPEG image")):
        config = tmp_path / "config.yaml"
        config.write_text(base + f"report:\n  client_name: Cittalia\n  logo: {logo}\n", encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            load_settings(config)
        assert message in str(caught.value) and "report.logo" in str(caught.value)
        assert f"line {base.count(chr(10)) + 3}" in str(caught.value)
    config.write_text(base + "report:\n  logo: ok.png\n", encoding="utf-8")
    settings = load_settings(config)
    assert settings.report.logo == str((tmp_path / "ok.png").resolve())
    assert logo_data_uri(settings.report.logo).startswith("data:image/png;base64,")
    with pytest.raises(ValueError, match="not a PNG or JPEG"):
        logo_data_uri(tmp_path / "fake.png")
