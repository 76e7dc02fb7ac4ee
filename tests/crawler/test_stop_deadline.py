"""A crawl told to stop always ends, within a bounded time, whatever is in flight: the stop request survives a
signal arriving inside it, extraction processes that never answer are killed, a hung crawl process exits."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
import yaml

from rassegna.crawler.lifeline import pid_alive
from rassegna.crawler.runner import shut_down_pool
from rassegna.simweb import SimWeb
from tests.processes import children, crawl_runs, kill_quietly, wait_for
from tests.sample_sites import demo_config, demo_sites

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="signals and /proc")

# A SIGTERM at every line run inside the stop handler (40 at most): a second handler runs inside the first, as when
# the kernel sends one SIGTERM per dying thread of a killed scheduler.
REENTRY = """
import faulthandler, os, signal, sys
from rassegna.app.crawl import _stop_on_signals
from rassegna.crawler import runner

sent = 0

def inside_stop(frame):
    while frame is not None:
        if frame.f_code is runner.request_stop.__code__:
            return True
        frame = frame.f_back
    return False

def on_line(frame, event, arg):
    global sent
    if event == "line" and sent < 40:
        sent += 1
        os.kill(os.getpid(), signal.SIGTERM)
    return on_line

def on_call(frame, event, arg):
    return on_line if inside_stop(frame) else None

faulthandler.dump_traceback_later(20, exit=True)  # a deadlock: its stacks, then exit 1
_stop_on_signals()
sys.settrace(on_call)
os.kill(os.getpid(), signal.SIGTERM)
for _ in range(1000):  # bytecode for the pending handlers to run in
    pass
sys.settrace(None)
print("stop requested:", runner.stop_requested(), "signals inside the handler:", sent)
"""


def test_a_stop_signal_arriving_inside_the_stop_handler_does_not_deadlock_it() -> None:
    done = subprocess.run([sys.executable, "-c", REENTRY], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"the stop handler deadlocked on a nested SIGTERM:\n{done.stderr}"
    assert "stop requested: True" in done.stdout, done.stdout + done.stderr
    assert "signals inside the handler: 0" not in done.stdout  # the test did nest handlers


def test_shutting_the_extraction_pool_down_kills_a_worker_that_never_finishes() -> None:
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    stuck = pool.submit(time.sleep, 3600)  # a page trafilatura never gets through
    queued = pool.submit(time.sleep, 0)
    wait_for(lambda: stuck.running(), timeout=60, what="the stuck task running")
    workers = list(pool._processes.values())
    finished: list[bool] = []
    shutting = threading.Thread(target=lambda: finished.append(shut_down_pool(pool, timeout=2)), daemon=True)
    started = time.monotonic()
    shutting.start()
    shutting.join(30)
    took = time.monotonic() - started
    try:
        assert not shutting.is_alive(), "shutting the pool down still waits for its stuck worker after 30 s"
        assert finished == [False]  # it had to kill
        assert took < 15, f"the shutdown took {took:.1f}s"
        wait_for(lambda: not any(w.is_alive() for w in workers), timeout=10, what="the stuck worker gone")
        # A queued page is dropped (or fails with the pool its stuck neighbour broke), never extracted after the stop.
        assert queued.cancelled() or isinstance(queued.exception(), BrokenProcessPool)
    finally:
        for worker in workers:
            worker.kill()


@pytest.mark.slow
def test_a_crawl_stuck_after_its_stop_exits_by_its_deadline_with_its_run_cancelled(
    tmp_path: Path, sqlite_url: str
) -> None:
    config = tmp_path / "demo.yaml"
    config.write_text(yaml.safe_dump(demo_config(timeout=30)), encoding="utf-8")
    marker, deadline = tmp_path / "nlp-called", 5.0
    script = Path(__file__).with_name("hung_crawl.py")
    with SimWeb(demo_sites()) as web:  # Lento.it's feed is still downloading (slow) when the stop comes
        crawl = subprocess.Popen(
            [sys.executable, str(script), str(config), sqlite_url, str(marker), str(deadline)],
            env=web.proxy_env(dict(os.environ)),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        workers: list[int] = []
        try:
            wait_for(marker.exists, timeout=120, what="the NLP called on a clipping")
            workers = children(crawl.pid)
            crawl.send_signal(signal.SIGTERM)  # twice: stop at once (as a killed scheduler's child is told)
            time.sleep(0.2)
            crawl.send_signal(signal.SIGTERM)
            stopped = time.monotonic()
            try:
                output, _ = crawl.communicate(timeout=deadline + 60)
            except subprocess.TimeoutExpired:
                pytest.fail(f"the crawl still runs {deadline + 60:g}s after a forced stop (deadline: {deadline:g}s)")
            took = time.monotonic() - stopped
        finally:
            crawl.kill()
            for worker in workers:
                kill_quietly(worker)
    assert crawl.returncode == 1, output
    assert deadline <= took < deadline + 30, f"exited {took:.1f}s after the stop"
    assert "the crawl did not stop within 5s of being told to stop at once: exiting" in output, output
    (run,) = crawl_runs(sqlite_url)
    assert run.outcome == "cancelled" and run.finished_at is not None
    assert not [w for w in workers if pid_alive(w)], "extraction processes outlived the crawl"
