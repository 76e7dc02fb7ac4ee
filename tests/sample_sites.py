"""The bundled sample web: four Italian outlets and an unknown site with LgNet2 news, distractors, faults.

Used by the crawler, scheduler and CLI tests only (the offline demo builds its own sites in rassegna.app.demo).
``EXPECTED_CLIPPINGS`` is what one crawl must store.
"""

from __future__ import annotations

import json
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
    "http://www.altrosito.test/notizie/lgnet2-palermo.html": ("altrosito.test", date(2023, 11, 2)),
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
        ["Latina è una città che accoglie: il progetto Ignet2 porta più servizi, perché l'integrazione è già realtà."],
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
    s.add("/cronaca/giro.html", Resource(behaviour="redirect", status=302, location=f"{L}/cronaca/giro2.html"))
    s.add("/cronaca/giro2.html", Resource(behaviour="redirect", status=302, location=f"{L}/cronaca/giro.html"))
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
    external.add("/lgnet2.html", _page("/", "Esterno", ["LgNet2 fuori dominio."], date(2023, 11, 1), "Esterno"))
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


# --- the open world: outlets known only by their domain, news searches, unknown outlets -------------------

N, B, NS = "http://www.novaraoggi.test", "http://www.barinotizie.test", "http://news.search.test"
MOVED_FEED = ("/rss-vecchio.xml", "/rss-nuovo.xml")
# canonical URL → outlet: what one crawl of the open world stores (news searches included)
OPEN_WORLD_CLIPPINGS: dict[str, str] = {
    f"{N}/2023/11/20/lgnet2-novara.html": "Novara Oggi",
    f"{B}/notizie/lgnet2-bari.html": "Bari Notizie",
    "http://www.spostato.test/2023/11/21/lgnet2-primo.html": "Spostato.it",
    "http://www.nuovosito.test/2023/11/22/lgnet2-bologna.html": "nuovosito.test",
    "http://www.altratestata.test/notizia/lgnet2-caserta.html": "altratestata.test",
    "http://www.gazzettalocale.test/lgnet2-potenza.html": "gazzettalocale.test",
}
# fetched through a news search, never stored: LG televisions, another "lgnet"
SEARCH_NEGATIVES = ("http://www.negozio.test/tv-lg-oled.html", "http://www.lgnet-srl.test/chi-siamo.html")


def _home(title: str, links: list[tuple[str, str]], site: str, feeds: list[str] = ()) -> str:  # type: ignore[assignment]
    page = listing_html(title, links, site)
    alternates = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{site}" href="{href}">' for href in feeds
    )
    return page.replace("</head>", alternates + "</head>", 1)


def open_world_outlets() -> list[Site]:
    """Outlets known only by their domain: a feed on the home page, a news sitemap in robots.txt, a feed that
    moves (see ``move_feed``), a site with no source at all; none speaks https (the simulated web has no TLS),
    two answer only on www."""
    novara = Site("www.novaraoggi.test", bare=False)
    novara.add("/", _home("Novara Oggi", [("/2023/11/20/lgnet2-novara.html", "LgNet2")], "Novara Oggi", ["/feed/"]))
    novara.add(
        "/feed/",
        Resource(
            rss(
                "Novara Oggi",
                N,
                [
                    (f"{N}/2023/11/20/lgnet2-novara.html", "LgNet2 a Novara", date(2023, 11, 20)),
                    (f"{N}/2023/11/19/sagra.html", "Sagra", date(2023, 11, 19)),
                ],
            ),
            content_type="application/rss+xml",
        ),
    )
    novara.add(
        "/2023/11/20/lgnet2-novara.html",
        _page("/", "Novara, la rete per l'inclusione", ["Novara guarda al modello LgNet2."], date(2023, 11, 20), "NO"),
    )
    novara.add("/2023/11/19/sagra.html", _page("/", "Sagra", ["Torna la sagra del riso."], date(2023, 11, 19), "NO"))

    bari = Site("www.barinotizie.test")
    bari.add("/", listing_html("Bari Notizie", [("/notizie/", "Notizie")], "Bari Notizie"))
    bari.add(
        "/robots.txt",
        Resource(f"User-agent: *\nDisallow: /bozze/\nSitemap: {B}/sitemap-news.xml\n", content_type="text/plain"),
    )
    bari.add(
        "/sitemap-news.xml",
        Resource(
            sitemap(
                [(f"{B}/notizie/lgnet2-bari.html", date(2023, 11, 18)), (f"{B}/bozze/lgnet2-bozza.html", None)],
                news=True,
            ),
            content_type="application/xml",
        ),
    )
    bari.add(
        "/notizie/lgnet2-bari.html",
        _page("/", "Bari e la rete dei comuni", ["Anche Bari segue LgNet2."], date(2023, 11, 18), "Bari Notizie"),
    )
    bari.add("/bozze/lgnet2-bozza.html", _page("/", "Bozza", ["LgNet2 bozza."], date(2023, 11, 18), "Bari Notizie"))

    moved = Site("www.spostato.test", bare=False)
    moved.add("/", _home("Spostato", [], "Spostato", [MOVED_FEED[0]]))
    moved.add(
        MOVED_FEED[0],
        Resource(
            rss(
                "Spostato",
                "http://www.spostato.test",
                [("http://www.spostato.test/2023/11/21/lgnet2-primo.html", "Primo", date(2023, 11, 21))],
            ),
            content_type="application/rss+xml",
        ),
    )
    moved.add(
        "/2023/11/21/lgnet2-primo.html",
        _page("/", "Il primo articolo", ["LgNet2 arriva in città."], date(2023, 11, 21), "Spostato"),
    )
    silent = Site("www.muto.test")
    silent.add("/", listing_html("Muto", [("/chi-siamo.html", "Chi siamo")], "Muto"))
    return [novara, bari, moved, silent]


