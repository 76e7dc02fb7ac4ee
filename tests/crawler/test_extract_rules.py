"""Extraction rules on saved HTML: full text kept, site names out of titles, bylines, Rome dates, canonical url."""

from __future__ import annotations

from datetime import date

import pytest

from rassegna.crawler.extract import clean_title, extract_article, fast_text_doubtful, published_date, site_keys
from rassegna.crawler.urls import canonical_url, clipping_url
from rassegna.nlp.byline import clean_author

PARAGRAPH = (
    "Il consiglio comunale ha approvato ieri sera il nuovo piano per i servizi sociali del quartiere, "
    "con fondi europei destinati alle famiglie e ai giovani, dopo una lunga discussione in aula."
)


def page(
    title: str,
    body: str,
    head: str = "",
    url_host: str = "www.lastampa.it",
) -> str:
    """A news page as outlets write them: head metadata, navigation, the article, a footer."""
    return f"""<!doctype html><html lang="it"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="La Stampa">{head}</head><body>
<nav><a href="/">Home</a> <a href="/cronaca">Cronaca</a> <a href="/politica">Politica</a></nav>
<article><h1>{title.split(" - ")[0]}</h1>{body}</article>
<footer>© {url_host} Riproduzione riservata. Privacy. Cookie policy.</footer></body></html>"""


@pytest.mark.parametrize(
    ("raw", "url", "names", "clean"),
    [
        ("Il sindaco firma il bando per i giovani - La Stampa", "https://www.lastampa.it/a", (), None),
        ("Hockey night returns to the city | CBC News", "https://www.cbc.ca/news/a", (), None),
        ("Corriere.it – Il sindaco firma il bando per i giovani", "https://www.corriere.it/a", (), None),
        ("Il sindaco firma il bando per i giovani | Torinoggi.it", "https://www.torinoggi.it/a", (), None),
        (
            "Il sindaco firma il bando | Nuova Testata | Notizie dal territorio",
            "https://nt.example/a",
            ("Nuova Testata",),
            None,
        ),
    ],
)
def test_title_without_site_name(raw, url, names, clean):
    expected = clean or raw.replace(" - La Stampa", "").replace(" | CBC News", "").replace("Corriere.it – ", "")
    expected = expected.replace(" | Torinoggi.it", "").replace(" | Nuova Testata | Notizie dal territorio", "")
    assert clean_title(raw, site_keys(url, names)) == expected


def test_title_segments_that_do_not_name_the_site_stay():
    keys = site_keys("https://www.lastampa.it/a", ["La Stampa"])
    assert clean_title("Torino - Il sindaco firma il bando", keys) == "Torino - Il sindaco firma il bando"
    assert clean_title("Stampa 3D: la scuola apre il laboratorio", keys) == "Stampa 3D: la scuola apre il laboratorio"


@pytest.mark.parametrize(
    ("raw", "journalist"),
    [
        ("Agenzia ANSA; Redazione ANSA", None),
        ("Repubblica it", None),
        ("Facebook Com; Vegolosi", None),
        ("https://www.facebook.com/lastampa", None),
        ("Redazione", None),
        ("AGI", None),
        ("Adnkronos", None),
        ("Dire", None),
        ("Askanews", None),
        ("Reuters", None),
        ("La Stampa", None),
        ("Rossi; Mario", "Mario Rossi"),
        ("Rossi, Mario", "Mario Rossi"),
        ("di Giulia Mascia", "Giulia Mascia"),
        ("GIOVANNI DI MEO", "Giovanni Di Meo"),
        ("Mario Rossi; Anna Bianchi", "Mario Rossi, Anna Bianchi"),
        ("Mario Rossi (ANSA)", "Mario Rossi"),
        ("Luigi Di Maio", "Luigi Di Maio"),
        ("Giovanni Ansaldo", "Giovanni Ansaldo"),
    ],
)
def test_journalist_cleaned(raw, journalist):
    assert clean_author(raw, ["La Stampa", "lastampa", "lastampait"]) == journalist


