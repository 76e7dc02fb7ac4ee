"""Fixtures every test package shares: databases, the shared reference folder, the bundled settings."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).with_name("fixtures")
PG_ADMIN_URL = os.environ.get("RASSEGNA_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def shared_dir() -> Path | None:
    """The project's ../shared folder (or $RASSEGNA_SHARED), when this checkout has one."""
    candidate = Path(os.environ.get("RASSEGNA_SHARED", REPO.parent / "shared"))
    return candidate if candidate.is_dir() else None


@pytest.fixture
def shared() -> Path:
    """../shared, or skip: a plain clone has no shared folder."""
    folder = shared_dir()
    if folder is None:
        pytest.skip("../shared is absent (plain clone): reference material not available")
    return folder


@pytest.fixture
def reference_csv() -> Path:
    """The 60 reference clippings (a copy ships in tests/fixtures)."""
    return FIXTURES / "clippings-lgnet2-2023.csv"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file."""
    return f"sqlite:///{tmp_path / 'rassegna.db'}"


def _postgres_admin():
    try:
        import psycopg

        return psycopg.connect(
            PG_ADMIN_URL.replace("postgresql+psycopg", "postgresql"), autocommit=True, connect_timeout=3
        )
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        pytest.skip(f"no PostgreSQL server answers at {PG_ADMIN_URL} ({type(exc).__name__}: {exc})")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database on 127.0.0.1:5432, dropped afterwards; skips where no server answers."""
    admin = _postgres_admin()
    name = f"rassegna_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        from rassegna.storage.db import engine_for

        engine_for.cache_clear()
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test using it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rassegna.db'}"
    else:
        yield request.getfixturevalue("postgres_url")


@pytest.fixture
def settings():
    """The bundled default configuration."""
    from rassegna.config import load_settings

    return load_settings()
