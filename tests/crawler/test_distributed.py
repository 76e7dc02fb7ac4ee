"""Distributed crawl: a coordinator and worker processes on the real Redis and PostgreSQL, the simulated web."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, text

from rassegna.simweb import Resource, SimWeb, Site
from rassegna.simweb.pages import PageSpec, article_html, rss
from tests.sample_sites import demo_config, demo_sites

from .conftest import crawl_env

# Run apart from the parallel suite (make test): worker processes and leases are timed, and CPU
# contention from the other xdist worker has made the SIGKILL case lose pages once (see README "Scaling out").
pytestmark = pytest.mark.distributed

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
        deadline = time.monotonic() + 120  # every worker ready before the run: each must get a share of it
        while not all("waiting for runs" in self.log(i) for i in range(len(self.workers))):
            assert time.monotonic() < deadline, [self.log(i)[-500:] for i in range(len(self.workers))]
            time.sleep(0.1)

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


SLOW, THROTTLED = "http://www.lenta.test", "http://www.freno.test"
PER_HOST = 2


def _site(base: str, name: str, n: int, **resource: object) -> Site:
    """A site with a feed of ``n`` articles about LgNet2 (each served with ``resource``'s behaviour)."""
    site = Site(base.removeprefix("http://"))
    entries = []
    for i in range(n):
        path = f"/2023/11/{i:02d}/lgnet2-{i}.html"
        html = article_html(
            PageSpec(
                path,
                f"LgNet2 a {name}, puntata {i}",
                ["Il progetto LgNet2 arriva in città. " * 8] * 3,
                date(2023, 11, 1 + i % 28),
                site_name=name,
            )
        )
        site.add(path, Resource(html, **resource))  # type: ignore[arg-type]
        entries.append((f"{base}{path}", f"LgNet2 {i}", date(2023, 11, 1 + i % 28)))
    site.add("/rss/", Resource(rss(name, base, entries), content_type="application/rss+xml"))
    return site


@pytest.fixture
def sample_web() -> Iterator[SimWeb]:
    """The sample web plus a slow outlet (long enough a run to kill a worker in) and a throttling one."""
    slow = _site(SLOW, "Lenta", 24, behaviour="slow", delay=0.25)
    throttled = _site(THROTTLED, "Freno", 8, behaviour="slow", delay=0.1)
    first = throttled.resources["/2023/11/00/lgnet2-0.html"]
    first.behaviour, first.failures, first.retry_after = "throttle", 1, 2
    with SimWeb([*demo_sites(), slow, throttled]) as web:
        yield web


@pytest.fixture
def sample_config(tmp_path: Path) -> Path:
    """The sample web's configuration with the two extra outlets."""
    config = demo_config()
    config["crawl"]["per_domain_concurrency"] = PER_HOST
    for name, base in (("Lenta", SLOW), ("Freno", THROTTLED)):
        domain = base.removeprefix("http://www.")
        config["outlets"].append(
            {"name": name, "category": "quotidiani", "domains": [domain], "feeds": [f"{base}/rss/"]}
        )
    path = tmp_path / "rassegna.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


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


@pytest.fixture
def local_reference(run_crawl, postgres_url: str) -> Callable[[], list[tuple[str, str]]]:  # noqa: ANN001
    """The clippings one local crawl of the same web stores, in a database of its own."""

    def crawl() -> list[tuple[str, str]]:
        import psycopg

        admin = psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True)
        name = f"rassegna_ref_{uuid.uuid4().hex[:8]}"
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            url = postgres_url.rsplit("/", 1)[0] + "/" + name
            result = run_crawl(db_url=url)
            assert result.returncode == 0, result.stderr[-2000:]
            return clippings(url)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()

    return crawl


@pytest.mark.timeout(400)
def test_three_workers_store_what_one_local_crawl_stores_politely(
    cluster: Cluster, sample_web: SimWeb, local_reference: Callable[[], list[tuple[str, str]]]
) -> None:
    cluster.start_workers(3)
    result = cluster.coordinate()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    stored = clippings(cluster.db_url)
    ((outcome, pages, new),) = runs(cluster.db_url)
    assert outcome in ("ok", "partial") and pages > 0 and new == len(stored)

    # politeness across machines: never more than per_domain_concurrency requests in flight on one host
    assert max(sample_web.peak.values()) <= PER_HOST, dict(sample_web.peak)
    assert sample_web.peak["www.lenta.test"] == PER_HOST  # the limit was reached: the bound means something
    # a 429 with Retry-After: 2 holds the host back for every worker, not just the one that got it
    freno = [(t, p) for t, h, p in sample_web.timeline if h == "www.freno.test" and p != "/robots.txt"]
    throttled_at = next(t for t, p in freno if p == "/2023/11/00/lgnet2-0.html")
    early = [p for t, p in freno if throttled_at + 0.3 < t < throttled_at + 1.8]
    assert not early, f"requested during the host's Retry-After: {early}"

    assert cluster.stop() == [0, 0, 0]
    working = [i for i in range(3) if "done here" in cluster.log(i)]
    assert len(working) == 3, [cluster.log(i)[-500:] for i in range(3)]

    sample_web.reset_counts()
    assert stored == local_reference()


