"""Article extraction with trafilatura: main text and metadata, boilerplate left out (pure functions)."""

from __future__ import annotations

import contextlib
import html as htmllib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from lxml.html import HtmlElement
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

from rassegna.crawler import metadata
from rassegna.crawler.urls import host_of
from rassegna.nlp.byline import byline_people, clean_author, text_byline
from rassegna.nlp.textutil import fold

ROME = ZoneInfo("Europe/Rome")
# Tables kept: some outlets lay articles out in them (a results page lost two thirds of its text without).
# Below this many characters the fast path may have kept a fragment: the precise path reads the page again.
PRECISE_BELOW_CHARS = 1500
TRAFILATURA_OPTIONS: dict[str, Any] = {"with_metadata": True, "include_comments": False, "include_tables": True}

_RIGHTS = re.compile(r"riproduzione\s+(?:\w+\s+)?riservata|riproduzione\s+vietata", re.IGNORECASE)
_CANONICAL = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)
_HTML_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_ARTICLE_MARKERS = re.compile(
    r"property\s*=\s*[\"']og:type[\"']\s+content\s*=\s*[\"']article|content\s*=\s*[\"']article[\"']\s+"
    r"property\s*=\s*[\"']og:type|article:published_time|itemprop\s*=\s*[\"']datePublished|"
    r"\"@type\"\s*:\s*\"(?:News|Blog)?(?:Article|Posting|ReportageNewsArticle)\"",
    re.IGNORECASE,
)
# Publication time in the page's metadata, most trusted first (JSON-LD, Open Graph, microdata, named metas).
_ATTR = r"(?:content|datetime)\s*=\s*[\"']([^\"']{8,40})[\"']"
_PUBLISHED = [
    re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{8,40})\"", re.IGNORECASE),
    re.compile(
        r"<meta\b[^>]*\b(?:property|name)\s*=\s*[\"'](?:og:)?article:published_time[\"'][^>]*?" + _ATTR,
        re.IGNORECASE,
    ),
    re.compile(
        r"<meta\b[^>]*?" + _ATTR + r"[^>]*\b(?:property|name)\s*=\s*[\"'](?:og:)?article:published_time[\"']",
        re.IGNORECASE,
    ),
    re.compile(r"<(?:meta|time)\b[^>]*\bitemprop\s*=\s*[\"']datePublished[\"'][^>]*?" + _ATTR, re.IGNORECASE),
    re.compile(r"<(?:meta|time)\b[^>]*?" + _ATTR + r"[^>]*\bitemprop\s*=\s*[\"']datePublished[\"']", re.IGNORECASE),
    re.compile(
        r"<meta\b[^>]*\bname\s*=\s*[\"'](?:pubdate|publish[-_]?date|dc\.date\.issued|dcterms\.issued|"
        r"sailthru\.date|parsely-pub-date|publication_date)[\"'][^>]*?" + _ATTR,
        re.IGNORECASE,
    ),
]
# A month and year with no day before it ("Comunicato Stampa n. 03/2020"): not a publication date.
_MONTH_YEAR = r"(?<![\d/.\-])0?{month}\s?[/.\-]\s?{year}(?!\d)"
_MONTHS = (
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|januar|"
    r"februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|may|"
    r"june|july|october|december"
)
# A date standing alone in a title segment ("23.01.2022 - Title", "1. Februar 2022 Title").
_DATE_ONLY = re.compile(
    rf"\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}\.?\s+(?:{_MONTHS})\s+\d{{4}}|\d{{4}}-\d\d-\d\d", re.IGNORECASE
)
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.IGNORECASE | re.DOTALL)
# Title segments are split at separators with spaces around, or at bars, bullets and guillemets.
# Soft hyphens and zero-width characters: where a line may break, not letters ("Ver&shy;fas&shy;sung").
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_TITLE_SPLIT = re.compile(r"\s+[-–—/~]\s+|\s*:\s+|\s*[|·•»«›‹]\s*|\s+::\s+")
# Words that may follow or precede a site's name in a title segment ("CBC News", "Corriere.it", "Repubblica TV").
# Title segments that name a part of any site, never the article ("Site » Blog Archiv » Title", WordPress).
_SITE_SECTIONS = {"blogarchive", "blogarchiv", "archivio", "archive", "archiv", "home", "homepage", "startseite"}
_GENERIC_RE = "quotidiano|magazine|notizie|online|news|live|com|net|org|web|it|eu|tv"


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """What a page says about itself: main text and metadata (dates from the page, never the crawl time)."""

    url: str
    title: str
    text: str
    author: str | None = None
    published: date | None = None
    site_name: str | None = None
    language: str | None = None
    canonical: str | None = None  # <link rel=canonical> href, as written
    rights_reserved: bool = False
    is_article: bool = False  # the page declares itself an article (og:type, JSON-LD, published_time)
    reread_for_keyword: bool = False  # read precisely: the markup names a campaign the fast reading left out


