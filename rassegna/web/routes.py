"""Pages of the review desk: login, inbox, clipping, registry, dashboard, search, audit trail."""

from __future__ import annotations

import re
import secrets
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.exceptions import HTTPException
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from rassegna.config import CATEGORIES, Campaign, Outlet
from rassegna.reports.formats import format_spec
from rassegna.storage import desk
from rassegna.storage.db import read_session, session_scope
from rassegna.storage.models import OutletRow
from rassegna.storage.queries import Selection
from rassegna.storage.repository import found_sources
from rassegna.web import review
from rassegna.web.app import NotAuthenticated, WebConfig
from rassegna.web.auth import WebSession, authenticate, csrf_matches
from rassegna.web.models import WebUser

router = APIRouter()
REPORT_FORMATS = {name: format_spec(name) for name in ("pdf", "html", "xlsx", "md", "json")}  # the desk's order


# --- plumbing ------------------------------------------------------------------------------------------


def web(request: Request) -> WebConfig:
    """The application's configuration."""
    return request.app.state.web


def read_db(request: Request) -> Iterator[Session]:
    """The page's read session: a snapshot that never takes SQLite's write lock; closed once the page is made."""
    with read_session(web(request).engine) as session:
        yield session


def write_db(request: Request) -> Iterator[Session]:
    """The request's write transaction: committed once the page is made, rolled back when it fails.

    SQLite's write lock is taken at the first statement, not before: a refused form holds it only while the
    page says why. A handler that catches an error after writing rolls back itself (``session.rollback()``)."""
    with session_scope(web(request).engine) as session:
        yield session


# scope="function": the session closes (and commits) before the response is sent, so a redirect never reaches
# the browser before the change it reports is visible, and a failed commit still becomes an error page.
ReadDb = Annotated[Session, Depends(read_db, scope="function")]
WriteDb = Annotated[Session, Depends(write_db, scope="function")]


def optional_user(request: Request) -> WebUser | None:
    """The logged-in user, or None (no session, disabled account, session older than a logout)."""
    web_session: WebSession = request.state.session
    if web_session.user_id is None:
        return None
    # Its own short read, not the page's session: a request never holds two connections at once.
    with read_session(web(request).engine) as session:
        user = session.get(WebUser, web_session.user_id)
    if user is None or not user.active or user.session_epoch != web_session.epoch:
        return None
    return user


def viewer(user: Annotated[WebUser | None, Depends(optional_user)]) -> WebUser:
    """Any logged-in user (editors and viewers)."""
    if user is None:
        raise NotAuthenticated()
    return user


def editor(user: Annotated[WebUser, Depends(viewer)]) -> WebUser:
    """A logged-in editor; viewers get 403."""
    if user.role != "editor":
        raise HTTPException(403, "Solo i redattori possono modificare: il tuo account è in sola lettura.")
    return user


async def check_csrf(request: Request) -> None:
    """Every POST carries the session's CSRF token in the ``csrf_token`` field, or is refused with 403."""
    form = await request.form()
    if not csrf_matches(request.state.session.csrf, form.get("csrf_token")):  # type: ignore[arg-type]
        raise HTTPException(403, "Modulo scaduto o non valido (token CSRF): ricarica la pagina e riprova.")


Viewer = Annotated[WebUser, Depends(viewer)]
Editor = Annotated[WebUser, Depends(editor)]
CSRF = [Depends(check_csrf)]


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page from a template, with the CSRF token and any pending message."""
    web_session: WebSession = request.state.session
    flash = web_session.flash
    if flash:
        web_session.flash = None
        request.state.session_dirty = True
    context = {"csrf": web_session.csrf, "flash": flash, "settings": web(request).settings, **context}
    return web(request).templates.TemplateResponse(request, name, context, status_code=status)


def flash(request: Request, message: str) -> None:
    """A message for the next page."""
    request.state.session.flash = message
    request.state.session_dirty = True


def safe_next(target: str | None, default: str) -> str:
    """A local path to go back to (never another site)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


def redirect(target: str) -> RedirectResponse:
    """303 See Other: after a POST, the browser GETs the page."""
    return RedirectResponse(target, status_code=303)


ID_MAX = 2**63 - 1  # the largest id a database row can have (BIGINT, SQLite INTEGER)
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)  # dates the desk accepts in a period


