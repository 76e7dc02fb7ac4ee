"""HTML, feeds and sitemaps the way Italian news sites write them: menus, scripts, related links, footers."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime

_MENU = ["Cronaca", "Politica", "Economia", "Sport", "Cultura", "Spettacoli", "Eventi", "Territorio", "Meteo"]


@dataclass
class PageSpec:
    """An article page: headline, paragraphs, date, author and what surrounds it."""

    path: str
    title: str
    paragraphs: Sequence[str]
    published: date | None
    author: str | None = None
    site_name: str = ""
    related: Sequence[tuple[str, str]] = ()  # (href, title) in the "related posts" box
    canonical: str | None = None
    rights_reserved: bool = True
    charset: str | None = "utf-8"  # <meta charset>; None: none declared
    padding: int = 0  # bytes of scripts and menus to add (realistic page sizes)
    links: Sequence[tuple[str, str]] = field(default_factory=list)  # extra links in the page body
    article: bool = True  # og:type article + published_time


def _padding(size: int, seed: int) -> str:
    if size <= 0:
        return ""
    block = (
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
        f"gtag('js',new Date());gtag('config','G-{seed:08d}');var adSlots=["
        + ",".join(f"{{id:'div-gpt-ad-{seed}-{i}',sizes:[[300,250],[728,90]]}}" for i in range(12))
        + "];</script>\n"
    )
    menu = (
        "<ul class='mega-menu'>"
        + "".join(f"<li><a href='#sezione-{m.lower()}-{i}'>{m} {i}</a></li>" for i in range(8) for m in _MENU)
        + "</ul>\n"
    )
    out: list[str] = []
    n = 0
    while n < size:
        piece = block if len(out) % 2 == 0 else menu
        out.append(piece)
        n += len(piece)
    return "".join(out)


def article_html(spec: PageSpec, *, seed: int = 0) -> str:
    """A complete news-site page around the article."""
    esc = html.escape
    head = [f'<meta charset="{spec.charset}">'] if spec.charset else []
    head.append(f"<title>{esc(spec.title)} - {esc(spec.site_name)}</title>")
    if spec.site_name:
        head.append(f'<meta property="og:site_name" content="{esc(spec.site_name)}">')
    head.append(f'<meta property="og:title" content="{esc(spec.title)}">')
    if spec.article:
        head.append('<meta property="og:type" content="article">')
        if spec.published:
            head.append(
                f'<meta property="article:published_time" content="{spec.published.isoformat()}T08:30:00+01:00">'
            )
    else:
        head.append('<meta property="og:type" content="website">')
    if spec.author:
        head.append(f'<meta name="author" content="{esc(spec.author)}">')
    if spec.canonical:
        head.append(f'<link rel="canonical" href="{esc(spec.canonical)}">')
    pad = _padding(spec.padding // 2, seed)
    nav = (
        "<nav class='main-nav'><ul>"
        + "".join(f"<li><a href='#{m.lower()}'>{m}</a></li>" for m in _MENU)
        + "</ul></nav>"
    )
    body_links = "".join(f"<p><a href='{esc(h)}'>{esc(t)}</a></p>" for h, t in spec.links)
    paras = "\n".join(f"<p>{esc(p)}</p>" for p in spec.paragraphs)
    byline = f"<span class='author'>di {esc(spec.author)}</span>" if spec.author else ""
    when = (
        f"<time datetime='{spec.published.isoformat()}'>{spec.published.strftime('%d/%m/%Y')}</time>"
        if spec.published and spec.article
        else ""
    )
    related = ""
    if spec.related:
        related = (
            "<aside class='related-posts sidebar'><h3>Articoli correlati</h3><ul>"
            + "".join(f"<li><a href='{esc(h)}'>{esc(t)}</a></li>" for h, t in spec.related)
            + "</ul></aside>"
        )
    rights = "<p class='copyright'>© Riproduzione riservata</p>" if spec.rights_reserved else ""
    return f"""<!DOCTYPE html>
<html lang="it"><head>
{chr(10).join(head)}
<link rel="stylesheet" href="/static/style.css">
{pad}
</head><body>
<header class="site-header"><div class="logo"><a href="/">{esc(spec.site_name)}</a></div>{nav}</header>
<div class="cookie-banner">Questo sito utilizza cookie tecnici e di profilazione. Accetta</div>
<main><article class="post">
<h1 class="entry-title">{esc(spec.title)}</h1>
<div class="meta">{byline} {when}</div>
<div class="entry-content">
{paras}
{body_links}
</div>
</article>
{related}
</main>
<footer class="site-footer"><div>{esc(spec.site_name)} - testata registrata. P.IVA 01234567890</div>
{rights}
<ul class="footer-links"><li><a href="#privacy">Privacy</a></li><li><a href="#contatti">Contatti</a></li></ul>
{_padding(spec.padding - spec.padding // 2, seed + 1)}
</footer>
</body></html>
"""


def listing_html(title: str, links: Iterable[tuple[str, str]], site_name: str = "") -> str:
    """A home or section page: a list of links (not an article)."""
    items = "".join(f"<li><a href='{html.escape(h)}'>{html.escape(t)}</a></li>" for h, t in links)
    return (
        f"<!DOCTYPE html><html lang='it'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        "<meta property='og:type' content='website'>"
        f"<meta property='og:site_name' content='{html.escape(site_name)}'>"
        f"</head><body><h1>{html.escape(title)}</h1><ul>{items}</ul></body></html>"
    )


def _rfc822(day: date | None) -> str:
    moment = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC) if day else datetime(2024, 1, 1, tzinfo=UTC)
    return format_datetime(moment)


def rss(title: str, link: str, entries: Iterable[tuple[str, str, date | None]]) -> str:
    """An RSS 2.0 feed of (url, title, date) entries."""
    items = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link><guid>{html.escape(u)}</guid>"
        f"<pubDate>{_rfc822(d)}</pubDate></item>"
        for u, t, d in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>{html.escape(link)}</link><description>{html.escape(title)}"
        f"</description>{items}</channel></rss>"
    )


def atom(title: str, link: str, entries: Iterable[tuple[str, str, date | None]]) -> str:
    """An Atom feed of (url, title, date) entries."""
    items = "".join(
        f"<entry><title>{html.escape(t)}</title><link rel='alternate' href='{html.escape(u)}'/>"
        f"<id>{html.escape(u)}</id><updated>{(d or date(2024, 1, 1)).isoformat()}T09:00:00Z</updated></entry>"
        for u, t, d in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{html.escape(title)}</title><link href='{html.escape(link)}'/><id>{html.escape(link)}</id>"
        f"<updated>2024-01-01T00:00:00Z</updated>{items}</feed>"
    )


def sitemap(entries: Iterable[tuple[str, date | None]], *, news: bool = False) -> str:
    """A urlset sitemap (a Google News sitemap when ``news``)."""
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    rows = []
    for url, day in entries:
        extra = ""
        if day and news:
            extra = (
                "<news:news><news:publication><news:name>x</news:name><news:language>it</news:language>"
                f"</news:publication><news:publication_date>{day.isoformat()}</news:publication_date></news:news>"
            )
        elif day:
            extra = f"<lastmod>{day.isoformat()}</lastmod>"
        rows.append(f"<url><loc>{html.escape(url)}</loc>{extra}</url>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>'
        + "".join(rows)
        + "</urlset>"
    )


def sitemap_index(urls: Iterable[str]) -> str:
    """A sitemap index."""
    rows = "".join(f"<sitemap><loc>{html.escape(u)}</loc></sitemap>" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + rows
        + "</sitemapindex>"
    )
