"""Headline and byline signals a page gives about itself, read from its parsed HTML tree (pure functions).

Each reader returns raw strings, most trusted first; choosing and cleaning them is the caller's business
(``rassegna.crawler.extract``), so that the signals can be tested one by one on small saved pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

# Elements that hold a byline: microdata, rel=author links, and the class names outlets give them (author,
# autore, auteur, contributor, byline, firma, Verfasser). Read
# through the attribute axis ("uthor", "yline": either case of the first letter): a test on every element
# (//*[contains(@class, ...)]) cost 6-12 ms a page, this 0.5 ms.
_BYLINE_CLASSES = ("uthor", "yline", "utor", "uteur", "ontributor", "firma", "erfasser", "BYLINE")
_BYLINE_XPATH = etree.XPath(
    "//@class["
    + " or ".join(f"contains(., '{part}')" for part in _BYLINE_CLASSES)
    + "]/.. | //@itemprop[. = 'author']/.. | //@rel[contains(., 'author')]/.. | //@data-testid[contains(., 'yline')]/.."
)
_NOT_TEXT = {"script", "style", "img", "meta", "link", "input", "head", "html", "body"}
# Not the article's byline: comment threads, author boxes of other articles, forms, sharing widgets.
_NOT_BYLINE = re.compile(
    r"comment|kommentar|reply|respond|share|related|teaser|snippet|recommend|widget|sidebar|photo|avatar|"
    r"image|picture",
    re.IGNORECASE,
)
_META_AUTHOR = {
    "author",
    "article:author",
    "og:article:author",
    "cxenseparse:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
}
_META_TITLE = ("og:title", "twitter:title")
# What Yoast SEO's twitter:label1 says before the author's name in twitter:data1, in the site's language.
_WRITTEN_BY = re.compile(
    r"(?i:written by|verfasst von|geschrieben von|scritto da|écrit par|ecrit par|escrito por|geschreven door)"
)
# JSON-LD types whose author is the page's: articles and postings, not reviews or comments on the page.
_ARTICLE_TYPE = re.compile(r"Article|Posting|Report|WebPage|Blog|Recipe|CreativeWork", re.IGNORECASE)
_NOT_ARTICLE_TYPE = re.compile(r"Review|Comment|Rating|Question|Answer", re.IGNORECASE)


def _text(element: HtmlElement) -> str:
    """The element's text, its inner elements' texts kept apart by spaces (``<span>By</span><a>Name</a>``)."""
    return " ".join(" ".join(element.itertext()).split())


def json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, ``@graph`` members and nested objects included."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        try:
            walk(json.loads(script.text or "", strict=False))
        except ValueError:  # broken JSON-LD is common: the other signals remain
            continue
    return found


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type") or []
    return [kind] if isinstance(kind, str) else [k for k in kind if isinstance(k, str)]


def json_ld_authors(objects: list[dict[str, Any]]) -> list[str]:
    """The authors article-like JSON-LD objects name: strings, Person names, ``@id`` references resolved;
    organisations left out (they are publishers, not journalists)."""
    by_id = {node["@id"]: node for node in objects if isinstance(node.get("@id"), str) and "name" in node}

    def names(value: Any) -> Iterator[str]:
        if isinstance(value, str) and value in by_id:  # a bare "@id" string stands for the node it names
            yield from names(by_id[value])
        elif isinstance(value, str):
            yield value
        elif isinstance(value, list):
            for item in value:
                yield from names(item)
        elif isinstance(value, dict):
            node = by_id.get(value.get("@id", ""), value) if set(value) <= {"@id", "@type"} else value
            kinds = _types(node)
            if any("organization" in k.lower() for k in kinds) and not any(k == "Person" for k in kinds):
                return
            name = node.get("name")
            if isinstance(name, str):
                yield name
            elif isinstance(name, list):
                yield from (n for n in name if isinstance(n, str))

    found: list[str] = []
    for node in objects:
        kinds = _types(node)
        if "author" not in node or any(_NOT_ARTICLE_TYPE.search(k) for k in kinds):
            continue
        if any(_ARTICLE_TYPE.search(k) for k in kinds) or (not kinds and "headline" in node):
            found.extend(names(node["author"]))
    return found


def json_ld_publishers(objects: list[dict[str, Any]]) -> list[str]:
    """The names of the organisations JSON-LD declares, publishers included (never journalists; a personal
    site's publisher is a Person and is left out)."""
    found = [
        node["name"]
        for node in objects
        if isinstance(node.get("name"), str)
        and any("organization" in kind.lower() for kind in _types(node))
        and "Person" not in _types(node)
    ]
    return list(dict.fromkeys(found))


def json_ld_headlines(objects: list[dict[str, Any]]) -> list[str]:
    """The ``headline`` of article-like JSON-LD objects."""
    return [n["headline"] for n in objects if isinstance(n.get("headline"), str) and n["headline"].strip()]


def _metas(tree: HtmlElement, keys: set[str] | tuple[str, ...]) -> list[str]:
    found = []
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        if key in keys and meta.get("content", "").strip():
            found.append(meta.get("content"))
    return found


def meta_authors(tree: HtmlElement) -> list[str]:
    """Authors in ``<meta>``: name=author, article:author, the analytics tags that repeat the byline, and the
    twitter:dataN whose twitter:labelN says "Written by" (Yoast SEO, in the site's language)."""
    found = _metas(tree, _META_AUTHOR)
    twitter = {key: value for key, value in _keyed_metas(tree) if key.startswith("twitter:")}
    for key, label in twitter.items():
        if key.startswith("twitter:label") and _WRITTEN_BY.fullmatch(label):
            found.extend(v for v in [twitter.get(key.replace("label", "data", 1), "")] if v)
    return found


def _keyed_metas(tree: HtmlElement) -> list[tuple[str, str]]:
    """(name, content) of the page's ``<meta>`` elements: names lower-cased, contents stripped."""
    return [
        ((meta.get("name") or meta.get("property") or "").strip().lower(), meta.get("content", "").strip())
        for meta in tree.xpath("//meta[@content]")
    ]


def meta_titles(tree: HtmlElement) -> list[str]:
    """og:title and twitter:title."""
    return _metas(tree, _META_TITLE)


def title_tag(tree: HtmlElement) -> str:
    """The text of the page's ``<title>``."""
    found = tree.xpath("//head/title|//title")
    return _text(found[0]) if found else ""


# A piece of a heading's text that opens with closing punctuation: the ":" of a kicker, in an element of its own
# (often hidden, for screen readers: "<span>Kicker<span class="sr-only">:</span></span> <span>Headline</span>").
_CLOSING = re.compile(r"[:;,.!?]")


def _heading_text(element: HtmlElement) -> str:
    """A heading's text as ``_text`` reads it, but for a piece opening with closing punctuation right after the
    piece before it: that follows it as written, with no space ("Kicker: Headline", not "Kicker : Headline")."""
    joined = ""
    for piece in element.itertext():
        glued = joined and not joined[-1].isspace() and _CLOSING.match(piece)
        joined += piece if glued else f" {piece}"
    return " ".join(joined.split())


def headings(tree: HtmlElement, level: str = "h1") -> list[str]:
    """The texts of the page's ``<h1>`` (or other level) elements, in document order."""
    return [t for t in (_heading_text(h) for h in tree.xpath(f"//body//{level}")) if t]


def heading_kickers(tree: HtmlElement) -> list[tuple[str, str]]:
    """(kicker, headline) of each ``<h1>`` whose text opens with the text of its first element, followed by
    more (``<h1><span>Premier League</span> <span>Liverpool lose at Everton</span></h1>``): the words the
    heading puts above the headline, and the rest, without the separator between them."""
    found = []
    for heading in tree.xpath("//body//h1"):
        children = [child for child in heading if isinstance(child.tag, str)]
        if len(children) < 2 or (heading.text or "").strip():
            continue
        kicker, whole = _heading_text(children[0]), _heading_text(heading)
        rest = whole[len(kicker) :].lstrip(" :-–—|/·•") if kicker and whole.startswith(kicker) else ""
        if rest:
            found.append((kicker.rstrip(" :-–—|/·•"), rest))
    return found


# Classes describing a page's layout, not a block of it: "no-sidebars", "zen-one-sidebar-second",
# "wrapper__with-sidebar" (BEM: the underscore is no word boundary, hence the look-behind).
_LAYOUT = re.compile(r"(?<![a-z0-9])(?:no|one|two|three|with|has|both|without)[-_]sidebars?", re.IGNORECASE)


# A link to a site's home page: "/", "/?locale=de", "/index.php", an archived copy of a site's root.
_HOME_PATH = re.compile(r"(?:/web/\w+/https?://[^/]+)?/?(?:index\.\w+)?")


def logo_headings(tree: HtmlElement) -> list[str]:
    """The texts of ``<h1>`` elements that are only a link to the site's home page: the site's logo, not a
    headline (``<h1 id="branding"><a href="/">Time 4 talks</a></h1>``)."""
    found = []
    for heading in tree.xpath("//body//h1[a]"):
        links, text = heading.xpath("./a[@href]"), _heading_text(heading)
        home = len(links) == 1 and _HOME_PATH.fullmatch(urlsplit(links[0].get("href", "").strip()).path)
        if home and text and _heading_text(links[0]) == text:
            found.append(text)
    return found


def _in_other_block(element: HtmlElement) -> bool:
    """True inside comments, author boxes of other articles, related lists and images."""
    for node in element.iterancestors():
        if node.tag in ("body", "html"):  # page-wide classes ("no-sidebars") say nothing about the block
            break
        if node.tag == "form" or (node.tag == "footer" and node.xpath("not(ancestor::article)")):
            return True  # an article's own <footer> holds its byline; the page's is another block
        marks = _LAYOUT.sub(" ", f"{node.get('class', '')} {node.get('id', '')}")
        if marks.strip() and re.search(r"comment|kommentar|related|teaser|snippet|recommend|sidebar", marks, re.I):
            return True
    return False


def byline_elements(tree: HtmlElement, limit: int = 12) -> list[str]:
    """Texts of the page's byline elements (itemprop/rel/class ``author``, ``byline``, ``firma``, ``autore``),
    first in document order, outside comment threads, related lists and image credits."""
    found: list[str] = []
    matched = [
        e
        for e in _BYLINE_XPATH(tree)
        if isinstance(e.tag, str)
        and e.tag not in _NOT_TEXT
        and not _NOT_BYLINE.search(f"{e.get('class', '')} {e.get('id', '')}")
        and not _in_other_block(e)
    ]
    # a byline block holding one byline element per author: its people are theirs, not its text run together
    # ("<div class=bylines><div class=byline>Anna Neri</div><div class=byline>Luca Ferri</div></div>")
    held: dict[HtmlElement, list[HtmlElement]] = {}
    if len(matched) > 1:
        holders = set(matched)
        for element in matched:
            outer = next((a for a in element.iterancestors() if a in holders), None)  # the nearest
            if outer is not None:
                held.setdefault(outer, []).append(element)
    for element in matched:
        if element.get("itemprop") == "author":
            inner = element.xpath(".//*[@itemprop='name']")
            text = inner[0].get("content") or _text(inner[0]) if inner else _text(element)
        elif len(parts := held.get(element, [])) > 1 and len({(p.tag, p.get("class")) for p in parts}) == 1:
            # its byline elements, all of one kind (not a name and a role), each read as the page writes it
            text = ", ".join(dict.fromkeys(t for t in map(_text, parts) if t))
        else:
            text = _text(element)
        if text and len(text) <= 120:
            found.append(text)
        if len(found) >= limit:
            break
    return found


# A signature: the text's last line, written as a paragraph of its own only in bold or italics.
_EMPHASIS = {"b", "strong", "i", "em"}


def signature(tree: HtmlElement, last_line: str) -> str | None:
    """``last_line`` (the text's) when the page writes it as a signature: a paragraph after another, holding
    only a short run of bold or italics (``<p><b><i>Stefan Wasmer</i></b></p>``); else None."""
    line = " ".join(last_line.split())
    if not 2 <= len(line.split()) <= 4:
        return None
    for paragraph in tree.xpath("//body//p"):
        if _text(paragraph) != line or (paragraph.text or "").strip():
            continue
        inner = list(paragraph.iterdescendants())
        previous = paragraph.getprevious()
        if (
            inner
            and all(isinstance(e.tag, str) and e.tag in _EMPHASIS and not (e.tail or "").strip() for e in inner)
            and previous is not None
            and previous.tag == "p"
        ):
            return line
    return None


# A byline written in plain markup, with no byline class: a label on its own ("<h5>Autor:</h5> Peter Maahn",
# "<div>Interview</div><div>SVEN MICHAELSEN</div>") or a short element holding a whole byline line
# ("<p>Autorin: Uta Staschewski, Projektleiterin</p>", "<span>von Andreas Kürten</span>", "<p>di Anna Neri</p>").
_LABEL_WORDS = (
    "autor|autorin|autoren|autore|autrice|autori|author|authors|auteur|auteure|text|testo|texte|interview|"
    "intervista|by|von|di|par|written by|scritto da|a cura di|testo di|text von|foto e testo di|testo e foto di"
)
_LABEL_ONLY = re.compile(rf"(?i:{_LABEL_WORDS})\s*:?")
_LABEL_PREPOSITION = re.compile(r"(?i:.*\b(?:by|von|di|par))")
# A signature's line may open with dashes ("— di Anna Neri", "---- by Anna Neri").
_LINE_START = re.compile(rf"[\s\-–—]*(?i:{_LABEL_WORDS})\b")
_LINE_ELEMENTS = {"byline", "p", "div", "span", "small", "li", "em", "strong", "b", "i", "font", "td"}
_LINE_ELEMENTS |= {"h3", "h4", "h5", "h6"}


def address_bylines(tree: HtmlElement) -> list[str]:
    """Short texts of ``<address>`` elements outside the page's footer and other blocks: HTML's element for
    the contact of an article's author (a street address or a long contact box is left out)."""
    texts = (_text(a) for a in tree.xpath("//body//address") if not _in_other_block(a))
    return [t for t in texts if t and len(t) <= 60 and not any(ch.isdigit() or ch == "@" for ch in t)]


# A meta line giving the date, then the author and nothing else: "25.10.2022 - Anna Neri", "04.02.2022 | 13:10
# Uhr | Anna Neri", "12/03/2024 – Anna Neri".
_DATED_NAME = re.compile(
    r"\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}\s*[-–—|]\s*(?:\d{1,2}[:.]\d\d(?:\s*(?:Uhr|h))?\s*[-–—|]\s*)?"
    r"([^\W\d_][^\d|]{3,60})"
)


# The name alone before the date, the date in the element after it: "<span>Anna Neri |</span><span>05.04.2025 -
# 10:32</span>".
_NAME_BAR = re.compile(r"\s*([^\W\d_][^\d|]{3,60}?)\s*[|–—-]\s*")
_DATE_START = re.compile(r"\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")


def plain_byline_lines(tree: HtmlElement, limit: int = 12) -> tuple[list[str], list[str]]:
    """Byline lines the page writes in plain markup, outside comments, related lists and forms, in document
    order: (labelled lines, "date - name" and "name | date" names). A labelled line is a short element holding a
    whole line ("Autore: Anna Neri"), or a label element and the name after it, joined ("Autor: Peter Maahn"); a
    dated name is what follows the date in a short meta line ("25.10.2022 - Anna Neri"), or an element's name and
    bar before the date's element ("<span>Anna Neri |</span><span>25.10.2022</span>"). Parsing the names is the
    caller's business."""
    labelled: list[str] = []
    dated: list[str] = []
    body = tree.find("body")
    # one Python walk matching each element's opening text (an EXSLT regular expression in XPath took 10 ms a
    # page; two walks, one per kind of line, cost a fifth of the crawler's own extraction time)
    for element in body.iter(*_LINE_ELEMENTS) if body is not None else ():
        opening = element.text
        if not opening:
            continue
        if len(labelled) < limit and _LINE_START.match(opening):
            whole = _text(element).lstrip("-–— ")
            if len(whole) <= 120 and not _in_other_block(element):
                if _LABEL_ONLY.fullmatch(whole):  # the label alone: the name is what follows it
                    nxt = element.getnext()
                    after = (element.tail or "").strip() or (_text(nxt) if nxt is not None else "")
                    label = whole.rstrip(" :")
                    if after and len(after) <= 80:
                        joined = f"{label} {after}" if _LABEL_PREPOSITION.fullmatch(label) else f"{label}: {after}"
                        labelled.append(joined)
                else:
                    labelled.append(whole)
        elif (
            opening.lstrip()[:1].isdigit()
            and (match := _DATED_NAME.fullmatch(_text(element)))
            and not _in_other_block(element)
        ) or (
            (match := _NAME_BAR.fullmatch(opening))  # "<span>Anna Neri |</span><span>25.10.2022</span>"
            and len(element) == 0
            and (after := element.getnext()) is not None
            and _DATE_START.match(_text(after))
            and not _in_other_block(element)
        ):
            dated.append(match.group(1).strip())
    return list(dict.fromkeys(labelled)), dated
