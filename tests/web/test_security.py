"""Security of the desk: CSRF on each POST, login required, viewers read only, inert payloads, rate limits."""

from __future__ import annotations

import re

import pytest
from sqlmodel import Session, func, select

from rassegna.storage.models import AuditEntry, Clipping, ClippingQuote, OutletRow
from tests.web.conftest import EDITOR, PASSWORD, VIEWER, csrf_of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore:Using `httpx`")


def editing_requests(ids: dict[str, int], outlet_id: int, quote_id: int) -> list[tuple[str, dict[str, str]]]:
    """Every POST route that changes something, with a well-formed body."""
    first, second = ids["Ilmessaggero.it"], ids["Torinoggi.it"]
    return [
        (f"/clippings/{first}/review", {"decision": "accept"}),
        (f"/clippings/{first}/review", {"decision": "reject", "note": "fuori tema"}),
        (
            f"/clippings/{first}/edit",
            {
                "title": "Nuovo titolo",
                "published": "2023-10-29",
                "city": "Roma",
                "category": "quotidiani",
                "outlet": "Ilmessaggero.it",
                "journalist": "",
            },
        ),
        (f"/clippings/{first}/quotes/{quote_id}", {"speaker": "Anna Neri", "role": ""}),
        (f"/clippings/{first}/split", {}),
        (f"/clippings/{first}/merge", {"target": str(second)}),
        (
            "/clippings/new",
            {"outlet": "ANSA", "title": "LgNet2 a Bari", "date": "2023-11-02", "text": "LgNet2"},
        ),
        ("/outlets/new", {"name": "Nuova Testata", "category": "quotidiani"}),
        (f"/outlets/{outlet_id}", {"category": "periodici", "audience": "1.000"}),
    ]


def state(engine) -> tuple:  # noqa: ANN001
    """What an editing request would change."""
    with Session(engine) as session:
        clippings = [tuple(c.model_dump().items()) for c in session.exec(select(Clipping).order_by(Clipping.id))]
        outlets = [(o.name, o.category, o.audience) for o in session.exec(select(OutletRow).order_by(OutletRow.id))]
        quotes = [tuple(q.model_dump().items()) for q in session.exec(select(ClippingQuote).order_by(ClippingQuote.id))]
        audits = session.exec(select(func.count(AuditEntry.id))).one()
    return clippings, outlets, quotes, audits


def _outlet_id(engine) -> int:  # noqa: ANN001
    with Session(engine) as session:
        return session.exec(select(OutletRow.id).where(OutletRow.name == "Ilmessaggero.it")).one()


def _quote_id(engine) -> int:  # noqa: ANN001
    with Session(engine) as session:
        return session.exec(select(ClippingQuote.id)).one()


def test_every_post_route_is_covered(seeded, engine) -> None:  # noqa: ANN001
    """The list above names every POST route of the application (a new route must be added to it)."""
    from rassegna.web.routes import router

    covered = {
        re.sub(r"/\d+", "/{id}", path) for path, _ in editing_requests(seeded, _outlet_id(engine), _quote_id(engine))
    }
    posts = {
        re.sub(r"\{[a-z_]+\}", "{id}", route.path)
        for route in router.routes
        if "POST" in getattr(route, "methods", set())
    }
    assert posts - covered == {"/login", "/logout", "/reports"}


def test_editing_refused_without_csrf_token(editor_client, seeded, engine) -> None:  # noqa: ANN001
    before = state(engine)
    for path, data in editing_requests(seeded, _outlet_id(engine), _quote_id(engine)):
        assert editor_client.post(path, data=data).status_code == 403, path
        wrong = editor_client.post(path, data={**data, "csrf_token": "x" * 43})
        assert wrong.status_code == 403, path
    assert state(engine) == before


def test_csrf_token_of_another_session_is_refused(client_factory, seeded, engine) -> None:  # noqa: ANN001
    mine, theirs = client_factory(EDITOR), client_factory(EDITOR)
    token = csrf_of(theirs.get("/inbox").text)
    before = state(engine)
    for path, data in editing_requests(seeded, _outlet_id(engine), _quote_id(engine)):
        assert mine.post(path, data={**data, "csrf_token": token}).status_code == 403, path
    assert state(engine) == before


def test_editing_refused_to_anonymous(client_factory, seeded, engine) -> None:  # noqa: ANN001
    anonymous = client_factory()
    token = csrf_of(anonymous.get("/login").text)  # a valid token of an anonymous session
    before = state(engine)
    for path, data in editing_requests(seeded, _outlet_id(engine), _quote_id(engine)):
        assert anonymous.post(path, data=data).status_code == 403, path
        assert anonymous.post(path, data={**data, "csrf_token": token}).status_code == 401, path
    assert state(engine) == before


def test_pages_need_a_login(client_factory, seeded) -> None:  # noqa: ANN001
    anonymous = client_factory()
    for path in ("/inbox", f"/clippings/{seeded['ANSA']}", "/outlets", "/dashboard", "/search?q=x", "/audit"):
        response = anonymous.get(path)
        assert response.status_code == 303 and response.headers["location"].startswith("/login?next="), path


def test_viewer_reads_but_cannot_edit(viewer_client, seeded, engine) -> None:  # noqa: ANN001
    inbox = viewer_client.get("/inbox")
    assert inbox.status_code == 200 and "/review" not in inbox.text
    token = csrf_of(inbox.text)
    before = state(engine)
    for path, data in editing_requests(seeded, _outlet_id(engine), _quote_id(engine)):
        assert viewer_client.post(path, data={**data, "csrf_token": token}).status_code == 403, path
    assert viewer_client.get("/clippings/new").status_code == 403
    assert state(engine) == before


