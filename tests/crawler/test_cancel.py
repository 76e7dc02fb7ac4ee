"""SIGTERM during a real crawl: the child stops cleanly and its run is recorded as cancelled."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from rassegna.simweb import SimWeb
from tests.processes import crawl_runs, slow_config, start_crawl, wait_for
from tests.sample_sites import lento


@pytest.mark.parametrize("wait_after_start", [0.0, 1.5])
def test_sigterm_during_a_crawl_leaves_a_cancelled_run(tmp_path: Path, sqlite_url: str, wait_after_start: float):
    config = slow_config(tmp_path, timeout=30, crawl_cron=None)
    with SimWeb(lento()) as web:
        child = start_crawl(config, sqlite_url, web.proxy_env(dict(os.environ)), output=True)
        try:
            wait_for(lambda: crawl_runs(sqlite_url), timeout=60)  # the run row exists once the crawl has started
            time.sleep(wait_after_start)
            child.send_signal(signal.SIGTERM)
            output, _ = child.communicate(timeout=60)
        finally:
            child.kill()
    assert child.returncode in (0, 130), output
    (run,) = crawl_runs(sqlite_url)
    assert run.outcome == "cancelled", output
    assert run.finished_at is not None