def warm_up() -> None:
    """Pay trafilatura's import in an extraction process before its first page.

    It lives here, beside ``extract_page``, because a process pool imports a task's module in its processes:
    from ``crawler.runner`` this took Scrapy, SQLAlchemy and Rich along, some 55 MiB in each process."""
    import trafilatura  # noqa: F401


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Page bytes as text: valid UTF-8 wins, then the declared charsets, then Windows-1252."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    try:
        return body.decode("utf-8")  # a wrong "latin-1" label on UTF-8 bytes is common; UTF-8 by chance is not
    except UnicodeDecodeError:
        pass
    declared = [
        http_content_type_encoding(content_type) if content_type else None,
        html_body_declared_encoding(body),
    ]
    for name in declared:
        encoding = resolve_encoding(name) if name else None
        if encoding and encoding.replace("-", "").replace("_", "") not in ("utf8",):
            try:
                return body.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return body.decode("cp1252", errors="replace")


def canonical_link(html: str) -> str | None:
    """The href of the page's ``<link rel="canonical">``, if any."""
    tag = _CANONICAL.search(html[:200_000])
    if not tag:
        return None
    href = _HREF.search(tag.group(0))
    return next((g for g in href.groups() if g), None) if href else None


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def site_keys(url: str, names: Sequence[str | None] = ()) -> set[str]:
    """What a site is called, folded to letters and digits: its names and its host's labels."""
    host = host_of(url)
    labels = host.split(".")
    keys = {_squash(host), *(_squash(label) for label in labels[:-1] if label not in ("www", "m", "amp"))}
    keys.update(_squash(n) for n in names if n)
    return {k for k in keys if len(k) >= 3}


def _names_site(segment: str, keys: set[str]) -> bool:
    """True when a title segment is the site's name (``La Stampa``, ``CBC News``, ``Corriere.it``)."""
    seg = _squash(segment)
    if seg in _SITE_SECTIONS:
        return True
    if len(seg) < 3 or len(segment.split()) > 5:
        return False
    for key in keys:
        if re.fullmatch(rf"(?:www)?(?:{_GENERIC_RE})?{re.escape(key)}(?:{_GENERIC_RE})*", seg):
            return True
        if re.fullmatch(rf"(?:{_GENERIC_RE})?{re.escape(seg)}(?:{_GENERIC_RE})*", key):
            return True
        if len(key) >= 6 and key in seg and len(segment.split()) <= 3:  # "St.Galler Tagblatt", tagblatt.ch
            return True
    return False


def _host_names(url: str) -> list[str]:
    """The host's labels that may name the publisher (``die-tagespost`` of www.die-tagespost.de)."""
    return [label for label in host_of(url).split(".")[:-1] if label not in ("www", "m", "amp") and len(label) >= 4]


def _leading_noise(segment: str, keys: set[str]) -> bool:
    """A leading title segment that is not the headline: the site's name, a section of it, a date."""
    return _names_site(segment, keys) or bool(_DATE_ONLY.fullmatch(segment.strip()))


def clean_title(title: str, keys: set[str]) -> str:
    """The headline without the leading or trailing segments naming the outlet or the site (or a leading date)."""
    title = " ".join(title.split())
    while (first := _TITLE_SPLIT.search(title)) and _leading_noise(title[: first.start()], keys):
        if len(title[first.end() :].strip()) < 10:  # "Site » Blog Archiv » Title": the leading ones go first
            break
        title = title[first.end() :].strip()
    cuts = list(_TITLE_SPLIT.finditer(title))
    for i, cut in enumerate(cuts):  # "Title | Site | Tagline": everything from the site's name goes
        end = cuts[i + 1].start() if i + 1 < len(cuts) else len(title)
        if _names_site(title[cut.end() : end], keys) and len(title[: cut.start()].strip()) >= 10:
            title = title[: cut.start()].strip()
            break
    cuts = list(_TITLE_SPLIT.finditer(title))
    if cuts and _names_site(title[: cuts[0].start()], keys) and len(title[cuts[0].end() :].strip()) >= 10:
        title = title[cuts[0].end() :].strip()
    return title