def row_id(value: int | None, message: str = "Pagina non trovata.") -> int:
    """``value`` when it can be a row id; 404 otherwise (a number no database can hold is no row)."""
    if value is None or not 1 <= value <= ID_MAX:
        raise HTTPException(404, message)
    return value


def _day(value: str, name: str) -> date:
    """A date of a period from a form or query; 400 naming the field when malformed or out of range."""
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(400, f"Data {name} {value[:20]!r} non valida: usa il formato AAAA-MM-GG.") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise HTTPException(
            400,
            f"Data {name} {day.isoformat()} fuori intervallo: usa date fra il {FIRST_DAY.year} e il {LAST_DAY.year}.",
        )
    return day


def _form(values: Any) -> dict[str, str]:
    return {k: v for k, v in values.items() if isinstance(v, str) and k != "csrf_token"}


# --- login ---------------------------------------------------------------------------------------------


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    """The inbox is the desk's front page."""
    return redirect("/inbox")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, user: Annotated[WebUser | None, Depends(optional_user)], next: str = "") -> Response:
    """The login form."""
    if user is not None:
        return redirect(safe_next(next, "/inbox"))
    return render(request, "login.html", {"user": None, "next": next, "error": None, "username": ""})


@router.post("/login", dependencies=CSRF)
def login(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Check the password (5 failures per username and address in 15 minutes, then a pause)."""
    ip = request.client.host if request.client else "unknown"
    result = authenticate(web(request).engine, username, password, ip)
    if result.user is None:
        error, status = (
            ("Troppi tentativi non riusciti: riprova fra 15 minuti.", 429)
            if result.limited
            else ("Nome utente o password non corretti.", 401)
        )
        context = {"user": None, "next": next, "error": error, "username": username}
        return render(request, "login.html", context, status)
    # A new session on login: a fresh CSRF token, nothing carried over from before.
    request.state.session = WebSession(result.user.id, result.user.session_epoch, secrets.token_urlsafe(32))
    request.state.session_dirty = True
    return redirect(safe_next(next, "/inbox"))


@router.post("/logout", dependencies=CSRF)
def logout(request: Request, user: Annotated[WebUser | None, Depends(optional_user)], db: WriteDb) -> Response:
    """End the session, and every other session of the user (a copied cookie stops working too)."""
    row = db.get(WebUser, user.id) if user is not None else None
    if row is not None:
        row.session_epoch += 1
        db.add(row)
    request.state.session = WebSession.anonymous()
    request.state.session_dirty = True
    return redirect("/login")


# --- inbox and clippings ----------------------------------------------------------------------------------


@router.get("/inbox", response_class=HTMLResponse)
def inbox_page(
    request: Request,
    user: Viewer,
    db: ReadDb,
    status: str = "new",
    campaign: str = "",
    page: int = 1,
    to_check: bool = False,
) -> Response:
    """Clippings waiting for review (or accepted, rejected, all), newest first, with keyword snippets; ``to_check``:
    only those with a city or speaker the NLP flagged."""
    status = status if status in (*review.STATUSES, "all") else "new"
    page = max(1, min(page, 10_000))
    partners = [city for c in web(request).settings.campaigns for city in c.partner_cities]
    items, total = review.inbox(
        db, status=status, campaign=campaign or None, page=page, partner_cities=partners, to_check=to_check
    )
    counts = desk.review_status_counts(db)
    pages = max(1, -(-total // review.PAGE_SIZE))
    back = str(request.url.path) + (f"?{request.url.query}" if request.url.query else "")
    context = {
        "user": user,
        "items": items,
        "total": total,
        "status": status,
        "campaign": campaign,
        "to_check": to_check,
        "page": page,
        "pages": pages,
        "counts": counts,
        "back": back,
        "campaigns": [c.name for c in web(request).settings.campaigns],
    }
    return render(request, "inbox.html", context)


@router.post("/clippings/{clipping_id}/review", dependencies=CSRF)
def review_clipping(
    request: Request,
    clipping_id: int,
    user: Editor,
    db: WriteDb,
    decision: Annotated[str, Form(max_length=20)],
    note: Annotated[str, Form(max_length=2000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Accept, reject (with the reason) or reopen a clipping."""
    clipping_id = row_id(clipping_id, "Articolo non trovato.")
    status = {"accept": "accepted", "reject": "rejected", "reopen": "new"}.get(decision)
    if status is None:
        raise HTTPException(400, "Decisione sconosciuta.")
    try:
        title = review.set_review(db, clipping_id, user.username, status, note).title
    except LookupError:
        raise HTTPException(404, "Articolo non trovato.") from None
    except review.ReviewError as exc:
        flash(request, "Non salvato: " + "; ".join(exc.errors.values()))
    else:
        verb = {"accepted": "accettato", "rejected": "scartato", "new": "rimesso in revisione"}[status]
        flash(request, f"«{title[:80]}» {verb}.")
    return redirect(safe_next(next, "/inbox"))


def _clipping_context(session: Session, request: Request, clipping_id: int) -> dict[str, Any]:
    try:
        clipping = review.get_clipping(session, clipping_id)
    except LookupError:
        raise HTTPException(404, "Articolo non trovato.") from None
    outlet = session.get(OutletRow, clipping.outlet_id)
    campaigns = desk.campaign_links(session, [clipping_id]).get(clipping_id, [])
    places = desk.clipping_places(session, clipping_id)
    partners = (c for camp in web(request).settings.campaigns for c in camp.partner_cities)
    return {
        "clipping": clipping,
        "outlet": outlet,
        "links": campaigns,
        "members": desk.story_members(session, clipping),
        "quotes": desk.clipping_quotes(session, clipping_id),
        "history": desk.audit_entries(session, entity="clipping", entity_id=clipping_id),
        "outlet_names": desk.outlet_names(session),
        "places": places,
        # the city field's suggestions: the places the article names first (where a flagged city is wrong, the right
        # comune is among them 161 times in 228 on corpus batches 15-24), then the partner cities
        "city_choices": list(dict.fromkeys([*places, *partners])),
        "errors": {},
        "values": {
            "title": clipping.title,
            "published": clipping.published.isoformat() if clipping.published else "",
            "city": clipping.city or "",
            "category": clipping.category,
            "journalist": clipping.journalist or "",
            "outlet": outlet.name if outlet else "",
        },
    }


@router.get("/clippings/new", response_class=HTMLResponse)
def new_clipping_page(request: Request, user: Editor, db: ReadDb) -> Response:
    """The form for a manual clipping (agency wire, TV/radio, social post, print)."""
    context = {
        "user": user,
        "values": {},
        "errors": {},
        "outlet_names": desk.outlet_names(db),
        "campaigns": [c.name for c in web(request).settings.campaigns],
    }
    return render(request, "clipping_new.html", context)


@router.post("/clippings/new", dependencies=CSRF)
async def new_clipping(request: Request, user: Editor, db: WriteDb) -> Response:
    """Store a manual clipping, validated like a row of `rassegna import`."""
    values = _form(await request.form())
    return await _run_sync(_store_manual, request, user, db, values)


async def _run_sync(function: Any, *args: Any) -> Any:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(function, *args)


def _store_manual(request: Request, user: WebUser, db: Session, values: dict[str, str]) -> Response:
    config = web(request)
    try:
        clipping = review.add_manual_clipping(db, config.settings, user.username, values, analyse=config.analyse_manual)
    except review.ReviewError as exc:
        db.rollback()  # a clipping already stored may have gained a campaign before the refusal
        context = {
            "user": user,
            "values": values,
            "errors": exc.errors,
            "outlet_names": desk.outlet_names(db),
            "campaigns": [c.name for c in config.settings.campaigns],
        }
        return render(request, "clipping_new.html", context, 422)
    flash(request, "Articolo aggiunto e accettato.")
    return redirect(f"/clippings/{clipping.id}")


@router.get("/clippings/{clipping_id}", response_class=HTMLResponse)
def clipping_page(request: Request, clipping_id: int, user: Viewer, db: ReadDb) -> Response:
    """One clipping: its text, the correction form, its story and its audit trail."""
    context = _clipping_context(db, request, row_id(clipping_id, "Articolo non trovato."))
    return render(request, "clipping.html", {"user": user, **context})


@router.post("/clippings/{clipping_id}/edit", dependencies=CSRF)
async def edit_clipping(request: Request, clipping_id: int, user: Editor, db: WriteDb) -> Response:
    """Correct city, category, outlet, journalist, title and date."""
    clipping_id = row_id(clipping_id, "Articolo non trovato.")
    values = _form(await request.form())
    return await _run_sync(_edit, request, clipping_id, user, db, values)


def _edit(request: Request, clipping_id: int, user: WebUser, db: Session, values: dict[str, str]) -> Response:
    try:
        review.edit_clipping(db, clipping_id, user.username, values)
    except LookupError:
        raise HTTPException(404, "Articolo non trovato.") from None
    except review.ReviewError as exc:
        db.rollback()
        context = _clipping_context(db, request, clipping_id)
        context.update(errors=exc.errors, values=values)
        return render(request, "clipping.html", {"user": user, **context}, 422)
    flash(request, "Correzioni salvate.")
    return redirect(safe_next(values.get("next"), f"/clippings/{clipping_id}"))


@router.post("/clippings/{clipping_id}/quotes/{quote_id}", dependencies=CSRF)
async def edit_quote(request: Request, clipping_id: int, quote_id: int, user: Editor, db: WriteDb) -> Response:
    """Correct a quote's speaker and role."""
    clipping_id = row_id(clipping_id, "Articolo non trovato.")
    quote_id = row_id(quote_id, "Citazione non trovata.")
    values = _form(await request.form())
    return await _run_sync(_edit_quote, request, clipping_id, quote_id, user, db, values)


def _edit_quote(
    request: Request, clipping_id: int, quote_id: int, user: WebUser, db: Session, values: dict[str, str]
) -> Response:
    try:
        review.edit_quote(db, clipping_id, quote_id, user.username, values)
    except LookupError:
        raise HTTPException(404, "Citazione non trovata.") from None
    flash(request, "Citazione corretta.")
    return redirect(f"/clippings/{clipping_id}#quote-{quote_id}")


@router.post("/clippings/{clipping_id}/split", dependencies=CSRF)
def split_story(request: Request, clipping_id: int, user: Editor, db: WriteDb) -> Response:
    """Take the clipping out of its story."""
    clipping_id = row_id(clipping_id, "Articolo non trovato.")
    try:
        review.split_story(db, clipping_id, user.username)
    except LookupError:
        raise HTTPException(404, "Articolo non trovato.") from None
    flash(request, "L'articolo ora è una notizia a sé.")
    return redirect(f"/clippings/{clipping_id}")


@router.post("/clippings/{clipping_id}/merge", dependencies=CSRF)
def merge_story(
    request: Request, clipping_id: int, user: Editor, db: WriteDb, target: Annotated[str, Form(max_length=20)] = ""
) -> Response:
    """Join the clipping's story with the story of another clipping (by its number)."""
    clipping_id = row_id(clipping_id, "Articolo non trovato.")
    try:
        target_id = int(target.strip().lstrip("#"))
        if not 1 <= target_id <= ID_MAX:
            raise ValueError(target)
    except ValueError:
        flash(request, "Indica il numero dell'articolo con cui unire la notizia.")
        return redirect(f"/clippings/{clipping_id}")
    try:
        review.merge_story(db, clipping_id, target_id, user.username)
    except LookupError:
        raise HTTPException(404, "Articolo non trovato.") from None
    except review.ReviewError as exc:
        flash(request, "Non unito: " + "; ".join(exc.errors.values()))
    else:
        flash(request, f"Notizia unita a quella dell'articolo n. {target_id}.")
    return redirect(f"/clippings/{clipping_id}")


# --- registry ------------------------------------------------------------------------------------------


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request, user: Viewer, db: ReadDb, q: str = "", category: str = "") -> Response:
    """The outlet registry, outlets to classify first."""
    from rassegna.storage.repository import list_outlets

    rows = [
        r
        for r in list_outlets(db)
        if (not q or q.casefold() in r.name.casefold()) and (not category or r.category == category)
    ]
    counts = desk.clipping_counts_by_outlet(db)
    context = {
        "user": user,
        "outlets": rows,
        "q": q,
        "category": category,
        "counts": counts,
        "to_classify": sum(r.to_classify for r in rows),
    }
    return render(request, "outlets.html", context)