def move_feed(site: Site) -> str:
    """The spostato.test site moves its feed: the old address answers 404, the home page links the new one with
    a new article. The canonical URL of that article is returned."""
    new_article = "http://www.spostato.test/2023/11/25/lgnet2-secondo.html"
    del site.resources[MOVED_FEED[0]]
    site.add("/", _home("Spostato", [], "Spostato", [MOVED_FEED[1]]))
    site.add(
        MOVED_FEED[1],
        Resource(
            rss("Spostato", "http://www.spostato.test", [(new_article, "Secondo", date(2023, 11, 25))]),
            content_type="application/rss+xml",
        ),
    )
    site.add(
        "/2023/11/25/lgnet2-secondo.html",
        _page("/", "Il secondo articolo", ["LgNet2, il bilancio."], date(2023, 11, 25), "Spostato"),
    )
    return new_article


def news_searches() -> list[Site]:
    """A news-search RSS (direct links, wrapped links, a link it cannot unwrap, a non-http one), a GDELT-style
    JSON API, the unknown outlets they lead to, and the negatives they also return."""
    wrapped = f"{NS}/apiclick.aspx?ref=FexRss&aid=&tid=77&url="
    search = Site("news.search.test")
    search.add(
        "/rss",
        Resource(
            rss(
                "Ricerca: LgNet2",
                NS,
                [
                    ("http://www.nuovosito.test/2023/11/22/lgnet2-bologna.html", "Bologna", date(2023, 11, 22)),
                    (
                        wrapped + "http%3a%2f%2fwww.altratestata.test%2fnotizia%2flgnet2-caserta.html&c=1",
                        "Caserta",
                        date(2023, 11, 23),
                    ),
                    (
                        f"{NS}/redirect?u=http%3A%2F%2Ftorinoggi.test%2F2023%2F10%2F18%2Flgnet2-torino-sportello.html",
                        "Torino",
                        None,
                    ),
                    (f"{NS}/rss/articles/CBMiQWh0dHBzOi8vZXNlbXBpby5pdA?oc=5", "Non decifrabile", None),
                    ("javascript:alert(1)", "Script", None),
                    (wrapped + "http%3a%2f%2fwww.negozio.test%2ftv-lg-oled.html", "TV LG", None),
                    ("http://www.lgnet-srl.test/chi-siamo.html", "LGNET srl", None),
                    ("http://www.nuovosito.test/privato/lgnet2-riservato.html", "Riservato", None),
                ],
            ),
            content_type="application/rss+xml; charset=utf-8",
        ),
    )
    gdelt = Site("api.gdelt.test")
    gdelt.add(
        "/api/v2/doc/doc",
        Resource(
            json.dumps(
                {
                    "articles": [
                        {
                            "url": "http://www.gazzettalocale.test/lgnet2-potenza.html",
                            "url_mobile": "",
                            "title": "Potenza",
                            "seendate": "20231124T101500Z",
                            "domain": "gazzettalocale.test",
                            "language": "Italian",
                            "sourcecountry": "Italy",
                        },
                        {"url": "mailto:redazione@esempio.it", "title": "posta", "seendate": "20231124T101500Z"},
                        {"url": f"{T}/2023/10/18/lgnet2-torino-sportello.html", "title": "Torino", "seendate": "x"},
                        {"title": "senza indirizzo"},
                    ]
                }
            ),
            content_type="application/json; charset=utf-8",
        ),
    )
    nuovo = Site("www.nuovosito.test")
    nuovo.add("/robots.txt", Resource("User-agent: *\nDisallow: /privato/\n", content_type="text/plain"))
    nuovo.add(
        "/2023/11/22/lgnet2-bologna.html",
        _page(
            "/",
            "Bologna nella rete LgNet2",
            ["Bologna entra in LgNet2 con due sportelli."],
            date(2023, 11, 22),
            "Nuovo Sito",
        ),
    )
    nuovo.add("/privato/lgnet2-riservato.html", _page("/", "Riservato", ["LgNet2."], date(2023, 11, 22), "Nuovo"))
    altra = Site("www.altratestata.test")
    altra.add(
        "/notizia/lgnet2-caserta.html",
        _page(
            "/", "Caserta e LgNet2", ["A Caserta il progetto LgNet2 forma i mediatori."], date(2023, 11, 23), "Altra"
        ),
    )
    gazzetta = Site("www.gazzettalocale.test")
    gazzetta.add(
        "/lgnet2-potenza.html",
        _page("/", "Potenza, sportello aperto", ["Potenza apre lo sportello LgNet2."], date(2023, 11, 24), "Gazzetta"),
    )
    shop = Site("www.negozio.test")
    shop.add(
        "/tv-lg-oled.html",
        _page(
            "/",
            "Televisori LG OLED in offerta",
            ["I televisori LG OLED con internet veloce."],
            date(2023, 11, 24),
            "Negozio",
        ),
    )
    other = Site("www.lgnet-srl.test")
    other.add(
        "/chi-siamo.html",
        _page(
            "/", "LGNET srl, servizi informatici", ["LGNET srl: reti e servizi informatici a Lugano."], None, "LGNET"
        ),
    )
    return [search, gdelt, nuovo, altra, gazzetta, shop, other]


