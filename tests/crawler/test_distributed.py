"""Distributed crawl: a coordinator and worker processes on the real Redis and PostgreSQL, the simulated web."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from rassegna.simweb import SimWeb

from .conftest import crawl_env

REDIS_URL = os.environ.get("RASSEGNA_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_env() -> Iterator[dict[str, str]]:
    """Redis settings for one test: the real server, a namespace of the test's own (its keys deleted after)."""
    try:
        import redis

        server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        server.ping()
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        pytest.skip(f"no Redis server answers at {REDIS_URL} ({type(exc).__name__}: {exc})")
    namespace = f"rassegna-test-{uuid.uuid4().hex[:10]}"
    yield {
        "RASSEGNA_REDIS_URL": REDIS_URL,
        "RASSEGNA_REDIS_NAMESPACE": namespace,
        "RASSEGNA_LEASE_SECONDS": "4",
        "RASSEGNA_NO_NLP": "1",
    }
    keys = list(server.scan_iter(match=namespace + ":*"))
    if keys:
        server.delete(*keys)


def _pg(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def clippings(db_url: str) -> list[tuple[str, str]]:
    """(canonical URL, outlet) of every stored clipping, sorted."""
    engine = create_engine(_pg(db_url))
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT c.canonical_url, o.name FROM clipping c JOIN outlet o ON o.id = c.outlet_id ORDER BY 1")
        ).all()
    engine.dispose()
    return [tuple(map(str, r)) for r in rows]


def runs(db_url: str) -> list[tuple[str, int, int]]:
    """(outcome, pages, new clippings) of every crawl run."""
    engine = create_engine(_pg(db_url))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT outcome, pages, new_clippings FROM crawl_run ORDER BY id")).all()
    engine.dispose()
    return [tuple(r) for r in rows]


class Cluster:
    """Worker subprocesses and coordinator runs against one database, Redis namespace and simulated web."""

    def __init__(self, web: SimWeb, config: Path, db_url: str, redis_env: dict[str, str], log_dir: Path):
        self.env = {**crawl_env(web), **redis_env, "PYTHONUNBUFFERED": "1"}
        self.config, self.db_url, self.log_dir = config, db_url, log_dir
        self.workers: list[subprocess.Popen[bytes]] = []

    def base(self) -> list[str]:
        return [sys.executable, "-m", "rassegna", "--config", str(self.config), "--db", self.db_url]

    def start_workers(self, n: int) -> None:
        for i in range(len(self.workers), len(self.workers) + n):
            out = (self.log_dir / f"worker-{i}.log").open("wb")
            argv = [*self.base(), "worker", "--processes", "0"]
            self.workers.append(subprocess.Popen(argv, env=self.env, stdout=out, stderr=subprocess.STDOUT))

    def coordinate(self, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        argv = [*self.base(), "crawl", "--distributed"]
        return subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=timeout)

    def stop(self) -> list[int | None]:
        for worker in self.workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        codes = []
        for worker in self.workers:
            try:
                codes.append(worker.wait(timeout=30))
            except subprocess.TimeoutExpired:
                worker.kill()
                codes.append(None)
        return codes

    def log(self, i: int) -> str:
        return (self.log_dir / f"worker-{i}.log").read_text(errors="replace")


@pytest.fixture
def cluster(
    sample_web: SimWeb, sample_config: Path, postgres_url: str, redis_env: dict[str, str], tmp_path: Path
) -> Iterator[Cluster]:
    """Workers and coordinator on the sample web; the workers are stopped (SIGTERM) afterwards."""
    c = Cluster(sample_web, sample_config, postgres_url, redis_env, tmp_path)
    try:
        yield c
    finally:
        c.stop()


def local_clippings(run_crawl, postgres_url: str) -> list[tuple[str, str]]:  # noqa: ANN001
    """The clippings one local crawl stores in a fresh database."""
    result = run_crawl(db_url=postgres_url)
    assert result.returncode == 0, result.stderr[-2000:]
    return clippings(postgres_url)


@pytest.mark.timeout(300)
def test_three_workers_store_what_one_local_crawl_stores(cluster: Cluster, run_crawl, tmp_path: Path) -> None:  # noqa: ANN001
    import psycopg

    # the reference: a local crawl into a second database
    admin = psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True)
    ref = f"rassegna_ref_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{ref}"')
    try:
        ref_url = cluster.db_url.rsplit("/", 1)[0] + "/" + ref
        expected = local_clippings(run_crawl, ref_url)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{ref}" WITH (FORCE)')
    assert expected, "the sample web holds clippings"

    cluster.start_workers(3)
    result = cluster.coordinate()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert clippings(cluster.db_url) == expected
    ((outcome, pages, new),) = runs(cluster.db_url)
    assert outcome in ("ok", "partial") and pages > 0 and new == len(expected)
    assert cluster.stop() == [0, 0, 0]
    joined = [i for i in range(3) if "done here" in cluster.log(i)]
    assert len(joined) == 3, [cluster.log(i)[-500:] for i in range(3)]