FORM_FIELDS = {"audience_date": "audience_month"}  # outlet field -> the form's input, where they differ


def _outlet_values(row: OutletRow) -> dict[str, str]:
    """The outlet form's fields, filled with the stored outlet."""
    from rassegna.config.outlet_edit import typed_values
    from rassegna.storage.repository import outlet_row_to_config

    return {FORM_FIELDS.get(k, k): v for k, v in typed_values(outlet_row_to_config(row)).items()}


def _outlet_page(
    request: Request,
    db: Session,
    user: WebUser,
    row: OutletRow | None,
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response:
    outlet_id = row.id if row is not None else None
    context = {
        "user": user,
        "outlet": row,
        "values": values,
        "errors": errors,
        "figures": desk.audience_history(db, outlet_id) if outlet_id else [],
        "history": desk.audit_entries(db, entity="outlet", entity_id=outlet_id) if outlet_id else [],
        "found_sources": found_sources(db).get(outlet_id, []) if outlet_id else [],
    }
    return render(request, "outlet.html", context, status)


@router.get("/outlets/new", response_class=HTMLResponse)
def new_outlet_page(request: Request, user: Editor, db: ReadDb) -> Response:
    """The form for a new outlet."""
    return _outlet_page(request, db, user, None, {"text_policy": ""}, {})


@router.get("/outlets/{outlet_id}", response_class=HTMLResponse)
def outlet_page(request: Request, outlet_id: int, user: Viewer, db: ReadDb) -> Response:
    """One outlet: its category, audience with source and month, domains and feeds; its audience history."""
    row = db.get(OutletRow, row_id(outlet_id, "Testata non trovata."))
    if row is None:
        raise HTTPException(404, "Testata non trovata.")
    return _outlet_page(request, db, user, row, _outlet_values(row), {})


def _outlet_from_form(row: OutletRow | None, name: str, values: dict[str, str]) -> Outlet:
    """The outlet the form describes (every field sent; a new outlet when ``row`` is None); ReviewError."""
    from rassegna.config.models import OUTLET_FIELDS
    from rassegna.config.outlet_edit import OutletEditError, edit_outlet
    from rassegna.storage.repository import outlet_row_to_config

    changes = {field: values.get(FORM_FIELDS.get(field, field), "") for field in OUTLET_FIELDS - {"name"}}
    try:
        return edit_outlet(outlet_row_to_config(row) if row else None, name, changes)
    except OutletEditError as exc:
        raise review.ReviewError({FORM_FIELDS.get(k, k): v for k, v in exc.errors.items()}) from None


@router.post("/outlets/new", dependencies=CSRF)
async def new_outlet(request: Request, user: Editor, db: WriteDb) -> Response:
    """Add an outlet to the registry."""
    values = _form(await request.form())
    return await _run_sync(_save_outlet, request, db, user, None, values)


@router.post("/outlets/{outlet_id}", dependencies=CSRF)
async def edit_outlet(request: Request, outlet_id: int, user: Editor, db: WriteDb) -> Response:
    """Update an outlet; an audience change is kept in its history with source and month."""
    outlet_id = row_id(outlet_id, "Testata non trovata.")
    values = _form(await request.form())
    return await _run_sync(_save_outlet, request, db, user, outlet_id, values)


def _save_outlet(
    request: Request, db: Session, user: WebUser, outlet_id: int | None, values: dict[str, str]
) -> Response:
    from rassegna.storage.repository import find_outlet, outlet_row_to_config, upsert_outlet

    row: OutletRow | None = None
    try:
        if outlet_id is not None:
            row = db.get(OutletRow, outlet_id)
            if row is None:
                raise HTTPException(404, "Testata non trovata.")
            name = row.name
        else:
            name = values.get("name", "").strip()
            if not name:
                raise review.ReviewError({"name": "il nome è obbligatorio"})
            if find_outlet(db, name) is not None:
                raise review.ReviewError({"name": f"la testata {name!r} è già nel registro"})
        outlet = _outlet_from_form(row, name, values)
    except review.ReviewError as exc:
        return _outlet_page(request, db, user, row, values, exc.errors, 422)
    before = outlet_row_to_config(row).model_dump(mode="json") if row else None
    was_to_classify = row.to_classify if row else False
    saved = upsert_outlet(db, outlet)
    after = outlet_row_to_config(saved).model_dump(mode="json")
    if before is not None:
        changed = [k for k in after if before.get(k) != after.get(k)]
        old = {k: before[k] for k in changed} | ({"to_classify": True} if was_to_classify else {})
        new = {k: after[k] for k in changed} | ({"to_classify": False} if was_to_classify else {})
    else:
        old, new = None, after
    if new:
        review.audit(db, user.username, "edit" if before else "create", "outlet", saved.id, old, new)
    flash(request, f"Testata «{name}» salvata.")
    return redirect(f"/outlets/{saved.id}")


# --- dashboard and reports ------------------------------------------------------------------------------


def _campaign(request: Request, name: str) -> Campaign:
    settings = web(request).settings
    if not settings.campaigns:
        raise HTTPException(404, "Nessuna campagna nella configurazione.")
    if not name:
        return settings.campaigns[0]
    try:
        return settings.campaign(name)
    except KeyError:
        raise HTTPException(404, f"Nessuna campagna {name!r}.") from None


def _period(session: Session, campaign: Campaign, start: str, end: str) -> tuple[date, date]:
    end_date = _day(end, "finale") if end else None
    start_date = _day(start, "iniziale") if start else None
    if end_date is None:
        end_date = desk.latest_publication(session, campaign.name) or date.today()
    if start_date is None:
        start_date = max(end_date - timedelta(days=89), FIRST_DAY)
    if end_date < start_date:
        raise HTTPException(400, "La data finale precede quella iniziale.")
    return start_date, end_date


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(
    request: Request,
    user: Viewer,
    db: ReadDb,
    campaign: str = "",
    start: str = "",
    end: str = "",
    include_unreviewed: str = "",
) -> Response:
    """Summary by category, partner-city coverage, timeline and crawl health for a campaign and period."""
    from rassegna.storage.workers import run_workers as workers_of_runs
    from rassegna.web.dashboard import build_dashboard

    settings = web(request).settings
    chosen = _campaign(request, campaign)
    start_date, end_date = _period(db, chosen, start, end)
    selection = Selection(chosen.name, start_date, end_date, settings.review_required, bool(include_unreviewed))
    board = build_dashboard(db, chosen, selection)
    run_workers = workers_of_runs(db, [r.id for r in board.runs])  # distributed runs: one line per worker
    context = {
        "user": user,
        "board": board,
        "run_workers": run_workers,
        "campaign": chosen,
        "start": start_date,
        "end": end_date,
        "include_unreviewed": bool(include_unreviewed),
        "campaigns": [c.name for c in settings.campaigns],
        "formats": list(REPORT_FORMATS),
    }
    return render(request, "dashboard.html", context)


@router.post("/reports", dependencies=CSRF)
def download_report(
    request: Request,
    user: Viewer,
    campaign: Annotated[str, Form(max_length=200)],
    start: Annotated[str, Form(max_length=10)],
    end: Annotated[str, Form(max_length=10)],
    fmt: Annotated[str, Form(max_length=10)] = "pdf",
    include_unreviewed: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    """Generate the press review of the period and send it as a download."""
    from rassegna.app.pipeline import ReportRequest, write_campaign_report

    config = web(request)
    chosen = _campaign(request, campaign)
    if fmt not in REPORT_FORMATS:
        raise HTTPException(400, f"Formato sconosciuto: usa {', '.join(REPORT_FORMATS)}.")
    start_date, end_date = _day(start, "iniziale"), _day(end, "finale")
    if end_date < start_date:
        raise HTTPException(400, "La data finale precede quella iniziale.")
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", chosen.name).strip("-") or "rassegna"
    filename = f"rassegna-{slug}-{start_date}-{end_date}{REPORT_FORMATS[fmt].extension}"
    with tempfile.TemporaryDirectory(prefix="rassegna-web-") as folder:
        job = ReportRequest(chosen, start_date, end_date, fmt, Path(folder) / filename, bool(include_unreviewed))
        written = write_campaign_report(config.engine, config.settings, job)
        content = Path(written).read_bytes()
    return Response(
        content,
        media_type=REPORT_FORMATS[fmt].media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


# --- search and audit ----------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, user: Viewer, db: ReadDb, q: str = "") -> Response:
    """Full-text search over clippings' titles and texts."""
    from rassegna.storage.search import search_clippings

    q = q[:300]
    hits = search_clippings(db, q) if q.strip() else []
    return render(request, "search.html", {"user": user, "q": q, "hits": hits})


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, user: Viewer, db: ReadDb, entity: str = "", entity_id: int | None = None) -> Response:
    """The latest changes made on the desk."""
    if entity_id is not None:
        entity_id = row_id(entity_id, "Nessuna voce del registro con questo numero.")
    entries = desk.audit_entries(db, entity=entity or None, entity_id=entity_id, limit=300)
    return render(request, "audit.html", {"user": user, "entries": entries, "categories": CATEGORIES})