def _fold_title(text: str) -> str:
    text = text.translate(str.maketrans("‘’“”„«»–—", '\'\'"""""--'))
    return " ".join(fold(text).split()).strip(" .")


def _ends_with_segment(longer: str, shorter: str) -> bool:
    """True when ``shorter`` is the end of ``longer`` after a separator or a date (``Local News | Title``)."""
    if len(shorter) < 10 or not longer.endswith(shorter) or longer == shorter:
        return False
    head = longer[: -len(shorter)].rstrip()
    return bool(re.search(r"[-–—:|·•»›/]$", head) or _DATE_ONLY.fullmatch(head.strip(" -–—:|")))


def choose_headline(tree: HtmlElement, objects: list[dict[str, Any]], fallback: str, keys: set[str]) -> str:
    """The headline readers see: the ``<h1>`` that the title, og:title, twitter:title or JSON-LD headline
    agree with (without a leading section or date), else the only ``<h1>``, else the title they agree on."""
    logos = metadata.logo_headings(tree)  # the site's name, in a heading of its own
    keys = keys | {k for k in (_squash(logo) for logo in logos) if len(k) >= 3}
    refs = [clean_title(r, keys) for r in [metadata.title_tag(tree), *metadata.meta_titles(tree)]]
    refs += [clean_title(r, keys) for r in metadata.json_ld_headlines(objects)]
    refs = [r for r in refs if r and not _names_site(r, keys)]
    folded_refs = [_fold_title(r) for r in refs]
    h1s = [clean_title(h, keys) for h in metadata.headings(tree) if h not in logos]
    h1s = [h for h in h1s if h and len(h) <= 300 and not _names_site(h, keys)]
    segments = {_fold_title(seg) for ref in refs for seg in _TITLE_SPLIT.split(ref)}
    for h1 in h1s:
        folded = _fold_title(h1)
        if folded in folded_refs or (len(folded.split()) >= 2 and folded in segments):
            return h1
        for ref, folded_ref in zip(refs, folded_refs, strict=True):
            if _ends_with_segment(folded, folded_ref):
                return ref
    # "<span>Kicker</span> <span>Headline</span>" read as one: the other titles give the headline alone
    for _kicker, rest in metadata.heading_kickers(tree):
        if len(rest.split()) >= 2 and _fold_title(rest) in folded_refs:
            return rest
    if len(h1s) == 1 and len(h1s[0].split()) >= 3:
        return h1s[0]
    for ref in refs:  # a title two signals give
        if sum(_fold_title(ref) == other for other in folded_refs) >= 2:
            return ref
    fallback = clean_title(fallback, keys)
    if fallback and not _names_site(fallback, keys) and fallback not in logos:
        return fallback
    return refs[0] if refs else fallback


_VISIBLE = "//body//text()[not(ancestor::script) and not(ancestor::style)]"
# Text outside asides and related-article lists: the bylines there are other articles'.
_OUTSIDE_ASIDES = (
    "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::aside) and "
    "not(ancestor::*[contains(@class, 'related') or contains(@class, 'teaser')])]"
)


def _shown(tree: HtmlElement, people: str, where: str = _VISIBLE) -> bool:
    """True when the page's visible text (``where``) writes each of ``people`` (``, ``-joined), case and
    accents aside."""
    body = _squash(" ".join(tree.xpath(where)))
    return all(_squash(person) in body for person in people.split(", "))


def _only_in_asides(tree: HtmlElement, people: str) -> bool:
    """True when the page shows ``people`` only in asides or related lists (another article's byline)."""
    return _shown(tree, people) and not _shown(tree, people, _OUTSIDE_ASIDES)


# A byline line opening with a preposition ("By A", "von A", "di A"), not with a label ("Autore: A").
_PREPOSITION_LEAD = re.compile(r"\s*(?i:by|von|di|da|par|written by|scritto da|posted by)\s")


def _inside_the_text(line: str, text: str) -> bool:
    """True when ``line`` is written amid the main text, neither in its first five lines nor in its last two."""
    lines = [one for one in text.splitlines() if one.strip()]
    return any(line in one for one in lines[5:-2])


def _plain_bylines(tree: HtmlElement, text: str) -> list[tuple[Callable[[str, Sequence[str]], str | None], str]]:
    """Bylines in plain markup, with no byline class, each with its reader, most trusted first: a byline line
    or a label and a name ("Autore: A", "di A"; not a "By A" amid the text), an ``<address>``, a "date -
    name" meta line."""
    found: list[tuple[Callable[[str, Sequence[str]], str | None], str]] = []
    labelled, dated = metadata.plain_byline_lines(tree)
    for line in labelled:
        # "By A" amid the article signs a part of it (a box, a second report), not the article
        if not (_PREPOSITION_LEAD.match(line) and _inside_the_text(line, text)):
            found.append((text_byline, line))
    found += [(byline_people, line) for line in metadata.address_bylines(tree)]
    found += [(clean_author, line) for line in dated]
    return found


