"""A crawl process whose NLP never answers (a stand-in for any hang), with the crawl child's stop deadline armed.

``python tests/crawler/hung_crawl.py CONFIG DB_URL MARKER DEADLINE``: touches MARKER when the NLP is first called."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rassegna.app.crawl import _stop_on_signals
from rassegna.app.crawlstore import DbCrawlStore
from rassegna.config import load_settings
from rassegna.crawler.runner import arm_stop_deadline, run_crawl, stop_grace
from rassegna.storage.db import create_db_engine


def main() -> int:
    """Crawl the configured outlets once with an NLP stuck on its first clipping; 0 if the crawl ever returns."""
    config, db_url, marker, deadline = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), float(sys.argv[4])
    settings = load_settings(config)

    def stuck_analyzer(articles: list) -> list:
        marker.touch()
        time.sleep(3600)
        return []

    _stop_on_signals()
    arm_stop_deadline(stop_grace(settings.crawl), deadline=deadline)
    run_crawl(
        outlets=settings.outlets,
        campaigns=settings.campaigns,
        crawl=settings.crawl,
        store=DbCrawlStore(create_db_engine(db_url)),
        analyzer=stuck_analyzer,
        workers=1,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
