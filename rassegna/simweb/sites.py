"""The bundled sample web: four Italian outlets and an unknown site with LgNet2 news, distractors, faults.

Used by the crawler tests and the offline demo. ``EXPECTED_CLIPPINGS`` is what one crawl must store.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rassegna.simweb.pages import PageSpec, article_html, atom, listing_html, rss, sitemap, sitemap_index
from rassegna.simweb.server import Resource, Site

T, L, G = "http://www.torinoggi.test", "http://www.latinaoggi.test", "http://www.genova24.test"

# canonical URL → (outlet, publication date)
EXPECTED_CLIPPINGS: dict[str, tuple[str, date]] = {
    f"{T}/2023/10/18/lgnet2-torino-sportello.html": ("Torinoggi.it", date(2023, 10, 18)),
    f"{T}/2023/10/22/lgnet-flaky.html": ("Torinoggi.it", date(2023, 10, 22)),
    f"{T}/2023/10/24/throttled.html": ("Torinoggi.it", date(2023, 10, 24)),
    "http://www.altrosito.test/notizie/lgnet2-palermo.html": ("Altro Sito Notizie", date(2023, 11, 2)),
    f"{L}/cronaca/lgnet2-latina-mediatori.html": ("Latinaoggi.eu", date(2023, 10, 29)),
    f"{L}/cronaca/citta-accoglienza.html": ("Latinaoggi.eu", date(2023, 10, 30)),
    f"{L}/cronaca/senza-charset.html": ("Latinaoggi.eu", date(2023, 11, 5)),
    f"{G}/2023/11/10/lgnet2-genova.html": ("Genova24.it", date(2023, 11, 10)),
    f"{G}/2023/11/12/lgnet2-genova-bis.html": ("Genova24.it", date(2023, 11, 12)),
    "http://m.genova24.test/2023/11/13/lgnet2-mobile.html": ("Genova24.it", date(2023, 11, 13)),
}
DISALLOWED_PATH = "/riservato/"

_FILLER = (
    "L'iniziativa coinvolge i servizi sociali del Comune, le associazioni del territorio e i mediatori "
    "interculturali, con sportelli aperti tre giorni alla settimana e percorsi di orientamento al lavoro."
)


def _page(path: str, title: str, text: list[str], day: date | None, site: str, **kw: Any) -> str:
    return article_html(PageSpec(path, title, [*text, _FILLER, _FILLER], day, site_name=site, **kw))


def torinoggi() -> list[Site]:
    """Torinoggi.it: an RSS feed (tracking parameters, 503, 429, 404, robots-disallowed, off-site entries)."""
    s = Site("www.torinoggi.test")
    name = "Torinoggi"
    s.add("/robots.txt", Resource(f"User-agent: *\nDisallow: {DISALLOWED_PATH}\n", content_type="text/plain"))
    s.add(
        "/2023/10/18/lgnet2-torino-sportello.html",
        _page(
            "/",
            "Torino, apre lo sportello per i nuovi cittadini",
            [
                "Con il progetto LgNet2 il Comune di Torino apre uno sportello per 160 persone.",
                "«È un passo avanti», dichiara l'assessore Jacopo Rosatelli.",
            ],
            date(2023, 10, 18),
            name,
            author="Mario Rossi",
            canonical=f"{T}/2023/10/18/lgnet2-torino-sportello.html",
        ),
    )
    s.add(
        "/2023/10/20/tv-lg-offerte.html",
        _page(
            "/",
            "Offerte: i televisori LG e internet veloce",
            [
                "Sconti sui televisori LG OLED e sulle offerte internet in fibra.",
                "Lg Electronics presenta i nuovi modelli.",
            ],
            date(2023, 10, 20),
            name,
        ),
    )
    s.add(
        "/2023/10/21/mercato-natale.html",
        _page(
            "/",
            "Torna il mercatino di Natale in piazza",
            ["Il mercatino di Natale apre in piazza Castello con cento bancarelle."],
            date(2023, 10, 21),
            name,
            related=[
                (
                    "/2023/10/18/lgnet2-torino-sportello.html",
                    "Il progetto LgNet2 apre uno sportello a Torino",
                ),
                ("/2023/10/19/altro.html", "LgNet2: la rete dei comuni si allarga"),
            ],
        ),
    )
    s.add(
        "/2023/10/22/lgnet-flaky.html",
        Resource(
            _page(
                "/",
                "La rete dei comuni per l'integrazione",
                ["Il progetto LGNET 2 finanziato dal FAMI coinvolge sedici città italiane."],
                date(2023, 10, 22),
                name,
            ),
            behaviour="flaky",
            failures=1,
        ),
    )
    s.add(
        "/2023/10/24/throttled.html",
        Resource(
            _page(
                "/",
                "Mediatori culturali negli uffici anagrafe",
                ["Grazie a Lgnet2 arrivano i mediatori culturali negli uffici anagrafe torinesi."],
                date(2023, 10, 24),
                name,
            ),
            behaviour="throttle",
            failures=1,
            retry_after=1,
        ),
    )
    s.add(
        DISALLOWED_PATH + "lgnet2-bozza.html",
        _page("/", "Bozza riservata", ["LgNet2 bozza non pubblica."], date(2023, 10, 25), name),
    )
    feed = rss(
        "Torinoggi",
        T,
        [
            (
                f"{T}/2023/10/18/lgnet2-torino-sportello.html?utm_source=rss&utm_medium=feed",
                "Sportello",
                date(2023, 10, 18),
            ),
            (f"{T}/2023/10/20/tv-lg-offerte.html", "Offerte LG", date(2023, 10, 20)),
            (f"{T}/2023/10/21/mercato-natale.html", "Mercatino", date(2023, 10, 21)),
            (f"{T}/2023/10/22/lgnet-flaky.html", "Rete dei comuni", date(2023, 10, 22)),
            (f"{T}{DISALLOWED_PATH}lgnet2-bozza.html", "Bozza", date(2023, 10, 25)),
            (f"{T}/2023/10/23/articolo-rimosso.html", "Rimosso", date(2023, 10, 23)),
            ("http://www.altrosito.test/notizie/lgnet2-palermo.html", "Palermo", date(2023, 11, 2)),
            (f"{T}/2023/10/24/throttled.html", "Mediatori", date(2023, 10, 24)),
        ],
    )
    s.add("/rss/", Resource(feed, content_type="application/rss+xml; charset=utf-8"))
    other = Site("www.altrosito.test")
    other.add(
        "/notizie/lgnet2-palermo.html",
        _page(
            "/",
            "Palermo entra nella rete per l'integrazione",
            ["Anche Palermo aderisce a Lg-Net2, la rete dei comuni per l'inclusione."],
            date(2023, 11, 2),
            "Altro Sito Notizie",
        ),
    )
    return [s, other]


def latinaoggi() -> list[Site]:
    """Latinaoggi.eu: an Atom feed, a news sitemap behind a sitemap index, charsets, PDF, loops, oversize."""
    s = Site("www.latinaoggi.test")
    name = "Latina Oggi"
    s.add(
        "/cronaca/lgnet2-latina-mediatori.html",
        _page(
            "/",
            "Latina, oltre 450 persone agli sportelli",
            ["Il progetto LgNet2 a Latina ha accolto oltre 450 persone nel 2023."],
            date(2023, 10, 29),
            name,
            author="Anna Bianchi",
        ),
    )
    latin1 = _page(
        "/",
        "Latina è una città accogliente",
        [
            "Latina è una città che accoglie: il progetto Ignet2 porta più servizi, "
            "perché l'integrazione è già realtà."
        ],
        date(2023, 10, 30),
        name,
        charset="iso-8859-1",
    )
    s.add(
        "/cronaca/citta-accoglienza.html",
        Resource(latin1.encode("iso-8859-1"), content_type="text/html; charset=iso-8859-1"),
    )
    nocharset = _page(
        "/",
        "Perché la rete LgNetEA funziona",
        ["Ecco perché la rete LgNetEA funziona: è più vicina ai cittadini, dicono a Latina."],
        date(2023, 11, 5),
        name,
        charset=None,
    )
    s.add("/cronaca/senza-charset.html", Resource(nocharset.encode("iso-8859-1"), content_type="text/html"))
    s.add(
        "/cronaca/malformato.html",
        Resource(
            b"<html><head><meta property='og:type' content='article'><title>Rotto</head>"
            b"<body><div><p>Pagina <b>rotta "
            b"<i>senza chiusure<table><tr><td>testo \x00\xff\xfe",
            content_type="text/html; charset=utf-8",
        ),
    )
    s.add("/cronaca/pesante.html", Resource(behaviour="oversized", size=600_000))
    s.add(
        "/cronaca/documento",
        Resource(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n", content_type="application/pdf"),
    )
    s.add(
        "/cronaca/giro.html", Resource(behaviour="redirect", status=302, location=f"{L}/cronaca/giro2.html")
    )
    s.add(
        "/cronaca/giro2.html", Resource(behaviour="redirect", status=302, location=f"{L}/cronaca/giro.html")
    )
    s.add(
        "/feed.atom",
        Resource(
            atom(
                "Latina Oggi",
                L,
                [
                    (
                        f"{L}/cronaca/lgnet2-latina-mediatori.html?fbclid=IwAR0abc&utm_campaign=social",
                        "Sportelli",
                        None,
                    ),
                    (f"{L}/cronaca/citta-accoglienza.html", "Città", date(2023, 10, 30)),
                ],
            ),
            content_type="application/atom+xml",
        ),
    )
    s.add(
        "/feed-rotto.xml",
        Resource(b"<rss><channel><item><title>rotto</titl", content_type="application/rss+xml"),
    )
    s.add("/sitemap.xml", Resource(sitemap_index([f"{L}/sitemap-news.xml"]), content_type="application/xml"))
    s.add(
        "/sitemap-news.xml",
        Resource(
            sitemap(
                [
                    (f"{L}/cronaca/lgnet2-latina-mediatori.html", date(2023, 10, 29)),
                    (f"{L}/cronaca/senza-charset.html", date(2023, 11, 5)),
                    (f"{L}/cronaca/malformato.html", None),
                    (f"{L}/cronaca/pesante.html", None),
                    (f"{L}/cronaca/documento", None),
                    (f"{L}/cronaca/giro.html", None),
                ],
                news=True,
            ),
            content_type="application/xml",
        ),
    )
    return [s]


def genova24() -> list[Site]:
    """Genova24.it: a home page crawled to depth 2, a subdomain, a redirect, an off-site link."""
    s = Site("www.genova24.test")
    name = "Genova24"
    s.add(
        "/",
        listing_html(
            "Genova24 - notizie da Genova",
            [
                ("/cronaca/", "Cronaca"),
                ("/2023/11/10/lgnet2-genova.html?utm_campaign=home", "LgNet2 a Genova: nuovi sportelli"),
                ("http://m.genova24.test/2023/11/13/lgnet2-mobile.html", "Versione mobile"),
                ("/vecchio-link.html", "Archivio"),
                ("http://www.esterno.test/lgnet2.html", "Link esterno"),
            ],
            name,
        ),
    )
    s.add(
        "/cronaca/",
        listing_html(
            "Cronaca",
            [
                ("/2023/11/12/lgnet2-genova-bis.html?fbclid=abc", "Secondo articolo"),
                ("/2023/11/11/sport.html", "Sport"),
                ("/2023/11/10/lgnet2-genova.html", "Primo articolo"),
            ],
            name,
        ),
    )
    s.add(
        "/vecchio-link.html",
        Resource(behaviour="redirect", status=301, location=f"{G}/2023/11/12/lgnet2-genova-bis.html"),
    )
    s.add(
        "/2023/11/10/lgnet2-genova.html",
        _page(
            "/",
            "Genova, nuovi sportelli per l'integrazione",
            ["Con LgNet2 Genova apre due nuovi sportelli."],
            date(2023, 11, 10),
            name,
        ),
    )
    s.add(
        "/2023/11/12/lgnet2-genova-bis.html",
        _page(
            "/",
            "Genova, il bilancio del progetto",
            ["Il bilancio di LG-Net2 a Genova: 300 persone seguite."],
            date(2023, 11, 12),
            name,
            canonical=f"{G}/2023/11/12/lgnet2-genova-bis.html",
        ),
    )
    s.add(
        "/2023/11/11/sport.html",
        _page(
            "/",
            "Il Genoa vince il derby",
            ["Il Genoa vince il derby della Lanterna."],
            date(2023, 11, 11),
            name,
            links=[("/2023/11/09/profondo.html", "Approfondimento")],
        ),
    )
    s.add(
        "/2023/11/09/profondo.html",
        _page(
            "/",
            "Troppo in profondità",
            ["LgNet2 citato in una pagina oltre la profondità massima."],
            date(2023, 11, 9),
            name,
        ),
    )
    mobile = Site("m.genova24.test")
    mobile.add("/", listing_html("Genova24 mobile", [("/2023/11/13/lgnet2-mobile.html", "LgNet2")], name))
    mobile.add(
        "/2023/11/13/lgnet2-mobile.html",
        _page(
            "/",
            "Genova, la rete LgNet2 sul territorio",
            ["La rete LgNet2 raggiunge i quartieri di Genova."],
            date(2023, 11, 13),
            name,
        ),
    )
    external = Site("www.esterno.test")
    external.add(
        "/lgnet2.html", _page("/", "Esterno", ["LgNet2 fuori dominio."], date(2023, 11, 1), "Esterno")
    )
    return [s, mobile, external]


def lento() -> list[Site]:
    """Lento.it: a feed that never answers in time."""
    s = Site("www.lento.test")
    s.add("/rss/", Resource(rss("Lento", "http://www.lento.test", []), behaviour="slow", delay=6.0))
    return [s]


def demo_sites() -> list[Site]:
    """Every site of the sample web."""
    return [*torinoggi(), *latinaoggi(), *genova24(), *lento()]


def demo_config(*, timeout: float = 1.5, retry_times: int = 1) -> dict[str, Any]:
    """A configuration (as YAML-ready data) for crawling the sample web."""
    return {
        "campaigns": [
            {
                "name": "LgNet2",
                "keywords": ["LgNet2", "LgNetEA"],
                "partner_cities": ["Torino", "Latina", "Genova", "Palermo"],
            },
            {"name": "LGNet3", "keywords": ["LGNet3"], "partner_cities": ["Milano"]},
        ],
        "outlets": [
            {
                "name": "Torinoggi.it",
                "category": "quotidiani",
                "audience": 21000,
                "domains": ["torinoggi.test"],
                "feeds": [f"{T}/rss/"],
            },
            {
                "name": "Latinaoggi.eu",
                "category": "quotidiani",
                "domains": ["latinaoggi.test"],
                "feeds": [f"{L}/feed.atom", f"{L}/feed-rotto.xml"],
                "sitemaps": [f"{L}/sitemap.xml"],
            },
            {
                "name": "Genova24.it",
                "category": "quotidiani",
                "domains": ["genova24.test"],
                "start_urls": [f"{G}/"],
            },
            {
                "name": "Lento.it",
                "category": "portali",
                "domains": ["lento.test"],
                "feeds": ["http://www.lento.test/rss/"],
            },
        ],
        "crawl": {
            "user_agent": "rassegna-test/0.1 (+https://example.test/contact)",
            "download_timeout": timeout,
            "retry_times": retry_times,
            "autothrottle": False,
            "max_page_bytes": 300_000,
            "max_retry_after": 2,
            "max_depth": 2,
        },
    }
