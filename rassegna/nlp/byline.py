"""Journalist: the byline of an article, from the extractor's author string or from the text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from rassegna.nlp.textutil import fold, title_case

_NOT_A_PERSON = re.compile(
    r"\b(?:redazione|redattore|redazionale|staff|admin|administrator|webmaster|ufficio stampa|comunicato|"
    r"agenzia|agenzie|ansa|agi|adnkronos|askanews|dire|italpress|lapresse|reuters|afp|apa|dpa|ap|efe|ansamed|"
    r"radiocor|nova|public policy|associated press|bloomberg|notizie|news|newsroom|web|online|desk|autore|"
    r"author|editor|editore|editorial|team|support|ospite|guest|comune|fondazione|anci|cittalia|facebook|"
    r"twitter|instagram|linkedin|youtube|whatsapp|telegram|com|it|org|net|www|http|https|html|php|"
    r"sconosciuto|anonimo|anonymous|unknown|contributor|contributors|collaboratori|foto|video|"
    r"wikipedia|press|office|media|tv|radio|giornale|quotidiano|magazine|blog|testata|gruppo|spa|srl|gmbh|ag|"
    r"inc|ltd|llc|e\.v|\w*verlag|\w*verband|person|beiträge|comment|kommentar|commenti)\b",
    re.IGNORECASE,
)
# Separators between the names of several authors (trafilatura joins them with "; ").
_AUTHOR_SPLIT = re.compile(r"\s*(?:[;|•/,&+]|\s-\s|\s–\s|\b(?:e|ed|and|und|et|y)\b)\s*", re.IGNORECASE)
# "di"/"da" only in lower case: "Di Maio Luigi" is a surname first.
_LEAD = re.compile(
    r"^\s*(?:(?i:by|a cura di|testo di|articolo di|servizio di|scritto da|pubblicato da|posted by|von|vom|"
    r"par|por|veröffentlicht von|geschrieben von)|di|da)\s+"
)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'’.-]*|[Dd]['’][A-ZÀ-Ý][a-zà-ÿ'’-]+|[a-zà-ÿ]{1,4})$")
_WORD = r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’]+"
_NAME = _WORD + r"(?:[ -](?:[Dd][aeiu]|[Dd]el|[Dd]ella|[Ll]o|[Ll]a|[Dd]')?\s?" + _WORD + r"){1,3}"
_NAMES = _NAME + r"(?:\s*(?:,|&|\b(?:e|ed|and|und)\b)\s*" + _NAME + r")*"
# A byline line: "di Nome Cognome", "By A and B", "Von A und B", "Un articolo di ...", "Blog Beitrag von ...".
_BYLINE_LEAD = (
    r"(?i:(?:(?:blog|ein|un|una|der|il|l')\s*)?(?:articolo|servizio|testo|intervista|commento|analisi|reportage|"
    r"beitrag|artikel|text|bericht|interview|kommentar|analyse|post|story|article)\s+)?"
    r"(?:(?i:by|von|di|a cura di|scritto da|written by|posted by)|da|"
    r"(?i:autor|autore|autrice|author|text|testo)\s*:)"
)
_BYLINE_RE = re.compile(r"^\s*" + _BYLINE_LEAD + r"\s+(" + _NAMES + r")\s*\.?\s*$")
# Its opening words alone: a line that does not start so is no byline (checked before the slow credits split).
_BYLINE_HEAD_RE = re.compile(r"\s*" + _BYLINE_LEAD + r"\s")
# Other credits on a byline line: "testo di A, foto di B", "Text von A Illustration von B".
_CREDITS = re.compile(
    r"\s*[,;|]?\s*\b(?i:illustration(?:en)?|illustrazioni|fotos?|foto|bilder|photos?|video|grafik(?:en)?|"
    r"immagini|riprese)\s+(?i:von|di|by|de)\b"
)
# In a byline element: "Label:" (Text & Fotos:, Author(s):, By :, Stand:) and roles are never names.
_LABEL = re.compile(r"[\w()À-ÿ]+(?:\s*&\s*[\w()À-ÿ]+)?\s*:")
_ROLE = re.compile(
    r"\b(?:(?i:autor|autorin|autoren|autore|autrice|author|redakteur|redakteurin|redattore|redattrice|"
    r"journalist|journalistin|giornalista|reporter|editor|writer|contributor|correspondent|korrespondent|"
    r"korrespondentin|inviato|inviata))\b"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|"
    r"märz|mai|juni|juli|oktober|dezember|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|"
    r"ottobre|novembre|dicembre|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|décembre"
)
_DAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonntag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|updated|aggiornato|pubblicato|"
    r"published|veröffentlicht|stand|vor|ago|fa"
)
_DATE_START = re.compile(r"\d|\b(?i:" + _MONTHS + "|" + _DAYS + r")\b")
# What follows a name in a site's name or host: "La Stampa" is lastampa.it, "CBC" is CBC News.
_SITE_SUFFIX = r"(?:it|com|net|org|eu|news|notizie|online|web|tv|live|quotidiano|magazine)*"


def _squash(text: str) -> str:
    """Letters and digits only, folded: ``Corriere.it`` → ``corriereit``."""
    return re.sub(r"[\W_]+", "", fold(text))


def _person(part: str, sites: set[str]) -> str | None:
    """``part`` as a person's name (2–5 capitalised words), or None for organisations, sites and junk."""
    name = _LEAD.sub("", part.strip()).strip(" ·-–—:")
    name = re.sub(r"(?<!\b[A-ZÀ-Ý])\.+$", "", name).strip()  # a closing full stop goes, an initial's stays
    name = re.sub(r"\s*\((?:[^)]*)\)\s*", " ", name).strip()  # "Mario Rossi (ANSA)": the role goes
    if not name or "@" in name or any(ch.isdigit() for ch in name) or _NOT_A_PERSON.search(name):
        return None
    if name.isupper() or name.islower():
        name = title_case(name)
    words = name.split()
    if not 2 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words) or len(set(words)) == 1:
        return None
    if not words[0][0].isupper() or not words[-1][0].isupper():
        return None
    squashed = _squash(name)
    if any(re.fullmatch(re.escape(squashed) + _SITE_SUFFIX, site) for site in sites):
        return None  # the publisher or the site, not a person
    return name


