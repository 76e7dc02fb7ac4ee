"""Distributed crawl: a coordinator and worker processes on the real Redis and PostgreSQL, the simulated web."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import create_engine, text

from rassegna.simweb import Resource, SimWeb, Site
from rassegna.simweb.pages import PageSpec, article_html, rss
from tests.redis_server import REDIS_URL, own_namespace, redis_server
from tests.sample_sites import demo_config, demo_sites, open_world_config, open_world_sites

from .conftest import crawl_env

# Run apart from the parallel suite (make test): worker processes and leases are timed, and CPU
# contention from the other xdist worker has made the SIGKILL case lose pages once (see README "Scaling out").
pytestmark = pytest.mark.distributed


@pytest.fixture
def redis_env() -> Iterator[dict[str, str]]:
    """Redis settings for one test: the real server, a namespace of the test's own (its keys deleted after)."""
    with own_namespace(redis_server()) as namespace:
        yield {
            "RASSEGNA_REDIS_URL": REDIS_URL,
            "RASSEGNA_REDIS_NAMESPACE": namespace,
            "RASSEGNA_LEASE_SECONDS": "4",
            "RASSEGNA_NO_NLP": "1",
        }


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
    return [(str(r[0]), str(r[1])) for r in rows]


def runs(db_url: str) -> list[tuple[str, int, int]]:
    """(outcome, pages, new clippings) of every crawl run."""
    engine = create_engine(_pg(db_url))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT outcome, pages, new_clippings FROM crawl_run ORDER BY id")).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def difference(stored: list[tuple[str, str]], reference: list[tuple[str, str]], db_url: str) -> str:
    """What a distributed run stored apart from the local reference, with the failures recorded for those URLs."""
    missing, extra = sorted(set(reference) - set(stored)), sorted(set(stored) - set(reference))
    engine = create_engine(_pg(db_url))
    with engine.connect() as conn:
        errors = conn.execute(text("SELECT url, kind, message FROM crawl_error ORDER BY id")).all()
    engine.dispose()
    urls = {u for u, _ in missing + extra}
    related = [tuple(e) for e in errors if e[0] and any(e[0].split("?")[0] in u or u in e[0] for u in urls)]
    return f"missing {missing}; extra {extra}; their failures {related}"


def workers(db_url: str) -> list[tuple[str, str, int]]:
    """(worker, state, pages) of the workers of every distributed run."""
    engine = create_engine(_pg(db_url))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT worker, state, pages FROM crawl_worker ORDER BY worker")).all()
    engine.dispose()
    return [(str(w), str(st), int(p)) for w, st, p in rows]


