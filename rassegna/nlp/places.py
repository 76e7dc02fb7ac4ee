"""Places: the article's main city and every place it mentions (a gazetteer of Italian comuni in context)."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rassegna.nlp.confidence import Confidence, load_confidence
from rassegna.nlp.gazetteer import (
    ALIASES,
    AMBIGUOUS,
    PRESS_SHORT_FORMS,
    QUARTERS,
    REGIONS,
    comuni,
    first_names,
    initials_forms,
    max_name_words,
    regions,
    saint_short_forms,
    shared_heads,
    short_forms,
)
from rassegna.nlp.textutil import LETTERS_RE, by_first_letter, fold, literal_not_after, normalise, paragraphs

# A name's other words by their initials: " PG", " P.G.", " L.", " S.G." (a lone letter needs its dot)
_INITIALS_RE = re.compile(r" (?:[A-Z]{2,3}\b(?!\.?[a-z])|(?:[A-Z]\. ?){1,3}(?![a-z]))")
# A word whose first letter may be upper case (not a-z, not à-ÿ; str.isupper() then decides), with the rest of its
# letters: the run LETTERS_RE would match there, read in the same search.
_MAY_CAPITALISE_RE = re.compile(r"[^\W\d_a-zà-ÿ](?<![^\W\d_].)[^\W\d_]*")
# (the apostrophe of "de'" closes its word: "Torre de' Passeri", "Cassina de' Pecchi")
_GLUE_RE = re.compile(r"^(?: |'|' |-| (?:di|del|della|dei|delle|nel|nell'|sul|sulla|in|al|alla|d'|de|dell') ?)$")
PREPOSITIONS = {
    'a', 'ad', 'di', 'da', 'in', 'su', 'per', 'tra', 'fra', 'con', 'verso', 'presso', 'nel', 'nella', 'dal',
    'dalla', 'sul', 'sulla', 'al', 'alla', 'all', 'nell', 'dall', 'sull', 'd', 'attivo', 'attiva', 'anche',
    'comune', 'città', 'provincia', 'capoluogo', 'municipio', 'sindaco', 'sindaca', 'prefettura', 'questura',
    'tappa', 'sede', 'sopra', 'sotto', 'oltre', 'vicino', 'pressi', 'dintorni', 'intorno', 'attorno', 'lungo',
}  # fmt: skip
# Words before a comune name that make it part of a street, district or building name.
LOCALITY_WORDS = {
    'via', 'viale', 'corso', 'piazza', 'piazzale', 'piazzetta', 'largo', 'vicolo', 'villaggio', 'quartiere',
    'rione', 'borgata', 'contrada', 'località', 'lungomare', 'lungotevere', 'parco', 'stadio', 'teatro',
    'hotel', 'albergo', 'porta', 'galleria', 'palazzo', 'ponte', 'stazione', 'strada', 'liceo', 'scuola',
    'istituto', 'ospedale', 'policlinico', 'cinema', 'caserma', 'fermata', 'calcio', 'sporting', 'real',
    'atletico', 'villa',
}  # fmt: skip
_STRONG_BEFORE = re.compile(
    # (with the article merged into "di" before La Spezia and L'Aquila: "il Comune dell'Aquila")
    r"(?:\b(?:comune|città|municipio|capoluogo)\s+(?:di\s+|della\s+|dell')?|\b(?:giunta\s+comunale|consiglio\s+comunale|"
    r"amministrazione\s+comunale|polizia\s+(?:locale|municipale))\s+di\s+)$",
    re.IGNORECASE,
)
# The province, the metropolitan city, the diocese or the football club of X: not the comune of X.
_AREA_BEFORE = re.compile(
    r"\b(?:provincia|provincie|province|prefettura|questura|metropolitana|diocesi|arcidiocesi|asl|ausl|"
    r"regione|area|hinterland|provinciale|circondario|distretto|tribunale|procura|corte\s+d'\s*appello|"
    r"prefett[oa]|vice\s*prefett[oa]|questore|procurat(?:ore|rice)(?:\s+(?:capo|generale))?|procura\s+generale|vescov[oi]|arcivescovo|"
    r"corte\s+di\s+appello|asp|ats|ulss|usl|aou|ao|azienda\s+ospedaliera|squadra\s+mobile|"
    r"dda|direzione\s+distrettuale\s+antimafia|caritas|gip|gup|pm|giudice|giudici|lago|golfo|riviera|costiera|"
    # an electoral district, where a party is organised too: "il Collegio di X dell'Udc", "il collegio uninominale di X"
    r"collegio(?:\s+(?:elettorale|uninominale|plurinominale|senatoriale))?|"
    r"ordine(?=\s+di\s))\s+"  # a professional order: "il presidente dell'ordine di X" (not "su ordine del sindaco")
    r"(?:di\s+|del\s+|della\s+)?$",
    re.IGNORECASE,
)
# (the metropolitan area is the province of the largest cities: "l'area metropolitana di Napoli"; not the Città
# metropolitana, a body the city's mayor leads and the city's own news names often)
_PROVINCE_BEFORE = re.compile(
    r"\b(?:provinc\w*\s+(?:autonoma\s+)?|area\s+metropolitana\s+)(?:di\s+|del\s+|della\s+)?$", re.IGNORECASE
)
# Courts, prisons and other seats serving a district: "Tribunale per i minorenni di Firenze", "Procura della
# Repubblica presso il Tribunale di X", "l'Agenzia del Tpl di X", "l'ordine dei medici di X", "la Compagnia
# (carabinieri) di X" name where the office is, not where the story happens.
_SEAT_BEFORE = re.compile(
    r"\b(?:tribunale|procura|carcere|casa\s+circondariale|penitenziario|centro\s+di\s+prima\s+accoglienza|"
    r"corte|comando\s+provinciale|istituto\s+penale|agenzia|consorzio|ordine\s+(?:dei|degli|delle)|"
    r"camera\s+di\s+commercio|ufficio\s+scolastico|provveditorato|ispettorato|soprintendenza|"
    r"autorità\s+(?:portuale|di\s+sistema)|nucleo|compagnia|camer[ae]\s+(?:penal[ei]|civil[ei])|foro|"
    r"corte\s+d'assise|consiglio\s+dell'ordine|vigili\s+del\s+fuoco|distaccamento|"
    # the provincial branch of a trade association or a union: "la Cna di Caltanissetta", "la Cgil di Taranto"
    r"cna|confcommercio|confesercenti|confartigianato|confagricoltura|coldiretti|confindustria|"
    r"confcooperative|legacoop|ance|cgil|cisl|uil|ugl|fiom|ascom|federmoda|unione\s+industriali|"
    r"associazione\s+(?:territoriale|provinciale)|"
    # a party's provincial branch: "la federazione provinciale del Pd di X", "il coordinatore provinciale di FI a X"
    r"(?:federazione|coordinamento|coordinat(?:ore|rice)|segreteria|segretari[oa])\s+provinciale)\b"
    r"(?:\s+(?:\([^()\n]{1,40}\)|[^\W\d_]+(?:'[^\W\d_]+)?)){0,4}?\s+(?:di|del|della|a)\s+$",
    re.IGNORECASE,
)
# Both on a lower-cased window (their letters are all lower-case): 3x faster than the case-insensitive patterns.
_AREA_BEFORE_LOWER = re.compile(_AREA_BEFORE.pattern)
_SEAT_BEFORE_LOWER = re.compile(_SEAT_BEFORE.pattern)
# "nella frazione di X", "la località X": X names the frazione (the comune comes as "Y, frazione di X")
_FRAZIONE_NAMED_BEFORE = re.compile(
    r"(?<![\w'])(?:la|nella|alla|della|dalla|sulla|una|in)\s+(?:frazione|località|borgata)\s+(?:di\s+)?$",
    re.IGNORECASE,
)
_FRAZIONE_OF_RE = re.compile(
    r"([A-ZÀ-Ý][\w']+(?: (?:(?:di|del|della|de|in|sul|sulla|al) )?[A-ZÀ-Ý][\w']+){0,3})\s*[,(]\s*"
    r"(?:una\s+|la\s+|piccola\s+)?(?:frazione|località|borgata)\s+"
    r"(?:del\s+comune\s+)?(?:di|del)\s+[A-ZÀ-Ý]"
)
# "nel quartiere San Cristoforo", "il rione San Paolo": a city's quarter, though a comune elsewhere has its name
_QUARTER_NAMED_RE = re.compile(r"\b(?:[Qq]uartiere|[Rr]ione)\s+([A-ZÀ-Ý][\w']+(?: [A-ZÀ-Ý][\w']+){0,2})")
_ROLE_WORDS = {
    'sindaco', 'sindaca', 'assessore', 'assessora', 'presidente', 'consigliere', 'consigliera', 'onorevole',
    'senatore', 'deputato', 'ministro', 'dottor', 'dott', 'don', 'padre', 'suor', 'avvocato', 'prof',
    'governatore', 'vicesindaco', 'direttore', 'generale', 'colonnello', 'comandante', 'signor', 'signora',
    # titles and offices that come before a surname ("il questore Grassi", "la ministra Roccella")
    'sindache', 'assessori', 'consiglieri', 'capogruppo', 'segretario', 'segretaria', 'ministra', 'deputata',
    'senatrice', 'premier', 'questore', 'prefetto', 'procuratore', 'procuratrice', 'vescovo', 'arcivescovo',
    'cardinale', 'monsignor', 'mons', 'avv', 'ing', 'arch', 'geom', 'dottoressa', 'professor',
    'professoressa', 'maresciallo', 'capitano', 'tenente', 'brigadiere', 'appuntato', 'commissario',
    'vicepresidente', 'vicesindaca', 'presidentessa', 'direttrice', 'candidato', 'candidata',
    'mister', 'allenatore', 'tecnico', 'bomber', 'attaccante', 'difensore', 'centrocampista', 'portiere',
}  # fmt: skip
# Local and national or regional words: a city named only weakly is the article's city in a local piece.
# (matched on the lower-cased text: much faster than a case-insensitive pattern)
# (each word opens on its letter, the test of the character before it right after: a leading "\b" made the engine
# try every position; grouped by first letter, each group's words in their order, so the matches are the same)
_LOCAL_RE = re.compile(
    r"(?:s(?<!\ws)indac[oa]|c(?<!\wc)(?:omune|omunale|omunali|arabinieri|oncittadini|ittadina|(?<!in\sc)orso)|"
    r"g(?<!\wg)iunta\s+comunale|p(?<!\wp)(?:olizia\s+locale|arrocchia|iazza)|v(?<!\wv)(?:igili|ia)|"
    r"q(?<!\wq)(?:uestura|uartiere)|f(?<!\wf)razione|m(?<!\wm)unicipio)\b"
)
_WIDE_WORDS = (
    r"governo", r"ministr[oaie]", r"premier", r"parlamento", r"senato", r"camera\s+dei\s+deputati", r"quirinale",
    r"palazzo\s+chigi", r"presidente\s+della\s+repubblica", r"consiglio\s+dei\s+ministri", r"regione",
    r"regionale", r"regionali", r"governatore", r"governatrice", r"onorevole", r"deputat[oi]", r"senator[ei]",
    r"partit[oi]", r"grandi\s+elettori", r"montecitorio", r"maggioranza", r"opposizione", r"autostrad[ae]",
    r"autostradale", r"a\d{1,2}", r"tutta\s+italia", r"tutto\s+il\s+paese", r"sciopero\s+nazionale",
    r"territorio\s+nazionale", r"serie\s+[ab]",
)  # fmt: skip
# (grouped by first letter, each group's words in their order: the same matches, a third faster; searched on the
# text after a space, the non-word character before a word opens the pattern instead of "\b": the engine skips to
# the next such character instead of trying every position, and the group is the word the "\b" pattern matched)
_WIDE_RE = re.compile(r"\W(" + by_first_letter(_WIDE_WORDS) + r")\b")
# Seats of the regions (and autonomous provinces): a regional piece is often datelined there.
REGIONAL_CAPITALS = frozenset({
    'Roma', 'Milano', 'Napoli', 'Torino', 'Venezia', 'Bologna', 'Firenze', 'Genova', 'Bari', 'Palermo',
    'Cagliari', 'Ancona', 'Perugia', "L'Aquila", 'Campobasso', 'Potenza', 'Catanzaro', 'Aosta', 'Trento',
    'Bolzano', 'Trieste',
})  # fmt: skip
# Their demonyms' stems: "il modello fiorentino" says the piece is about Firenze, not only filed there.
CAPITAL_DEMONYMS = {
    'Roma': 'roman|capitolin', 'Milano': 'milanes|meneghin', 'Napoli': 'napoletan|partenope', 'Torino': 'torines',
    'Venezia': 'venezian|lagunar', 'Bologna': 'bolognes|felsine', 'Firenze': 'fiorentin', 'Genova': 'genoves',
    'Bari': 'bares', 'Palermo': 'palermitan', 'Cagliari': 'cagliaritan', 'Ancona': 'anconetan|doric',
    'Perugia': 'perugin', "L'Aquila": 'aquilan', 'Campobasso': 'campobassan', 'Potenza': 'potentin',
    'Catanzaro': 'catanzares', 'Aosta': 'aostan', 'Trento': 'trentin[iae]\\b', 'Bolzano': 'bolzanin',
    'Trieste': 'triestin',
}  # fmt: skip


def _at_word_start(alternatives: str) -> str:
    r"""``\b(?:a1|a2|…)`` for alternatives that open on lower-case letters, each written as its letters first and the
    test of the character before them after (``roman(?<!\wroman)``): the engine looks for the letters (a literal
    search) instead of trying every position. The same matches."""
    out = []
    for alt in alternatives.split("|"):
        head = _LEADING_LETTERS_RE.match(alt)
        if head is None:
            raise ValueError(f"not opening on a letter: {alt!r}")
        out.append(head.group(0) + r"(?<!\w" + head.group(0) + ")" + alt[head.end() :])
    return "(?:" + "|".join(out) + ")"


_LEADING_LETTERS_RE = re.compile(r"[a-z]+")
# The capitals' demonyms on the lower-cased text, compiled once (``\b`` then the demonym, as at_word_start writes it).
_CAPITAL_DEMONYM_RES = {name: re.compile(_at_word_start(alts)) for name, alts in CAPITAL_DEMONYMS.items()}
# A headline saying the piece is national: no comune is its city unless the headline names one.
_NATIONAL_TITLE_RE = re.compile(
    r"\b(?:in\s+tutta\s+italia|in\s+tutto\s+il\s+paese|in\s+tutto\s+il\s+territorio\s+nazionale|"
    r"in\s+(?:diverse|varie|molte|tante|\d+|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|"
    r"tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti)\s+(?:regioni|città|province)|"
    r"nazionale|in\s+italia)\b"
)
# A headline naming a region ("Veneto piegato dalla grandine", "Umbria e cultura"): a regional piece, whose city
# can only be a comune the headline names too.
_SPREAD_TITLE_RE = re.compile(
    r"\b(?:nei|negli|in|tra|fra|per|ai|agli|dei|degli)\s+(?:\d+|tutti\s+i|vari|diversi|molti|tanti|due|tre|"
    r"quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|quindici|venti|trenta|quaranta|cento)\s+comuni\b|"
    r"\bcomuni\s+(?:della|di\s+tutta\s+la)\s+provincia\b|"
    # a body of many comuni the headline makes its subject: "Anci Toscana, 60 sindaci all'assemblea", "X
    # riconfermata presidente dell'Unione dei Comuni", "la Conferenza dei sindaci Asl": the body's piece, not a comune's
    r"\banci\b|\bunione\s+dei\s+comuni\b|\bconferenza\s+dei\s+sindaci\b"
)
# The same in the text's opening words ("tanti i comuni della provincia", "i piccoli Comuni della Liguria"), not comuni
# it names there ("i Comuni di Spotorno e di Noli": those two are the piece's)
_SPREAD_LEAD_CHARS = 300
_SPREAD_LEAD_RE = re.compile(
    # (not one comune among them: "Genova fra i 16 Comuni della rete", "Solofra tra i 200 comuni campani")
    # (the "\b" first: tried at every position, it fails at once inside a word; the look-behinds are at its position)
    r"\b(?<![tf]ra\s)(?<![tf]ra\si\s)(?<![TF]ra\s)(?<![TF]ra\si\s)"
    r"(?i:i|tanti|molti|diversi|vari|alcuni|piccoli|tutti\s+i|\d+|due|tre|quattro|cinque|sei|sette|otto|nove|"
    r"dieci)\s+(?i:comuni)\b(?!\s+(?:di|del)\s+[a-zà-ù]*[A-ZÀ-Ý])"
)
# A count of comuni opening the headline or a clause of it: "Rifiuti: tre comuni della Valdera dicono no" (unless
# the headline leads with a comune: "Fossano: due comuni insieme per la piscina")
_COUNT_TITLE_RE = re.compile(r"(?:^|[:,;.–—-]\s*)(?:\d+|due|tre|quattro|cinque|sei|sette|otto|nove|dieci)\s+comuni\b")
_REGION_RE = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in sorted(REGIONS, key=len, reverse=True)) + r")\b")
_WIRE_AGENCY = re.compile(  # "ROMA (Reuters) -": filed by an agency
    r"\s*\((?:ansa|adnkronos|agi|reuters|askanews|lapresse|dire|italpress|afp|ap|ats|nova|agenzia nova|tmnews|"
    r"primapress|ansamed|agensir|sir|radiocor|mf-dowjones|dow jones)\)",
    re.IGNORECASE,
)
_WIRE_DATE = re.compile(r"\s*,\s*\d{1,2}\s*[^\W\d_]{3}", re.UNICODE)
# A dateline in capitals is set off by punctuation, or by none before the text's first word ("FERMO Cresce il Cpia")
_CAPS_SET_OFF_RE = re.compile(r"\s*[,.;\-–—]| [A-ZÀ-Ý][a-zà-ù']")
_DATELINE_PREFIX = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*[-–—]?\s*)?$")


@dataclass(slots=True)
class Mention:
    """A place found in the text or the title, with the evidence that it is a place."""

    name: str
    start: int
    end: int
    in_title: bool = False
    strong: bool = False  # "Comune di X", "città di X"
    dateline: bool = False
    preposition: bool = False
    listing: bool = False
    wire: bool = False  # an agency's dateline: "Roma, 16 giugno", "TORINO, 18 OTT"
    dash: bool = False  # a dateline followed by a dash ("ROMA –"), the agencies' and national desks' style
    local_body: bool = False  # "i carabinieri di X", "l'ospedale di X": a body or site of the comune
    site: bool = False  # "l'ospedale di X", "le acciaierie di X": a named site of the comune
    at: bool = False  # "a X", "ad X", "in X": where something happens
    seat: bool = False  # "il tribunale di X", "i vigili del fuoco di X": an office serving a wider area
    origin: bool = False  # "originario di X", "residente a X", "portato in carcere a X": a person's, not the story's
    area_listing: bool = False  # in a listing of provinces or regions: "nelle province di Napoli, Milano e Rimini"
    province: bool = False  # "la provincia di X", "la Giunta provinciale di X": the province, not the comune
    in_name: bool = False  # inside a name: "Universo Assisi", "Angelino Alfano"
    venue: bool = False  # where speakers met: "l'assemblea dei sindaci a Fossano", "riuniti a Ravenna"
    guessed: bool = False  # a headline's first word taken for a comune though no punctuation sets it apart
    is_comune: bool = True
    score: float = 0.0


def _candidates(
    text: str, shared: dict[str, str] | None = None, seen: set[str] | None = None
) -> list[tuple[str, int, int, bool]]:
    """Gazetteer matches (canonical name, start, end, is_comune), longest first at each position; a short form
    several comuni share is the one ``shared`` gives, and is noted in ``seen``."""
    table = comuni()
    regs = regions()
    out = []
    n_max = max_name_words() + 1
    heads = _first_words()
    resume = 0  # the end of the last match: the words before it are part of it
    # only a capitalised word can start a place: the regex skips the others, the words after one are read on demand
    for w in _MAY_CAPITALISE_RE.finditer(text):
        start = w.start()
        if start < resume or not text[start].isupper():
            continue
        first = fold(w.group(0))
        articled = _ARTICLED_AFTER.get(first)
        if articled is not None and _ARTICLE_BEFORE.search(text[max(0, start - 8) : start]):
            # "alla Spezia", "all'Aquila": a comune whose name begins with its article, merged into a preposition
            out.append((articled, start, w.end(), True))
            resume = w.end()
            continue
        if w.group(0) == "S" and text.startswith(".", w.end()):
            saint = _abbreviated_saint(text, w.end() + 1, n_max)
            if saint is not None:  # "S. Teresa di Riva": the saint's title cut to its initial
                out.append((saint[0], start, saint[1], True))
                resume = saint[1]
            continue
        if first not in heads:
            continue
        initials = _INITIALS_RE.match(text, w.end())
        if initials:  # "Barcellona PG", "Vado L.": the rest of the name by its initials
            letters = "".join(ch for ch in initials.group(0) if ch.isupper())
            hit = initials_forms().get((first, letters))
            if hit is not None:
                end = initials.start() + len(initials.group(0).rstrip(". "))
                out.append((hit.name, start, end, True))
                resume = end
                continue
        words = _glued_words(text, w, n_max)
        for n in range(len(words), 0, -1):
            last = words[n - 1]
            if not last.group(0)[0].isupper():
                continue
            key = fold(text[start : last.end()])
            if key in regs:  # Molise the region, not the comune of Molise (CB)
                out.append((regs[key], start, last.end(), False))
                resume = last.end()
                break
            if key in table:
                out.append((table[key].name, start, last.end(), True))
                resume = last.end()
                break
            variant = _variant_names().get(_variant_key(text[start : last.end()])) if n > 1 else None
            if variant is not None:  # "Cava de'Tirreni", "Spezzano Sila", "CASSANO IONIO": the press's spelling
                out.append((variant, start, last.end(), True))
                resume = last.end()
                break
            if key in shared_heads():  # "Santa Caterina": Villarmosa, dello Ionio or Albanese?
                if seen is not None:
                    seen.add(key)
                if shared and key in shared:
                    out.append((shared[key], start, last.end(), True))
                    resume = last.end()
                break
            if shared and key in shared and key not in table:  # "Cornedo" for the text's Cornedo Vicentino
                out.append((shared[key], start, last.end(), True))
                resume = last.end()
                break
    return out


_ELISION_RE = re.compile(r"\s*'\s*")
_LINK_WORD_RE = re.compile(
    r"(?<![^\W_])(?i:d|de|di|del|dei|della|delle|dell|al|all|alla|nel|nell|nella|sul|sull|sulla|in|a)(?:'|\s+)"
)


def _variant_key(name: str) -> str:
    """A name's words without the prepositions that link them, its elisions closed up: the key under which "Cava
    de'Tirreni", "Spezzano Sila" and "Cassano Ionio" meet "Cava de' Tirreni", "Spezzano della Sila", "Cassano
    all'Ionio"."""
    closed = _ELISION_RE.sub("'", name) if "'" in name else name  # (no apostrophe: no elision to close)
    return fold(_LINK_WORD_RE.sub("", closed))


