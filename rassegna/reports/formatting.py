"""What every report format shares: safe links, texts and excerpts, keyword highlighting, Markdown escaping,
and the review's wording of audiences. Italian dates and numbers are ``rassegna.text.italian``'s."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rassegna.text.italian import it_month, it_number

if TYPE_CHECKING:
    from rassegna.reports.model import AudienceNote

EXCERPT_CHARS = 300
FOOTNOTE = (
    "*I risultati sono sottostimati perché calcolati solo sulla base delle seguenti fonti certificate: "
    "per quotidiani e periodici: Audipress; per siti web: Audiweb (utenti unici giornalieri); "
    "per radio e tv: Auditel e Radiomonitor."
)
AUDIENCE_SOURCES = {
    "audipress": "Audipress (lettori per numero)",
    "audiweb": "Audiweb (utenti unici giornalieri, media mensile)",
    "audicom": "Audicom (Audipress e Audiweb riuniti dal 2023)",
    "auditel": "Auditel (ascolto medio)",
    "radiomonitor": "RadioMonitor (ascoltatori giorno medio)",
    "ter": "TER (ascoltatori giorno medio)",
    "audiradio": "Audiradio (ascoltatori giorno medio)",
    "followers": "follower della pagina o del profilo social",
}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s) with a host, else None (show it as text, never as a link)."""
    if not url:
        return None
    url = url.strip()
    if _CONTROL.search(url) or any(c.isspace() for c in url) or '"' in url or "<" in url or ">" in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def clean_text(text: str | None) -> str:
    """Control characters out, line ends normalised."""
    if not text:
        return ""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a text (blocks separated by blank lines), whitespace collapsed."""
    blocks = re.split(r"\n\s*\n", clean_text(text))
    return [" ".join(block.split()) for block in blocks if block.strip()]


def excerpt(text: str | None, limit: int = EXCERPT_CHARS) -> str:
    """The first ~``limit`` characters of a text, cut at a word boundary, with an ellipsis when cut."""
    flat = " ".join(clean_text(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"


def split_highlight(text: str, pattern: re.Pattern[str] | None) -> Iterator[tuple[str, bool]]:
    """``text`` cut into (piece, is_keyword) runs; renderers escape every piece, then mark keywords."""
    if not text:
        return
    if pattern is None:
        yield text, False
        return
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            yield text[position : match.start()], False
        yield match.group(0), True
        position = match.end()
    if position < len(text):
        yield text[position:], False


def audience_text(value: int | None, count: int) -> str:
    """An audience total: the figure, "n.d." when clippings exist but none has a known audience, "–" for none."""
    if value is not None:
        return it_number(value)
    return "n.d." if count else "–"


def source_label(source: str | None) -> str:
    """The audience source's full name ("" when unknown)."""
    if not source:
        return ""
    return AUDIENCE_SOURCES.get(source.strip().casefold(), source)


def source_note(note: AudienceNote) -> str:
    """Source and month of an audience figure, only what is known: "Audiweb (…), ottobre 2023"."""
    measured: date | None = note.measured_on
    return ", ".join(part for part in (source_label(note.source), it_month(measured)) if part)


# --- Markdown: crawled text escaped so it can never become markup, links only http(s) -------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md_escape(text: str | None) -> str:
    """Plain text safe in Markdown: HTML metacharacters as entities, Markdown punctuation backslashed."""
    if not text:
        return ""
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    flat = re.sub(r"^([-=])", r"\\\1", flat)  # a leading "-" or "=" would start a list or a rule
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", flat)  # "1." would start an ordered list


def md_highlight(text: str | None, pattern: re.Pattern[str] | None) -> str:
    """Escape each piece, then put the campaign keywords in bold."""
    return "".join(
        f"**{md_escape(piece)}**" if hit else md_escape(piece) for piece, hit in split_highlight(text or "", pattern)
    )


def md_link(url: str | None, label: str | None = None) -> str:
    """A Markdown link for a plain http(s) URL; anything else as escaped text."""
    link = safe_url(url)
    if not link:
        return md_escape(url)
    target = link.replace("(", "%28").replace(")", "%29")
    return f"[{md_escape(label or link)}]({target})"
