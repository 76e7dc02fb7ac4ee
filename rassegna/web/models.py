"""Tables of the review desk's accounts: users, login attempts, the session secret (the audit trail: storage)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from rassegna.storage.models import utcnow

ROLES = ("editor", "viewer")


class WebUser(SQLModel, table=True):
    """A person who may log in: editors change clippings and outlets, viewers only read."""

    __tablename__ = "web_user"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=100, unique=True, index=True)
    password_hash: str = Field(sa_column=Column(Text, nullable=False))
    role: str = Field(default="viewer", max_length=20)
    active: bool = True
    session_epoch: int = 0  # bumped on password change or disable: older session cookies stop working
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None


class LoginAttempt(SQLModel, table=True):
    """One login attempt, for rate limiting by username and client address."""

    __tablename__ = "web_login_attempt"
    __table_args__ = (Index("ix_web_login_attempt_key", "username", "ip", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=100)
    ip: str = Field(max_length=100)
    at: datetime = Field(default_factory=utcnow)
    success: bool = False


class WebSecret(SQLModel, table=True):
    """A named secret (the session signing key), shared by every process serving the same database."""

    __tablename__ = "web_secret"

    name: str = Field(primary_key=True, max_length=50)
    value: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