class Cluster:
    """Worker subprocesses and coordinator runs against one database, Redis namespace and simulated web."""

    def __init__(self, web: SimWeb, config: Path, db_url: str, redis_env: dict[str, str], log_dir: Path):
        self.env = {**crawl_env(web), **redis_env, "PYTHONUNBUFFERED": "1"}
        self.config, self.db_url, self.log_dir = config, db_url, log_dir
        self.workers: list[subprocess.Popen[bytes]] = []

    def base(self) -> list[str]:
        return [sys.executable, "-m", "rassegna", "--config", str(self.config), "--db", self.db_url]

    def start_workers(self, n: int, processes: str | None = "0") -> None:
        """``n`` more workers, each with ``processes`` extraction processes (None: `rassegna worker`'s default)."""
        for i in range(len(self.workers), len(self.workers) + n):
            out = (self.log_dir / f"worker-{i}.log").open("wb")
            argv = [*self.base(), "worker"] + ([] if processes is None else ["--processes", processes])
            self.workers.append(subprocess.Popen(argv, env=self.env, stdout=out, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 120  # every worker ready before the run: each must get a share of it
        while not all("waiting for runs" in self.log(i) for i in range(len(self.workers))):
            assert time.monotonic() < deadline, [self.log(i)[-500:] for i in range(len(self.workers))]
            time.sleep(0.1)

    def coordinate(self, timeout: float = 500) -> subprocess.CompletedProcess[str]:
        argv = [*self.base(), "crawl", "--distributed"]
        return subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=timeout)

    def run_once(self, workers: int) -> subprocess.CompletedProcess[str]:
        """One run by ``workers`` fresh workers, which must then stop cleanly; the coordinator's result (ok)."""
        try:
            self.start_workers(workers)
            result = self.coordinate()
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        finally:
            assert self.stop() == [0] * len(self.workers)
        return result

    def stop(self) -> list[int | None]:
        for worker in self.workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        codes: list[int | None] = []
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
RETRY_AFTER = 2  # seconds: the throttling outlet's first article answers 429 with this Retry-After


class HostHolds:
    """Watches the run's Redis for a host's Retry-After hold as the workers record it: (from, until) of each, on
    this process's monotonic clock (the simulated web's timeline)."""

    def __init__(self, namespace: str, host: str):
        import redis

        self.server: Any = redis.Redis.from_url(REDIS_URL)
        self.pattern = f"{namespace}:run:*:host:{host}:notbefore"
        self.holds: dict[float, tuple[float, float]] = {}  # by the recorded end (Redis's clock)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> HostHolds:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join(5)

    def _watch(self) -> None:
        while not self._done.wait(0.01):
            for key in self.server.scan_iter(match=self.pattern):
                value = self.server.get(key)
                wall, mono = time.time(), time.monotonic()  # Redis runs here: its clock is this machine's
                if value is not None and float(value) not in self.holds:
                    until = mono - (wall - float(value))
                    self.holds[float(value)] = (until - RETRY_AFTER, until)


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
    first.behaviour, first.failures, first.retry_after = "throttle", 1, RETRY_AFTER
    with SimWeb([*demo_sites(), slow, throttled]) as web:
        yield web


@pytest.fixture
def sample_config(tmp_path: Path) -> Path:
    """The sample web's configuration with the two extra outlets."""
    # A 5 s download timeout, not the sample's 1.5 s: with one retry, a page's fate must not hang on how loaded the
    # machine is (four crawling processes on two cores), in the distributed run or in the local one it is held to.
    config = demo_config(timeout=5.0)
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


def local_clippings(
    web: SimWeb, config: Path, postgres_url: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The clippings and found sources one local crawl of ``web`` stores, in a PostgreSQL database of its own."""
    import psycopg

    admin = psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True)
    name = f"rassegna_ref_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = postgres_url.rsplit("/", 1)[0] + "/" + name
        argv = [sys.executable, "-m", "rassegna.app.crawl", "--config", str(config), "--db", url, "--no-nlp"]
        result = subprocess.run(argv, env=crawl_env(web), capture_output=True, text=True, timeout=400)
        assert result.returncode == 0, result.stderr[-2000:]
        return clippings(url), found_sources(url)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def found_sources(db_url: str) -> list[tuple[str, str]]:
    """(outlet, kind: url) of every feed and sitemap found for a domain-only outlet, sorted."""
    engine = create_engine(_pg(db_url))
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT o.name, f.kind || ': ' || f.url FROM found_source f JOIN outlet o ON o.id = f.outlet_id "
                "ORDER BY 1, 2"
            )
        ).all()
    engine.dispose()
    return [(str(r[0]), str(r[1])) for r in rows]


@pytest.fixture
def local_reference(sample_web: SimWeb, sample_config: Path, postgres_url: str) -> Callable[[], list[tuple[str, str]]]:
    """The clippings one local crawl of the same web stores, in a database of its own."""
    return lambda: local_clippings(sample_web, sample_config, postgres_url)[0]


@pytest.mark.timeout(900)  # the machine may be shared and loaded: minutes, not seconds
def test_three_workers_store_what_one_local_crawl_stores_politely(
    cluster: Cluster, sample_web: SimWeb, local_reference: Callable[[], list[tuple[str, str]]]
) -> None:
    cluster.start_workers(3)
    with HostHolds(cluster.env["RASSEGNA_REDIS_NAMESPACE"], "freno.test") as watch:
        result = cluster.coordinate()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    stored = clippings(cluster.db_url)
    ((outcome, pages, new),) = runs(cluster.db_url)
    assert outcome in ("ok", "partial") and pages > 0 and new == len(stored)

    # Politeness across machines: never more than per_domain_concurrency requests in flight on one host. Lento.it
    # is left out: its feed answers after 6 s, past the 5 s timeout, so the server still works on requests their
    # workers gave up on (and retried): a count no client decides (seen at 3 once on a loaded machine).
    peaks = {host: n for host, n in sample_web.peak.items() if host != "www.lento.test"}
    assert max(peaks.values()) <= PER_HOST, dict(sample_web.peak)
    assert sample_web.peak["www.lenta.test"] == PER_HOST  # the limit was reached: the bound means something
    # A 429 with Retry-After: 2 holds the host back for every worker, not just the one that got it, from the moment
    # a worker has the answer: what any worker sent before (the 429 in flight to a worker slowed down by a loaded
    # machine, seconds at times) cannot have known. At most the request holding the host's other slot may arrive
    # inside the hold (it was on its way); without the shared hold the other workers' requests would pour in.
    freno = [(t, p) for t, h, p in sample_web.timeline if h == "www.freno.test" and p != "/robots.txt"]
    throttled_at = next(t for t, p in freno if p == "/2023/11/00/lgnet2-0.html")
    ((held_from, held_until),) = watch.holds.values()
    inside = [p for t, p in freno if held_from < t < held_until - 0.05]
    timeline = [(round(t - throttled_at, 3), p.rsplit("/", 1)[1]) for t, p in freno]
    hold = (round(held_from - throttled_at, 3), round(held_until - throttled_at, 3))
    assert len(inside) <= PER_HOST - 1, f"requested during the host's hold {hold}: {inside}; all: {timeline}"
    assert any(t >= held_until for t, _ in freno), timeline  # and the host was crawled on once it had passed
    # each host's robots.txt fetched once in the run, for all three workers
    robots = {key: n for key, n in sample_web.requests.items() if key.endswith("/robots.txt")}
    assert robots and set(robots.values()) == {1}, robots

    assert cluster.stop() == [0, 0, 0]
    working = [i for i in range(3) if "done here" in cluster.log(i)]
    assert len(working) == 3, [cluster.log(i)[-500:] for i in range(3)]
    # `rassegna runs` shows the run, recorded as a manual crawl, with a line per worker
    listed = subprocess.run([*cluster.base(), "runs", "--json"], capture_output=True, text=True, timeout=120)
    (run,) = json.loads(listed.stdout)
    assert (run["trigger"], run["outcome"], run["counts"]["pages"]) == ("manual", outcome, pages), run
    assert [w["state"] for w in run["workers"]] == ["done"] * 3, run

    sample_web.reset_counts()
    reference = local_reference()
    assert stored == reference, difference(stored, reference, cluster.db_url)


@pytest.mark.timeout(900)  # the machine may be shared and loaded: minutes, not seconds
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM], ids=["sigkill", "sigterm"])
def test_a_worker_killed_mid_run_loses_nothing(
    cluster: Cluster,
    sample_web: SimWeb,
    local_reference: Callable[[], list[tuple[str, str]]],
    tmp_path: Path,
    stop: signal.Signals,
) -> None:
    import redis

    server: Any = redis.Redis.from_url(REDIS_URL)  # its hints type every reply Awaitable | value

    def pages_of(pid: int) -> int:
        """The pages worker ``pid`` reported so far in the open run (0 before it reported)."""
        for key in server.scan_iter(match=cluster.env["RASSEGNA_REDIS_NAMESPACE"] + ":run:*:workers"):
            for name, line in server.hgetall(key).items():
                if f":{pid}:" in name.decode():
                    return int(json.loads(line)["pages"])
        return 0

    cluster.start_workers(3)
    out = (tmp_path / "coordinator.log").open("w")
    coordinator = subprocess.Popen(
        [*cluster.base(), "crawl", "--distributed"], env=cluster.env, stdout=out, stderr=subprocess.STDOUT, text=True
    )
    victim = cluster.workers[0]
    deadline = time.monotonic() + 300
    # mid-run: the slow outlet under way, and the victim has pages to its name (its counters must survive it)
    while sum(1 for _, h, _ in list(sample_web.timeline) if h == "www.lenta.test") < 4 or not pages_of(victim.pid):
        assert time.monotonic() < deadline, "the run never reached the slow outlet"
        assert coordinator.poll() is None, (tmp_path / "coordinator.log").read_text()
        time.sleep(0.05)
    victim.send_signal(stop)
    code = victim.wait(timeout=120)
    assert code == (0 if stop == signal.SIGTERM else -signal.SIGKILL), cluster.log(0)[-2000:]
    assert coordinator.wait(timeout=500) == 0, (tmp_path / "coordinator.log").read_text()[-3000:]
    stored = clippings(cluster.db_url)
    ((outcome, pages, new),) = runs(cluster.db_url)
    lines = workers(cluster.db_url)
    sample_web.reset_counts()
    reference = local_reference()
    assert stored == reference, difference(stored, reference, cluster.db_url)
    assert outcome in ("ok", "partial")
    # the stopped worker's counters are in the run's totals: it sent them as it went (SIGKILL: up to 1 s old)
    states = sorted(state for _, state, _ in lines)
    assert states == (["done", "done", "lost"] if stop == signal.SIGKILL else ["done"] * 3), lines
    ((_, victim_state, victim_pages),) = [line for line in lines if f":{victim.pid}:" in line[0]]
    assert victim_state == ("lost" if stop == signal.SIGKILL else "done") and victim_pages > 0, lines
    assert pages == sum(p for _, _, p in lines), (pages, lines)
    assert new == len(stored)  # counted in the database: the killed worker's unsent counters do not matter


@pytest.fixture
def world_web() -> Iterator[SimWeb]:
    """The open world: a configured outlet, outlets known only by their domain, news searches."""
    with SimWeb(open_world_sites()) as web:
        yield web


@pytest.mark.timeout(900)  # the machine may be shared and loaded: minutes, not seconds
def test_sources_found_and_news_searches_as_a_local_crawl(
    world_web: SimWeb, postgres_url: str, redis_env: dict[str, str], tmp_path: Path
) -> None:
    config = tmp_path / "world.yaml"
    config.write_text(yaml.safe_dump(open_world_config(timeout=5.0), allow_unicode=True), encoding="utf-8")
    result = Cluster(world_web, config, postgres_url, redis_env, tmp_path).run_once(workers=2)
    assert "finding the sources of 5 outlets" in result.stdout + result.stderr
    stored, found = clippings(postgres_url), found_sources(postgres_url)
    searched = world_web.requested(lambda host, path: "search.test" in host or "gdelt" in host)
    assert searched, "no news search was asked"
    assert any("novaraoggi" in url for url, _ in stored)  # an article of an outlet whose feed was found
    assert any(outlet.endswith(".test") for _, outlet in stored)  # an outlet only a news search found
    world_web.reset_counts()
    reference, reference_found = local_clippings(world_web, config, postgres_url)
    assert stored == reference, difference(stored, reference, postgres_url)
    assert found == reference_found


def extraction_children(pid: int) -> list[int]:
    """The extraction processes (multiprocessing's spawned children) of process ``pid``."""
    children = [
        int(child) for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()
    ]
    return [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


@pytest.mark.timeout(600)
def test_a_worker_by_default_extracts_in_one_process_beside_its_crawler(cluster: Cluster) -> None:
    # the unit of scale that stays under 300 MiB: one crawling and one extraction process (README "Scaling out")
    cluster.start_workers(1, processes=None)
    result = cluster.coordinate()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert clippings(cluster.db_url)
    assert len(extraction_children(cluster.workers[0].pid)) == 1


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


@pytest.mark.timeout(600)
def test_sigterm_on_the_coordinator_mid_run_sends_the_workers_back_to_waiting(
    cluster: Cluster, sample_web: SimWeb, tmp_path: Path
) -> None:
    cluster.start_workers(2)
    log = tmp_path / "coordinator.log"
    coordinator = subprocess.Popen(
        [*cluster.base(), "crawl", "--distributed"], env=cluster.env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 300
    while sum(1 for _, h, _ in list(sample_web.timeline) if h == "www.lenta.test") < 2:  # mid-run
        assert time.monotonic() < deadline and coordinator.poll() is None, log.read_text()
        time.sleep(0.05)
    coordinator.send_signal(signal.SIGTERM)
    assert coordinator.wait(timeout=120) == 0, log.read_text()[-3000:]
    assert [r[0] for r in runs(cluster.db_url)] == ["cancelled"]
    # The workers finish the pages in hand, leave the run and ask for nothing more; they wait for the next run.
    deadline = time.monotonic() + 120
    while not all("run 1 done here" in cluster.log(i) for i in range(2)):
        assert time.monotonic() < deadline, [cluster.log(i)[-500:] for i in range(2)]
        time.sleep(0.1)
    served = len(sample_web.timeline)
    time.sleep(3)
    assert len(sample_web.timeline) == served
    assert all(worker.poll() is None for worker in cluster.workers)
    assert cluster.stop() == [0, 0]


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


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A Redis server of this test's own (it is killed mid-run), on a free port."""
    import shutil
    import socket

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("no redis-server binary to start a Redis of the test's own")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    argv = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    server = subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    import redis

    deadline = time.monotonic() + 20
    while True:
        try:
            redis.Redis.from_url(url, socket_connect_timeout=1).ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "the test's Redis did not start"
            time.sleep(0.1)
    try:
        yield server, url
    finally:
        if server.poll() is None:
            server.kill()
        server.wait()


@pytest.mark.timeout(300)
def test_redis_dying_mid_run_fails_the_run_and_stops_the_workers(
    sample_web: SimWeb,
    sample_config: Path,
    postgres_url: str,
    redis_env: dict[str, str],
    private_redis: tuple[subprocess.Popen[bytes], str],
    tmp_path: Path,
) -> None:
    redis_server, url = private_redis
    cluster = Cluster(sample_web, sample_config, postgres_url, {**redis_env, "RASSEGNA_REDIS_URL": url}, tmp_path)
    try:
        cluster.start_workers(1)
        log = tmp_path / "coordinator.log"
        coordinator = subprocess.Popen(
            [*cluster.base(), "crawl", "--distributed"], env=cluster.env, stdout=log.open("w"), stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 120
        while not any(h == "www.lenta.test" for _, h, _ in list(sample_web.timeline)):
            assert time.monotonic() < deadline and coordinator.poll() is None, log.read_text()
            time.sleep(0.05)
        redis_server.kill()
        redis_server.wait()
        assert coordinator.wait(timeout=60) == 1, log.read_text()  # an error, not a hang
        assert f"Redis unreachable at {url}" in log.read_text()
        assert [r[0] for r in runs(postgres_url)] == ["failed"]
        assert cluster.workers[0].wait(timeout=90) == 1  # the worker gives up too, saying why
        assert "Redis unreachable" in cluster.log(0)
    finally:
        cluster.stop()


PACED, STEP = "http://api.cerca.test", 1.5  # a news search asking for one request every STEP seconds


@pytest.mark.timeout(600)
def test_a_paced_news_search_keeps_its_interval_across_workers(
    postgres_url: str, redis_env: dict[str, str], tmp_path: Path
) -> None:
    site = Site("api.cerca.test")
    # Each answer takes two steps: a worker waiting for its answer before sending the next (one at a time) could never
    # keep the pace alone, so the searches overlap at the server only when several workers take them.
    answer = rss("Cerca", PACED, [])
    site.add("/rss", Resource(answer, content_type="application/rss+xml", behaviour="slow", delay=2 * STEP))
    config = demo_config(timeout=5.0)
    config["outlets"] = []
    config["campaigns"] = [{"name": f"Campagna {i}", "keywords": [f"parola{i}"]} for i in range(6)]  # 6 requests
    # One request at a time per worker: the six searches spread over the three workers, which would send three at
    # once if each paced only its own searches.
    config["crawl"]["concurrency"] = 1
    config["discovery"] = [{"name": "Cerca", "kind": "rss", "url": f"{PACED}/rss?q={{query}}", "min_interval": STEP}]
    path = tmp_path / "paced.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with SimWeb([site]) as web:
        Cluster(web, path, postgres_url, redis_env, tmp_path).run_once(workers=3)
        sent = sorted(t for t, host, p in web.timeline if host == "api.cerca.test" and p.startswith("/rss"))
        peak = web.peak["api.cerca.test"]
    assert len(sent) == 6, sent
    gaps = [round(b - a, 3) for a, b in zip(sent, sent[1:], strict=False)]
    # The server sees them STEP apart, give or take how late a loaded machine sends a request whose turn has come.
    assert min(gaps) >= 0.8 * STEP, gaps
    assert peak >= 2, gaps  # two searches at once: more than one worker took them
