"""Journalist: the byline of an article, from the extractor's author string or from the text."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from rassegna.nlp.textutil import fold, title_case

_NOT_A_PERSON = re.compile(
    r"\b(?:redazione|redattore|redazionale|\w*redaktion|rédaction|redacción|redaccion|staff|admin|administrator|"
    r"webmaster|ufficio stampa|comunicato|"
    r"agenzia|agenzie|ansa|agi|adnkronos|askanews|dire|italpress|lapresse|reuters|afp|apa|dpa|ap|efe|ansamed|"
    r"radiocor|nova|public policy|associated press|bloomberg|notizie|news|newsroom|web|online|desk|autore|"
    r"author|editor|editore|editorial|team|support|ospite|guest|comune|fondazione|anci|cittalia|facebook|"
    r"twitter|instagram|linkedin|youtube|whatsapp|telegram|com|it|org|net|www|http|https|html|php|"
    r"sconosciuto|anonimo|anonymous|unknown|contributor|contributors|collaboratori|foto|video|"
    r"wikipedia|press|office|media|tv|radio|giornale|quotidiano|magazine|blog|testata|gruppo|spa|srl|gmbh|ag|"
    r"inc|ltd|llc|e\.v|\w*verlag|\w*verband|person|beiträge|comment|kommentar|commenti|"
    # a newspaper's sections ("12.03.2024 - Cronaca Roma" is a date line, not a byline)
    r"cronaca|cronache|politica|economia|sport|cultura|spettacoli|spettacolo|attualità|esteri|interni|società|"
    r"salute|tecnologia|motori|meteo|opinioni|editoriale|primo piano|"
    # institutions and organisations: they publish, but are not journalists
    r"regione|provincia|prefettura|questura|procura|tribunale|polizia|carabinieri|ministero|università|istituto|"
    r"associazione|consorzio|cooperativa|sindacato|federazione|confederazione|camera|azienda|ospedale|asl|"
    r"bund|verein|stiftung|institut|gesellschaft|ministerium|universität|\w*zeitung|\w*blatt|jobs)\b",
    re.IGNORECASE,
)
# Separators between the names of several authors (trafilatura joins them with "; ").
# "og" and "och": the Danish, Norwegian and Swedish "and" ("Trine Jørgensen og Tôrtia Reimer-Johansen").
_AUTHOR_SPLIT = re.compile(r"\s*(?:[;|•/,&+]|\s-\s|\s–\s|\b(?:e|ed|and|und|et|y|og|och)\b)\s*", re.IGNORECASE)
# "di"/"da" only in lower case: "Di Maio Luigi" is a surname first.
_LEAD = re.compile(
    r"^\s*(?:(?i:by|a cura di|testo di|articolo di|servizio di|scritto da|pubblicato da|posted by|von|vom|"
    r"par|por|veröffentlicht von|geschrieben von|verfasst von|erstellt von|eingestellt von)|di|da)\s+"
)
# A name's words are capitalised (in any alphabet: "Kubišta", "Wałęsa"), but for the particles of surnames
# ("Jose de la Cruz", "Ludwig van Beethoven").
_PARTICLE = re.compile(
    r"d[aeiou]|de[il]|della|dello|dei|degli|dal|dalla|van|von|der|den|ten|ter|zu|zur|la|le|lo|du|des|dos|das|"
    r"y|bin|ibn|al|el|af|av"
)
_LETTERS = re.compile(r"(?:[^\W\d_]|['’.-])+")


_ELIDED_D_RE = re.compile(r"[Dd]['’]")


def _name_word(word: str) -> bool:
    """True for a word of a person's name: capitalised (``D'Angelo`` too) or a surname particle."""
    core = word[2:] if _ELIDED_D_RE.match(word) else word
    return bool(_PARTICLE.fullmatch(word) or (core[:1].isupper() and _LETTERS.fullmatch(core)))


_WORD = r"[A-ZÀ-ÖØ-ÝĀ-ſ](?:[^\W\d_]|['’])+"  # capitalised, in the Latin alphabets ("Kubišta")
_NAME = _WORD + r"(?:[ -](?:[Dd][aeiu]|[Dd]el|[Dd]ella|[Ll]o|[Ll]a|[Dd]')?\s?" + _WORD + r"){1,3}"
# An academic title before a name stays with it, as bylines write it ("von Dr. Max Kolter").
_TITLED_NAME = r"(?:(?:Dr|Prof|Dott|Ing|Mag)\.(?:ssa\.?)?\s?)*" + _NAME
_NAMES = _TITLED_NAME + r"(?:\s*(?:,|&|\b(?:e|ed|and|und)\b)\s*" + _TITLED_NAME + r")*"
# A byline line: "di Nome Cognome", "By A and B", "Von A und B", "Un articolo di ...", "Blog Beitrag von ...".
_BYLINE_LEAD = (
    r"(?i:(?:(?:blog|ein|eine|un|una|der|die|il|la|l')\s*)?(?:articolo|servizio|testo|intervista|commento|analisi|reportage|"
    r"beitrag|artikel|text|bericht|interview|kommentar|kolumne|rubrica|column|analyse|post|story|article|"
    r"foto e testo|testo e foto|text und fotos?|texte et photos?)\s+)?"
    r"(?:(?i:by|von|di|par|a cura di|scritto da|written by|posted by)|da|"
    r"(?i:autor|autorin|autoren|autore|autori|autrice|auteur|auteure|author|authors|text|texte|testo|interview|"
    r"intervista)\s*:|(?i:autor|autorin|autoren|autore|autori|autrice|author|authors)(?=\s+[A-ZÀ-Ý]))"
)
# After the names a byline line may give a role or a note: "(Sponsored Post), Redner bei rent-a-pastor.com",
# or an agency after a slash ("Peter Maahn/SP-X").
_BYLINE_TAIL = r"(?:\s*\([^()]{1,40}\))?(?:\s*[,–—|-]\s+[^\n]{1,60}|\s*/\s*[^\n]{1,40})?"
_BYLINE_RE = re.compile(r"^\s*" + _BYLINE_LEAD + r"\s+(" + _NAMES + r")" + _BYLINE_TAIL + r"\s*\.?\s*$")
# Its opening words alone: a line that does not start so is no byline (checked before the slow credits split).
_BYLINE_HEAD_RE = re.compile(r"\s*" + _BYLINE_LEAD + r"\s")
# Other credits on a byline line: "testo di A, foto di B", "Text von A Illustration von B".
_CREDITS = re.compile(
    r"\s*[,;|]?\s*\b(?i:illustration(?:en)?|illustrazioni|fotos?|foto|bilder|photos?|video|grafik(?:en)?|"
    r"immagini|riprese)\s+(?i:von|di|by|de)\b"
)
# In a byline element: "Label:" (Text & Fotos:, Author(s):, By :, Stand:) and roles are never names.
_LABEL = re.compile(r"[\w()À-ÿ]+(?:\s*&\s*[\w()À-ÿ]+)?\s*:")
_PROFESSIONS = (
    r"rechtsanwalt|rechtsanwältin|fachanwalt|fachanwältin|anwalt|anwältin|notar|notarin|steuerberater|"
    r"steuerberaterin|avvocato|avvocata|avv\.|notaio|commercialista|architekt|architektin|architetto|lawyer|"
    r"attorney|solicitor"
)
_ROLES = (
    r"autor|autorin|autoren|autore|autrice|author|auteur|auteure|redakteur|redakteurin|redattore|redattrice|"
    r"journalist|journalistin|giornalista|reporter|editor|writer|contributor|correspondent|korrespondent|"
    r"korrespondentin|inviato|inviata|" + _PROFESSIONS
)
_ROLE = re.compile(r"(?<!\w)(?i:" + _ROLES + r")(?!\w)")
# A role or profession before a name is not part of it ("Rechtsanwalt Sebastian Einbock", "Auteur Anna
# Kubišta"); academic titles ("Dr.") stay, as bylines write them.
_ROLE_LEAD = re.compile(r"^(?i:" + _ROLES + r")\s*:?\s+")
# "Posted on September 21, 2020 by Adi Tzlil", "Pubblicato il 12 marzo 2024 da Luca Ferri": names after the date.
_LATER_LEAD = re.compile(r"\s(?:(?i:by|von|par|por)|di|da)\s+(?=[A-ZÀ-Ý])")
# A name never starts with an article or a possessive ("deinen Hochzeitsbloggern", "The Editors", "Il Team").
_ARTICLE_FIRST = re.compile(
    r"^(?i:the|our|your|my|die|der|das|dem|ein|eine|einen|einem|dein|deine|deinen|unser|unsere|unseren|euer|"
    r"eure|mein|meine|il|gli|un|una|uno|nostro|nostra|vostro|vostra|les|notre|votre|nos|vos)\s"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|"
    r"märz|mai|juni|juli|oktober|dezember|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|"
    r"ottobre|novembre|dicembre|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|décembre"
)
_DAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonntag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|updated|aggiornato|pubblicato|"
    r"published|veröffentlicht|stand|vor|ago|fa|hace|il y a"
)
# A weekday's short form opens the date line only before a comma: "Von Tomas Spahn Fr, 18. Oktober 2019".
_SHORT_DAYS = r"mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|gio|ven|sab|dom"
# A preposition before a time or date opens it too: "Posted by A at 18:52", "di A alle 10", "von A am 3.".
_DATE_START = re.compile(
    r"(?:\s(?i:at|on|um|am|alle|il|le|el|du|del)\s+)?\d|\b(?i:" + _MONTHS + "|" + _DAYS + r")\b|"
    r"\b(?i:" + _SHORT_DAYS + r")\.?,"
)
# What follows a name in a site's name or host: "La Stampa" is lastampa.it, "CBC" is CBC News.
# A host written as words ("Jungefreiheit De"): a top-level domain never ends a person's name.
_DOMAIN_END = re.compile(r"\s(?:De|At|Ch|Fr|Es|Uk|Nl|Be|Pl|Se|Info|Biz)$")
_SITE_SUFFIX = r"(?:it|com|net|org|eu|news|notizie|online|web|tv|live|quotidiano|magazine)*"


_NOT_LETTER_OR_DIGIT_RE = re.compile(r"[\W_]+")


def _squash(text: str) -> str:
    """Letters and digits only, folded: ``Corriere.it`` → ``corriereit``."""
    return _NOT_LETTER_OR_DIGIT_RE.sub("", fold(text))


_TRAILING_DOTS_RE = re.compile(r"(?<!\b[A-ZÀ-Ý])(?<!\b[JS]r)\.+$")
_PARENTHESISED_RE = re.compile(r"\s*\((?:[^)]*)\)\s*")


def _person(part: str, sites: set[str]) -> str | None:
    """``part`` as a person's name (2–5 capitalised words), or None for organisations, sites and junk."""
    name = _LEAD.sub("", part.strip()).strip(" ·-–—:'\"‘’“”«»")
    name = _ROLE_LEAD.sub("", name)
    # a closing full stop goes; an initial's and an abbreviation's stay ("R.C. Baker", "Perry Bacon Jr.")
    name = _TRAILING_DOTS_RE.sub("", name).strip()
    name = _PARENTHESISED_RE.sub(" ", name).strip()  # "Mario Rossi (ANSA)": the role goes
    if not name or "@" in name or any(ch.isdigit() for ch in name) or _NOT_A_PERSON.search(name):
        return None
    if name.isupper() or name.islower():
        name = title_case(name)
    words = name.split()
    if _ARTICLE_FIRST.match(name):
        return None
    if not 2 <= len(words) <= 5 or not all(_name_word(w) for w in words) or len(set(words)) == 1:
        return None
    if not words[0][0].isupper() or not words[-1][0].isupper() or _DOMAIN_END.search(name):
        return None
    squashed = _squash(name)
    if any(re.fullmatch(re.escape(squashed) + _SITE_SUFFIX, site) for site in sites):
        return None  # the publisher or the site, not a person
    if _squash(words[0]) in sites:
        return None  # the outlet and its desk or region signing with the journalist ("MDR Thüringen")
    return name