@lru_cache(maxsize=1)
def _variant_names() -> dict[str, str]:
    """Comuni of several words by their :func:`_variant_key`, where it is one comune's and no comune's own name."""
    table = comuni()
    keys: dict[str, set[str]] = {}
    for c in table.values():
        if " " in c.name or "'" in c.name:
            keys.setdefault(_variant_key(c.name), set()).add(c.name)
    return {k: min(v) for k, v in keys.items() if len(v) == 1 and (k not in table or table[k].name in v) and " " in k}


def _glued_words(text: str, first: re.Match[str], limit: int) -> list[re.Match[str]]:
    """The word and those joined to it by glue (a name's words), at most ``limit`` of them."""
    words = [first]
    while len(words) < limit:
        nxt = LETTERS_RE.search(text, words[-1].end())
        if nxt is None:
            break
        glue = text[words[-1].end() : nxt.start()]
        if glue != " " and not _GLUE_RE.match(glue):  # (one space, the glue of most names' words, without the regex)
            break
        words.append(nxt)
    return words


def _abbreviated_saint(text: str, at: int, n_max: int) -> tuple[str, int] | None:
    """The comune of three words or more that "S." at ``at`` begins ("S. Teresa di Riva", "S. Stefano al Mare"),
    with the end of its name; not a saint's name alone ("il commissariato S. Paolo")."""
    table = comuni()
    first = LETTERS_RE.match(text, at + 1 if text.startswith(" ", at) else at)
    if first is None or not first.group(0)[0].isupper():
        return None
    words = _glued_words(text, first, n_max - 1)
    for n in range(len(words), 1, -1):
        last = words[n - 1]
        if not last.group(0)[0].isupper():
            continue
        rest = fold(text[first.start() : last.end()])
        for title in ("san", "santa", "santo"):
            hit = table.get(f"{title} {rest}")
            if hit is not None:
                return hit.name, last.end()
    return None


def _first_words_of(found: list[Mention]) -> dict[str, str]:
    """The first word of each comune of several words the text names in full, when it begins no other of them:
    a headline's "Cornedo legge in Villa Trissino" over "L'estate di Cornedo Vicentino"."""
    out: dict[str, str] = {}
    for m in found:
        if m.is_comune and " " in m.name:
            head = fold(m.name.split()[0])
            out[head] = m.name if out.get(head, m.name) == m.name else ""
    return {k: v for k, v in out.items() if v and len(k) > 3 and k not in comuni()}


@lru_cache(maxsize=1)
def _quarter_keys() -> frozenset[str]:
    """The quarters of the largest cities (folded): their names take an article ("al Vomero", "la Magliana")."""
    return frozenset(fold(q) for quarters in QUARTERS.values() for q in quarters)


def _resolve_shared(keys: set[str], named: list[Mention], text: str = "") -> dict[str, str]:
    """Each shared short form → the one comune sharing it in the region the text names, or of its other comuni;
    among several in that region, the one in the province the text names ("Mugnano" with "il Prefetto di Napoli"
    is Mugnano di Napoli, not Mugnano del Cardinale)."""
    table = comuni()
    where = {fold(m.name) for m in named if not m.is_comune}
    where |= {fold(table[fold(m.name)].region) for m in named if m.is_comune and fold(m.name) in table}
    where |= {fold(r.group(0)) for r in _REGION_RE.finditer(text)}  # "della Sicilia": a region however introduced
    # the provinces of the comuni and areas named ("Prefetto di Napoli", "provincia di Brescia")
    provs = {table[fold(m.name)].province for m in named if fold(m.name) in table and m.name not in REGIONS}
    out = {}
    for key in keys:
        fits = [c for c in shared_heads()[key] if any(fold(c.region).startswith(w) for w in where)]
        if len(fits) > 1 or not fits:
            narrow = [c for c in fits or shared_heads()[key] if c.province in provs]
            fits = narrow if len(narrow) == 1 else fits
        if len(fits) == 1:
            out[key] = fits[0].name
    return out


@lru_cache(maxsize=1)
def _province_keys() -> dict[str, str]:
    """Folded province name or sigla → sigla ("pordenone", "pn" → "PN"): the province in brackets after a comune."""
    out: dict[str, str] = {}
    for c in comuni().values():
        out[fold(c.province)] = c.province
        if c.capoluogo:
            out[fold(c.name)] = c.province
    return out


_BRACKET_PROVINCE_RE = re.compile(r" ?\(([A-Za-zÀ-ÿ' ]{2,25})\)")


def _bracket_province(text: str, end: int) -> str | None:
    """The sigla of the province written in brackets right after a comune ("San Vito (PORDENONE)", "Portici (Na)")."""
    m = _BRACKET_PROVINCE_RE.match(text, end)
    return _province_keys().get(fold(m.group(1))) if m else None