@pytest.mark.timeout(400)
@pytest.mark.xfail(
    reason="known race, not yet found: some runs close with three pages the killed worker held missing "
    "(m.genova24.test, torinoggi.test sportello ...); see README 'Scaling out'",
    strict=False,
)
def test_a_worker_killed_mid_run_loses_nothing(
    cluster: Cluster, sample_web: SimWeb, local_reference: Callable[[], list[tuple[str, str]]], tmp_path: Path
) -> None:
    cluster.start_workers(3)
    out = (tmp_path / "coordinator.log").open("w")
    coordinator = subprocess.Popen(
        [*cluster.base(), "crawl", "--distributed"], env=cluster.env, stdout=out, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 120
    while sum(1 for _, h, _ in list(sample_web.timeline) if h == "www.lenta.test") < 4:
        assert time.monotonic() < deadline, "the run never reached the slow outlet"
        assert coordinator.poll() is None, (tmp_path / "coordinator.log").read_text()
        time.sleep(0.05)
    victim = cluster.workers[0]
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert coordinator.wait(timeout=180) == 0, (tmp_path / "coordinator.log").read_text()[-3000:]
    stored = clippings(cluster.db_url)
    sample_web.reset_counts()
    assert stored == local_reference()
    assert [r[0] for r in runs(cluster.db_url)] in (["ok"], ["partial"])


def test_distributed_crawl_refuses_sqlite(sample_config: Path, sqlite_url: str, redis_env: dict[str, str]) -> None:
    argv = [sys.executable, "-m", "rassegna", "--config", str(sample_config), "--db", sqlite_url]
    for command in (["crawl", "--distributed"], ["worker"]):
        result = subprocess.run(
            [*argv, *command], env={**os.environ, **redis_env}, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 2
        assert "needs PostgreSQL" in result.stdout + result.stderr


def test_distributed_crawl_says_when_redis_is_unreachable(sample_config: Path, postgres_url: str) -> None:
    env = {**os.environ, "RASSEGNA_REDIS_URL": "redis://127.0.0.1:1/0"}
    argv = [sys.executable, "-m", "rassegna", "--config", str(sample_config), "--db", postgres_url]
    result = subprocess.run([*argv, "crawl", "--distributed"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Redis unreachable at redis://127.0.0.1:1/0" in result.stdout + result.stderr


def test_processes_starting_together_on_a_fresh_database_all_migrate(postgres_url: str) -> None:
    code = "import sys; from rassegna.storage.db import create_db_engine; create_db_engine(sys.argv[1])"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, postgres_url], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors


def _coordinator_waiting(cluster: Cluster, log: Path) -> subprocess.Popen[str]:
    """A coordinator with no worker yet, once it has seeded its run."""
    out = log.open("w")
    process = subprocess.Popen(
        [*cluster.base(), "crawl", "--distributed"], env=cluster.env, stdout=out, stderr=subprocess.STDOUT, text=True
    )
    deadline = time.monotonic() + 120
    while "waiting for workers" not in log.read_text():
        assert process.poll() is None and time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)
    return process


def test_sigterm_on_the_coordinator_cancels_the_run(
    cluster: Cluster, redis_env: dict[str, str], tmp_path: Path
) -> None:
    import redis

    log = tmp_path / "coordinator.log"
    coordinator = _coordinator_waiting(cluster, log)
    coordinator.send_signal(signal.SIGTERM)
    assert coordinator.wait(timeout=60) == 0, log.read_text()
    assert [r[0] for r in runs(cluster.db_url)] == ["cancelled"]
    server = redis.Redis.from_url(REDIS_URL)
    namespace = redis_env["RASSEGNA_REDIS_NAMESPACE"]
    left = [k.decode() for k in server.scan_iter(match=namespace + ":*")]
    assert all(k.endswith(":state") for k in left), left  # the frontier is gone: workers find nothing to do


def test_redis_losing_the_run_fails_it_instead_of_hanging(
    cluster: Cluster, redis_env: dict[str, str], tmp_path: Path
) -> None:
    import redis

    log = tmp_path / "coordinator.log"
    coordinator = _coordinator_waiting(cluster, log)
    server = redis.Redis.from_url(REDIS_URL)
    server.delete(*server.scan_iter(match=redis_env["RASSEGNA_REDIS_NAMESPACE"] + ":*"))  # as a restart would
    assert coordinator.wait(timeout=60) == 1, log.read_text()
    assert "Redis lost the run's state" in log.read_text()
    assert [r[0] for r in runs(cluster.db_url)] == ["failed"]
