"""Accounts and sessions: argon2 password hashes, signed session cookies, CSRF tokens, login rate limiting."""

from __future__ import annotations

import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import Engine, delete, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from rassegna.storage.db import session_scope
from rassegna.storage.models import utcnow
from rassegna.web.models import ROLES, LoginAttempt, WebSecret, WebUser

SESSION_COOKIE = "rassegna_session"
SESSION_MAX_AGE = 12 * 3600  # seconds
MIN_PASSWORD = 10
MAX_FAILURES = 5  # per username and client address ...
FAILURE_WINDOW = timedelta(minutes=15)  # ... in this window
MAX_FAILURES_PER_IP = 30  # any username, same window: slows down password spraying

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password, only for constant-time refusals")


class AccountError(ValueError):
    """A user cannot be created or changed (bad role, short password, existing name)."""


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    return _hasher.hash(password)


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of the commonest passwords, lower case."""
    text = (Path(__file__).with_name("data") / "common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def check_password(password: str) -> None:
    """AccountError when a password is too weak to accept: blank, short, or one of the commonest."""
    if not password.strip():
        raise AccountError("the password must not be blank or only spaces")
    if "\x00" in password:
        raise AccountError("the password must not contain NUL characters")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    if len(set(password)) < 3:
        raise AccountError("the password must not be one or two characters repeated")
    if password.strip().casefold() in common_passwords():
        raise AccountError("the password is one of the most common passwords: choose another")


def add_user(engine: Engine, username: str, password: str, role: str) -> WebUser:
    """Create an account; AccountError when the name is taken, the role unknown or the password short."""
    username = username.strip()
    if not username or len(username) > 100 or any(c.isspace() for c in username):
        raise AccountError("the username must be 1-100 characters without spaces")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; use {' or '.join(ROLES)}")
    check_password(password)
    try:
        with session_scope(engine) as session:
            if find_user(session, username) is not None:
                raise AccountError(f"a user named {username!r} already exists")
            user = WebUser(username=username, password_hash=hash_password(password), role=role)
            session.add(user)
    except IntegrityError as exc:
        raise AccountError(f"a user named {username!r} already exists") from exc
    return user


def set_password(engine: Engine, username: str, password: str) -> None:
    """Change a password; every open session of the user ends."""
    check_password(password)
    with session_scope(engine) as session:
        user = find_user(session, username)
        if user is None:
            raise AccountError(f"no user named {username!r}")
        user.password_hash = hash_password(password)
        user.session_epoch += 1
        session.add(user)


def find_user(session: Session, username: str) -> WebUser | None:
    """The account called ``username`` (case-insensitive)."""
    return session.exec(select(WebUser).where(func.lower(WebUser.username) == username.strip().lower())).first()


# --- login ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginResult:
    """The outcome of a login attempt: the user, or why not."""

    user: WebUser | None
    limited: bool = False


def recent_failures(session: Session, username: str, ip: str) -> tuple[int, int]:
    """Failed attempts in the window: for this username from this address, and from this address overall."""
    since = utcnow() - FAILURE_WINDOW
    base = select(func.count(col(LoginAttempt.id))).where(
        col(LoginAttempt.success).is_(False), col(LoginAttempt.at) >= since
    )
    per_key = session.exec(base.where(LoginAttempt.username == username.lower(), LoginAttempt.ip == ip)).one()
    per_ip = session.exec(base.where(LoginAttempt.ip == ip)).one()
    return per_key, per_ip


def authenticate(engine: Engine, username: str, password: str, ip: str) -> LoginResult:
    """Check a login, recording the attempt; refuses without checking once the address is over the limit."""
    key = username.strip().lower()[:100]
    with session_scope(engine) as session:
        per_key, per_ip = recent_failures(session, key, ip)
        if per_key >= MAX_FAILURES or per_ip >= MAX_FAILURES_PER_IP:
            return LoginResult(None, limited=True)
        user = find_user(session, key)
        ok = False
        try:
            ok = _hasher.verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None
        except (VerificationError, InvalidHashError):
            ok = False
        ok = ok and user is not None and user.active
        session.add(LoginAttempt(username=key, ip=ip[:100], success=ok))
        if not ok or user is None:
            return LoginResult(None)
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.last_login_at = utcnow()
        session.add(user)
        session.exec(
            delete(LoginAttempt).where(
                col(LoginAttempt.username) == key, col(LoginAttempt.ip) == ip, ~col(LoginAttempt.success)
            )
        )
        session.exec(delete(LoginAttempt).where(col(LoginAttempt.at) < utcnow() - timedelta(days=30)))
        return LoginResult(user)


# --- sessions ------------------------------------------------------------------------------------------


def session_secret(engine: Engine) -> str:
    """$RASSEGNA_SECRET_KEY, else a random key kept in the database (shared by workers, kept on restart)."""
    configured = os.environ.get("RASSEGNA_SECRET_KEY")
    if configured:
        return configured
    with Session(engine) as session:  # read first: starting the desk takes no write lock once the key exists
        row = session.get(WebSecret, "session")
        if row is not None:
            return row.value
    with session_scope(engine) as session:
        row = session.get(WebSecret, "session")
        if row is None:
            row = WebSecret(name="session", value=secrets.token_urlsafe(48))
            session.add(row)
        return row.value


@dataclass(slots=True)
class WebSession:
    """What the session cookie carries: the user (None: anonymous), their session epoch and the CSRF token."""

    user_id: int | None
    epoch: int
    csrf: str
    flash: str | None = None  # a one-off message for the next page

    @classmethod
    def anonymous(cls) -> WebSession:
        """A fresh session with no user and a new CSRF token."""
        return cls(None, 0, secrets.token_urlsafe(32))


class SessionCodec:
    """Signs and reads session cookies (itsdangerous, time-limited)."""

    def __init__(self, secret: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="rassegna.web.session")

    def dumps(self, web_session: WebSession) -> str:
        """The cookie value for a session."""
        data = {"u": web_session.user_id, "e": web_session.epoch, "c": web_session.csrf}
        if web_session.flash:
            data["f"] = web_session.flash[:300]
        return self._serializer.dumps(data)

    def loads(self, value: str | None) -> WebSession | None:
        """The session a cookie carries, or None when it is missing, forged or expired."""
        if not value:
            return None
        try:
            data = self._serializer.loads(value, max_age=SESSION_MAX_AGE)
            user_id = data["u"] if isinstance(data["u"], int) else None
            return WebSession(user_id, int(data["e"]), str(data["c"]), data.get("f"))
        except (BadSignature, KeyError, TypeError, ValueError):
            return None


def csrf_matches(expected: str, given: str | None) -> bool:
    """Constant-time comparison of the session's CSRF token with the one a form sent."""
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())