@lru_cache(maxsize=1)
def _names_by_province() -> dict[str, tuple[str, ...]]:
    """Province sigla → the names of its comuni."""
    out: dict[str, set[str]] = {}
    for c in comuni().values():
        out.setdefault(c.province, set()).add(c.name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


_LIST_JOIN_CAPITAL_RE = re.compile(r"\s*(?:,|e\b|ed\b)\s*[A-ZÀ-Ý]")


def _placed_in_province(text: str, end: int, name: str) -> bool:
    """The comune is followed by its own province in brackets, and no other place follows in a list ("a Lonate
    Pozzolo (Varese) e Bulgarograsso (Como)" lists plants)."""
    m = _BRACKET_PROVINCE_RE.match(text, end)
    if m is None or _province_keys().get(fold(m.group(1))) != comuni()[fold(name)].province:
        return False
    return _LIST_JOIN_CAPITAL_RE.match(text[m.end() : m.end() + 30]) is None


def _by_bracket_province(mentions: list[Mention], text: str) -> None:
    """A comune followed by the province in brackets that is not its own: the one comune of that province whose
    name begins with it ("SAN VITO (PORDENONE)" is San Vito al Tagliamento, not San Vito in Sardinia)."""
    table = comuni()
    # the province of the piece's own dateline ("PORDENONE - ... a San Vito") chooses too
    filed = [table[fold(m.name)].province for m in mentions if m.dateline and not m.wire and fold(m.name) in table]
    for m in mentions:
        prov = _bracket_province(text, m.end) or (filed[0] if filed and not m.dateline else None)
        c = table.get(fold(m.name))
        if prov is None or c is None or c.province == prov:
            continue
        surface = fold(text[m.start : m.end])
        fits = {n for n in _names_by_province().get(prov, ()) if fold(n).startswith(surface + " ")}
        if len(fits) == 1:
            m.name = fits.pop()


# A valley, a lake, a mountain of a name: "Val di Cembra", "Lago di Vico" (the short form names the feature).
_FEATURE_OF_BEFORE = re.compile(r"(?<![\w'])(?:Val|Valle|Lago|Monte|Monti|Piana|Riviera|Altopiano|Golfo) di $", re.I)
_PRESS_SHORT_KEYS = frozenset(fold(k) for k in PRESS_SHORT_FORMS)  # "Cava", "Palma": the best-known of several


# Capoluoghi whose name begins with its article: the press merges it into a preposition ("alla Spezia",
# "dell'Aquila"). Only these: "della Valle", "alla Loggia", "della Maddalena" are surnames or common words.
_ARTICLED_AFTER = {"spezia": "La Spezia", "aquila": "L'Aquila"}
_ARTICLE_BEFORE = re.compile(
    r"(?<![\w'])(?:(?:alla|dalla|della|nella|sulla|colla|la) |(?:all|dall|dell|nell|sull|l)['’])$", re.I
)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """First words of every comune and region name: only words among them can start a place."""
    names = [c.name for c in comuni().values()] + list(REGIONS) + list(ALIASES)
    names += [q for quarters in QUARTERS.values() for q in quarters]
    heads = {fold(m.group(0)) for n in names if (m := LETTERS_RE.search(n))}
    return frozenset(heads | {k.split()[0] for k in list(comuni()) + list(regions()) if k})


# The separator and the word before a position, read backwards (a search anchored at the end tries every start).
_PREV_WORD_REVERSED_RE = re.compile(r"([^\w]*)([^\W\d_]+)")


# Masculine articles: a comune's name takes none ("a Potenza"), its football club does ("il Potenza").
_CLUB_ARTICLES = frozenset({"il", "lo", "del", "dello", "al", "allo", "dal", "dallo", "nel", "nello", "sul", "sullo"})
# Feminine articles before a comune whose name takes none: "la Roma", "contro la Juventus" is the club.
_FEMININE_ARTICLES = frozenset({"la", "della", "alla", "dalla", "nella", "sulla"})
# Plural articles: "i Longobardi", "sui Lombardi" name a people or a family, never a comune.
_PLURAL_ARTICLES = frozenset({"i", "gli", "dei", "degli", "ai", "agli", "dai", "dagli", "nei", "negli", "sui", "sugli"})


# "Banda Città di Fossacesia" is a name; "La Città di San Severino" (a sentence's article) is the comune.
_LIST_NAME_BEFORE = re.compile(r"(?<=[\w,;] )[A-ZÀ-Ý][a-zà-ù]+ per $")
# A council group opening the name: "il gruppo X in Azione", "la lista civica X Futura", "consiliare (X Domani)"
_COUNCIL_GROUP_BEFORE = re.compile(r"\b(?i:gruppo|lista|civica|consiliare)\s+(?:\(|[\"“«]\s?)?$")
_NAMED_CITY_BEFORE = re.compile(
    r"(?<![\w'])(?!(?:La|Nella|Della|Alla|Dalla|Sulla|Per|Dalla|Una|Questa|Tutta)\s)[A-ZÀ-Ý][\w']*\s+Città\s+"
    r"(?:di\s+|d')$"
)


# A street, square or avenue named after a person: "via Leonardo da Vinci", "piazza Vittorio Emanuele II".
_STREET_NAMED_BEFORE = re.compile(
    r"(?<![\w'])(?:[Vv]ia|[Vv]iale|[Cc]orso|[Pp]iazza|[Pp]iazzale|[Pp]iazzetta|[Ll]argo|[Vv]icolo|[Ll]ungomare|"
    r"[Ss]alita|[Vv]ico|[Ss]trada|[Ll]ungotevere)\s+(?:[A-ZÀ-Ý][a-zà-ù]+|[A-Z]\.)\s*"  # a name, not "piazza di X"
    r"(?:(?:[A-ZÀ-Ý][a-zà-ù]+|[A-Z]\.|da|de|di|del|della|dei|degli|d')\s*){0,3}$"
)
# A church, a feast or a cult of a saint: "il santuario di San Gennaro", "la festa di San Vincenzo", "la chiesa
# dedicata a San Paolo", "il patrono San Pancrazio" name the saint, not the comune of that name.
_DEDICATION_BEFORE = re.compile(
    r"(?<![\w'])(?i:chies[ae]|santuario|basilica|parrocchia|parrocchiale|cattedrale|cappella|convento|monastero|"
    r"abbazia|oratorio|pieve|collegiata|confraternita|festa|festeggiamenti|processione|solennità|novena|statua|"
    r"reliquie|reliquia|culto|devozione|patrono|patrona|compatrono|compatrona)"
    r"(?:\s+(?:di|del|della|in\s+onore\s+di|dedicat[aoie]\s+a))?\s+$"
)
# A saint's name of one word after the title: "San Paolo", "Sant'Elia" (a comune of more words is a place).
_SAINT_NAME_RE = re.compile(r"(?:San|Santa|Santo|Sant['’] ?)\s?[A-ZÀ-Ý][\w]+")
# A massacre, a shipwreck or a disaster named after its place: "le stragi di Capaci", "il naufragio di Cutro".
_EVENT_OF_BEFORE = re.compile(r"\b(?i:strag[ei]|eccidi[oi]|massacr[oi]|naufragi[oi]|tragedia)\s+di\s+$")
# A given name and "da"/"di"/"d'": the old way of naming a person after his town ("Leonardo da Vinci").
# ("di" names sites: "San Luigi di Orbassano", "ospedale Antonio Cardarelli di Campobasso"; a saint is a site too)
_GIVEN_NAME_FROM_BEFORE = re.compile(r"(?<![\w'])(?<!San )(?<!Santa )(?<!Santo )([A-ZÀ-Ý][a-zà-ù]+) (?:da |d')$")
# Capitalised particles of Italian surnames: "Di Capua", "De Vita", "Del Monte", "Da Ponte", "Lo Presti".
_SURNAME_PARTICLES = frozenset({"Di", "De", "Del", "Della", "Da", "Dal", "Dalla", "Lo", "Li", "La"})
# (the capital first, the test of the character before it after: a leading "\b" made the engine try every position)
_FULL_SURNAME_RE = re.compile(r"[A-ZÀ-Ý](?<!\w.)[a-zà-ù]+ (?:Di|De|Del|Della|Da|Dal|Dalla|Lo|Li) ([A-ZÀ-Ý][a-zà-ù]+)")


# Kin of a person: "i familiari di X", "la vedova di X" name X's family, X a surname.
_KIN_BEFORE = re.compile(
    r"\b(?:familiari|moglie|marito|vedova|vedovo|figli|figlio|figlia|figlie|fratello|fratelli|sorella|sorelle|"
    r"genitori|parenti|nipote|nipoti|cognato|cognata|suocero|suocera)\s+di\s+$",
    re.IGNORECASE,
)


def _is_short_form(key: str) -> bool:
    """The folded words are a short form of a comune's name: one comune's, several comuni's or a saint's."""
    return key in short_forms() or key in shared_heads() or key in saint_short_forms()


_COMMA_OR_E_CAPITAL_RE = re.compile(r"\s*(?:,|e\b)\s*[A-ZÀ-Ý]")


def _listed_next(text: str, end: int) -> bool:
    """Another capitalised name follows in a list: "i parenti di Napoli, Salerno e Avellino" are places."""
    return _COMMA_OR_E_CAPITAL_RE.match(text[end : end + 20]) is not None


def _is_person_word(word: str) -> bool:
    """A given name or a role that comes before a person's surname."""
    return fold(word) in first_names() or word.lower() in _ROLE_WORDS


_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\.? $")


def _is_surname_particle(text: str, at: int, surname_of: set[str]) -> bool:
    """The capitalised "Di"/"De"… at ``at`` begins a surname: it follows a given name or a role ("il sindaco
    Antonio Di Capua", "l'assessore De Vita"), or the text gives that surname with a given name elsewhere."""
    before = _WORD_BEFORE_RE.search(text[max(0, at - 30) : at])
    if before and _is_person_word(before.group(1)):
        return True
    rest = LETTERS_RE.match(text, at + len(text[at:].split(" ", 1)[0]) + 1)
    return bool(rest and rest.group(0) in surname_of)


def _is_name_part(text: str, start: int, prev: str) -> bool:
    """The capitalised word before a comune makes it part of a name ("Universo Assisi", "Banda Città di
    Fossacesia") unless it opens a sentence or is a word that introduces places."""
    at = start - len(prev) - 1
    before = text[max(0, at - 3) : at].rstrip(" \t")
    if not before or before[-1] in '.!?:\n«“"':
        return False  # the first word of a sentence or a headline is capitalised anyway
    return fold(prev) not in PREPOSITIONS and fold(prev) not in LOCALITY_WORDS and fold(prev) not in _first_words()


def _prev_word(text: str, start: int) -> tuple[str, str]:
    """The word before ``start`` and what separates it from ``start``."""
    window = text[max(0, start - 40) : start]
    m = _PREV_WORD_REVERSED_RE.match(window[::-1])
    return (m.group(2)[::-1], m.group(1)[::-1]) if m else ("", window)


_WORD_OR_INITIAL_BEFORE_RE = re.compile(r"(?:[^\W\d_][,;]?|\b[A-Z]\.) $")
_CLOSING_PAREN_RE = re.compile(r"\)")
_WORD_OPEN_PAREN_BEFORE_RE = re.compile(r"[^\W\d_]\s*\($")
_DIGIT_AFTER_RE = re.compile(r" ?\d")
_CAPITALISED_WORD_AFTER_RE = re.compile(r" ([A-ZÀ-Ý][a-zà-ù]{3,})\b")
_HYPHEN_LETTER_RE = re.compile(r"-[^\W\d_]")
_PROVINCE_PAREN_RE = re.compile(r"\s*\((?:provincia|prov\.)")
_E_ED_GAP_RE = re.compile(r"\s+(?:e|ed)\s+")
_E_CAPITAL_AFTER_RE = re.compile(r"\s+e\s+[A-Z]")
_PROVINCE_IN_PARENS_RE = re.compile(r"^ ?\([A-Za-zÀ-ÿ' ]{2,25}\)")
_DATE_AFTER_RE = re.compile(r"\s*(?:,\s*\d|[.,]\s*$|\.\s|\s[-–—]\s|,\s*\d{1,2}\s|\s*[-–—]\s*\d)")
_COMMA_WORDS_DASH_RE = re.compile(r",\s*[^\W\d][^,.;:!?\n\d]{1,28}?\s[-–—]\s")
_LINE_END_RE = re.compile(r"[ \t]*(?:\n|$)")
_COMMA_LOWERCASE_RE = re.compile(r"[,:] (?!e |ed )[a-zà-ù]")
_DASH_AFTER_RE = re.compile(r"\s*[-–—]")
_PROVINCE_CODE_AFTER_RE = re.compile(r" ([A-Z]{2})\b")
_SEPARATOR_AFTER_RE = re.compile(r"\s*[,:.–—|/•·-]")
_PUNCTUATION_AFTER_RE = re.compile(r"\s*[,.;:]")
_NAME_OR_NUMBER_AFTER_RE = re.compile(r" (?:(?:di|del|della|d')\s?)?[A-ZÀ-Ý\d]")


_QUOTE_OPENERS = "«“\"'‘"  # marks that open a quote: a headline opening on one is a quote's words


def _mentions(
    text: str,
    offset_in_title: bool = False,
    rejected: set[str] | None = None,
    body: str = "",
    shared: dict[str, str] | None = None,
    seen: set[str] | None = None,
) -> list[Mention]:
    """Places named in the text with their evidence; ``rejected`` collects comuni named only inside the name of
    a club, a festival or a body, so that a headline naming the same is not taken for the comune either; ``body``
    is the article's text when ``text`` is its headline."""
    rejected = set() if rejected is None else rejected
    para_starts = [p[0] for p in paragraphs(text)]
    mentions: list[Mention] = []
    names = first_names()
    # "Antonio Di Capua" once, then "Di Capua" alone: the surnames the text gives with a first name or a role
    surname_of = {m.group(1) for m in _FULL_SURNAME_RE.finditer(text) if _is_person_word(m.group(0).split()[0])}
    listed_only: list[Mention] = []
    area_end = -1  # the end of the last area or seat: "l'Asl di Arezzo e Siena" names two areas
    area_seat = False
    for name, start, end, is_comune in _candidates(text, shared, seen):
        surface = text[start:end]
        prev, sep = _prev_word(text, start)
        plow = prev.lower()
        after = text[end : end + 40]
        if sep.strip() in {"", "'"} and plow in LOCALITY_WORDS:
            continue  # Villaggio Trieste, via Milazzo
        if _STREET_NAMED_BEFORE.search(text[max(0, start - 60) : start]):
            continue  # "via Leonardo da Vinci", "corso Vittorio Emanuele": a street named after a person
        if _SAINT_NAME_RE.fullmatch(surface) and _DEDICATION_BEFORE.search(text[max(0, start - 40) : start]):
            continue  # "il santuario di San Gennaro", "la festa di San Vincenzo": the saint, not the comune
        if sep == " " and prev in _SURNAME_PARTICLES and _is_surname_particle(text, start - len(prev) - 1, surname_of):
            continue  # "il sindaco Antonio Di Capua", "Di Sarno ha detto": a surname, not the comune
        if sep == " " and prev in _SURNAME_PARTICLES and prev != "La" and not offset_in_title:
            at = start - len(prev) - 1
            if _WORD_OR_INITIAL_BEFORE_RE.search(text[max(0, at - 3) : at]):
                # "la scuola Da Vinci", "l'avvocato Di Bari", "l'asilo M. Da Cles": a capitalised particle
                # mid-sentence or after an initial opens a name
                continue
        if _CLOSING_PAREN_RE.match(after) and _WORD_OPEN_PAREN_BEFORE_RE.search(text[max(0, start - 3) : start]):
            continue  # "Montalcino (Siena)": the province of the comune named before the brackets
        if (
            sep == " "
            and fold(prev) in names
            or text[max(0, start - 2) : start] in {"D'", "d'"}
            and start >= 2
            and (start == 2 or not text[start - 3].isalpha())
            and text[start - 2] == "D"
        ):
            continue  # a person: Mario Monti, D'Alba
        if sep == " " and plow in _ROLE_WORDS:
            continue  # "il sindaco Gaeta": a surname
        if plow == "di" and _KIN_BEFORE.search(text[max(0, start - 30) : start]) and not _listed_next(text, end):
            continue  # "i familiari di Falcone", "la moglie di Ferrara": a person's kin, the name a surname
        given = plow in {"da", "d"} and _GIVEN_NAME_FROM_BEFORE.search(text[max(0, start - 30) : start])
        if given and fold(given.group(1)) in names:
            rejected.add(name)
            continue  # "Leonardo da Vinci", "Francesco d'Assisi", "Antonello da Messina": a person's name
        if _DIGIT_AFTER_RE.match(after) and sep == " " and prev[:1].isupper() and plow not in PREPOSITIONS:
            rejected.add(name)
            continue  # ASL Roma 1, Distretto Latina 2: a name (not "A Mondovì 50 mila euro": a headline's "a")
        glued = _CAPITALISED_WORD_AFTER_RE.match(after)
        named = glued and fold(glued.group(1)) not in _first_words() and fold(glued.group(1)) not in names
        # ("GAVORRANO Apertura al pubblico": a dateline in capitals opening a paragraph, then the text's first word)
        caps_opening = named and surface.isupper() and len(surface) > 2 and (start == 0 or text[start - 1] == "\n")
        if named and not offset_in_title and plow not in {"a", "ad", "in"} and not caps_opening:
            continue  # "Milano Progressista", "Io corro per Milano Lista civica": a list's or a firm's name
        if named and " " not in surface and fold(surface) in names:
            # "il premio a Donato Ferraresi", "Paola Neri sindaca": a given name and a surname, not the comune
            # (a headline's or an "a"'s too, which the test above lets through)
            continue
        if named and fold(surface) != fold(name) and _is_short_form(fold(surface)):
            # "a San Giovanni Galermo", "spaccio di San Giovanni Galermo" (a quarter of Catania): a short form
            # that a name goes on from is the start of a longer name, not one of the comuni it is short for
            continue
        feminine = plow in _FEMININE_ARTICLES and not name.startswith("La ")  # "della Spezia": La Spezia
        # (a region takes an article as a name: "la Toscana", "dalla Sicilia" stay places)
        club = plow in _CLUB_ARTICLES or is_comune and (plow in _PLURAL_ARTICLES or feminine)
        # "al Quarticciolo", "nel Pigneto": a quarter takes an article of place (but "il Posillipo" is the club)
        club = club and not (plow in {"al", "nel", "dal", "sul", "allo", "nello"} and fold(surface) in _quarter_keys())
        if sep == " " and club and not surface.lower().startswith(plow):
            rejected.add(name)
            continue  # "il Potenza", "del Napoli": a comune takes no masculine article, its football club does
        in_a_name = sep == " " and prev[:1].isupper() and not prev.isupper() and _is_name_part(text, start, prev)
        # "il gruppo Uniti per Assisi", "la lista Insieme per Gela": a council group's or a list's name
        in_a_name = (
            in_a_name or plow == "per" and _LIST_NAME_BEFORE.search(text[max(0, start - 40) : start]) is not None
        )
        if in_a_name or _NAMED_CITY_BEFORE.search(text[max(0, start - 40) : start]):
            # "Universo Assisi", "la Banda Città di Fossacesia": a place named, not evidence for the comune
            # (a quarter inside a name still names its city's quarter: "la Circoscrizione Vomero"; a council group's
            # name is the comune's own: "il gruppo Corigliano-Rossano in Azione", "maggioranza consiliare (X Domani)")
            council_group = _COUNCIL_GROUP_BEFORE.search(text[max(0, start - 40) : start]) is not None
            if fold(surface) == fold(name) and not council_group:
                rejected.add(name)
            mentions.append(
                Mention(name, start, end, in_title=offset_in_title, preposition=True, is_comune=False, in_name=True)
            )
            continue
        hyphenated = sep == "-" or bool(_HYPHEN_LETTER_RE.match(after))
        if hyphenated and not surface.isupper():
            continue  # Latina-Terracina-Sezze: a compound name
        window = text[max(0, start - 60) : start]
        low = window.lower()
        lowered = len(low) == len(window)  # (not when a letter's lower case is two characters: "İ")
        seat = (_SEAT_BEFORE_LOWER.search(low) if lowered else _SEAT_BEFORE.search(window)) is not None
        area = _AREA_BEFORE_LOWER.search(low) if lowered else _AREA_BEFORE.search(window)
        if seat or area or _PROVINCE_PAREN_RE.match(after):
            is_comune = False  # "in provincia di Campobasso": an area, not the comune
            area_end, area_seat = end, seat
        elif area_end >= 0 and _E_ED_GAP_RE.fullmatch(text[area_end:start]):
            is_comune, seat = False, area_seat  # "l'Asl di Arezzo e Siena", "le province di Lecce e Brindisi"
            area_end = end
        if plow in {"di", "frazione", "località", "borgata"} and _FRAZIONE_NAMED_BEFORE.search(window):
            is_comune = False  # "nella frazione di San Martino": a frazione's name, though a comune elsewhere has it
        m = Mention(name, start, end, in_title=offset_in_title, is_comune=is_comune, seat=seat)
        m.province = not is_comune and _PROVINCE_BEFORE.search(window) is not None
        m.origin = plow in _ORIGIN_PREPOSITIONS and _ORIGIN_BEFORE.search(window) is not None
        # "il mandante delle stragi di Capaci", "la tragedia di Cutro": an event the place names, recalled
        m.origin = m.origin or plow == "di" and _EVENT_OF_BEFORE.search(window) is not None
        # "portato nel carcere di Capanne, a Perugia": where someone was taken, no more than where he comes from
        m.origin = m.origin or plow in _SITE_PREPOSITIONS and _PERSON_TAKEN_TO_RE.search(window) is not None
        # "nel corso dell'Assemblea Anci Giovani di Salerno": where the speakers met, not where the story happens
        m.venue = plow in _SITE_PREPOSITIONS and _VENUE_BEFORE.search(window) is not None
        low_window = window.lower()
        if (
            not m.venue
            and plow in _SITE_PREPOSITIONS
            and ("si " in low_window or "programma" in low_window or " via " in low_window)
        ):
            wide_window = text[max(0, start - 150) : start]  # (the subject may come well before the verb)
            m.venue = _GATHERED_BEFORE.search(wide_window) is not None
            m.venue = m.venue or _held_meeting(wide_window, text[end : end + 90])
        # "Lo ha detto ieri a Taranto il ministro" (not "... a Fossano il sindaco")
        said = plow in {"a", "ad", "in"} and _SAID_AT_BEFORE.search(window) is not None
        m.venue = m.venue or said and _OWN_OFFICER_AFTER.match(after) is None
        # "Alfano a Catania per il vertice sugli sbarchi": the comune of a meeting, named before it
        m.venue = m.venue or plow in {"a", "ad", "in"} and _VENUE_AFTER.match(after) is not None
        m.origin = m.origin or m.venue
        # "Marta Rossi, sindaca di Soresina, sarà vicepresidente", "il sindaco di X e delegato Anci": a mayor
        # speaking for a wider body, no evidence for the comune and no rival; "Marta Rossi, sindaca di Soresina,"
        # alone: what the person is, a plain mention, not the comune's body acting (unlike "il sindaco di X, ...")
        office = _office_of(window, text[end : end + 60]) if plow in _SITE_PREPOSITIONS else ""
        m.origin = m.origin or office == "wider"
        strong_before = _STRONG_BEFORE.search(text[max(0, start - 30) : start])
        m.strong = bool(strong_before) and not _E_CAPITAL_AFTER_RE.match(after)
        m.strong = m.strong and not m.origin  # "obbligo di dimora nel Comune di Napoli": a suspect's, not the story's
        m.strong = m.strong and office != "named"
        m.preposition = sep.strip() in {"", "'"} and plow in PREPOSITIONS
        m.at = sep == " " and plow in {"a", "ad", "in"}
        of_place = is_comune and plow in _SITE_PREPOSITIONS  # the two patterns end so: a cheap test first
        # "trasportato all'ospedale di Padova": where the injured were taken, not where the events happened
        # "secondo uno studio dell'ospedale San Raffaele di Milano": the site's word, not events at the site
        m.site = of_place and bool(_SITE_BEFORE.search(window)) and not _TAKEN_TO_RE.search(window)
        m.site = m.site and not _STUDY_BEFORE.search(text[max(0, start - 120) : start])
        m.local_body = m.site or of_place and office != "named" and bool(_LOCAL_BODY_BEFORE.search(window))
        if is_comune and m.at and text.startswith(" (", end) and _placed_in_province(text, end, name):
            m.local_body = True  # "a Villa Fernandes, a Portici (Na)": the comune placed in its province, as locals do
        para_start = para_starts[bisect_right(para_starts, start) - 1] if para_starts and para_starts[0] <= start else 0
        at_para_start = bool(_DATELINE_PREFIX.fullmatch(text[para_start:start])) and is_comune
        # "MONTALCINO (Siena) -", "Montalcino (SI), la festa": the province in brackets comes before the punctuation
        after_prov = _PROVINCE_IN_PARENS_RE.sub("", text[end : end + 70])[:40]
        date_follows = bool(_DATE_AFTER_RE.match(after_prov))
        # "San Felice del Benaco, lago di Garda - Domenica": the dateline names the area after the comune
        date_follows = date_follows or bool(_COMMA_WORDS_DASH_RE.match(after_prov))
        caps_follows = surface.isupper() and len(surface) > 2 and bool(_CAPS_SET_OFF_RE.match(after_prov))
        # "CASALPUSTERLENGO (Lodi)", "Noventa Vicentina": the comune alone on its line, over the text
        own_line = _LINE_END_RE.match(after_prov) is not None and "\n" in text[end:]
        m.dateline = at_para_start and (date_follows or caps_follows or own_line or bool(_WIRE_AGENCY.match(after)))
        # "Caresana, centro estivo: sondaggio": the text opens on its comune, set off as a headline's lead
        # (not a region's seat, nor the first of a list: "Roma, Milano e Napoli")
        m.dateline = m.dateline or (
            is_comune
            and not text[:start].strip()
            and _COMMA_LOWERCASE_RE.match(after_prov) is not None
            and name not in REGIONAL_CAPITALS
        )
        # "Ad Inverigo inaugurata la mensa": the text opens on where the events happen, as a dateline
        # (not a region's seat: "A Roma il governo ha approvato" opens national news)
        m.dateline = m.dateline or (
            is_comune
            and m.at
            and start < 6
            and text[: start - len(prev) - 1].strip() == ""
            and name not in REGIONAL_CAPITALS
        )
        m.dash = m.dateline and bool(_DASH_AFTER_RE.match(after))
        m.wire = m.dateline and bool(_WIRE_DATE.match(after) or _WIRE_AGENCY.match(after))
        if offset_in_title and not text[:start].strip(" " + _QUOTE_OPENERS):  # «Fondi a rischio»
            # (a capoluogo that is also a common word needs its punctuation: "Massa di turisti sulle spiagge")
            # "SARZANA Nuovi lavori": a kicker in capitals over a headline that is not
            kicker = surface.isupper() and len(surface) > 2 and any(ch.islower() for ch in text[end:])
            # "Milazzo ME La Giunta approva": the comune and its province's sigla, as the address writes them
            sigla = _PROVINCE_CODE_AFTER_RE.match(after)
            lead = (
                _SEPARATOR_AFTER_RE.match(after_prov)
                or kicker
                or (is_comune and sigla is not None and sigla.group(1) == comuni()[fold(name)].province)
                or (is_comune and comuni()[fold(name)].capoluogo and name not in AMBIGUOUS and surface not in AMBIGUOUS)
            )
            m.guessed = not lead
            if not lead and not (is_comune and _proper_lead(name, surface, after, text, body)):
                continue  # "Chiusi tutti i cimiteri": the headline's first word, capitalised anyway
            m.strong = True  # "Bari, chiusa la Fiera": the headline's lead place
        if surface.isupper() and len(surface) > 2 and not m.dateline and not offset_in_title:
            m.preposition = m.preposition or bool(_PUNCTUATION_AFTER_RE.match(after))
        articled = name in _ARTICLED_AFTER.values()  # "dell'Aquila" is L'Aquila, not the short form of Aquila d'A.
        ambiguous = name in AMBIGUOUS or not articled and (surface in AMBIGUOUS or fold(surface) in short_forms())
        ambiguous = ambiguous or fold(surface) in shared_heads() or fold(surface) in saint_short_forms()
        capo = is_comune and comuni()[fold(name)].capoluogo
        # a body or a site of the comune ("i carabinieri di Este", "l'ospedale di Fermo"), or a capoluogo where
        # something happens ("a Prato", "in Trento"), is the comune whatever other use its name has
        # ("Marta Rossi, sindaca di Lampedusa": a person's office names a comune surely, though no body of it acts)
        sure = m.local_body or capo and m.at or office == "named"
        # a short form that only one comune begins with, or that the text's region or province gave one comune
        # ("Lonato" del Garda, "Peschiera" with Verona named), is the comune where something happens at it or
        # where it is a comune's ("a Lonato", "il sindaco di Fiorano"); a saint's only "a"/"in" it ("a San Gavino")
        # (not "in Polesine", "in Certosa": an area or a site; not a word for a place, nor the start of a longer
        # name: "di Piazza Matteotti", "a Palazzo Ghilini")
        key = fold(surface)
        unique = key in short_forms() and key not in _PRESS_SHORT_KEYS or key in (shared or {})
        short_at = plow in {"a", "ad"} and sep == " " and key not in LOCALITY_WORDS
        short_at = short_at and _NAME_OR_NUMBER_AFTER_RE.match(after) is None
        sure = sure or short_at and (unique or key in saint_short_forms())
        # ("Val di Cembra", "Lago di X": the "di" of a name is not a comune's)
        of_name = _FEATURE_OF_BEFORE.search(text[max(0, start - 25) : start]) is not None
        sure = sure or unique and plow == "di" and sep == " " and key not in LOCALITY_WORDS and not of_name
        if ambiguous and not (m.strong or m.dateline or (offset_in_title and m.preposition) or sure):
            continue
        if not (m.strong or m.dateline or m.preposition or capo or offset_in_title):
            if name in REGIONS:  # "Trento, Bolzano, Veneto e Friuli": a region counts in a listing
                listed_only.append(m)
            elif is_comune and _paired_after(text, mentions, start, end):
                # "i sindaci di Tolentino e Pollenza", "condannati di Cimitile, Camposano e Nola": a comune listed
                # after one named with its preposition is named as that one is (a rival; three make a listing)
                prior = mentions[-1]
                m.preposition, m.at, m.origin = prior.preposition, prior.at, prior.origin
                mentions.append(m)
            continue
        if not is_comune and not m.preposition:
            continue
        mentions.append(m)
    if listed_only:
        both = sorted(mentions + listed_only, key=lambda x: x.start)
        _mark_listings(text, both)
        return [m for m in both if m not in listed_only]
    _mark_listings(text, mentions)
    return mentions


_LIST_GAP_RE = re.compile(r"\s*,\s*|\s+(?:e|ed)\s+|\s*,\s*(?:e|ed)\s+")


def _paired_after(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """The place just kept is a comune named with a preposition (or listed after one), and this one follows it in
    a list: "di Agrigento e Porto Empedocle", "di Riace, Caulonia e Stignano"."""
    if not mentions:
        return False
    prior = mentions[-1]
    return (
        prior.is_comune
        and prior.preposition
        and not prior.in_title
        and _LIST_GAP_RE.fullmatch(text[prior.end : start]) is not None
    )


# words for a stream, a lake or a channel that are comuni too: "Rio Secco" is a stream, not Rio on Elba
_WATERS_THAT_ARE_COMUNI = frozenset({"rio", "lago", "canale"})
_CAPITALISED_WORD_THEN_RE = re.compile(r" [A-ZÀ-Ý][a-zà-ù]+ (?:\d{4}|[a-zà-ù])")
_CAPITALISED_WORD_THEN_LOWER_RE = re.compile(r" [A-ZÀ-Ý][A-Za-zà-ù]+ [a-zà-ù]")
_SURNAME_THEN_LOWERCASE_RE = re.compile(r" ([A-ZÀ-Ý][a-zà-ù]+) [a-zà-ù]")
_NAME_THEN_ARTICLE_RE = re.compile(r" ([A-ZÀ-Ý][\w'’-]*[\w])\s+(?:il|lo|la|i|gli|le|l')\s")
_NUMBER_NOT_THOUSANDS_AFTER_RE = re.compile(r" \d(?!\d{3}\b)")
_LOWERCASE_AFTER_RE = re.compile(r" [a-zà-ù]")


def _proper_lead(name: str, surface: str, after: str, title: str, body: str) -> bool:
    """A headline opening on a comune that no text writes in lower case ("Meldola sempre più amica delle bici"),
    followed by lower-case words: the comune is the headline's subject, not a word capitalised anyway."""
    if name in AMBIGUOUS or surface in AMBIGUOUS or fold(surface) in first_names():
        return False
    # (a press short form, "Lampedusa", "Barcellona", leads a headline as its comune: no word is written so)
    short = fold(surface) in short_forms() and short_forms()[fold(surface)].name == name
    lower_word = re.compile(literal_not_after(surface.lower()) + r"(?!\w)")
    first = fold(name).startswith(fold(surface) + " ")  # "Cornedo" of the text's Cornedo Vicentino
    never_lower = lower_word.search(f"{title}\n{body}") is None and (
        short or first or comuni()[fold(name)].name == surface
    )
    single = " " not in surface and fold(surface) not in first_names()
    if single and _CAPITALISED_WORD_THEN_RE.match(after) and _named_in(body, surface):
        return never_lower  # "Sciacca Estate 2015, eventi": the town's own event, and the text names the town
    if single and _CAPITALISED_WORD_THEN_LOWER_RE.match(after) and fold(surface) not in _WATERS_THAT_ARE_COMUNI:
        # "Villorba Pnrr ex scuola": a headline rebuilt from the address, the comune then a capitalised word, then the
        # sentence (a guess, kept where the text names the town or no comune; not "Noto Estate 2025", an event's name)
        return never_lower
    speaker = _SURNAME_THEN_LOWERCASE_RE.match(after)
    if single and speaker and _named_person(body, speaker.group(1)):
        # "Rogno Franzoni la gente chiede": a headline rebuilt from the address, its colon lost, the comune then
        # the person the text names ("Felice Valerio Franzoni") speaking
        return never_lower
    subject = _NAME_THEN_ARTICLE_RE.match(after)
    if single and subject and _named_in(body, subject.group(1)) and fold(subject.group(1)) not in _first_words():
        # "Chiavari Hi-Lex il Comune incontra i lavoratori": a headline rebuilt from the address, the comune then the
        # firm or body the text names, then the sentence
        return never_lower
    if single and _NUMBER_NOT_THOUSANDS_AFTER_RE.match(after):
        # "Sovere 480mila euro dal Pnrr": a headline rebuilt from the address, its colon lost (not a year: "Rio 2016"
        # is an event's name)
        return never_lower
    if " " in surface and comuni()[fold(name)].name == surface and not _SAINT_NAME_RE.match(surface):
        return True  # "Cava de' Tirreni Avagliano passi avanti": a comune's full name of several words is no word
    if " " in surface or fold(surface) in first_names() or not _LOWERCASE_AFTER_RE.match(after):
        return " " in surface and bool(_LOWERCASE_AFTER_RE.match(after))  # a name of several words is no common word
    if _ADJECTIVE_AFTER_RE.match(after):
        return False  # "Campagna vaccinale al via", "Fondi europei": a noun and its adjective, not a comune
    return never_lower


# A lower-case word with an adjective's ending (-ale, -ile, -ico, -ivo, -ario, -ese, -oso, -eo and their forms),
# long enough not to be a short verb ("sale", "vive")
_ADJECTIVE_AFTER_RE = re.compile(
    r" [a-zà-ù]{3,}(?:al[ei]|il[ei]|ic[oaih]|ich[ei]|iv[oaie]|ari[oae]?|es[ei]|os[oaie]|e[oaie]|ei)\b"
)


_AREAS_BEFORE = re.compile(
    r"\b(?:province|provincie|regioni)\s+(?:di\s+)?(?:[^\W\d_]+(?:\s+[^\W\d_]+)?\s*,\s*)?$", re.I
)


def _full_name_lead(title: str, m: Mention) -> bool:
    """The headline opens on the comune's own full name, not inside a quote ("Atri consiglio comunale rinvia")."""
    return title[m.start : m.end] == m.name and title[:1] not in _QUOTE_OPENERS


def _inside_quotes(text: str, at: int) -> bool:
    """``at`` is inside a span opened by “ or « and not yet closed, in the same paragraph."""
    before = text[max(0, at - 400) : at]
    before = before[before.rfind("\n") + 1 :]
    return max(before.rfind("“"), before.rfind("«")) > max(before.rfind("”"), before.rfind("»"))


_RUN_GAP_RE = re.compile(r"\s*(?:,|;)?\s*(?:e|ed)?\s*")


def _mark_listings(text: str, mentions: list[Mention]) -> None:
    """Flag enumerations of three or more places (``Bologna, Caserta, Firenze ... e Bolzano``)."""
    run: list[Mention] = []

    def close() -> None:
        if len(run) >= 3:
            # (a listing inside a quoted title is part of a name: the “Programma ... delle Regioni di Abruzzo, Lazio
            # e Marche” of an ordinance is no operation over those regions)
            area = opens_on_areas(run[0]) and not _inside_quotes(text, run[0].start)
            for r in run:
                r.listing = True
                r.area_listing = area  # "nelle province di Napoli, Milano e Brescia"

    def opens_on_areas(first: Mention) -> bool:
        # the run's first place is an area, or follows "province di" with one place (left out) between
        return not first.is_comune or _AREAS_BEFORE.search(text[max(0, first.start - 60) : first.start]) is not None

    for m in mentions:
        if run and _RUN_GAP_RE.fullmatch(text[run[-1].end : m.start]):
            run.append(m)
        else:
            close()
            run = [m]
    close()


def _score(m: Mention, first_in_title: bool) -> float:
    if m.listing or not m.is_comune:
        return 0.0
    score = 1.0
    if m.in_title:
        score += 6.0 + (1.0 if first_in_title else 0.0)
    if m.dateline:
        score += 5.0
    if m.strong:
        score += 3.0
    elif m.preposition:
        score += 1.0
    return score


# A headline listing three places or more after "tra"/"fra" ("tra Cerignola, Bat e Barese"): a round-up.
_ROUNDUP_TITLE_RE = re.compile(
    r"\b(?:tra|fra)\s+([A-ZÀ-Ý][\w'’]+(?:\s+[A-ZÀ-Ý][\w'’]+)?)(?:\s*,\s*[A-ZÀ-Ý][\w'’]+(?:\s+[A-ZÀ-Ý][\w'’]+)?)+"
    r"\s+e\s+[A-ZÀ-Ý]"
)


def _roundup_of_places(title: str) -> bool:
    """The headline lists places after "tra" ("blitz tra Cerignola, Bat e Barese"), not sites of one comune
    ("presenze a Campobasso tra Museo Misteri, Sannitico e Castello Monforte"): its first item is a comune or
    a region."""
    m = _ROUNDUP_TITLE_RE.search(title)
    if m is None:
        return False
    first = fold(m.group(1))
    return first in comuni() or first in regions() or fold(m.group(1).split()[0]) in comuni()


def _paired_in_title(title: str, title_mentions: list[Mention]) -> bool:
    """The headline joins two comuni by "e" ("Rimini e Riccione", "Montjovet e Quart"): a piece about both."""
    places = sorted((m for m in title_mentions if m.is_comune), key=lambda m: m.start)
    return any(
        a.name != b.name and _E_ED_GAP_RE.fullmatch(title[a.end : b.start]) is not None
        for a, b in zip(places, places[1:], strict=False)
    )


def _named_in(text: str, name: str) -> bool:
    """The text writes the comune's name as a word, capitalised."""
    return re.search(literal_not_after(name) + r"(?![\w'])", text) is not None


# The word before the spaces that end a window, read on the reversed window: anchored at its start, the match
# costs a few characters, where a search for "word, spaces, end" tries every position of the window.
_SPACES_THEN_WORD_REVERSED_RE = re.compile(r"\s+([^\W\d_]+)")
_GLUED_CAPITALISED_END_RE = re.compile(r"(?<![\w'])[A-ZÀ-Ý][a-zà-ù]+$")


def _named_person(text: str, name: str) -> bool:
    """The text calls someone by this name (``Roberto Gualtieri``, ``il ministro Gualtieri``): a headline's
    ``Gualtieri:`` is then that person, not the comune."""
    if " " in name:
        return False
    at = text.find(name)  # str.find, not a pattern opening on a look-behind: that would try every position
    while at >= 0:
        end = at + len(name)
        if not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            before_text = text[max(0, at - 30) : at]
            if not before_text or not (before_text[-1].isalnum() or before_text[-1] in "'_"):
                prev = _SPACES_THEN_WORD_REVERSED_RE.match(before_text[::-1])
                before = prev.group(1)[::-1] if prev else ""
                if before[:1].isupper() and fold(before) in first_names() or before.lower() in _ROLE_WORDS:
                    return True
            elif before_text[-1].islower():
                # copy that lost its spaces glues the given name to the surname: "IgnazioVisco"
                glued = _GLUED_CAPITALISED_END_RE.search(before_text)
                if glued and fold(glued.group(0)) in first_names():
                    return True
        at = text.find(name, at + 1)
    return False


Verdict = Literal["yes", "no", "weighed-yes", "weighed-no"]
YES: Verdict = "yes"  # an explicit frame makes the place the article's ("Comune di X", the headline's lead)
NO: Verdict = "no"  # an explicit frame rules it out (a listing of provinces, a meeting's venue, a national piece)
WEIGHED_YES: Verdict = "weighed-yes"  # only the count of its evidence against the piece's scope decided
WEIGHED_NO: Verdict = "weighed-no"
ABOUT = frozenset({YES, WEIGHED_YES})


def _is_about(
    name: str,
    title_mentions: list[Mention],
    found: list[Mention],
    scope: Scope,
    low_text: str = "",
    lead_end: int = 0,
    text: str = "",
) -> Verdict:
    """Whether the article is about the place: "Comune di X"; else, in a piece that is not national or regional, the
    headline, the dateline or more than one mention; a single mention only in a local piece. A place named
    once in passing, or only in a listing, is not the article's city. The verdict says whether an explicit frame
    decided it or only the final weighing of the evidence."""
    # (where a person comes from, lives or was taken is no evidence: "un 30enne originario di Napoli")
    own = [m for m in found if m.name == name and m.is_comune and not m.listing and not m.origin]
    title_comuni = {m.name for m in title_mentions if m.is_comune}
    table = comuni()
    in_title_lead = title_comuni == {name}  # the headline names this comune and no other
    title_lead = any(m.strong for m in title_mentions if m.name == name)  # "Sarzana, furto in villa"
    title_spread = scope.spread_title or scope.spread_lead
    if scope.national_title and name not in title_comuni:
        # "Marche, integrazione nei piccoli comuni" over "il Comune di Fermignano ha ospitato ...": a comune of the
        # headline's region that the lead calls its own and the text names again is the piece's
        region = fold(table[fold(name)].region).split("-")[0] if fold(name) in table else ""
        title_low = low_text.split("\n", 1)[0]
        ours = region and region in title_low and not _NATIONAL_TITLE_RE.search(title_low)
        if not (ours and len(own) >= 3 and any(m.strong and m.start < lead_end for m in own)):
            return NO  # "103 colpi in tutta Italia": a national piece, whatever comune it names
    table = comuni()
    # (an office's seat, a body or a person's origin is no place the story reaches: "i vigili del fuoco di Arezzo",
    # "un 30enne originario di Napoli")
    provinces = {
        table[fold(m.name)].province
        for m in found
        if fold(m.name) in table
        and m.name not in REGIONS
        and not m.listing
        and not m.seat
        and not m.origin
        and not m.wire  # where a wire was filed is no place the story reaches
        and not m.in_name
        and not (m.local_body and not m.site)
    }
    # an operation's reach over the country ("nelle province di Napoli, Milano e Rimini"): only a comune the
    # headline leads with, or the piece's own dateline, is then its city
    national = any(m.area_listing for m in found) and not title_lead
    if national and not any(m.dateline and not m.wire for m in own):
        return NO
    # (the headline naming the province counts: "Provincia di Bergamo, le deleghe" over one "Per Bergamo")
    provincial = sum(1 for m in found + title_mentions if m.name == name and m.province)
    if provincial >= 2 and sum(1 for m in own if not m.dash) <= 1 and name not in title_comuni:
        return NO  # "i progetti della provincia di Asti ... il Comune di Asti, quello di Chiusano": the province's
    strong = [m for m in own if m.strong]
    # a regional or national piece's one "comune di X" deep in the text (a regional board's decision among others)
    # is not its city
    if (title_spread or scope.counted_title and not title_lead) and not strong:
        return NO  # "assemblee nei 22 comuni della provincia": the headline spreads the piece over comuni
    # "il progetto del Comune di Asti ...; quello del Comune di Chiusano d'Asti ...": comuni among others
    others_strong = any(m.strong and m.is_comune and m.name != name and not m.origin for m in found)
    if strong and len(own) == 1 and name not in title_comuni and others_strong:
        return NO
    if strong:
        passing = scope.kind == "wide" and len(own) == 1 and name not in title_comuni and strong[0].start >= lead_end
        return NO if passing else YES
    if not own and not title_lead and any(m.strong and m.is_comune and m.name != name for m in found):
        # "A Badia Agnano corsi di italiano" over "l'Amministrazione comunale di Bucine": the headline names a frazione
        # or a site, the text the comune it calls its own
        return NO
    # a named site of the comune in the headline or the first paragraph ("l'indotto di Aferpi (acciaierie di
    # Piombino)", "l'ospedale Cardarelli di Campobasso"): the events told happen there, whatever words surround them,
    # unless other comuni weigh as much (below)
    site_lead = any(m.site and m.name == name for m in title_mentions) or any(
        m.site and m.start < lead_end for m in own
    )
    plain = [m for m in own if not m.dateline]
    if name in REGIONAL_CAPITALS and scope.regional and len(plain) <= 1 and not site_lead:
        return NO  # a regional piece datelined (or headlined) in the seat of the region
    if name in REGIONAL_CAPITALS and not plain and name not in title_comuni and not site_lead:
        # "PALERMO. Il Codacons ... in Sicilia": a dateline in the region's seat over a piece about the region
        region = table[fold(name)].region
        if re.search(r"\b" + re.escape(region.split("-")[0].lower()), low_text):
            return NO
    demonym = name in CAPITAL_DEMONYMS and _CAPITAL_DEMONYM_RES[name].search(low_text)
    filed_only = own and all(m.dash for m in own) and name not in title_comuni and scope.kind != "local"
    # (unless the piece is about a comune's council, names one of its officers and no other comune: "Firenze –
    # Consiglio comunale saltato ... il presidente del consiglio comunale Luca Milani": the council is the dateline's)
    council = filed_only and len(_COUNCIL_RE.findall(low_text)) >= 2 and not _rivals_of(name, found)
    council = council and _NAMED_OFFICER_RE.search(text) is not None
    if filed_only and name in REGIONAL_CAPITALS and not demonym and not site_lead and not council:
        return NO  # "ROMA –" over a piece with no word of local life: only where the piece was filed
    if not own and any(m.name == name and m.province for m in found):
        return NO  # "a Bolzano 2,7 milioni" over "la Giunta provinciale di Bolzano": the headline names the province
    title_own = [m for m in title_mentions if m.name == name and m.is_comune]
    if in_title_lead and not own and not _rivals_of(name, found) and any(m.at for m in title_own):
        return YES  # "Operaio morto a Piombino" over a text naming no comune: where the events happened
    if in_title_lead and title_lead and not _rivals_of(name, [m for m in found if not m.listing]):
        # "Agrigento Capitale della Cultura, i fondi": the headline leads with it, the text names no other (but in a
        # listing: "Fiumicino, i fondi" over "i centri di Fiumicino, Tivoli e Aprilia")
        return YES
    rivals: dict[str, int] = {}
    for m in found:  # a listing of comuni ("a Napoli, Bari e Lecce") spreads the piece over them too
        # not where someone comes from, nor where a wire was filed
        if m.name != name and m.is_comune and not m.origin and not m.wire:
            rivals[m.name] = rivals.get(m.name, 0) + 1
    # a body or a site of the comune ("i carabinieri di X", "l'ospedale di X") says the events happen there
    weight = len(own) + sum(1 for m in own if m.local_body)
    many = len(rivals) >= 3 and weight <= sum(rivals.values()) or rivals and max(rivals.values()) >= weight
    # a dateline the text never names again, over comuni of other places, is where the piece was filed
    # ("Roma - In mille comuni ... a Parma ... a Capua"): it no longer sets the piece in its comune
    # (a capoluogo's: a small comune's dateline is a local paper's)
    # (a listing of partner cities is no such spread: "GENOVA. ... una rete di 16 città: Bologna, Caserta, ...")
    loose = {m.name for m in found if m.name != name and m.is_comune and not m.origin and not m.listing}
    capoluogo = table[fold(name)].capoluogo
    dated = any(m.dateline for m in own) and (bool(plain) or name in title_comuni or not capoluogo or len(loose) < 2)
    if dated and capoluogo and not plain and name not in title_comuni:
        # "PORDENONE - Il sindaco di San Vito ... A San Vito": the province's edition datelined in its capoluogo,
        # over a comune of that province the text names twice or with its body
        province = table[fold(name)].province
        weights: dict[str, int] = {}
        for m in found:
            same = fold(m.name) in table and table[fold(m.name)].province == province
            if m.name != name and m.is_comune and not m.origin and same:
                weights[m.name] = weights.get(m.name, 0) + 1 + int(m.local_body)
        dated = not any(w >= 2 for w in weights.values())
    # (a headline's comune the text names only as a seat or in a listing, over three comuni or more: "Processo
    # alla criminalità di Nola" over "il Tribunale di Nola ... imputati di Cimitile, Camposano e Nola")
    only_seat = not own and any(m.name == name and (m.seat or m.listing) for m in found)
    if many and not (in_title_lead and not (only_seat and len(rivals) >= 3)) and not dated:
        return NO  # a multi-comune piece (an operation from Genova to Napoli, a strike in every city)
    # comuni of three provinces or more, the area named too ("in provincia di X"), outside a listing (a network of
    # partner cities): a piece wider than one comune, whose city can only be one its headline or dateline names
    if len(provinces) >= 3 and name not in title_comuni and not (dated and any(not m.wire for m in own)):
        return NO
    if site_lead:
        return YES
    # a capoluogo in a piece that speaks of its province more than once and never of a comune's government (the
    # prefettura's, the provincial command's, the Asl's news: "la festa dell'Arma ... i comandi della provincia"):
    # the province's piece, and a province is never the comune of the same name
    if capoluogo and scope.provincial:
        return WEIGHED_NO
    # a dateline is where the piece was filed: in a national or regional piece no more than any other mention
    # an agency's dateline says where the wire was filed, not what it is about: alone it is no evidence
    filed = [m for m in own if not m.wire]
    evidence = weight if filed else 0
    evidence += 0 if scope.kind == "wide" else sum(1 for m in filed if m.dateline)
    evidence += 3 if any(m.name == name and m.is_comune for m in title_mentions) else 0
    return WEIGHED_YES if evidence >= {"wide": 5, "mixed": 2, "local": 1}[scope.kind] else WEIGHED_NO


# The province named ("la provincia", "il comando provinciale"), and a comune's government: both matched on the
# lower-cased text.
_PROVINCE_WORD_RE = re.compile(r"provinc(?<!\wprovinc)\w*")  # "\bprovinc" tried every position: 16x slower
_COMUNE_BODY_RE = re.compile(r"\b(?:sindac[oa]|comune|giunta|assessor[ea]|municipio|primo\s+cittadino)\b")
# A comune's council and mayor: "il consiglio comunale", "la giunta comunale", "i consiglieri comunali", "il sindaco"
_COUNCIL_RE = re.compile(r"\b(?:(?:consiglio|giunta|consiglier[ei]|seduta|aula)\s+comunal[ei]|sindac[oa])\b")
# One of them by name: "il sindaco Mario Rossi", "il presidente del consiglio comunale Luca Milani"
_NAMED_OFFICER_RE = re.compile(
    r"\b(?i:sindac[oa]|vice\s*sindac[oa]|presidente\s+del\s+consiglio\s+comunale|consiglier[ea]\s+comunale|"
    r"assessor[ea](?:\s+(?:al|alla|all'|ai|alle)\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)?),?\s+[A-ZÀ-Ý][a-zà-ù]+\s+[A-ZÀ-Ý][a-zà-ù]"
)


def _rivals_of(name: str, found: list[Mention]) -> set[str]:
    """The other comuni the text names, in a listing or not."""
    return {m.name for m in found if m.name != name and m.is_comune}


@dataclass(frozen=True, slots=True)
class Scope:
    """How wide the piece is: ``local``, ``wide`` (national or regional) or ``mixed``; whether it speaks of
    the region's government; whether its headline says it is national or names a region."""

    kind: str
    regional: bool = False
    national_title: bool = False
    spread_title: bool = False  # the headline speaks of several comuni: "nei 22 comuni della provincia"
    spread_lead: bool = False  # so does the text's opening: "Sono nove i comuni viterbesi destinatari"
    counted_title: bool = False  # the headline opens on a count of comuni: "Rifiuti: tre comuni dicono no"
    provincial: bool = False  # the province named twice or more, a comune's government never


def _scope(text: str, title: str | None, low: str) -> Scope:
    """The piece's scope, from the words of government the text uses; ``low`` is ``text.lower()``, which the
    caller has already made."""
    local = len(_LOCAL_RE.findall(low))
    wide_words = _WIDE_RE.findall(" " + low)  # (a word opening the text follows one too)
    wide = len(wide_words)
    regional = sum(1 for w in wide_words if w.startswith(("region", "governat")))
    national = bool(title and (_NATIONAL_TITLE_RE.search(title.lower()) or _REGION_RE.search(normalise(title))))
    kind = "wide" if wide >= 2 and wide > 2 * local else "local" if local > wide else "mixed"
    spread = bool(title and _SPREAD_TITLE_RE.search(title.lower()))
    # "Sono nove i comuni viterbesi destinatari", "tanti i comuni della provincia di Lecce": the lead makes
    # several comuni its subject
    body = text[len(title) + 1 :] if title and text.startswith(title) else text
    spread_lead = _SPREAD_LEAD_RE.search(body[:_SPREAD_LEAD_CHARS]) is not None
    counted = bool(title and _COUNT_TITLE_RE.search(title.lower()))
    return Scope(
        kind,
        regional=regional >= 1 and regional >= local,
        national_title=national,
        spread_title=spread,
        spread_lead=spread_lead,
        counted_title=counted,
        provincial=len(_PROVINCE_WORD_RE.findall(low)) >= 2 and not _COMUNE_BODY_RE.search(low),
    )


_TITLE_PLACE_PREPS = frozenset({"a", "ad", "in", "da", "di"})


# A capitalised word before, alone or with "e"/"di": the name is part of a capitalised name ("Gratta e Vinci")
_IN_CAPITALISED_NAME_RE = re.compile(r"(?<![.!?:] )\b[A-ZÀ-Ý][a-zà-ù]+ (?:(?:e|di|del|della) )?[a-zà-ù]?$")


_HEADLINE_PUNCTUATION_RE = re.compile(r"[,:;?!«»“”\"]")


def _recase_title(title: str, body: str) -> str:
    """A headline rebuilt from the words of the page address is in lower case ("incidente a piombino muore un
    operaio"): give its comuni their capitals back, when the text writes the name capitalised mid-sentence, or when
    the name opens the headline or follows a preposition of place and the text never writes it as a lower-case word
    (not "a fondi"). A headline of the address's words joined by hyphens is read with spaces."""
    if not title or any(ch.isupper() for ch in title[1:]) or _HEADLINE_PUNCTUATION_RE.search(title):
        return title  # capitals, or punctuation no address has: a headline as printed
    if " " not in title.strip() and "-" in title:
        title = title.replace("-", " ")  # the address's own words: "incidente-a-piombino-muore-operaio"
    table = comuni()
    words = list(LETTERS_RE.finditer(title))
    out = list(title)
    n_max = max_name_words()
    i = 0
    while i < len(words):
        hit = 0
        for n in range(min(n_max, len(words) - i), 0, -1):
            span = title[words[i].start() : words[i + n - 1].end()]
            c = table.get(fold(span))
            if c is None or c.name in AMBIGUOUS or fold(span) in short_forms() or fold(c.name) != fold(span):
                continue
            # capitalised mid-sentence ("Fondi" opening a sentence may be the common word)
            # (not inside a capitalised name: "biglietti Gratta e Vinci" is no comune of Vinci)
            capitalised = any(
                not _IN_CAPITALISED_NAME_RE.search(body[max(0, h.start() - 30) : h.start() + 1])
                for h in re.finditer(r"[^\W\d_][,;]? " + re.escape(c.name) + r"(?![\w'])", body)
            )
            prev = words[i - 1].group(0).lower() if i else ""
            lower_in_body = re.search(literal_not_after(span.lower()) + r"(?![\w'])", body) is not None
            place_slot = i == 0 or prev in _TITLE_PLACE_PREPS  # "piombino operaio morto", "operaio morto a piombino"
            if capitalised or place_slot and not lower_in_body and len(span) > 3:
                out[words[i].start() : words[i + n - 1].end()] = c.name
                hit = n
                break
        i += hit or 1
    return "".join(out)


def _to_full_names(found: list[Mention], text: str, title_mentions: list[Mention], title: str) -> None:
    """A comune named in full once and by its first words elsewhere ("Castelnuovo di Garfagnana" ... "a
    Castelnuovo"): the short name is that comune, not another comune that bears it alone."""
    full = {m.name for m in found + title_mentions if m.is_comune and " " in m.name}
    if not full:
        return
    for mentions, source in ((found, text), (title_mentions, title)):
        for m in mentions:
            surface = fold(source[m.start : m.end])
            fits = [f for f in full if f != m.name and fold(f).startswith(surface + " ")]
            if m.is_comune and len(fits) == 1:
                m.name = fits[0]


@dataclass(frozen=True, slots=True)
class PlacesReading:
    """The main city, every place (city first, then by importance), and whether the city wants a reviewer's look."""

    city: str | None
    places: list[str]
    # no explicit frame of the text set the city: it was only weighed, or none was found
    city_to_check: bool


def read_places(text: str, title: str | None = None, partner_cities: Sequence[str] = ()) -> PlacesReading:
    """Main city, all places and how sure the city is; a mere listing of places does not count."""
    model, confidence = city_model(), city_confidence()
    rules = _read_city(text, title, partner_cities, features=model is not None or confidence is not None)
    city = rules.city
    if model is not None:
        city = model_city(model, city, rules.candidates, no_city_evidence(title, text, city, rules.candidates))
    places = ([city] if city else []) + [n for n in rules.ranked if n != city]
    if confidence is not None and city == rules.city:  # how sure the rules' answer is, learned (README)
        return PlacesReading(city, places, city_to_check=not confidence.sure(_confidence_features(rules, title, text)))
    # (measured on batches 15-21, unseen by the rules: an explicit frame's city is right far more often than a
    # weighed one, README "What to check on the desk")
    explicit = city is not None and city == rules.city and rules.verdicts.get(city) == YES
    return PlacesReading(city, places, city_to_check=not explicit)


def extract_places(
    text: str, title: str | None = None, partner_cities: Sequence[str] = ()
) -> tuple[str | None, list[str]]:
    """Main city and all places (city first, then by importance); a mere listing of places does not count."""
    reading = read_places(text, title, partner_cities)
    return reading.city, reading.places


def city_candidates(
    text: str, title: str | None = None, partner_cities: Sequence[str] = (), features: bool = True
) -> tuple[str | None, list[str], list[tuple[str, dict[str, float]]]]:
    """The hand-set rules' city, every place by importance, and (``features``) each candidate comune with the
    evidence a learned scorer weighs."""
    rules = _read_city(text, title, partner_cities, features)
    return rules.city, rules.ranked, rules.candidates


def city_confidence_features(
    text: str, title: str | None = None, partner_cities: Sequence[str] = ()
) -> tuple[str | None, dict[str, float]]:
    """The rules' city and the evidence a city confidence weighs (``data/train_city_confidence.py``)."""
    rules = _read_city(text, title, partner_cities, features=True)
    return rules.city, _confidence_features(rules, title, text)


def _province_label(city: str, found: list[Mention]) -> str | None:
    """The one comune of the capoluogo's province where the events happen, when the headline leads with the
    capoluogo as a label ("Rieti, incidente col trattore" over "morto un uomo a Salisano") and the text never sets
    anything in the capoluogo itself."""
    table = comuni()
    if not table[fold(city)].capoluogo:
        return None

    def sets_events(m: Mention) -> bool:  # "a X", "il Comune di X", a body or a site of X
        return m.at or m.strong or m.local_body

    if any(m.name == city and m.is_comune and not m.dateline and sets_events(m) for m in found):
        return None
    others = {
        m.name
        for m in found
        if m.is_comune and m.name != city and not (m.origin or m.seat or m.listing or m.wire) and fold(m.name) in table
    }
    if len(others) != 1:
        return None
    (other,) = others
    same_province = table[fold(other)].province == table[fold(city)].province
    return other if same_province and any(m.name == other and sets_events(m) for m in found) else None


@dataclass(frozen=True, slots=True)
class _CityRead:
    """What the rules read: their city, every place by importance, the candidates' features and each verdict."""

    city: str | None
    ranked: list[str]
    candidates: list[tuple[str, dict[str, float]]]
    verdicts: dict[str, Verdict]


def _read_city(text: str, title: str | None, partner_cities: Sequence[str], features: bool) -> _CityRead:
    """The rules' reading of the city (:func:`city_candidates`), with the verdict on each comune weighed."""
    norm = normalise(text)
    title = _recase_title(normalise(title), norm) if title else title
    tnorm = normalise(title) if title else ""  # the headline as its mentions' offsets read it
    in_names: set[str] = set()
    seen: set[str] = set()
    found = sorted(
        _mentions(norm, rejected=in_names, seen=seen) + _kicker_mentions(norm) + _address_mentions(norm),
        key=lambda m: m.start,
    )
    heads = _first_words_of(found)
    title_mentions = _mentions(tnorm, offset_in_title=True, body=norm, seen=seen, shared=heads or None) if title else []
    shared = _resolve_shared(seen, found + title_mentions, f"{title or ''}\n{norm}") if seen else {}
    if shared:  # a short form several comuni share, told apart by the region: read the text again with it
        in_names = set()
        found = sorted(
            _mentions(norm, rejected=in_names, shared=shared) + _kicker_mentions(norm) + _address_mentions(norm),
            key=lambda m: m.start,
        )
        title_mentions = (
            _mentions(tnorm, offset_in_title=True, body=norm, shared=shared | _first_words_of(found)) if title else []
        )
    _by_bracket_province(found, norm)
    _to_full_names(found, norm, title_mentions, tnorm)
    # "Campi, frazione di Norcia": the frazione's name is not a comune there, though a comune elsewhere has it
    low_norm = norm.lower()
    frazioni = (
        {fold(m.group(1)) for m in _FRAZIONE_OF_RE.finditer(norm)}
        if "frazione" in low_norm or "località" in low_norm or "borgata" in low_norm
        else set()
    )
    if "quartiere" in low_norm or "rione" in low_norm:
        # (a quarter the gazetteer gives its city, "quartiere Lingotto", stays the city's)
        quarters = {fold(m.group(1)) for m in _QUARTER_NAMED_RE.finditer(norm)}
        frazioni |= quarters - _quarter_keys()
    if frazioni:
        for m in found:
            if fold(m.name) in frazioni or fold(norm[m.start : m.end]) in frazioni:
                m.is_comune = False
        title_mentions = [
            m for m in title_mentions if fold(m.name) not in frazioni and fold(tnorm[m.start : m.end]) not in frazioni
        ]
    # "Roberto Ferrara ... Ferrara ha detto": a surname the text gives with a given name or a role elsewhere is
    # the person where it stands bare (no preposition, no dateline)
    bare = {m.name for m in found if m.is_comune and not (m.preposition or m.strong or m.dateline)}
    persons = {n for n in bare if _named_person(norm, n)}
    if persons:
        found = [m for m in found if m.name not in persons or m.preposition or m.strong or m.dateline]
    # "Universo Assisi", "il Potenza": a comune the text names only inside a name is not the headline's comune
    named_only = in_names - {m.name for m in found if m.is_comune}
    # (but a headline's "a X" says where the events happen: "A Bari primo Consiglio comunale" over "Decaro per Bari",
    # and its "Consiglio comunale di X" or "Comune di X": "Il Consiglio comunale di Asti approva" over "Noi per Asti")
    # ("Sala: acquisizione quote M4" over "il sindaco Giuseppe Sala": the short form the headline writes is the person)
    title_mentions = [
        m
        for m in title_mentions
        if not _named_person(norm, m.name)
        and (tnorm[m.start : m.end] == m.name or not _named_person(norm, tnorm[m.start : m.end]))
        and (m.name not in named_only or m.at or m.local_body)
    ]
    # the headline and the text, lower-cased once for the scope and the verdicts
    low = f"{title or ''}\n{norm}".lower()
    scope = _scope(f"{title or ''}\n{norm}", title, low)
    if scope.kind == "wide" or any(m.is_comune for m in found):
        # a headline's bare first word is the subject of a piece whose text names it too ("Solofra tra i comuni a
        # rischio" over «Solofra, a Roma»), or of a local piece whose text names no comune at all
        title_mentions = [m for m in title_mentions if not m.guessed or _named_in(norm, m.name)]
    elif scope.kind == "mixed":
        # or, where local and wide words mix and the text names no comune, when it is the comune's full name
        # ("Pinerolo approvato in consiglio il bilancio", a headline rebuilt from the address, over "Il Consiglio
        # comunale ..."), not inside a quote («Fondi a rischio») nor a short form ("Palazzo Cisterna")
        title_mentions = [m for m in title_mentions if not m.guessed or _full_name_lead(tnorm, m)]
    # "Alfano a Catania per vertice su sbarchi": the headline's meeting place is where the speakers were; so is a
    # headline's "a X" when the text says a meeting was held at X ("25 aprile a Ravenna" / "riuniti a Ravenna")
    venues = {m.name for m in found if m.venue}
    title_mentions = [m for m in title_mentions if not m.origin and not (m.at and m.name in venues)]
    for m in title_mentions:
        m.in_title = True
    partners = {fold(p) for p in partner_cities}
    scores: dict[str, float] = {}
    first_pos: dict[str, int] = {}
    kinds: dict[str, bool] = {}
    for idx, m in enumerate(title_mentions):
        scores[m.name] = scores.get(m.name, 0.0) + _score(m, idx == 0)
        first_pos.setdefault(m.name, -1000 + m.start)
        kinds[m.name] = kinds.get(m.name, False) or m.is_comune
    for m in found:
        if m.listing:
            continue
        scores[m.name] = scores.get(m.name, 0.0) + _score(m, False) + (0.0 if m.is_comune else 0.5)
        first_pos.setdefault(m.name, m.start)
        kinds[m.name] = kinds.get(m.name, False) or m.is_comune
    for name in scores:
        if fold(name) in partners and scores[name] > 0:
            scores[name] += 0.5
    ranked = sorted(scores, key=lambda n: (-scores[n], first_pos[n]))
    paras = paragraphs(norm)
    lead_end = paras[0][1] if paras else 0
    verdicts: dict[str, Verdict] = {}
    for n in ranked:
        if kinds[n] and scores[n] > 0:
            verdicts[n] = _is_about(n, title_mentions, found, scope, low, lead_end, norm)
            if verdicts[n] in ABOUT and not features:
                break  # the rules' city: the rest are weighed only for a learned chooser
    city = next((n for n, verdict in verdicts.items() if verdict in ABOUT), None)
    before_vetoes = city
    if city and title and _paired_in_title(tnorm, title_mentions):
        # "Montjovet e Quart si convenzionano con la Regione": the headline makes two comuni its joint subject
        city = None
    if city and title and _roundup_of_places(tnorm):
        # "blitz tra Cerignola, Bat e Barese": a round-up over several places; only a comune the text calls its
        # own ("Comune di X", a dateline) is its city
        own = [m for m in found if m.name == city and m.is_comune]
        city = city if any(m.strong or m.dateline and not m.wire for m in own) else None
    if city and title and any(m.strong and m.name == city and m.start == 0 for m in title_mentions):
        city = _province_label(city, found) or city
        verdicts.setdefault(city, WEIGHED_YES)
    if not features:
        return _CityRead(city, ranked, [], verdicts)
    open_to_chooser = _open_to_chooser(city, before_vetoes, verdicts)
    candidates = _candidate_features(norm, low_norm, title_mentions, found, scope, partners, city, open_to_chooser)
    return _CityRead(city, ranked, candidates, verdicts)


def _open_to_chooser(city: str | None, before_vetoes: str | None, verdicts: dict[str, Verdict]) -> set[str]:
    """Where a learned chooser may differ from the rules: their city when only weighed, or, where they give none,
    every comune only weighed too little (never against an explicit frame, nor a headline's pair or round-up)."""
    if city is None and before_vetoes is None:
        return {n for n, verdict in verdicts.items() if verdict == WEIGHED_NO}
    return {city} if city is not None and verdicts[city] == WEIGHED_YES else set()


# Participles of taking someone somewhere (portato, trasferito, …): both "taken to" patterns below read them.
_TAKEN_PARTICIPLES = r"portat|trasportat|trasferit|condott|accompagnat|elitrasportat|tradott"
# A local site's section kicker: a paragraph that is only the comune's name, in lower case ("sacile").
_KICKER_RE = re.compile(r"[^\W\d_]+(?:['’ -][^\W\d_]+){0,3}")
# Bodies and sites that belong to one comune: "i carabinieri di Carsoli", "l'ospedale di Nola", "l'ex Ilva di
# Taranto", "il sindaco di Fano": the events told happen there.
_LOCAL_BODY_BEFORE = re.compile(
    r"\b(?:sindac[oa]|vicesindac[oa]|giunta|consiglio\s+comunale|municipio|comune|carabinieri|commissariato|"
    r"polizia\s+locale|polizia\s+municipale|cittadini|residenti|abitanti|territorio)"
    r"(?:(?:\s+[^\W\d_]+){0,2}?\s+(?:di|del|della|dello)|\s+(?:a|ad|in))\s+$",  # "il sindaco è andato a X": not
    re.IGNORECASE,
)
_TAKEN_TO_RE = re.compile(
    r"\b(?:" + _TAKEN_PARTICIPLES + r"|ricoverat|trasferiment|ricover|rinchius|dimess)\w*\b[^.;:!?]{0,45}$",
    re.IGNORECASE,
)
# Where a person comes from or lives: "originario di Napoli", "residente a Milano", "nato a Bari".
_ORIGIN_BEFORE = re.compile(
    # (a person's: "i residenti di X" protesting are the comune's own, "trasferiti a X" a destination)
    r"\b(?:(?:originari[oa]|nat[oa]|residente|domiciliat[oa]|proveniente|di\s+origin[ei])\s+(?:a|ad|di|da|in)|"
    # a measure binding a suspect to a comune: "l'obbligo di dimora nel Comune di Napoli"
    r"(?:obblig[oh]i?|divieto|divieti)\s+di\s+dimora\s+(?:nel\s+comune\s+di|a|in))\s+$",
    re.IGNORECASE,
)
# The same of a person, in the passive ("è stato portato", "sono stati trasferiti", "ricoverato"), not "le indagini
# hanno portato a perquisizioni a X"
_PERSON_TAKEN_TO_RE = re.compile(
    r"\b(?:(?:è|sono|era|erano|viene|vengono|veniva|venivano|stat[oaie])\s+(?:stat[oaie]\s+)?(?:"
    + _TAKEN_PARTICIPLES
    + r")[oaie]|ricoverat[oaie]|rinchius[oaie]|detenut[oaie])\b[^.;:!?]{0,45}$",
    re.IGNORECASE,
)
_VENUE_BEFORE = re.compile(
    r"\b(?:(?:assemblea|assemblee|congresso|convegno|conferenza|forum|summit|stati\s+generali|meeting|"
    r"tavola\s+rotonda)\b(?:\s+[^\W\d_]+){0,4}?(?:\s+(?:l'|il\s+)?\d{1,2}(?:\s+[^\W\d_]+)?)?"  # "l'8 ottobre"
    r"\s+(?:di|del|della|a|ad|in)|"
    # where a speaker spoke: "parlando con i giornalisti a Catania", "a margine del vertice in corso a Roma"
    r"(?:parlando|intervenendo|a\s+margine\s+(?:di|del|della|dell')[^.;:!?]{0,40}?)(?:\s+con\s+i\s+giornalisti)?"
    r"\s+(?:a|ad|in))\s+$",
    re.IGNORECASE,
)
# Where representatives met: "i sindacati si sono riuniti ieri a Ravenna", "i ministri si riuniscono a Bruxelles"
# (not "i residenti si sono riuniti in piazza a X": the comune's own people); read over a wider window
_GATHERED_BEFORE = re.compile(
    r"\b(?:sindacati|sindaci|delegat[ie]|rappresentanti|segretari|vertici|ministri|presidenti|leader|associazioni|"
    r"organizzazioni|parti\s+sociali)\b[^.;:!?]{0,50}?\s"
    r"(?:si\s+(?:è|sono|era|erano)\s+(?:riunit|incontrat)[oaie]|si\s+(?:riunirà|riuniranno|riunisce|riuniscono))"
    r"\b[^.;:!?]{0,40}?\s+(?:a|ad|in)\s+$",
    re.IGNORECASE,
)
# Where something was or will be held ("si è svolta ieri a Roma", "in programma a Bari"): a venue when what was held
# is a meeting ("la riunione si è tenuta a X", "si è svolta a Roma la commissione"), not a festival or a match
_HELD_BEFORE = re.compile(
    r"(?:si\s+(?:è|sono|era|erano)\s+(?:svolt|tenut|apert|chius)[oaie]|si\s+(?:terrà|terranno|svolgerà|svolgeranno|"
    r"tiene|svolge|apre|aprirà|chiude|chiuderà)|in\s+programma|(?:ha|hanno)\s+preso\s+il\s+via|prende\s+il\s+via|"
    r"prenderà\s+il\s+via)\b[^.;:!?]{0,40}?\s+(?:a|ad|in)\s+$",
    re.IGNORECASE,
)
_MEETING_RE = re.compile(
    r"\b(?:riunione|assemblea|commissione|conferenza|vertice|tavolo|convegno|congresso|summit|forum|direttivo|"
    r"consulta|comitato|stati\s+generali)\b",
    re.IGNORECASE,
)


# The comune's own people and officers: a meeting of theirs is the comune's ("la riunione tra il sindaco e i genitori")
_OWN_PEOPLE_RE = re.compile(
    r"\b(?:sindac[oa]|vice\s*sindac[oa]|assessor[ea]|giunta|consiglio\s+comunale|amministrazione\s+comunale|"
    r"residenti|cittadini|genitori|commercianti|abitanti)\b",
    re.IGNORECASE,
)


_CLAUSE_END_RE = re.compile(r"[.;!?\n]")


def _held_meeting(window: str, after: str) -> bool:
    """The place follows "si è svolta/tenuta ... a" and the sentence makes a meeting its subject, before or after,
    not one of the comune's own people and officers."""
    held = _HELD_BEFORE.search(window)
    if held is None:
        return False
    before = window[: held.start()]
    before = before[max(before.rfind("."), before.rfind("\n")) + 1 :]
    after = _CLAUSE_END_RE.split(after, maxsplit=1)[0]
    sentence = f"{before} {window[held.start() :]} {after}"
    return _MEETING_RE.search(sentence) is not None and _OWN_PEOPLE_RE.search(sentence) is None


# "Lo ha detto ieri a Taranto il ministro": where the words were said (not by the comune's own mayor or councillor:
# "Lo ha detto ieri a Fossano il sindaco" speaks of the comune)
_SAID_AT_BEFORE = re.compile(
    r"\b(?:ha|hanno|aveva|avevano)\s+(?:detto|dichiarato|affermato|spiegato|sottolineato|annunciato|ribadito)"
    r"(?:\s+(?:oggi|ieri|stamani|stamattina|stasera))?\s+(?:a|ad|in)\s+$",
    re.IGNORECASE,
)
_OWN_OFFICER_AFTER = re.compile(
    r"\s+(?:il|la|l')\s*(?:sindac[oa]|vice\s*sindac[oa]|primo\s+cittadino|prima\s+cittadina|assessor[ea]|"
    r"consiglier[ea]\s+comunale|presidente\s+del\s+consiglio\s+comunale)\b",
    re.IGNORECASE,
)
_VENUE_AFTER = re.compile(
    r"\s+(?:(?:il\s+via\s+)?(?:all'|alla\s+|al\s+)|per\s+(?:il\s+|la\s+|l'|un\s+|una\s+)?)"
    r"(?:[^\W\d_]+\s+)?(?:assemblea|congresso|convegno|vertice|summit|forum|stati\s+generali)\b",
    re.IGNORECASE,
)
# A person's office in a comune, given after the person's name: "Mario Rossi, sindaco di", "Anna Bianchi
# assessora alla Cultura del Comune di" (group 1: the name's words but the last, one of them a given name)
_NAMED_OFFICE_BEFORE = re.compile(
    # (the surname is no article opening a sentence: "Nicola Fiorita  Il sindaco di")
    r"(?<![\w'])((?:[A-ZÀ-Ý][\w']+\s+){1,3})(?!(?:Il|La|Lo|Gli|Le|I|Un|Una|Uno)\b)[A-ZÀ-Ý][\w']+\s*(,?)\s+"
    r"(?:neo\s*)?"
    r"(?i:sindac[oa]|vice\s*sindac[oa]|primo\s+cittadino|prima\s+cittadina|consiglier[ea]\s+comunale|"
    r"(?:vice\s*)?presidente\s+del\s+consiglio\s+comunale|assessor[ea](?:\s+[^\W\d_]+){0,3}?)\s+"
    r"(?i:(?:del\s+comune\s+|della\s+città\s+)?(?:di|del|della|dello))\s+$"
)
# A mayor's office joined to an office in a wider body: "il sindaco di Lucca e delegato Anci", "presidente di Anci
# Liguria e sindaca di Sarzana": the person speaks for the wider body, the comune is only what they also lead.
_MAYOR_OF = (
    r"(?:sindac[oa]|vice\s*sindac[oa]|primo\s+cittadino|prima\s+cittadina)\s+(?:del\s+comune\s+)?(?:di|del|della)"
)
_WIDER_OFFICE = (
    r"(?:vice\s*)?(?:presidente|delegat[oa]|coordinat(?:ore|rice)|segretari[oa]|responsabile|portavoce|componente|"
    r"consiglier[ea]\s+(?:provinciale|regionale|metropolitan[oa]))"
)
_WIDER_OFFICE_BEFORE = re.compile(r"(?i:\b" + _WIDER_OFFICE + r"\b[^,.;:\n]{0,40}?\s+e\s+" + _MAYOR_OF + r")\s+$")
_MAYOR_OF_BEFORE = re.compile(r"(?i:\b" + _MAYOR_OF + r")\s+$")
_WIDER_OFFICE_AFTER = re.compile(
    r"(?i:\s*(?:\([^()\n]{1,30}\))?\s*,?\s+"
    # "sindaco di X e delegato Anci", "sindaco di X, sarà vicepresidente", "sindaco di X, il nuovo presidente"
    # (not "il sindaco di X, il presidente della Provincia e ...": a list of people)
    r"(?:e\s+|(?:sarà|è|diventa|diventerà|(?:è\s+)?stat[oa]\s+(?:elett|nominat)[oa])\s+(?:(?:il|la)\s+)?"
    r"(?:(?:nuov[oa]|neo)\s+)?|(?:(?:il|la)\s+)?(?:nuov[oa]|neo)\s+|"
    r"(?:ricopr|assum)\w+\s+(?:la\s+carica|il\s+ruolo|l'incarico)\s+di\s+)" + _WIDER_OFFICE + r")\b"
)


def _office_of(window: str, after: str) -> str:
    """Whose office names the comune: "wider" for a mayor who also holds an office in a wider body ("presidente
    dell'Anci e sindaco di", "sindaco di X e delegato", "Marta Rossi, sindaca di X, sarà vicepresidente"), "named"
    for a person's office given after their name ("Marta Rossi, sindaca di"), else ""."""
    if _WIDER_OFFICE_BEFORE.search(window):
        return "wider"
    named = _is_named_office(window)
    if (named or _MAYOR_OF_BEFORE.search(window)) and _WIDER_OFFICE_AFTER.match(after):
        return "wider"
    return "named" if named else ""


def _is_named_office(window: str) -> bool:
    """The window ends on a person's name and their office in a comune: "Matteo Rossi, sindaco di"."""
    m = _NAMED_OFFICE_BEFORE.search(window)
    if m is not None and any(fold(w) in first_names() for w in m.group(1).split()):
        return True
    # a sentence opening on a two-word name set off by a comma: "Edilio Terranova, consigliere comunale di"
    if m is not None and m.group(2) and len(m.group(1).split()) == 1 and m.start() > 0:
        return window[: m.start()].rstrip(" ")[-1:] in {".", "!", "?", "\n"}
    return False


_STUDY_BEFORE = re.compile(
    r"\b(?:studio|studi|ricerca|ricerche|indagine|sondaggio|rapporto|report|dati|ricercatori|esperti|secondo)\b"
    r"[^.;:!?]*$",
    re.IGNORECASE,
)
_ORIGIN_PREPOSITIONS = frozenset({"a", "ad", "di", "da", "in"})
_SITE_PREPOSITIONS = frozenset({"di", "del", "della", "dello", "a", "ad", "in"})
# A named site of one comune: a plant, a hospital, a school, a church, a port ("l'ospedale Cardarelli di
# Campobasso", "le acciaierie di Piombino", "la scuola di Ponte Nossa"): a piece about the site is about its comune.
# One site, in the singular: "stabilimenti a X e a Y" are several, in several comuni ("acciaierie" is a name).
# Not a stadium: a match report is about two clubs, not the comune of the ground.
_SITE_BEFORE = re.compile(
    r"\b(?i:ospedale|presidio\s+ospedaliero|nosocomio|pronto\s+soccorso|stabilimento|fabbrica|acciaieri[ae]|"
    r"ilva|impianto|cantiere|centrale\s+(?:elettrica|termoelettrica|nucleare|idroelettrica|a\s+carbone)|raffineria|cementificio|inceneritore|termovalorizzatore|discarica|"
    r"depuratore|petrolchimico|polo\s+(?:industriale|chimico|logistico|scolastico)|porto|aeroporto|stazione|scuola|"
    r"campus|plesso|asilo\s+nido|"  # (not "richiedenti asilo a X")
    r"liceo|istituto\s+comprensivo|parrocchia|cattedrale|duomo|basilica|santuario|cimitero|biblioteca|museo|"
    r"teatro|mercato|quartiere|rione|frazione|periferia)"
    # its proper name between ("l'ospedale San Giovanni di Dio di X", "lo stabilimento ex Ilva di X"), or up to two
    # words of description before "di" ("la scuola media di X"; not "pronto soccorso affollati a X")
    # (or both, the name after the description: "la scuola primaria Gaetano Bruni di X")
    r"(?:(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|ex|e|de|di|del|della|dei|degli|d'[A-ZÀ-Ý][\w'’-]*)){0,5}?\s+"
    r"(?i:di|del|della|dello|a|ad|in)|(?:\s+[a-zà-ù]+){1,2}?(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,4}?\s+(?i:di|del|della|dello))\s+$",
)


def _kicker_mentions(text: str) -> list[Mention]:
    """Lower-case one-line paragraphs naming a comune: the section kicker or dateline of a local site."""
    out = []
    table = comuni()
    for start, end in paragraphs(text)[:4]:
        chunk = text[start:end]
        if len(chunk) > 40 or not chunk.islower() or not _KICKER_RE.fullmatch(chunk):
            continue
        key = fold(chunk)
        if key in table and key not in short_forms() and table[key].name not in AMBIGUOUS:
            out.append(Mention(table[key].name, start, end, dateline=True))
    return out


# A comune's own web or mail address: "www.comune.altopascio.lu.it", "protocollo@pec.comune.porto-recanati.mc.it"
_ADDRESS_RE = re.compile(r"\bcomune\.([a-z]+(?:-[a-z]+)*)\.(?:([a-z]{2})\.)?it\b")


def _address_mentions(text: str) -> list[Mention]:
    """The comuni whose own address the text gives: the comune's office speaks, as "il Comune di X" does."""
    if "comune." not in text:
        return []
    out = []
    table = comuni()
    for m in _ADDRESS_RE.finditer(text):
        hit = table.get(m.group(1).replace("-", " "))
        if hit is not None and (m.group(2) is None or m.group(2).upper() == hit.province):
            out.append(Mention(hit.name, m.start(), m.end(), strong=True, local_body=True, preposition=True))
    return out


_FINAL_VOWEL_RE = re.compile(r"[aeiou]$")


def _demonym_keys(name: str) -> tuple[str, ...]:
    """Likely demonym stems of a one-word comune: Pescara → pescares, Nola → nolan, Taranto → tarantin."""
    if " " in name or "'" in name or len(name) < 4:
        return ()
    stem = _FINAL_VOWEL_RE.sub("", fold(name))
    return tuple(stem + s for s in ("es", "an", "in", "itan", "ens"))


@dataclass(frozen=True, slots=True)
class CityModel:
    """A conditional logit over the candidate comuni and "no city" (``data/train_city_model.py`` fits it).

    ``candidate`` weighs each comune's evidence (:func:`_candidate_features`); ``no_city`` weighs the article's
    evidence that it is about no single comune (:func:`no_city_evidence`), its headline's and lead's words included."""

    candidate: dict[str, float]
    no_city: dict[str, float]


@lru_cache(maxsize=1)
def city_model() -> CityModel | None:
    """The shipped chooser (``data/city_model.json``, made by ``data/train_city_model.py``), if present."""
    import json

    from rassegna.nlp.gazetteer import DATA

    path = DATA / "city_model.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return CityModel(
        {k: float(v) for k, v in data["candidate"].items()}, {k: float(v) for k, v in data["no_city"].items()}
    )


OPEN = "open_to_chooser"  # a candidate feature: 1.0 where the rules leave the choice to a learned chooser
_LEAD_CHARS = 400  # the lead whose words weigh for "no city": about the first paragraph of a news piece
_EVIDENCE_WORD_RE = re.compile(r"[a-zà-ù]{3,}")


def no_city_evidence(
    title: str | None,
    text: str,
    rule_city: str | None,
    candidates: list[tuple[str, dict[str, float]]],
    words: bool = True,
) -> dict[str, float]:
    """The article's evidence for "no city": how many comuni compete, the best one's strength, the scope the rules
    read, and the words of the headline (``T:``) and of the lead (``L:``)."""
    feats = [f for _name, f in candidates]
    first = feats[0] if feats else {}

    def best(key: str) -> float:
        return max((f[key] for f in feats), default=0.0)

    out = {
        "bias": 1.0,
        "rule_abstained": float(rule_city is None),
        "log_candidates": math.log1p(len(feats)),
        "best_log_mentions": best("log_mentions"),
        "best_title": best("title"),
        "best_dateline": best("dateline"),
        "best_share": best("share"),
        "best_strong": best("strong"),
        "local_scope": first.get("local_scope", 0.0),
        "wide_scope": first.get("wide_scope", 0.0),
        "regional": first.get("regional", 0.0),
        "national_title": first.get("national_title", 0.0),
    }
    if not words:
        return out
    for word in _EVIDENCE_WORD_RE.findall((title or "").lower()):
        out["T:" + word] = 1.0
    for word in _EVIDENCE_WORD_RE.findall(text[:_LEAD_CHARS].lower()):
        out["L:" + word] = 1.0
    return out


@lru_cache(maxsize=1)
def city_confidence() -> Confidence | None:
    """The shipped confidence in the rules' city (``data/city_confidence.json``, none ships now); without it the
    desk's flag is the rules' own (no explicit frame set the city)."""
    from rassegna.nlp.gazetteer import DATA

    return load_confidence(DATA / "city_confidence.json")


# the candidate features that say nothing about the chosen comune itself (constant, or the chooser's guard)
_NOT_CONFIDENCE_FEATURES = frozenset({"bias", "rule_pick", "rule_abstained", OPEN})


def _confidence_features(rules: _CityRead, title: str | None, text: str) -> dict[str, float]:
    """The evidence for and against the rules' answer: the article's scope and candidates ("no city" evidence
    without its words), the chosen comune's own evidence, its lead over the next, and the explicit verdicts."""
    out = no_city_evidence(title, text, rules.city, rules.candidates, words=False)
    chosen = next((feats for name, feats in rules.candidates if name == rules.city), None)
    if chosen is not None:
        out.update({"city:" + k: v for k, v in chosen.items() if k not in _NOT_CONFIDENCE_FEATURES})
        rival_share = max((f["share"] for name, f in rules.candidates if name != rules.city), default=0.0)
        out["city_lead"] = chosen["share"] - rival_share
    out["explicit_yes"] = float(rules.city is not None and rules.verdicts.get(rules.city) == YES)
    out["explicit_no"] = math.log1p(sum(v == NO for v in rules.verdicts.values()))
    return out


def model_city(
    model: CityModel,
    rule_city: str | None,
    candidates: list[tuple[str, dict[str, float]]],
    no_city: dict[str, float],
) -> str | None:
    """The highest-scoring option the rules leave open: "no city" against a city they only weighed, or one of the
    comuni they only weighed too little where they give none; an explicit decision of the rules stands."""
    open_names = [name for name, feats in candidates if feats.get(OPEN)]
    if rule_city is not None and rule_city not in open_names:
        return rule_city
    best: str | None = None
    best_score = sum(model.no_city.get(k, 0.0) * v for k, v in no_city.items())
    for name, feats in candidates:
        if name not in open_names:
            continue
        score = sum(model.candidate.get(k, 0.0) * v for k, v in feats.items())
        if score > best_score:
            best, best_score = name, score
    return best


def _candidate_features(
    text: str,
    low: str,  # text.lower(), made by the caller already
    title_mentions: list[Mention],
    found: list[Mention],
    scope: Scope,
    partners: set[str],
    rule_city: str | None,
    open_to_chooser: set[str],
) -> list[tuple[str, dict[str, float]]]:
    """Each comune named in the headline or the text, with the evidence that it is the article's city."""
    comune_mentions = [m for m in found if m.is_comune and not m.listing]
    total = len(comune_mentions)
    counts: dict[str, int] = {}
    for m in comune_mentions:
        counts[m.name] = counts.get(m.name, 0) + 1
    top = max(counts.values(), default=0)
    title_comuni = {m.name for m in title_mentions if m.is_comune}
    paras = paragraphs(text)
    first_para_end = paras[0][1] if paras else 0
    names = [n for n in dict.fromkeys([m.name for m in title_mentions] + [m.name for m in found])]
    out = []
    for name in names:
        if fold(name) not in comuni() or comuni()[fold(name)].name != name:
            continue  # a region
        own = [m for m in found if m.name == name]
        as_comune = [m for m in own if m.is_comune and not m.listing]
        in_title = [m for m in title_mentions if m.name == name and m.is_comune]
        if not as_comune and not in_title:
            continue
        n = len(as_comune)
        demonym = sum(low.count(k) for k in _demonym_keys(name))
        body = sum(1 for m in as_comune if m.local_body)
        if name in CAPITAL_DEMONYMS:
            demonym += len(_CAPITAL_DEMONYM_RES[name].findall(low))
        capital = name in REGIONAL_CAPITALS
        f = {
            "bias": 1.0,
            "rule_pick": float(name == rule_city),
            "rule_abstained": float(rule_city is None),
            "title": float(bool(in_title)),
            "title_only_comune": float(title_comuni == {name}),
            "title_lead": float(any(m.strong for m in in_title)),
            "dateline": float(any(m.dateline and not m.wire for m in as_comune)),
            "wire_dateline": float(any(m.wire for m in as_comune)),
            "dash_dateline_only": float(bool(as_comune) and all(m.dash for m in as_comune)),
            "strong": float(any(m.strong for m in as_comune)),
            "log_mentions": math.log1p(n),
            "share": n / total if total else 0.0,
            "top": float(n == top and n > 0),
            "first_paragraph": float(any(m.start < first_para_end and not m.dateline for m in as_comune)),
            "preposition": float(any(m.preposition for m in as_comune)),
            "area_mentions": math.log1p(sum(1 for m in own if not m.is_comune)),
            "listing_mentions": math.log1p(sum(1 for m in own if m.listing)),
            "demonym": float(demonym > 0),
            "local_body": float(body > 0),
            "rivals": math.log1p(len(counts) - (1 if name in counts else 0)),
            "local_scope": float(scope.kind == "local"),
            "wide_scope": float(scope.kind == "wide"),
            "regional": float(scope.regional),
            "national_title": float(scope.national_title),
            "capital": float(capital),
            "capital_wide": float(capital and scope.kind != "local"),
            "capoluogo": float(comuni()[fold(name)].capoluogo),
            "partner": float(fold(name) in partners),
            OPEN: float(name in open_to_chooser),
        }
        out.append((name, f))
    return out