# Soft hyphens and zero-width characters split a name's letters only in the markup ("Mat\xadthi\xadas").
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


_WHITESPACE_RUN_RE = re.compile(r"\s+")
_URL_MARK_RE = re.compile(r"https?:|www\.|\.\w{2,4}/")
_URL_WORD_RE = re.compile(r"\S*(?:https?:|www\.|\.\w{2,4}/)\S*")
_SEMICOLON_OR_COMMA_RE = re.compile(r"[;,]")


def clean_author(author: str | None, sites: Iterable[str] = ()) -> str | None:
    """The people an author string names (``Mario Rossi, Anna Bianchi``), or None: agencies, ``Redazione``,
    the site names in ``sites``, URL parts and social networks are not people; ``Rossi; Mario`` is one."""
    if not author or not author.strip():
        return None
    text = _WHITESPACE_RUN_RE.sub(" ", html.unescape(author).translate(_INVISIBLE)).strip()
    if _URL_MARK_RE.search(text):  # URL fragments: keep nothing that follows a URL
        text = _URL_WORD_RE.split(text)[0]
    site_keys = {_squash(s) for s in sites if s and len(_squash(s)) >= 3}
    parts = [p for p in _AUTHOR_SPLIT.split(text) if p and p.strip()]
    if len(parts) == 2 and all(len(p.split()) == 1 for p in parts) and _SEMICOLON_OR_COMMA_RE.search(text):
        parts = [f"{parts[1].strip()} {parts[0].strip()}"]  # "Rossi; Mario", "Rossi, Mario": one person
    names = [n for n in (_person(p, site_keys) for p in parts) if n]
    return ", ".join(dict.fromkeys(names)) or None


def byline_people(byline: str, sites: Iterable[str] = ()) -> str | None:
    """The people a page's byline element names (``By : Joe S.``, ``Text & Fotos: Ivan Valetny``, ``Harald
    Bauer Autor``, ``By Alex Bozarjian Thursday, November 9, 2023``): labels, roles and dates left out."""
    text = " ".join(html.unescape(byline).split())
    if (later := _LATER_LEAD.search(text)) and _DATE_START.search(text[: later.start()]):
        text = text[later.start() :]
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
