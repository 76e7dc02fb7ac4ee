"""People's names as the press review writes them."""

from __future__ import annotations

from rassegna.text.fold import fold

# Words that start an Italian (or Dutch, German) surname: "Di Meo", "Della Valle", "van Basten".
SURNAME_PARTICLES = frozenset(
    fold(p)
    for p in ("di", "de", "del", "della", "dello", "da", "dal", "dalla", "lo", "la", "li", "van", "von", "d'", "dell'")
)


def short_name(full: str) -> str:
    """Initials and surname: ``Alice Gipponi`` → ``A. Gipponi``; ``Giovanni Di Meo`` → ``G. Di Meo``."""
    words = full.split()
    if len(words) < 2:
        return full.strip()
    surname_at = len(words) - 1
    for i in range(1, len(words) - 1):
        if fold(words[i]) in SURNAME_PARTICLES or words[i].lower().startswith(("d'", "dell'")):
            surname_at = i
            break
    initials = " ".join(w[0].upper() + "." for w in words[:surname_at])
    return f"{initials} {' '.join(words[surname_at:])}"


def byline_short(name: str | None) -> str:
    """A byline as the reference review shows it: ``Alessandro  Gipponi`` → ``A. Gipponi``; "" for none."""
    return short_name(" ".join(name.split())) if name and name.strip() else ""
