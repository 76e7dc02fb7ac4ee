"""Unit tests of the crawler's pure functions: URL hygiene, extraction, matching, Retry-After."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rassegna.config.models import Campaign
from rassegna.crawler.extract import decode_html, extract_article
from rassegna.crawler.matcher import CampaignMatcher
from rassegna.crawler.middlewares import retry_after_seconds
from rassegna.crawler.urls import canonical_url, domain_owner, host_of

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.mark.parametrize(
    ("url", "canonical", "expected"),
    [
        (
            "http://WWW.Torinoggi.IT/a.html?utm_source=rss&utm_medium=feed#commenti",
            None,
            "http://www.torinoggi.it/a.html",
        ),
        ("https://x.it/a?id=3&fbclid=IwAR0&gclid=1&mc_cid=2", None, "https://x.it/a?id=3"),
        ("https://x.it:443/a", None, "https://x.it/a"),
        ("http://x.it/a?fbclid=1", "/news/a.html", "http://x.it/news/a.html"),
        ("http://x.it/a?p=1", "https://www.x.it/a-canonica/?utm_campaign=y", "https://www.x.it/a-canonica/"),
        ("http://x.it", None, "http://x.it/"),
        ("http://x.it/a", "javascript:void(0)", "http://x.it/a"),
    ],
)
def test_canonical_url(url: str, canonical: str | None, expected: str) -> None:
    assert canonical_url(url, canonical) == expected


def test_domain_owner_covers_subdomains() -> None:
    domains = {"torinoggi.it": "Torinoggi.it", "genova24.it": "Genova24.it"}
    assert domain_owner(host_of("http://www.torinoggi.it/x"), domains) == "Torinoggi.it"
    assert domain_owner("m.genova24.it", domains) == "Genova24.it"
    assert domain_owner("notgenova24.it", domains) is None
    assert domain_owner("example.com", domains) is None


def test_extract_article_metadata() -> None:
    html = (FIXTURES / "article_lgnet2.html").read_text(encoding="utf-8")
    article = extract_article(html, "http://www.latinaoggi.test/cronaca/lgnet2.html?utm_source=x")
    assert article is not None
    assert article.title == "Latina, oltre 450 persone agli sportelli"
    assert "oltre 450 persone" in article.text
    assert "gtag" not in article.text and "Privacy" not in article.text and "Accetta" not in article.text
    assert article.published == date(2023, 10, 29)
    assert article.author == "Anna Bianchi"
    assert article.site_name == "Latina Oggi"
    assert article.language == "it"
    assert article.canonical == "https://www.latinaoggi.eu/cronaca/lgnet2.html"
    assert article.rights_reserved and article.is_article


def test_sidebar_mention_is_not_a_clipping() -> None:
    html = (FIXTURES / "sidebar_only.html").read_text(encoding="utf-8")
    assert "LgNet2" in html
    article = extract_article(html, "http://www.torinoggi.test/mercatino.html")
    assert article is not None and "mercatino" in article.text.lower()
    matcher = CampaignMatcher.from_settings([Campaign(name="LgNet2", keywords=["LgNet2"])])
    assert matcher.match(article.title, article.text) == []


def test_extract_article_without_text() -> None:
    assert extract_article("<html><head><title>x</title></head><body></body></html>", "http://x.it/") is None
    assert extract_article("\x00\xff garbage <<<", "http://x.it/") is None


def test_decode_html_charsets() -> None:
    text = "<html><head><meta charset='iso-8859-1'></head><body>città perché</body></html>"
    assert "città perché" in decode_html(text.encode("iso-8859-1"), "text/html; charset=iso-8859-1")
    assert "città perché" in decode_html(text.encode("iso-8859-1"), "text/html")  # header silent
    assert "città perché" in decode_html(text.encode("iso-8859-1"), "text/html; charset=utf-8")  # header wrong
    assert "città perché" in decode_html(text.encode("utf-8"), "text/html; charset=iso-8859-1")  # label wrong
    bare = "<p>città</p>".encode("cp1252")
    assert decode_html(bare, None) == "<p>città</p>"


MATCHER = CampaignMatcher.from_settings(
    [Campaign(name="LgNet2", keywords=["LgNet2", "LgNetEA"]), Campaign(name="LGNet3", keywords=["LGNet3"])]
)


@pytest.mark.parametrize(
    "text",
    [
        "il progetto LgNet2 a Torino",
        "Lgnet2",
        "LGNET 2",
        "LG-Net2",
        "Ignet2",
        "lg net 2",
        "«LgNet2»",
        "LgNetEA",
    ],
)
def test_matcher_variants(text: str) -> None:
    matches = MATCHER.match(None, text)
    assert [m.name for m in matches] == ["LgNet2"]
    assert matches[0].snippet


@pytest.mark.parametrize(
    "text",
    [
        "i televisori LG OLED",
        "internet veloce",
        "LG Electronics e la rete",
        "LgNet25",
        "xlgnet2",
        "Lg Netflix 2",
        "il progetto LgNet",
    ],
)
def test_matcher_negatives(text: str) -> None:
    assert MATCHER.match("Offerte", text) == []


def test_matcher_snippet_and_title_fallback() -> None:
    [match] = MATCHER.match("Il progetto LGNet3 a Milano", "Testo senza la parola chiave.")
    assert (match.name, match.matched) == ("LGNet3", "LGNet3")
    long = "parola " * 50 + "LgNet2" + " parola" * 50
    [match] = MATCHER.match(None, long)
    assert match.snippet.startswith("…") and match.snippet.endswith("…") and "LgNet2" in match.snippet


def test_matcher_first_test_keeps_excludes_and_keywords_without_a_literal() -> None:
    # the literal first test may only skip pages that cannot match: excludes still win, "Lil" (no literal) still found
    excluding = CampaignMatcher([("LgNet2", ["LgNet2"], ["LgNet2 Academy"])])
    assert excluding.match(None, "Il corso LGNET2 ACADEMY a Roma") == []
    assert [m.name for m in excluding.match(None, "Il progetto LGNET2 a Roma")] == ["LgNet2"]
    literal_less = CampaignMatcher([("Rete", ["LgNet2", "Lil"], [])])
    assert [m.matched for m in literal_less.match(None, "la rete 1I1 di Roma")] == ["1I1"]


def test_retry_after_seconds() -> None:
    assert retry_after_seconds(b"3", default=1, cap=10) == 3
    assert retry_after_seconds("600", default=1, cap=10) == 10
    assert retry_after_seconds(None, default=1.5, cap=10) == 1.5
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", default=1, cap=10) == 0
    assert retry_after_seconds("garbage", default=2, cap=10) == 2
