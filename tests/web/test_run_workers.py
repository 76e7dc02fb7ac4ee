"""The desk's dashboard shows the workers of the latest distributed crawl run, one line each."""

from __future__ import annotations

from rassegna.app.crawlstore import DbCrawlStore
from rassegna.storage.workers import save_run_workers
from tests.storage.test_workers import line

HOSTILE = 'nodo<script>alert("x")</script>:41:abc123'


def test_the_dashboard_shows_the_workers_of_the_latest_distributed_run(editor_client, engine) -> None:  # noqa: ANN001
    crawl_run = DbCrawlStore(engine).start_run(None)
    save_run_workers(engine, crawl_run, [line(HOSTILE, 1234, "working"), line("due:11:bbb", 7, "lost")])
    html = editor_client.get("/dashboard?campaign=LgNet2&start=2023-10-01&end=2023-12-31").text
    assert "Worker del passaggio distribuito" in html
    rows = html.split('<table class="grid workers">', 1)[1].split("</table>", 1)[0]
    assert 'class="worker worker-lost"' in rows and "due:11:bbb" in rows and "1.234" in rows
    assert "<script>" not in rows and "nodo&lt;script&gt;" in rows  # crawled names are escaped
