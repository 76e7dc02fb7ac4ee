"""Headline and journalist signals, one small saved page each (fixtures/signals/, written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.utils import load_html

from rassegna.crawler import metadata
from rassegna.crawler.extract import clean_title, extract_article, site_keys

SIGNALS = Path(__file__).parent / "fixtures" / "signals"


def extracted(name: str, url: str):
    article = extract_article((SIGNALS / name).read_text(encoding="utf-8"), url)
    assert article is not None
    return article


def tree(name: str):
    return load_html((SIGNALS / name).read_text(encoding="utf-8"))


def test_json_ld_author_resolved_through_the_graph_and_organisations_left_out():
    """@graph, an @id reference to a Person, an Organization author and a Review's author on one page."""
    objects = metadata.json_ld(tree("jsonld_graph_author.html"))
    assert metadata.json_ld_authors(objects) == ["Chiara Monti"]
    assert extracted("jsonld_graph_author.html", "https://www.gazzettadelborgo.it/a").author == "Chiara Monti"


def test_byline_element_wins_over_a_publisher_named_in_meta_author():
    """meta author is the publisher (the host's name); the byline's rel=author link names the journalist,
    the comment thread's author is nobody's byline."""
    article = extracted("byline_element.html", "https://www.ilborgooggi.it/a")
    assert article.author == "Luca Ferri"
    assert metadata.byline_elements(tree("byline_element.html"))[0].startswith("di Luca Ferri")


def test_byline_label_and_role_are_not_names():
    assert extracted("byline_label.html", "https://www.borgo.example/a").author == "Giulia Mascia"


def test_itemprop_author_reads_its_name():
    assert metadata.byline_elements(tree("itemprop_author.html")) == ["Paolo De Santis"]
    assert extracted("itemprop_author.html", "https://www.borgo.example/a").author == "Paolo De Santis"


def test_italian_byline_line_at_the_top_of_the_text():
    assert extracted("text_byline.html", "https://www.borgo.example/a").author == "Anna Maria Rinaldi, Pietro Sala"


def test_publisher_only_gives_no_journalist():
    """A page whose only author signal is its publisher has no journalist (null rather than junk)."""
    html = (SIGNALS / "byline_element.html").read_text(encoding="utf-8")
    html = html.replace(
        '<div class="article-byline"><span>di</span><a rel="author" href="/autori/luca-ferri">'
        "Luca Ferri</a> <time>12 marzo 2024</time></div>",
        "",
    )
    assert extract_article(html, "https://www.ilborgooggi.it/a").author is None


def test_headline_the_signals_agree_on():
    """The logo's and the menu's <h1> are not the headline; the article's <h1> loses its section prefix,
    which og:title and <title> (without the site's name) do not have."""
    article = extracted("title_agreement.html", "https://www.gazzettadelborgo.it/a")
    assert article.title == "Piano sociale, via libera in consiglio"


def test_headline_without_a_leading_date():
    article = extracted("title_date_prefix.html", "https://www.comune.borgo.it/a")
    assert article.title == "Piano sociale, via libera in consiglio"


@pytest.mark.parametrize(
    ("raw", "url", "clean"),
    [
        (
            "Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden",
            "https://disfunctions.de/a",
            "Podcasts in Plex einbinden",
        ),
        (
            "Il piano passa in consiglio: Gazzetta del Borgo",
            "https://gazzettadelborgo.it/a",
            "Il piano passa in consiglio",
        ),
        ("23.01.2022 - Il piano passa in consiglio", "https://borgo.example/a", "Il piano passa in consiglio"),
        ("1. Februar 2022 | Il piano passa in consiglio", "https://borgo.example/a", "Il piano passa in consiglio"),
    ],
)
def test_title_segments_that_name_no_article(raw, url, clean):
    assert clean_title(raw, site_keys(url)) == clean
