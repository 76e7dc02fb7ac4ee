"""HTML to PDF with WeasyPrint, fetching nothing but data: URIs; optionally in a helper process forked early.

Importing WeasyPrint (cffi reading Pango's declarations) costs about half a second of CPU before any layout.
``rassegna report --format pdf`` calls ``prestart()`` first thing: the child imports the PDF renderer on the
second core while the parent loads the configuration and reads the database, then lays out the HTML it is sent.
Anything wrong with the child (no fork, died, failed) and the PDF is made in-process instead: same bytes' worth.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import os
import signal
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any


class RemoteFetchRefused(ValueError):
    """WeasyPrint asked for a resource the report may not fetch (anything but a data: URI)."""


def _refuse(url: str) -> RemoteFetchRefused:
    return RemoteFetchRefused(f"rassegna reports fetch nothing: refused {url[:200]!r}")


def data_only_fetcher() -> Callable[..., Any]:
    """A WeasyPrint URL fetcher serving data: URIs only (http, https, file, ftp... are all refused)."""
    try:
        from weasyprint.urls import URLFetcher  # WeasyPrint >= 70
    except ImportError:  # pragma: no cover - WeasyPrint 62-69: fetchers are plain functions
        from weasyprint.urls import default_url_fetcher

        def fetcher(url: str, timeout: float = 10, ssl_context: object = None) -> dict:
            if not url.lower().startswith("data:"):
                raise _refuse(url)
            return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)

        return fetcher

    class DataOnlyFetcher(URLFetcher):
        """URLFetcher that refuses everything but data: URIs."""

        def fetch(self, url: str, headers: dict | None = None) -> Any:
            if not url.lower().startswith("data:"):
                raise _refuse(url)
            return super().fetch(url, headers)

    return DataOnlyFetcher(allowed_protocols=("data",), allow_redirects=False)


@contextlib.contextmanager
def _no_full_collections() -> Iterator[None]:
    """Skip the cyclic GC's full (oldest generation) passes while WeasyPrint lays out.

    Layout keeps hundreds of thousands of boxes alive, and every full pass walks all of them: with the default
    thresholds they took 40-50% of the layout time of a 1,000-clipping report. Young generations are still
    collected, so short-lived cycles are freed; the thresholds are restored (and a full pass run) afterwards.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 1_000_000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.collect()


def pdf_from_html(html: str) -> bytes:
    """WeasyPrint's PDF of ``html``, fetching nothing but data: URIs."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # refused fetches are expected, not noise
    with _no_full_collections():
        document = HTML(string=html, url_fetcher=data_only_fetcher(), base_url=None)
        return document.write_pdf()


_HEADER = struct.Struct("!Q")  # the length of what follows
_OK, _FAILED = b"+", b"-"


@dataclass
class _Child:
    pid: int
    to_child: int  # the parent writes the HTML here
    from_child: int  # and reads the PDF back here


_child: _Child | None = None


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, missing = [], size
    while missing:
        chunk = os.read(fd, min(missing, 1 << 20))
        if not chunk:
            raise EOFError("the other end closed the pipe")
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _serve(html_in: int, pdf_out: int) -> None:
    """The child's life: import the renderer, wait for one HTML document, answer with its PDF."""
    import weasyprint  # noqa: F401 - the slow import, done while the parent works

    try:
        size = _HEADER.unpack(_read_exactly(html_in, _HEADER.size))[0]
        html = _read_exactly(html_in, size).decode("utf-8")
    except EOFError:
        return  # the parent needed no PDF after all (an empty period, an error) or is gone
    try:
        status, payload = _OK, pdf_from_html(html)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which renders in-process instead
        status, payload = _FAILED, f"{type(exc).__name__}: {exc}".encode()
    _write_all(pdf_out, status + _HEADER.pack(len(payload)) + payload)


def prestart() -> None:
    """Fork the PDF helper now (POSIX, single-threaded process); else a no-op, and the PDF is made in-process."""
    global _child
    # Forking a process that runs other threads could copy a lock one of them holds (the import lock, say)
    # into a child that then waits on it for ever: only a single-threaded command prestarts.
    if _child is not None or not hasattr(os, "fork") or threading.active_count() > 1:
        return
    html_r, html_w = os.pipe()
    pdf_r, pdf_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the parent's code
        status = 0
        try:
            os.close(html_w)
            os.close(pdf_r)
            _serve(html_r, pdf_w)
        except BaseException:  # noqa: BLE001 - the parent falls back to rendering in-process
            status = 1
        finally:
            os._exit(status)
    os.close(html_r)
    os.close(pdf_w)
    _child = _Child(pid, html_w, pdf_r)
    atexit.register(abandon)  # a command that ends without a PDF (empty period, an error) leaves no child


def _take_child() -> _Child | None:
    global _child
    child, _child = _child, None
    return child


def _finish(child: _Child) -> None:
    for fd in (child.to_child, child.from_child):
        with contextlib.suppress(OSError):
            os.close(fd)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(child.pid, 0)


def html_to_pdf(html: str) -> bytes:
    """The PDF of ``html``: laid out by the prestarted helper when there is one, else in this process."""
    child = _take_child()
    if child is not None:
        try:
            data = html.encode("utf-8")
            _write_all(child.to_child, _HEADER.pack(len(data)) + data)
            status = _read_exactly(child.from_child, 1)
            payload = _read_exactly(child.from_child, _HEADER.unpack(_read_exactly(child.from_child, _HEADER.size))[0])
            if status == _OK:
                return payload
        except (OSError, EOFError):
            pass  # the helper died: do it here
        finally:
            _finish(child)
    return pdf_from_html(html)


def abandon() -> None:
    """Stop a prestarted helper that will not be needed, and reap it."""
    child = _take_child()
    if child is not None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child.pid, signal.SIGKILL)  # it may still be importing: no need to wait for that
        _finish(child)
