"""SIGTERM during a real crawl: the child stops cleanly and its run is recorded as cancelled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from sqlmodel import Session, create_engine, select

from rassegna.simweb import SimWeb
from rassegna.storage.models import CrawlRun
from tests.sample_sites import lento


@pytest.mark.parametrize("wait_after_start", [0.0, 1.5])
def test_sigterm_during_a_crawl_leaves_a_cancelled_run(tmp_path: Path, sqlite_url: str, wait_after_start: float):
    config = tmp_path / "slow.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "campaigns": [{"name": "LgNet2", "keywords": ["LgNet2"]}],
                "outlets": [
                    {
                        "name": "Lento.it",
                        "category": "portali",
                        "domains": ["lento.test"],
                        "feeds": ["http://www.lento.test/rss/"],
                    }  # fmt: skip
                ],
                "crawl": {"download_timeout": 30, "retry_times": 0},
            }
        ),
        encoding="utf-8",
    )
    with SimWeb(lento()) as web:
        child = subprocess.Popen(
            [sys.executable, "-m", "rassegna.app.crawl", "--config", str(config), "--db", sqlite_url, "--no-nlp"],
            env=web.proxy_env(dict(os.environ)),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        engine = create_engine(sqlite_url)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the run row exists once the crawl has started
            try:
                with Session(engine) as session:
                    if session.exec(select(CrawlRun)).first():
                        break
            except Exception:  # noqa: BLE001 - the schema may not exist yet
                pass
            time.sleep(0.1)
        time.sleep(wait_after_start)
        child.send_signal(signal.SIGTERM)
        output, _ = child.communicate(timeout=60)
    assert child.returncode in (0, 130), output
    with Session(engine) as session:
        run = session.exec(select(CrawlRun)).one()
    assert run.outcome == "cancelled", output
    assert run.finished_at is not None
