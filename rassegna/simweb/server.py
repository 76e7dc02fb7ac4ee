"""A threaded HTTP server on 127.0.0.1 serving declared sites by hostname, directly or as a forward proxy.

Point a client at it with ``http_proxy=http://127.0.0.1:PORT``: plain-HTTP proxy requests arrive as
``GET http://host/path`` and are routed by host, so hostnames like ``www.torinoggi.test`` need no DNS.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

Behaviour = str  # "" | "slow" | "flaky" | "throttle" | "redirect" | "oversized"
FIXED_LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


@dataclass
class Resource:
    """One URL of a site: what it returns and how it misbehaves.

    ``behaviour``: ``slow`` waits ``delay`` seconds before answering; ``flaky`` answers 503 to the first
    ``failures`` requests; ``throttle`` answers 429 + ``Retry-After: retry_after`` to the first ``failures``;
    ``redirect`` sends ``status`` (301/302) to ``location``; ``oversized`` streams ``size`` bytes.
    """

    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    behaviour: Behaviour = ""
    delay: float = 0.0
    failures: int = 1
    retry_after: int = 1
    location: str = ""
    size: int = 0
    conditional: bool = True  # answer 304 to matching If-None-Match / If-Modified-Since
    headers: dict[str, str] = field(default_factory=dict)

    def payload(self) -> bytes:
        """The body as bytes (str bodies are encoded as the content type's charset, else UTF-8)."""
        if isinstance(self.body, bytes):
            return self.body
        charset = "utf-8"
        if "charset=" in self.content_type:
            charset = self.content_type.split("charset=", 1)[1].split(";")[0].strip() or "utf-8"
        return self.body.encode(charset, errors="replace")


@dataclass
class Site:
    """A website: a host (``www.`` and bare forms both answer) and its resources by path (query included)."""

    host: str
    resources: dict[str, Resource] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    bare: bool = True  # False: only www.HOST answers (the bare host is unknown, as on some real sites)

    def add(self, path: str, resource: Resource | str | bytes, **kwargs: object) -> Resource:
        """Declare ``path``; plain bodies become HTML resources."""
        if not isinstance(resource, Resource):
            resource = Resource(body=resource, **kwargs)  # type: ignore[arg-type]
        self.resources[path] = resource
        return resource

    def hosts(self) -> Iterable[str]:
        """Every host name this site answers to."""
        bare = self.host.removeprefix("www.")
        names = [self.host, bare, "www." + bare] if self.bare else [self.host, "www." + bare]
        yield from dict.fromkeys([*names, *self.aliases])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the default logging
        return

    def do_CONNECT(self) -> None:  # noqa: N802 - BaseHTTPRequestHandler's naming
        """https through the proxy: the simulated web speaks no TLS, so every https address fails (logged)."""
        web = self.server.web
        host = self.path.rsplit(":", 1)[0].lower()
        with web.lock:
            web.log.append((host, "CONNECT " + self.path, self.headers.get("User-Agent", "")))
        self.close_connection = True
        self._send(502, b"no TLS in the simulated web", "text/plain")

    def do_GET(self) -> None:  # noqa: N802 - BaseHTTPRequestHandler's naming
        """Route by host (proxy form or Host header) and answer."""
        web = self.server.web
        if self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            host, path = (parts.hostname or "").lower(), parts.path or "/"
            if parts.query:
                path += "?" + parts.query
        else:
            host = (self.headers.get("Host") or "").split(":")[0].lower()
            path = self.path
        key = f"{host}{path}"
        with web.lock:
            web.requests[key] += 1
            web.log.append((host, path, self.headers.get("User-Agent", "")))
            hits = web.requests[key]
        site = web.hosts.get(host)
        resource = site.resources.get(path) if site else None
        if resource is None and site is not None and "?" in path:
            resource = site.resources.get(path.split("?", 1)[0])
        if resource is None:
            self._send(404, b"<html><body><h1>404 Non trovato</h1></body></html>", "text/html; charset=utf-8")
            return
        with web.lock:  # requests in flight per host: what politeness across workers must bound
            web.inflight[host] += 1
            web.peak[host] = max(web.peak[host], web.inflight[host])
            web.timeline.append((time.monotonic(), host, path))
        try:
            self._serve(resource, hits)
        finally:
            with web.lock:
                web.inflight[host] -= 1

    def _serve(self, resource: Resource, hits: int) -> None:
        behaviour = resource.behaviour
        if behaviour == "slow":
            time.sleep(min(resource.delay, 30.0))
        if behaviour == "flaky" and hits <= resource.failures:
            self._send(503, b"<html><body>Servizio non disponibile</body></html>", "text/html")
            return
        if behaviour == "throttle" and hits <= resource.failures:
            self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": str(resource.retry_after)})
            return
        if behaviour == "redirect":
            self._send(resource.status, b"", "text/html", {"Location": resource.location})
            return
        if behaviour == "oversized":
            self._send_stream(resource)
            return
        body = resource.payload()
        headers = dict(resource.headers)
        if resource.conditional and resource.status == 200:
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            headers.setdefault("ETag", etag)
            headers.setdefault("Last-Modified", FIXED_LAST_MODIFIED)
            if self._not_modified(headers["ETag"], headers["Last-Modified"]):
                self._send(304, b"", None, {"ETag": headers["ETag"], "Last-Modified": headers["Last-Modified"]})
                return
        self._send(resource.status, body, resource.content_type, headers)

    def _not_modified(self, etag: str, last_modified: str) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in [m.strip() for m in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return parsedate_to_datetime(since) >= parsedate_to_datetime(last_modified)
            except (TypeError, ValueError):
                return False
        return False

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send_stream(self, resource: Resource) -> None:
        chunk = b"<p>" + b"x" * 65_530 + b"</p>\n"
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()  # no Content-Length: the client only learns the size by reading
            self.close_connection = True
            sent = 0
            while sent < resource.size:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    web: SimWeb


class SimWeb:
    """The simulated web: ``with SimWeb(sites) as web:`` serves them on ``web.proxy_url`` in the block."""

    def __init__(self, sites: Iterable[Site] = ()):
        self.hosts: dict[str, Site] = {}
        self.requests: Counter[str] = Counter()
        self.log: list[tuple[str, str, str]] = []
        self.inflight: Counter[str] = Counter()
        self.peak: Counter[str] = Counter()  # most requests a host had in flight at once
        self.timeline: list[tuple[float, str, str]] = []  # (monotonic time, host, path) of each served request
        self.lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        for site in sites:
            self.add_site(site)

    def add_site(self, site: Site) -> Site:
        """Serve ``site`` (under all its host names)."""
        for host in site.hosts():
            self.hosts[host.lower()] = site
        return site

    @property
    def port(self) -> int:
        """The port the server listens on (after start)."""
        assert self._server is not None, "SimWeb not started"
        return self._server.server_address[1]

    @property
    def proxy_url(self) -> str:
        """The value for ``http_proxy`` / ``HTTP_PROXY``."""
        return f"http://127.0.0.1:{self.port}"

    def proxy_env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """An environment routing plain HTTP through this server, without a ``no_proxy`` to bypass it."""
        env = {k: v for k, v in (base or {}).items() if k.lower() not in ("no_proxy", "http_proxy", "https_proxy")}
        # https goes through it too (and fails there, see do_CONNECT): nothing leaves 127.0.0.1.
        env.update(
            http_proxy=self.proxy_url,
            HTTP_PROXY=self.proxy_url,
            https_proxy=self.proxy_url,
            HTTPS_PROXY=self.proxy_url,
        )
        return env

    def start(self) -> SimWeb:
        """Listen on a free port of 127.0.0.1 in a daemon thread."""
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.web = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SimWeb:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def hits(self, host: str, path: str) -> int:
        """How many requests ``host`` + ``path`` received."""
        with self.lock:
            return self.requests[f"{host}{path}"]

    def requested(self, predicate: Callable[[str, str], bool] | None = None) -> list[tuple[str, str]]:
        """Every (host, path) requested so far, optionally filtered."""
        with self.lock:
            return [(h, p) for h, p, _ in self.log if predicate is None or predicate(h, p)]

    def reset_counts(self) -> None:
        """Forget the requests counted so far."""
        with self.lock:
            self.requests.clear()
            self.log.clear()
            self.peak.clear()
            self.timeline.clear()
