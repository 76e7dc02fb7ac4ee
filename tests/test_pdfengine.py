"""The PDF engine: a prestarted helper gives the same PDF as in-process rendering, and never outlives its use."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from pypdf import PdfReader

from rassegna import pdfengine

HTML = "<html><body><h1>Rassegna stampa</h1><p>LgNet2 a Caserta: 450 persone.</p></body></html>"


def _text(pdf: bytes, tmp_path) -> str:  # noqa: ANN001
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def _run(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh single-threaded interpreter (the way the CLI runs)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120, check=True
    )


def test_the_prestarted_helper_renders_the_same_document(tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "helper.pdf"
    result = _run(
        f"""
        import os
        from rassegna import pdfengine
        pdfengine.prestart()
        child = pdfengine._child.pid
        open({str(out)!r}, "wb").write(pdfengine.html_to_pdf({HTML!r}))
        print(child, os.getpid())
        """
    )
    child, parent = map(int, result.stdout.split())
    assert child != parent
    assert _text(out.read_bytes(), tmp_path) == _text(pdfengine.pdf_from_html(HTML), tmp_path)
    assert "450 persone" in _text(out.read_bytes(), tmp_path)


def test_a_dead_helper_means_the_pdf_is_made_in_process(tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "fallback.pdf"
    _run(
        f"""
        import os, signal
        from rassegna import pdfengine
        pdfengine.prestart()
        os.kill(pdfengine._child.pid, signal.SIGKILL)
        open({str(out)!r}, "wb").write(pdfengine.html_to_pdf({HTML!r}))
        """
    )
    assert "450 persone" in _text(out.read_bytes(), tmp_path)


def test_an_unused_helper_is_gone_when_the_command_ends() -> None:
    result = _run(
        """
        from rassegna import pdfengine
        pdfengine.prestart()
        print(pdfengine._child.pid)
        """
    )
    child = int(result.stdout)
    try:
        os.kill(child, 0)
    except ProcessLookupError:
        return
    raise AssertionError(f"the PDF helper {child} outlived its command")


def test_no_helper_is_forked_beside_other_threads() -> None:
    # pytest's own process (web servers, simulated web in threads) is where this matters; here one thread is enough.
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pdfengine.prestart()
        assert pdfengine._child is None
    finally:
        stop.set()
        thread.join()