def _people(names: str) -> frozenset[str]:
    return frozenset(name.casefold() for name in names.split(", ") if name)


def choose_author(
    tree: HtmlElement,
    objects: list[dict[str, Any]],
    found: str | None,
    text: str,
    sites: Sequence[str],
    own_names: Sequence[str] = (),
) -> str | None:
    """The journalist: JSON-LD author, author metas, byline elements, trafilatura's author (``found``), a
    byline line at the top or foot of the text, a signature under it; the first that names people once
    cleaned. ``sites`` name the outlet, never a journalist; ``own_names`` (the host's labels, the JSON-LD
    organisations) name the publisher unless no one else is named: a personal site is named after its
    author. A metadata name the page never shows yields to the people its byline element names, and so does
    one naming fewer people than it ("Rudolf Fischer" → "Rudolf Fischer, Simon Kohler")."""
    signals = [metadata.json_ld_authors(objects), metadata.meta_authors(tree)]
    plain: list[tuple[Callable[[str, Sequence[str]], str | None], str]] | None = None  # read once, if needed
    bylines = metadata.byline_elements(tree)
    for names in ([*sites, *own_names], sites):
        shown = next((n for n in (byline_people(b, names) for b in bylines) if n), None)
        # all the authors a signal gives ("; " joins them as trafilatura does)
        given = [name for name in (clean_author("; ".join(raw), names) for raw in signals) if name]
        if given and shown and shown != given[0] and not _shown(tree, given[0]):
            return shown
        if given:  # the visible byline naming the same people and co-authors gives them all
            return shown if shown and _people(shown) > _people(given[0]) else given[0]
        if shown:
            return shown
        if (name := clean_author(found, names)) and not _only_in_asides(tree, name):
            return name
        if name := text_byline(text, names):
            return name
        last = text.rstrip().rsplit("\n", 1)[-1]
        if (signed := metadata.signature(tree, last)) and (name := clean_author(signed, names)):
            return name
        if plain is None:
            plain = _plain_bylines(tree, text)
        for name in (clean(line, names) for clean, line in plain):
            if name:
                return name
    return None


def _moments(html: str) -> list[datetime]:
    """Publication timestamps with a UTC offset declared in the page's metadata, most trusted first."""
    head, found = html[:400_000], []
    for pattern in _PUBLISHED:
        for match in pattern.finditer(head):
            value = htmllib.unescape(match.group(1)).strip()
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                continue
            if moment.tzinfo is not None and 1990 <= moment.year <= 2100:
                found.append(moment)
    return found


def published_date(html: str, found: str | None) -> date | None:
    """The publication date in Rome: htmldate's (``found``, metadata first), moved to Rome's calendar
    when the page's metadata gives that moment with its UTC offset (23:15Z on 5 December is the 6th)."""
    day = None
    with contextlib.suppress(ValueError, TypeError):
        day = date.fromisoformat((found or "")[:10])
    # htmldate's text search also reads "n. 03/2020" as 1 March 2020
    if (
        day is not None
        and day.day == 1
        and re.search(_MONTH_YEAR.format(month=day.month, year=day.year), _TAGS.sub(" ", html))
    ):
        day = None
    moments = _moments(html)
    for moment in moments:
        if day is None or moment.date() == day:
            return moment.astimezone(ROME).date()
    return day


def fast_text_doubtful(text: str) -> bool:
    """True when the fast path's text may have missed the article: short, or mostly menu lines of a few words."""
    if len(text) < PRECISE_BELOW_CHARS:
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    return sum(len(line.split()) <= 3 for line in lines) * 2 > len(lines)


class CampaignMentions(Protocol):
    """What extraction needs of the campaign matcher (``crawler.matcher.CampaignMatcher``)."""

    def mentions(self, title: str | None, text: str | None) -> bool:
        """True when any campaign is mentioned."""
        ...


def _without_headline(text: str, lines: Sequence[str]) -> str:
    """The text without its first line where that line is the headline (trafilatura keeps it as the first line)."""
    for line in dict.fromkeys(lines):
        if line and text.startswith(line) and text[len(line) : len(line) + 1] in ("\n", ""):
            return text[len(line) :].lstrip() or text
    return text


