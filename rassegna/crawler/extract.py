"""Article extraction with trafilatura: main text and metadata, boilerplate left out (pure functions)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

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


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Page bytes as text: valid UTF-8 wins, then the declared charsets, then Windows-1252."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    try:
        return body.decode(
            "utf-8"
        )  # a wrong "latin-1" label on UTF-8 bytes is common; UTF-8 by chance is not
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


def _to_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_article(html: str, url: str) -> ExtractedArticle | None:
    """The main text and metadata of an HTML page, or None when it has no main text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, fast=True
        )
    except Exception:  # noqa: BLE001 - malformed markup must never stop a crawl
        return None
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        return None
    head = html[:300_000]
    title, text = (doc.title or "").strip(), doc.text.strip()
    if title and text.startswith(title) and text[len(title) : len(title) + 1] in ("\n", ""):
        text = text[len(title) :].lstrip() or text  # trafilatura keeps the headline as the first line
    language = doc.language
    if not language and (lang := _HTML_LANG.search(head)):
        language = lang.group(1).lower()
    return ExtractedArticle(
        url=url,
        title=title,
        text=text,
        author=(doc.author or None),
        published=_to_date(doc.date),
        site_name=(doc.sitename or None),
        language=language,
        canonical=canonical_link(head),
        rights_reserved=bool(_RIGHTS.search(html)),
        is_article=bool(_ARTICLE_MARKERS.search(head)) or (doc.pagetype or "").lower() == "article",
    )


def extract_page(body: bytes, content_type: str | None, url: str) -> ExtractedArticle | None:
    """Decode a downloaded page and extract it (what the crawler runs in its worker processes)."""
    return extract_article(decode_html(body, content_type), url)
