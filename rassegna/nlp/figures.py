"""Figures: the quantities an article reports (``oltre 450 persone``), in digits or Italian words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress

from rassegna.domain import Figure
from rassegna.nlp.figure_model import FigureModel, Told, Unread, load_figure_model
from rassegna.nlp.textutil import LETTERS_RE, alternation, fold, normalise, unit_key
from rassegna.text.italian import MONTH_NUMBERS

# A token is a number in digits, a word or one punctuation mark; everything between tokens is space (or "_").
# Splitting on the pattern (one capturing group) gives the gaps and the tokens in turn, as strings, with no Match
# object per token: a text has hundreds of tokens and the reader looks at the few around a number.
# Words come first: they are most tokens, and the three kinds start with different characters (a letter, a digit,
# a mark), so the order does not change what is found.
_TOKEN_SPLIT_RE = re.compile(r"([^\W\d_]+|\d+(?:[.,:/]\d+)*|[^\w\s])")
# Punctuation that often closes a word ("parole," "fine."): :func:`_split_tokens` splits such words without the regex.
_CLOSING_MARKS = frozenset(",.:;")

MONTHS = frozenset(MONTH_NUMBERS)  # month names and abbreviations: a number before one is a date

# Counted nouns that make a number something other than a figure.
EXCLUDED_UNITS = {
    'anni', 'anno', 'mesi', 'mese', 'giorni', 'giorno', 'settimane', 'settimana', 'ore', 'ora', 'minuti',
    'minuto', 'secondi', 'secondo', 'decenni', 'decennio', 'secoli', 'secolo', 'notti', 'ambiti', 'ambito',
    'fronti', 'fronte', 'assi', 'asse', 'fasi', 'fase', 'livelli', 'livello', 'pilastri', 'obiettivi',
    'target', 'edizioni', 'edizione', 'volte', 'volta', 'parole', 'parola', 'righe', 'caratteri',
    'percento', 'cento', 'tappe', 'tappa', 'direttrici',
    'linee', 'aree', 'azioni', 'macro', 'categorie', 'tipologie', 'tipi', 'modi', 'motivi', 'ragioni',
    'articolo', 'articoli', 'comma', 'capitolo', 'lotto', 'lustri', 'sere', 'sera', 'serate',
    'mattine', 'mattina', 'mattinate', 'pomeriggi', 'pomeriggio', 'nottate', 'notte', 'giornate', 'giornata',
    'trimestri', 'trimestre', 'semestri', 'semestre', 'bienni', 'biennio', 'trienni', 'triennio',
    'quinquennio', 'weekend', 'domeniche', 'sabati', 'festivi', 'feriali', 'annualità', 'stagioni', 'stagione',
    'puntata', 'turno',
}  # fmt: skip
# Participles after a number ("430 presi in carico"): the counted noun is left out, the mention is not a unit.
PARTICIPLES = {
    f"{stem}{end}"
    for stem in (
        'pres', 'coinvolt', 'raggiunt', 'accolt', 'seguit', 'incontrat', 'contattat', 'ospitat', 'inserit',
        'accompagnat', 'intercettat', 'agganciat', 'aiutat', 'sostenut', 'format', 'attivat', 'realizzat',
        'avviat', 'orientat', 'supportat', 'trattat', 'visitat', 'censit', 'registrat', 'segnalat',
        'assegnat', 'collocat', 'alloggiat', 'impegnat', 'coinvolt', 'beneficiat', 'accoglient',
        'dedicat', 'destinat', 'riservat', 'preventivat', 'previst', 'tentat', 'portat',
    )
    for end in ('i', 'e', 'o', 'a')
}  # fmt: skip
# "i beneficiari sono stati oltre mille", "il numero degli elettori scende a 1008", "le strutture complesse, che
# passeranno da 14 a 17": the counted noun before the verb, the number closing the clause.
_UNIT_BEFORE_RE = re.compile(
    r"\b(?:i|gli|le|dei|degli|delle|numero\s+(?:(?:totale|complessivo)\s+)?d(?:i|ei|egli|elle))\s+"
    r"(?:(?:nuov|altr)[ie]\s+)?([^\W\d_]{3,})"  # "I nuovi assunti saranno 30": past the adjective
    # "le persone accolte nel 2022 sono state 540": words, and a year, between the noun and its verb
    r"(?:\s+(?:[^\W\d_]+['’])?(?:[^\W\d_]+|(?:19|20)\d\d\b|\d+(?:,\d+)?%)){0,8}?"
    # "I corsi, che partiranno nel 2026, saranno oltre 600": a relative clause between commas
    r"(?:\s*,\s*(?:che|i\s+quali|le\s+quali)\s[^,.;:!?()]{1,60},|\s*,\s*che)?\s+(?:sono|erano|saranno|risultano(?:\s+essere)?|si\s+(?:è\s+|sono\s+)?attest[a-z]+|"
    r"scende|scendono|sale|salgono|passa|passano|passeranno|"
    r"arriva|arrivano|ammonta|ammontano|diventano|diventeranno|è|era|sarà|"
    # "le presenze hanno superato quota 50mila": a threshold passed
    r"(?:ha|hanno|avevano|aveva)\s+(?:superato|raggiunto|toccato|sfiorato|oltrepassato)(?:\s+(?:quota|le|i|gli))?)"
    r"(?:\s+stat[ieao])?"
    r"(?:\s+(?:[a-zà-ù]{4,}mente|in\s+tutto|finora|già|quindi|ora|così|dunque|adesso|oggi|ormai|ancora))?"
    # "i morti sono saliti a 12", "il numero dei positivi è salito a 1.250"
    r"(?:\s+(?:salit|sces|arrivat|passat|aumentat|cresciut|diminuit|calat|lievitat)[ieao])?"
    r"(?:\s+(?:a|di|da\s+\S+\s+a|a\s+quota|pari\s+a))?(?:\s*:)?\s+$",  # "sono aumentate: 340 nel 2023"
    re.IGNORECASE,
)
# "aumento di posti letto, pari a 123", "Di posti letto, in ospedale, 29 in più": the noun leads the clause.
_UNIT_LEADS_RE = re.compile(
    r"(?:^|[\s(])[Dd]i\s+([a-zà-ù]{3,})(?:\s+(letto|familiari|sociali)|\s+[a-zà-ù]{4,})?\s*,[^.!?;:\d]{0,40}?"
    r"(?:pari\s+a\s+)?$"
)
# "le postazioni di ricarica, sette in totale": the noun phrase, then its count; "gli stipendi arretrati (ben
# cinque)": the count in brackets right after its noun.
_NOUN_THEN_COUNT_RE = re.compile(
    r"\b(?:i|gli|le)\s+(?:(?:nuov|altr|vecch)[ie]\s+)?([a-zà-ù]{4,})"
    r"(?:(?:\s+[a-zà-ù'’]+){0,6},\s*|(?:\s+[a-zà-ù]{4,})?\s+(\())$"
)
# "I volontari, circa 40, hanno pulito": the count between commas right after its noun and article.
_APPOSITION_RE = re.compile(r"\b(?:i|gli|le|I|Gli|Le)\s+([^\W\d_]{4,}),\s*$")
# "I voti contrari sono 140, gli astenuti 16.": a list of results, each noun before its number.
# "I pacchi sono 120 e le richieste pervenute circa 140": after "e", the noun and its participle.
_LISTED_BEFORE_RE = re.compile(
    r"(?:[,;]|\be|\bed)\s+(?:i|gli|le)\s+([a-zà-ù]{4,})(?:\s+[a-zà-ù]{3,}(?:at|it|ut|ess|ers|ost)[ieao])?\s+$"
)
# "1.577 utenti. Quest'anno sono stati 3.276": a clause with no subject takes the previous figure's unit.
# "(lo scorso anno erano 1172)": a bracketed comparison too.
_SAME_UNIT_RE = re.compile(
    r"(?:(?:^|[.;]\s+)(?:[^\W\d_']+'?\s*){0,2}(?:sono|erano)\s+stat[ie]"
    r"|\((?:[^\W\d_']+'?\s*){0,4}(?:sono|erano|era|erano\s+stat[ie])"
    # "Nel 2021 erano 21, si passa a 35": a clause that only moves the figure just told
    r"|(?:^|[,;.:]\s+)(?:(?:e|ma|poi|ora|oggi|adesso|quindi)\s+)?(?:si\s+)?"
    r"(?:passa|passano|sale|salgono|scende|scendono)\s+a"
    # "erano 320 nel 2010, oggi sono 210": the same noun, now
    r"|(?:^|[,;]\s+)(?:(?:e|ma|mentre)\s+)?(?:oggi|ora|adesso|attualmente|quest['’]anno)\s+(?:sono|erano|saranno))\s+$",
    re.IGNORECASE,
)
# "per un totale di 650", "ce n'erano circa 4mila", "noi ne abbiamo 11": the noun of the figure just told.
_TOTAL_OF_SAME_RE = re.compile(
    r"(?:\b(?:un|il)\s+totale\s+di|\bn(?:e\s+|['’])(?:erano|sono|è|era|abbiamo|hanno|ha|avevamo|restano|"
    r"rimangono|mancano|servono|servirebbero|arrivano|arriveranno)"
    # "e ne ha denunciati 20", "se ne sono aggiunti più di 12 mila"
    r"(?:\s+(?:[^\W\d_]+at[ieo]|[^\W\d_]+ut[ieo]|[^\W\d_]+it[ieo]|[^\W\d_]+unt[ieo]))?"
    # "spendeva 100 euro, ora deve sborsarne 145": an infinitive with "ne" glued to it
    r"|\b[^\W\d_]{3,}(?:arne|irne|urne)|\b[^\W\d_]{2,}(?:tterne|nderne|ederne|averne)"
    # "da 6 a 16 posti … per portarla a 32": an infinitive with an object pronoun, moved to a new value
    r"|\b[^\W\d_]{3,}(?:ar|er|ir)(?:lo|la|li|le)\s+(?:a|fino\s+a))\s+$",
    re.IGNORECASE,
)
# Words after a number that close its clause: "pari a 123 totali", "29 in più".
_CLAUSE_CLOSERS = {
    'totali', 'totale', 'complessivi', 'complessive', 'complessivamente', 'così', 'mentre', 'rispetto', 'contro',
    'con',
}  # fmt: skip

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
    'ne', 'ci', 'si', 'vi', 'mi', 'ti', 'ecc', 'etc', 'tutto', 'primi', 'prime', 'ultimi',
    'ultime', 'soli', 'sole', 'anni', 'dopo', 'prima', 'entro', 'verso', 'presso', 'senza', 'contro',
    'sotto', 'sopra', 'all', 'dall', 'dell', 'nell', 'sull', 'coll', 'ad',
}  # fmt: skip

# Second words of lexicalised units ("posti letto", "nuclei familiari", "Unità mobili").
COMPOUND_SECOND = {
    'letto', 'familiari', 'familiare', 'mobili', 'mobile', 'professionali', 'professionale', 'asilo',
    'lavoro', 'famiglia', 'abitative', 'abitativi', 'stranieri', 'sociali', 'diritto',
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
# (grouped by first letter, each group in its order: the same matches; opening on a lookbehind, not on "^" or one)
_QUALIFIER_RE = re.compile(
    r"(?<![\w'])(" + alternation(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+$",
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
    'numero', 'verde', 'cap', 'interno', 'scala', 'km', 'chilometro', 'kilometro',
}  # fmt: skip
# Words whose number names a law, an act or a part of a document: "legge 194", "delibera 45", "allegato 2".
_REFERENCE_WORDS = {
    'legge', 'decreto', 'articolo', 'art', 'comma', 'delibera', 'determina', 'ordinanza', 'sentenza',
    'circolare', 'regolamento', 'protocollo', 'mozione', 'emendamento', 'pagina', 'capitolo', 'padiglione',
    'binario', 'pag', 'fig', 'tabella', 'allegato', 'paragrafo', 'modello', 'missione', 'fase',
}  # fmt: skip
_PEOPLE_UNITS = {
    'persone', 'beneficiari', 'utenti', 'migranti', 'famiglie', 'nuclei', 'minori', 'posti', 'alloggi',
    'cittadini', 'donne', 'bambini', 'ragazzi', 'studenti', 'visitatori', 'abitanti', 'residenti', 'lavoratori',
    'dipendenti', 'presenze', 'iscritti', 'spettatori', 'partecipanti', 'volontari', 'euro', 'domande', 'firme',
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


# The shapes of a number in digits, compiled once: the reader parses one or more at every number.
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DIGITS_RE = re.compile(r"\d+")
_DECIMAL_RE = re.compile(r"\d+,\d+")
_THOUSANDS_DECIMAL_RE = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")


@lru_cache(maxsize=4096)
def _digits_value(raw: str) -> float | int | None:
    """Parse ``1.641.811``, ``450`` or ``1,5``; None for times, dates, codes and other shapes."""
    if _THOUSANDS_RE.fullmatch(raw):
        return int(raw.replace(".", ""))
    if _DIGITS_RE.fullmatch(raw):
        if len(raw) > 1 and raw.startswith("0"):
            return None  # phone prefixes, codes
        return int(raw)
    if _DECIMAL_RE.fullmatch(raw):
        return float(raw.replace(",", "."))
    if _THOUSANDS_DECIMAL_RE.fullmatch(raw):
        return float(raw.replace(".", "").replace(",", "."))  # 426.668,10
    return None


def _token_kind(token: str) -> str:
    """``num``, ``word`` or ``punct``: digits make a number, a letter a word (the token pattern's classes)."""
    first = token[0]
    return "num" if first.isdecimal() else "word" if first.isalnum() else "punct"


def _split_tokens(text: str) -> list[str]:
    """``_TOKEN_SPLIT_RE.split(text)``, the same list, built from the text's words between single spaces: a word of
    letters only is one token, and so are its letters before a closing comma or full stop, or either side of an
    elision ("l'anno"); the regex splits only the other words. Each regex match costs the engine thousands of
    instructions (three quarters of the text's words are letters only), a word read here a few hundred."""
    parts: list[str] = []
    append = parts.append
    gap = ""  # the space (and "_") before the next token, pending
    for chunk in text.split(" "):
        if chunk.isalpha():  # (letters only: one run of [^\W\d_], between spaces)
            append(gap)
            append(chunk)
            gap = " "
        elif chunk[:-1].isalpha() and chunk[-1] in _CLOSING_MARKS:
            parts += (gap, chunk[:-1], "", chunk[-1])
            gap = " "
        elif chunk:
            head, apostrophe, tail = chunk.partition("'")
            if apostrophe and head.isalpha() and tail.isalpha():
                parts += (gap, head, "", "'", "", tail)
                gap = " "
                continue
            split = _TOKEN_SPLIT_RE.split(chunk)
            if len(split) > 1:
                split[0] = gap + split[0]
                gap = split.pop() + " "
                parts += split
            else:
                gap += chunk + " "  # only gap characters ("_", a newline)
        else:
            gap += " "  # two spaces in a row
    append(gap[:-1])  # (every word added the space after it: the last has none)
    return parts


class _Tokens(dict[int, _Tok]):
    """The tokens of a text by index, each made when first read: the reader only looks at the few around a number.
    ``len()`` is the number of tokens of the text; ``texts`` holds every token's string."""

    __slots__ = ("texts", "_parts", "_ends")

    def __init__(self, text: str) -> None:
        super().__init__()
        self._parts = _split_tokens(text)  # gap, token, gap, token, …, gap
        self.texts: list[str] = self._parts[1::2]
        self._ends: list[int] | None = None  # where each part ends, computed when a first token is made

    def __len__(self) -> int:
        return len(self.texts)

    def __missing__(self, i: int) -> _Tok:
        tok_text = self.texts[i]  # an IndexError past the end, as for a list; a negative index counts from the end
        if self._ends is None:
            self._ends = list(accumulate(map(len, self._parts)))
        part = 2 * (i if i >= 0 else i + len(self.texts)) + 1
        tok = self[i] = _Tok(_token_kind(tok_text), tok_text, self._ends[part - 1], self._ends[part])
        return tok


def _is_sentence_start(tokens: _Tokens, i: int) -> bool:
    return i == 0 or tokens[i - 1].text in {".", "!", "?", ":", ";", "\n", "«", '"', "“", "(", "-", "–"}


def _glued_by_typo(text: str, prev: _Tok, tok: _Tok) -> bool:
    """A lower-case "a" or "e" glued to a number of two digits or more is a missing space ("pari a2.073", "e12
    feriti"); "a2" stays a name."""
    return prev.text in {"a", "e"} and len(tok.text) > 1 and (prev.start == 0 or text[prev.start - 1].isspace())


_MEASURE_ABBREVIATIONS = frozenset({"kg", "gr", "mq", "mc", "lt", "ml"})


def _measure_before(tokens: _Tokens, i: int) -> str | None:
    """``kg 2,5 di marijuana``, ``gr. 50``, ``mq 120``: the abbreviation of a unit of measure printed before the
    number (police and office prose), if any; ``km 75`` is a road marker, not among them."""
    j = i - 1
    if j >= 0 and tokens[j].text == "." and tokens[j].start == tokens[j - 1].end:
        j -= 1
    if j < 0 or tokens[j].kind != "word" or tokens[j].text.lower() not in _MEASURE_ABBREVIATIONS:
        return None
    if tokens[j].text.isupper():
        return None  # "LT 2": a code or a name
    if j > 0 and tokens[j - 1].kind == "num":
        return None  # "3 kg 2": the abbreviation belongs to the number before
    return tokens[j].text


def _numbered_count(tokens: _Tokens, i: int) -> bool:
    """``sequestrati n. 3 telefoni``, ``deferite nr. 2 persone``: in police and office prose ``n.`` before a number
    followed by a lower-case plural noun is a count, unless a law, an act or an address comes before it."""
    n = len(tokens)
    j = i - 1
    if j >= 0 and tokens[j].text == ".":
        j -= 1
    if j < 0 or tokens[j].text.lower() not in {"n", "nr"} or i + 1 >= n:
        return False
    nxt = tokens[i + 1]
    if nxt.kind != "word" or not nxt.text.islower() or nxt.text in STOP or nxt.text in EXCLUDED_UNITS:
        return False
    if nxt.text[-1] not in "ie" or nxt.text in MONTHS:
        return False
    before = tokens[j - 1].text.lower() if j > 0 else ""
    return before not in _REFERENCE_WORDS and before not in _STREET_WORDS and before not in {"al", "il", "del", "dal"}


def _share_after(text: str, tok: _Tok) -> bool:
    """The number is a share up to 100 printed with ``%`` or ``per cento`` (``Superbonus 110%`` stays a name)."""
    value = _digits_value(tok.text)
    return value is not None and value <= 100 and _PERCENT_AFTER_RE.match(text, tok.end) is not None


def _in_name(text: str, tokens: _Tokens, i: int) -> bool:
    """The number belongs to a name or an address: ``LgNet2``, ``ASL Roma 1``, ``Corso Vittorio 343``."""
    tok = tokens[i]
    if _measure_before(tokens, i):
        return False
    if i > 0:
        prev = tokens[i - 1]
        if prev.end == tok.start and prev.kind in {"word", "num"} and not _glued_by_typo(text, prev, tok):
            return True  # glued: LgNet2, Roma2
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if prev.kind == "word" and prev.text[0].isupper() and prev.text.lower() in _CURRENCIES:
            return False  # "di Euro 3,00 per gli adulti"
        titled = prev.kind == "word" and prev.text[0].isupper() and prev.text.lower() not in STOP
        if titled and nxt is not None and nxt.kind == "word" and nxt.text[0].isupper() and nxt.start == tok.end + 1:
            return True  # "Missione 1 Digitalizzazione", "Fase 2 Ripartenza": a numbered title
        if prev.kind == "word" and prev.text[0].isupper() and prev.text.lower() not in STOP:
            if _share_after(text, tok):
                return False  # "Pd 18,7%, Lega 17%": a name and its share, as in a list of results
            qual = _QUALIFIER_RE.search(text[max(0, tok.start - 25) : tok.start])
            counts = nxt is not None and nxt.kind == "word" and nxt.text.islower() and nxt.text not in STOP
            if not qual and not _is_sentence_start(tokens, i - 1) and not counts:
                return True
            if not qual and prev.text.lower() in _STREET_WORDS:
                return True
    if i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].text.lower() in _REFERENCE_WORDS:
        return True  # "la legge 194 compie", "il decreto 36"
    if i > 0 and tokens[i - 1].text.lower() in {"progetto", "programma", "piano"}:
        nxt_tok = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt_tok is None or nxt_tok.kind != "word" or not nxt_tok.text.islower():
            return True  # "il progetto 3031 COOPERA": a numbered name; but "grazie al progetto 64 persone"
    if _numbered_count(tokens, i):
        return False  # "sequestrati n. 3 telefoni": the clerk's "n." before a count
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
# "domani alle", "lunedì 18 gennaio dalle", "oggi pomeriggio verso le": a day told before the hour.
_DAY_BEFORE_TIME_RE = re.compile(
    r"\b(?:oggi|domani|ieri|stamattina|stasera|dopodomani|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
    r"|\d{1,2}\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre))"
    r"(?:\s+(?:mattina|pomeriggio|sera|notte))?\s*,?\s+(?:alle|dalle|verso\s+le|entro\s+le|fino\s+alle)\s+$",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(r"\b(?:alle|dalle|verso\s+le|entro\s+le|fino\s+alle|sino\s+alle|ore|le\s+ore)\s+$", re.I)


# Words after a number that are no counted noun: ordinals, "bis", fractions, weekdays, adverbs.
_NOT_UNITS = {
    'bis', 'ter', 'quater', 'così', 'primo', 'prima', 'secondo', 'terzi', 'terzo', 'quarti', 'quinti',
    'decimi', 'metà', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato',
    'domenica', 'stelle', 'totali', 'totale', 'complessivi', 'complessive', 'complessivamente',
    'circa', 'fa', 'dopo', 'ormai', 'appena', 'finora', 'ancora', 'già', 'invece', 'quindi',
    'mentre', 'però', 'dunque', 'infatti', 'soltanto', 'solamente', 'scorso', 'scorsa', 'prossimo', 'prossima',
    'quali', 'quale', 'cui', 'precedenti', 'successivi', 'successive', 'seguenti', 'grazie',
    'ieri', 'oggi', 'domani', 'stamani', 'stamattina', 'stasera', 'stanotte', 'dopodomani', 'altrieri',
    'attuali', 'attuale', 'odierni', 'odierne', 'iniziali', 'iniziale', 'finali', 'finale', 'correnti',
    'rispettivi', 'rispettive', 'stessi', 'stesse', 'medesimi', 'medesime',
    # round 9: adverbs, conjunctions and determiners are never the counted noun ("17 perché", "50 qui", "6,5 ogni")
    'perché', 'perchè', 'qui', 'qua', 'lì', 'là', 'ogni', 'insieme', 'pari', 'ndr', 'successivamente',
    'rispettivamente', 'ciascuno', 'ciascuna', 'ognuno', 'ognuna',
}  # fmt: skip
_PRE_ADJECTIVES = {
    'distinte', 'distinti', 'diverse', 'diversi', 'nuove', 'nuovi', 'piccole', 'piccoli', 'giovani',
    'sole', 'soli', 'autoproclamate', 'autoproclamati', 'differenti', 'ulteriori', 'importanti', 'principali',
    'potenziali', 'presunti', 'presunte', 'sospetti', 'sospette',
    # round 7: common adjectives put before the noun ("due tragici incidenti", "cinque grandi aziende")
    'grandi', 'grossi', 'grosse', 'gravi', 'gravissimi', 'gravissime', 'lunghi', 'lunghe', 'brevi', 'vecchi',
    'vecchie', 'veri', 'vere', 'tragici', 'tragiche', 'storici', 'storiche', 'numerosi', 'numerose', 'interi',
    'intere', 'prestigiosi', 'prestigiose', 'significativi', 'significative', 'rilevanti', 'ottimi', 'ottime',
    'bellissimi', 'bellissime', 'moderni', 'moderne', 'preziosi', 'preziose',
}  # fmt: skip


# After "4 giovani", a verb or a function word: the adjective was the counted noun.
_CLAUSE_GOES_ON = frozenset(
    STOP | {"sono", "erano", "saranno", "sarebbero", "hanno", "avevano", "avranno", "è", "era", "ha", "resta"}
)
_HOTLINES = {112, 113, 114, 115, 117, 118, 1500, 1515, 1522}  # "118 Romagna Soccorso": a service's name
_VOTES = {"sì": "voti favorevoli", "no": "voti contrari"}
_CURRENCIES = {"euro", "dollari", "dollaro", "sterline", "franchi", "yuan", "rubli"}
_BIG = {"mln", "milioni", "milione", "miliardi", "miliardo", "mld"}  # a bare amount in millions is money
_POSSESSIVES = {"suoi", "sue", "loro", "nostri", "nostre", "propri", "proprie", "vostri", "vostre", "miei", "mie"}


_DEMONSTRATIVES = frozenset({"questi", "queste", "quei", "quegli", "quelle", "tali"})


def _partitive(tokens: _Tokens, k: int) -> int | None:
    """Index of the counted noun of ``dei suoi rifugi`` / ``delle navi`` starting at ``k``, if any."""
    if tokens[k].text.lower() == "di" and k + 1 < len(tokens) and tokens[k + 1].text.lower() in _DEMONSTRATIVES:
        k += 1  # "due di questi progetti"
    elif tokens[k].text.lower() not in {"dei", "delle", "degli"}:
        return None
    k += 1
    if k < len(tokens) and tokens[k].text.lower() in _POSSESSIVES:
        k += 1
    if k + 1 < len(tokens) and (tokens[k].kind == "num" or word_value(tokens[k].text) is not None):
        k += 1  # "tre delle nove persone": the part counts the whole's noun
    if k < len(tokens) and tokens[k].kind == "word" and tokens[k].text.islower() and tokens[k].text not in STOP:
        low = tokens[k].text
        if low not in EXCLUDED_UNITS and low not in _NOT_UNITS and len(low) > 2:
            return k
    return None


_EURO_BEFORE_RE = re.compile(r"(?:€\.?|\beuro)\s?$", re.IGNORECASE)
_LONE_DIGIT_RE = re.compile(r"\d(?!\d|[.,]\d)")


def _money_before(text: str, start: int) -> bool:
    """``€ 426.668,10``, ``€1.500``, ``un totale di euro 2.100,00``; not an emission class (``i diesel Euro 4``):
    a single digit after the word euro is money only after a preposition (``di euro 5``) or a colon."""
    if not _EURO_BEFORE_RE.search(text[max(0, start - 6) : start]):
        return False
    if text[start - 1 : start].isspace() and _LONE_DIGIT_RE.match(text[start : start + 3]):
        return bool(_EURO_CLASS_OK_RE.search(text[max(0, start - 20) : start]))
    return True


# Words before "euro" that make the next single digit an amount: "di euro 5", "pari a euro 3", "Prezzo: euro 4".
_EURO_CLASS_OK_RE = re.compile(r"(?:\b(?:di|da|a|per|con|pari|in)|:)\s+euro\s+$", re.IGNORECASE)


def _is_place(word: str) -> bool:
    from rassegna.nlp.gazetteer import comuni, regions

    return fold(word) in comuni() or fold(word) in regions()


def _verb_like(word: str) -> bool:
    """A verb form where a noun should be: ``300 partiranno``, ``13 vanno``, ``sono``."""
    if len(word) > 5 and word.endswith(("iamo", "remo")):
        return True  # "Il 24 ospiteremo", "abbiamo"
    return len(word) > 3 and word.endswith(("anno", "ranno", "ono", "eranno", "iranno")) and not word.endswith("one")


def _whole(value: float | int) -> float | int:
    """A float that is a whole number up to rounding error (``16,1 mld`` → 16100000000) as an int."""
    if isinstance(value, float) and abs(value - round(value)) < 1e-9 * max(1.0, abs(value)):
        return int(round(value))
    return value


_THREE_DIGITS_RE = re.compile(r"\d{3}")
_ONE_THOUSANDS_GROUP_RE = re.compile(r"\d{1,3}\.\d{3}")


def _spaced(tokens: _Tokens, j: int) -> bool:
    """Token ``j`` follows the one before it after a single space (one amount printed in parts, no list)."""
    return tokens[j].start - tokens[j - 1].end == 1


def _hundreds_after(tokens: _Tokens, j: int, total: float | int) -> tuple[float | int, int]:
    """An amount's thousands with their hundreds printed after "mila" (``57 mila 293``), else unchanged."""
    if j < len(tokens) and _THREE_DIGITS_RE.fullmatch(tokens[j].text) and _spaced(tokens, j):
        after = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
        if after not in MULTIPLIERS and after not in {"%", "-", "–", "/"}:
            return total + int(tokens[j].text), j + 1
    return total, j


def _amount(tokens: _Tokens, j: int, value: float | int) -> tuple[float | int, int]:
    """A number with its multiplier and a compound rest: ``2 milioni e 900mila``, ``1,2 mld``, ``un milione e
    mezzo``, the multiplier at ``j``; returns the value and the index of the first token after the amount (and an
    optional ``di``)."""
    n = len(tokens)
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
            # "un milione e seicentomila", "17 milioni e 67.140,40": any smaller rest completes the amount
            if rest is not None and rest_mult < mult and rest * rest_mult < mult:
                total = total + rest * rest_mult
                j += 3 if rest_mult > 1 else 2
    elif j + 1 < n and mult > 1000 and tokens[j].kind == "num" and tokens[j + 1].text.lower() == "mila":
        rest = _digits_value(tokens[j].text)  # "1 milione 365mila euro": the thousands follow with no "e"
        if rest is not None and rest * 1000 < mult and _spaced(tokens, j):
            total, j = total + rest * 1000, j + 2
            total, j = _hundreds_after(tokens, j, total)  # "15 milioni 316 mila 433 euro"
    elif j < n and mult > 1000 and _ONE_THOUSANDS_GROUP_RE.fullmatch(tokens[j].text) and _spaced(tokens, j):
        rest = _digits_value(tokens[j].text)  # "1 milione 807.257 euro": the thousands in digits after "milione"
        after = tokens[j + 1].text.lower() if j + 1 < n else ""
        if isinstance(rest, int) and rest < mult and after not in MULTIPLIERS:
            total, j = total + rest, j + 1
    elif mult == 1000:
        total, j = _hundreds_after(tokens, j, total)  # "57 mila 293": the hundreds written after "mila"
    total = _whole(total)  # 38,4 milioni: 38400000, not 38400000.000000004
    if j < n and tokens[j].text.lower() == "di":
        j += 1
    return total, j


# Shapes _not_a_count looks at for every number in digits, compiled once.
_MODEL_DASH_RE = re.compile(r"[^\W\d_]-$")
_LONG_DIGITS_RE = re.compile(r"\d{7,}")
_ONE_OR_TWO_DIGITS_RE = re.compile(r"\d{1,2}")


_DALLE_ALLE_BEFORE_RE = re.compile(r"\bdalle\s+\d{1,2}(?:[.:,]\d\d)?\s+alle\s+$", re.I)


def _not_a_count(text: str, tokens: _Tokens, i: int) -> bool:
    """Model numbers (F-35, KC-135), ids and phone numbers, clock times (``alle 23 locali``, ``ore 15``)."""
    tok = tokens[i]
    if _MODEL_DASH_RE.search(text[max(0, tok.start - 2) : tok.start]):
        return True  # F-35, CF-18, Su-57
    if _LONG_DIGITS_RE.fullmatch(tok.text):
        return True  # a post id, a phone number: counts are printed with thousands separators
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev and prev.kind == "num" and not text[prev.end : tok.start].strip():
        return True  # 06 6710 2345
    if nxt and nxt.kind == "num" and not text[tok.end : nxt.start].strip() and text[tok.end : nxt.start]:
        return True
    if (
        _ONE_OR_TWO_DIGITS_RE.fullmatch(tok.text)
        and int(tok.text) <= 24
        and _TIME_BEFORE.search(text[max(0, tok.start - 14) : tok.start])
    ):
        if text[max(0, tok.start - 5) : tok.start].lower().strip() == "ore":
            return True
        if _DAY_BEFORE_TIME_RE.search(text[max(0, tok.start - 40) : tok.start]):
            return True  # "domani alle 12 comunicazioni del governo": a day, then its hour
        if _DALLE_ALLE_BEFORE_RE.search(text[max(0, tok.start - 20) : tok.start]):
            return True  # "dalle 8 alle 20 servizi aperti": the end of opening hours
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


_RANGE_AFTER_RE = re.compile(r"[-–/]\d")  # compiled once: looked at for every number in digits
_RANGE_BEFORE_RE = re.compile(r"\d[-–/]$")


def _is_range_or_date(text: str, tok: _Tok) -> bool:
    after = text[tok.end : tok.end + 2]
    before = text[max(0, tok.start - 2) : tok.start]
    return bool(_RANGE_AFTER_RE.match(after) or _RANGE_BEFORE_RE.search(before))


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier right before ``start`` (``oltre``, ``più di``) and where the mention then starts."""
    m = _QUALIFIER_RE.search(text[max(0, start - 30) : start])
    if not m:
        return None, start
    return m.group(1).lower(), max(0, start - 30) + m.start(1)


_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s")
_COMUNE_WORD_RE = re.compile(r"\bcomun[ei]\b", re.IGNORECASE)
_CITTA_WORD_RE = re.compile(r"\bcittà\b", re.IGNORECASE)


def _elided_unit(text: str, start: int) -> str | None:
    """``Il Comune di Taranto è tra i sedici``: the noun left out, from earlier in the sentence."""
    window = text[max(0, start - 200) : start]
    window = _SENTENCE_BREAK_RE.split(window)[-1]
    if _COMUNE_WORD_RE.search(window):
        return "Comuni"
    if _CITTA_WORD_RE.search(window):
        return "città"
    return None


SAME_UNIT = "\x00same"  # placeholder: the unit of the previous figure
SAME_MONEY = "\x00money"  # placeholder: the currency of the previous figure, if it is money
SAME_PARALLEL = "\x00parallel"  # placeholder: the unit of the previous figure if the two are told alike
SAME_MEASURE = "\x00measure"  # placeholder: the unit of measure of the previous figure, listed "N di X" alike
SAME_PART = "\x00part"  # placeholder: "di cui 22,5 di Pnrr": a part of the amount of money just told, in its millions
SAME_WHOLE = "\x00whole"  # placeholder: the unit of the figure just told, whose whole this number is ("7 su 9")
SAME_BARE_WHOLE = "\x00bare-whole"  # the same after a bare "su" ("28 Comuni su 47"): a whole only if no share's base
VOTES_OF = "\x00votes:"  # placeholder prefix: "e 17 favorevoli" after "25 voti contrari" is "voti favorevoli"


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure as the text mentions it: value, counted noun, qualifier, the words and where they start."""

    value: float | int
    unit: str
    qualifier: str | None
    text: str
    start: int
    told_before: bool = False  # "I tre feriti": a definite article before a small number word


@dataclass(frozen=True, slots=True)
class Number:
    """A number read at a token: its value, the token after it (and after ``di``), where the mention starts."""

    value: float | int
    after: int
    start: int
    approx: bool = False  # "una decina di": qualifier "circa"


@dataclass(frozen=True, slots=True)
class Range:
    """The first number of a range or a pair (``da 6 a 16 posti``), waiting for the second one's unit."""

    value: float | int
    start: int
    second_at: int
    has_multiplier: bool


@dataclass(frozen=True, slots=True)
class Step:
    """What reading at one token gave: a mention or none, a range or none, and the next token to read."""

    next: int
    mention: Mention | None = None
    range: Range | None = None
    unread: Unread | None = None  # a number read with no counted noun found: the figure model's to judge


@dataclass(frozen=True, slots=True)
class Unit:
    """The counted noun after a number and where it ends (``posti letto``)."""

    word: str
    end: int


_DOTTED_DECIMAL_RE = re.compile(r"\d+\.\d{1,2}")


def _magnitude_word(tokens: _Tokens, i: int) -> int | None:
    """Where "magnitudo" stands right before the number at ``i`` or right after it (past a "di"), if it does."""
    if i > 0 and tokens[i - 1].text.lower() == "magnitudo":
        return i - 1
    for k in (i + 1, i + 2):
        if k < len(tokens) and tokens[k].text.lower() == "magnitudo":
            return k
        if k < len(tokens) and tokens[k].text.lower() != "di":
            return None
    return None


def _digits_number(text: str, tokens: _Tokens, i: int) -> Number | None:
    """A number in digits at token ``i``, with its multiplier; None for dates, codes, times and names."""
    tok = tokens[i]
    if _is_range_or_date(text, tok):
        return None
    value = _digits_value(tok.text)
    j = i + 1
    split = _split_decimal(text, tokens, i)
    if split is not None:
        value, j = split
    elif _DOTTED_DECIMAL_RE.fullmatch(tok.text) and (
        j < len(tokens)
        and tokens[j].text.lower() in MULTIPLIERS
        or _PERCENT_AFTER_RE.match(text, tok.end)
        or _magnitude_word(tokens, i) is not None
    ):
        value = float(tok.text)  # "20.5 milioni", "59.6%", "magnitudo 4.6": a point where Italian prints a comma
    if value is None or _not_a_count(text, tokens, i):
        return None
    if j < len(tokens) and tokens[j].kind == "word" and tokens[j].text.lower() in MULTIPLIERS:
        value, j = _amount(tokens, j, value)
    elif j + 1 < len(tokens) and tokens[j].text.lower() == "i" and tokens[j + 1].text.lower() in _INVERTED_BIG:
        value, j = _amount(tokens, j + 1, value)  # "Sono 23 i milioni a bilancio": the press's inverted count
    elif _in_name(text, tokens, i):
        return None
    return Number(value, j, tok.start)


_INVERTED_BIG = frozenset({"milioni", "miliardi"})  # "23 i milioni", "2 i miliardi": that many millions, billions
_PERCENT_AFTER_RE = re.compile(r"\s?(?:%|per\s*cento\b|percento\b)", re.IGNORECASE)


# Units of measure and multipliers after which "5, 7" is one decimal number printed with a stray space.
_DECIMAL_UNITS = frozenset(
    MULTIPLIERS.keys()
    | {'chilogrammi', 'chili', 'kg', 'grammi', 'tonnellate', 'quintali', 'litri', 'metri', 'chilometri', 'ettari'}
)  # fmt: skip


def _split_decimal(text: str, tokens: _Tokens, i: int) -> tuple[float, int] | None:
    """``5, 7 chilogrammi``, ``1.616, 8 milioni``: a decimal comma followed by a stray space; the value and the
    index of the token after the decimals, or None."""
    if i + 3 >= len(tokens):
        return None
    comma, dec, unit = tokens[i + 1], tokens[i + 2], tokens[i + 3]
    if not (comma.text == "," and comma.start == tokens[i].end and dec.kind == "num" and len(dec.text) <= 2):
        return None
    if dec.start != comma.end + 1 or unit.text.lower() not in _DECIMAL_UNITS or not dec.text.isdigit():
        return None
    whole = _digits_value(tokens[i].text)
    if whole is None or isinstance(whole, float):
        return None
    return _whole(float(f"{whole}.{dec.text}")), i + 3


_ONE_MEASURE = frozenset({'chilo', 'chilogrammo', 'kg', 'quintale', 'etto', 'grammo'})  # fmt: skip


def _after_headline(tokens: _Tokens, i: int) -> bool:
    """A capitalised number word after a line with no full stop (a headline, a kicker: ``… la Prefettura  Trenta
    uomini``), followed by a lower-case noun, starts a sentence."""
    j = i + 1
    if i == 0 or tokens[i].start - tokens[i - 1].end < 2 or j >= len(tokens) or tokens[j].kind != "word":
        return False
    low = tokens[j].text
    if low.lower() in _BIG:
        return True  # "Un milione e seicentomila euro"
    return low.islower() and len(low) > 3 and low not in STOP and not _verb_like(low)


def _word_number(tokens: _Tokens, i: int) -> Number | None:
    """A number in words at token ``i``: ``sedici``, ``un centinaio di``, ``un milione e mezzo``."""
    tok, n, j = tokens[i], len(tokens), i + 1
    low = tok.text.lower()
    article = _rough_count_article(tokens, i) if low in APPROX else None
    if article is not None:  # "una ventina", "un’ottantina di posti letto", "un altro centinaio": a rough count
        j += 1 if j < n and tokens[j].text.lower() == "di" else 0
        return Number(APPROX[low], j, tokens[article].start, approx=True)
    value: float | int | None = word_value(tok.text)
    if value is None and low in _ONE_MILLION and j < n and tokens[j].text.lower() in {"milione", "miliardo"}:
        value = 0.5 if low == "mezzo" else 1  # "un milione di euro", "al milione di euro", "mezzo milione"
    if value is None and low in {"un", "uno"} and j < n and tokens[j].text.lower() in _ONE_MEASURE:
        value = 1  # "oltre un chilo di cocaina": one of a unit of measure is a quantity
    if value is None and low == "zero" and j < n and _none_of(tokens[j].text):
        value = 0  # "Zero candidati a sindaco", "zero medaglie": none is a figure; not "costo zero", "a zero ore"
    if value is None or tok.text[0].isupper() and not _is_sentence_start(tokens, i) and not _after_headline(tokens, i):
        return None  # not a number, or a name: "Tre Valli", "Cento"
    amount: float | int = value
    if j < n and tokens[j].kind == "word" and tokens[j].text.lower() in MULTIPLIERS:
        amount, j = _amount(tokens, j, value)
    elif value % 1000 == 0 and 1000 <= value < 1000000 and j + 1 < n and tokens[j].text.lower() == "e":
        rest_tok = tokens[j + 1]  # "mille e 400", "duemila e cinquecento": one amount, its hundreds after "e"
        rest = _digits_value(rest_tok.text) if rest_tok.kind == "num" else word_value(rest_tok.text)
        if isinstance(rest, int) and 1 < rest < 1000 and (j + 2 >= n or tokens[j + 2].text.lower() not in MULTIPLIERS):
            amount, j = value + rest, j + 2
    return Number(amount, j, tok.start)


_APOSTROPHES = frozenset({"'", "’"})


def _rough_count_article(tokens: _Tokens, i: int) -> int | None:
    """Where the article of a rough count's word at ``i`` stands: "una ventina", "un'altra cinquantina", "un altro
    centinaio", "la ventina di comuni soci", or "un" elided before it ("un’ottantina"); None without one."""
    if i > 0 and tokens[i - 1].text.lower() in {"un", "una", "altra", "altro", "la"}:
        return i - 1
    if i > 1 and tokens[i - 1].text in _APOSTROPHES and tokens[i - 2].text.lower() == "un":
        return i - 2
    return None


# Articulated prepositions and demonstratives before a small number word point back to a set already named.
_ANAPHORIC = {
    'dei', 'degli', 'delle', 'ai', 'agli', 'alle', 'dai', 'dagli', 'dalle', 'nei', 'negli', 'nelle', 'sui',
    'sugli', 'sulle', 'coi', 'questi', 'queste', 'quei', 'quegli', 'quelle', 'quelli',
}  # fmt: skip
_POINTING = frozenset({"questi", "queste", "quei", "quegli", "quelle", "quelli"})


# "Il totale dei beneficiari … è 1971": after its counted noun and a copula, a year-shaped number is a count.
_COUNT_AFTER_VERB_RE = re.compile(
    r"\b(?:i|gli|le|dei|degli|delle)\s+[^\W\d_]{3,}(?:\s+[^\W\d_]{1,}){0,3}?\s+(?:sono|erano|è|ammontano\s+a)\s+$"
)


def _plural_noun(word: str, shortest: int = 5) -> bool:
    """A lower-case word that may be a plural counted noun (``licenziamenti``, ``famiglie``)."""
    if len(word) < shortest or not word.islower() or word[-1] not in "ie" or word in MONTHS:
        return False
    return word not in STOP and word not in EXCLUDED_UNITS and word not in _NOT_UNITS and not _verb_like(word)


def _none_of(word: str) -> bool:
    """A plural noun "zero" can count (``voti``, ``medaglie``): not a singular in -ione, a unit of time, a verb."""
    return not word.endswith("ione") and _plural_noun(word, shortest=4)


_WEEKDAYS = frozenset({"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"})
_YEAR_BEFORE = frozenset({"nel", "dal", "del", "al", "il", "entro", "nell", "dall", "dell", "all", "anno", "anni"})


def _proportion_base(tokens: _Tokens, i: int, value: float | int) -> bool:
    """After ``su``, the number is the base of a proportion: ``uno … su dieci``, ``8 italiani su 10``."""
    if tokens[i - 3].text.lower() in {"un", "uno", "una"}:
        return True
    if value <= 5 and tokens[i - 2].kind == "num" and _digits_value(tokens[i - 2].text) is not None:
        return True  # "2 su 3 le famiglie": a small base is a share, as in "due persone su tre"
    return value in {10, 100, 1000} and any(_may_start_number(tokens[x].text) for x in (i - 2, i - 3))


# Plural reporting verbs (and participles after "hanno") whose subject follows them: "– spiegano i due
# consiglieri –", "hanno aggiunto i tre sindacalisti".
_SAID_BY = frozenset(
    {'dicono', 'aggiungono', 'spiegano', 'concludono', 'continuano', 'proseguono', 'evidenziano', 'sottolineano',
     'annunciano', 'dichiarano', 'affermano', 'commentano', 'precisano', 'ribadiscono', 'osservano', 'ricordano',
     'rimarcano', 'scrivono', 'denunciano', 'replicano', 'rispondono', 'spiegavano', 'dicevano', 'dissero'}
)  # fmt: skip
_SAID_BY_PARTICIPLES = frozenset(
    {'detto', 'aggiunto', 'spiegato', 'concluso', 'continuato', 'evidenziato', 'sottolineato', 'annunciato',
     'dichiarato', 'affermato', 'commentato', 'precisato', 'ribadito', 'osservato', 'ricordato', 'scritto',
     'denunciato', 'replicato', 'risposto'}
)  # fmt: skip


def _said_by(tokens: _Tokens, k: int) -> bool:
    """Token ``k`` ends a plural reporting verb: ``dicono``, ``hanno aggiunto``."""
    low = tokens[k].text.lower()
    if low in _SAID_BY:
        return True
    return low in _SAID_BY_PARTICIPLES and k > 0 and tokens[k - 1].text.lower() in {"hanno", "avevano"}


_SEI_VERB_BEFORE = frozenset({"tu", "non", "ci", "ne", "chi", "dove", "cosa"})  # "sei" after these is "you are"


_FOUR_DIGITS_RE = re.compile(r"\d{4}")


def _read_number(text: str, tokens: _Tokens, i: int) -> Number | None:
    """The number starting at token ``i``, if any, years excepted (``nel 2023``, but ``2000 persone``)."""
    tok = tokens[i]
    if tok.kind == "num":
        number = _digits_number(text, tokens, i)
    elif tok.kind == "word":
        number = _word_number(tokens, i)
    else:
        return None
    if number is None:
        return None
    value = number.value
    prev = tokens[i - 1].text.lower() if i > 0 else ""
    if prev in _WEEKDAYS and tok.kind == "num" and isinstance(value, int) and 1 <= value <= 31:
        return None  # "sabato 2", "lunedì 15": a date
    if prev in {"under", "over"}:
        return None  # "minori under 18", "over 65": ages
    if prev in {"ultimi", "ultime"} or prev in {"primi", "prime"} and tok.kind == "word":
        return None  # "tra i primi tre eventi", "negli ultimi 12 anni": a rank or a window, not a count
    # "i primi 243 migranti" counts; "nei primi 6 mesi", a window, is left out by its noun, a duration
    if prev == "su" and i > 2 and _proportion_base(tokens, i, value):
        return None  # "un residente su dieci", "8 italiani su 10": the base of a proportion
    pointing = value == 2 or prev in _POINTING and value <= 10  # "dei tre Comuni" counts, "dei due", "quei tre" not
    if tok.kind == "word" and prev in _ANAPHORIC and pointing and number.after == i + 1:
        return None  # "dei due ragazzi", "queste due figure": a set already told, not a new count
    if tok.kind == "word" and prev in {"i", "gli", "le"} and i > 1 and _said_by(tokens, i - 2):
        return None  # "– aggiungono i due legali –": the speakers, named by their number, are no count
    if tok.kind == "word" and tok.text.lower() == "sei" and prev in _SEI_VERB_BEFORE:
        return None  # "Tu sei giornalista", "non sei solo", "ci sei": the verb essere, not six
    if tok.kind == "word" and prev == "e" and i > 1 and tokens[i - 2].text.lower() in {"tutti", "tutte"}:
        return None  # "in tutti e tre i casi": "all three", the set is already told
    if tok.kind == "word" and prev == "," and i > 1 and word_value(tokens[i - 2].text) == value - 1:
        return None  # "due, tre, quattro sbarchi al giorno": counting up is a rough guess, no figure
    if tok.kind == "num" and isinstance(value, int) and 1900 <= value <= 2100 and _FOUR_DIGITS_RE.fullmatch(tok.text):
        nxt = tokens[number.after].text.lower() if number.after < len(tokens) else ""
        qualified = _QUALIFIER_RE.search(text[max(0, tok.start - 25) : tok.start])  # "circa 2000": no year
        if prev in _YEAR_BEFORE and not qualified:
            return None  # "nel 2000", "fino al 2030"
        if (
            nxt not in _PEOPLE_UNITS
            and not (prev in {":", ";", "«", "“", '"'} and _plural_noun(nxt))  # "Alcatel: 2000 licenziamenti"
            and not qualified
            and not _COUNT_AFTER_VERB_RE.search(text[max(0, tok.start - 40) : tok.start])
        ):
            return None
    return number


_PRINTED_MINUS_RE = re.compile(r"(?:^|[\s(])[-−]$")  # "(-148mila", " -15,2%": compiled once, read at every figure


_PERCENT_SIGN_OR_WORD_RE = re.compile(r"\s*(?:%|per\s*cento\b|percento\b)")
_MINUS_SIGN_BEFORE_RE = re.compile(r"(?:^|[:(])\s*[-−] $")


def _percentage(text: str, tokens: _Tokens, i: int, number: Number) -> Step | None:
    """``il 90%``, ``dell'1 per cento``, ``-15,2%``: unit ``%``, a printed minus kept."""
    tok, j = tokens[i], number.after
    rest = text[tokens[j - 1].end : tokens[j - 1].end + 12].lower()
    pct = _PERCENT_SIGN_OR_WORD_RE.match(rest)
    if not pct:
        return None
    value = number.value
    qualifier, start = _qualifier(text, tok.start)
    if _PRINTED_MINUS_RE.search(text[max(0, tok.start - 2) : tok.start]):
        value, start = -value, tok.start - 1
    elif spaced := _MINUS_SIGN_BEFORE_RE.search(text[max(0, tok.start - 5) : tok.start]):
        value, start = -value, max(0, tok.start - 5) + spaced.end() - 2  # "“predatori”: - 24%": a spaced minus
    end = tokens[j - 1].end + pct.end()
    while j < len(tokens) and tokens[j].start < end:
        j += 1
    return Step(j, Mention(value, "%", qualifier, text[start:end], start))


_INVERSION_ADVERBS = frozenset({"invece", "poi", "inoltre", "infine", "ora", "oggi", "quindi", "anche", "già"})


# "Sono quasi 200, ed altre sono in arrivo, i furbetti": the verb of being before the number, its subject after
_INVERTED_BEFORE_RE = re.compile(
    r"\b(?:sono|erano|saranno|furono)(?:\s+(?:infatti|invece|quindi|già|ormai|ancora|oggi|ora|così|dunque))?\s+$",
    re.IGNORECASE,
)
_OPEN_QUOTES = frozenset({"“", "«", '"', "‘", "'"})


def _subject_after_insert(tokens: _Tokens, j: int) -> int | None:
    """``sono 8.600, infatti, i posti``, ``Sono 5 (di cui 3 minorenni) le persone``: after an insert between
    commas or brackets, the article of the subject (its index), if any."""
    n = len(tokens)
    if j >= n or tokens[j].text not in {",", "("}:
        return None
    close = ")" if tokens[j].text == "(" else ","
    for x in range(j + 1, min(n, j + 14)):
        t = tokens[x].text
        if t == close:
            art = x + 1
            if art + 1 < n and tokens[art].text.lower() in {"i", "gli", "le"}:
                noun = art + 1 + (tokens[art + 1].text in _OPEN_QUOTES)
                if noun < n and tokens[noun].kind == "word" and tokens[noun].text.islower():
                    return art
            return None
        if t in {".", ";", ":", "!", "?"} or tokens[x].kind == "num" and close == ",":
            return None
    return None


_LEXICALISED = frozenset({("grandi", "elettori")})  # an adjective and a noun that name one thing


def _past_a_year(tokens: _Tokens, k: int) -> int:
    """The token after ``nel 2021`` / ``nell'anno`` … starting at ``k`` (a time told before an inverted subject:
    ``10 mila sono stati nel 2021 i processi``), or ``k``."""
    if k + 2 < len(tokens) and tokens[k].text.lower() in {"nel", "dal", "in"} and tokens[k + 1].kind == "num":
        value = _digits_value(tokens[k + 1].text)
        if value is not None and 1900 <= value <= 2100:
            return k + 2
    return k


def _noun_index(tokens: _Tokens, j: int) -> int:
    """Where the counted noun should be: after an article (``sono oltre cento i nuclei``, ``334 sono stati gli
    interventi``), an adverb or a
    descriptive adjective (``quattro gravemente ferite``, ``8 distinte imbarcazioni``)."""
    n, k = len(tokens), j
    if k + 1 < n and tokens[k].text.lower() == "circa" and tokens[k + 1].text.lower() in {"i", "gli", "le"}:
        k += 1  # "Sono 300 circa i partecipanti": the qualifier after the number, then the subject
    if k < n and tokens[k].text.lower() in _INVERSION_ADVERBS:  # "Otto invece le case rifugio"
        after = k + 1 + (k + 1 < n and tokens[k + 1].text.lower() in {"sono", "erano", "saranno"})
        k = after if after < n and tokens[after].text.lower() in {"i", "gli", "le"} else k
    if k < n and tokens[k].text.lower() in {"sono", "erano", "saranno"}:  # "334 sono stati gli interventi"
        after = _past_a_year(tokens, k + 1 + (k + 1 < n and tokens[k + 1].text.lower() in {"stati", "state"}))
        k = after if after < n and tokens[after].text.lower() in {"i", "gli", "le"} else k
    after = _past_a_year(tokens, k)  # "Sono 300 nel 2023 i nuovi iscritti"
    k = after if after < n and tokens[after].text.lower() in {"i", "gli", "le"} else k
    if k < n and tokens[k].text.lower() in {"i", "gli", "le"}:
        k += 1
        k += k + 1 < n and tokens[k].text in _OPEN_QUOTES and tokens[k + 1].kind == "word"  # i “furbetti”
    while k + 1 < n and tokens[k].kind == "word" and tokens[k + 1].kind == "word":
        low = tokens[k].text.lower()
        if not (low.endswith("mente") and len(low) > 6 or low in _PRE_ADJECTIVES):
            break
        if low in _PRE_ADJECTIVES and tokens[k + 1].text.lower() in _CLAUSE_GOES_ON:
            break  # "4 giovani sono stati denunciati": the adjective is the noun
        if (low, tokens[k + 1].text.lower()) in _LEXICALISED:
            break  # "1009 grandi elettori": one noun of two words
        k += 1
    return k


# "53.441 punti vendita": places, not points.
_POINT_KINDS = frozenset(
    {"vendita", "ristoro", "prelievo", "informativi", "luce", "vaccinali", "nascita", "accesso", "base"}
)  # "180 punti base": basis points of a spread, no percentage points


_PERCENT_MENTION_RE = re.compile(r"%|per\s?cento|percentual", re.I)


def _points(text: str, tokens: _Tokens, i: int, k: int, value: float | int) -> Step | None:
    """``2 punti percentuali``, ``+3 punti``: percentage points."""
    n, tok = len(tokens), tokens[i]
    if not (k < n and tokens[k].kind == "word" and tokens[k].text.lower() in {"punti", "punto"}):
        return None
    nxt = tokens[k + 1].text.lower() if k + 1 < n else ""
    signed = text[max(0, tok.start - 1) : tok.start] in {"+", "-", "−"}
    # "ha il 30,9% … è a sei punti di distanza", "l'aumento percentuale è di 9,6 punti": points of percentages
    among_percentages = _PERCENT_MENTION_RE.search(text[max(0, tok.start - 200) : tok.start])
    if nxt in _POINT_KINDS or not (nxt.startswith("percentual") or signed or among_percentages):
        return None
    if value > 100 and not nxt.startswith("percentual"):
        return Step(k + 1)  # "il Ftse Mib chiude a 27.350 punti": the points of an index, no share
    end = tokens[k + 1].end if nxt.startswith("percentual") else tokens[k].end
    qualifier, start = _qualifier(text, tok.start)
    if text[max(0, tok.start - 1) : tok.start] in {"-", "−"}:
        value, start = -value, tok.start - 1  # "(-0,6 punti)": a fall in points keeps its printed minus, as for "%"
    return Step(k + 2, Mention(value, "punti percentuali", qualifier, text[start:end], start))


def _in_millions(tokens: _Tokens, i: int, j: int, *, anywhere: bool = False) -> bool:
    """The amount ends with millions or billions (``381 mln``, ``3 miliardi di``), or has them ``anywhere``
    (``due milioni e mezzo``)."""
    where = range(i + 1, j) if anywhere else (j - 1, j - 2)
    if not anywhere and j - 3 > i and tokens[j - 1].text.lower() == "mezzo" and tokens[j - 2].text.lower() == "e":
        where = (j - 3, j - 4)  # "tre milioni e mezzo per la scuola", "due milioni e mezzo di": ends in millions too
    return any(i < x < j and tokens[x].text.lower() in _BIG for x in where)


_MEASURES = frozenset(
    {"kg", "km", "gr", "mq", "mc", "ml", "cl", "mw", "kw", "kwh", "mwh", "gw", "gb", "mb", "cm", "mm"}
)


def _brand_after(tokens: _Tokens, k: int) -> bool:
    """A capitalised word right after the number that ends in a consonant and is no unit of measure (``500
    Abarth``): a model or a brand."""
    w = tokens[k].text
    if not w[0].isupper() or _is_sentence_start(tokens, k) or w[-1].lower() in "aeiouàèéìòù":
        return False
    return tokens[k - 1].kind == "num" and w.lower() not in _MEASURES


# Nouns ending in -o or -a that a number above one may count: invariable nouns and plurals in -a (a closed class).
_INVARIABLE_OA = frozenset(
    {
        'euro', 'foto', 'auto', 'moto', 'radio', 'video', 'audio', 'caccia', 'cinema', 'vaglia', 'sosia',
        'uova', 'paia', 'centinaia', 'migliaia', 'miglia', 'braccia', 'dita', 'ossa', 'mura', 'lenzuola',
        'ginocchia', 'labbra', 'risa', 'urla', 'fila', 'gesta', 'grida', 'staia', 'moggia', 'carra', 'tomba',
        'eco', 'boa', 'gorilla', 'lama', 'panda', 'yoga', 'demo', 'logo', 'zero', 'extra', 'pro', 'bio',
        'mega', 'maxi', 'mini', 'ecografia', 'tv', 'stereo', 'disco', 'micro', 'ecomostro', 'pizza',
    }
)  # fmt: skip


def _singular_after_plural(word: str, value: float | int) -> bool:
    """A lower-case word in ``-o``/``-a`` after a number above one agrees with no plural count: a verb
    (``12 frequentano``, ``15 costa``), a pronoun (``54 ciascuno``) or an adverb; Italian counted nouns are plural
    (``-i``, ``-e``) or invariable (``euro``, ``foto``, ``città``)."""
    low = word.lower()
    if value > 1 and word.islower() and len(low) > 3 and low.endswith("ò"):
        return True  # "l'IC 12 ospitò": a verb in the past, Italian nouns in -ò (falò, oblò) are invariable rarities
    return (
        value > 1
        and word.islower()
        and len(low) > 2
        and low[-1] in "oa"
        and low not in _INVARIABLE_OA
        and low not in STOP
        and not low.startswith(("auto", "moto", "foto", "video", "radio", "euro", "micro", "bio", "eco"))
    )


def _unit_at(tokens: _Tokens, k: int, value: float | int) -> Unit | Step | None:
    """The counted noun at token ``k`` (with a lexicalised second word or an adjective), a Step skipping
    past a word that makes the number no figure (``anni``, ``marzo``, ``118 Romagna``), or None."""
    n = len(tokens)
    if k < n and tokens[k].text == "%":
        return Step(k + 1)
    if k < n and tokens[k].text == "€":
        return Unit("euro", tokens[k].end)  # "134.000 €"
    if not (k < n and tokens[k].kind == "word"):
        return None
    w = tokens[k].text
    low = w.lower()
    if low in _VOTES and (k + 1 >= n or tokens[k + 1].kind == "punct" or tokens[k + 1].text.lower() in {"e", "ed"}):
        return Unit(_VOTES[low], tokens[k].end)  # "la fiducia con 343 sì e 263 no"
    if value != 1 and low.endswith(("ato", "uto", "ito", "ando", "endo")) and len(low) > 5:
        return Step(k + 1)  # "118 intervenuto", "otto contando": a participle or gerund is no counted noun
    if low in {"punti", "punto"} and k + 1 < n and tokens[k + 1].text.lower() in _POINT_KINDS:
        return Unit(f"{w} {tokens[k + 1].text}", tokens[k + 1].end)  # "53.441 punti vendita"
    if low in EXCLUDED_UNITS or low in MONTHS or low in _NOT_UNITS or _verb_like(low):
        return Step(k + 1)
    if low == "centesimi" and k + 2 < n and tokens[k + 2].text.lower().startswith("second"):
        return Step(k + 1)  # "per 12 centesimi di secondo": a time; "25 centesimi a litro" is money
    if k + 1 < n and tokens[k + 1].text in {"'", "’"} and tokens[k + 1].start == tokens[k].end:
        return None  # "12.000 quest'anno", "30 dell'anno": an elided function word, never a counted noun
    if _singular_after_plural(w, value):
        return None  # "12 frequentano", "15 costa", "54 ciascuno": no noun agrees with the number
    if w[0].isupper() and not _is_sentence_start(tokens, k) and (_is_place(w) or value in _HOTLINES):
        return Step(k + 1)  # "118 Romagna", "ASL Roma 2": part of a name
    if _brand_after(tokens, k):
        return Step(k + 1)  # "le 500 Abarth", "Rai 1 Tg": a model or a brand, not an Italian plural noun
    if low == "di" and k + 2 < n and tokens[k + 1].text.lower() == "minore":
        return Unit("minori", tokens[k + 2].end)
    if low in {"primi", "prime"} and k + 1 < n and _plural_noun(tokens[k + 1].text):
        return Unit(f"{w} {tokens[k + 1].text}", tokens[k + 1].end)  # "60 primi cittadini": mayors, no rank
    if low in STOP or len(w) <= 1 or low.endswith("ibili") and value != 1:
        return None  # "24 su 31 disponibili": an adjective in -ibili is no counted noun
    end = tokens[k].end
    nxt = tokens[k + 1].text if k + 1 < n and tokens[k + 1].kind == "word" else ""
    nlow = nxt.lower()
    if nxt and tokens[k + 1].start != end + 1:
        return Unit(w, end)
    if low == "voti" and nlow == "a" and k + 2 < n and tokens[k + 2].text.lower() == "favore":
        return Unit(f"{w} a {tokens[k + 2].text}", tokens[k + 2].end)  # "11 voti a favore e 11 contrari"
    if low == "voti" and nlow in _VOTE_WORDS:
        return Unit(f"{w} {nxt}", tokens[k + 1].end)  # "14 voti favorevoli e 14 contrari"
    if nlow == "di" and k + 2 < n and tokens[k + 2].text.lower() in COMPOUND_AFTER_DI:
        return Unit(f"{w} di {tokens[k + 2].text}", tokens[k + 2].end)
    if nlow in COMPOUND_SECOND or (low, nlow) in _LEXICALISED:
        return Unit(f"{w} {nxt}", tokens[k + 1].end)
    if nxt.islower() and nlow not in STOP and nlow.endswith(ADJECTIVE_ENDINGS) and len(nxt) > 4:
        return Unit(w, tokens[k + 1].end)  # "persone senzatetto": the mention takes the adjective along
    return Unit(w, end)


_RATIO_SU_RE = re.compile(r"\s+su\s+(\d{1,3}(?:\.\d{3})+|\d+|[^\W\d_]+)\b(?:\s+([^\W\d_]+))?")


def _is_proportion(text: str, end: int, value: float | int, unit: str | None = None) -> bool:
    """``due persone su tre``, ``8 italiani su 10``: a proportion, not a count; ``30 lavoratori su 90`` (a part of
    a total that is no round base and has more than five) counts, and so does ``1.500 alberi su 3 ettari`` (the
    base counts another noun: an area, not a whole)."""
    ratio = _RATIO_SU_RE.match(text[end : end + 40])
    if not ratio:
        return False
    raw = ratio.group(1)  # "2.345 elettori su 5.678": the total with its thousands separator
    total = _digits_value(raw) if raw[0].isdigit() else word_value(raw)
    if total is None:
        return False
    after = ratio.group(2) or ""
    measure = after.lower() in _DECIMAL_UNITS or after.lower() in _MEASURES
    if unit and measure and unit_key(after) != unit_key(unit):
        return False  # "1.500 alberi su 3 ettari"
    return value <= 1 or total <= 5 or total in {10, 100, 1000} or total < value


def _noun_then_count(before: str, tokens: _Tokens, j: int) -> re.Match[str] | None:
    """The noun of ``le postazioni, sette in totale`` or ``gli stipendi (ben cinque)``: only when the count is
    closed by ``in totale``/``in tutto`` or by the bracket."""
    closer = tokens[j].text.lower() if j < len(tokens) else ""
    after = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
    m = _NOUN_THEN_COUNT_RE.search(before)
    if m is None or closer not in {")", "in"} or closer == "in" and after not in {"totale", "tutto"}:
        return None
    return m if (closer == ")") == (m.group(2) is not None) else None


_PREPOSITIONS = frozenset({"per", "con", "tra", "fra", "su", "in", "a", "da", "di", "verso", "contro", "senza"})


def _complement(before: str, m: re.Match[str]) -> bool:
    """The match starts with ``dei``/``degli``/``delle`` and no ``numero`` before it, or follows a preposition
    (``i pazienti in attesa per i ricoveri … erano``): a noun completing another, not the subject."""
    last = _word_before(before, m.start())
    if last == "numero":
        return False
    return m.group(0)[:1] in "dD" or last in _PREPOSITIONS


def _word_before(text: str, at: int) -> str:
    words = LETTERS_RE.findall(text[max(0, at - 12) : at])
    return words[-1].lower() if words else ""


def _noun_leads(before: str) -> re.Match[str] | None:
    """``Di posti letto, in ospedale, 29``: the noun after a leading ``di``, unless ``di`` completes a duration or
    another excluded noun (``71 giorni di attesa, ai 32``: days, not waits)."""
    m = _UNIT_LEADS_RE.search(before)
    if m is None or word_value(m.group(1)) is not None:
        return None  # "di dieci velivoli, ma solo di sei": a number word is no noun
    words = LETTERS_RE.findall(before[: m.start() + 1])
    return None if words and words[-1].lower() in EXCLUDED_UNITS else m


def _nearest(pattern: re.Pattern[str], before: str) -> re.Match[str] | None:
    """The match of an end-anchored pattern that starts last: the noun nearest to the number (``i dati
    dell'Istat: il numero dei disoccupati è pari a``)."""
    first = m = pattern.search(before)
    best = None
    while m is not None:
        # "le vittime delle frodi sono": a noun after "di" completes the one before it, it is no subject
        best = best if _complement(before, m) else m
        m = pattern.search(before, m.start() + 1)
    if best is None and first is not None and _word_before(before, first.start()) in _PREPOSITIONS:
        return None  # "per i ricoveri … erano 376": the only noun in reach is a complement
    return best or first


# "gli iscritti sono raddoppiati, passando da 600 a 1.200", "gli arrivi crescono, arrivando a quota 3.400": a gerund
# moves the subject of the clause to the number.
_GERUND_TO_RE = re.compile(
    r"\b(?:i|gli|le)\s+(?:(?:nuov|altr)[ie]\s+)?([a-zà-ù]{4,})\b[^.;:!?]{0,80}?,?\s+"
    r"(?:passando|salendo|scendendo|arrivando|crescendo|calando|attestandosi)\s+(?:da\s+[\d.,]+\s+)?a\s+(?:quota\s+)?$",
    re.IGNORECASE,
)
_NUMBER_OF_RE = re.compile(r"\bnumero\s+(?:(?:totale|complessivo)\s+)?d(?:i|ei|egli|elle)\s+([a-zà-ù]{4,})", re.I)


_CLAUSE_BREAK_SPACE_RE = re.compile(r"[.;:!?]\s")
_CLAUSE_END_OR_COPULA_BEFORE_RE = re.compile(r"[.!?:]\s+$|\b(?:sono|erano|saranno)\s+$")
_AND_A_HALF_RE = re.compile(r"\s+e\s+mezz[oa]\b")


def _unit_before(
    text: str, tokens: _Tokens, i: int, j: int, value: float | int, *, clause_closed: bool = True
) -> Step | None:
    """``i beneficiari sono stati oltre mille.``: the counted noun before the verb, the number closing it
    (or the previous figure's noun, marked ``SAME_UNIT`` until the mentions are all read); when the clause goes
    on after the number, only a noun with its verb (``il numero delle vittime sale a``)."""
    qualifier, start = _qualifier(text, tokens[i].start)
    before = text[max(0, start - 100) : start]
    m = _nearest(_UNIT_BEFORE_RE, before)
    same = _TOTAL_OF_SAME_RE.search(before[-40:])
    if not clause_closed and not m and not same:
        return None
    m = m or _noun_leads(before) or _LISTED_BEFORE_RE.search(before) or _noun_then_count(before, tokens, j)
    if m is None and clause_closed:
        m = _GERUND_TO_RE.search(_CLAUSE_BREAK_SPACE_RE.split(before)[-1])  # "gli iscritti …, passando da 600 a 1.200"
        m = m if m and _plural_noun(m.group(1)) else None
    if m is None and j < len(tokens) and tokens[j].text == ",":
        m = _APPOSITION_RE.search(before)  # "I volontari, circa 40, hanno pulito la spiaggia"
    unit = m.group(1) if m else SAME_UNIT if same or _SAME_UNIT_RE.search(before) else None
    if unit is None and clause_closed and _CLAUSE_END_OR_COPULA_BEFORE_RE.search(before):
        # "… ha commentato il numero di accessi alle mostre. Ben 1059, quasi il doppio": a verbless sentence;
        # "ogni Comune ha un numero di posti per l'accoglienza: a Savigliano sono 27"
        told = _NUMBER_OF_RE.findall(text[max(0, start - 250) : start])
        unit = told[-1] if told and _plural_noun(told[-1]) else None
    if m and m.re is not _NOUN_THEN_COUNT_RE and m.lastindex == 2 and m.group(2):
        unit = f"{m.group(1)} {m.group(2)}"
    if unit is None or unit.lower() in STOP or unit.lower() in EXCLUDED_UNITS:
        return None
    end = tokens[j - 1].end
    half = _AND_A_HALF_RE.match(text[end : end + 12])
    if half and isinstance(value, int) and value < 1000:
        value, end = value + 0.5, end + half.end()  # "noi ne abbiamo 11 e mezzo"
        while j < len(tokens) and tokens[j].start < end:
            j += 1
    return Step(j, Mention(value, unit, qualifier, text[start:end], start))


_AMOUNT_VERB_BEFORE_RE = re.compile(r"\b(?:pari|ammont\w*|arriv\w*|passa\w*)(?:\s+a)?\s+$", re.IGNORECASE)


def _millions_of(before: str, m: re.Match[str]) -> bool:
    """The subject found before millions (``i passeggeri sono stati``) is what they count: not after a verb of
    amounts (``i lavori ammontano a``, ``gli interventi sono pari a``: money) unless the subject is ``il numero
    dei …``, and not a complement or a noun of money."""
    # the verb closing the match, not a participle of the subject ("i turisti arrivati nel 2023 sono stati")
    amount_verb = _AMOUNT_VERB_BEFORE_RE.search(m.group(0))
    numbered = "numero" in m.group(0).lower() or _word_before(before, m.start()) == "numero"
    if amount_verb and not numbered:
        return False
    return not _complement(before, m) and _counts_before(m.group(1))


def _counts_before(unit: str) -> bool:
    """The noun told before millions is a count of people or things, not money (``ricavi``, ``risorse``)."""
    return unit.islower() and not _money_after_di(unit) and unit not in _CURRENCIES and unit not in EXCLUDED_UNITS


_YEAR_DIGITS_RE = re.compile(r"(?:19|20)\d\d")


def _closes_clause(tokens: _Tokens, k: int) -> bool:
    """No counted noun follows: the clause ends (``3.276.``, ``123 totali``, ``29 in più``)."""
    if k >= len(tokens) or tokens[k].kind == "punct":
        return True
    low = tokens[k].text.lower()
    nxt = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
    if low in {"e", "ed", "ma"} and k + 1 < len(tokens):  # "sono 12.330 e c'è bisogno", not "tra 10 e 20"
        return tokens[k + 1].kind != "num" and word_value(tokens[k + 1].text) is None
    if low in {"l", "quest"} and nxt in {"'", "’"} and k + 2 < len(tokens) and tokens[k + 2].text.lower() == "anno":
        return True  # "(erano 28 l'anno prima)", "310 quest'anno": a time follows
    if low in {"tra", "fra", "nel", "dal", "entro"}:  # "passati da 50 a 85 tra il 2023 e il 2025": a time follows
        year = tokens[k + 1 + (nxt in {"il", "l"})] if k + 2 < len(tokens) else None
        return year is not None and year.kind == "num" and _YEAR_DIGITS_RE.fullmatch(year.text) is not None
    return low in _CLAUSE_CLOSERS or (low, nxt) in {("in", "più"), ("in", "tutto"), ("in", "meno"), ("in", "totale")}


_CLAUSE_BREAK_RE = re.compile(r"[.;:!?()«»“”]")
_PREPOSITION_AFTER_RE = re.compile(
    r"\s+(?:a|al|allo|alla|ai|agli|alle|all['’]|in|nel|nello|nella|nei|negli|nelle|"
    r"nell['’]|da|dal|dallo|dalla|dai|dagli|dalle|dall['’]|per|su|sul|sulla|sui)\b"
)


def _parallel(text: str, prev: Mention, m: Mention, *, prep: bool = True) -> bool:
    """``590 presenze allo Sferisterio, 385 a Palazzo``: in the same sentence, the previous figure is followed by a
    preposition as this number is (``prep``); the two are items of one list."""
    end = prev.start + len(prev.text)
    between = text[end : m.start]
    if m.start - end > 120 or _CLAUSE_BREAK_RE.search(between):
        return False
    return not prep or bool(_PREPOSITION_AFTER_RE.match(between))


_LARGE_NUMBER_MARK_RE = re.compile(r"\d{4}|mila|milion|miliard")


def _scaled_like(prev: Mention, m: Mention) -> float | int:
    """``2 milioni per la sanità, 1,5 per la scuola``: a bare small number listed after an amount in millions (or
    billions) of money is in millions too."""
    if prev.unit not in _CURRENCIES or m.value >= 1000 or _LARGE_NUMBER_MARK_RE.search(m.text):
        return m.value
    mult = next((v for w, v in MULTIPLIERS.items() if v >= 1_000_000 and re.search(rf"\b{w}\b", prev.text)), 1)
    return _whole(m.value * mult)


_DIGIT_OR_BREAK_RE = re.compile(r"[\d.;:!?()]")


def _same_units(text: str, found: list[Mention]) -> list[Mention]:
    """Mentions marked ``SAME_UNIT`` take the unit of the figure just before them (within 200 characters),
    ``SAME_MONEY`` its currency."""
    out: list[Mention] = []
    for m in found:
        if m.unit == SAME_PARALLEL:
            if out and _parallel(text, out[-1], m):
                value = _scaled_like(out[-1], m)
                out.append(Mention(value, out[-1].unit, m.qualifier, m.text, m.start))
        elif m.unit.startswith(VOTES_OF):
            word = m.unit[len(VOTES_OF) :]
            votes = out and _parallel(text, out[-1], m, prep=False) and out[-1].unit.lower().startswith("voti")
            out.append(Mention(m.value, f"voti {word}" if votes else word, m.qualifier, m.text, m.start))
        elif m.unit == SAME_MEASURE:
            prev = out[-1] if out else None
            after_prev = text[prev.start + len(prev.text) : prev.start + len(prev.text) + 4] if prev else ""
            measure = prev is not None and (prev.unit.lower() in _DECIMAL_UNITS or prev.unit.lower() in _MEASURES)
            if prev is not None and measure and after_prev.startswith(" di ") and _parallel(text, prev, m, prep=False):
                out.append(Mention(m.value, prev.unit, m.qualifier, m.text, m.start))
        elif m.unit in (SAME_WHOLE, SAME_BARE_WHOLE):
            prev = out[-1] if out else None
            gap = _WHOLE_BEFORE_RE.sub("", text[prev.start + len(prev.text) : m.start]) if prev else ""
            near = len(gap) <= 40 and len(gap.split()) <= 3 and not _DIGIT_OR_BREAK_RE.search(gap)
            # a bare "su N" is a share's base when the part is one or not smaller, or the base ten or less or round
            # ("1 bambino su 7", "sette nomi su nove", "otto su 10")
            small = m.value <= 10 or m.value in {100, 1000} or prev is not None and not 1 < prev.value < m.value
            share = m.unit == SAME_BARE_WHOLE and small
            if prev is not None and prev.unit != "%" and near and not share:  # at most three words before "su"
                out.append(Mention(m.value, prev.unit, m.qualifier, m.text, m.start))
        elif m.unit in (SAME_MONEY, SAME_PART):
            if out and m.start - out[-1].start <= 200 and out[-1].unit in _CURRENCIES:
                # a part after "di cui" is in the millions of the amount it belongs to
                value = _scaled_like(out[-1], m) if m.unit == SAME_PART else m.value
                out.append(Mention(value, out[-1].unit, m.qualifier, m.text, m.start))
        elif m.unit != SAME_UNIT:
            out.append(m)
        elif out and m.start - out[-1].start <= 200 and out[-1].unit != "%":
            # "3,1 milioni di euro, di cui 2,7 finanziati": a bare part of an amount in millions is in millions
            out.append(Mention(_scaled_like(out[-1], m), out[-1].unit, m.qualifier, m.text, m.start))
    return out


def _range_start(tokens: _Tokens, i: int, j: int, k: int, value: float | int) -> Range | None:
    """``da 6 a 16 posti``, ``7 e 13 voti``: the first number waits for the unit of the second."""
    n = len(tokens)
    if not (k + 1 < n and tokens[k].text.lower() in {"a", "e", "o"} and tokens[k - 1].kind != "punct"):
        return None
    nxt = k + 1 + (tokens[k + 1].text.lower() in {"i", "le", "gli"})
    bound = " ".join(t.text.lower() for t in (tokens[x] for x in range(k + 1, min(n, k + 4))))
    if tokens[k].text.lower() == "a" and bound in {"un massimo di", "un max di"}:
        nxt = k + 4  # "da un minimo di 500 a un massimo di 10 mila euro"
        if nxt < n and tokens[nxt].kind == "num":
            return Range(value, tokens[i].start, tokens[nxt].start, j - 1 > i)
    if nxt < n and tokens[nxt].kind in {"num", "word"} and tokens[nxt].start - tokens[k].end <= 4:
        return Range(value, tokens[i].start, tokens[nxt].start, j - 1 > i)
    return None


def _in_thousands(tokens: _Tokens, i: int, j: int) -> bool:
    """The amount is printed with ``mila`` (``30 mila``, ``15mila``)."""
    return any(tokens[x].text.lower() == "mila" for x in range(i + 1, j))


# "entrate pari a 12.418.000", "un importo di 2.500,00", "la spesa ammonta a 80.000": a bare amount told as the
# value of a noun of money is euro.
_MONEY_CLAUSE_RE = re.compile(
    r"\b(?:importo|importi|costo|costi|spesa|spese|somma|somme|cifra|prezzo|entrate|incasso|incassi|introiti|"
    r"gettito|stanziamento|finanziamento|contributo|investimento|fatturato|ricavi|utile|budget|canone|compenso)"
    r"(?:\s+(?:[^\W\d_]+['’])?[^\W\d_]{3,}){0,2}\s+(?:(?:è|sono|era|sarà)\s+)?"
    r"(?:pari\s+a|di|ammonta\s+a|ammontano\s+a)"
    r"(?:\s+(?:circa|oltre|quasi|almeno|poco\s+più\s+di|più\s+di))?\s+$",
    re.IGNORECASE,
)


_WHOLE_WORDS = frozenset({"totali", "complessivi", "complessive", "previsti", "previste", "esistenti"})
_WHOLE_BEFORE_RE = re.compile(r"\b(?:su|sui|sulle|sugli|su(?:l|\s+un)\s+totale\s+di)\s+$", re.IGNORECASE)


_AMONG_BEFORE_RE = re.compile(r"\b(?:tra|fra) (?:i|le) $|\b(?:uno|una) (?:dei|delle) $")
_LIST_JOIN_BEFORE_RE = re.compile(r"(?:,|\be|\bed)\s+$")


def _without_unit(text: str, tokens: _Tokens, i: int, j: int, k: int, value: float | int, big: bool) -> Step:
    """A number with no counted noun after it: a partitive (``150 dei suoi rifugi``), money (``445 mln``,
    ``€ 426.668,10``), an elided noun (``tra i sedici`` Comuni), or nothing (possibly the start of a range)."""
    tok, n = tokens[i], len(tokens)
    rng = None
    if k < n and not big:
        part = _partitive(tokens, k)
        if part is not None:
            qualifier, start = _qualifier(text, tok.start)
            mention = Mention(value, tokens[part].text, qualifier, text[start : tokens[part].end], start)
            if tokens[part - 1].kind == "num":
                return Step(part - 1, mention)  # "361 dei 720 deputati": the whole is a figure too
            return Step(part + 1, mention)
        rng = _range_start(tokens, i, j, k, value)
    money_told = _money_before(text, tok.start) or _MONEY_CLAUSE_RE.search(text[max(0, tok.start - 60) : tok.start])
    if big or money_told:
        qualifier, start = _qualifier(text, tok.start)
        counted = None if money_told else _counted_in_sentence(text, start)
        if counted:
            # "il numero dei migranti […] erano 173 milioni": millions in a sentence with no money count its noun
            return Step(j, Mention(value, counted, qualifier, text[start : tokens[j - 1].end], start), rng)
        end_tok = tokens[j - 1] if tokens[j - 1].text.lower() != "di" else tokens[j - 2]
        return Step(j, Mention(value, "euro", qualifier, text[start : end_tok.end], start), rng)
    whole = _WHOLE_BEFORE_RE.search(text[max(0, tok.start - 24) : tok.start])
    told_whole = whole is not None and (
        whole.group(0).lower().strip() != "su" or k < n and tokens[k].text.lower() in _WHOLE_WORDS
    )
    if whole is not None:
        # "22 sezioni sulle 116 totali", "76 sedi su 195 totali", "97 comuni, sul totale di 235": a whole told as
        # one, in the noun of the part just counted; a bare "28 Comuni su 47" too, unless it is a share's base
        # (``_same_units`` decides, knowing the part)
        qualifier, start = _qualifier(text, tok.start)
        same = SAME_WHOLE if told_whole else SAME_BARE_WHOLE
        return Step(j, Mention(value, same, qualifier, text[start : tokens[j - 1].end], start))
    paired = i > 1 and tokens[i - 1].text.lower() in {"a", "e"} and _may_start_number(tokens[i - 2].text)
    if rng is None and not paired and _in_thousands(tokens, i, j):
        # "400 mila euro più 30 mila dalla regione": a bare amount in thousands after an amount of money;
        # "25mila ingressi, contro i 18mila del 2022": a comparison keeps any unit
        qualifier, start = _qualifier(text, tok.start)
        same = SAME_UNIT if _COMPARED_RE.search(text[max(0, start - 80) : start]) else SAME_MONEY
        return Step(j, Mention(value, same, qualifier, text[start : tokens[j - 1].end], start))
    before = text[max(0, tok.start - 10) : tok.start].lower()
    m = _AMONG_BEFORE_RE.search(before)
    elided = _elided_unit(text, tok.start) if m else None
    if m and elided:
        s = tok.start - (len(before) - m.start())
        return Step(j, Mention(value, elided, None, text[s : tok.end], s), rng)
    qualifier, start = _qualifier(text, tok.start)
    before = text[max(0, start - 80) : start]
    of = _RANGE_OF_RE.search(before) or _SUBJECT_RANGE_RE.search(before)
    if of and _plural_noun(of.group(1)) and _closes_clause(tokens, k):
        # "l'aumento di posti disponibili da 52 a 60": the range's noun before it
        return Step(j, Mention(value, of.group(1), qualifier, text[start : tokens[j - 1].end], start), rng)
    if _COMPARED_RE.search(before) or _CONTRAST_RE.search(before) and _closes_clause(tokens, k):
        # "189 posti invece degli attuali 133": a comparison with the figure just told
        return Step(j, Mention(value, SAME_UNIT, qualifier, text[start : tokens[j - 1].end], start), rng)
    if _CUI_RE.search(before) and (k >= n or tokens[k].text.lower() in _PART_FOLLOWERS) and tok.kind == "num":
        # "35 milioni, di cui 22,5 di Pnrr", "seimila euro di cui 1.776 (il 30%)": a part of the amount just told,
        # in its millions
        return Step(j, Mention(value, SAME_PART, qualifier, text[start : tokens[j - 1].end], start), rng)
    if _CUI_RE.search(before) and k < n and tokens[k].text.lower() in _LIST_PREPS or _CAP_RE.search(before):
        # "250.000 euro, di cui 200.000 dalla Regione", "fino a un massimo di 1.500": a part or a cap of the amount
        return Step(j, Mention(value, SAME_MONEY, qualifier, text[start : tokens[j - 1].end], start), rng)
    if i > 1 and tokens[i - 1].text == ":" and tokens[i - 2].kind == "num" and k < n and tokens[k].text in _LIST_PREPS:
        # "le telecamere sono 48: 30 in centro e 18 in periferia": the breakdown of the figure just told
        return Step(j, Mention(value, SAME_UNIT, qualifier, text[start : tokens[j - 1].end], start), rng)
    if i > 0 and tokens[i - 1].text.lower() in {",", "e", "ed"} and k < n and tokens[k].text.lower() in _LIST_PREPS:
        # "590 presenze allo Sferisterio, 385 a Palazzo Buonaccorsi": a list whose items share the noun
        return Step(j, Mention(value, SAME_PARALLEL, qualifier, text[start : tokens[j - 1].end], start), rng)
    listed = _LIST_JOIN_BEFORE_RE.search(text[max(0, start - 4) : start])
    if listed and k + 1 < n and tokens[k].text.lower() == "di" and tokens[k + 1].text.islower():
        # "29 chili di hashish, 1,6 di eroina e quasi 3 di cocaina": list items of one unit of measure
        return Step(j, Mention(value, SAME_MEASURE, qualifier, text[start : tokens[j - 1].end], start), rng)
    # a ratio's base (the whole told as one returned above) or a bare number on purpose: a verdict of the rules, not
    # a noun they missed, so no model looks again
    if whole or _deliberately_bare(text, tokens, i, k):
        return Step(j, None, rng)
    return Step(j, None, rng, Unread(value, i, j))


_COPULA_CLOSING_RE = re.compile(r"\b(?:sono|erano|saranno|risultano|restano)\s+$", re.IGNORECASE)
_ARTICLE_WORDS = frozenset({"il", "lo", "la", "i", "gli", "le", "l"})


def _deliberately_bare(text: str, tokens: _Tokens, i: int, k: int) -> bool:
    """The rules leave the number bare on purpose: a copula whose subject they could not reach (``… per i
    controlli erano 48.``), a clause going on with a noun of its own (``sale a 12 il numero delle classi``), or a
    number after a colon whose clause goes on with a time (``Le iscrizioni: 8.400 quest'anno``)."""
    n = len(tokens)
    if _COPULA_CLOSING_RE.search(text[max(0, tokens[i].start - 12) : tokens[i].start]) and _closes_clause(tokens, k):
        return True
    if k < n and tokens[k].text.lower() in _ARTICLE_WORDS:
        return True
    time_after = k + 2 < n and tokens[k].text.lower() in {"quest", "l"} and tokens[k + 2].text.lower() == "anno"
    return i > 0 and tokens[i - 1].text == ":" and time_after


_RANGE_OF_RE = re.compile(
    r"\bd(?:i|ei|egli|elle)\s+([a-zà-ù]{4,})(?:\s+(?:di\s+)?[^\W\d_]{3,})?"
    # "dei processi di assise (dove si celebrano …), da 264 a 243", "dei tirocini TINA, passati da 50 a 85"
    r"(?:\s*\([^()\d]{0,80}\))?,?\s+"
    r"(?:(?:passa|passano|passat[ioe]|sale|salgono|salit[iaoe]|scende|scendono|sces[iaoe])\s+)?da\s+[\d.,]+\s+a\s+$"
)
# "i posti letto aumenteranno da 11 a 20": the subject of a verb of change, then the range
_SUBJECT_RANGE_RE = re.compile(
    r"\b(?:i|gli|le)\s+([a-zà-ù]{4,})(?:\s+[a-zà-ù]{3,})?\s+(?:(?:sono|è)\s+)?"
    r"(?:pass|sal|scend|aument|cresc|cal|diminu|raddoppi|triplic)[a-zà-ù]*\s+da\s+[\d.,]+\s+a\s+$",
    re.IGNORECASE,
)
# "non da dieci velivoli, ma solo da sei", "non 50 posti, ma 40": the number that corrects the figure just told
_CONTRAST_RE = re.compile(r",\s*ma\s+(?:(?:solo|soltanto|appena|ben)\s+)?(?:(?:da|a|di|per|in)\s+)?$", re.IGNORECASE)
_COMPARED_RE = re.compile(
    r"\b(?:invece\s+d(?:i|ei|egli|elle)|rispetto\s+a(?:i|gli|lle)?|contro(?:\s+(?:i|gli|le))?|anziché\s+(?:i|gli|le)"
    r"|a\s+fronte\s+d(?:i|ei|egli|elle)"
    # "sono scesi a 45 dai 120 di gennaio": the value the figure just told moved from
    r"|\b(?:salit|scese?|scesi|passat|aumentat|cresciut|calat|diminuit)[aeio]?\s+a\s+[\d.,]+\s+d(?:ai|agli|alle))"
    r"\s+(?:(?:attuali|precedenti|soli|appena|solo)\s+)?$",
    re.IGNORECASE,
)
_LIST_PREPS = frozenset(
    {"a", "al", "allo", "alla", "ai", "agli", "alle", "in", "nel", "nello", "nella", "nei", "negli", "nelle",
     "da", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "per", "su", "sul", "sulla", "sui",
     "all", "nell", "dall", "sull"}  # "1.200 dipendenti in Italia e 300 all'estero": elided before a vowel
)  # fmt: skip
_CAP_RE = re.compile(r"\b(?:un\s+)?(?:massimo|tetto|limite\s+massimo)\s+di\s+$", re.IGNORECASE)
_VOTE_WORDS = frozenset({"favorevoli", "contrari"})  # "astenuti" are people: the annotators keep the word
# What may follow the bare part of an amount after "di cui": a source ("di Pnrr", "con il Pnrr", "dalla Regione"),
# a use ("in opere pubbliche"), a bracket or the end of the clause.
_PART_FOLLOWERS = _LIST_PREPS | {"di", "con", "(", ",", ".", ";", ")"}

_CUI_RE = re.compile(r"\b(?:di|tra|fra)\s+cui\s+$", re.IGNORECASE)


def _participle_plural(word: str) -> bool:
    """``arrestate``, ``finanziati``, ``prese``: a plural past participle."""
    low = word.lower()
    return len(low) > 5 and low.endswith(("ati", "ate", "iti", "ite", "uti", "ute"))


_ALTRI_BEFORE_RE = re.compile(r"\b(altri|altre)\s+$", re.IGNORECASE)


def _counted(text: str, number: Number, unit: Unit) -> Mention:
    """The mention of a number with its counted noun, qualifier (``circa`` for ``una decina``) and ``altri``."""
    qualifier, start = _qualifier(text, number.start)
    if number.approx:
        qualifier = qualifier or "circa"
    else:
        m = _ALTRI_BEFORE_RE.search(text[max(0, start - 8) : start])
        if m:
            start = start - (len(text[max(0, start - 8) : start]) - m.start())
    value, end = number.value, unit.end
    half = _AND_A_HALF_RE.match(text[end : end + 12])
    if half and isinstance(value, int) and value < 1000:
        value, end = value + 0.5, end + half.end()  # "tre chili e mezzo di cocaina"
    if _PRINTED_MINUS_RE.search(text[max(0, number.start - 2) : number.start]):
        value, start = -value, number.start - 1  # "(-148mila occupati)": a printed minus is kept, as for "%"
    told = bool(_DEFINITE_SMALL_RE.search(text[max(0, number.start - 5) : number.start])) and 2 <= value <= 10
    told = told and not text[number.start].isdigit()
    # "i 262 lavoratori" after "262 dipendenti": digits after a definite article name a quantity already told
    told = told or text[number.start].isdigit() and bool(_DEFINITE_RE.search(text[max(0, start - 8) : start]))
    return Mention(value, unit.word, qualifier, text[start:end], start, told)


_DEFINITE_SMALL_RE = re.compile(r"(?:^|[^\w'’])(?:i|gli|le)\s+$", re.IGNORECASE)
_DEFINITE_RE = re.compile(
    r"(?:^|[^\w'’])(?:i|gli|le|dei|degli|delle|ai|agli|alle|dai|dagli|dalle|nei|negli|nelle|sui|sugli|sulle"
    r"|questi|queste|quei|quegli|quelle|quelli|tali)\s+$",
    re.IGNORECASE,
)


def _a_count(unit: str) -> bool:
    """A count of people or things, not a share or money."""
    return unit != "%" and unit.lower() not in _CURRENCIES and unit != "punti percentuali"


def _retold(m: Mention, o: Mention) -> bool:
    """``m`` tells again the quantity of the earlier ``o``: a number word, or digits counting another noun (``i 148
    operai`` after ``148 dipendenti``; with the same noun the two are one entry already, the more specific kept)."""
    if o.value != m.value or o.start >= m.start:
        return False
    if not (m.text[:1].isdigit() or m.text[:1] in "(-"):
        return True
    return _a_count(o.unit) and _a_count(m.unit) and unit_key(o.unit) != unit_key(m.unit)


def _not_told_again(found: list[Mention]) -> list[Mention]:
    """``Tre giovani feriti … I tre feriti sono stati ricoverati``: a small number word after a definite article
    whose value is already a figure of the text points back to it; it is no new figure."""
    out: list[Mention] = []
    for m in found:
        if m.told_before and any(_retold(m, o) for o in out):
            continue
        out.append(m)
    return out


# Words before "milione"/"miliardo" that make it one (or half) of them: "un milione", "al milione di euro".
_ONE_MILLION = frozenset({"un", "uno", "il", "al", "del", "dal", "nel", "sul", "mezzo"})
# Words met so far that can start a number, and those that cannot: a text's words are mostly among them, so a set
# operation leaves only its new words and its numbers in digits to look at.
_NUMBER_WORDS: set[str] = set()
_OTHER_WORDS: set[str] = set()


def _may_start_number(token: str) -> bool:
    """Digits, or a word that can be (part of) a number: ``sedici``, ``un`` (milione), ``decina``."""
    kind = _token_kind(token)
    return kind == "num" or kind == "word" and _numberish_word(token)


def _numberish_word(word: str) -> bool:
    """A word that can be (part of) a number, remembered as words are met."""
    if word in _NUMBER_WORDS:
        return True
    if word in _OTHER_WORDS:
        return False
    low = word.lower()
    known = low in APPROX or low in {"un", "uno", "zero"} or word_value(word) is not None
    if len(_NUMBER_WORDS) + len(_OTHER_WORDS) < 200_000:
        (_NUMBER_WORDS if known else _OTHER_WORDS).add(word)
    return known


# Nouns of money after "milioni di": the amount is in euro ("8 miliardi di investimento", "3 milioni di fondi").
_MONEY_NOUNS = {
    'investimento', 'investimenti', 'finanziamento', 'finanziamenti', 'fondi', 'risorse', 'spesa', 'spese',
    'fatturato', 'ricavi', 'utile', 'utili', 'debito', 'debiti', 'perdite', 'deficit', 'stanziamento',
    'stanziamenti', 'contributi', 'contributo', 'entrate', 'incassi', 'tasse', 'imposte', 'risparmi', 'costi',
    'danni', 'extracosti', 'rincari', 'aiuti', 'crediti', 'prestiti', 'mutui', 'capitali', 'euri',
    'commissioni', 'interessi', 'uscite', 'proventi', 'introiti', 'dividendi', 'compensi', 'stipendi', 'salari',
    'indennizzi', 'rimborsi', 'risarcimenti', 'sanzioni', 'multe', 'oneri', 'canoni', 'affitti', 'bollette',
    'pagamenti', 'versamenti', 'depositi', 'impieghi', 'accantonamenti', 'ammortamenti', 'plusvalenze',
    'minusvalenze', 'margini', 'ristori', 'sussidi', 'tributi', 'accise', 'tariffe', 'rette', 'importi',
    'somme', 'cifre', 'valori', 'budget', 'esportazioni', 'importazioni', 'premi', 'montepremi', 'mancati',
}  # fmt: skip


def _money_after_di(word: str) -> bool:
    """After ``milioni di``, a name (``Tltro``), a function word (``di cui``) or a noun of money leaves no
    counted noun: the amount is money."""
    low = word.lower()
    return not word.islower() or low in STOP or low in _NOT_UNITS or low in _MONEY_NOUNS


# Nouns that millions can count when their sentence names no money ("i migranti nel mondo sono 281 milioni").
_COUNTED_IN_MILLIONS = frozenset({
    'migranti', 'stranieri', 'immigrati', 'cittadini', 'pensionati', 'disoccupati', 'occupati', 'inattivi',
    'lavoratori', 'passeggeri', 'turisti', 'presenze', 'arrivi', 'pernottamenti', 'visitatori', 'spettatori',
    'telespettatori', 'ascoltatori', 'lettori', 'abitanti', 'residenti', 'persone', 'profughi', 'rifugiati',
    'sfollati', 'richiedenti', 'elettori', 'votanti', 'iscritti', 'studenti', 'utenti', 'abbonati', 'clienti',
    'pazienti', 'famiglie', 'nascite', 'nati', 'decessi', 'morti', 'contagi', 'casi', 'bambini', 'minori',
    'anziani', 'donne', 'italiani', 'poveri', 'viaggiatori', 'veicoli', 'accessi', 'visite',
})  # fmt: skip
# Words that make a sentence about money: its bare millions stay euro ("i cittadini avranno 3 milioni di fondi").
_MONEY_WORDS = frozenset(
    _MONEY_NOUNS
    | _CURRENCIES
    | {
        'importo', 'costo', 'costa', 'costano', 'prezzo', 'prezzi', 'bilancio', 'pagamento', 'finanziato',
        'finanziati', 'finanziata', 'finanziate', 'stanziati', 'stanziato', 'investiti', 'spesi', 'pil', 'valore',
        'patrimonio', 'mln', 'mld', 'milionari', 'guadagni', 'guadagnato', 'incassato', 'fondo', 'soldi',
    }
)  # fmt: skip
# "progetti per 80 miliardi", "una manovra da 30 miliardi": millions after "per" or "da" are a value
_VALUE_OF_BEFORE_RE = re.compile(r"\b(?:per|da)\s+$", re.IGNORECASE)
_COUNTED_NOUN_RE = re.compile(r"\b(?:i|gli|le|dei|degli|delle|numero\s+di)\s+([a-zà-ù]{4,})\b", re.IGNORECASE)


def _counted_in_sentence(text: str, start: int) -> str | None:
    """The noun that bare millions count: the nearest people or things named after an article shortly before them
    in their sentence, when the sentence names no money (``il numero dei migranti … erano 173 milioni``)."""
    before = _SENTENCE_BREAK_RE.split(text[max(0, start - 120) : start])[-1]
    after = _SENTENCE_BREAK_RE.split(text[start : start + 200])[0]
    if "€" in before or "€" in after or _VALUE_OF_BEFORE_RE.search(before):
        return None
    if not _MONEY_WORDS.isdisjoint(LETTERS_RE.findall((before + after).lower())):
        return None
    nouns = [noun for m in _COUNTED_NOUN_RE.finditer(before) if (noun := m.group(1).lower()) in _COUNTED_IN_MILLIONS]
    return nouns[-1] if nouns else None


# "Erano quasi in duemila", "erano in oltre tremila": "in" and a number after a verb of being is a crowd.
_CROWD_RE = re.compile(
    r"\b(?:erano|eravamo|siamo|sono|saranno|saremo|erano\s+stati|eravate|siete)\s+"
    r"(?:(oltre|circa|quasi|almeno|più\s+di)\s+)?in\s+$",
    re.IGNORECASE,
)


_FROM = frozenset({"da", "dal", "dai", "dalle", "dagli", "dallo", "dall"})


def _score(tokens: _Tokens, i: int) -> bool:
    """``ha vinto 3 a 1``, ``un emozionante 5 a 4``: two small numbers joined by ``a`` with no ``da`` before them are
    a score or a ratio, not a range (``da 6 a 16 posti``)."""
    n = len(tokens)
    if i + 2 >= n or tokens[i].kind != "num" or tokens[i + 1].text != "a" or tokens[i + 2].kind != "num":
        return False
    if not (tokens[i].text.isdigit() and tokens[i + 2].text.isdigit()):
        return False
    small = int(tokens[i].text) <= 20 and int(tokens[i + 2].text) <= 20
    before = {tokens[x].text.lower() for x in range(max(0, i - 3), i)}
    return small and not before & _FROM


_HYPHEN_RANGE_RE = re.compile(r"(\d{1,3}(?:\.\d{3})*)[-–](\d{1,3}(?:\.\d{3})*)(?![\d.,/-]\d)")


_NUMERIC_GLUE_BEFORE_RE = re.compile(r"[\d/.-]$")


def _hyphen_range(text: str, tokens: _Tokens, i: int) -> Step | None:
    """``60-70 persone``, ``140-150.000 lavoratori``: a rough range printed with a hyphen before a counted noun;
    the upper bound is the figure, the lower one waits for its unit (and its thousands). Years (``2014-2020``),
    clock times (``fascia 20-24``), ages and scores are no such range: no counted noun follows them."""
    m = _HYPHEN_RANGE_RE.match(text, tokens[i].start)
    if m is None or i + 2 >= len(tokens) or tokens[i + 2].end != m.end(2):
        return None
    if _NUMERIC_GLUE_BEFORE_RE.search(text[max(0, tokens[i].start - 1) : tokens[i].start]):
        return None  # "2014-2020-2027", "12/3-5": a longer code
    low, high = _digits_value(m.group(1)), _digits_value(m.group(2))
    if not isinstance(low, int) or not isinstance(high, int) or not 2 <= low < high or 1900 <= low <= 2100:
        return None
    if _in_name(text, tokens, i):
        return None  # "via Roma 12-14": street numbers
    j = i + 3
    pct = _PERCENT_AFTER_RE.match(text, m.end())
    if pct and high <= 100:
        # "attorno al 35-40%", "circa il 30-31%": a range of percentages, the upper bound told with its sign
        qualifier, start = _qualifier(text, tokens[i].start)
        second, end = tokens[i + 2].start, m.end() + pct.end() - pct.start()
        while j < len(tokens) and tokens[j].start < end:
            j += 1
        return Step(j, Mention(high, "%", qualifier, text[second:end], second), Range(low, start, second, True))
    if j < len(tokens) and tokens[j].text.lower() in MULTIPLIERS:
        high, j = _amount(tokens, j, high)
    k = _noun_index(tokens, j)
    unit = _unit_at(tokens, k, high) if k < len(tokens) and tokens[k].text.islower() else None
    if not isinstance(unit, Unit) or unit.word.lower() in PARTICIPLES:
        return None
    if unit.word not in _CURRENCIES and not _plural_noun(unit.word.split()[0]):
        return None
    while low * 1000 <= high:
        low *= 1000  # "140-150.000": the lower bound takes the thousands of the upper one
    qualifier, start = _qualifier(text, tokens[i].start)
    second = tokens[i + 2].start
    mention = Mention(high, unit.word, qualifier, text[second : unit.end], second)
    return Step(k + 1, mention, Range(low, start, second, True))


_BRACKET_CLOSERS = frozenset({")", "tra", "fra"})  # "(12, 14 e 16 anni)": a list in brackets is no count
# "delle matricole (", "presentazioni librarie (", "giornate di mostre (": a lower-case noun phrase, then the bracket
_BRACKET_NOUN_RE = re.compile(r"(?:^|[\s,(])([a-zà-ù]{4,}(?:\s+di)?(?:\s+[a-zà-ù]{4,})?)\s+\(\s*$")
# "il numero dei procedimenti, sia penali (11.187) che civili (": the noun is before the coordinated adjectives
_BRACKET_HEAD_RE = re.compile(
    r"\bd(?:i|ei|egli|elle)\s+([a-zà-ù]{4,}),?\s+sia\s+(?:[a-zà-ù]+\s+\([^()]*\)\s+(?:che|e|sia)\s+)?"
    r"([a-zà-ù]+)\s+\(\s*$"
)


def _bracketed_noun(text: str, tokens: _Tokens, i: int, j: int, start: int) -> str | None:
    """``delle matricole (4.235)``, ``presentazioni librarie (112)``, ``rifugiati (73 tra uomini e donne)``: a
    number alone in a bracket right after a lower-case plural noun phrase counts it; ``dei procedimenti, sia penali
    (11.187) che civili (17.670)`` counts procedimenti penali and procedimenti civili."""
    if j != i + 1 or j >= len(tokens) or tokens[j].text.lower() not in _BRACKET_CLOSERS:
        return None
    before = text[max(0, start - 120) : start]
    head = _BRACKET_HEAD_RE.search(before)
    if head:
        return f"{head.group(1)} {head.group(2)}"
    m = _BRACKET_NOUN_RE.search(before[-60:])
    if m is None:
        return None
    words = m.group(1).split()
    words = words[1:] if words[0] in STOP or words[0] in _PRE_ADJECTIVES and len(words) > 1 else words
    if not words or not _plural_noun(words[0]) or not _plural_noun(words[-1]):
        return None
    if words[0].endswith(ADJECTIVE_ENDINGS + ("ili",)) and len(words) == 1:
        return None  # "penali (11.187)" with no noun in reach: the adjective is no counted noun
    return words[0]  # the head noun: "gli stipendi arretrati (ben cinque)" counts stipendi


# Nouns of people that "N sono …" may name: "Tra i 120 sbarcati, 30 sono minori" (an adjective would not count).
_COPULA_NOUNS = frozenset(
    _PEOPLE_UNITS
    | {'minori', 'uomini', 'bambine', 'ragazze', 'stranieri', 'anziani', 'minorenni', 'maggiorenni', 'richiedenti',
       'rifugiati', 'profughi', 'disoccupati', 'pensionati', 'italiani', 'comunitari', 'extracomunitari'}
)  # fmt: skip


_CLAUSE_START_BEFORE_RE = re.compile(r"(?:^|[.;:,!?»”])\s*$")


def _copula_count(text: str, tokens: _Tokens, j: int, start: int, value: float | int) -> str | None:
    """A number opening a clause and followed by a verb of being: ``180 sono state accolte`` (a participle: the noun
    of the figure just told, ``SAME_UNIT``), ``8.700 sono minori`` (a noun of people: that noun); else None."""
    n = len(tokens)
    if j + 1 >= n or tokens[j].text.lower() not in {"sono", "erano", "saranno", "risultano"}:
        return None
    if not _CLAUSE_START_BEFORE_RE.search(text[max(0, start - 3) : start]):
        return None  # "i volontari che in 40 sono …": only a number opening its clause
    nxt = tokens[j + 1].text.lower()
    after = tokens[j + 2].text if j + 2 < n else ""
    if nxt in {"stati", "state"} and after.islower() and after not in STOP and after[-1:] in {"i", "e"}:
        return SAME_UNIT  # "sono state accolte", "sono stati chiusi": a participle, the noun left out
    if nxt in _COPULA_NOUNS:
        unit = _unit_at(tokens, j + 1, value)
        return unit.word if isinstance(unit, Unit) else None
    return None


_SENTENCE_START_BEFORE_RE = re.compile(r"(?:^|[.!?]\s+)$")


def _read_at(text: str, tokens: _Tokens, i: int) -> Step:
    """Read the figure, if any, that starts at token ``i``."""
    if tokens[i].kind == "num" and text[tokens[i].end : tokens[i].end + 1] in {"-", "–"}:
        hyphen = _hyphen_range(text, tokens, i)
        if hyphen:
            return hyphen
    number = _read_number(text, tokens, i)
    if number is None:
        return Step(i + 1)
    at = _magnitude_word(tokens, i) if tokens[i].kind == "num" else None
    if at is not None:  # "scossa di magnitudo 4.6", "pari a 5.7 di magnitudo": an earthquake's magnitude
        qualifier, start = _qualifier(text, number.start)
        first, last = (tokens[at].start, tokens[i].end) if at < i else (start, tokens[at].end)
        return Step(max(at, i) + 1, Mention(number.value, "magnitudo", qualifier, text[first:last], first))
    if _score(tokens, i):
        return Step(i + 3)
    pct = _percentage(text, tokens, i, number)
    if pct:
        return pct
    j, value, n = number.after, number.value, len(tokens)
    if j + 1 < n and tokens[j].text.lower() == "per" and tokens[j + 1].text.lower() == "mille":
        if value in {2, 5, 8}:  # "il 5 per mille": the tax share's name
            return Step(j + 2)
        return Step(j + 2, Mention(value, "per mille", None, text[number.start : tokens[j + 1].end], number.start))
    qualifier, start = _qualifier(text, number.start)
    crowd = _CROWD_RE.search(text[max(0, start - 40) : start])
    if crowd and not (j < n and tokens[j].text.lower() in _PEOPLE_UNITS):
        qualifier = qualifier or (crowd.group(1).lower() if crowd.group(1) else None)
        return Step(j, Mention(value, "persone", qualifier, text[start : tokens[j - 1].end], start))
    measure = _measure_before(tokens, i) if tokens[i].kind == "num" else None
    if measure:  # "kg 2,5 di marijuana": the unit printed before the number
        return Step(j, Mention(value, measure, qualifier, text[start : tokens[j - 1].end], start))
    bracketed = _bracketed_noun(text, tokens, i, j, start)
    if bracketed:  # "delle matricole (4.235)", "rifugiati (73 tra uomini e donne)": the noun before the bracket
        return Step(j, Mention(value, bracketed, qualifier, text[start : tokens[j - 1].end], start))
    if tokens[i].kind == "num" and _money_before(text, number.start):
        # "€ 500.000 stanziati": a currency before the number names its unit
        end_tok = tokens[j - 1] if tokens[j - 1].text.lower() != "di" else tokens[j - 2]
        return Step(j, Mention(value, "euro", qualifier, text[start : end_tok.end], start))
    inverted = _INVERTED_BEFORE_RE.search(text[max(0, start - 30) : start])
    # "Circa 80, secondo gli organizzatori, i partecipanti": a verbless sentence opening on the number
    inverted = inverted or _SENTENCE_START_BEFORE_RE.search(text[max(0, start - 3) : start])
    k = _noun_index(tokens, (inverted and _subject_after_insert(tokens, j)) or j)
    points = _points(text, tokens, i, k, value)
    if points:
        return points
    # "381 mln resi", "3 miliardi di Tltro": after millions, only "di" + a common noun or a currency is a unit
    big = _in_millions(tokens, i, j)
    if big and k + 1 < n and tokens[j - 1].text.lower() == "di" and tokens[k].text.lower() in _DEMONSTRATIVES:
        k += 1  # "2,3 milioni di queste persone": the noun after the demonstrative
    counted = k < n and tokens[k].kind == "word" and tokens[k].text.lower() not in _CURRENCIES
    if not big and (not counted or _closes_clause(tokens, k)) and _in_millions(tokens, i, j, anywhere=True):
        big = True  # "due milioni e mezzo;": millions with no counted noun are money
    # "sono 2,6 milioni i disoccupati": an article after the millions brings the counted noun, as after a count
    noun_follows = k > j and tokens[k - 1].text.lower() in {"i", "gli", "le"}
    noun_follows = noun_follows and k < n and tokens[k].text.islower() and not _money_after_di(tokens[k].text)
    if big and counted and not noun_follows and (tokens[j - 1].text.lower() != "di" or _money_after_di(tokens[k].text)):
        k = n  # no counted noun: money
    closes = not number.approx and _closes_clause(tokens, k)
    if k < n and tokens[k].kind == "word" and _CUI_RE.search(text[max(0, start - 12) : start]):
        # "98 persone identificate, tra cui due arrestate": a part of the figure just told, its noun
        low = tokens[k].text.lower()
        if _participle_plural(low) and low not in PARTICIPLES:  # "di cui 5 dedicati ai bambini": no figure
            return Step(k + 1, Mention(value, SAME_UNIT, qualifier, text[start : tokens[k].end], start))
    if k < n and tokens[k].text.lower() in {"quelli", "quelle"} and i > 0 and tokens[i - 1].text in {",", ";", "e"}:
        # "Oltre 600 le domande presentate, 450 quelle accolte": the noun of the figure just told
        return Step(k + 1, Mention(value, SAME_UNIT, qualifier, text[start : tokens[k].end], start))
    copula = _copula_count(text, tokens, j, start, value) if not big and k == j else None
    if copula is not None:  # "250 domande: 180 sono state accolte", "Oltre 8.700 sono minori"
        return Step(j + 1, Mention(value, copula, qualifier, text[start : tokens[j - 1].end], start))
    unit = None if closes and k < n and tokens[k].kind == "word" else _unit_at(tokens, k, value)
    thousands = _in_thousands(tokens, i, j) and k + 1 < n and tokens[k].kind == "word"
    agent = thousands and _participle_plural(tokens[k].text) and tokens[k + 1].text.lower() in _FROM
    if thousands and (_verb_like(tokens[k].text.lower()) or agent):
        unit = None  # "832 mila sono arrivati dal Ministero", "125 mila finanziati dal Comune": an amount
    if isinstance(unit, Step):
        return unit
    if isinstance(unit, Unit) and unit.word.lower() in _VOTE_WORDS and tokens[i - 1].text.lower() in {"e", ",", "ed"}:
        unit = Unit(VOTES_OF + unit.word, unit.end)  # "25 voti contrari e 17 favorevoli"
    between = unit is None and k + 3 < n and tokens[k].text.lower() in {"tra", "fra"}
    if between and _plural_noun(tokens[k + 1].text) and {tokens[k + 2].text, tokens[k + 3].text} & {"e", "ed"}:
        # "41 tra investimenti e sub investimenti", "30 tra medici e infermieri": the first noun counts
        return Step(k + 2, _counted(text, number, Unit(tokens[k + 1].text, tokens[k + 1].end)))
    part_of = unit is None and k + 2 < n and tokens[k].text.lower() == "su"
    if part_of and not _is_proportion(text, tokens[k - 1].end, value):
        whole = _unit_at(tokens, k + 2, value) if _may_start_number(tokens[k + 1].text) else None
        if isinstance(whole, Unit):  # "98 su 109 camion": the part counts the whole's noun
            return Step(k + 1, _counted(text, number, whole))
    if unit is not None and (_is_proportion(text, unit.end, value, unit.word) or unit.word.lower() in PARTICIPLES):
        return Step(k + 1)
    if unit is not None and _idiom(text, tokens, i, unit):
        return Step(k + 1)
    if unit is not None and _participle_plural(unit.word) and _COMPARED_RE.search(text[max(0, start - 80) : start]):
        # "4.300 procedimenti definiti, a fronte dei 5.100 sopravvenuti": a participle compared with the figure told
        return Step(k + 1, Mention(value, SAME_UNIT, qualifier, text[start : tokens[k].end], start))
    if unit is None and not big:
        # "il numero delle vittime sale a 116 dall'inizio": a preposition after the number, the noun before it
        first = i - 1 if number.approx else i  # "ne mancano una settantina": from "una"
        before = _unit_before(text, tokens, first, j, value, clause_closed=closes)
        if before:
            return before
    elif unit is None and closes:
        # "i passeggeri sono stati 4,5 milioni": millions of a noun told before; "i ricavi salgono a 16,1 mld",
        # "le risorse sono 3 milioni": millions of money
        qualifier, start = _qualifier(text, tokens[i].start)
        before_text = text[max(0, start - 100) : start]
        m = _nearest(_UNIT_BEFORE_RE, before_text)
        if m and _millions_of(before_text, m):
            return Step(j, Mention(value, m.group(1), qualifier, text[start : tokens[j - 1].end], start))
    if unit is None:
        return _without_unit(text, tokens, i, j, k, value, big)
    if value >= 1000 and k > j and tokens[k - 1].text.lower() in {"i", "gli", "le"} and unit.word in _MONEY_NOUNS:
        # "1.790.000 circa gli introiti", "sono 45.000 i contributi": an amount told as a noun of money is euro
        mention = _counted(text, number, unit)
        return Step(k + 1, Mention(mention.value, "euro", mention.qualifier, mention.text, mention.start))
    referent = _unit_referent(text, tokens, k, unit, number.start)
    if referent:
        unit = Unit(referent, unit.end)  # "il numero di occupati (-27mila unità)": the count of occupati
    return Step(k + 1, _counted(text, number, unit))


# "il numero di occupati (-27mila unità)", "l'aumento dei posti di almeno 4mila unità", "degli occupati, +246mila
# unità": "unità" stands for the noun whose number or change the clause tells, with no other number in between.
_UNITS_OF_RE = re.compile(
    r".*\b(?:numero|aumento|incremento|calo|crescita|diminuzione|riduzione|perdita|saldo)\s+"
    r"d(?:i|ei|egli|elle)\s+([a-zà-ù]{4,})\b[^\d.;:!?()]*\s$"
    r"|\b(?:i|gli|le|d(?:i|ei|egli|elle))\s+([a-zà-ù]{4,})\s*[(,]\s*(?:(?:circa|oltre|quasi|almeno)\s+)?[+\-−]?$"
    # "gli occupati aumentano di 82mila unità": the subject of a verb of change
    r"|\b(?:i|gli|le)\s+([a-zà-ù]{4,})\s+(?:(?:sono|è)\s+)?(?:aument|cresc|cal|diminu|sces|scend)[a-zà-ù]*\s+di\s+"
    r"(?:(?:circa|oltre|quasi|almeno)\s+)?[+\-−]?$",
    re.IGNORECASE,
)


def _unit_referent(text: str, tokens: _Tokens, k: int, unit: Unit, start: int) -> str | None:
    """The noun that a bare ``unità`` after a number stands for (``del numero di occupati (-27mila unità)`` →
    occupati), if the clause before it tells one; ``unità abitative`` and ``6.000 unità`` with no such noun stay."""
    if unit.word.lower() != "unità" or unit.end != tokens[k].end:
        return None
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.kind == "word" and nxt.text.islower() and nxt.text[-1] in "ei" and nxt.text not in STOP:
        return None  # "due unità cinofile": an adjective agrees with "unità", which is the counted noun
    before = _CLAUSE_BREAK_SPACE_RE.split(text[max(0, start - 150) : start])[-1]
    m = _UNITS_OF_RE.search(before)
    noun = m and (m.group(1) or m.group(2) or m.group(3))
    return noun if noun and _plural_noun(noun) else None


# Nouns that make "a" + a number a fixed phrase, not a count: "a due velocità", "a quattro mani", "a due facce".
_A_COUNT_IDIOMS = frozenset({"velocità", "mani", "passi", "facce", "voci", "teste", "marce"})


# A number and a noun that make a fixed phrase: "le due ruote" (motorbikes), "tra le quattro mura" (at home),
# "due popoli, due Stati" (the two-state solution), "un'azione a 360 gradi" (all round, no temperature).
_COUNTING_IDIOMS = frozenset({("due", "ruote"), ("quattro", "mura"), ("due", "popoli"), ("360", "gradi")})


_PUNTI_DI_VISTA_RE = re.compile(r"\s+di\s+(?:vista|riferimento)\b")


def _idiom(text: str, tokens: _Tokens, i: int, unit: Unit) -> bool:
    """A number in a fixed phrase: ``mezzo a due ruote`` (a motorbike), ``in mille pezzi``, ``+4 posizioni`` (a
    rank change)."""
    low = unit.word.lower()
    if low in {"ruote", "pezzi"} and i > 0 and tokens[i - 1].text.lower() == ("a" if low == "ruote" else "in"):
        return True  # "a due ruote", "andare in mille pezzi"
    if (tokens[i].text.lower(), low) in _COUNTING_IDIOMS:
        return True  # "le due ruote" (motorbikes), "tra quattro mura", "due popoli, due Stati", "a 360 gradi"
    if low == "punti" and _PUNTI_DI_VISTA_RE.match(text[unit.end : unit.end + 20]):
        return True  # "due punti di vista": ways of seeing, no count
    if low in _A_COUNT_IDIOMS and i > 0 and tokens[i - 1].text.lower() == "a":
        return True  # "un Paese a due velocità", "scritto a quattro mani", "a due passi dal centro"
    return low.startswith("posizion") and text[max(0, tokens[i].start - 1) : tokens[i].start] in {"+", "-", "−"}


def _range_mentions(text: str, found: list[Mention], ranges: list[Range]) -> list[Mention]:
    """The first numbers of ranges, with the unit (and the multiplier) of the second number."""
    out: list[Mention] = []
    starts = {f.start for f in found}
    for r in ranges:
        second = next((f for f in found if f.start <= r.second_at < f.start + len(f.text)), None)
        if second is None or second.unit == "%" or r.start in starts or r.value == 0:
            continue  # "un ISEE tra 0 e 6000 euro": a range from nothing is no amount
        mult = next(
            (m for w, m in MULTIPLIERS.items() if re.search(r"(?<![^\W\d_])" + w + r"\b", second.text.lower())), 1
        )
        full = r.value * mult if not r.has_multiplier and mult > 1 else r.value
        if full > 10 * second.value > 0 and not r.has_multiplier:
            full = r.value  # "da 500 a 3 mila euro": with the multiplier the first bound would dwarf the second
        full = _whole(full)
        out.append(Mention(full, second.unit, None, text[r.start : second.start + len(second.text)], r.start))
    return out


def _mentions(text: str, tokens: _Tokens, unread: list[Unread]) -> list[Mention]:
    """All figure mentions of a normalised text, in order; ``unread`` gathers the numbers read with no noun."""
    found: list[Mention] = []
    ranges: list[Range] = []
    words = tokens.texts
    # most tokens cannot start a number: each distinct token is looked at once (most are words already met), then
    # the few that can are picked where they occur
    distinct = set(words)
    fresh = distinct - _NUMBER_WORDS - _OTHER_WORDS
    can_start = distinct & _NUMBER_WORDS | {w for w in fresh if _may_start_number(w)}
    starts = list(compress(range(len(words)), map(can_start.__contains__, words)))
    if "milion" in text or "miliard" in text:  # "al milione di euro": an article starts the number (rare: not above)
        millions = {w for w in distinct if w.lower() in {"milione", "miliardo"}}
        starts = sorted(
            set(starts)
            | {
                i - 1
                for i in compress(range(len(words)), map(millions.__contains__, words))
                if i > 0 and words[i - 1].lower() in _ONE_MILLION
            }
        )
    i = 0
    for start in starts:
        if start < i:
            continue  # inside the figure read last
        step = _read_at(text, tokens, start)
        if step.mention:
            found.append(step.mention)
        if step.range:
            ranges.append(step.range)
        if step.unread:
            unread.append(step.unread)
        i = step.next
    found = _same_units(text, found)
    found.extend(_range_mentions(text, found, ranges))
    found.sort(key=lambda f: f.start)
    return _not_told_again(found)


def _entry_key(unit: str) -> str:
    """Key of one figure entry: the counted noun's key, but the whole unit for votes (``11 voti a favore e 11
    contrari``: two entries of one value)."""
    key = unit_key(unit)
    if key != "vot":
        return key
    folded = fold(unit)
    return "vot fav" if "favor" in folded else "vot contr" if "contrar" in folded else key


def unread_outside(tokens: _Tokens, unread: list[Unread], found: list[Mention]) -> list[Unread]:
    """The numbers read with no noun that no figure found covers (a range's first number is in its range's words)."""
    spans = [(m.start, m.start + len(m.text)) for m in found]
    return [u for u in unread if not any(s <= tokens[u.token].start < e for s, e in spans)]


def _rescued(
    text: str, tokens: _Tokens, unread: list[Unread], found: list[Mention], model: FigureModel
) -> list[Mention]:
    """The figures the learned model finds among the numbers read with no noun, outside every figure found."""
    left = unread_outside(tokens, unread, found)
    if not left:
        return []
    told = [Told(m.start, m.unit) for m in found]
    out = []
    for r in model.rescue(text, tokens, left, told):
        qualifier, start = _qualifier(text, r.start)
        out.append(Mention(r.value, r.unit, qualifier, text[start : r.end], start))
    return out


def extract_figures(text: str) -> list[Figure]:
    """Figures of a text, one per (value, counted noun); qualifier and text from the most specific mention."""
    return figures_with(text, load_figure_model())


def figures_with(text: str, model: FigureModel | None) -> list[Figure]:
    """:func:`extract_figures` with the given learned model (None: the rules alone)."""
    norm = normalise(text)
    tokens = _Tokens(norm)
    unread: list[Unread] = []
    mentions = _mentions(norm, tokens, unread)
    if model is not None:
        mentions += _rescued(norm, tokens, unread, mentions, model)
    return _figures_of(text, mentions)


def _figures_of(text: str, mentions: list[Mention]) -> list[Figure]:
    """One figure per (value, counted noun) of the mentions; qualifier and text from the most specific mention."""
    best: dict[tuple[float | int, str], tuple[tuple[bool, int], Figure]] = {}
    for m in mentions:
        key = (m.value, _entry_key(m.unit))
        mention = text[m.start : m.start + len(m.text)]
        fig = Figure(value=m.value, unit=m.unit, qualifier=m.qualifier, text=mention)
        score = (m.qualifier is not None, len(mention))
        if key not in best or score > best[key][0]:
            best[key] = (score, fig)
    for value, plain_key in [k for k in best if k[1] == "vot"]:
        # "150 sì … i 150 voti": plain votes of one value with one side already told are that side's votes
        sides = [k for k in best if k[0] == value and k[1].startswith("vot ")]
        if len(sides) == 1:
            plain = best.pop((value, plain_key))
            best[sides[0]] = max(best[sides[0]], plain, key=lambda entry: entry[0])
    return [fig for _, fig in best.values()]
