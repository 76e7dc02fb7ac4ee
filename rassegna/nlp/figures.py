"""Figures: the quantities an article reports (``oltre 450 persone``), in digits or Italian words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rassegna.domain import Figure
from rassegna.nlp.textutil import fold, normalise
from rassegna.text.italian import MONTH_NUMBERS

_TOKEN_RE = re.compile(r"(?P<num>\d+(?:[.,:/]\d+)*)|(?P<word>[^\W\d_]+)|(?P<punct>[^\w\s])", re.UNICODE)

MONTHS = frozenset(MONTH_NUMBERS)  # month names and abbreviations: a number before one is a date

# Counted nouns that make a number something other than a figure.
EXCLUDED_UNITS = {
    'anni', 'anno', 'mesi', 'mese', 'giorni', 'giorno', 'settimane', 'settimana', 'ore', 'ora', 'minuti',
    'minuto', 'secondi', 'secondo', 'decenni', 'decennio', 'secoli', 'secolo', 'notti', 'ambiti', 'ambito',
    'fronti', 'fronte', 'assi', 'asse', 'fasi', 'fase', 'livelli', 'livello', 'pilastri', 'obiettivi',
    'target', 'edizioni', 'edizione', 'volte', 'volta', 'parole', 'parola', 'righe', 'pagine', 'caratteri',
    'punti', 'chilometri', 'km', 'metri', 'mq', 'percento', 'cento', 'tappe', 'tappa', 'direttrici',
    'linee', 'aree', 'azioni', 'macro', 'categorie', 'tipologie', 'tipi', 'modi', 'motivi', 'ragioni',
    'articolo', 'articoli', 'comma', 'capitolo', 'lotti', 'lotto', 'lustri', 'sere', 'sera', 'serate',
    'mattine', 'mattina', 'mattinate', 'pomeriggi', 'pomeriggio', 'nottate', 'notte', 'giornate', 'giornata',
    'trimestri', 'trimestre', 'semestri', 'semestre', 'bienni', 'biennio', 'trienni', 'triennio',
    'quinquennio', 'weekend', 'annualità', 'stagioni', 'stagione', 'puntate', 'puntata', 'turni', 'turno',
}  # fmt: skip
# Participles after a number ("430 presi in carico"): the counted noun is left out, the mention is not a unit.
PARTICIPLES = {
    f"{stem}{end}"
    for stem in (
        'pres', 'coinvolt', 'raggiunt', 'accolt', 'seguit', 'incontrat', 'contattat', 'ospitat', 'inserit',
        'accompagnat', 'intercettat', 'agganciat', 'aiutat', 'sostenut', 'format', 'attivat', 'realizzat',
        'avviat', 'orientat', 'supportat', 'trattat', 'visitat', 'censit', 'registrat', 'segnalat',
        'assegnat', 'collocat', 'alloggiat', 'impegnat', 'coinvolt', 'beneficiat', 'accoglient',
    )
    for end in ('i', 'e', 'o', 'a')
}  # fmt: skip
# "i beneficiari sono stati oltre mille": the counted noun before the verb, the number closing the clause.
_UNIT_BEFORE_RE = re.compile(
    r"\b(?:i|gli|le)\s+([^\W\d_]{3,})(?:\s+[^\W\d_]{4,})?\s+(?:sono|erano|saranno|risultano)"
    r"(?:\s+stat[ie])?(?:\s+(?:complessivamente|in\s+tutto|finora|già))?\s+$",
    re.IGNORECASE,
)

# Words that cannot be the counted noun (articles, prepositions, verbs, adverbs...).
STOP = {
    'e', 'ed', 'o', 'od', 'di', 'del', 'dello', 'della', 'dei', 'degli', 'delle', 'da', 'dal', 'dallo',
    'dalla', 'dai', 'dagli', 'dalle', 'in', 'nel', 'nello', 'nella', 'nei', 'negli', 'nelle', 'su', 'sul',
    'sullo', 'sulla', 'sui', 'sugli', 'sulle', 'per', 'con', 'tra', 'fra', 'a', 'al', 'allo', 'alla', 'ai',
    'agli', 'alle', 'il', 'lo', 'la', 'l', 'i', 'gli', 'le', 'un', 'uno', 'una', 'che', 'chi', 'cui', 'non',
    'anche', 'più', 'meno', 'circa', 'oltre', 'mentre', 'come', 'dove', 'quando', 'se', 'ma', 'però', 'già',
    'solo', 'tutti', 'tutte', 'sia', 'fino', 'è', 'sono', 'era', 'erano', 'sarà', 'saranno', 'stato',
    'stati', 'state', 'ha', 'hanno', 'aveva', 'avevano', 'avrà', 'risultano', 'vengono', 'sempre', 'ancora',
    'quasi', 'ben', 'almeno', 'mila', 'milioni', 'milione', 'miliardi', 'miliardo', 'x', 'volte', 'nuovi',
    'nuove', 'diversi', 'diverse', 'vari', 'varie', 'altri', 'altre', 'questi', 'queste', 'quelli',
    'quelle', 'loro', 'suoi', 'sue', 'nostri', 'nostre', 'mai', 'poi', 'quindi', 'cioè', 'ovvero', 'ossia',
    'sì', 'no', 'ne', 'ci', 'si', 'vi', 'mi', 'ti', 'ecc', 'etc', 'tutto', 'primi', 'prime', 'ultimi',
    'ultime', 'soli', 'sole', 'anni', 'dopo', 'prima', 'entro', 'verso', 'presso', 'senza', 'contro',
    'sotto', 'sopra',
}  # fmt: skip

# Second words of lexicalised units ("posti letto", "nuclei familiari", "Unità mobili").
COMPOUND_SECOND = {
    'letto', 'familiari', 'familiare', 'mobili', 'mobile', 'professionali', 'professionale', 'asilo',
    'lavoro', 'famiglia', 'abitative', 'abitativi', 'stranieri', 'sociali',
}  # fmt: skip
COMPOUND_AFTER_DI = {"strada", "accoglienza", "formazione", "lavoro", "ascolto", "orientamento"}
ADJECTIVE_ENDINGS = (
    'ane', 'ani', 'ali', 'ari', 'anti', 'enti', 'ini', 'ine', 'ivi', 'ive', 'ici', 'iche', 'esi', 'eri',
    'ieri', 'ee', 'ei',
)  # fmt: skip
QUALIFIERS = (
    'poco più di', 'poco meno di', 'più di', 'meno di', 'oltre', 'circa', 'ben', 'quasi', 'almeno',
    'fino a', 'sino a', 'intorno a', 'intorno ai', 'intorno alle', 'attorno a', 'attorno ai',
    'attorno alle', 'appena', 'soltanto', 'solo', 'addirittura', 'pressoché', "all'incirca",
    'approssimativamente', 'oltre a',
)  # fmt: skip
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[^\w']))(" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
# "un centinaio di", "una decina di": approximate round numbers.
APPROX = {
    'decina': 10, 'dozzina': 12, 'quindicina': 15, 'ventina': 20, 'trentina': 30, 'quarantina': 40,
    'cinquantina': 50, 'sessantina': 60, 'settantina': 70, 'ottantina': 80, 'novantina': 90, 'centinaio':
    100, 'migliaio': 1000,
}  # fmt: skip
MULTIPLIERS = {
    'mila': 1000, 'mln': 1000000, 'milioni': 1000000, 'milione': 1000000, 'miliardi': 1000000000,
    'miliardo': 1000000000, 'mld': 1000000000,
}  # fmt: skip
_NUMBER_WORD_RE = re.compile(
    r"(?:due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici"
    r"|diciassette|diciotto|diciannove|venti|vent|trenta|trent|quaranta|quarant|cinquanta|cinquant|sessanta"
    r"|sessant|settanta|settant|ottanta|ottant|novanta|novant|cento|mille|mila|uno|un|tré)+"
)
_STREET_WORDS = {
    'via', 'viale', 'corso', 'piazza', 'piazzale', 'largo', 'vicolo', 'strada', 'località', 'loc',
    'contrada', 'lungomare', 'p.zza', 'v.le', 'civico', 'n', 'nr', 'tel', 'telefono', 'cell', 'fax',
    'numero', 'verde', 'cap', 'interno', 'scala', 'km',
}  # fmt: skip
_PEOPLE_UNITS = {
    'persone', 'beneficiari', 'utenti', 'migranti', 'famiglie', 'nuclei', 'minori', 'posti', 'alloggi',
    'cittadini', 'donne', 'bambini', 'ragazzi', 'studenti',
}  # fmt: skip


@dataclass(slots=True)
class _Tok:
    kind: str
    text: str
    start: int
    end: int


@lru_cache(maxsize=4096)
def word_value(word: str) -> int | None:
    """Value of an Italian number word (``sedici`` → 16, ``duecentocinquanta`` → 250), else None."""
    low = word.lower()
    if low in {"un", "uno", "una", "tré"} or not _NUMBER_WORD_RE.fullmatch(low):
        return None
    try:
        from text_to_num import text2num

        return int(text2num(low, "it"))
    except (ValueError, ImportError):
        return None


def _digits_value(raw: str) -> float | int | None:
    """Parse ``1.641.811``, ``450`` or ``1,5``; None for times, dates, codes and other shapes."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        return int(raw.replace(".", ""))
    if re.fullmatch(r"\d+", raw):
        if len(raw) > 1 and raw.startswith("0"):
            return None  # phone prefixes, codes
        return int(raw)
    if re.fullmatch(r"\d+,\d+", raw):
        return float(raw.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", raw):
        return float(raw.replace(".", "").replace(",", "."))  # 426.668,10
    return None


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.lastgroup or "", m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def unit_key(unit: str) -> str:
    """Key for comparing counted nouns: first word, accent-free, without final vowels (persona/persone)."""
    words = fold(unit).split()
    if not words:
        return ""
    return re.sub(r"[aeiou]+$", "", words[0]) or words[0]


def _is_sentence_start(tokens: list[_Tok], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in {".", "!", "?", ":", ";", "\n", "«", '"', "“", "(", "-", "–"}


def _in_name(text: str, tokens: list[_Tok], i: int) -> bool:
    """The number belongs to a name or an address: ``LgNet2``, ``ASL Roma 1``, ``Corso Vittorio 343``."""
    tok = tokens[i]
    if i > 0:
        prev = tokens[i - 1]
        if prev.end == tok.start and prev.kind in {"word", "num"}:
            return True  # glued: LgNet2, Roma2
        if prev.kind == "word" and prev.text[0].isupper() and prev.text.lower() not in STOP:
            qual = _QUALIFIER_RE.search(text[max(0, tok.start - 25) : tok.start])
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            counts = nxt is not None and nxt.kind == "word" and nxt.text.islower() and nxt.text not in STOP
            if not qual and not _is_sentence_start(tokens, i - 1) and not counts:
                return True
            if not qual and prev.text.lower() in _STREET_WORDS:
                return True
    for j in range(i - 1, max(-1, i - 6), -1):
        t = tokens[j]
        if t.kind == "word" and t.text.lower() in _STREET_WORDS:
            return True
        if t.kind == "word" and not t.text[0].isupper() or t.kind == "num" and tokens[j + 1].text == ",":
            break  # "via Nazionale 5, 30 volontari": the street has its own number
        if t.kind == "punct" and t.text not in {",", "."}:
            break
    glued = i + 1 < len(tokens) and tokens[i + 1].start == tok.end and tokens[i + 1].kind == "word"
    return glued and tokens[i + 1].text.lower() not in MULTIPLIERS  # 2a, 18enne, 3D


# Words after "alle 23" that make it a clock time, not 23 of something.
_TIME_AFTER = {
    'locali', 'italiane', 'italiana', 'circa', 'precise', 'esatte', 'in', 'e', 'di', 'del', 'della', 'ora',
    'ore', 'a', 'ad', 'alle', 'alla', 'quando', 'mentre', 'con', 'su', 'per', 'fino', 'sino', 'ed',
}  # fmt: skip
_TIME_BEFORE = re.compile(r"\b(?:alle|dalle|verso\s+le|entro\s+le|fino\s+alle|sino\s+alle|ore|le\s+ore)\s+$", re.I)


# Words after a number that are no counted noun: ordinals, "bis", fractions, weekdays, adverbs.
_NOT_UNITS = {
    'bis', 'ter', 'quater', 'così', 'primo', 'prima', 'secondo', 'terzi', 'terzo', 'quarti', 'quinti',
    'decimi', 'centesimi', 'metà', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato',
    'domenica', 'gradi', 'stelle', 'totali', 'totale', 'complessivi', 'complessive', 'complessivamente',
    'circa', 'fa', 'dopo', 'ormai', 'appena', 'finora', 'ancora', 'già', 'invece', 'quindi',
    'mentre', 'però', 'dunque', 'infatti', 'soltanto', 'solamente', 'scorso', 'scorsa', 'prossimo', 'prossima',
    'quali', 'quale', 'cui', 'precedenti', 'successivi', 'successive', 'seguenti',
}  # fmt: skip
_PRE_ADJECTIVES = {
    'distinte', 'distinti', 'diverse', 'diversi', 'nuove', 'nuovi', 'piccole', 'piccoli', 'giovani',
    'sole', 'soli', 'autoproclamate', 'autoproclamati', 'differenti', 'ulteriori', 'importanti', 'principali',
    'potenziali', 'presunti', 'presunte', 'sospetti', 'sospette',
}  # fmt: skip


_HOTLINES = {112, 113, 114, 115, 117, 118, 1500, 1515, 1522}  # "118 Romagna Soccorso": a service's name
_CURRENCIES = {"euro", "dollari", "dollaro", "sterline", "franchi", "yuan", "rubli"}
_BIG = {"mln", "milioni", "milione", "miliardi", "miliardo", "mld"}  # a bare amount in millions is money
_POSSESSIVES = {"suoi", "sue", "loro", "nostri", "nostre", "propri", "proprie", "vostri", "vostre", "miei", "mie"}


def _partitive(tokens: list[_Tok], k: int) -> int | None:
    """Index of the counted noun of ``dei suoi rifugi`` / ``delle navi`` starting at ``k``, if any."""
    if tokens[k].text.lower() not in {"dei", "delle", "degli"}:
        return None
    k += 1
    if k < len(tokens) and tokens[k].text.lower() in _POSSESSIVES:
        k += 1
    if k < len(tokens) and tokens[k].kind == "word" and tokens[k].text.islower() and tokens[k].text not in STOP:
        low = tokens[k].text
        if low not in EXCLUDED_UNITS and low not in _NOT_UNITS and len(low) > 2:
            return k
    return None


def _money_before(text: str, start: int) -> bool:
    """``€ 426.668,10``, ``€1.500``."""
    return bool(re.search(r"€\s?$", text[max(0, start - 2) : start]))


def _is_place(word: str) -> bool:
    from rassegna.nlp.gazetteer import comuni, regions

    return fold(word) in comuni() or fold(word) in regions()


def _verb_like(word: str) -> bool:
    """A verb form where a noun should be: ``300 partiranno``, ``13 vanno``, ``sono``."""
    return len(word) > 3 and word.endswith(("anno", "ranno", "ono", "eranno", "iranno")) and not word.endswith("one")


def _amount(tokens: list[_Tok], i: int, value: float | int) -> tuple[float | int, int]:
    """A number with its multiplier and a compound rest: ``2 milioni e 900mila``, ``1,2 mld``, ``un milione e
    mezzo``; returns the value and the index of the first token after the amount (and an optional ``di``)."""
    n = len(tokens)
    j = i + 1
    mult = MULTIPLIERS[tokens[j].text.lower()]
    total = value * mult
    j += 1
    if j + 1 < n and tokens[j].text.lower() == "e":
        nxt = tokens[j + 1]
        if nxt.text.lower() == "mezzo":
            total, j = total + mult / 2, j + 2
        else:
            rest = _digits_value(nxt.text) if nxt.kind == "num" else word_value(nxt.text)
            rest_mult = MULTIPLIERS.get(tokens[j + 2].text.lower(), 1) if j + 2 < n else 1
            if rest is not None and rest_mult < mult and (rest_mult > 1 or rest < 1000):
                total = total + rest * rest_mult
                j += 3 if rest_mult > 1 else 2
    if isinstance(total, float) and abs(total - round(total)) < 1e-6:
        total = int(round(total))  # 38,4 milioni: 38400000, not 38400000.000000004
    if j < n and tokens[j].text.lower() == "di":
        j += 1
    return total, j


def _not_a_count(text: str, tokens: list[_Tok], i: int) -> bool:
    """Model numbers (F-35, KC-135), ids and phone numbers, clock times (``alle 23 locali``, ``ore 15``)."""
    tok = tokens[i]
    if re.search(r"[^\W\d_]-$", text[max(0, tok.start - 2) : tok.start]):
        return True  # F-35, CF-18, Su-57
    if re.fullmatch(r"\d{7,}", tok.text):
        return True  # a post id, a phone number: counts are printed with thousands separators
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev and prev.kind == "num" and not text[prev.end : tok.start].strip():
        return True  # 06 6710 2345
    if nxt and nxt.kind == "num" and not text[tok.end : nxt.start].strip() and text[tok.end : nxt.start]:
        return True
    if (
        re.fullmatch(r"\d{1,2}", tok.text)
        and int(tok.text) <= 24
        and _TIME_BEFORE.search(text[max(0, tok.start - 14) : tok.start])
    ):
        if text[max(0, tok.start - 5) : tok.start].lower().strip() == "ore":
            return True
        low = nxt.text.lower() if nxt else ""
        if (
            nxt is None
            or nxt.kind != "word"
            or low in _TIME_AFTER
            or low in MONTHS
            or low in STOP
            or low.startswith(("sull", "dell", "nell", "all"))
        ):
            return True
    return False


def _is_range_or_date(text: str, tok: _Tok) -> bool:
    after = text[tok.end : tok.end + 2]
    before = text[max(0, tok.start - 2) : tok.start]
    return bool(re.match(r"[-–/]\d", after) or re.search(r"\d[-–/]$", before))


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier right before ``start`` (``oltre``, ``più di``) and where the mention then starts."""
    m = _QUALIFIER_RE.search(text[max(0, start - 30) : start])
    if not m:
        return None, start
    return m.group(1).lower(), max(0, start - 30) + m.start(1)


def _elided_unit(text: str, start: int) -> str | None:
    """``Il Comune di Taranto è tra i sedici``: the noun left out, from earlier in the sentence."""
    window = text[max(0, start - 200) : start]
    window = re.split(r"[.!?]\s", window)[-1]
    if re.search(r"\bcomun[ei]\b", window, re.IGNORECASE):
        return "Comuni"
    if re.search(r"\bcittà\b", window, re.IGNORECASE):
        return "città"
    return None


def _mentions(text: str) -> list[tuple[float | int, str, str | None, str, int]]:
    """All (value, unit, qualifier, text, start) mentions in a normalised text, in order."""
    tokens = _tokens(text)
    found = []
    ranges: list[tuple[float | int, int, int, bool]] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        value: float | int | None = None
        j = i + 1  # index of the first token after the number
        approx = False
        if tok.kind == "num":
            if _is_range_or_date(text, tok):
                i += 1
                continue
            value = _digits_value(tok.text)
            if value is None or _not_a_count(text, tokens, i):
                i += 1
                continue
            if j < n and tokens[j].kind == "word" and tokens[j].text.lower() in MULTIPLIERS:
                value, j = _amount(tokens, i, value)
            elif _in_name(text, tokens, i):
                i += 1
                continue
        elif tok.kind == "word":
            low = tok.text.lower()
            if low in APPROX and i > 0 and tokens[i - 1].text.lower() in {"un", "una"}:
                value = APPROX[low]
                approx = True
                if j < n and tokens[j].text.lower() == "di":
                    j += 1
                start_override = tokens[i - 1].start
            else:
                value = word_value(tok.text)
                if (
                    value is None
                    and low in {"un", "uno"}
                    and j < n
                    and tokens[j].text.lower() in {"milione", "miliardo"}
                ):
                    value = 1  # "un milione di euro"
                if value is None:
                    i += 1
                    continue
                if tok.text[0].isupper() and not _is_sentence_start(tokens, i):
                    i += 1  # a name: "Tre Valli", "Cento"
                    continue
                if j < n and tokens[j].kind == "word" and tokens[j].text.lower() in MULTIPLIERS:
                    value, j = _amount(tokens, i, value)
        else:
            i += 1
            continue
        # Year? Percentage?
        if tok.kind == "num" and isinstance(value, int) and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", tok.text):
            nxt = tokens[j].text.lower() if j < n else ""
            if nxt not in _PEOPLE_UNITS:
                i += 1
                continue
        rest = text[tokens[j - 1].end : tokens[j - 1].end + 12].lower() if j - 1 < n else ""
        pct = re.match(r"\s*(?:%|per\s*cento\b|percento\b)", rest)
        if pct:  # a percentage: unit "%", a printed minus kept ("-15,2%")
            qualifier, start = _qualifier(text, tok.start)
            if re.search(r"(?:^|[\s(])[-−]$", text[max(0, tok.start - 2) : tok.start]):
                value, start = -value, tok.start - 1
            end = tokens[j - 1].end + pct.end()
            found.append((value, "%", qualifier, text[start:end], start))
            while j < n and tokens[j].start < end:
                j += 1
            i = j
            continue
        # Optional article after the number: "sono oltre cento i nuclei familiari".
        k = j
        if k < n and tokens[k].text.lower() in {"i", "gli", "le"}:
            k += 1
        unit = None
        end = None
        # An adverb or a descriptive adjective before the noun: "quattro gravemente ferite", "8 distinte imbarcazioni"
        while (
            k + 1 < n
            and tokens[k].kind == "word"
            and (
                tokens[k].text.lower().endswith("mente")
                and len(tokens[k].text) > 6
                or tokens[k].text.lower() in _PRE_ADJECTIVES
            )
            and tokens[k + 1].kind == "word"
        ):
            k += 1
        if k < n and tokens[k].kind == "word" and tokens[k].text.lower() in {"punti", "punto"}:
            nxt = tokens[k + 1].text.lower() if k + 1 < n else ""
            signed = text[max(0, tok.start - 1) : tok.start] in {"+", "-", "−"}
            if nxt.startswith("percentual") or signed:
                end = tokens[k + 1].end if nxt.startswith("percentual") else tokens[k].end
                qualifier, start = _qualifier(text, tok.start)
                found.append((value, "punti percentuali", qualifier, text[start:end], start))
                i = k + 2
                continue
        # "381 mln resi", "3 miliardi di Tltro": after millions, only "di" + a common noun or a currency is a unit
        millions = any(i < x < j and tokens[x].text.lower() in _BIG for x in (j - 1, j - 2))
        counted = k < n and tokens[k].kind == "word" and tokens[k].text.lower() not in _CURRENCIES
        if millions and counted and (tokens[j - 1].text.lower() != "di" or not tokens[k].text.islower()):
            k = n  # no counted noun: the money branch below makes it euro
        if k < n and tokens[k].kind == "word":
            w = tokens[k].text
            low = w.lower()
            if low in EXCLUDED_UNITS or low in MONTHS or low in _NOT_UNITS or _verb_like(low):
                i = k + 1
                continue
            if w[0].isupper() and not _is_sentence_start(tokens, k) and (_is_place(w) or value in _HOTLINES):
                i = k + 1  # "118 Romagna", "ASL Roma 2": part of a name
                continue
            if low == "di" and k + 2 < n and tokens[k + 1].text.lower() == "minore":
                unit, end = "minori", tokens[k + 2].end
            elif low not in STOP and len(w) > 1:
                unit, end = w, tokens[k].end
                nxt = tokens[k + 1].text if k + 1 < n and tokens[k + 1].kind == "word" else ""
                nlow = nxt.lower()
                if nxt and tokens[k + 1].start != end + 1:
                    pass
                elif nlow == "di" and k + 2 < n and tokens[k + 2].text.lower() in COMPOUND_AFTER_DI:
                    unit, end = f"{w} di {tokens[k + 2].text}", tokens[k + 2].end
                elif nlow in COMPOUND_SECOND:
                    unit, end = f"{w} {nxt}", tokens[k + 1].end
                elif nxt.islower() and nlow not in STOP and nlow.endswith(ADJECTIVE_ENDINGS) and len(nxt) > 4:
                    end = tokens[k + 1].end
        elif k < n and tokens[k].text == "%":
            i = k + 1
            continue
        ratio = re.match(r"\s+su\s+(\d+|[^\W\d_]+)\b", text[end : end + 20]) if end is not None else None
        if ratio and (ratio.group(1).isdigit() or word_value(ratio.group(1)) is not None):
            i = k + 1  # "due persone su tre": a proportion
            continue
        if unit is not None and unit.lower() in PARTICIPLES:
            i = k + 1
            continue
        if unit is None and not approx and (k >= n or tokens[k].kind == "punct"):
            qualifier, start = _qualifier(text, tok.start)
            m = _UNIT_BEFORE_RE.search(text[max(0, start - 80) : start])
            if m and m.group(1).lower() not in STOP:
                found.append((value, m.group(1), qualifier, text[start : tokens[j - 1].end], start))
                i = j
                continue
        big = millions
        if unit is None and k < n and not big:
            part = _partitive(tokens, k)
            if part is not None:  # "quattro delle sue navi", "150 dei suoi rifugi"
                qualifier, start = _qualifier(text, tok.start)
                found.append((value, tokens[part].text, qualifier, text[start : tokens[part].end], start))
                i = part + 1
                continue
            if k + 1 < n and tokens[k].text.lower() in {"a", "e", "o"} and tokens[k - 1].kind != "punct":
                nxt = k + 1 + (tokens[k + 1].text.lower() in {"i", "le", "gli"})
                if nxt < n and tokens[nxt].kind in {"num", "word"} and tokens[nxt].start - tokens[k].end <= 4:
                    ranges.append((value, tok.start, tokens[nxt].start, j - 1 > i))  # "da 6 a 16 posti"
        if unit is None and (big or _money_before(text, tok.start)):
            qualifier, start = _qualifier(text, tok.start)  # "445 mln dei fondi", "€ 426.668,10": money
            end_tok = tokens[j - 1] if tokens[j - 1].text.lower() != "di" else tokens[j - 2]
            found.append((value, "euro", qualifier, text[start : end_tok.end], start))
            i = j
            continue
        if unit is None:
            before = text[max(0, tok.start - 10) : tok.start].lower()
            m = re.search(r"\b(?:tra|fra) (?:i|le) $|\b(?:uno|una) (?:dei|delle) $", before)
            if m and tok.kind == "word" or (m and tok.kind == "num"):
                elided = _elided_unit(text, tok.start)
                if elided:
                    s = tok.start - (len(before) - m.start())
                    found.append((value, elided, None, text[s : tok.end], s))
            i = j
            continue
        qualifier, start = _qualifier(text, start_override if approx else tok.start)
        if approx:
            qualifier = qualifier or "circa"
        else:
            m = re.search(r"\b(altri|altre)\s+$", text[max(0, start - 8) : start], re.IGNORECASE)
            if m:
                start = start - (len(text[max(0, start - 8) : start]) - m.start())
        found.append((value, unit, qualifier, text[start:end], start))
        i = k + 1
    # The first number of a range or a pair takes the unit of the second: "da 6 a 16 posti", "7 e 13 voti".
    by_start = {f[4]: f for f in found}
    for value, start, second_at, has_mult in ranges:
        second = next((f for f in found if f[4] <= second_at < f[4] + len(f[3])), None)
        if second is None or second[1] == "%":
            continue
        mult = next((m for w, m in MULTIPLIERS.items() if re.search(r"\b" + w + r"\b", second[3].lower())), 1)
        full = value * mult if not has_mult and mult > 1 else value
        if isinstance(full, float) and abs(full - round(full)) < 1e-6:
            full = int(round(full))
        if start not in by_start:
            found.append((full, second[1], None, text[start : second[4] + len(second[3])], start))
    found.sort(key=lambda f: f[4])
    return found


def extract_figures(text: str) -> list[Figure]:
    """Figures of a text, one per (value, counted noun); qualifier and text from the most specific mention."""
    norm = normalise(text)
    best: dict[tuple[float | int, str], tuple[tuple[int, int], Figure, int]] = {}
    order: list[tuple[float | int, str]] = []
    for value, unit, qualifier, _mention, start in _mentions(norm):
        key = (value, unit_key(unit))
        mention = text[start : start + len(_mention)]
        fig = Figure(value=value, unit=unit, qualifier=qualifier, text=mention)
        score = (qualifier is not None, len(mention))
        if key not in best:
            order.append(key)
            best[key] = (score, fig, start)
        elif score > best[key][0]:
            best[key] = (score, fig, best[key][2])
    return [best[k][1] for k in order]
