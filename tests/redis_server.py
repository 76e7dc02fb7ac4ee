"""The real Redis server the distributed tests share, or a skip that says why it is absent."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

REDIS_URL = os.environ.get("RASSEGNA_TEST_REDIS", "redis://127.0.0.1:6379/0")


def redis_server() -> Any:
    """A client of the test server; the calling test is skipped where no server answers at ``REDIS_URL``."""
    import redis

    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        server.ping()
    except redis.RedisError as exc:
        pytest.skip(f"no Redis server answers at {REDIS_URL} ({type(exc).__name__}: {exc})")
    return server


@contextmanager
def own_namespace(server: Any) -> Iterator[str]:
    """A key namespace of the test's own; its keys are deleted afterwards."""
    namespace = f"rassegna-test-{uuid.uuid4().hex[:10]}"
    try:
        yield namespace
    finally:
        if keys := list(server.scan_iter(match=namespace + ":*")):
            server.delete(*keys)
