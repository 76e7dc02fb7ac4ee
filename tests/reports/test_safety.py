"""Crawled text is untrusted: nothing from a source becomes markup, a script, a style or a fetch."""

from __future__ import annotations

import io
import re

import pytest

from rassegna.reports import render
from rassegna.reports.formatting import safe_url

from .helpers import report_of, view

HOSTILE_TITLE = 'LgNet2 <script>alert("t")</script> <img src=x onerror="alert(1)"> [x](javascript:alert(2))'
HOSTILE_TEXT = (
    'Apertura <iframe src="http://127.0.0.1:9/evil"></iframe> con LgNet2.\n\n'
    "<style>body{display:none}</style><script>document.write('x')</script>\n\n"
    '<a href="javascript:alert(3)">clicca</a> <svg onload=alert(4)></svg> **bold** # titolo\n\n'
    '- lista | tabella <img src="http://127.0.0.1:9/pixel.png">'
)


@pytest.fixture(scope="module")
def hostile():  # noqa: ANN201
    """A report whose clippings carry script, img, iframe, style and javascript: links."""
    return report_of(
        [
            view(1, title=HOSTILE_TITLE, text=HOSTILE_TEXT, url="javascript:alert(5)",
                 outlet="<b>Evil</b> news",
                 journalist="<script>x</script> Rossi", city="Torino"),
            view(2, title="Secondo", text=HOSTILE_TEXT, url="data:text/html,<script>alert(6)</script>"),
            view(3, title="Terzo", text="", url="http://example.org/ok?a=1&b=2"),
            view(4, title="Quarto", text="", url="http://example.org/x?a=<2>"),
        ]
    )  # fmt: skip


def test_html_is_inert(hostile) -> None:  # noqa: ANN001
    from lxml import html as lxml_html

    raw = render(hostile, "html").decode()
    page = lxml_html.fromstring(raw)
    assert not page.xpath("//script | //iframe | //img | //object | //embed | //link | //body//style")
    assert not page.xpath("//svg[@onload] | //*[@onerror] | //*[@onload]")
    for element in page.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src", "xlink:href"):
                assert value.startswith(("#", "http://", "https://")), value
                assert not value.startswith(("http://127.0.0.1:9",)), value
    assert "javascript:" not in " ".join(a.get("href", "") for a in page.xpath("//a"))
    text = page.text_content()
    assert '<script>alert("t")</script>' in text  # shown as text, inert
    assert "<b>Evil</b> news" in text
    # escape first, then highlight: the keyword is marked, the markup around it is not
    assert page.xpath("//mark[text()='LgNet2']")
    assert "<mark>LgNet2</mark> &lt;script&gt;" in raw


def test_markdown_is_inert(hostile) -> None:  # noqa: ANN001
    text = render(hostile, "md").decode()
    for bad in ("<script", "<iframe", "<img", "<style", "<svg", "<a ", "](javascript"):
        assert bad not in text, bad
    assert not re.search(r"(?<!\\)\(javascript:", text)
    assert "&lt;script&gt;" in text
    assert "\\[x\\]\\(javascript:alert\\(2\\)\\)" in text  # a would-be link stays escaped text
    assert not re.search(r"\]\((?!https?://)", text)  # every real link target is http(s)
    assert "\\- lista \\| tabella" in text


def test_pdf_is_inert(hostile) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    pdf = render(hostile, "pdf")
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/OpenAction" not in root and "/AA" not in root
    assert "/JavaScript" not in (root.get("/Names") or {})
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert action.get("/S") in (None, "/URI", "/GoTo"), action
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    assert uris and all(u.startswith(("http://", "https://")) for u in uris), uris
    text = "".join(p.extract_text() for p in reader.pages)
    assert "<script>" in text  # printed as text


def test_pdf_fetches_nothing() -> None:
    from rassegna.pdfengine import RemoteFetchRefused, data_only_fetcher

    fetcher = data_only_fetcher()
    for url in ("http://127.0.0.1:9/x.png", "https://example.org/a.css", "file:///etc/passwd", "ftp://x/y"):
        with pytest.raises(RemoteFetchRefused):
            (fetcher.fetch if hasattr(fetcher, "fetch") else fetcher)(url)
    response = (fetcher.fetch if hasattr(fetcher, "fetch") else fetcher)("data:text/plain,ok")
    assert response is not None


def test_pdf_of_html_with_remote_resources_makes_no_request() -> None:
    import http.server
    import threading

    from weasyprint import HTML

    from rassegna.pdfengine import data_only_fetcher

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        page = f'<link rel=stylesheet href="{base}/a.css"><img src="{base}/b.png"><p style="background:url({base}/c)">x'
        HTML(string=page, url_fetcher=data_only_fetcher(), base_url=None).write_pdf()
    finally:
        server.shutdown()
    assert hits == []


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.torinoggi.it/2023/10/17/x.html", True),
        ("http://example.org/a?b=1&c=2", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("//evil.example/x", False),
        ("http://exa mple.org", False),
        ('http://example.org/"onmouseover="x', False),
        ("file:///etc/passwd", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) == ok


def test_xlsx_never_holds_formulas() -> None:
    from openpyxl import load_workbook

    from .helpers import report_of as make

    data = make([view(1, title='=HYPERLINK("http://evil","x")', outlet="+cmd|' /C calc'!A0", text="\x07bell")])
    book = load_workbook(io.BytesIO(render(data, "xlsx")))
    sheet = book["Quotidiani e quotidiani online"]
    assert sheet.cell(2, 1).data_type == "s" and sheet.cell(2, 3).data_type == "s"
    assert sheet.cell(2, 3).value.startswith("=HYPERLINK")
