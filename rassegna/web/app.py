"""The review desk's FastAPI application: sessions, security headers, templates and error pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rassegna.config import Settings
from rassegna.reports.templating import environment
from rassegna.storage.search import ensure_search_index
from rassegna.web import models as _models  # noqa: F401 - registers the desk's tables
from rassegna.web.auth import SESSION_COOKIE, SESSION_MAX_AGE, SessionCodec, WebSession, session_secret

HERE = Path(__file__).parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


class StripNul:
    """ASGI middleware: NUL characters are removed from the query string and from form bodies.

    PostgreSQL refuses NUL in text and SQLite would keep it for the reports: no NUL gets past the door,
    the same on both databases. (Form bodies are URL-encoded, where NUL can only be ``%00``.)"""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        if b"%00" in query or b"\x00" in query:
            scope = {**scope, "query_string": query.replace(b"%00", b"").replace(b"\x00", b"")}
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: pass that on
                await self.app(scope, _replay([message], receive), send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if b"%00" in body or b"\x00" in body:
            body = body.replace(b"%00", b"").replace(b"\x00", b"")
            headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"content-length"]
            scope = {**scope, "headers": [*headers, (b"content-length", str(len(body)).encode())]}
        await self.app(scope, _replay([{"type": "http.request", "body": body, "more_body": False}], receive), send)


def _replay(messages: list[Message], then: Receive) -> Receive:
    """``messages`` first, then whatever the client sends next (its disconnect)."""
    pending = list(messages)

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        return await then()

    return receive


class NotAuthenticated(Exception):
    """The page needs a logged-in user."""


@dataclass
class WebConfig:
    """What the routes need: configuration, database, cookie codec, templates and options."""

    settings: Settings
    engine: Engine
    codec: SessionCodec
    templates: Jinja2Templates
    secure_cookies: bool = False
    analyse_manual: bool = True

    @property
    def timezone(self) -> ZoneInfo:
        """The configured local time zone (Europe/Rome by default)."""
        return ZoneInfo(self.settings.schedule.timezone)


def _templates(timezone: str) -> Jinja2Templates:
    """The desk's templates: rassegna's one Jinja environment, every page given the configured time zone."""
    return Jinja2Templates(env=environment(), context_processors=[lambda _request: {"timezone": timezone}])


def create_app(
    settings: Settings, engine: Engine, *, secure_cookies: bool = False, analyse_manual: bool = True
) -> FastAPI:
    """The review desk over ``engine``: log in, review the inbox, edit the registry, see the dashboard."""
    from rassegna.web.health import router as health_router
    from rassegna.web.routes import router

    ensure_search_index(engine)
    config = WebConfig(
        settings=settings,
        engine=engine,
        codec=SessionCodec(session_secret(engine)),
        templates=_templates(settings.schedule.timezone),
        secure_cookies=secure_cookies,
        analyse_manual=analyse_manual,
    )
    app = FastAPI(title="rassegna", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.web = config

    @app.middleware("http")
    async def sessions_and_headers(request: Request, call_next) -> Response:  # noqa: ANN001
        web_session = config.codec.loads(request.cookies.get(SESSION_COOKIE))
        request.state.session_dirty = web_session is None
        request.state.session = web_session or WebSession.anonymous()
        response = await call_next(request)
        if request.state.session_dirty:
            response.set_cookie(
                SESSION_COOKIE,
                config.codec.dumps(request.state.session),
                max_age=SESSION_MAX_AGE,
                httponly=True,
                samesite="lax",
                secure=config.secure_cookies,
                path="/",
            )
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(NotAuthenticated)
    async def to_login(request: Request, _exc: NotAuthenticated) -> Response:
        if request.method in ("GET", "HEAD"):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={_quote(target)}", status_code=303)
        return _error_page(config, request, 401, "Accesso richiesto", "Entra con il tuo account per continuare.")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        titles = {403: "Operazione non consentita", 404: "Pagina non trovata", 405: "Metodo non consentito"}
        return _error_page(config, request, exc.status_code, titles.get(exc.status_code, "Errore"), str(exc.detail))

    @app.exception_handler(OperationalError)
    async def database_busy(request: Request, exc: OperationalError) -> Response:
        from rassegna.storage.db import is_locked_error

        if not is_locked_error(exc):
            raise exc
        # Another process (an import, a crawl) held SQLite's write lock longer than the busy timeout.
        message = (
            "Il database è occupato da un'altra operazione (un import o una raccolta): "
            "la modifica non è stata salvata. Riprova fra qualche minuto."
        )
        return _error_page(config, request, 503, "Database occupato", message)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(StripNul)
    app.include_router(router)
    app.include_router(health_router)
    return app


def _quote(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/")


def _error_page(config: WebConfig, request: Request, status: int, title: str, message: str) -> HTMLResponse:
    return config.templates.TemplateResponse(
        request,
        "error.html",
        {"title": title, "message": message, "user": None, "csrf": request.state.session.csrf, "flash": None},
        status_code=status,
    )
