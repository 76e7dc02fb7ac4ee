"""A page is read again on the precise path, in the extraction process, when its markup names a campaign its
text does not."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections import Counter
from types import SimpleNamespace

from rassegna.app.crawlstore import DbCrawlStore
from rassegna.config.models import CrawlSettings
from rassegna.crawler.context import CrawlContext, PageItem
from rassegna.crawler.extract import extract_page
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.crawler.pipelines import ExtractPipeline
from rassegna.crawler.ports import Source
from rassegna.storage.db import create_db_engine

PARAGRAPH = (
    "Il consiglio comunale ha approvato il nuovo piano per l'inclusione sociale dei cittadini stranieri residenti, "
    "con fondi europei destinati alle famiglie e ai giovani, dopo una lunga discussione in aula. "
)
FEED = Source("Testata", "feed", "http://www.testata.test/rss/")


class Stats(Counter):
    def inc_value(self, key: str, n: int = 1) -> None:
        self[key] += n


def run_pipeline(sqlite_url: str, html: str, pool: concurrent.futures.Executor | None = None) -> tuple[PageItem, Stats]:
    context = CrawlContext(
        outlets=[],
        matcher=CampaignMatcher([("LgNet2", ["LgNet2"], [])]),
        store=DbCrawlStore(create_db_engine(sqlite_url)),
        crawl=CrawlSettings(),
        run_id=None,
        pool=pool,
    )
    stats = Stats()
    pipeline = ExtractPipeline(SimpleNamespace(stats=stats, spider=SimpleNamespace(context=context)))  # type: ignore[arg-type]
    url = "http://www.testata.test/2023/11/01/bando.html"
    item = PageItem(url, url, html.encode(), "text/html; charset=utf-8", FEED, listed=True)
    return asyncio.run(pipeline.process_item(item)), stats


def article(body: str, aside: str = "") -> str:
    return (
        "<!doctype html><html lang='it'><head><meta charset='utf-8'><title>Il bando per i giovani</title></head>"
        f"<body><article><h1>Il bando per i giovani</h1>{body}</article><aside>{aside}</aside></body></html>"
    )


def test_a_campaign_named_only_in_the_markup_gets_a_precise_reading(sqlite_url: str) -> None:
    body = "".join(f"<p>{PARAGRAPH} Paragrafo {i}.</p>" for i in range(10))
    item, stats = run_pipeline(sqlite_url, article(body, aside="<a href='/lgnet2'>Leggi anche: LgNet2</a>"))
    assert item.extracted is not None and "Paragrafo 9" in item.extracted.text
    assert stats["rassegna/extracted_precise_for_keyword"] == 1  # the aside's link is not the article: no clipping


def test_a_campaign_in_the_fast_text_needs_no_second_reading(sqlite_url: str) -> None:
    body = "".join(f"<p>{PARAGRAPH} Paragrafo {i}.</p>" for i in range(10)) + "<p>Il progetto LgNet2 a Torino.</p>"
    item, stats = run_pipeline(sqlite_url, article(body))
    assert item.extracted is not None and "LgNet2" in item.extracted.text
    assert stats["rassegna/extracted_precise_for_keyword"] == 0 and stats["rassegna/extracted"] == 1


def test_the_second_reading_happens_in_the_extraction_process(sqlite_url: str) -> None:
    # the matcher travels with the page to the worker process: no decoding or keyword search on the reactor thread
    body = "".join(f"<p>{PARAGRAPH} Paragrafo {i}.</p>" for i in range(10))
    with concurrent.futures.ProcessPoolExecutor(1) as pool:
        item, stats = run_pipeline(sqlite_url, article(body, aside="<a href='/lgnet2'>Leggi anche: LgNet2</a>"), pool)
    assert item.extracted is not None and item.extracted.reread_for_keyword and "Paragrafo 9" in item.extracted.text
    assert stats["rassegna/extracted_precise_for_keyword"] == 1


def test_extract_page_rereads_only_for_a_campaign_the_fast_reading_left_out() -> None:
    matcher = CampaignMatcher([("LgNet2", ["LgNet2"], [])])
    body = "".join(f"<p>{PARAGRAPH} Paragrafo {i}.</p>" for i in range(10))
    url = "http://www.testata.test/a.html"
    markup_only = article(body, aside="<a href='/lgnet2'>LgNet2</a>").encode()
    in_text = article(body + "<p>Il progetto LgNet2 a Torino.</p>").encode()
    no_campaign = article(body).encode()
    assert extract_page(markup_only, "text/html", url, campaigns=matcher).reread_for_keyword  # type: ignore[union-attr]
    assert not extract_page(in_text, "text/html", url, campaigns=matcher).reread_for_keyword  # type: ignore[union-attr]
    assert not extract_page(no_campaign, "text/html", url, campaigns=matcher).reread_for_keyword  # type: ignore[union-attr]
    assert not extract_page(markup_only, "text/html", url).reread_for_keyword  # type: ignore[union-attr]
