"""The Italian comuni (ISTAT list shipped under ``data/``), Italian regions and first names, loaded once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rassegna.nlp.textutil import LETTERS_RE, fold

DATA = Path(__file__).with_name("data")

REGIONS = (
    'Abruzzo', 'Basilicata', 'Calabria', 'Campania', 'Emilia-Romagna', 'Friuli-Venezia Giulia', 'Lazio',
    'Liguria', 'Lombardia', 'Marche', 'Molise', 'Piemonte', 'Puglia', 'Sardegna', 'Sicilia', 'Toscana',
    'Trentino-Alto Adige', 'Umbria', "Valle d'Aosta", 'Veneto', 'Alto Adige', 'Friuli Venezia Giulia',
    'Emilia Romagna', 'Trentino Alto Adige', 'Trentino',
)  # fmt: skip

# Common short forms that differ from the ISTAT name.
ALIASES = {
    'Reggio Calabria': 'Reggio di Calabria', 'Reggio Emilia': "Reggio nell'Emilia", 'Bozen': 'Bolzano',
    'Pesaro Urbino': 'Pesaro', 'Forli': 'Forlì', 'Roma Capitale': 'Roma',
    # widespread unofficial spellings (the local press's and the towns' own): the gold writes the ISTAT name
    'Borgotaro': 'Borgo Val di Taro', 'Cava dei Tirreni': "Cava de' Tirreni",
    "Sant'Agata dei Goti": "Sant'Agata de' Goti", 'Pontedilegno': 'Ponte di Legno',
    'Castelnuovo Monti': "Castelnovo ne' Monti",
}  # fmt: skip

# Quarters of the largest cities that the press names alone ("a Scampia", "Fuorigrotta, arrestato"): a quartiere
# gives its comune (ANNOTATION.md). Only distinctive names: none that is a comune, a common word, a given name or
# a saint's name shared by quarters of several cities ("San Lorenzo", "Aurora", "Isola", "Monti" are left out).
QUARTERS = {
    'Napoli': (
        'Fuorigrotta', 'Scampia', 'Secondigliano', 'Ponticelli', 'Soccavo', 'Chiaiano', 'Piscinola', 'Posillipo',
        'Vomero', 'Chiaia', 'San Giovanni a Teduccio', 'Rione Sanità', 'Forcella', 'Quartieri Spagnoli',
        'Marianella',
    ),
    'Roma': (
        'Trastevere', 'Testaccio', 'Esquilino', 'Parioli', 'Garbatella', 'Primavalle', 'Centocelle',
        'Torpignattara', 'Pigneto', 'Quarticciolo', 'Quadraro', 'Tor Bella Monaca', 'Torre Angela', 'Corviale',
        'Magliana', 'Ostia', 'Ponte Milvio', 'Colle Oppio', 'Tiburtino', 'Prenestino', 'Tuscolano', 'Cinecittà',
        'Montesacro', 'Tufello', 'Spinaceto', 'Boccea', 'Infernetto', 'Acilia',
    ),
    'Milano': (
        'Quarto Oggiaro', 'Baggio', 'Gratosoglio', 'Corvetto', 'Giambellino', 'Lorenteggio', 'Niguarda',
        'Bovisa', 'Lambrate', 'Rogoredo', 'Città Studi', 'Brera', 'Barona', 'Comasina',
    ),
    'Torino': (
        'Barriera di Milano', 'San Salvario', 'Mirafiori', 'Vanchiglia', 'Falchera', 'Vallette', 'Lingotto',
        'Borgo Vittoria', 'Lucento', 'Madonna di Campagna',
    ),
    'Palermo': ('Brancaccio', 'Ballarò', 'Mondello', 'Sferracavallo', 'Vucciria'),
    'Genova': (
        'Sampierdarena', 'Cornigliano', 'Pegli', 'Sestri Ponente', 'Bolzaneto', 'Pontedecimo', 'Voltri',
        'Molassana', 'Staglieno', 'Quezzi', 'Marassi',
    ),
    'Venezia': ('Mestre', 'Marghera', 'Murano', 'Burano', 'Chirignago', 'Zelarino', 'Favaro Veneto'),
    'Bari': ('Japigia', 'Poggiofranco', 'Bari Vecchia', 'Carbonara di Bari'),
    'Bologna': ('Borgo Panigale', 'Bolognina', 'Corticella', 'Navile'),
    'Firenze': ('Rifredi', 'Isolotto', 'Gavinana', 'Campo di Marte', 'Careggi'),
    'Catania': ('Librino', 'Picanello', 'Ognina'),
}  # fmt: skip

# Comuni whose name is also a frequent Italian word or surname: they need strong context.
AMBIGUOUS = {
    'Ora', 'Paese', 'Calcio', 'Cento', 'Vita', 'Lettere', 'Sale', 'Bella', 'Piano', 'Monti', 'Fermo',
    'Prato', 'Massa', 'Lodi', 'Porto', 'Mare', 'Valle', 'Campo', 'Bosco', 'Villa', 'Castello', 'Ponte',
    'Rocca', 'Torre', 'Borgo', 'Chiesa', 'Corte', 'Croce', 'Fonte', 'Grotte', 'Isola', 'Marina', 'Olivetti',
    'Pace', 'Palma', 'Pietra', 'Pieve', 'Riva', 'Salute', 'Santa', 'Sesto', 'Stella', 'Terme', 'Trento',
    'Cervo', 'Cassano', 'Moglia', 'Camposanto', 'Castelli', 'Martini', 'Masi', 'Rossi', 'Ricci', 'Leone',
    'Nave', 'Ponti', 'Lago', 'Arena', 'Barga', 'Ala', 'Lana', 'Scala', 'Fiume', 'Gioia', 'Pago', 'Riso',
    'Uri', 'Orta', 'Nus', 'Gallo', 'Carpi', 'Bari', 'Tetti', 'Muro', 'Rende', 'Colle', 'Premia', 'Parte',
    'Ville', 'Casa', 'Corno', 'Oggiono', 'Volta', 'Forte', 'Fiera', 'Fara', 'Cisterna', 'Terzo', 'Centro',
    'Spazio', 'Comune', 'Diano', 'Latiano', 'Capri', 'Bibbiena', 'Soriano', 'Gioi', 'Lauro', 'Montalto',
    'Orio', 'Pompei', 'Ronco', 'Tito', 'Vico', 'Mori', 'Dolo', 'Este', 'Ne', 'Re', 'Lu', 'Oné', 'Ro', 'Vo',
    'Ono', 'Pisa', 'Ascoli', "Sant'Anna", 'Opera', 'Chiusi', 'Aperta', 'Mezzana', 'Forza', 'Stato', 'Camera',
    # named like a lake, a river or a mountain: "sul Garda", "lungo il Brenta", "la Bormida", "il Cervino"
    'Garda', 'Brenta', 'Bormida', 'Cervino',
}  # fmt: skip


_AMBIGUOUS_KEYS = frozenset(fold(a) for a in AMBIGUOUS)


@dataclass(frozen=True, slots=True)
class Comune:
    """One ISTAT comune."""

    name: str
    province: str
    region: str
    capoluogo: bool


_APOSTROPHE_OR_HYPHEN_RE = re.compile(r"['’-]")


@lru_cache(maxsize=1)
def comuni() -> dict[str, Comune]:
    """Folded name (and other-language name, aliases) → comune."""
    table: dict[str, Comune] = {}
    lines = (DATA / "comuni.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        name, other, prov, region, capo = line.split("\t")
        c = Comune(name, prov, region, capo == "1")
        table.setdefault(fold(name), c)
        if other:
            table.setdefault(fold(other), c)
    # Short forms: "Portopalo" for Portopalo di Capo Passero, "Lampedusa" for Lampedusa e Linosa, when the
    # first part names no other comune and only one comune starts with it.
    for key, c in short_forms().items():
        table.setdefault(key, c)
    for key, c in saint_short_forms().items():
        table.setdefault(key, c)
    # The press drops the "di" of long names: "Isola Capo Rizzuto", "Castelnuovo Garfagnana".
    for c in list(table.values()):
        if " di " in c.name:
            table.setdefault(fold(c.name.replace(" di ", " ")), c)
    # ... and the hyphen of the comuni born of a merger: "Corigliano Rossano" for Corigliano-Rossano.
    for c in list(table.values()):
        if "-" in c.name:
            table.setdefault(fold(c.name.replace("-", " ")), c)
    # The press fuses some names of several words ("Castelsangiovanni", "Montesansavino"): the fused form, when it
    # names no other comune and the name has no apostrophe or hyphen. Not "San X" alone: "Sangemini",
    # "Sanpellegrino" are the brands of their waters; not "La X": "Lavalle" is a surname.
    fused: dict[str, list[Comune]] = {}
    for c in {c.name: c for c in table.values()}.values():
        words = c.name.split()
        saint = len(words) == 2 and words[0] in {"San", "Santa", "Santo", "Santi"}
        article = words[0] in {"La", "Il", "Lo", "Le", "I"}  # "Lavalle", "Lasalle" are surnames
        if 1 < len(words) <= 4 and not saint and not article and not _APOSTROPHE_OR_HYPHEN_RE.search(c.name):
            fused.setdefault(fold(c.name.replace(" ", "")), []).append(c)
    for key, cs in fused.items():
        if len(cs) == 1:
            table.setdefault(key, cs[0])
    for alias, target in ALIASES.items():
        if fold(target) in table:
            table[fold(alias)] = table[fold(target)]
    for city, quarters in QUARTERS.items():
        for quarter in quarters:
            table.setdefault(fold(quarter), table[fold(city)])  # never over a comune of that name
    return table


# Short forms the press uses for the best-known of several comuni sharing them ("a Civitanova", "SAN BENEDETTO -").
PRESS_SHORT_FORMS = {
    'Civitanova': 'Civitanova Marche', 'San Benedetto': 'San Benedetto del Tronto',
    'Castellammare': 'Castellammare di Stabia', 'Genzano': 'Genzano di Roma', 'Ariano': 'Ariano Irpino',
    'Casalnuovo': 'Casalnuovo di Napoli', 'Cava': "Cava de' Tirreni", 'Montecchio': 'Montecchio Maggiore',
    'Nocera': 'Nocera Inferiore', 'Palma': 'Palma di Montechiaro', 'Montecatini': 'Montecatini-Terme',
    'Ascoli': 'Ascoli Piceno', 'Bassano': 'Bassano del Grappa',
}  # fmt: skip


_NAME_CONNECTOR_RE = re.compile(r"\s+(?:di|del|della|dello|dei|delle|in|sul|sulla|e|val|valle)\s+", re.I)


def _head(name: str) -> str:
    """The words a comune's name begins with before its particle or its last word: "Lonato" (del Garda),
    "Lamezia" (Terme), "San Quirico" (d'Orcia); the name itself when it has one word."""
    head = _NAME_CONNECTOR_RE.split(name)[0]
    if head == name and " " in name:
        head = name.rsplit(" ", 1)[0]  # "Lamezia Terme", "Vibo Valentia": the name without its last word
    return head


@lru_cache(maxsize=1)
def _full_names() -> dict[str, Comune]:
    """Folded ISTAT name → comune (no aliases, no short forms)."""
    full: dict[str, Comune] = {}
    for line in (DATA / "comuni.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, _other, prov, region, capo = line.split("\t")
        full.setdefault(fold(name), Comune(name, prov, region, capo == "1"))
    return full


@lru_cache(maxsize=1)
def _merger_heads() -> frozenset[str]:
    """The first part of the hyphenated names of merged comuni ("corigliano" of Corigliano-Rossano): a short form
    that seems to name one comune ("Corigliano" d'Otranto) is shared with the merger."""
    return frozenset(fold(c.name.split("-")[0]) for c in _full_names().values() if "-" in c.name)


@lru_cache(maxsize=1)
def short_forms() -> dict[str, Comune]:
    """Folded short form → comune: ``Portopalo`` (di Capo Passero), ``Lampedusa`` (e Linosa), ``Lamezia``
    (Terme), ``Vibo`` (Valentia), when only one comune starts so, and the press's ``PRESS_SHORT_FORMS``; they
    need context like the ambiguous names."""
    full = _full_names()
    heads: dict[str, list[Comune]] = {}
    for c in full.values():
        head = _head(c.name)
        saint = head.lower().startswith(("san ", "sant'", "santa ", "santo ", "santi "))  # also quarters, churches
        if head != c.name and len(head) > 3 and " " not in head and not saint and fold(head) not in _AMBIGUOUS_KEYS:
            heads.setdefault(fold(head), []).append(c)
    out = {k: cs[0] for k, cs in heads.items() if len(cs) == 1 and k not in full and k not in _merger_heads()}
    for short, name in PRESS_SHORT_FORMS.items():
        if fold(name) in full and fold(short) not in full:
            out[fold(short)] = full[fold(name)]
    return out


@lru_cache(maxsize=1)
def saint_short_forms() -> dict[str, Comune]:
    """Folded saint's short form → comune, when only one comune begins with it: "San Gavino" (Monreale), "San
    Quirico" (d'Orcia). A saint's name also names churches, feasts and quarters: the comune only where something
    happens "a"/"in" it."""
    full = _full_names()
    heads: dict[str, list[Comune]] = {}
    for c in full.values():
        head = _head(c.name)
        words = head.split()
        if head != c.name and len(words) == 2 and words[0] in {"San", "Santa", "Santo"} and len(words[1]) > 3:
            heads.setdefault(fold(head), []).append(c)
    return {k: cs[0] for k, cs in heads.items() if len(cs) == 1 and k not in full}


_MINOR_WORDS = frozenset(
    {"di", "del", "della", "dei", "delle", "de", "d", "e", "ed", "in", "sul", "sulla", "al", "nel", "nell"}
)


@lru_cache(maxsize=1)
def initials_forms() -> dict[tuple[str, str], Comune]:
    """(folded first word, initials of the other words) → comune, when only one comune has them: the press writes
    "Barcellona PG" (Pozzo di Gotto), "Vado L." (Ligure), "Sesto S.G." (San Giovanni)."""
    found: dict[tuple[str, str], list[Comune]] = {}
    for c in {c.name: c for c in comuni().values()}.values():
        words = LETTERS_RE.findall(c.name)
        if len(words) < 2:
            continue
        letters = "".join(w[0].upper() for w in words[1:] if fold(w) not in _MINOR_WORDS)
        if letters:
            found.setdefault((fold(words[0]), letters), []).append(c)
    return {k: cs[0] for k, cs in found.items() if len(cs) == 1}


@lru_cache(maxsize=1)
def shared_heads() -> dict[str, tuple[Comune, ...]]:
    """Folded short form → the comuni that share it, when several do: "Santa Caterina" (Villarmosa, dello Ionio,
    Albanese). The text's region or its other comuni tell which one is meant."""
    full = {c.name: c for c in comuni().values()}
    found: dict[str, list[Comune]] = {}
    for c in full.values():
        head = _head(c.name)
        if head != c.name and len(head) > 3 and fold(head) not in _AMBIGUOUS_KEYS:
            found.setdefault(fold(head), []).append(c)
    for c in full.values():  # "Corigliano": Corigliano d'Otranto or Corigliano-Rossano
        head = c.name.split("-")[0]
        if "-" in c.name and fold(head) in found:
            found[fold(head)].append(c)
    table = comuni()
    return {k: tuple(cs) for k, cs in found.items() if len(cs) > 1 and k not in table}


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Folded region name → region name."""
    return {fold(r): r for r in REGIONS}


@lru_cache(maxsize=1)
def listed_first_names() -> frozenset[str]:
    """Common Italian given names (``data/first_names.txt``), folded."""
    text = (DATA / "first_names.txt").read_text(encoding="utf-8")
    return frozenset(fold(w) for w in text.split("\n") if w.strip() and not w.startswith("#"))


# The given names of the piece being read, when it shows names no list holds (:func:`given_names_shown`).
_PIECE_FIRST_NAMES: ContextVar[frozenset[str] | None] = ContextVar("piece_first_names", default=None)


def first_names() -> frozenset[str]:
    """Given names, folded: the list's, and within :func:`given_names_shown` those one piece shows."""
    return _PIECE_FIRST_NAMES.get() or listed_first_names()


@contextmanager
def given_names_shown(names: frozenset[str]) -> Iterator[None]:
    """Within the block :func:`first_names` also holds ``names`` (folded): the given names one piece shows."""
    token = _PIECE_FIRST_NAMES.set(listed_first_names() | names if names else None)
    try:
        yield
    finally:
        _PIECE_FIRST_NAMES.reset(token)


@lru_cache(maxsize=1)
def max_name_words() -> int:
    """Longest comune name in words (bounds the n-gram lookup)."""
    return max(len(k.split()) for k in comuni())
