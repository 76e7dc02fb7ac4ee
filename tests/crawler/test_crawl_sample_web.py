"""Real crawls (Scrapy in a child process) of the sample web on 127.0.0.1, reached through http_proxy."""

from __future__ import annotations

from sqlmodel import Session, create_engine, select

from rassegna.simweb import SimWeb
from rassegna.storage.models import (
    Clipping,
    ClippingCampaign,
    CrawlError,
    CrawlRun,
    FetchState,
    OutletRow,
    SourceStat,
)
from tests.sample_sites import DISALLOWED_PATH, EXPECTED_CLIPPINGS

ARTICLE_HOSTS = (
    "www.torinoggi.test",
    "www.latinaoggi.test",
    "www.genova24.test",
    "m.genova24.test",
    "www.altrosito.test",
)


def _article_requests(web: SimWeb) -> list[tuple[str, str]]:
    def is_article(host: str, path: str) -> bool:
        return (
            host in ARTICLE_HOSTS and (path.endswith(".html") or "/cronaca/documento" in path) and "?" not in path[:1]
        )

    return web.requested(is_article)


def test_two_crawls_of_the_sample_web(run_crawl, sample_web: SimWeb, sqlite_url: str) -> None:
    first = run_crawl()
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Crawl run" in first.stdout  # the summary table

    engine = create_engine(sqlite_url)
    with Session(engine) as session:
        rows = session.exec(select(Clipping, OutletRow).where(Clipping.outlet_id == OutletRow.id)).all()
        got = {c.canonical_url: (o.name, c.published) for c, o in rows}
        assert got == EXPECTED_CLIPPINGS
        by_url = {c.canonical_url: c for c, _ in rows}
        outlets = {o.name: o for _, o in rows}
        # an unknown domain becomes a new outlet named after the domain, flagged for classification
        assert outlets["altrosito.test"].to_classify
        assert not outlets["Torinoggi.it"].to_classify
        assert by_url["http://www.torinoggi.test/2023/10/18/lgnet2-torino-sportello.html"].audience == 21000
        # ISO-8859-1 with a correct charset and with none: the accents survive
        assert "città" in by_url["http://www.latinaoggi.test/cronaca/citta-accoglienza.html"].text
        assert "perché" in by_url["http://www.latinaoggi.test/cronaca/senza-charset.html"].text
        assert all(c.rights_reserved for c in by_url.values())
        assert by_url["http://www.torinoggi.test/2023/10/18/lgnet2-torino-sportello.html"].journalist == "Mario Rossi"
        matched = {m.matched for m in session.exec(select(ClippingCampaign))}
        assert {"LGNET 2", "Ignet2", "Lg-Net2", "LG-Net2", "LgNetEA"} <= matched
        run = session.exec(select(CrawlRun)).one()
        assert run.outcome == "partial" and run.finished_at is not None
        assert run.new_clippings == len(EXPECTED_CLIPPINGS)
        kinds = {(e.outlet, e.kind) for e in session.exec(select(CrawlError))}
        assert {
            ("Lento.it", "timeout"),
            ("Torinoggi.it", "http_404"),
            ("Latinaoggi.eu", "malformed_feed"),
            ("Latinaoggi.eu", "non_html"),
            ("Latinaoggi.eu", "oversized"),
            ("Latinaoggi.eu", "redirect_loop"),
        } <= kinds
        assert ("Torinoggi.it", "http_5xx") not in kinds  # the 503 recovered on retry
        stats = {(s.outlet, s.source): s for s in session.exec(select(SourceStat))}
        torino = stats[("Torinoggi.it", "feed: http://www.torinoggi.test/rss/")]
        assert (torino.new_clippings, torino.errors) == (4, 1)  # incl. the off-site entry
        assert torino.pages >= 5
        assert session.exec(select(FetchState)).all()  # validators kept for conditional requests

    # robots.txt obeyed (and fetched through the proxy), nothing disallowed requested
    assert sample_web.hits("www.torinoggi.test", "/robots.txt") == 1
    assert not sample_web.requested(lambda host, path: path.startswith(DISALLOWED_PATH))
    # not beyond max_depth, not outside the outlet's domains from a start page
    assert sample_web.hits("www.genova24.test", "/2023/11/09/profondo.html") == 0
    assert sample_web.hits("www.esterno.test", "/lgnet2.html") == 0
    # the 503 page was retried, the 429 page waited and retried
    assert sample_web.hits("www.torinoggi.test", "/2023/10/22/lgnet-flaky.html") == 2
    assert sample_web.hits("www.torinoggi.test", "/2023/10/24/throttled.html") == 2
    # the same article via feed (with tracking parameters) and sitemap is fetched once
    latina = [p for h, p in sample_web.requested() if "lgnet2-latina-mediatori" in p]
    assert len(latina) == 1
    assert all("rassegna-test" in ua for _, _, ua in sample_web.log)

    sample_web.reset_counts()
    second = run_crawl()
    assert second.returncode == 0, second.stdout + second.stderr
    assert _article_requests(sample_web) == []  # no article page downloaded again
    assert sample_web.hits("www.torinoggi.test", "/rss/") == 1  # answered 304
    with Session(engine) as session:
        assert len(session.exec(select(Clipping)).all()) == len(EXPECTED_CLIPPINGS)
        runs = session.exec(select(CrawlRun).order_by(CrawlRun.id)).all()
        assert [r.new_clippings for r in runs] == [len(EXPECTED_CLIPPINGS), 0]


def test_configuration_errors_exit_2(run_crawl, sample_web: SimWeb) -> None:
    assert run_crawl("--outlet", "Nessuno.it").returncode == 2
    assert run_crawl("--campaign", "Nessuna").returncode == 2
    assert sample_web.requested() == []


def test_one_outlet_one_campaign(run_crawl, sample_web: SimWeb, sqlite_url: str) -> None:
    result = run_crawl("--outlet", "genova24.it", "--campaign", "lgnet2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert {h for h, _ in sample_web.requested()} <= {"www.genova24.test", "m.genova24.test"}
    engine = create_engine(sqlite_url)
    with Session(engine) as session:
        urls = {c.canonical_url for c in session.exec(select(Clipping))}
        assert urls == {u for u, (o, _) in EXPECTED_CLIPPINGS.items() if o == "Genova24.it"}
        assert session.exec(select(CrawlRun)).one().campaign == "lgnet2"
