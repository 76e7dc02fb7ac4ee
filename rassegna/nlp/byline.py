"""Journalist: the byline of an article, from the extractor's author string or from the text."""

from __future__ import annotations

import re

from rassegna.nlp.textutil import fold, title_case

_NOT_A_PERSON = re.compile(
    r"\b(?:redazione|redattore|staff|admin|administrator|ufficio stampa|comunicato|agenzia|ansa|adnkronos|"
    r"askanews|dire|italpress|lapresse|notizie|news|web|online|desk|autore|author|editor|ospite|guest|comune|"
    r"fondazione|anci|cittalia)\b",
    re.IGNORECASE,
)
_WORD = r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’]+"
_NAME = _WORD + r"(?:[ -](?:[Dd][aeiu]|[Dd]el|[Dd]ella|[Ll]o|[Ll]a|[Dd]')?\s?" + _WORD + r"){1,3}"
_BYLINE_RE = re.compile(r"^\s*(?i:by|di|a cura di|testo di|articolo di|servizio di)\s+(" + _NAME + r")\s*\.?\s*$")
_PARTICLES = {
    "di",
    "de",
    "del",
    "della",
    "dello",
    "da",
    "dal",
    "dalla",
    "lo",
    "la",
    "li",
    "van",
    "von",
    "d'",
    "dell'",
}


def clean_author(author: str | None) -> str | None:
    """A person's name from an author string, or None (``Redazione``, outlets, empty)."""
    if not author:
        return None
    name = re.sub(r"^\s*(?:by|di|a cura di)\s+", "", author.strip(), flags=re.IGNORECASE)
    name = re.split(r"\s*[|•/]\s*|\s+-\s+|,", name)[0].strip(" .")
    if not name or _NOT_A_PERSON.search(name) or any(ch.isdigit() for ch in name) or "@" in name:
        return None
    words = name.split()
    if not 2 <= len(words) <= 5:
        return None
    if name.isupper():
        name = title_case(name)
    return name


def journalist_from(author: str | None, text: str) -> str | None:
    """The journalist: the author string when it names a person, else a byline line (``di Giulia Mascia``)."""
    name = clean_author(author)
    if name:
        return name
    lines = [line for line in (text or "").splitlines() if line.strip()]
    for line in lines[:4] + lines[-2:]:
        m = _BYLINE_RE.match(line)
        if m:
            return clean_author(m.group(1))
    return None


def short_name(full: str) -> str:
    """Initials and surname: ``Alice Gipponi`` → ``A. Gipponi``; ``Giovanni Di Meo`` → ``G. Di Meo``."""
    words = full.split()
    if len(words) < 2:
        return full.strip()
    surname_at = len(words) - 1
    for i in range(1, len(words) - 1):
        if fold(words[i]) in {fold(p) for p in _PARTICLES} or words[i].lower().startswith(("d'", "dell'")):
            surname_at = i
            break
    initials = " ".join(w[0].upper() + "." for w in words[:surname_at])
    return f"{initials} {' '.join(words[surname_at:])}"