def test_publication_date_is_the_day_in_rome():
    head = '<meta property="article:published_time" content="2023-12-05T23:15:00Z">'
    assert published_date(page("Titolo", "<p>x</p>", head), "2023-12-05") == date(2023, 12, 6)
    assert published_date(page("Titolo", "<p>x</p>", head), None) == date(2023, 12, 6)
    summer = '<script type="application/ld+json">{"datePublished": "2023-07-05T21:30:00+00:00"}</script>'
    assert published_date(page("Titolo", "<p>x</p>", summer), "2023-07-05") == date(2023, 7, 5)


def test_a_press_release_number_is_not_a_date():
    html = page("Comunicato", "<p>Comunicato Stampa n. 03/2020</p><p>" + PARAGRAPH + "</p>")
    assert published_date(html, "2020-03-01") is None
    assert published_date(page("C", "<p>Roma, 01/03/2020</p>"), "2020-03-01") == date(2020, 3, 1)


def test_whole_article_extracted_with_clean_metadata():
    """The full text survives (also the keyword in the last paragraph), with the cleaned metadata."""
    body = "".join(f"<p>{PARAGRAPH} Paragrafo {i}.</p>" for i in range(8)) + (
        "<p>Il progetto LgNet2 coinvolge anche Torino e i suoi quartieri periferici.</p>"
    )
    head = (
        '<meta name="author" content="Agenzia ANSA; Redazione ANSA">'
        '<meta property="article:published_time" content="2023-12-05T23:15:00Z">'
        '<link rel="canonical" href="https://www.lastampa.it/cronaca/2023/12/06/news/bando">'
    )
    html = page("Il sindaco firma il bando per i giovani - La Stampa", body, head)
    ext = extract_article(html, "https://www.lastampa.it/cronaca/2023/12/06/news/bando?refresh_ce=1", ["La Stampa"])
    assert ext is not None
    assert ext.title == "Il sindaco firma il bando per i giovani"
    assert "LgNet2" in ext.text and "Paragrafo 0" in ext.text
    assert ext.author is None
    assert ext.published == date(2023, 12, 6)


def test_clipping_url_is_the_canonical_address_on_the_same_site():
    fetched = "https://www.lastampa.it/cronaca/2023/12/06/news/bando-1.123?refresh_ce=1"
    canonical = "https://www.lastampa.it/cronaca/2023/12/06/news/bando-1.123"
    assert clipping_url(fetched, canonical) == canonical
    assert clipping_url(fetched, "/cronaca/2023/12/06/news/bando-1.123") == canonical
    assert clipping_url(fetched, None) == canonical  # the cache-busting parameter never identifies a page
    assert clipping_url("https://m.lastampa.it/a?id=7", "https://www.lastampa.it/a?id=7") == (
        "https://www.lastampa.it/a?id=7"
    )
    # Another site's address (a syndicated wire) is not where the reader found the article.
    assert clipping_url("https://www.torinoggi.it/a", "https://www.ansa.it/b") == "https://www.torinoggi.it/a"
    assert canonical_url(fetched) == canonical


@pytest.mark.parametrize(
    ("text", "doubtful"),
    [
        ("Il sindaco ha firmato il bando.", True),  # a fragment: the precise path reads the page again
        ("\n".join(["Home", "Cronaca", "Politica locale", "Sport", "Contatti"] * 80), True),  # the menus
        ("\n".join([PARAGRAPH] * 12), False),  # an article: the fast text stands
    ],
)
def test_fast_text_read_again_when_short_or_menus(text, doubtful):
    assert fast_text_doubtful(text) is doubtful


def test_precise_pass_on_request_keeps_the_whole_article():
    """The crawler asks for it when the page names a campaign its fast text does not: the text is complete."""
    body = "".join(f"<p>{PARAGRAPH} Paragrafo {i}.</p>" for i in range(8)) + (
        "<p>Il progetto LgNet2 coinvolge anche Torino e i suoi quartieri periferici.</p>"
    )
    html = page("Il sindaco firma il bando per i giovani - La Stampa", body)
    fast = extract_article(html, "https://www.lastampa.it/a", ["La Stampa"])
    whole = extract_article(html, "https://www.lastampa.it/a", ["La Stampa"], precise=True)
    assert fast is not None and whole is not None
    assert "LgNet2" in whole.text and "Paragrafo 0" in whole.text
    assert (whole.title, whole.author, whole.published) == (fast.title, fast.author, fast.published)
