"""Headline and byline rules of the fundus round, one cause each: invented pages and strings in the shape of the
misses of the fundus set's tune half (tests/crawler/test_extraction_fundus.py)."""

from __future__ import annotations

import pytest

from rassegna.crawler.extract import extract_article
from rassegna.nlp.byline import clean_author, text_byline

BODY = (
    "<p>Il consiglio comunale ha approvato ieri sera il nuovo piano per i servizi sociali del quartiere, con fondi "
    "europei destinati alle famiglie e ai giovani, dopo una lunga discussione in aula.</p>"
    "<p>La giunta ha spiegato che i primi bandi saranno pubblicati entro la fine del mese, mentre l'opposizione "
    "chiede un controllo più stretto sulla spesa e sui tempi dei cantieri che partiranno in primavera.</p>"
    "<p>Il sindaco ha ringraziato i consiglieri di entrambi gli schieramenti per il lavoro svolto nelle commissioni "
    "e ha annunciato un'assemblea pubblica nel quartiere per presentare il piano ai residenti.</p>"
)


def page(head: str, header: str, url_title: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'>{head}</head><body><main><article>{header}{BODY}</article></main>"
        "<footer><p>Gazzetta del Borgo, via Roma 1</p></footer></body></html>"
    )


def extracted(html: str, url: str = "https://www.gazzettadelborgo.example/a"):
    article = extract_article(html, url)
    assert article is not None
    return article


def test_a_colon_in_its_own_element_closes_the_kicker_without_a_space():
    """``<span>Kicker<span>:</span></span> <span>Headline</span>``: the colon (hidden, for screen readers)
    follows the kicker as written, it does not float between spaces."""
    html = page(
        "<title>Servizi sociali: Il piano passa in consiglio - Gazzetta del Borgo</title>",
        '<h1><span class="kicker">Servizi sociali<span class="sr-only">:</span></span> '
        '<span class="title">Il piano passa in consiglio</span></h1>',
    )
    assert extracted(html).title == "Servizi sociali: Il piano passa in consiglio"


def test_a_kicker_element_the_other_titles_leave_out_is_not_part_of_the_headline():
    """``<h1><span>Kicker</span><span>Headline</span></h1>`` read as "Kicker Headline": when og:title and
    <title> give the headline alone, the kicker element is a label above it."""
    html = page(
        "<title>Il piano passa in consiglio | Gazzetta del Borgo</title>"
        '<meta property="og:title" content="Il piano passa in consiglio">',
        '<h1><span class="topline">Consiglio comunale</span> <span class="headline">Il piano passa in consiglio'
        "</span></h1>",
    )
    assert extracted(html).title == "Il piano passa in consiglio"


def test_a_kicker_the_other_titles_keep_stays():
    html = page(
        "<title>Consiglio comunale: Il piano passa in consiglio | Gazzetta del Borgo</title>",
        '<h1><span class="topline">Consiglio comunale</span>: <span>Il piano passa in consiglio</span></h1>',
    )
    assert extracted(html).title == "Consiglio comunale: Il piano passa in consiglio"


def test_soft_hyphens_are_not_part_of_the_headline():
    html = page(
        "<title>Piano so&shy;ciale in con&shy;si&shy;glio</title>",
        "<h1>Piano so&shy;ciale in con&shy;si&shy;glio</h1>",
    )
    assert extracted(html).title == "Piano sociale in consiglio"


def test_the_outlet_after_a_name_in_a_byline_is_not_a_person():
    """ "von Anna Neri, GDB Nord": the outlet (its name, then a region or desk) signs with the journalist."""
    html = page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", '
        '"name": "GDB"}}</script><title>Il piano passa in consiglio</title>',
        '<h1>Il piano passa in consiglio</h1><p class="author">von Anna Neri, GDB NORD</p>',
    )
    assert extracted(html, "https://www.gdb.example/a").author == "Anna Neri"


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        ("Trine Juncher Jørgensen og Tôrtia Reimer-Johansen", "Trine Juncher Jørgensen, Tôrtia Reimer-Johansen"),
        ("Anna Lindqvist och Erik Berg", "Anna Lindqvist, Erik Berg"),
    ],
)
def test_authors_joined_by_a_nordic_and(raw, people):
    assert clean_author(raw) == people


@pytest.mark.parametrize(
    ("line", "people"),
    [("von Dr. Max Muster", "Dr. Max Muster"), ("di Prof. Anna Neri e Luca Ferri", "Prof. Anna Neri, Luca Ferri")],
)
def test_a_byline_line_with_an_academic_title(line, people):
    assert text_byline(f"{line}\nIl consiglio comunale ha approvato ieri sera il piano.") == people


def test_a_name_and_a_bar_before_the_date_element_is_a_byline():
    """``<span>Anna Neri |</span><span>05.04.2025 - 10:32</span>``: the name before the date line signs it."""
    html = page(
        "<title>Il piano passa in consiglio</title>",
        '<h1>Il piano passa in consiglio</h1><div class="meta"><span>Anna Neri &nbsp;|</span>'
        '<span class="date">05.04.2025 - Aggiornato: 05.04.2025</span></div>',
    )
    assert extracted(html).author == "Anna Neri"


def test_a_word_and_a_bar_before_a_date_is_no_byline():
    html = page(
        "<title>Il piano passa in consiglio</title>",
        '<h1>Il piano passa in consiglio</h1><div class="meta"><span>Cronaca Roma |</span>'
        '<span class="date">05.04.2025</span></div>',
    )
    assert extracted(html).author is None


def test_a_byline_holding_one_byline_per_author_names_them_all():
    """A byline block holding each author's own byline element: the metadata naming one of them is not all."""
    html = page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
        '"name": "Luca Ferri"}}</script><title>Il piano passa in consiglio</title>',
        '<h1>Il piano passa in consiglio</h1><div class="bylines">'
        '<div class="byline"><address><span class="first">Anna</span> <span class="last">Neri</span></address></div>'
        '<div class="byline"><address><span class="first">Luca</span> <span class="last">Ferri</span></address></div>'
        "</div>",
    )
    assert extracted(html).author == "Anna Neri, Luca Ferri"


def test_a_byline_holding_a_name_and_a_role_is_one_byline():
    """The author's name and her role, in byline elements of two kinds: the role names nobody."""
    html = page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
        '"name": "Anna Neri"}}</script><title>Il piano passa in consiglio</title>',
        '<h1>Il piano passa in consiglio</h1><div class="c-author"><span class="c-author__by-line">di '
        '<a class="c-author__link" href="/autori/anna-neri">Anna Neri</a></span> <div class="c-author__position">'
        "<span>Vicedirettore Vicario</span></div></div>",
    )
    assert extracted(html).author == "Anna Neri"