def faulty_searches() -> list[Site]:
    """News searches that fail: garbage, HTTP 500, 429 with Retry-After for ever, an answer too slow."""
    s = Site("guasto.search.test")
    s.add("/rotto", Resource("<html><body>Servizio in manutenzione</body></html>"))
    s.add("/non-json", Resource("Your search contained a keyword that was too short.", content_type="text/plain"))
    s.add("/errore", Resource("errore interno", status=500, content_type="text/plain"))
    s.add("/limitato", Resource(rss("x", NS, []), behaviour="throttle", failures=100, retry_after=1))
    s.add("/lento", Resource(rss("x", NS, []), behaviour="slow", delay=6.0, content_type="application/rss+xml"))
    return [s]


def open_world_sites() -> list[Site]:
    """The sample web (configured outlets) plus the open world."""
    return [*torinoggi(), *open_world_outlets(), *news_searches(), *faulty_searches()]


def open_world_config(*, faulty: bool = False, **kwargs: Any) -> dict[str, Any]:
    """The sample configuration with Torinoggi.it, domain-only outlets and news searches (``faulty``: the
    failing ones too)."""
    config = demo_config(**kwargs)
    config["outlets"] = [config["outlets"][0]] + [
        {"name": name, "category": "quotidiani", "domains": [domain]}
        for name, domain in (
            ("Novara Oggi", "novaraoggi.test"),
            ("Bari Notizie", "barinotizie.test"),
            ("Spostato.it", "spostato.test"),
            ("Muto.it", "muto.test"),
            ("Sparito.it", "sparito.test"),  # no such site: every home page fails
        )
    ]
    config["discovery"] = [
        {"name": "Ricerca notizie", "kind": "rss", "url": f"{NS}/rss?q={{query}}&format=rss"},
        {
            "name": "GDELT",
            "kind": "gdelt",
            "url": "http://api.gdelt.test/api/v2/doc/doc?query={query}&mode=artlist&format=json",
            "min_interval": 1,
        },
    ]
    if faulty:
        g = "http://guasto.search.test"
        config["discovery"] += [
            {"name": "Rotta", "kind": "rss", "url": f"{g}/rotto?q={{query}}"},
            {"name": "Non JSON", "kind": "gdelt", "url": f"{g}/non-json?q={{query}}"},
            {"name": "Errore", "kind": "rss", "url": f"{g}/errore?q={{query}}"},
            {"name": "Limitata", "kind": "rss", "url": f"{g}/limitato?q={{query}}"},
            {"name": "Lenta", "kind": "rss", "url": f"{g}/lento?q={{query}}", "timeout": 1},
        ]
    config["crawl"]["rediscover_after_failures"] = 2
    return config