def _precise_text(tree: Any, url: str) -> str:
    """trafilatura's precise reading of the main text ('' when it finds none); the metadata is the fast pass's."""
    import trafilatura

    whole = trafilatura.bare_extraction(tree, url=url, fast=False, **{**TRAFILATURA_OPTIONS, "with_metadata": False})
    return whole.text if whole is not None and not isinstance(whole, dict) and whole.text else ""


def extract_article(
    html: str,
    url: str,
    names: Sequence[str] = (),
    *,
    precise: bool = False,
    campaigns: CampaignMentions | None = None,
) -> ExtractedArticle | None:
    """The main text and metadata of an HTML page, or None when it has no main text (``names``: the outlet's
    names, told apart from the headline and the byline). trafilatura's fast path first, its precise path when the
    fast text is short or mostly menu lines, when ``precise``, or when the markup names one of ``campaigns`` that
    the fast title and text leave out (so a clipping is never lost to the fast path)."""
    import trafilatura
    from trafilatura.utils import load_html

    read_precisely = precise
    try:
        tree = load_html(html)  # parsed once: trafilatura works on a copy, the signals below on this one
        if tree is None:
            return None
        # The fast path is as good on most pages and costs less; on some it keeps a fragment or the menus.
        doc = trafilatura.bare_extraction(tree, url=url, fast=True, **TRAFILATURA_OPTIONS)
        if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
            doc = trafilatura.bare_extraction(tree, url=url, fast=False, **TRAFILATURA_OPTIONS)
            read_precisely = True
        elif precise or fast_text_doubtful(doc.text or ""):
            doc.text = _precise_text(tree, url) or doc.text
            read_precisely = True
    except Exception:  # noqa: BLE001 - malformed markup must never stop a crawl
        return None
    if doc is None or isinstance(doc, dict) or not doc.text or not doc.text.strip():
        return None
    head = html[:300_000]
    keys = site_keys(url, [doc.sitename, *names])
    raw_title = " ".join((doc.title or "").split())
    objects = metadata.json_ld(tree)
    headline = choose_headline(tree, objects, raw_title, keys)
    # the text's first line may be the heading with its kicker, when the headline is the heading without it
    with_kicker = [f"{kicker} {rest}" for kicker, rest in metadata.heading_kickers(tree) if rest == headline]
    text = _without_headline(doc.text.strip(), (raw_title, headline, *with_kicker))
    reread_for_keyword = False
    if (
        campaigns is not None
        and not read_precisely
        and not campaigns.mentions(headline, text)
        and campaigns.mentions(None, html)
    ):
        # Read again on the tree already parsed: only the precise pass is paid for, not a second parse and fast pass.
        try:
            whole = _precise_text(tree, url).strip()
        except Exception:  # noqa: BLE001 - as above: the fast reading stands
            whole = ""
        text = _without_headline(whole, (raw_title, headline, *with_kicker)) if whole else text
        reread_for_keyword = True
    language = doc.language
    if not language and (lang := _HTML_LANG.search(head)):
        language = lang.group(1).lower()
    return ExtractedArticle(
        url=url,
        # one spelling of the same letters, as a reader sees them; soft hyphens and zero-width spaces are markup
        title=unicodedata.normalize("NFC", headline.translate(_INVISIBLE)).strip(),
        text=text,
        author=choose_author(
            tree,
            objects,
            doc.author,
            text,
            [doc.sitename or "", *names],
            [" ".join(_host_names(url)), *metadata.json_ld_publishers(objects)],
        ),
        published=published_date(html, doc.date),
        site_name=(doc.sitename or None),
        language=language,
        canonical=canonical_link(head),
        rights_reserved=bool(_RIGHTS.search(html)),
        is_article=bool(_ARTICLE_MARKERS.search(head)) or (doc.pagetype or "").lower() == "article",
        reread_for_keyword=reread_for_keyword,
    )


def extract_page(
    body: bytes,
    content_type: str | None,
    url: str,
    names: Sequence[str] = (),
    precise: bool = False,
    campaigns: CampaignMentions | None = None,
) -> ExtractedArticle | None:
    """Decode a downloaded page and extract it (what the crawler runs in its worker processes); with ``campaigns``,
    a page whose markup names a campaign that the fast title and text leave out is read again precisely, so a
    clipping is never lost to the fast path (checked here, in the worker, not on the crawler's reactor thread)."""
    return extract_article(decode_html(body, content_type), url, names, precise=precise, campaigns=campaigns)