def clean_author(author: str | None, sites: Iterable[str] = ()) -> str | None:
    """The people an author string names (``Mario Rossi, Anna Bianchi``), or None: agencies, ``Redazione``,
    the site names in ``sites``, URL parts and social networks are not people; ``Rossi; Mario`` is one."""
    if not author or not author.strip():
        return None
    text = re.sub(r"\s+", " ", html.unescape(author)).strip()
    if re.search(r"https?:|www\.|\.\w{2,4}/", text):  # URL fragments: keep nothing that follows a URL
        text = re.split(r"\S*(?:https?:|www\.|\.\w{2,4}/)\S*", text)[0]
    site_keys = {_squash(s) for s in sites if s and len(_squash(s)) >= 3}
    parts = [p for p in _AUTHOR_SPLIT.split(text) if p and p.strip()]
    if len(parts) == 2 and all(len(p.split()) == 1 for p in parts) and re.search(r"[;,]", text):
        parts = [f"{parts[1].strip()} {parts[0].strip()}"]  # "Rossi; Mario", "Rossi, Mario": one person
    names = [n for n in (_person(p, site_keys) for p in parts) if n]
    return ", ".join(dict.fromkeys(names)) or None


def byline_people(byline: str, sites: Iterable[str] = ()) -> str | None:
    """The people a page's byline element names (``By : Joe S.``, ``Text & Fotos: Ivan Valetny``, ``Harald
    Bauer Autor``, ``By Alex Bozarjian Thursday, November 9, 2023``): labels, roles and dates left out."""
    text = " ".join(html.unescape(byline).split())
    text = _DATE_START.split(text, maxsplit=1)[0]  # what follows is the date line, not names
    text = _LABEL.sub(" ; ", text)
    text = _ROLE.sub(" ; ", text)
    return clean_author(text, sites)


def text_byline(text: str, sites: Iterable[str] = ()) -> str | None:
    """The people a byline line at the top (or the foot) of the text names: ``di Giulia Mascia``, ``Von Roland
    Brockmann und Sebastian Drescher``, ``Blog Beitrag von Margarita Koreneva``; None when there is none."""
    lines = [line for line in (text or "").splitlines() if line.strip()]
    for line in lines[:5] + lines[-2:]:
        if not _BYLINE_HEAD_RE.match(line):
            continue
        m = _BYLINE_RE.match(_CREDITS.split(line, maxsplit=1)[0])  # "Text von A Illustration von B": A
        if m:
            name = clean_author(m.group(1), sites)
            if name:
                return name
    return None


def journalist_from(author: str | None, text: str) -> str | None:
    """The journalist: the author string when it names a person, else a byline line (``di Giulia Mascia``)."""
    return clean_author(author) or text_byline(text)