def test_script_payloads_are_inert_on_every_page(editor_client, seeded, engine) -> None:  # noqa: ANN001
    xss = seeded["Gazzetta di Parma"]
    token = csrf_of(editor_client.get("/inbox").text)
    # Put payloads into the city, the journalist, the audit trail and a manual clipping as well.
    edit = {
        "title": '<svg onload=alert("t")>LgNet2 titolo',
        "published": "2023-11-15",
        "city": "<img src=x onerror=alert(3)>",
        "category": "quotidiani",
        "outlet": "Gazzetta di Parma",
        "journalist": "<script>alert(4)</script>",
        "csrf_token": token,
    }
    assert editor_client.post(f"/clippings/{xss}/edit", data=edit).status_code == 303
    rejected = {"decision": "reject", "note": "<script>alert(5)</script>", "csrf_token": token}
    assert editor_client.post(f"/clippings/{seeded['ANSA']}/review", data=rejected).status_code == 303
    pages = [
        "/inbox",
        "/inbox?status=all",
        "/inbox?status=rejected",
        f"/clippings/{xss}",
        f"/clippings/{seeded['ANSA']}",
        "/search?q=LgNet2",
        "/search?q=pwned",
        "/search?q=document",
        "/audit",
        "/outlets",
        "/dashboard?start=2023-10-01&end=2023-12-31",
        "/inbox?campaign=<script>alert(6)</script>",
    ]
    for path in pages:
        response = editor_client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert "<script" not in html.lower(), path
        assert not re.search(r"<(img|svg)[^>]*on(error|load)=", html, re.IGNORECASE), path
        assert "default-src 'self'" in response.headers["content-security-policy"]
    detail = editor_client.get(f"/clippings/{xss}").text
    assert "&lt;script&gt;document.title" in detail and "&lt;img src=x onerror" in detail


def test_security_headers_and_cookie_flags(client_factory) -> None:  # noqa: ANN001
    client = client_factory()
    response = client.get("/login")
    headers = response.headers
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    cookie = headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert client.get("/static/app.css").headers["x-content-type-options"] == "nosniff"


def test_login_then_logout_ends_the_session(client_factory) -> None:  # noqa: ANN001
    client = client_factory(EDITOR)
    stolen = client.cookies.get("rassegna_session")
    assert client.get("/inbox").status_code == 200
    assert client.post("/logout", data={"csrf_token": csrf_of(client.get("/inbox").text)}).status_code == 303
    assert client.get("/inbox").status_code == 303
    replay = client_factory()
    replay.cookies.set("rassegna_session", stolen)
    assert replay.get("/inbox").status_code == 303  # a copy of the old cookie is dead too


def test_forged_cookie_is_anonymous(client_factory) -> None:  # noqa: ANN001
    client = client_factory()
    client.cookies.set("rassegna_session", '{"u": 1, "e": 0, "c": "x"}.forged.signature')
    assert client.get("/inbox").status_code == 303


def test_no_open_redirect_after_login(client_factory) -> None:  # noqa: ANN001
    client = client_factory()
    token = csrf_of(client.get("/login").text)
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = client.post(
            "/login", data={"username": EDITOR, "password": PASSWORD, "next": target, "csrf_token": token}
        )
        assert response.headers["location"] == "/inbox"
        token = csrf_of(client.get("/inbox").text)


def test_login_is_rate_limited(client_factory) -> None:  # noqa: ANN001
    client = client_factory()
    token = csrf_of(client.get("/login").text)
    for _ in range(5):
        wrong = client.post("/login", data={"username": VIEWER, "password": "sbagliata!!", "csrf_token": token})
        assert wrong.status_code == 401
    # The sixth try is refused even with the right password, and with the name in other capitals.
    for name in (VIEWER, VIEWER.upper()):
        limited = client.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": token})
        assert limited.status_code == 429 and "Troppi tentativi" in limited.text
    # Another account from the same address is not locked out.
    other = client.post("/login", data={"username": EDITOR, "password": PASSWORD, "csrf_token": token})
    assert other.status_code == 303


def test_rate_limit_is_per_address(engine, seeded) -> None:  # noqa: ANN001
    from rassegna.web.auth import authenticate

    for _ in range(5):
        assert authenticate(engine, VIEWER, "wrong-password", "10.0.0.1").user is None
    assert authenticate(engine, VIEWER, PASSWORD, "10.0.0.1").limited
    assert authenticate(engine, VIEWER, PASSWORD, "10.0.0.2").user is not None


def test_report_download_needs_login_and_csrf(client_factory) -> None:  # noqa: ANN001
    body = {"campaign": "LgNet2", "start": "2023-10-01", "end": "2023-12-31", "fmt": "html"}
    anonymous = client_factory()
    token = csrf_of(anonymous.get("/login").text)
    assert anonymous.post("/reports", data={**body, "csrf_token": token}).status_code == 401
    viewer = client_factory(VIEWER)
    assert viewer.post("/reports", data=body).status_code == 403


def test_login_csrf_is_checked(client_factory) -> None:  # noqa: ANN001
    client = client_factory()
    client.get("/login")
    assert client.post("/login", data={"username": EDITOR, "password": PASSWORD}).status_code == 403


def test_passwords_are_argon2_hashed(engine, seeded) -> None:  # noqa: ANN001
    from rassegna.web.models import WebUser

    with Session(engine) as session:
        hashes = list(session.exec(select(WebUser.password_hash)))
    assert hashes and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)
