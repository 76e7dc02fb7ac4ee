"""The desk under bad input: huge ids, dates out of range, NUL characters, weak passwords; manual clippings analysed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from rassegna.storage.models import Clipping, OutletRow
from tests.web.conftest import EDITOR, PASSWORD, csrf_of, seed

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

HUGE = "99999999999999999999"


@pytest.fixture
def any_engine(db_url: str) -> Iterator[Engine]:
    """A migrated database: SQLite, then PostgreSQL."""
    from rassegna.storage.db import create_db_engine

    engine = create_db_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def any_client(any_engine: Engine, web_settings):  # noqa: ANN001, ANN201
    """An editor's client of the desk over ``any_engine``, seeded."""
    from fastapi.testclient import TestClient

    from rassegna.web.app import create_app
    from rassegna.web.auth import add_user

    seed(any_engine)
    add_user(any_engine, EDITOR, PASSWORD, "editor")
    client = TestClient(create_app(web_settings, any_engine, analyse_manual=False), follow_redirects=False)
    page = client.get("/login")
    response = client.post("/login", data={"username": EDITOR, "password": PASSWORD, "csrf_token": csrf_of(page.text)})
    assert response.status_code == 303
    with client:
        yield client


# --- Security 6: values no database can hold ---------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [f"/clippings/{HUGE}", f"/outlets/{HUGE}", f"/audit?entity=clipping&entity_id={HUGE}", "/clippings/0"],
)
def test_ids_beyond_any_row_are_not_found(any_client, path: str) -> None:  # noqa: ANN001
    response = any_client.get(path)
    assert response.status_code == 404, response.text[:300]
    assert "non trovat" in response.text or "Nessuna voce" in response.text


def test_posting_to_a_huge_id_is_not_found(any_client) -> None:  # noqa: ANN001
    csrf = csrf_of(any_client.get("/inbox").text)
    for action in ("review", "split", "edit", "merge"):
        response = any_client.post(
            f"/clippings/{HUGE}/{action}", data={"csrf_token": csrf, "decision": "accept", "target": "1"}
        )
        assert response.status_code == 404, (action, response.text[:300])
    first = any_client.get("/inbox").text
    clipping_id = int(first.split('id="clipping-', 1)[1].split('"', 1)[0])
    response = any_client.post(f"/clippings/{clipping_id}/merge", data={"csrf_token": csrf, "target": HUGE})
    assert response.status_code == 303  # "no such clipping" as a message, not a crash


@pytest.mark.parametrize("end", ["9999-12-31", "0001-01-01"])
def test_dates_out_of_range_on_the_dashboard_and_reports_are_refused(any_client, end: str) -> None:  # noqa: ANN001
    response = any_client.get(f"/dashboard?end={end}")
    assert response.status_code == 400
    assert "fuori intervallo" in response.text and end in response.text
    csrf = csrf_of(any_client.get("/inbox").text)
    for fmt in ("json", "md"):
        response = any_client.post(
            "/reports",
            data={"csrf_token": csrf, "campaign": "LgNet2", "start": "2023-10-01", "end": end, "fmt": fmt},
        )
        assert response.status_code == 400, response.text[:300]
        assert "fuori intervallo" in response.text


# --- Security 4: NUL characters ------------------------------------------------------------------------------


def test_nul_in_login_search_and_forms_never_breaks_the_desk(any_client, any_engine: Engine) -> None:  # noqa: ANN001
    from fastapi.testclient import TestClient

    anonymous = TestClient(any_client.app, follow_redirects=False)
    page = anonymous.get("/login")
    response = anonymous.post(
        "/login", data={"username": "admin\x00", "password": "x\x00y", "csrf_token": csrf_of(page.text)}
    )
    assert response.status_code == 401, response.text[:300]
    assert "non corretti" in response.text

    response = any_client.get("/search", params={"q": "LgNet2\x00 Latina"})
    assert response.status_code == 200 and "Latina" in response.text
    assert any_client.get("/outlets", params={"q": "Gen\x00ova"}).status_code == 200

    csrf = csrf_of(any_client.get("/inbox").text)
    response = any_client.post(
        "/clippings/new",
        data={
            "csrf_token": csrf,
            "outlet": "Radio\x00 Nul",
            "category": "radio_tv",
            "title": "LgNet2 in \x00onda",
            "date": "2023-11-02",
            "text": "Il progetto LgNet2\x00 a Torino.",
            "journalist": "Anna\x00 Rossi",
        },
    )
    assert response.status_code == 303, response.text[:500]
    with Session(any_engine) as session:
        clipping = session.exec(select(Clipping).where(Clipping.title == "LgNet2 in onda")).one()
        assert clipping.text == "Il progetto LgNet2 a Torino." and clipping.journalist == "Anna Rossi"
        assert session.get(OutletRow, clipping.outlet_id).name == "Radio Nul"
    page = any_client.get(response.headers["location"])
    assert page.status_code == 200 and "\x00" not in page.text


# --- Security 7: passwords -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        (" " * 10, "blank"),
        ("\t \u00a0" * 5, "blank"),
        ("password123", "common"),
        ("QwertyUiop", "common"),
        ("  1234567890  ", "common"),
        ("aaaaaaaaaaaa", "repeated"),
        ("corta", "at least"),
    ],
)
def test_weak_passwords_are_refused(engine: Engine, password: str, reason: str) -> None:
    from rassegna.web.auth import AccountError, add_user

    with pytest.raises(AccountError, match=reason):
        add_user(engine, "nuovo", password, "viewer")


def test_users_commands_refuse_blank_and_common_passwords(sqlite_url: str, tmp_path) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from rassegna.app.cli import app

    runner = CliRunner()
    base = ["--db", sqlite_url, "users"]
    result = runner.invoke(app, [*base, "add", "anna", "--role", "editor", "--password-stdin"], input=" " * 12 + "\n")
    assert result.exit_code == 1 and "blank" in result.output, result.output
    result = runner.invoke(app, [*base, "add", "anna", "--password-stdin"], input="password1234\n")
    assert result.exit_code == 1 and "common" in result.output, result.output
    result = runner.invoke(app, [*base, "add", "anna", "--password-stdin"], input="lunga e buona 42\n")
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, [*base, "passwd", "anna", "--password-stdin"], input="\u3000" * 12 + "\n")
    assert result.exit_code == 1 and "blank" in result.output, result.output
