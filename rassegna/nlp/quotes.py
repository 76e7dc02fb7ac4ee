"""Quotes: direct speech in « », “ ”, " " (and block quotes signed by a name), with speaker and role."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rassegna.domain import Quote
from rassegna.nlp import speaker_model
from rassegna.nlp.gazetteer import comuni, first_names, given_names_shown, listed_first_names, regions
from rassegna.nlp.textutil import alternation, by_first_letter, fold, literal_not_after, normalise, paragraphs

# Reporting verbs as surface forms (lemmatisers get them wrong): present, and auxiliary + participle.
_PRESENT = (
    'dichiara', 'dichiarano', 'commenta', 'commentano', 'spiega', 'spiegano', 'sottolinea', 'sottolineano',
    'afferma', 'affermano', 'dice', 'dicono', 'aggiunge', 'aggiungono', 'precisa', 'osserva', 'conclude',
    'concludono', 'continua', 'prosegue', 'evidenzia', 'racconta', 'raccontano', 'ribadisce', 'annuncia',
    'sostiene', 'illustra', 'interviene', 'riferisce', 'rileva', 'puntualizza', 'ammette', 'assicura',
    'conferma', 'chiarisce', 'specifica', 'replica', 'risponde', 'esordisce', 'ricorda', 'rimarca',
    'auspica', 'scrive', 'fa sapere', 'fa notare', 'spiega ancora', 'dichiara ancora', 'aggiunge ancora',
    'commenta così', 'le parole di', 'parola di', 'secondo', 'ne parla', 'parla', 'informa', 'avverte',
    'denuncia', 'attacca', 'incalza', 'rivendica', 'insiste', 'esorta', 'chiede', 'chiedono', 'tuona',
    'ammonisce', 'segnala', 'confida', 'rivela', 'ribatte', 'sbotta', 'esulta', 'ironizza', 'garantisce',
    'promette', 'fanno sapere', 'fa eco', 'avvertono', 'denunciano', 'sottolinea ancora', 'comunica',
    'comunicano', 'rende noto', 'rendono noto', 'rammenta', 'annota', 'riconosce', 'argomenta', 'chiosa',
    'scandisce', 'sentenzia', 'lamenta', 'ricostruisce', 'precisano', 'ricordano', 'osservano', 'rimarcano',
    'evidenziano', 'affermano', 'dichiarano', 'spiegano', 'sottolineano', 'commenta ancora', 'prosegue ancora',
    # the rest of each verb's paradigm (third persons, past and imperfect): unseen text uses every form
    'continuano', 'proseguono', 'ribadiscono', 'annunciano', 'sostengono', 'illustrano', 'intervengono',
    'riferiscono', 'rilevano', 'puntualizzano', 'ammettono', 'assicurano', 'confermano', 'chiariscono',
    'specificano', 'replicano', 'rispondono', 'auspicano', 'scrivono', 'informano', 'attaccano', 'incalzano',
    'rivendicano', 'insistono', 'esortano', 'tuonano', 'segnalano', 'rivelano', 'ribattono', 'esultano',
    'garantiscono', 'promettono', 'lamentano', 'argomentano', 'chiosano', 'riconoscono', 'annotano', 'esclama',
    'ripete', 'ripetono', 'premette', 'anticipa', 'sintetizza', 'twitta', 'disse', 'dissero', 'dichiarò',
    'dichiararono', 'spiegò', 'spiegarono', 'aggiunse', 'aggiunsero', 'commentò', 'commentarono', 'sottolineò',
    'affermò', 'raccontò', 'ricordò', 'concluse', 'precisò', 'osservò', 'annunciò', 'replicò', 'rispose',
    'ribadì', 'scrisse', 'evidenziò', 'confermò', 'ammise', 'assicurò', 'denunciò', 'rivelò', 'esclamò',
    'diceva', 'dicevano', 'spiegava', 'raccontava', 'ricordava', 'dichiarava', 'affermava', 'scriveva',
    'commentava', 'sottolineava', 'aggiungeva', 'ripeteva', 'fa presente', 'fanno presente',
)  # fmt: skip
_PARTICIPLES = (
    'dichiarato', 'detto', 'spiegato', 'commentato', 'sottolineato', 'affermato', 'aggiunto', 'precisato',
    'osservato', 'concluso', 'continuato', 'evidenziato', 'raccontato', 'ribadito', 'annunciato',
    'sostenuto', 'illustrato', 'riferito', 'puntualizzato', 'ammesso', 'assicurato', 'confermato',
    'chiarito', 'specificato', 'replicato', 'risposto', 'esordito', 'rilevato', 'ricordato', 'rimarcato',
    'auspicato', 'scritto', 'fatto sapere', 'fatto notare', 'voluto sottolineare', 'tenuto a sottolineare',
    'voluto ricordare', 'informato', 'proseguito', 'avvertito', 'denunciato', 'attaccato', 'incalzato',
    'rivendicato', 'insistito', 'esortato', 'chiesto', 'tuonato', 'annotato', 'ammonito', 'segnalato',
    'confidato', 'rivelato', 'ribattuto', 'esultato', 'ironizzato', 'garantito', 'promesso', 'voluto precisare',
    'tenuto a precisare', 'voluto evidenziare', 'fatto eco', 'comunicato', 'reso noto',
    'rammentato', 'riconosciuto', 'argomentato', 'chiosato', 'scandito', 'sentenziato', 'lamentato',
    'ricostruito', 'notato', 'messo in evidenza', 'messo in guardia', 'tenuto a ribadire', 'voluto ribadire',
    'twittato', 'esclamato', 'ripetuto', 'premesso', 'anticipato', 'sintetizzato', 'voluto dire', 'tenuto a dire',
    'voluto spiegare', 'tenuto a spiegare', 'voluto aggiungere', 'tenuto a evidenziare', 'voluto rimarcare',
    'tenuto a ricordare', 'voluto commentare', 'voluto puntualizzare', 'tenuto a rimarcare', 'voluto ringraziare',
    'fatto presente',
)  # fmt: skip
_AUX_ADVERB = (
    r"(?:poi|anche|inoltre|infatti|quindi|così|invece|però|comunque|ancora|subito|già|pure|infine|tuttavia|"
    r"oggi|ieri|sempre|più\s+volte|a\s+sua\s+volta|dal\s+canto\s+suo|dal\s+canto\s+loro)"
)
_AUX = (  # "ha poi detto", "ha, quindi, affermato"
    r"(?:ha|hanno|aveva|avevano|avrebbe|avrebbero|avrà)"
    r"(?:\s*,\s*" + _AUX_ADVERB + r"\s*,\s*|\s+(?:" + _AUX_ADVERB + r"\s+){0,2})"
)


def _longest_first(words: Iterable[str]) -> str:
    """``(?:…)`` of the words, the longest tried first, grouped by first letter (``alternation``): the engine tries
    one letter per group at each position instead of all two hundred verbs, with the same matches."""
    return alternation(sorted(words, key=len, reverse=True))


_CLITIC = r"(?:(?:ci|mi|ce\s+lo|me\s+lo)\s+)?"  # "– ci ha detto il sindaco –", "ci spiega X": to the reporter
VERB = (
    _CLITIC + r"(?:" + _AUX + _longest_first(_PARTICIPLES) + r"|è\s+intervenut[oa]|" + _longest_first(_PRESENT) + r")"
)
_VERB_RE = re.compile(r"(?<![\w'])" + VERB + r"(?![\w])", re.IGNORECASE)
_PRESENT_WORDS = frozenset(v for v in _PRESENT if " " not in v)  # "Spiega", "Aggiunge": never a given name

ROLE_WORDS = (
    'assessore', 'assessora', 'sindaco', 'sindaca', 'vicesindaco', 'vicesindaca', 'presidente',
    'vicepresidente', 'direttore', 'direttrice', 'dirigente', 'responsabile', 'coordinatore',
    'coordinatrice', 'consigliere', 'consigliera', 'ministro', 'ministra', 'viceministro', 'prefetto',
    'segretario', 'segretaria', 'portavoce', 'delegato', 'delegata', 'referente', 'funzionario',
    'funzionaria', 'garante', 'questore', 'sottosegretario', 'sottosegretaria', 'deputato', 'deputata',
    'senatore', 'senatrice', 'commissario', 'commissaria', 'operatore', 'operatrice', 'educatore',
    'educatrice', 'fondatore', 'fondatrice', 'docente', 'professore', 'professoressa', 'avvocato',
    'avvocata', 'dottore', 'dottoressa', 'vescovo', 'arcivescovo', 'cardinale', 'parroco', 'amministratore',
    'amministratrice', 'capo', 'capogruppo', 'manager', 'project', 'esperto', 'esperta', 'mediatore',
    'mediatrice', 'volontario', 'volontaria', 'ideatore', 'ideatrice', 'titolare', 'governatore',
    'governatrice', 'rettore', 'rettrice', 'primario', 'medico', 'psicologo', 'psicologa', 'assistente',
    'sovrintendente', 'soprintendente', 'console', 'ambasciatore', 'ambasciatrice', 'don',
    'procuratore', 'procuratrice', 'magistrato', 'magistrata', 'giudice', 'pm', 'premier', 'cancelliere',
    'leader', 'generale', 'comandante', 'colonnello', 'capitano', 'maresciallo', 'europarlamentare',
    'eurodeputato', 'eurodeputata', 'onorevole', 'candidato', 'candidata', 'allenatore', 'tecnico', 'ct',
    'scrittore', 'scrittrice', 'attore', 'attrice', 'cantante', 'regista', 'economista', 'analista',
    'ricercatore', 'ricercatrice', 'scienziato', 'scienziata', 'virologo', 'virologa', 'epidemiologo',
    'infettivologo', 'pediatra', 'infermiere', 'infermiera', 'sindacalista', 'imprenditore', 'imprenditrice',
    'giornalista', 'portiere', 'attaccante', 'difensore', 'centrocampista', 'pontefice', 'papa',
    'presidentessa', 'numero uno', 'leader', 'patron', 'ceo', 'ad', 'parlamentare', 'senatrice', 'ex',
    'segretaria generale', 'capitana', 'curatore', 'curatrice', 'architetto', 'ingegnere', 'legale',
    'primo cittadino', 'prima cittadina', 'prefetta', 'questora', 'viceprefetto', 'viceprefetta', 'vicequestore',
    'vicedirettore', 'vicedirettrice', 'vicesegretario', 'vicesegretaria', 'guardasigilli', 'coach', 'mister',
)  # fmt: skip
# Titles abbreviated with a dot before a surname ("l'avv. Colombo", "la dr.ssa Bonu", "il sen. Neri").
_TITLES = ("avv", "dott", "dr", "prof", "ing", "on", "sen", "arch", "geom", "sig")
_TITLE_DOT = r"(?:\.(?:ssa|ra)?\.?|ssa\.?)"
TITLE_ABBREVIATIONS = r"(?:" + "|".join(_TITLES) + r")" + _TITLE_DOT
_ROLE_ARTICLES = ("l'", r"il\s+", r"la\s+", r"lo\s+", "dell'", r"del\s+", r"della\s+")
_ROLE_PREFIXES = ("vice", "neo")  # "il Vicepremier"
# The role itself, after its optional article and prefix: a role word, or a title abbreviated before a surname.
_ROLE_WORD_OR_TITLE = (
    r"(?:(?:(?<=')ad|"  # "l'ad", never the preposition "ad"
    + alternation(w for w in ROLE_WORDS if w != "ad")
    + r")\b|(?<![\w.])"
    + TITLE_ABBREVIATIONS
    + r"(?=\s+[A-ZÀ-Ý]))"
)
_ROLE_ARTICLE = r"(?:(?:" + "|".join(_ROLE_ARTICLES) + r")\s*)?"
_ROLE_START = re.compile(
    _ROLE_ARTICLE + r"(?:(?:" + "|".join(_ROLE_PREFIXES) + r")[\s-]*)?" + _ROLE_WORD_OR_TITLE, re.IGNORECASE
)
_NAME_TOKEN = r"(?:[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?'?|[A-ZÀ-Ý]{2,}(?![a-z]))"
_PARTICLE = (
    r"(?:D'|Dell'|Dall'|Degl'|De\s+|Di\s+|Del\s+|Della\s+|Dello\s+|Lo\s+|La\s+|Li\s+|Da\s+|Dal\s+|Dalla\s+|Mac|Mc"
    r"|(?:[Vv]on|[Vv]an)(?:\s+(?:der|den|de))?\s+)"  # Ursula von der Leyen
)
_GAP = r"[ \t\xa0]+"  # between the words of a name: never a line break (a dateline opens the next paragraph)
# More words of a name after its first: "Rossi" in "Mario Rossi", "De Luca" in "Vincenzo De Luca".
_NAME_TAIL = r"(?:\s+" + _PARTICLE + r"?" + _NAME_TOKEN + r")"
# After a capital, the test that the character before it is no letter: a pattern opening with the capital lets the
# engine skip straight to capitals, while a lookbehind first is tried at every position of the text.
_AFTER_NO_WORD = r"(?<![\w'].)"
# The first word of a name, not inside a word: _NAME_TOKEN with its capital first and _AFTER_NO_WORD right after.
_FIRST_NAME_TOKEN = r"[A-ZÀ-Ý]" + _AFTER_NO_WORD + r"(?:[a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?'?|[A-ZÀ-Ý]+(?![a-z]))"
_NAME_RE = re.compile(
    r"(" + _FIRST_NAME_TOKEN + r"(?:" + _GAP + _NAME_TOKEN + r")?(?:" + _GAP + _PARTICLE + r"?" + _NAME_TOKEN + r")"
    r"(?:" + _GAP + _PARTICLE + r"?" + _NAME_TOKEN + r")?)"
)  # a particle before the last word too: "Giuseppe De Carolis Di Prossedi"
_NOT_A_SOURCE = re.compile(
    r"\b(?:nota|(?<!ha\s)(?<!hanno\s)comunicato|documento|slogan|motto|titolo|progetto|iniziativa|programma|campagna|logo|obiettivo|"
    r"scopo|finalità|denominat[oa]|chiamat[oa]|intitolat[oa]|(?<!ha\s)(?<!hanno\s)(?<!aveva\s)detto|definit[oa])\b[^.!?,:]{0,40}$"
    r"|\b(?:si legge|recita|come scritto|riporta)\b[^.!?]{0,60}$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Span:
    """A delimited passage: offsets of the text inside the marks."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    open_end: bool = False  # never closed: it ends with its paragraph


@dataclass(slots=True)
class Person:
    """A person named in the text."""

    name: str
    role: str | None = None


_OPENERS = "«“„"
_PAIR = {"«": "»", "“": "”", "„": "“", '"': '"', "”": "”"}


def _straight_opens(text: str, i: int) -> bool:
    """A straight quote opens when it starts a word: after a space or an opening sign, before a non-space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([-–—':,;«“") and not after.isspace()


_MARK_RE = re.compile(r'[«»“”„"]')
_GLUED_OPEN_RE = re.compile(r'" ?[A-ZÀ-Ý]|"[a-zà-ù]')


def _glued_straight_opens(text: str, i: int, b: int) -> bool:
    """A straight quote glued to the word or the stop before it (the copy lost a space: ``alla Nazione."La``,
    ``ricordato che"usciamo``), or set off from its first word (``. " Nella``), opens a quote when no quote is
    open and an odd number of straight quotes follows in the paragraph: its closing one is there."""
    return bool(_GLUED_OPEN_RE.match(text, i, b)) and text.count('"', i + 1, b) % 2 == 1


_OPENS_PARAGRAPH_RE = re.compile(r"” ?[^\W\d_]")
# A ” opening a word and closed later in its paragraph by a “ that ends a word: reversed marks.
_REVERSED_OPEN_RE = re.compile(r"” ?[^\W\d_][^”“«»\n]*[^\s”“«»]\s?“(?=[\s.,;:!?)]|$)")


def _opens_a_sentence(text: str, i: int, b: int) -> bool:
    """The mark at ``i`` opens a new sentence: a sentence ended right before it and a capital follows."""
    ended = text[max(0, i - 8) : i].rstrip()[-1:] in ".!?"
    return i + 1 < b and text[i + 1].isupper() and text[i - 1].isspace() and ended


def _para_spans(text: str, a: int, b: int) -> tuple[list[Span], int | None, int | None]:
    """Outermost quoted passages of the paragraph ``text[a:b]``; and where a passage left open starts.

    A passage closes at the first closing mark of any kind that is not nested (``«…”`` and ``“…"`` close),
    and an unclosed one ends with its paragraph."""
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    stray: int | None = None  # a closing mark before any opening one: a quote from an earlier paragraph ends
    for mark in _MARK_RE.finditer(text, a, b):  # only the marks: a loop over every character is slow
        i, c = mark.start(), mark.group(0)
        if c == '"':
            opening = _straight_opens(text, i) and not (stack and stack[-1][0] == '"')
            if not opening and not stack and _glued_straight_opens(text, i, b):
                opening = True  # Nazione."La vittoria …", ha sottolineato."Vi restituisco …": a space lost
            if not opening and not stack:
                if stray is None and not spans:
                    stray = i  # "… alla linea 6". A dirlo è X: it closes a quote carried from the paragraph before
                continue
        elif c == "“":
            # “ closes („…“, or a typed “…“) when it ends a word
            after = text[i + 1] if i + 1 < b else " "
            reversed_pair = bool(stack) and stack[-1][0] == "”"  # ” Senza … attrattive “, afferma
            closes = not text[i - 1].isspace() or reversed_pair
            opening = not (stack and closes and (after.isspace() or after in ".,;:!?)"))
        elif c == "”" and not stack and i + 1 < b and text[i + 1].isalpha() and "”" in text[i + 1 : b]:
            opening = True  # 25 mar.”Il Molise è…”: a closing mark typed as the opening one
        elif c == "”" and not stack and i == a and _OPENS_PARAGRAPH_RE.match(text, i, b) and "”" in text[i + 2 : b]:
            opening = True  # ” Onestamente … impresa.”: a paragraph can only open with an opening mark
        elif c == "«" and len(stack) == 1 and stack[0][0] == "«" and _opens_a_sentence(text, i, b):
            # «Avremo … Regione. «Questa è …»: a « never closed before a sentence opening with a new «
            spans.append(Span(stack[0][1] + 1, i, stack[0][1], i, open_end=True))
            stack.clear()
            opening = True
        elif c == "”" and not stack and (i == a or text[i - 1].isspace()) and _REVERSED_OPEN_RE.match(text, i, b):
            opening = True  # ” Senza il commercio … “: the pair typed the wrong way round
        else:
            opening = c in _OPENERS
        if opening:
            stack.append((c, i))
            continue
        if not stack:
            if stray is None and not spans:
                stray = i
            continue  # a stray closing mark
        # pop to the opener this mark matches, else close the innermost one (a mismatched pair)
        depth = next((k for k in range(len(stack) - 1, -1, -1) if _PAIR[stack[k][0]] == c), len(stack) - 1)
        opener_at = stack[depth][1]
        del stack[depth:]
        if not stack:
            spans.append(Span(opener_at + 1, i, opener_at, i + 1))
    left_open = stack[0][1] if stack else None
    return spans, left_open, stray


def find_spans(text: str) -> list[Span]:
    """Quoted passages of a normalised text, outermost first, ordered by position (no nesting).

    Marks are paired within a paragraph. A quote left open at the end of a paragraph goes on when the next
    paragraph reopens it (Italian style: «… / «…») or closes it with a mark of its own, for at most three
    paragraphs; else it ends with its own paragraph."""
    spans: list[Span] = []
    carry: tuple[int, int, int] | None = None  # (opener, end of its last paragraph, paragraphs so far)
    for a, b in paragraphs(text):
        inner, left_open, stray = _para_spans(text, a, b)
        opened_here = left_open
        hops = 1
        if carry is None and stray is not None and text[stray] != '"' and _lost_opener(text, a, b, stray, spans):
            # (never a straight mark: alone it may be an inch or a typo, and only a quote left open before tells)
            inner.insert(0, Span(a, stray, a, stray + 1))  # the opening mark was lost: the quote opens the paragraph
        if carry is not None:
            reopens = text[a] in '«“"'
            if reopens and inner and inner[0].mark_start == a:
                first = inner.pop(0)  # reopened and closed: one quote over the paragraphs
                spans.append(Span(carry[0] + 1, first.end, carry[0], first.mark_end))
            elif reopens and left_open == a and carry[2] < 3:
                opened_here, hops = carry[0], carry[2] + 1  # reopened and still open: the quote goes on
            elif not reopens and stray is not None and carry[2] < 3:
                spans.append(Span(carry[0] + 1, stray, carry[0], stray + 1))  # «… / …»
            elif not reopens and left_open is None and not inner and carry[2] < 2 and _closes_ahead(text, b):
                opened_here, hops = carry[0], carry[2] + 1  # «… / … / …»: the closing mark comes next
            else:
                spans.append(Span(carry[0] + 1, carry[1], carry[0], carry[1], open_end=True))
        spans.extend(inner)
        carry = (opened_here, b, hops) if opened_here is not None else None
    if carry is not None:
        spans.append(Span(carry[0] + 1, carry[1], carry[0], carry[1], open_end=True))
    spans.extend(_single_quote_spans(text, spans))
    spans.sort(key=lambda s: s.start)
    return spans


def _lost_opener(text: str, a: int, b: int, stray: int, before: list[Span]) -> bool:
    """A closing mark before any quote of the text ends a quote whose opening mark the copy lost: it opens the
    paragraph (``Diventerà un grande polo … di regia”.`` at the start of the text). A few words at least, the
    paragraph opening with a capital; after an earlier quote a stray mark more likely ends a long one, and in
    the text's last paragraph it closes a first-person statement printed whole (which counts as no quote)."""
    return (
        not before
        and text[a].isupper()
        and bool(text[b:].strip())
        and len(text[a:stray].split()) >= 4
        and not any(c in text[a:stray] for c in '«“„"')
    )


# Straight single quotes used as quotation marks ('Con questa diffida', spiega X, 'chiediamo …'.): an opening '
# starts a word (after a space, a bracket, a colon or a dash), a closing ' ends a word and is followed by
# punctuation or the paragraph's end. Apostrophes sit inside words (l'uomo, dell'Autorità).
# (The character before each mark is checked in _single_quote_spans: a pattern opening with a look-behind is slow.)
_SINGLE_OPEN_RE = re.compile(r"'(?=[^\W\d_])")
_SINGLE_CLOSE_RE = re.compile(r"'(?=[ \t]*(?:[.,;:!?)\-–—]|$))", re.MULTILINE)
_BEFORE_SINGLE_OPEN = frozenset(" \t\n(:-–—")
# Accents typed as apostrophes (e', perche', citta', piu', virtu'), and po': a word ending so takes no closing mark.
_ACCENT_APOSTROPHE_RE = re.compile(
    r"(?<![\w'])(?:e|c'e|perche|poiche|affinche|benche|cioe|puo|gia|cosi|pero|percio|po"
    r"|[a-z]*ita|citta|liberta|realta|volonta|meta|eta|[a-z]*u)$",
    re.IGNORECASE,
)


_SPEECH_BEFORE_RE = re.compile(r"(?:^|\n|[.!?:;,(–—-]|(?<![\w'])(?:" + VERB + r"))\s*$", re.IGNORECASE)


def _single_opens_speech(text: str, i: int) -> bool:
    """A single quote opens speech where a sentence, a paragraph, a clause after a comma or a dash, or a verb of
    saying ends; after a noun or an article ("il progetto 'Scuola aperta'", "una 'sindrome da …'") it marks a
    name or a term, as single quotes mostly do in Italian copy."""
    return bool(_SPEECH_BEFORE_RE.search(text, max(0, i - 40), i))


def _single_quote_spans(text: str, taken: list[Span]) -> list[Span]:
    """Passages in straight single quotes, paired within a paragraph outside every other quote: each closing '
    pairs with the nearest opening ' before it where speech opens (an elided 'ndrangheta, a name in single
    quotes, ends any passage pending)."""
    if "'" not in text:
        return []
    opens = {
        i: _single_opens_speech(text, i)
        for i in (m.start() for m in _SINGLE_OPEN_RE.finditer(text))
        if i == 0 or text[i - 1] in _BEFORE_SINGLE_OPEN
    }
    first = min((i for i, speech in opens.items() if speech), default=None)
    if first is None:
        return []  # most texts: apostrophes only, the closing marks are never looked for
    closes = (m.start() for m in _SINGLE_CLOSE_RE.finditer(text, first))
    marks = sorted([*opens, *(i for i in closes if text[i - 1].isalnum() or text[i - 1] in ".!?")])
    found: list[Span] = []
    opener: int | None = None
    for i in marks:
        if i in opens:
            opener = i if opens[i] else None
        elif opener is not None and "\n" not in text[opener:i] and not _ACCENT_APOSTROPHE_RE.search(text, i - 16, i):
            found.append(Span(opener + 1, i, opener, i + 1))
            opener = None
    return [s for s in found if not any(t.mark_start < s.mark_end and s.mark_start < t.mark_end for t in taken)]


_REST_OF_LINE_RE = re.compile(r"\s*([^\n]*)")


def _closes_ahead(text: str, b: int) -> bool:
    """The paragraph after ``b`` closes a quote before opening one."""
    nxt = _REST_OF_LINE_RE.match(text[b:])
    line = nxt.group(1) if nxt else ""
    close = min((line.find(c) for c in "»”" if c in line), default=-1)
    opener = min((line.find(c) for c in "«“" if c in line), default=-1)
    return close >= 0 and (opener < 0 or close < opener)


_NOT_ROLE = re.compile(
    r"(?:nel\s+corso|durante|in\s+occasione|a\s+margine|al\s+termine|rispondendo|commentando|entrando|uscendo|"
    r"intervenendo|parlando|oggi|ieri|stamattina|in\s+conferenza|in\s+un[ao]?\s|su\s+facebook|sui\s+social)\b",
    re.IGNORECASE,
)


_ROLE_END_RE = re.compile(
    r"\s+[-–—]\s*|\s*[-–—]\s+|[.;:!?\n()«»\"“”]|\s(?:è|sono|era|sarà|viene|vengono)\s|"
    r",?\s+e\s+(?=[A-ZÀ-Ý][a-zà-ù]+\s+[A-ZÀ-Ý])|,\s*(?:[a-zà-ù]+(?:ando|endo)|che|secondo|"
    r"il quale|la quale|ha|hanno|nel corso|durante|in occasione|a margine|intervenut)\b|"
    r"\s(?:poi|invece|inoltre|quindi)\s|\s(?:su|sul|sulla|sui|sugli|sulle)\s+(?=[a-zà-ù])|"
    r"\s(?:in\s+riferimento|in\s+merito|a\s+proposito|riguardo|circa)\b|"  # "presidente in riferimento a …"
    r"\s[a-zà-ù]{3,}(?:ando|endo)(?:si|lo|la|gli|ne)?\s"  # "leader degli industriali rispondendo a X"
)
_LEADING_ARTICLE_RE = re.compile(r"^(?:l'|il\s+|la\s+|lo\s+|dell'|del\s+|della\s+|dello\s+)", re.IGNORECASE)
_RELATIVE_PRONOUN_RE = re.compile(r"(?:che|cui|il\s+quale|la\s+quale|i\s+quali|le\s+quali)\b")
_GERUND_OR_PARTICIPLE_RE = re.compile(r"[a-zà-ù]+(?:ando|endo|ato|ata|uto|uta|ito|ita)\b")


def _clean_role(role: str) -> str | None:
    # a role ends at a gerund's clause ("…, citando dati"), a relative clause, an aside
    role = _ROLE_END_RE.split(role, maxsplit=1)[0]
    # … and at an aside after a comma ("sindaco di Cornuda, nel trevigiano"; "presidente della Caritas,
    # monsignor"), at a circumstance ("sindaco durante la presentazione"); a second post after a comma stays
    role = _ROLE_ASIDE_RE.split(role, maxsplit=1)[0]
    role = _LEADING_ARTICLE_RE.sub("", role.strip(" ,")).strip(" ,'")
    role = _TRAILING_PREPOSITION_RE.sub("", role)  # "sindaco di Roma di": cut before the next words
    words = role.split()
    if not words or len(words) > 20 or _NOT_ROLE.match(role):
        return None
    if _RELATIVE_PRONOUN_RE.match(role):
        return None  # "Nicola Fratoianni, che ha scelto di fare ironia": a relative clause, not a post
    if _GERUND_OR_PARTICIPLE_RE.match(role) and not _ROLE_START.match(role):
        return None  # "sottolineando che …", "confermato dalla giunta": a clause, not a post
    if _PERSON_LISTED_RE.match(role) and fold(words[0]) in first_names():
        return None  # "Eraldo Ciangherotti, Gerolamo Calleri e …": the next person of a list, not a post
    return role


# A given name then a capitalised word, or "ed" and another name: a person, where a post was looked for.
_PERSON_LISTED_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+\s+(?:(?:e|ed)\s+)?[A-ZÀ-Ý][a-zà-ÿ']")


_ROLE_ASIDE_RE = re.compile(
    r",\s*(?=[a-zà-ù])(?!(?:e\s+|ed\s+)?(?:" + _ROLE_START.pattern + r"))|\s(?:durante|nel\s+corso|in\s+occasione|"
    r"a\s+margine|intervenendo|parlando|rivolgendosi|commentando)\b",
    re.IGNORECASE,
)
_TRAILING_PREPOSITION_RE = re.compile(
    r"(?:\s+(?:di|del|della|dei|degli|delle|dell'|a|al|alla|per|in|con|su|da|e|il|la|lo|le|i|gli|l'))+$"
)


_FIRST_CLAUSE_END_RE = re.compile(
    r",\s*(?:sottolineando|spiegando|aggiungendo|evidenziando|che|il quale|la quale)\b|[;.\n]|\s[-–—]\s"
)
_FULL_NAME_AT_END_RE = re.compile(r"(" + _NAME_TOKEN + r"\s+" + _PARTICLE + r"?" + _NAME_TOKEN + r")$")
_LAST_TOKEN_RE = re.compile(r"(\S+)\s*$")


def _trailing_name(attr: str) -> tuple[int, int] | None:
    """Offsets of a ``Name Surname`` closing the first clause of a role-first attribution, if any."""
    clause = _FIRST_CLAUSE_END_RE.split(attr, maxsplit=1)[0].rstrip(" ,")
    m = _FULL_NAME_AT_END_RE.search(clause)
    if not m:
        return None
    prev = _LAST_TOKEN_RE.search(clause[: m.start(1)])
    prev_word = prev.group(1) if prev else ""
    if prev_word and not (prev_word[0].isupper() or prev_word.endswith(",") or _ROLE_START.fullmatch(prev_word)):
        return None
    if prev_word[:1].isupper() and _ends_a_place(clause, m.start(1), m.end(1)):
        return None  # "il sindaco di Santa Maria Capua Vetere": the rest of the comune's name, no holder
    return m.start(1), m.end(1)


# Words that open a clause before its subject ("Invece, il parroco …", "Mentre Pigini ha …"): never a name.
_CONNECTIVES = (
    'così', 'anche', 'poi', 'invece', 'ancora', 'inoltre', 'mentre', 'intanto', 'infatti', 'infine', 'quindi',
    'dunque', 'però', 'tuttavia', 'eppure', 'oggi', 'ieri', 'stamattina', 'allora', 'e', 'ma', 'anzi', 'pure',
)  # fmt: skip
_CONNECTIVE_RE = re.compile(r"^(?:(?:" + "|".join(_CONNECTIVES) + r")(?:\s*,\s*|\s+))+", re.IGNORECASE)


_NOT_NAMES = frozenset(
    fold(w)
    for w in (
        'Su', 'In', 'Per', 'Con', 'Da', 'Dal', 'Dalla', 'Nel', 'Nella', 'Il', 'La', 'Lo', 'Le', 'Gli', 'Un',
        'Una', 'Questo', 'Questa', 'Quest', 'Ma', 'E', 'Anche', 'Ora', 'Oggi', 'Ieri', 'Così', 'Poi', 'Dopo',
        'Secondo', 'Sempre', 'Infine', 'Inoltre', 'Tuttavia', 'Intanto', 'Quindi', 'Già', 'Non', 'Che',
        'Nessuno', 'Tutti', 'Tra', 'Fra', 'Sul', 'Sulla', 'Al', 'Alla', 'Ai', 'Del', 'Della', 'Dei', 'Se',
        'Sulle', 'Sui', 'Sugli', 'Sullo', 'Nei', 'Negli', 'Nelle', 'Alle', 'Agli', 'Allo', 'Dalle',
        'Dagli', 'Dai', 'Dallo', 'Delle', 'Degli', 'Dello', 'Coi', 'Col',
        'Come', 'Quando', 'Mentre', 'Proprio', 'Adesso', 'Domani', 'Stamattina', 'Stasera', 'Stamane',
        'Ad', 'Ansa', 'Adnkronos', 'Askanews', 'LaPresse', 'Agi', 'Dire', 'Ore', 'Live', 'Diretta', 'Video', 'Foto',
        'Governo', 'Comune', 'Regione', 'Provincia', 'Camera', 'Senato', 'Parlamento', 'Ministero', 'Stato',
        *_CONNECTIVES,
    )
)  # fmt: skip

# A particle printed as a word ("Di", "Dell'"); compiled once, as are the patterns below that a function
# used to build at each call (joining and hashing a pattern of thousands of characters every time).
_PARTICLE_WORD_RE = re.compile(_PARTICLE.replace(r"\s+", ""))


def _bad_name(name: str | None) -> bool:
    """Not a person's name: a capitalised function word, a gerund (``Ricordando``), an agency."""
    if not name:
        return False
    toks = name.split()
    if len(toks) > 1 and _PARTICLE_WORD_RE.fullmatch(toks[0] + ("" if toks[0].endswith("'") else "")):
        return False  # Del Bene, Di Maio, La Russa
    if fold(toks[0]) in _NOT_NAMES or fold(toks[0]) in _PLACE_HEADS:
        return True  # "Palazzo Madama"
    return len(toks) == 1 and fold(toks[0]).endswith(("ando", "endo"))


LAST_SPEAKER = "ultimo"  # role word of "– ha detto –": the last speaker goes on
PROTAGONIST = "protagonista"  # role word of a subjectless "Annota che «": the piece's main person


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a span is attributed to: a speaker's name as written, a role, a bare role word to resolve
    (``l'assessore``, or LAST_SPEAKER), and the offsets in the span of an attribution interrupting it."""

    speaker: str | None = None
    role: str | None = None
    role_word: str | None = None
    cut: tuple[int, int] | None = None
    speaks: bool = False  # the text makes this body speak ("l'Agenzia ha dichiarato")
    group: bool = False  # an unnamed group speaks ("i consiglieri di minoranza"): no speaker, the group as role

    @property
    def found(self) -> bool:
        """A speaker or a role word to resolve."""
        return bool(self.speaker or self.role_word)


@lru_cache(maxsize=1024)
def _parse_attribution(attr: str) -> Attribution:
    """Speaker, role and bare role word from an attribution like ``Mario Rossi, sindaco di Bari`` (a pure function,
    cached for one piece: ``extract_quotes`` clears it, so a piece read again is read at full cost)."""
    bare = _BARE_ROLE_WHO_RE.match(attr)
    parsed = _parse_attribution_raw(bare.group(1) if bare else attr)
    if _bad_name(parsed.speaker):
        return Attribution()
    if parsed.speaker and parsed.role_word and _ROLE_START.fullmatch(parsed.speaker):
        # "il Procuratore Capo": a capitalised post's word after the post, no surname
        return replace(parsed, speaker=None, role=f"{parsed.role_word} {parsed.speaker}")
    return parsed


# A bare role then a relative clause: "il vicesindaco che ha presieduto per conto del sindaco X" — the names in
# the clause are its complements, the role speaks.
_BARE_ROLE_WHO_RE = re.compile(
    r"(\s*(?i:" + _ROLE_START.pattern + r")(?:\s+[a-zà-ù]+)?)\s+(?:che|il\s+quale|la\s+quale)\s+[a-zà-ù]"
)


_SPACED_HYPHEN_RE = re.compile(r"\b([A-ZÀ-Ý][\w']*)\s+[-–]\s+([A-ZÀ-Ý])")

# "la Rossi", "La Turchia": an article before a capitalised word that opens no role.
_ARTICLE_BEFORE_NAME_RE = re.compile(r"^(?i:la|il|l')\s*(?=[A-ZÀ-Ý][a-zà-ÿ])(?!(?i:" + _ROLE_START.pattern + r"))")


# A post's portfolio of one word, then a lone surname: "il ministro dell'Economia Giorgetti", "l'assessore al
# Bilancio Ferraris" (S12); never a body of two capitalised words ("il presidente della Croce Rossa").
_PORTFOLIOS = (
    "Economia", "Interno", "Esteri", "Salute", "Giustizia", "Difesa", "Lavoro", "Istruzione", "Cultura", "Ambiente",
    "Turismo", "Infrastrutture", "Trasporti", "Agricoltura", "Sport", "Sanità", "Welfare", "Bilancio", "Urbanistica",
    "Commercio", "Finanze", "Tesoro", "Università", "Famiglia", "Mobilità", "Scuola", "Sicurezza", "Viabilità",
    "Personale", "Tributi",
)  # fmt: skip
_PORTFOLIO_KEYS = frozenset(fold(p) for p in _PORTFOLIOS)
_PORTFOLIO_HOLDER_RE = re.compile(
    r"\s+(?:del|della|dello|degli|delle|dei|dell['’]|al|alla|allo|agli|alle|ai|all['’])\s*(?:"
    + "|".join(_PORTFOLIOS)
    + r")\s+("
    + _NAME_TOKEN
    + r")\s*(?=$|[,.;:(]|\s+[-–—]|\s+[a-zà-ù])"
)


def _parse_attribution_raw(attr: str) -> Attribution:
    """The attribution read as role first (``l'assessore X``), name first (``X, ruolo``) or ``ancora X``."""
    attr = attr.strip(" ,-–—")
    attr = _CONNECTIVE_RE.sub("", attr)
    if "-" in attr or "–" in attr:  # "della Fai - Cisl, Onofrio Rota": one name, not an aside
        attr = _SPACED_HYPHEN_RE.sub(r"\1-\2", attr)
    attr = _ARTICLE_BEFORE_NAME_RE.sub("", attr)  # la Rossi, La Turchia
    role_first = _ROLE_START.match(attr)
    if role_first:
        holder = _PORTFOLIO_HOLDER_RE.match(attr, role_first.end())
        if holder and not _bad_name(holder.group(1)) and not _is_entity(holder.group(1), []):
            # "il ministro dell'Economia Giorgetti": the portfolio, then its holder (not a body "Economia Giorgetti")
            return Attribution(holder.group(1), _clean_role(attr[: holder.start(1)]))
        att = _role_first(attr, role_first)
        name = att.speaker or ""
        at = attr.find(name) if name else -1
        if at > 0 and _COMPLEMENT_BEFORE.search(attr[:at]) and name.split()[0].lower() not in _PARTICLE_WORDS:
            # "il capogruppo del Patto Civico", "il presidente della Croce Rossa": the role's body, not its holder
            word = role_first.group(0).split()[-1].split("'")[-1]
            appos = _APPOSED_HOLDER_RE.match(attr, at + len(name))
            if appos and fold(appos.group(1).split()[0]) in first_names():
                # "il legale di Marco Bianchi, l'avvocato Luca Neri": the holder named in apposition
                return Attribution(appos.group(1), _clean_role(attr[: at + len(name)]))
            return Attribution(None, _clean_role(attr[: at + len(name)]), word)
        return att
    return _name_first(attr) or _particled_surname(attr) or _adverb_then_name(attr)


# A surname opened by a lower-case particle, printed with no given name: "von der Leyen", "de Pascale" (not "di",
# "da", "del": prepositions far more often than particles).
_PARTICLED_SURNAME_RE = re.compile(
    r"((?:von|van)(?:\s+(?:der|den|de))?\s+" + _NAME_TOKEN + r"|de\s+" + _NAME_TOKEN + r")"
)


def _particled_surname(attr: str) -> Attribution | None:
    """``von der Leyen``, ``de Pascale`` opening the attribution: a surname, resolved like a capitalised one."""
    m = _PARTICLED_SURNAME_RE.match(attr)
    return Attribution(m.group(1)) if m else None


_REGION_KEYS = frozenset(regions())
_PLACE_WORDS = 4  # the longest place name looked for around a given name ("Friuli Venezia Giulia", "Santa Maria X")


def _inside_a_place(toks: list[str], i: int) -> int:
    """Where the place name ends when ``toks[i]`` is a word inside one opened by an earlier word of the run (a
    region or a comune of two words or more: "Friuli Venezia Giulia Sergio Rossi", "Santa Maria Coghinas"), the
    given name then being no person's; ``i`` otherwise."""
    places = comuni()
    for j in range(max(0, i - _PLACE_WORDS + 1), i):
        for k in range(min(len(toks), j + _PLACE_WORDS), i, -1):
            key = fold(" ".join(toks[j:k]))
            if key in places or key in _REGION_KEYS:
                return k
    return i


def _ends_a_place(text: str, start: int, end: int) -> bool:
    """The capitalised words at ``start:end`` close a place's name opened by the words right before them."""
    before = text[max(0, start - 40) : start].split()
    run: list[str] = []
    for word in reversed(before):
        if not word[:1].isupper():
            break
        run.insert(0, word)
    run = run[-(_PLACE_WORDS - 1) :]
    return bool(run) and _inside_a_place([*run, *text[start:end].split()], len(run)) > len(run)


def _first_full_name(attr: str) -> tuple[int, int] | None:
    """Offsets of the first ``Given Surname`` (a known first name and at least one more word), never a given name
    inside a place's name ("del Friuli Venezia Giulia Sergio Rossi": Sergio Rossi)."""
    fnames = first_names()
    for m in _NAME_RE.finditer(attr):
        toks = m.group(1).split()
        past = 0  # the words of a place holding a given name ("Venezia Giulia"), when the run has one
        for t_i in range(len(toks)):
            if t_i >= past and fold(toks[t_i]) in fnames:
                end = _inside_a_place(toks, t_i)
                if end == t_i:
                    break
                past = end
        if past >= len(toks):
            continue  # "Santa Maria Coghinas": a place, no name
        if past:
            start = m.start(1) + len(" ".join(toks[:past])) + 1
            full = _NAME_RE.match(attr, start)
            if full and fold(full.group(1).split()[0]) in fnames and len(full.group(1).split()) > 1:
                return start, full.end(1)
            continue
        if len(toks) > 2 and fold(toks[-1]) in fnames and _RUNS_ON_RE.match(attr, m.end(1)):
            # "del Massimo Consesso Civico Enzo Sturiano": the run cut short at the holder's given name
            first = next((t_i for t_i, tok in enumerate(toks) if fold(tok) in fnames), len(toks))
            between = toks[first + 1 : -1]
            if between and not any(fold(tok) in fnames for tok in between):
                start = m.start(1) + m.group(1).rindex(toks[-1])
                full = _NAME_RE.match(attr, start)
                if full:
                    return start, full.end(1)
        for t_i, tok in enumerate(toks):
            if fold(tok) in fnames and t_i + 1 < len(toks):
                start = m.start(1) + m.group(1).index(tok)
                full = _NAME_RE.match(attr, start) if t_i else None  # read again from the given name: "La Porta"
                return start, full.end(1) if full else m.end(1)
            if fold(tok) in fnames and t_i and t_i + 1 == len(toks):  # "Commissione Europea Ursula von der Leyen"
                start = m.start(1) + m.group(1).rindex(tok)
                full = _NAME_RE.match(attr, start)
                if full:
                    return start, full.end(1)
    return None


_PARTICLE_WORDS = frozenset({"d'", "de", "di", "del", "della", "dello", "lo", "la", "li", "da", "dal", "dalla"})
_COMPLEMENT_BEFORE = re.compile(r"\b(?:di|del|dello|della|dei|degli|delle|dell'|al|alla|ai|per)\s*$")


_APPOSED_HOLDER_RE = re.compile(
    r"\s*,\s*(?:(?i:"
    + _ROLE_START.pattern
    + r")\s+)?("
    + _NAME_TOKEN
    + _NAME_TAIL
    + r"{1,2})(?=\s*(?:,|$|\s+[a-zà-ù]))"
)


# A preposition and maybe capitalised words of a body's name before a run of capitalised words: the run opens with
# the rest of the body's name ("l'assessora alle Politiche Giovanili Anna Neri", "ministro dello Sviluppo X Y").
_BODY_WORDS_BEFORE_RE = re.compile(
    r"\b(?:di|del|dello|della|dei|degli|delle|al|alla|ai|agli|alle|per)(?:\s+[A-ZÀ-Ý][^\s,]*)*\s+$"
)


# The rest of a role's phrase, then a surname alone between commas: its holder ("il presidente di Confindustria,
# Orsini, …"); a given name after the comma is read as a full name by the other rules.
_ROLE_COMMA_SURNAME_ASIDE_RE = re.compile(
    r"[^,.;:!?«»\"“”()]{0,80}?,\s*(" + _PARTICLE + r"?" + _NAME_TOKEN + _NAME_TAIL + r"{0,2})"
    r"\s*,(?=\s*[a-zà-ù])"
)  # never an item of a list of portfolios ("assessora a Coesione Sociale, Sanità, Welfare, Anna Neri")


def _apposed_holder(attr: str, at: int) -> re.Match[str] | None:
    """The holder set off by commas after the rest of a role's phrase starting at ``at``, when that phrase names
    no other person (``del sindaco Enzo Neri e dell'assessore ai Lavori, Luca Bo,`` is a pair, not Bo's post)."""
    m = _ROLE_COMMA_SURNAME_ASIDE_RE.match(attr, at)
    return m if m and not _first_full_name(attr[at : m.start(1)]) else None


# Adjectives of nationality or scope between a post and a surname ("il presidente israeliano Herzog", "il
# cancelliere tedesco Scholz", "il premier ungherese Orban"): never a verb ("il sindaco attacca Rossi").
# The suffixes miss some nationalities and the posts' own adjectives ("il presidente turco Erdogan", "il
# commissario straordinario Rossi", "il capogruppo consiliare Neri"): listed by stem, each in its four forms (S11).
_POST_ADJECTIVE_STEMS = (
    "turc", "russ", "bielorus", "grec", "libic", "polacc", "cec", "croat", "serb", "slovacc", "austriac", "bulgar",
    "britannic", "spagnol", "somal", "europe", "sovietic", "kosovar", "bosniac", "moldav", "azer", "kazak", "uzbek",
    "aggiunt", "delegat", "emerit", "vicari", "onorari", "straordinari", "prefettizi", "unic", "sanitari",
    "amministrativ", "esecutiv", "operativ", "artistic", "scientific", "tecnic", "pentastellat", "designat",
    "ordinari",
)  # fmt: skip
_POST_ADJECTIVE_WORDS = (
    "belga", "saudita", "yemenita", "cipriota", "etiope", "macedone", "capo", "consiliare", "parlamentare",
    "leghista", "forzista",
)  # fmt: skip
_POST_ADJECTIVE = (
    r"(?:[a-zà-ù]{3,}(?:an[oa]|es[ei]|ens[ei]|esc[oa]|al[ei]|in[oa]|eni?[oa]|uscente)|dem|(?:"
    + "|".join(_POST_ADJECTIVE_STEMS)
    + r")(?:[oa]|h?[ie])|"
    + "|".join(_POST_ADJECTIVE_WORDS)
    + r")(?![\w'])"
)

# A role's phrase then a name of any origin: "il presidente turco, Recep Tayyip Erdogan, nel corso".
_ROLE_THEN_NAME_RE = re.compile(
    r"(?i:"
    + _ROLE_START.pattern
    + r")(?:\s+(?:di|del|dello|della|degli|delle|dei|al|alla|ai|agli|alle|per|dell')\s*[A-ZÀ-Ý][^\s,]*"
    r"|\s+[a-zà-ù'][^\s,]*){0,6}?(?:\s+[A-ZÀ-Ý][^\s,]*(?=,))?,?\s+("
    + _NAME_TOKEN
    + _NAME_TAIL
    + r"{1,3})\s*(?=,|\(|$|\s+[-–—]|\s+[a-zà-ù])"
)


_VERB_OR_GERUND_RE = re.compile(r"\s(?:è|ha|hanno|sono|era|viene|vengono|aveva|sarà)\s|\s[a-zà-ù]{3,}(?:ando|endo)\s")
_TITLED_SURNAME_RE = re.compile(
    r"(?:\s+(?:don|padre|suor|monsignor|mons\.|dott\.?|dottor|avv\.?|prof\.?|ing\.?|" + _POST_ADJECTIVE + r"))?"
    r"\s+(" + _PARTICLE + r"?" + _NAME_TOKEN + r")\s*(?:$|[,.;:\-–—(]|\s+[a-zà-ù])"
)


# A surname right after the role word, then a comma and a lower-case word: a clause that may name someone else.
_SURNAME_THEN_CLAUSE_RE = re.compile(r"\s+(" + _PARTICLE + r"?" + _NAME_TOKEN + r")\s*,\s*(?=[a-zà-ù])")


def _role_first(attr: str, role_first: re.Match[str]) -> Attribution:
    """``l'Assessore ai Servizi Sociali del Comune di Latina Michele Nasso, ...``, ``il presidente turco,
    Recep Tayyip Erdogan``, ``l'assessore Ficocelli``, ``L'Assessore``."""
    apposed = _apposed_holder(attr, role_first.end())
    holder = apposed.group(1) if apposed else ""
    if apposed and not _bad_name(holder) and not _ROLE_START.fullmatch(holder) and not _is_entity(holder, []):
        # "il presidente di Confindustria, Orsini, nella sua prima intervista con X": the holder set off by commas
        return Attribution(holder, _clean_role(attr[: apposed.start(1)]))
    clause = _SURNAME_THEN_CLAUSE_RE.match(attr, role_first.end())
    if clause and not _bad_name(clause.group(1)) and not _is_entity(clause.group(1), []):
        # "il presidente Erdogan, replicando al premier Mario Draghi": the holder, then a clause naming another (S17)
        return Attribution(clause.group(1), _clean_role(attr[: clause.start(1)]))
    person = _first_full_name(attr)
    if person and _VERB_OR_GERUND_RE.search(attr[role_first.end() : person[0]]):
        person = None  # "il governatore è stato chiamato dal ministro X", "il leader, rispondendo a X": not holders
    if person:
        name = attr[person[0] : person[1]]
        role = _clean_role(attr[: person[0]])
        if role is None or not role.strip():
            role = _clean_role(attr[person[1] :].lstrip(" ,"))
        return Attribution(name, role)
    appos = _ROLE_THEN_NAME_RE.match(attr)
    if appos and _ends_a_place(attr, appos.start(1), appos.end(1)):
        appos = None  # "il sindaco di Santa Maria Capua Vetere": the rest of the comune's name, no holder
    if appos and not _bad_name(appos.group(1)) and not _ROLE_START.match(appos.group(1)):
        # "il presidente turco, Recep Tayyip Erdogan, nel corso": a name of any origin after the role
        start = appos.start(1)
        toks = appos.group(1).split()
        if len(toks) >= 3 and _BODY_WORDS_BEFORE_RE.search(attr[:start]):
            given = next((i for i, t in enumerate(toks[1:], 1) if fold(t) in first_names()), None)
            kept = toks[given:] if given is not None else toks[-2:]  # "Istruzione Giuseppe La Porta"
            start = appos.end(1) - len(" ".join(kept))  # "ministro dello Sviluppo Giancarlo Giorgetti"
        return Attribution(attr[start : appos.end(1)], _clean_role(attr[:start]))
    trailing = _trailing_name(attr)
    if trailing and trailing[0] >= role_first.end():  # "La PM": the role itself in capitals is no name
        name = attr[trailing[0] : trailing[1]]
        return Attribution(name, _clean_role(attr[: trailing[0]]))
    # "l'assessore Ficocelli" or "L'Assessore"
    word = role_first.group(0).split()[-1].split("'")[-1]
    rest = attr[role_first.end() :]
    sur = _TITLED_SURNAME_RE.match(rest)  # "il parroco don X", "il presidente israeliano Herzog"
    adjective = sur and sur.group(0).split()[0] != sur.group(1).split()[0] and sur.group(0).split()[0].islower()
    if sur and adjective and (fold(sur.group(1)) in _COUNTRIES or fold(sur.group(1)) in comuni()):
        sur = None  # "il dirigente italiano Onu": a body or a place after the post's adjective, not a surname
    if sur:
        return Attribution(sur.group(1), role_word=word)
    return Attribution(None, _clean_role(attr), word)


# The name opening an attribution, and a role glued to it without a comma.
_LEADING_NAME_RE = re.compile(r"\s*(" + _NAME_TOKEN + _NAME_TAIL + r"{0,3})")
_BEFORE_A_ROLE_RE = re.compile(r"\s+(?=" + _ROLE_START.pattern + r")", re.IGNORECASE)


_APPOSITION_REST_RE = re.compile(r"\s*(?:,|\(|[-–—])\s*(.+)", re.DOTALL)


def _name_first(attr: str) -> Attribution | None:
    """``Mario Rossi, sindaco di Bari``, ``Walter Artibani Segretario della Uil``."""
    first = _LEADING_NAME_RE.match(attr)
    if first and not _ROLE_START.match(first.group(1)):
        name = first.group(1)
        rest = attr[first.end() :]
        glued = _BEFORE_A_ROLE_RE.search(name)
        if glued:  # "Walter Artibani Segretario della Uil": the role follows the name without a comma
            rest = name[glued.end() :] + rest
            name = name[: glued.start()]
            return Attribution(name, _clean_role(rest))
        role = None
        rm = _APPOSITION_REST_RE.match(rest)
        if rm:
            role = _clean_role(rm.group(1))
        return Attribution(name, role)
    return None


_ADVERB_THEN_NAME_RE = re.compile(
    r"\s*(?:(?!(?:alla|alle|agli|dalla|dalle|dagli|della|delle|degli|nella|nelle|negli|sulla|sulle|sugli|"
    r"verso|presso|come|durante|dopo|prima)\b)[a-zà-ù]{4,}\s+){1,2}("
    + _PARTICLE
    + r"?"
    + _NAME_TOKEN
    + _NAME_TAIL
    + r"{0,2})\s*(?:$|[,;(])"
)


def _adverb_then_name(attr: str) -> Attribution:
    """``afferma soddisfatto Rossi``, ``aggiunge ancora Rossi``: an adverb or adjective before the name."""
    m = _ADVERB_THEN_NAME_RE.match(attr)
    if m:
        return Attribution(m.group(1))
    return Attribution()


# First words of names of places and buildings, not people: "il presidente … a Palazzo Madama".
_PLACE_HEADS = frozenset({
    'palazzo', 'piazza', 'via', 'viale', 'teatro', 'villa', 'corso', 'ponte', 'porta', 'museo', 'parco', 'chiesa',
    'san', 'santa', 'santo', 'sant', 'largo', 'stazione', 'ospedale', 'castel', 'castello', 'monte', 'lago',
})  # fmt: skip

# A clause between a role and the name after it: the role is another person's.
_ANOTHER_CLAUSE_RE = re.compile(
    r"[.;:«»\"“”]|,\s*[a-zà-ù]|\s[-–—]\s|\s(?:ha|è|hanno|sono)\s|\s[a-zà-ù]{3,}(?:ando|endo)\s"
)
# A role set off by a comma after a name: "Anna Neri, assessora al Bilancio".
_COMMA_ROLE_RE = re.compile(r"\s*,\s*(" + _ROLE_START.pattern + r".*)", re.I)


_CLAUSE_STOP_RE = re.compile(r"[.;!?:](?:\s|$)|\n")


# A capitalised word before a surname (S16): a given name no list holds, when the piece shows it is one.
_BEFORE_A_SURNAME_RE = re.compile(
    r"([A-ZÀ-Ý]" + _AFTER_NO_WORD + r"[a-zà-ÿ]{2,})" + _GAP + r"(?=(" + _PARTICLE + r"?[A-ZÀ-Ý][a-zà-ÿ]{2,})(?![\w']))"
)
_SENTENCE_MARKS = (".", "!", "?", ";", ":", "«", "»", '"', "“", "”", "\n")


def _given_names_the_piece_shows(text: str) -> frozenset[str]:
    """Given names no list holds that the piece shows (folded): a word before a surname after a role in the same
    sentence ("il presidente della Provincia di Bolzano Arno Kompatscher"), the surname said elsewhere to speak or
    hold a post on its own ("specifica Kompatscher")."""
    listed = listed_first_names()
    shown: set[str] = set()
    for m in _BEFORE_A_SURNAME_RE.finditer(text):
        word, surname = m.group(1), m.group(2)
        if text.count(surname) < 2:
            continue  # never named again, so never alone (the cheapest test first: most pairs end here)
        key, last = fold(word), fold(surname.split()[-1])
        if key in listed or key in shown or not _could_be_given(word, key):
            continue
        if last in listed and " " not in surname or not _could_be_given(surname, last):  # "De Luca" is a surname
            continue
        before = text[max(0, m.start() - 90) : m.start()]
        previous = before.rsplit(None, 1)[-1] if before.strip() else ""
        if not previous[:1].isupper() and not _ROLE_START.fullmatch(previous):
            continue  # "il ministro del Lavoro Poletti": a complement's noun, not a name
        if fold(f"{word} {surname}") in comuni():
            continue  # "Celle Ligure"
        opened = max(before.rfind(mark) for mark in _SENTENCE_MARKS)
        if not _ROLE_START.search(before[opened + 1 :]):
            continue
        lower = word.lower()
        if lower in text and re.search(r"(?<![\w'])" + re.escape(lower) + r"(?![\w'])", text):
            continue  # a common word the piece also writes in lower case
        alone = re.finditer(r"(?<![\w'])" + re.escape(surname) + r"(?![\w'])", text)
        if any(
            not text[max(0, a.start() - 40) : a.start()].rstrip().endswith(word) and _speaks_or_holds(text, a)
            for a in alone
        ):
            shown.add(key)
    return frozenset(shown)


# What makes a surname alone a person: a role or a verb of saying before it, or a verb of saying after it.
_SAYS_OR_ROLE_BEFORE_RE = re.compile(r"(?<![\w'])(?:" + VERB + r"|" + _ROLE_WORD_OR_TITLE + r")\s+$", re.IGNORECASE)


def _speaks_or_holds(text: str, alone: re.Match[str]) -> bool:
    """The surname standing alone (``alone``) is said to speak or to hold a post: "specifica Kompatscher", "il
    sindaco De Zotti", "Schlein ha detto"."""
    before = text[max(0, alone.start() - 60) : alone.start()]
    return bool(_SAYS_OR_ROLE_BEFORE_RE.search(before) or _VERB_RE.match(text, alone.end() + 1))


def _could_be_given(word: str, key: str) -> bool:
    """Not a place, a body, a role or a function word the rules know: a word that may be a given name."""
    return not (
        key in _GLUED_WORD_KEYS
        or key in _PLACE_HEADS
        or key in _GENERIC_BODIES
        or key in _COUNTRIES
        or key in _PRESENT_WORDS
        or key in comuni()
        or key in regions()
        or _ROLE_START.fullmatch(word)
        or _PARTICLE_WORD_RE.fullmatch(word)
    )


def _people(text: str) -> list[Person]:
    """Full names (first name + surname) mentioned in the text, with a role when one follows."""
    fnames = first_names()
    out: list[Person] = []
    unknown: list[re.Match[str]] = []  # names whose given name no list holds: persons only as subjects
    for m in _NAME_RE.finditer(text):
        toks = m.group(1).split()
        given = next((t_i for t_i in range(len(toks) - 1) if fold(toks[t_i]) in fnames), None)
        place = _inside_a_place(toks, given) if given else 0  # "Friuli Venezia Giulia Sergio Rossi"
        place = place if given is not None and place > given else 0
        if given is not None and place:  # the given name is a word of a place: the name comes after it
            given = next((t_i for t_i in range(place, len(toks) - 1) if fold(toks[t_i]) in fnames), None)
            if given is None:
                continue
        if given is None and len(toks) > 1 and fold(toks[-1]) in fnames:  # "… Europea Ursula von der Leyen"
            again = _NAME_RE.match(text, m.end(1) - len(toks[-1]))
            if again:
                m, toks, given = again, again.group(1).split(), 0
        if given is None:
            unknown.append(m)
            continue
        given = _past_a_body_word(text, m, toks, given)
        if _RUNS_ON_RE.match(text, m.end(1)):  # "del Massimo Consesso Civico Enzo Sturiano": the run is cut short
            between = toks[given + 1 : -1]  # words of a body's name, none a given name ("Cesare Augusto": one name)
            if between and fold(toks[-1]) in fnames and not any(fold(t) in fnames for t in between):
                given = len(toks) - 1
        if any(fold(t) in _PLACE_HEADS for t in toks[place:given]) or _PLACE_BEFORE_RE.search(
            text, max(0, m.start(1) - 14), m.start(1)
        ):
            continue  # "Teatro Massimo Bellini", "via Giuseppe Verdi": a place named after a person
        name = " ".join(toks[given:])
        if given:  # "Istruzione Giuseppe La Porta": read the name again from its given name
            full = _NAME_RE.match(text, m.start(1) + m.group(1).index(toks[given]))
            name = full.group(1) if full else name
        words = name.split()
        cut = next(
            (
                i
                for i, t in enumerate(words)
                if i >= 2 and _ROLE_START.fullmatch(t) and fold(words[i - 1]) not in _PARTICLE_WORDS
            ),
            None,
        )  # "Raffaele Del Giudice": a post's word after a particle is the surname
        name = " ".join(words[:cut])  # "Ester De Maio Assessore alla Pubblica Istruzione": a post follows
        if len(words[:cut]) > 2:
            name = _without_saying_word(name)  # "Mario Rossi Commenta: «": the site's capitalised verb
        role = None
        rm = _COMMA_ROLE_RE.match(text[m.end(1) : m.end(1) + 200])
        if rm and _NEXT_ITEM_RE.match(rm.group(1)):
            rm = None  # "il vicesindaco Anna Neri, il presidente del consiglio Luca Bo": the next item's post
        elected = _ELECTED_RE.match(text, m.end(1))
        if elected:  # "Anna Russo è stata eletta presidente del consiglio": the post she now holds
            role = _clean_role(elected.group(1))
        elif rm:
            role = _clean_role(rm.group(1))
        else:  # the nearest role before the name, not one belonging to an earlier person
            name_at = m.start(1) + m.group(1).index(toks[given])
            window = text[max(0, name_at - 120) : name_at]
            # the last role in the window, unless another clause follows it ("sette ex M5s, oggi per X", "il primo
            # cittadino — intervistato — difende X"); a clause after the last role follows every earlier one too
            roles = list(_ROLE_AT.finditer(window))
            if roles and not _ANOTHER_CLAUSE_RE.search(window, roles[-1].start()):
                role = _clean_role(window[roles[-1].start() :])
        out.append(Person(name, role))
    known = {fold(p.name) for p in out}
    for r_start, r_end in _roles_at(text):  # "il ministro degli Esteri turco Mevlut Cavusoglu": names of any origin
        window = text[r_start : r_start + 160]
        chunk = _CLAUSE_STOP_RE.split(window, maxsplit=1)[0]
        if chunk == window and r_start + 160 < len(text):
            chunk = chunk[: chunk.rfind(" ")]  # cut at a word boundary, not mid-name
        caps = _TWO_CAPS.search(chunk)
        apposed = _apposed_holder(chunk, r_end - r_start)
        if not apposed and (not caps or fold(caps.group(0).split()[0]) in fnames and fold(caps.group(0)) in known):
            continue  # no name, or one already known by its given name
        parsed = _parse_attribution(chunk)
        name = parsed.speaker or ""
        named = len(name.split()) >= 2 and fold(name) not in known and fold(name.split()[0]) not in _PLACE_HEADS
        named = named and not any((" " + k + " ").find(" " + fold(name) + " ") >= 0 for k in known)
        named = named and not any(fold(name).endswith(" " + k) for k in known)  # "Borgo Virgilio Francesco Aporti"
        if not named and apposed and parsed.role and apposed.group(1) == name and name not in _PRESENT_WORDS:
            named = fold(name) not in known and fold(name) not in first_names() and not name.isupper()
        if named and _regional_branch(name):
            continue
        if named and parsed.role:  # "il presidente di Confindustria, Orsini,": the holder, surname only
            out.append(Person(name, parsed.role))
            known.add(fold(name))
    speaking: set[str] | None = None  # capitalised words followed by a verb, read once when needed
    for m in unknown:  # "COSENZA – Franz Caruso ha presentato": a subject of any origin
        name = m.group(1)
        toks = name.split()
        sourced = bool(_NOUN_SOURCE_END_RE.search(text, max(0, m.start(1) - 60), m.start(1)))  # "la replica di X"
        if not sourced and len(toks) >= 2:
            # "Irma Schnell si è soffermata … Schnell ha ricordato": the surname alone speaks elsewhere
            if speaking is None:
                speaking = {w.group(1) for w in _WORD_THEN_WORD_RE.finditer(text) if w.group(2) in _SUBJECT_VERBS}
            sourced = toks[-1] in speaking
        subject = _SUBJECT_VERB_RE.match(text, m.end(1)) or _POST_AFTER_RE.match(text, m.end(1))
        if not 2 <= len(toks) <= 3 or not (sourced or subject):
            continue
        if not sourced and not _SUBJECT_START_RE.search(text[max(0, m.start(1) - 4) : m.start(1)]):
            continue
        if fold(name) in known or _bad_name(name) or _is_entity(name, out) or fold(toks[0]) in _PLACE_HEADS:
            continue
        if any(fold(t) in _NOT_NAMES or _ROLE_START.fullmatch(t) or t.isupper() for t in toks):
            continue
        out.append(Person(name))
        known.add(fold(name))
    out.extend(_lone_surnames(text, out))
    return out


_RUNS_ON_RE = re.compile(_GAP + _NAME_TOKEN)


def _regional_branch(name: str) -> bool:
    """A body's regional or provincial branch ("Cisl Liguria", "Uil Genova"): a region or a capoluogo last, no given
    name first."""
    words = name.split()
    if not 2 <= len(words) <= 3 or fold(words[0]) in first_names():
        return False
    last = fold(words[-1])
    comune = comuni().get(last)
    return last in regions() or (comune is not None and comune.capoluogo)


def _past_a_body_word(text: str, m: re.Match[str], toks: list[str], given: int) -> int:
    """Where the name starts when the run of capitalised words after a preposition opens with a body's name that
    is also a given name (``presidente di Ali Matteo Ricci``, the piece printing ``Ali Marche`` elsewhere): at the
    next given name, when the first word is printed elsewhere without the word after it."""
    later = next((t_i for t_i in range(given + 1, len(toks) - 1) if fold(toks[t_i]) in first_names()), None)
    if later is None or not _BODY_WORDS_BEFORE_RE.search(text, max(0, m.start(1) - 60), m.start(1)):
        return given
    alone = r"(?<![\w'])" + re.escape(toks[given]) + r"(?!\s+" + re.escape(toks[given + 1]) + r")(?![\w'])"
    return later if re.search(alone, text) else given


# A role after a name's comma that is the next item of a list of people: it opens with an article (or "del",
# "della": "gli interventi del sindaco X, del direttore Y") and names its own holder in full.
_NEXT_ITEM_RE = re.compile(
    r"(?i:il|la|lo|l'|i|gli|le|del|della|dello|dell'|dei|degli|delle)\s*[^,;.:]{0,80}?[A-ZÀ-Ý][a-zà-ÿ]+\s+[A-ZÀ-Ý]"
)


# A capitalised word then a lower-case one (the capital first, then _AFTER_NO_WORD).
_WORD_THEN_WORD_RE = re.compile(r"([A-ZÀ-Ý]" + _AFTER_NO_WORD + r"[\w'-]+)\s+([a-zà-ù]+)(?![\w'])")
_SUBJECT_VERBS = frozenset({"ha", "hanno", "è", "aveva", *_PRESENT_WORDS})
# A capitalised word as the subject of a clause, then a finite verb: "Macron scioglie il Parlamento",
# "mentre Zelensky e Putin hanno continuato" (the second of a pair too). The comma comes before the test of the
# character before it: a lookbehind opening a branch was run at every position of the text, the comma is tried first.
_LONE_SUBJECT_AT_RE = re.compile(
    r"(?:,(?<=[\w»”\"],)\s*|\b(?:mentre|ma|e|ed|che|quando|poi|(?i:intanto)|anche|oggi|ieri)\s+)"
    r"([A-ZÀ-Ý][a-zà-ÿ]{3,}(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(?:\s+(?:e|ed)\s+([A-ZÀ-Ý][a-zà-ÿ]{3,}))?"
    r"\s+(?:(?:non|si|ne|lo|la|le|gli|ci|ha|hanno)\s+)*(?:ha|hanno|è|aveva|avevano|avrebbe|sarà|"
    r"[a-zà-ù]{4,}(?:a|e|ano|ono|ò))\b"
)
_ARTICLED = (
    r"\b(?:il|lo|la|l'|i|gli|le|un|una|uno|del|della|dello|dell'|al|alla|allo|all'|dal|dalla|dallo|dall'|nel|"
    r"nella|nello|nell'|sul|sulla|sullo|sull'|col|dei|degli|delle|ai|agli|alle|dai|dagli|dalle|nei|negli|nelle)\s*"
)


_WORD_CHARS_RE = re.compile(r"\w+")


def _lone_surnames(text: str, people: list[Person]) -> list[Person]:
    """Persons the piece names by a surname alone, as the subject of a verb (a foreign leader: ``Macron``), when
    the word is no place, body, post or common word (never printed in lower case in the piece)."""
    out: list[Person] = []
    seen = {fold(w) for p in people for w in p.name.split()}
    for m in _LONE_SUBJECT_AT_RE.finditer(text):
        verb = (_WORD_CHARS_RE.findall(text[max(0, m.end() - 14) : m.end()]) or [""])[-1]
        if verb in _NOT_VERBS:
            continue  # "Kiev, Zaporizhzhia e Dnipro anche": no verb
        for name in filter(None, (m.group(1), m.group(2))):
            key = fold(name)
            if key in seen or key in _NOT_NAMES or key in _COUNTRIES or key in _PLACE_HEADS or key in comuni():
                continue
            if key in _CALENDAR_WORDS:  # "Venerdì", "Marzo"
                continue
            if (
                key in first_names()
                or key in regions()
                or name.lower() in _PRESENT_WORDS
                or _ROLE_START.fullmatch(name)
            ):
                continue
            if re.search(literal_not_after(name.lower()) + r"(?![\w'])", text.replace(name, "")) or (
                re.search(_ARTICLED + re.escape(name) + r"\b", text)
                or re.search(re.escape(name) + r"\s+[A-ZÀ-Ý]", text)  # "Emporio Solidale": part of a name
            ):
                continue  # a common word ("Governo", "Tutto") or a body ("la Lega")
            seen.add(key)
            out.append(Person(name))
    return out


_ELECTED_RE = re.compile(
    r"\s*,?\s+(?:è|viene|venne|sarà)\s+(?:stat[oa]\s+)?(?:ri)?(?:elett[oa]|nominat[oa]|confermat[oa]|designat[oa])"
    r"\s+(?:all'unanimità\s+)?(?:come\s+)?(?:(?:nuovo|nuova)\s+)?((?i:" + _ROLE_START.pattern + r")[^.;:!?\n]{0,80})"
)
_PLACE_BEFORE_RE = re.compile(r"\b" + _longest_first(_PLACE_HEADS) + r"\s+$", re.IGNORECASE)
# A name opening a sentence or following a dateline's dash, then a verb: its subject is a person.
_SUBJECT_START_RE = re.compile(r"(?:^|[.!?]\s+|\s[-–—]\s*|\n)$")
_SUBJECT_VERB_RE = re.compile(
    r"\s+(?:ha|hanno|aveva|avrebbe|è\s+(?:stato|stata|intervenut[oa])|" + VERB + r")(?![\w'])", re.IGNORECASE
)  # "Elly Schlein risponde": a name of any origin as the subject of a verb of saying
# A post set off after a name of any origin opening its sentence: "Katarina Modic, vicedirettrice della Caritas,".
_POST_AFTER_RE = re.compile(r"\s*,\s*(?:" + _ROLE_START.pattern + r")", re.IGNORECASE)
_TWO_CAPS = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+\s+[A-ZÀ-Ý][a-zà-ÿ]+")


@lru_cache(maxsize=256)
def _full_name(text: str, surname: str) -> str:
    """The longest ``Given Surname`` form of a surname in the text (``Mevlut Cavusoglu`` for ``Cavusoglu``); cached
    for one piece (``extract_quotes`` clears it), its pattern being compiled anew for each surname."""
    best = surname
    pattern = r"(?<![\w'])((?:" + _NAME_TOKEN + r"\s+){1,2})" + re.escape(surname) + r"(?![\w])"
    for m in re.finditer(pattern, text):
        tokens = m.group(1).split()
        while tokens and (
            fold(tokens[0]) in _GLUED_WORD_KEYS  # "Secondo Bianchi", "il presidente del Consiglio Conte"
            or fold(tokens[0]) in _PORTFOLIO_KEYS  # "il ministro degli Esteri Tajani"
            or _ROLE_START.fullmatch(tokens[0])
            or tokens[0].lower() in _PRESENT_WORDS
        ):
            tokens.pop(0)  # "Spiega Bianchi:": a verb of saying opening the sentence is no given name
        if len(surname) <= 4 and not any(fold(t) in first_names() for t in tokens):
            continue  # "Fim Fiom Uilm": a body's short name in a list, no given name before it
        if tokens and len(tokens) + 1 > len(best.split()) and not any(_ROLE_START.fullmatch(t) for t in tokens):
            best = " ".join([*tokens, surname])
    return best


# Epithets the press uses for a post named otherwise where its holder is introduced (folded role word → pattern
# on the folded role printed with the holder).
_SAME_POST = {
    "governatore": r"presidente\s+della\s+regione",
    "governatrice": r"presidente\s+della\s+regione",
    "premier": r"presidente\s+del\s+consiglio",
    "sindaco": r"prim[oa]\s+cittadin",
    "sindaca": r"prim[oa]\s+cittadin",
    "guardasigilli": r"ministr[oa]\s+della\s+giustizia",
    "ministro": r"guardasigilli",  # the Guardasigilli is a minister: "spiega il ministro"
    "ministra": r"guardasigilli",
    "presidente": r"governat|premier",
    "legale": r"avvocat",
    "avvocato": r"legale",
    "avvocata": r"legale",
    "magistrato": r"procurat|pm\b|giudice|sostitut",
    "magistrata": r"procurat|pm\b|giudice|sostitut",
}


def _post_word(role_word: str) -> str:
    """The post a bare role word names, folded: "il primo cittadino" is the mayor, "sindaco"."""
    folded = fold(role_word)
    return "sindaco" if folded in {"cittadino", "cittadina"} else folded


_VICE_PREFIX_RE = re.compile(r"\s*vice[\s-]")
_OF_CAPITAL_RE = re.compile(r"\bd\w*'?\s*[A-ZÀ-Ý]")


def _resolve(
    speaker: str | None,
    role_word: str | None,
    people: list[Person],
    last: Quote | None,
    text: str = "",
    upto: int | None = None,
    role: str | None = None,
) -> Person:
    """Surname-only or role-only speakers → the full name introduced earlier in the piece (a role: the person
    holding it named nearest before ``upto``, when given; never a holder of the same role in another body)."""
    if speaker and len(speaker.split()) >= 2 and fold(speaker.split()[0]) in first_names():
        earlier = next((p for p in people if p.name == speaker or _misprint(p.name, speaker)), None)
        earlier = earlier or _inside_a_name(speaker, people)
        return Person(earlier.name, earlier.role) if earlier else Person(speaker)
    if speaker and len(speaker.split()) > 1 and speaker.split()[0] in _BODY_HEADS:
        return Person(speaker)  # "Associazione Comunità Papa Giovanni XXIII": a body, not the person it names
    if speaker:
        key = fold(speaker.split()[-1])
        for p in people:
            longer = len(p.name.split()) > len(speaker.split())
            if longer and len(speaker.split()) >= 2 and fold(p.name.split()[0]) not in first_names():
                continue  # "Sociali Mimma Calabrò": a role word glued to the name, not a fuller name
            if fold(p.name.split()[-1]) == key or fold(p.name).endswith(fold(speaker)):
                return Person(p.name, p.role)
        within = _inside_a_name(speaker, people)
        if within:
            return Person(within.name, within.role)
        return Person(_full_name(text, speaker) if len(speaker.split()) == 1 else speaker)
    if role_word:
        rw = _post_word(role_word)
        # (not for "il primo cittadino": a holder called "prima cittadina" may be the one before the one just elected)
        same_post = _SAME_POST.get(rw) if rw == fold(role_word) else None
        has = re.compile(
            r"(?<![a-z])"
            + ("" if role and _VICE_PREFIX_RE.match(fold(role)) else r"(?<!vice )(?<!vice-)")
            + r"(?:"
            + re.escape(rw[:6])
            + (r"|" + same_post if same_post else "")
            + r")"
        ).search  # "sindaco" is not the "vice sindaco"; "il governatore" is the "presidente della Regione"
        body = _role_body(role)

        def holds(other: str) -> bool:  # the capogruppo del Pd is not the capogruppo del Patto Civico
            return bool(has(other)) and not (body and _role_body(other) not in (None, body))

        if last and last.role and holds(fold(last.role)):
            return Person(last.speaker or "", last.role)
        holders = [p for p in people if p.role and holds(fold(p.role))]
        if upto is not None and len(holders) > 1:
            at = {p.name: text.rfind(p.name.split()[-1], 0, upto) for p in holders}
            holders.sort(key=lambda p: at[p.name])  # nearest before last; one never named before comes first
        if holders:
            return Person(holders[-1].name, holders[-1].role)
        # "il leader degli industriali" after the presidente di Confindustria spoke: an epithet by description
        described = fold(role_word) in _EPITHETS and role and not _OF_CAPITAL_RE.search(role)
        if last and last.speaker and (not body or not last.role or holds(fold(last.role)) or described):
            return Person(last.speaker, last.role)
    return Person("")


def _inside_a_name(speaker: str, people: list[Person]) -> Person | None:
    """The person whose full name the speaker's words contain or are part of: ``Politiche Sociali Anna Neri`` (a
    body's words glued before the name) for Anna Neri, ``De Carolis`` for Giuseppe De Carolis Di Prossedi (a long
    surname cut short); only people printed with a given name."""
    key = " " + fold(speaker) + " "
    for p in people:
        toks = p.name.split()
        if len(toks) < 2 or fold(toks[0]) not in first_names() or fold(p.name) == key.strip():
            continue
        name = " " + fold(p.name) + " "
        if key.endswith(name) or len(speaker.split()) >= 2 and key in name and not name.endswith(key):
            return p
    return None


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter inserted, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]


def _misprint(printed: str, other: str) -> bool:
    """``other`` is ``printed`` with its surname misprinted by one letter (``Grazia Padella`` for ``Grazia
    Pradella``): same given name, surnames of five letters or more one edit apart."""
    a, b = printed.split(), other.split()
    if len(a) != len(b) or len(a) < 2 or a[:-1] != b[:-1] or a[-1] == b[-1] or min(len(a[-1]), len(b[-1])) < 5:
        return False
    return _one_edit(fold(a[-1]), fold(b[-1]))


_ROLE_BODY_RE = re.compile(r"\b(?:di|del|dello|della|dei|degli|delle|dell')\s*([^\W\d_][\w' ]*)$")


def _role_body(role: str | None) -> str | None:
    """The body a role is held in, folded: ``capogruppo del Patto Civico`` → ``patto civico``."""
    m = _ROLE_BODY_RE.search(fold(role)) if role else None
    return m.group(1).strip() if m else None


_ATTR_TAIL = r"([^\n]*?)(?=\s+[-–—](?:\s|$)|[.;!?](?:\s|$)|$|\n)"
# Patterns holding the verb list, compiled once (a pattern built per call is hashed per call).
# "… esaurite- dice X -": a dash typed against the word before; "…, spiega X, …": commas around it; "– spiegava,
# qualche settimana fa, X –": an aside right after the verb
# (the dash or comma before the test of the character before it: a lookbehind opening a branch ran at every position)
_INNER_VERB_RE = re.compile(
    r"(?:(?:^|\s)[-–—,]|[-–—](?<=\w[-–—])(?=\s)|,(?<=\w,))\s*"
    # "– come commenta il presidente X –": the reporter's aside; after a comma "come" cites someone else
    r"(?:(?:(?<=[-–—])|(?<=[-–—]\s))(?i:come)\s+)?"
    r"(" + VERB + r")(?:\s+|(?=,\s*[a-zà-ù]))",
    re.IGNORECASE,
)
_AFTER_NAME_VERB_RE = re.compile(
    r"\s*[,(]\s*(" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){1,3})\s+(" + VERB + r")\b"
)
_VERB_THEN_SUBJECT_RE = re.compile(r"(?:^|[\s,])(" + VERB + r")\s+([^:]*?)\s*[:,]\s*$", re.IGNORECASE)
_SAID_THAT_RE = re.compile(
    r"^(.*?)\s+(?:" + VERB + r")(?:\s+\S+){0,3}?\s+(?:che|come)\b[^.!?:;«»\"“”]{0,200}$", re.IGNORECASE
)
_VERB_COLON_RE = re.compile(r"(?:^|[.;]\s*)([^.;]*?)\s+(" + VERB + r")\s*:\s*$", re.IGNORECASE)
_EXPRESS = r"(?:esprim(?:e|ono)|defini(?:sce|scono)|invit(?:a|ano)|parl(?:a|ano)\s+di|sollecit(?:a|ano))"
_SUBJECT_SAYS_RE = re.compile(
    r"\s*(.{3,100}?)\s+(?:" + VERB + r"|" + _EXPRESS + r")\b[^.!?:;«»\"“”]{0,60}$", re.IGNORECASE
)
_VERB_RIGHT_BEFORE_RE = re.compile(
    r"(?:^|,|^\s*(?:e|ed|poi|infine|quindi|inoltre|ancora)\s)\s*(?:" + VERB + r")"
    r"(?:\s+(?:poi|anche|ancora|inoltre|infine))?(?:\s+([^,.;:!?«»\"“”]{2,80}?))?\s*:?\s*$",
    re.IGNORECASE,
)
_SAYS_AFTER_NAME_RE = re.compile(r"[^.!?]{0,40}?(?:" + VERB + r")\b|\s*[:(,]", re.IGNORECASE)
_AFTER_VERB_RE = re.compile(r"\s*[,.:]?\s*[-–—]?\s*(?:così\s+)?(" + VERB + r")\b[ \t]*" + _ATTR_TAIL, re.IGNORECASE)
_ROLE_AT = re.compile(r"(?<!\w)" + _ROLE_START.pattern, re.IGNORECASE)
# The same on lower-cased text, 3× faster than IGNORECASE; a title abbreviation's "then a letter" lookahead, which
# IGNORECASE lets match either case in _ROLE_AT, is written in lower case here or it could never match. Spelt out as
# its alternatives in their order (with an article, with a prefix, the role alone) grouped by first letter: at the
# start of a word the engine tries one letter per group instead of every article, prefix and role (a third faster).
_ROLE_LOWER = _ROLE_WORD_OR_TITLE.replace(r"(?=\s+[A-ZÀ-Ý])", r"(?=\s+[a-zà-ý])")
_ROLE_PREFIXED_LOWER = r"(?:(?:" + "|".join(_ROLE_PREFIXES) + r")[\s-]*)?" + _ROLE_LOWER
_ROLE_AT_LOWER = re.compile(
    r"(?<!\w)"
    + by_first_letter(
        [article + r"\s*" + _ROLE_PREFIXED_LOWER for article in _ROLE_ARTICLES]
        + [prefix + r"[\s-]*" + _ROLE_LOWER for prefix in _ROLE_PREFIXES]
        + [r"a(?<='a)d\b"]  # "l'ad" (the look-behind sees the apostrophe before the "a")
        + [word + r"\b" for word in ROLE_WORDS if word != "ad"]
        + [title[0] + r"(?<![\w.].)" + title[1:] + _TITLE_DOT + r"(?=\s+[a-zà-ý])" for title in _TITLES]
    )
)
# "Comincia così il racconto di X", "Sono le parole di X": the speaker named in the next sentence.
_NOUN_SOURCE = re.compile(
    r"\b(?:il\s+racconto|le\s+parole|la\s+testimonianza|il\s+commento|il\s+pensiero|la\s+voce|lo\s+sfogo|"
    r"la\s+replica|la\s+risposta|l'appello|la\s+spiegazione|l'analisi|la\s+denuncia|l'annuncio|l'invito|"
    r"la\s+riflessione|il\s+monito|la\s+posizione|il\s+parere|l'opinione|il\s+punto\s+di\s+vista)"
    r"\s+d(?:i\s+|ell'|el\s+|ella\s+|ello\s+)",
    re.IGNORECASE,
)

_IS_NOUN_SOURCE_RE = re.compile(
    r"\s*,?\s*(?:[-–—]\s*)?(?:(?:è|e')(?:\s+stat[oa])?|questo|questa|queste|ecco|così)\s+(?:il\s+racconto|"
    r"le\s+parole|il\s+commento|il\s+pensiero|lo\s+sfogo|la\s+replica|la\s+risposta|l'appello|la\s+spiegazione|"
    r"l'analisi|la\s+denuncia|l'annuncio|la\s+riflessione|il\s+monito|l'accusa|la\s+stoccata|la\s+frecciata|"
    r"l'affondo|il\s+parere|l'attacco|la\s+critica|l'invito|la\s+chiosa|l'auspicio|il\s+messaggio)"
    r"(?:\s+[\w']+){0,3}?\s+d(?:i\s+|ell'\s*|el\s+|ella\s+|ello\s+)",
    re.IGNORECASE,
)
_INNER_NOUN_RE = re.compile(
    r"(?:^|\s)[-–—]\s*(?:(?:questa|questo|queste|ecco|così)\s+)?(?:il\s+racconto|le\s+parole|il\s+commento|il\s+pensiero|lo\s+sfogo|la\s+replica|"
    r"la\s+risposta|l'appello|la\s+spiegazione|l'analisi|la\s+denuncia|l'annuncio|la\s+riflessione|l'invito|"
    r"l'attacco|la\s+critica|il\s+monito|l'accusa)"
    r"(?:\s+[\w']+){0,3}?\s+d(?:i\s+|ell'\s*|el\s+|ella\s+|ello\s+)",
    re.IGNORECASE,
)

_ORG_NOUNS = (
    'questura', 'prefettura', 'procura', 'comune', 'regione', 'provincia', 'ministero', 'governo', 'sindacato',
    'sindacati', 'organizzazioni sindacali', 'associazione', 'agenzia', 'azienda', 'società', 'ferrovie',
    'polizia', 'carabinieri', 'guardia di finanza', 'vigili del fuoco', 'protezione civile', 'ospedale',
    'università', 'fondazione', 'cooperativa', 'comitato', 'movimento', 'partito', 'federazione', 'consorzio',
    'ente', 'istituto', 'ufficio stampa', 'amministrazione comunale', 'amministrazione', 'direzione',
    'sindacato di base', 'coordinamento', 'redazione', 'esercito', 'presidenza', 'portavoce',
    'capitaneria di porto', 'capitaneria',
)  # fmt: skip
_ORG_RE = re.compile(
    r"\s*(?:(?:da|de|ne)?(?:l|lla|ll'|i|lle|gli)\s*|il\s+|la\s+|lo\s+|l'\s*|i\s+|le\s+|gli\s+|in\s+)?("
    + _longest_first(_ORG_NOUNS)
    + r")\b([^,.;:!?]{0,40})",
    re.IGNORECASE,
)


# "fanno sapere da Croce Rossa", "spiegano dall'Arci": what a verb of saying takes "da" from is a body speaking.
_FROM_BODY_RE = re.compile(
    r"\s*(?:da|dal|dalla|dallo|dall'|dai|dagli|dalle)\s*((?:[A-ZÀ-Ý][\w'-]*)(?:\s+(?:[A-ZÀ-Ý][\w'-]*|"
    r"di|del|della|dei|delle|per|la|il|e)){0,5}?)(?=\s*(?:[,.;:!?]|$))"
)


# "scrivono in una nota i sindacati": where the words were said comes before who said them.
_MEDIUM_RE = re.compile(
    r"\s*(?:in\s+(?:una|un)\s+(?:nota|comunicato|post|lettera|messaggio)(?:\s+(?:congiunta|stampa|ufficiale))?"
    r"|sui\s+social|su\s+(?:facebook|twitter|instagram))\s*,?",
    re.IGNORECASE,
)


# Bodies listed by their names after "in una nota": "scrivono in una nota Fiom, Fim e Uilm di Livorno" (the
# first-named speaks for a joint statement).
_BODIES_LISTED_RE = re.compile(r"\s*([A-ZÀ-Ý][\w'-]*)(?=\s*(?:,|\s(?:e|ed)\s+[A-ZÀ-Ý]))")


# The town hall a verb of saying takes "da" from: the comune speaks ("fanno sapere da palazzo di città").
_TOWN_HALL_RE = re.compile(
    r"\s*(?:da|dal|dalla)\s+(?:palazzo\s+(?:di\s+città|comunale|civico)|municipio|casa\s+comunale|sede\s+comunale)\b",
    re.IGNORECASE,
)


_TERRITORY_RE = re.compile(r"\s+([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?)")
_ACRONYM_OR_SHORT_CAPS_RE = re.compile(r"\b([A-Z][A-Za-z]{1,5}|[A-Z]{2,})\b")


def _org_speaker(attr: str) -> str | None:
    """An organisation made to speak: ``spiegano dalla questura``, ``informa il sindacato di base Usb``,
    ``fanno sapere da Croce Rossa``, ``scrivono in una nota i sindacati``."""
    medium = _MEDIUM_RE.match(attr)
    attr = attr[medium.end() :] if medium else attr
    if _TOWN_HALL_RE.match(attr):
        return "Comune"  # the comune the piece names, as "il Comune" is resolved
    m = _ORG_RE.match(attr)
    if not m:
        body = _FROM_BODY_RE.match(attr)
        if body and fold(body.group(1)) not in comuni():
            return body.group(1)
        listed = _BODIES_LISTED_RE.match(attr) if medium else None
        return listed.group(1) if listed and fold(listed.group(1)) not in _NOT_NAMES else None
    if m.group(1).lower() in {"sindacati", "organizzazioni sindacali"}:
        return m.group(1)  # a collective speaks as the text names it, not through the first union it lists
    seat = _SEAT_RE.match(m.group(2))
    if seat and (fold(seat.group(2)) in comuni() or fold("la " + seat.group(2)) in comuni()):
        return m.group(1) + seat.group(1)  # "la Prefettura della Spezia": the body named with its seat
    territory = _TERRITORY_RE.match(m.group(2))
    if territory and fold(m.group(1)) in {"regione", "provincia", "comune", "città metropolitana"}:
        return m.group(1)[0].upper() + m.group(1)[1:] + " " + territory.group(1)  # "la Regione Puglia"
    acronym = _ACRONYM_OR_SHORT_CAPS_RE.search(m.group(2))
    return acronym.group(1) if acronym else m.group(1)


_SEAT_RE = re.compile(r"(\s+(?:di|del|della|dello|dell'|d')\s*([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?))")


# Nouns of what someone said, and the participles that give them ("la denuncia lanciata da"): the next sentence
# names whose words the quote was with one of them.
_SPEECH_NOUN = (
    r"(?:annuncio|commento|replica|risposta|appello|denuncia|messaggio|raccomandazione|preoccupazione|"
    r"dichiarazione|monito|invito|richiesta|riflessione|analisi|osservazione|auspicio|proposta|accusa|critica|"
    r"allarme|grido|sfogo|parole|soddisfazione|fotografia)"
)
_GIVEN_BY = r"(?:espress|lanciat|dat|fatt|arrivat|giunt|formulat|rivolt|scattat|firmat|diffus)[oaie]"
_NEXT_SENTENCE = re.compile(
    r"\s*[.,;]?\s*(?:\)\s*)?(?:"
    r"(?:Così|Cosi'|Questo|Questa)\s+(?:ha\s+\w+\s+|ha\s+fatto\s+\w+\s+)?"
    # "Così, in una nota, il consigliere X", "Così afferma l'amministrazione", "Cosi la sindaca X" (the accent lost)
    r"|(?:Così|Cosi'|Cosi)(?=[\s,])(?:\s*,[^,.;:!?«»\"“”\n]{3,100},)?\s+(?:(?:" + VERB + r")\s+)?(?=[a-zA-ZÀ-Ýà-ù'])"
    r"|(?i:lo|la|le|li|l'|ne)\s*(?:" + VERB + r")(?:\s*,[^,.;:!?]{0,80},\s*|\s+)(?:anche\s+|poi\s+|oggi\s+|ieri\s+)?"
    r"|(?:È|E'|E’)\s+quanto\s+(?:ha\s+|hanno\s+)?\w+\s+"
    # "«…». Tuona così il consigliere X", "Interviene in questo modo X": the verb, then the subject (S29)
    r"|(?i:" + VERB + r")\s+(?:così|cosi'|in\s+(?:questo|tal)\s+modo)\s+"
    r"|(?:(?:È|E'|E’)\s+(?:questo|questa|quest')?\s*|(?:Questo|Questa|Quest')\s*)"
    r"(?:l'annuncio|il\s+commento|la\s+replica|la\s+risposta|l'appello|la\s+denuncia|il\s+messaggio)"
    r"\s+(?:dat[oa]|fatt[oa]|lanciat[oa]|arrivat[oa]|giunt[oa])\s+d(?:a|al|alla|allo|all'|ai|agli|alle)(?:\s+|(?<='))"
    r"|(?:Ha|Hanno)\s+" + _longest_first(_PARTICIPLES) + r"\s+(?=[A-ZÀ-Ýa-zà-ù])"
    # "Hanno dichiarato X e Y, …" opening the sentence after the quote; "Ad attaccare Meloni è X": a cleft
    r"|Ad?\s+[a-zà-ù]+(?:are|ere|ire)(?:\s+[^\s.,;:!?«»\"“”]+){1,4}?\s+(?:è|sono)\s+"
    r"|Ad?\s+(?:parlare|[a-zà-ù]+(?:ar|er|ir)(?:lo|la|ne))(?:\s+(?:con|in)\s+(?:un|una)\s+\w+)?"
    r"(?:\s*,[^,.;:!?«»\"“”]{1,100},(?=\s*(?:è|sono)\s))?"  # "A chiederlo, con una lettera, è X": an aside
    r"(?:\s+(?:è|sono)(?:\s+stat[oa])?)?"  # "A dichiararlo è X", "A commentarlo è X": any verb and its clitic
    r"(?:\s+(?:con|in)\s+(?:un|una)\s+\w+)?\s+"
    r"|(?:Ne|Lo)\s+(?:è|sono|si\s+dice|si\s+dicono)\s+(?:convint|cert|sicur|persuas)[oaie]\s+(?:anche\s+)?"
    r"|(?:Sono\s+|Queste\s+)?(?:le\s+)?(?:(?:prime|ultime|sue)\s+)?[Pp]arol[ae]\s+(?:[^.;:!?«»\n,]{0,50}\s)?d(?:i|el|ella|ello|ell')\s*"
    # "Sono le parole con cui X ha accompagnato …", "Dalle parole del procuratore X emerge …"
    r"|(?:Sono\s+|Queste\s+)?(?:le\s+)?[Pp]arole\s+con\s+(?:cui|le\s+quali)\s+"
    r"|Dalle\s+(?:sue\s+)?parole\s+d(?:i|el|ella|ello|ell')\s*"
    # "Con queste parole, peraltro ribadendo che «…», il sindaco X, …, ha ufficializzato": the subject after the aside
    r"|Con\s+(?:queste|tali|le\s+sue|simili)\s+parole\s*(?:,\s*[a-zà-ù][^:;\n]{0,160}?,\s*(?=(?:il|la|lo|l')\s|[A-ZÀ-Ý]))?"
    # a noun of speech naming whose words they were: "È la denuncia pubblica di X", "Questa la preoccupazione
    # espressa dal Comitato X", "La raccomandazione è di X", "L'annuncio del sindaco X arriva …"
    r"|(?:(?:È|E'|E’)\s+(?:(?:questo|questa|quest')\s*)?|(?:Questo|Questa|Quest')\s*(?:è\s+)?)?"
    r"(?i:il|la|l'|le)\s*" + _SPEECH_NOUN + r"(?:\s+[a-zà-ù]{4,}){0,2}?\s+"
    r"(?:(?:è\s+)?d(?:i|el|ello|ella|ell'|egli|ei|elle)|(?:" + _GIVEN_BY + r")\s+d(?:a|al|allo|alla|all'|agli|ai|alle))"
    r"(?:\s+|(?<='))"
    r")",
)


def _known(name: str, people: list[Person]) -> bool:
    """A full name (known first name) or the surname of a person named elsewhere in the text."""
    toks = name.split()
    if len(toks) >= 2 and fold(toks[0]) in first_names():
        return True
    key = fold(toks[-1]) if toks else ""
    return any(fold(p.name.split()[-1]) == key for p in people)


_LIST_ITEM_END_RE = re.compile(r"(" + _NAME_TOKEN + _NAME_TAIL + r"{1,3})\s*(?:,|\s(?:e|ed))\s*$")


_AND_CAPITAL_RE = re.compile(r"\s(?:e|ed)\s+[A-ZÀ-Ý]")
_AND_AT_END_RE = re.compile(r"\s(?:e|ed)\s*$")


def _list_head(sentence: str, pos: int) -> int:
    """Where the list of full names that the name at ``pos`` closes begins (``i segretari A B, C D e E F``):
    a joint statement speaks through the first-named. An apposition (``Il padre di A, B,``) is no list: a list
    closes with "e"/"ed" before another name."""
    closed = _AND_CAPITAL_RE.search(sentence[pos : pos + 120].split(":")[0])
    if not closed and not _AND_AT_END_RE.search(sentence[max(0, pos - 5) : pos]):
        return pos
    while True:
        m = _LIST_ITEM_END_RE.search(sentence, max(0, pos - 60), pos)
        if not m or _bad_name(m.group(1)) or _ROLE_START.match(m.group(1)):
            return pos
        pos = m.start(1)


# A kinship noun and "di" before a name: the name identifies a relative, who is the one speaking.
_KIN_OF_RE = re.compile(
    r"\b(?:padre|madre|papà|mamma|figli[oa]|fratello|sorella|moglie|marito|compagn[oa]|fidanzat[oa]|nonn[oa]|"
    r"zi[oa]|cugin[oa]|genitori|familiari|parenti)\s+d(?:i|el|ella|ello|ell')\s*$",
    re.IGNORECASE,
)


def _subject(sentence: str, people: list[Person]) -> Attribution | None:
    """The person a sentence introducing a quote is about: ``L'assessore X rivendica la scelta:``."""
    starts = sorted(
        {m.start() for m in _ROLE_AT.finditer(sentence)} | {m.start(1) for m in _NAME_RE.finditer(sentence)}
    )
    for pos in starts:
        if _KIN_OF_RE.search(sentence, max(0, pos - 30), pos):
            continue  # "Il padre di Ilaria Salis, Roberto Salis, …": the relative, not the person it is named by
        parsed = _parse_attribution(sentence[pos:])
        if parsed.speaker and _known(parsed.speaker, people) and not _ROLE_AT.match(sentence, pos):
            head = _list_head(sentence, pos)
            if head < pos:
                first = _parse_attribution(sentence[head:])
                if first.speaker:
                    return first  # "Florinda Di Giacomo, Raffaele De Simone e …": the first-named
        if parsed.speaker and (_ROLE_AT.match(sentence, pos) or _known(parsed.speaker, people)):
            return parsed
        if parsed.speaker and _COMMA_ROLE_RE.match(sentence[pos + len(parsed.speaker) :]):
            return parsed
    for pos in starts:
        parsed = _parse_attribution(sentence[pos:])
        if parsed.role_word and pos < 40:
            return parsed
    return None


_LEAD_GERUND_RE = re.compile(
    r"^((?:[a-zà-ù'][^A-ZÀ-Ý]*?\s)?)[a-zà-ù]{3,}(?:ando|endo)(?:si|lo|la|li|le|ne|gli|ci|vi)?\b"
)


def _before_gerund(attr: str) -> str:
    """An attribution cut where a gerund's clause opens before any name (``in serata dedicando la vittoria
    a X``): a name after it is the gerund's complement, not the speaker."""
    m = _LEAD_GERUND_RE.match(attr)
    return m.group(1).rstrip() if m else attr


_INNER_ANY_VERB_RE = re.compile(
    r"\s[-–—]\s*((?:ha|hanno)\s+[a-zà-ù]{3,}(?:at|it|ut|s|t)[oa]|[a-zà-ù]{3,}(?:a|e|ano|ono|ò))"
    r"\s+([^-–—«»“”\"]{3,150}?)\s*[-–—](?=\s|$|[,.;:])"
)
# "poi i segretari X, Y e Z": a plural noun of posts before the names of a joint statement
_GROUP_LEAD_RE = re.compile(r"(?:(?:poi|anche|ancora|quindi|invece)\s+)?(?:i|gli|le)\s+[a-zà-ù]+\s")


_FIRST_PHRASE_RE = re.compile(r"([^,.;:!?«»\"“”()]{3,90}?)\s*(?:,|$)")
_NAME_TOKEN_SPACE_RE = re.compile(_NAME_TOKEN + r"\s")


def _comma_interruption(tail: str, start: int, verb_end: int) -> Attribution | None:
    """The attribution between commas inside a quote (``«…, spiega l'assessore X, abbiamo …»``): a role or a
    name right after the verb, closed by a comma or the end of the quote."""
    m = _FIRST_PHRASE_RE.match(tail)
    if not m or not (_ROLE_START.match(m.group(1)) or _NAME_TOKEN_SPACE_RE.match(m.group(1))):
        return None
    parsed = _parse_attribution(m.group(1))
    if not (parsed.speaker or parsed.role_word):
        return None
    return replace(parsed, cut=(start, verb_end + m.end()))


# An aside of circumstance between the verb of saying and its subject: "– spiegava, qualche settimana fa, Guido Savio,
# presidente della Pro Loco –", "ha detto, a margine del consiglio, il sindaco X".
_ASIDE_THEN_SUBJECT_RE = re.compile(
    r"\s*,\s*[a-zà-ù][^,;:.!?«»“”\"]{0,50},\s*(?=[A-ZÀ-Ý]|(?i:" + _ROLE_START.pattern + r"))"
)


def _after_an_aside(attr: str) -> Attribution:
    """The subject after an aside set off by commas right after the verb of saying."""
    m = _ASIDE_THEN_SUBJECT_RE.match(attr)
    if not m:
        return Attribution()
    rest = attr[m.end() :]
    parsed = _parse_attribution(rest)
    if parsed.speaker and not (_ROLE_START.match(rest) or fold(parsed.speaker.split()[0]) in first_names()):
        return Attribution()  # "ha detto, come spesso, Roma è …": a name of no person
    return parsed


_NAME_TOKEN_RE = re.compile(_NAME_TOKEN)


def _surname_like_a_gerund(attr: str, people: list[Person]) -> Attribution:
    """A capitalised word ending like a gerund right after a verb of saying (``– afferma Irlando –``) is the
    surname of the person the piece names in full, not a gerund (which would be in lower case there)."""
    word = attr.strip(" ,")
    if _NAME_TOKEN_RE.fullmatch(word) and fold(word).endswith(("ando", "endo")) and _known(word, people):
        return Attribution(word)
    return Attribution()


_CLOSING_DASH_OR_PUNCT_END_RE = re.compile(r"\s[-–—](?:\s|$|\.)|[-–—][\s,;:]|$")
_CAPITAL_WORD_START_RE = re.compile(r"(?<![\w'])[A-ZÀ-Ý]")
_CLOSING_DASH_END_RE = re.compile(r"\s[-–—](?:\s|$|\.)|[-–—]\s|$")
_INNER_COSI_RE = re.compile(r"(?:^|\s)[-–—]\s*(?i:così|cosi')\s+")


def _interrupted(inner: str, people: list[Person]) -> Attribution | None:
    """«... – ha spiegato X, ruolo – ...»: an attribution inside the span, with its offsets as the cut."""
    for m in _INNER_VERB_RE.finditer(inner):
        tail = inner[m.end() :]
        if m.group(0).lstrip()[0] == "," and inner[m.start() - 1 : m.start()].strip():
            commaed = _comma_interruption(tail, m.start(), m.end())  # «…, spiega l'assessore X, abbiamo …»
            if commaed:
                return commaed
            continue
        end = _CLOSING_DASH_OR_PUNCT_END_RE.search(tail)  # "– spiega –, le risorse"
        attr = tail[: end.start()] if end else tail
        cut = (m.start(), m.end() + (end.end() if end else len(tail)))
        attr = _before_gerund(attr)
        parsed = _parse_attribution(attr)
        parsed = parsed if parsed.found else _surname_like_a_gerund(attr, people)
        parsed = parsed if parsed.found else _after_an_aside(attr)
        if parsed.found:
            return replace(parsed, cut=cut)
        dashed = m.group(0).strip()[0] in "-–—"
        subject = _subject(attr, people) if dashed else None
        if subject and subject.speaker:
            return replace(subject, cut=cut)  # «… – affermano le maestre e X, assessora – …»: the person named
        group = _group(attr) if dashed else None
        if group:
            return replace(group, cut=cut)  # «… – tuonano i consiglieri di minoranza – …»: nobody named
        if not attr.strip(" ,") and dashed:
            return Attribution(role_word=LAST_SPEAKER, cut=cut)  # «… – ha spiegato – …»: the last speaker
        org = _org_speaker(attr) if dashed else None
        if org:
            return Attribution(org, cut=cut)  # «… – spiegano dalla questura – …»
        if dashed and not _CAPITAL_WORD_START_RE.search(attr):
            return Attribution(role_word=LAST_SPEAKER, cut=cut)  # «… – ha commentato ieri sera – …»
    for m in _INNER_ANY_VERB_RE.finditer(inner):  # «… – focalizzano poi i segretari X, Y e Z – …»: any verb
        if m.group(1).split()[-1] in _NOT_VERBS:
            continue
        attr = m.group(2)
        found = _after_any_verb(" " + m.group(1) + " " + attr, people)
        if found is None and _GROUP_LEAD_RE.match(attr):
            subject = _subject(attr, people)
            found = subject if subject and subject.speaker else None
        if found is not None:
            return replace(found, cut=(m.start(), m.end()))
    for m in _INNER_COSI_RE.finditer(inner):  # «… – così il governatore X –. …»: "così" for the verb
        tail = inner[m.end() :]
        end = _CLOSING_DASH_END_RE.search(tail)
        if end is None or not end.group(0).strip():
            continue  # not closed by a dash: "così" then the rest of the sentence
        parsed = _parse_attribution(tail[: end.start()])
        if parsed.found:
            return replace(parsed, cut=(m.start(), m.end() + end.end()))
    for m in _INNER_NOUN_RE.finditer(inner):  # «… – il commento a caldo dell'avvocato X – …»
        tail = inner[m.end() :]
        end = _CLOSING_DASH_END_RE.search(tail)
        parsed = _parse_attribution(tail[: end.start()] if end else tail)
        if parsed.found:
            return replace(parsed, cut=(m.start(), m.end() + (end.end() if end else len(tail))))
    return None


# Plural nouns of people: "i consiglieri di minoranza", "gli inquirenti", "fonti governative" speak as a group.
_GROUP_NOUNS = (
    'consiglieri', 'sindaci', 'assessori', 'avvocati', 'legali', 'difese', 'inquirenti', 'investigatori',
    'magistrati', 'giudici', 'medici', 'infermieri', 'residenti', 'cittadini', 'abitanti', 'genitori',
    'lavoratori', 'dipendenti', 'operatori', 'volontari', 'organizzatori', 'promotori', 'ricercatori', 'esperti',
    'commercianti', 'studenti', 'insegnanti', 'docenti', 'fonti', 'vertici', 'familiari', 'parenti',
    'testimoni', 'soccorritori', 'manifestanti', 'attivisti', 'ambientalisti', 'firmatari', 'esponenti',
    'rappresentanti', 'dirigenti', 'amministratori', 'parlamentari', 'deputati', 'senatori', 'capigruppo',
    'colleghi', 'gestori', 'titolari', 'proprietari', 'agricoltori', 'allevatori', 'maestre', 'maestri',
    'mamme', 'cronisti', 'analisti', 'economisti', 'scienziati', 'sanitari', 'detenuti', 'migranti', 'ospiti',
    'ambienti', 'primi cittadini', 'prime cittadine',
)  # fmt: skip
_GROUP_RE = re.compile(
    r"\s*(?:(?:poi|ancora|anche|inoltre|infine|quindi|invece)\s+)?"  # "– spiegano ancora i sindaci –"
    r"(?:(?:i|gli|le|alcuni|alcune|molti|molte|tanti|tante|diversi|diverse)\s+)?"
    r"(?:(?:due|tre|quattro|cinque|sei|sette|otto|nove|dieci|\d+|stessi|stesse|nostri|nostre)\s+)?"
    r"(" + alternation(_GROUP_NOUNS) + r")\b([^.;:!?«»\"“”]{0,60})",
    re.IGNORECASE,
)


_TWO_NAME_TOKENS_RE = re.compile(r"\s*,?\s*" + _NAME_TOKEN + r"\s+" + _NAME_TOKEN)
_APPOSITION_CLAUSE_SPLIT_RE = re.compile(r",|\s(?:che|il quale|la quale|mentre|durante|nel|nella)\s")


def _group(attr: str) -> Attribution | None:
    """An unnamed group of persons speaking (``i consiglieri di minoranza``, ``fonti governative``): no name
    follows the noun in its phrase."""
    m = _GROUP_RE.match(attr)
    if not m or _first_full_name(m.group(2)) or _TWO_NAME_TOKENS_RE.match(m.group(2)):
        return None
    tail = _APPOSITION_CLAUSE_SPLIT_RE.split(m.group(2), maxsplit=1)[0]
    return Attribution(role=_clean_role(m.group(1) + tail) or m.group(1), group=True)


_BODY_TAIL_RE = re.compile(r"\s+(?:per|in|di|del|della|dei|delle)\s+[A-ZÀ-Ý][\w'-]*(?:\s+[A-ZÀ-Ý][\w'-]*)*")


def _body_name(attr: str, parsed: Attribution, people: list[Person]) -> Attribution:
    """A one-word speaker that is no person's name, followed by "per/in/di" and capitalised words, is a body's
    name in full (``Uniti per Assisi``, ``Sinistra in Comune``)."""
    name = parsed.speaker or ""
    if " " in name or not name or fold(name) in first_names() or _known(name, people):
        return parsed
    at = attr.find(name)
    tail = _BODY_TAIL_RE.match(attr, at + len(name)) if at >= 0 else None
    origin = tail and tail.group(0).split()[0] != "per" and tail.group(0).split()[0] != "in"
    if not tail or origin and fold(" ".join(tail.group(0).split()[1:])) in comuni():
        return parsed  # "Rossi di Bari": a person and where they come from
    return Attribution(name + tail.group(0), speaks=True)


# A sentence's end after a quote: never the dot of a title before a name ("ha detto il sindaco dott. Mario Rossi").
_NOT_A_TITLE_DOT = "".join(rf"(?<!\b(?i:{title}))" for title in _TITLES)
_SENTENCE_STOP_RE = re.compile(r"(?:[;!?]|" + _NOT_A_TITLE_DOT + r"\.)(?:\s|$)|\n")
_ONLY_ADVERBS_RE = re.compile(r"\s*(?:(?:poi|ancora|inoltre|anche|infine|quindi|subito|dopo)\b\s*)*(?:$|[,.;:!?])")
_TRAILING_PARTICLE_RE = re.compile(r"\s+(?:per|di|del|della|d'|in|e|al)$")


def _after_verb(after: str, people: list[Person]) -> Attribution | None:
    """«...», dichiara X, ruolo. — a reporting verb right after the span decides: X, the last speaker
    (``aggiunge poi.``), an organisation, or nobody."""
    m = _AFTER_VERB_RE.match(after)
    if not m or m.group(1)[0].isupper() and "." in after[: m.start(1)]:
        return None  # «…». Secondo X «…», «…». Annota che «…»: a new sentence leading into the next quote
    attr = _SENTENCE_STOP_RE.split(after[m.start(2) : m.start(2) + 300], maxsplit=1)[0]
    attr = _before_gerund(attr)  # "ha aggiunto riferendosi a quanto detto da X": X is the gerund's complement
    parsed = _parse_attribution(attr)
    parsed = parsed if parsed.found else _after_an_aside(attr)
    if parsed.found:
        return _body_name(attr, parsed, people) if parsed.speaker and not parsed.role else parsed
    subject = _subject(attr, people)  # "dice a Fanpage.it Mario Rossi, coordinatore"
    if subject:
        return subject
    group = _group(attr)
    if group:
        return group
    if _ONLY_ADVERBS_RE.match(attr):
        return Attribution(role_word=LAST_SPEAKER)
    medium = _MEDIUM_RE.match(attr)
    group_named = _COUNCIL_GROUP_RE.match(attr, medium.end() if medium else 0)
    if group_named and not _first_full_name(group_named.group(1)):
        name = _TRAILING_PARTICLE_RE.sub("", group_named.group(1))
        return Attribution(name, speaks=True)  # "«…», attacca il gruppo consiliare Fratelli d'Italia"
    org = _org_speaker(attr)
    if org:
        return Attribution(org)
    body = _ARTICLE_BODY_RE.match(attr, medium.end() if medium else 0)
    if body and not _bad_name(body.group(1)) and not _known(body.group(1), people):
        return Attribution(body.group(1), speaks=True)  # "afferma in una nota la Cgil di Roma"
    return Attribution()


# An article and a capitalised name that is no person's: a body speaking ("la Cgil di Roma", "l'Anpi").
_ARTICLE_BODY_RE = re.compile(
    r"\s*(?:la|il|lo|l'|i|gli|le)\s*([A-ZÀ-Ý][\w'-]*(?:\s+(?:(?:di|del|della|dei|dell')\s*)?[A-ZÀ-Ý][\w'-]*){0,3})"
    r"\s*(?:$|[,.;:!?(])"
)


def _after_name_verb(after: str, people: list[Person]) -> Attribution | None:
    """«...», Mario Rossi ha detto."""
    m = _AFTER_NAME_VERB_RE.match(after)
    return Attribution(m.group(1)) if m else None


_PAREN_ATTRIBUTION_RE = re.compile(r"\s*\(([^()]{3,150})\)")


def _after_parenthesis(after: str, people: list[Person]) -> Attribution | None:
    """«...» (Mario Rossi, ruolo)."""
    m = _PAREN_ATTRIBUTION_RE.match(after)
    parsed = _parse_attribution(m.group(1)) if m else None
    return parsed if parsed and parsed.speaker else None


_DASH_ATTRIBUTION_RE = re.compile(r"\s*,?\s*[-–—]\s*([^\n]{3,200}?)(?:[.;!?](?:\s|$)|\n|$)")
_LEADING_COSI_RE = re.compile(r"^(?:così|anche|poi)\s+", re.IGNORECASE)


def _after_dash(after: str, people: list[Person]) -> Attribution | None:
    """«...» – l'assessora X.  /  «...» – Mario Rossi."""
    m = _DASH_ATTRIBUTION_RE.match(after)
    if not m:
        return None
    parsed = _parse_attribution(m.group(1))
    lead = _LEADING_COSI_RE.sub("", m.group(1))
    if parsed.speaker and (_ROLE_START.match(lead) or _known(parsed.speaker, people)):
        return parsed
    return None


_COSI_AFTER_RE = re.compile(r"\s*[:,]\s*(?:[-–—]\s*)?(?i:così|cosi')\s+")


def _after_cosi(after: str, people: list[Person]) -> Attribution | None:
    """«…»: così Rossi.  /  «…», così in una nota il segretario X: "così" closing the quote names its source."""
    m = _COSI_AFTER_RE.match(after)
    if not m:
        return None
    attr = _SENTENCE_STOP_RE.split(after[m.end() : m.end() + 300], maxsplit=1)[0]
    medium = _MEDIUM_RE.match(attr)
    attr = attr[medium.end() :] if medium else attr
    parsed = _parse_attribution(attr)
    if parsed.speaker and (_ROLE_START.match(attr) or _known(parsed.speaker, people)) or parsed.role_word:
        return parsed
    org = _org_speaker(attr)
    return Attribution(org) if org else None


# A few words, then a noun of speech and its "di": "Comincia così il racconto di".
_LEAD_NOUN_SOURCE_RE = re.compile(r"\s*[.!?]?\s*([^.!?\n«»\"“”]{0,60}?)" + _NOUN_SOURCE.pattern, re.IGNORECASE)


_COLON_THEN_QUOTE_RE = re.compile(r"[^.;!?\n«»\"“”]*:\s*[«“\"]")


def _after_noun_source(after: str, people: list[Person]) -> Attribution | None:
    """«...». Comincia così il racconto di X.  /  «…» è il commento a caldo di X."""
    m = _LEAD_NOUN_SOURCE_RE.match(after)
    if not m:
        m = _IS_NOUN_SOURCE_RE.match(after)
    if not m:
        return None
    if _COLON_THEN_QUOTE_RE.match(after[m.end() :]):
        return None  # «A». Secca la replica di X: «B» — X's words are the next quote, not this one
    parsed = _parse_attribution(_SENTENCE_STOP_RE.split(after[m.end() :], maxsplit=1)[0])
    return parsed if parsed.speaker else None


# Function words that can follow a closing mark without being a verb: prepositions, articles, conjunctions.
_NOT_VERBS = frozenset({
    'a', 'ad', 'al', 'alla', 'alle', 'agli', 'ai', 'allo', 'da', 'dal', 'dalla', 'dalle', 'dagli', 'dai', 'dallo',
    'di', 'del', 'della', 'delle', 'degli', 'dei', 'dello', 'in', 'nel', 'nella', 'nelle', 'negli', 'nei',
    'nello', 'su', 'sul', 'sulla', 'sulle', 'sugli', 'sui', 'sullo', 'con', 'per', 'tra', 'fra', 'e', 'ed', 'o',
    'ma', 'che', 'come', 'anche', 'mentre', 'perché', 'poiché', 'oppure', 'ovvero', 'nonché', 'quando', 'dove',
    'se', 'sia', 'né', 'contro', 'verso', 'sopra', 'sotto', 'dopo', 'prima', 'senza', 'presso', 'circa', 'oltre',
    'durante', 'secondo', 'tranne', 'entro', 'dentro', 'fuori', 'il', 'la', 'lo', 'le', 'gli', 'i', 'un', 'una',
    'uno', 'questa', 'questo', 'queste', 'questi', 'quella', 'quello', 'quelle', 'quelli', 'tutta', 'tutte',
    'ogni', 'ancora', 'sempre', 'già', 'mai', 'ora', 'oggi', 'ieri', 'domani', 'qui', 'lì', 'là', 'ecco', 'cioè',
    'infatti', 'invece', 'pure', 'dunque', 'quindi', 'poi', 'più', 'meno', 'molto', 'tanto', 'così', 'proprio',
    'sono', 'è', 'era', 'erano', 'sarà', 'saranno', 'viene', 'vengono', 'essere', 'stata', 'state', 'fine',
    'parte', 'volta', 'nome', 'frase', 'parole', 'tesi', 'linea', 'idea', 'scelta', 'formula', 'storia',
})  # fmt: skip
# A finite verb of any lexeme right after the closing mark (third person, present or past), or an auxiliary and a
# participle: in Italian news "«…» verb Subject" is an attribution whatever the verb ("stigmatizza Bianchi").
_ANY_VERB_AFTER_RE = re.compile(
    r"\s*,?\s*(?:[-–—]\s*)?(?:(?:si|gli|le|ci|ne|lo|la|mi|ti)\s+)?"
    r"((?:ha|hanno)\s+(?:poi\s+|anche\s+|subito\s+)?[a-zà-ù]{3,}(?:at|it|ut|s|t)[oa]"
    r"|[a-zà-ù]{3,}(?:a|e|ano|ono|ò|ì|à))\s+(?:(?:poi|anche|ancora|subito|invece|allora|quindi)\s+)?"
    r"(?:(?:il|la|lo|l')\s*[a-zà-ù]{3,}\s+(?=[A-ZÀ-Ý]))?"  # "rincara la dose Rossi": an object, then the subject
    r"(?=[A-ZÀ-Ý]|(?:il|la|lo|l'|i|gli|le)\s*[a-zà-ù])"
)


_CLAUSE_STOP_OR_DASH_RE = re.compile(r"(?:[;:!?]|" + _NOT_A_TITLE_DOT + r"\.)(?:\s|$)|\n|\s[-–—]\s")
_PARTICLED_NAME_TOKEN_RE = re.compile(_PARTICLE + r"?" + _NAME_TOKEN)
_LONE_SURNAME_CLAUSE_RE = re.compile(r"(" + _PARTICLE + r"?" + _NAME_TOKEN + r")\s*(?:,.*)?")


def _after_any_verb(after: str, people: list[Person]) -> Attribution | None:
    """«…» stigmatizza Bianchi, «…», rilancia il sindaco X: a verb outside any list, then its subject (a role,
    or a name the piece knows or prints in full), read up to the sentence's end."""
    m = _ANY_VERB_AFTER_RE.match(after)
    if not m or m.group(1).split()[-1] in _NOT_VERBS:
        return None
    attr = _CLAUSE_STOP_OR_DASH_RE.split(after[m.end() : m.end() + 300], maxsplit=1)[0]
    if not (_ROLE_START.match(attr) or _PARTICLED_NAME_TOKEN_RE.match(attr)):
        return None
    parsed = _parse_attribution(attr)
    if parsed.speaker and (_ROLE_START.match(attr) or _known(parsed.speaker, people)):
        return parsed
    if not parsed.speaker and parsed.role_word and _ROLE_START.match(attr):
        return parsed
    lone = _LONE_SURNAME_CLAUSE_RE.fullmatch(attr)
    if lone and not _bad_name(lone.group(1)) and not _is_entity(lone.group(1), people):
        return Attribution(lone.group(1))  # "«…» stigmatizza Bassi.": a surname alone closing the sentence
    return None


_AFTER_READERS = (
    _after_cosi,
    _after_verb,
    _after_name_verb,
    _after_parenthesis,
    _after_dash,
    _after_noun_source,
    _after_any_verb,
)


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|(?<=[»”])\s+(?![a-zà-ù][^«“\"]*[:,]\s*$)|\n")
_TITLE_END_RE = re.compile(r"(?:^|[\s'’])" + TITLE_ABBREVIATIONS + r"$", re.IGNORECASE)


def _last_sentence(before: str) -> str:
    """The text after the last sentence end; the dot of a title (``l'avv. Colombo``) ends no sentence."""
    for end in reversed(list(_SENTENCE_END_RE.finditer(before))):
        if end.group(0) == "\n" or not _TITLE_END_RE.search(before, max(0, end.start() - 12), end.start()):
            return before[end.end() :]
    return before


def _sentence_before(text: str, span: Span) -> str:
    """The sentence that leads into the span (or the previous paragraph's, when it ends with a colon)."""
    before = text[max(0, span.mark_start - 400) : span.mark_start]
    sentence = _last_sentence(before)
    if not sentence.strip() and before.rstrip().endswith(":"):
        sentence = _last_sentence(before.rstrip())  # "X ha detto:" then a new paragraph
    return sentence


_SOURCE_LEAD_COMMA_RE = re.compile(r"\s*(?:[Pp]er|[Ss]tando\s+a|[Ss]econdo)\s+(.{3,150}?)\s*,\s*$")


def _verb_then_subject(sentence: str, people: list[Person]) -> Attribution | None:
    """``spiega X, ruolo: «``, ``Per X, «``, ``Secondo il sindaco, «``."""
    if not sentence.rstrip().endswith((":", ",")):
        return None
    m = _VERB_THEN_SUBJECT_RE.search(sentence)
    parsed = _parse_attribution(m.group(2)) if m else None
    if parsed and parsed.found:
        return parsed
    m = _SOURCE_LEAD_COMMA_RE.match(sentence)
    if not m:
        return None
    parsed = _parse_attribution(m.group(1))
    if parsed.speaker and (_ROLE_START.match(m.group(1)) or _known(parsed.speaker, people)) or parsed.role_word:
        return parsed
    return None


_FOR_ROLE_THEN_SUBJECT_RE = re.compile(
    r"\s*(?:[Pp]er|[Ss]econdo)\s+((?i:"
    + _ROLE_START.pattern
    + r")(?:\s+[a-zà-ù']+){0,3}\s+"
    + _PARTICLE
    + r"?"
    + _NAME_TOKEN
    + r"(?:\s+"
    + _NAME_TOKEN
    + r")?)"
    r"\s+(?:il|la|lo|l'|i|le|gli)\s*[a-zà-ù][^,.;:!?«»\"“”]{0,60}$"
)


def _for_role_then_subject(stripped: str) -> Attribution | None:
    """``Per l'avv. Colombo la sentenza «…»``, ``Secondo il sindaco Rossi il progetto «…»``: the person the
    sentence opens with judges what follows, with no comma before the sentence's own subject."""
    m = _FOR_ROLE_THEN_SUBJECT_RE.match(stripped)
    if not m:
        return None
    parsed = _parse_attribution(m.group(1))
    return parsed if parsed.speaker else None


# A name and "il quale" / "la quale" leading into the quote: the relative pronoun's person speaks.
_WHO_RE = re.compile(
    r"(?<![\w'])(" + _PARTICLE + r"?" + _NAME_TOKEN + _NAME_TAIL + r"{0,3})"
    r"\s*,\s*(?:il|la)\s+quale\b[^.!?;«»\"“”]{0,160}$"
)


_WHO_THAT_SAYS_RE = re.compile(
    r"(?<![\w'])(" + _PARTICLE + r"?" + _NAME_TOKEN + r")\s*,\s*che\s+(?:" + VERB + r"|" + _EXPRESS + r")\b"
    r"[^.!?;«»\"“”]{0,40}$"
)


# ", che replica:" closing a lead-in whose last person is addressed ("chiede al sindaco X …"): the answer is X's.
_ADDRESSEE_REPLIES_RE = re.compile(
    r",\s*che\s+(?:replica|risponde|ribatte|controbatte|precisa|chiarisce|assicura|spiega)\s*:?\s*$"
)

# "Giorgia Meloni, che ha commentato con": a name, a relative pronoun and a verb of saying closing the lead-in.
_NAME_WHO_SAYS_RE = re.compile(
    r"(" + _NAME_TOKEN + _NAME_TAIL + r"{1,3})\s*,?\s*(?:che|il\s+quale|la\s+quale)"
    r"\s+(?:" + VERB + r")\b[^.!?«»\"“”]{0,25}$"
)


_RELATIVE_PLURAL_VERB_RE = re.compile(r"\b(?:che|il quale|la quale)\s+(?:hanno|avevano|\w+(?:ano|ono))\b")
_SECONDO_NAME_END_RE = re.compile(
    r"(?:^|\s)[Ss]econdo\s+(" + _PARTICLE + r"?" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){0,2})\s*$"
)
_SOURCE_LEAD_END_RE = re.compile(r"\s*(?:[Pp]er|[Ss]econdo|[Ss]tando\s+a)\s+(.{3,120}?)\s*$")


def _relative_or_secondo(stripped: str, people: list[Person]) -> Attribution | None:
    """``Giorgia Meloni, che ha commentato con “``, ``Secondo D'Alba "``."""
    m = _NAME_WHO_SAYS_RE.search(stripped)
    if m and not _bad_name(m.group(1)) and fold(m.group(1).split()[0]) in first_names():
        if _RELATIVE_PLURAL_VERB_RE.search(m.group(0)):
            # "il commento del sindaco X e dell'assessore Y, che aggiungono:": a joint statement, the first-named
            named = _mentions_in(stripped[: m.end(1)], people, stripped)
            if named:
                first = _last_named(named, stripped[: m.end(1)])
                return Attribution(first.name, first.role)
        return Attribution(m.group(1))
    m = _SECONDO_NAME_END_RE.search(stripped)
    if m and not _bad_name(m.group(1)):
        return Attribution(m.group(1))
    m = _WHO_THAT_SAYS_RE.search(stripped)
    if m and not _bad_name(m.group(1)) and _known(m.group(1), people):
        return Attribution(m.group(1))  # "Critico anche Rossi, che parla di «"
    m = _ADDRESSEE_REPLIES_RE.search(stripped)
    addressed = _mentions_in(stripped[: m.start()], people, stripped) if m else []
    while len(addressed) > 1 and addressed[-2][2].name == addressed[-1][2].name:
        addressed.pop()  # "al sindaco Mascia": the post and the surname are one mention
    if addressed and _complement(stripped, addressed[-1][0]):
        # "X chiede al sindaco Mascia di garantire i servizi, che replica:": the one asked answers
        return Attribution(addressed[-1][2].name, addressed[-1][2].role)
    m = _WHO_RE.search(stripped)
    if m and not _bad_name(m.group(1)) and _known(m.group(1), people):
        return Attribution(m.group(1))  # "Un pensiero condiviso da Marini, il quale oltre a rilevare che «"
    m = _SOURCE_LEAD_END_RE.match(stripped)
    if m and (_ROLE_START.match(m.group(1)) or _PARTICLED_NAME_TOKEN_RE.match(m.group(1))):
        # "Per il segretario del Pd Rossi «…»": the opinion's holder right before the opening mark
        parsed = _parse_attribution(m.group(1))
        if parsed.speaker and (_ROLE_START.match(m.group(1)) or _known(parsed.speaker, people)):
            return parsed
        if not parsed.speaker and parsed.role_word and _ROLE_START.match(m.group(1)):
            return parsed
    return None


# Bodies listed by their names as the subject of a plural verb of saying (a joint statement speaks through the
# first-named): "Lega, gruppo Centro, Fratelli d'Italia e Forza Italia sottolineano che".
_BODY_ITEM = r"(?:gruppo\s+)?[A-ZÀ-Ý][\w'’-]*(?:\s+(?:d'|d’|di\s+|del\s+)?[A-ZÀ-Ý][\w'’-]*){0,2}"
_BODIES_LIST_RE = re.compile(
    r"(?:^|[.;:]\s*|\b(?:mentre|ma|e|anche|poi|intanto|invece)\s+)(" + _BODY_ITEM + r")(?:\s*,\s*" + _BODY_ITEM + r")+"
    r"\s+(?:e|ed)\s+" + _BODY_ITEM + r"\s*$"
)
_PLURAL_VERB_RE = re.compile(r"\s+(?:hanno|avevano|[a-zà-ù]{3,}(?:ano|ono))\b")
# The last verb of saying + "che" of the lead-in, right after a post and its holder set off by commas.
_LAST_SAID_THAT_RE = re.compile(
    r".*,\s*((?i:" + _ROLE_START.pattern + r")[^,.;:!?«»\"“”]{0,80}?)\s*,\s*(?:" + VERB + r")"
    r"(?:\s+\S+){0,3}?\s+(?:che|come)\b[^.!?:;«»\"“”,]{0,200}$",
    re.IGNORECASE,
)


# A full name opening its clause, then a comma: the subject, when a post set off after it ends the lead-in
# ("Anna Neri, segretaria della Filt Cgil Puglia, conferma che «"; "X ha detto che …, mentre Anna Neri, assessora,
# ha ricordato che «").
_NAME_THEN_COMMA_RE = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+(?=mentre\s|ma\s))(?:(?:e|ed|ma|poi|infine|anche|intanto|invece|quindi|mentre)\s+)?("
    + _NAME_TOKEN
    + _NAME_TAIL
    + r"{1,3})\s*,\s*$"
)


def _apposed_post(lead: str, role: str) -> Attribution | None:
    """The person a post is set off after (``Anna Neri, segretaria regionale Fsm-Cisl``): the name closing
    ``lead`` right before the post's comma, never a body's name or a place."""
    m = _NAME_THEN_COMMA_RE.search(lead)
    if not m or not _ROLE_START.match(role):
        return None
    name = m.group(1)
    toks = name.split()
    if _bad_name(name) or _ROLE_START.match(name) or fold(toks[0]) in _PLACE_HEADS or name.isupper():
        return None
    if fold(toks[0]) in _NOT_NAMES or fold(toks[-1]) in comuni() or fold(toks[-1]) in _REGION_KEYS:
        return None  # "Fiom Cgil Puglia, segretario …": a body's branch, no person
    return Attribution(name, _clean_role(role))


_LIST_SPLIT_RE = re.compile(r"[,:;]|\s+e\s+")
_LEADING_LIST_RE = re.compile(r"^(?:(?:[A-Z][a-zà-ù]*|[a-zà-ù]+)\s*,\s*)+")
_SURNAME_THEN_WORDS_RE = re.compile(r"\s*(" + _PARTICLE + r"?" + _NAME_TOKEN + r")(?:\s+[a-zà-ù']+){0,4}")
# "…, mentre Ara segnala che «": a connective opening the clause nearest the verb is no part of its subject
_LEADING_CONNECTIVE_RE = re.compile(r"^\s*(?i:mentre|ma|e|ed|poi|invece|intanto|quindi|infine|anche)\s+")


def _said_that(stripped: str, people: list[Person]) -> Attribution | None:
    """``Il presidente X ha sottolineato che «...»``, ``Daldoss ha ricordato come la scuola sia «…»``."""
    m = _SAID_THAT_RE.search(stripped)
    if not m:
        return None
    last = _LAST_SAID_THAT_RE.match(stripped)
    apposed = _apposed_post(stripped[: last.start(1)], last.group(1)) if last else None
    if apposed:  # "Anna Neri, segretaria della Filt Cgil Puglia, conferma che «": the post's holder speaks
        return apposed
    if last:  # "mentre X ha ammesso che …, in una riunione, il presidente israeliano Herzog, ha detto che «"
        posted = _parse_attribution(last.group(1))
        if posted.speaker:
            return posted
    listed = _BODIES_LIST_RE.search(m.group(1))
    if listed and _PLURAL_VERB_RE.match(stripped, m.end(1)) and not _bad_name(listed.group(1)):
        # "mentre Lega, gruppo Centro, Fratelli d'Italia e Forza Italia sottolineano che «": the first-named
        return Attribution(listed.group(1), speaks=not _first_full_name(listed.group(1)))
    # the clause nearest the verb first: "…, San Giovanni Bosco, Lux: tutte le sale e Maffioli ha annunciato che"
    clause = _LIST_SPLIT_RE.split(m.group(1))[-1]
    cut = m.group(1).rfind(",")
    apposed = _apposed_post(m.group(1)[: cut + 1], clause.strip()) if cut > 0 and clause.strip() else None
    if apposed:  # "Anna Neri, segretaria regionale Fsm-Cisl ribadisce che «": the post is set off after her name
        return apposed
    group = _group(_LEADING_LIST_RE.sub("", m.group(1)).lstrip())
    if group and not _first_full_name(m.group(1)):
        return group  # "Le stesse fonti, tuttavia, precisano che «"
    parsed = _subject(clause, people) if clause.strip() else None
    if parsed:
        return parsed
    # "Fs già da ieri ha avvertito che «": a one-word subject, adverbs between it and the verb
    lone = _SURNAME_THEN_WORDS_RE.fullmatch(_LEADING_CONNECTIVE_RE.sub("", clause, count=1))
    if lone and not _bad_name(lone.group(1)) and not _is_entity(lone.group(1), people):
        return Attribution(lone.group(1))
    return _subject(m.group(1), people)


_DASH_SPLIT_RE = re.compile(r"\s[-–—]\s?|\s?[-–—]\s|^[-–—]")
_NAME_WITH_ROLE_RE = re.compile(
    r"(" + _PARTICLE + r"?" + _NAME_TOKEN + _NAME_TAIL + r"{0,3})"
    r"(?:\s*,\s*([^:]{3,150})|\s*\(([^()]{3,150})\))?"
)


def _without_saying_word(name: str) -> str:
    """The name without a capitalised verb of saying some sites print after it (``Codacons Dichiara: “``)."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _PRESENT_WORDS else name


def _colon_name(stripped: str) -> Attribution | None:
    """``ore 19,19 – Ansa - Andrea Orlando, ministro del Lavoro: “``, ``19.30 – Sgarbi: “``."""
    clause = _DASH_SPLIT_RE.split(stripped[:-1])[-1].strip()
    m = _NAME_WITH_ROLE_RE.fullmatch(clause)
    if not m or _bad_name(m.group(1)) or _ROLE_START.match(m.group(1)):
        return None
    role = m.group(2) or m.group(3)
    if len(m.group(1).split()) > 1 or clause == stripped[:-1].strip() or clause != stripped[:-1]:
        return Attribution(_without_saying_word(m.group(1)), _clean_role(role) if role else None)
    return None


# A role opening the lead-in, then its holder's name in apposition before the colon.
_ROLE_COMMA_NAME_COLON_RE = re.compile(
    r"\s*(?i:(?:il|la|lo|l'|i|gli|le)\s*)?((?i:" + _ROLE_START.pattern + r")[^:,;.!?«»“”\"]{0,100}?)\s*,\s*"
    r"(" + _PARTICLE + r"?" + _NAME_TOKEN + _NAME_TAIL + r"{0,3})\s*:"
)


# A cleft sentence before a colon: "A/Ad + infinitive …, è (stato/a) + subject …:".
_CLEFT_COLON_RE = re.compile(
    r"\s*Ad?\s+[a-zà-ù]+(?:are|ere|ire)\b[^:«»“”\"]{0,200}?\s(?:è|sono)(?:\s+stat[oaie])?\s+([^:]+?)\s*:$"
)


_SOURCE_NAME_COLON_RE = re.compile(
    r"\s*(?:[Pp]er|[Ss]econdo)\s+(" + _PARTICLE + r"?" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){0,2})\s*:"
)
_COMMA_SPLIT_RE = re.compile(r",\s*")
_PARTICLED_NAME_RE = re.compile(_PARTICLE + r"?" + _NAME_TOKEN + _NAME_TAIL + r"{0,3}")
_NAME_BEFORE_COLON_RE = re.compile(
    r"(?:^|\s)(" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){1,3})\s*(?:\(([^()]{3,150})\))?\s*:\s*$"
)
_LA_PAROLA_A_RE = re.compile(r"\bla\s+parola\s+(?:a|ad|al|alla|all')\s*(?:[a-zà-ù]+\s+)?$")
_PARTICIPLE_BEFORE_RE = re.compile(r"(?:^|\s)[a-zà-ù]{3,}(?:at|it|ut)[oaie]\s+$")


def _colon(sentence: str, people: list[Person]) -> Attribution | None:
    """A sentence ending with a colon: a name, ``X ha dichiarato:``, ``Mario Rossi (ruolo):``, its subject."""
    stripped = sentence.rstrip()
    if not stripped.endswith(":"):
        return None
    cleft = _CLEFT_COLON_RE.match(stripped)
    if cleft:  # "Ad aprire gli interventi, dopo il saluto del sindaco, è stata Anna Neri, che ha detto:"
        clefted = _parse_attribution(cleft.group(1))
        if clefted.speaker:
            return clefted
    apposed = _ROLE_COMMA_NAME_COLON_RE.fullmatch(stripped)
    if apposed and not _bad_name(apposed.group(2)) and not _ROLE_START.match(apposed.group(2)):
        # "Il presidente provinciale di Federmoda – Confcommercio, Anna Neri:", "Il sindaco di Fano, Rossi:"
        return Attribution(apposed.group(2), _clean_role(apposed.group(1)))
    named = _colon_name(stripped)
    if named:
        return named
    per = _SOURCE_NAME_COLON_RE.fullmatch(stripped)
    if per and not _bad_name(per.group(1)) and not _ROLE_START.fullmatch(per.group(1)):
        return Attribution(per.group(1))  # "Per Bassi: «"
    source = _NOUN_SOURCE_COLON_RE.search(stripped)
    if source:  # "La replica di Macron:", "Le parole del sindaco:"
        by_noun = _parse_attribution(source.group(1))
        if by_noun.found:
            return by_noun
        lone = _PARTICLED_NAME_TOKEN_RE.fullmatch(source.group(1).strip())
        if lone and not _bad_name(lone.group(0)):
            return Attribution(lone.group(0), speaks=True)
    body = _BODY_COLON_RE.fullmatch(_DASH_SPLIT_RE.split(stripped)[-1].strip())
    if body and not _bad_name(body.group(1)) and not _ROLE_START.match(body.group(1)):
        return Attribution(body.group(1), speaks=True)  # "Il Cremlino:", "La Farnesina:": a body speaks
    m = _VERB_COLON_RE.search(sentence)
    parsed = _parse_attribution(m.group(1)) if m else None
    if m and parsed and parsed.speaker and not parsed.role:
        parsed = _body_name(m.group(1), parsed, people)  # "Uniti per Assisi dichiara:"
    last_clause = _COMMA_SPLIT_RE.split(m.group(1))[-1] if m and "," in m.group(1) else ""
    if last_clause and (_ROLE_START.match(last_clause) or _PARTICLED_NAME_RE.fullmatch(last_clause)):
        # "Infine, sul processo a Ilaria Salis, Tajani risponde:": the subject is the clause right before the verb
        nearest = _parse_attribution(last_clause)
        if nearest.found and not _bad_name(nearest.speaker):
            return nearest
    if parsed and parsed.speaker and " " not in parsed.speaker:
        # "Intervistato dal giornale, il sindaco Mario Rossi spiega:": a role's full name, not the first word
        subject = _subject(m.group(1) if m else "", people)
        parsed = subject if subject and subject.speaker and " " in subject.speaker else parsed
    if parsed and parsed.found:
        return parsed
    lead_then_name = _LEAD_THEN_NAME_RE.fullmatch(m.group(1)) if m else None
    if lead_then_name and not _bad_name(lead_then_name.group(1)) and not _is_entity(lead_then_name.group(1), people):
        return Attribution(lead_then_name.group(1))  # "Sulle polemiche per i lavori, Ferraresi replica:"
    m = _NAME_BEFORE_COLON_RE.search(sentence)
    floor = m and _LA_PAROLA_A_RE.search(sentence[: m.start(1)])
    direct = m and _PARTICIPLE_BEFORE_RE.search(sentence[: m.start(1)])
    if m and not floor and (direct or _OBJECT_BEFORE_RE.search(sentence[max(0, m.start(1) - 40) : m.start(1)])):
        # "Neri ha parlato sugli attacchi di Matteo Salvini:", "Rossi ha ringraziato Anna Verdi:": the topic or
        # the object named last is not the speaker ("ha dato la parola a X:" gives X the floor)
        lead = sentence[: m.start(1)]
        subject = _subject(lead, people)
        if subject:
            return subject
        opening = _OPENING_SUBJECT_RE.match(lead)
        first = _NAME_RE.match(lead, opening.end() if opening else 0)
        if first and not _bad_name(first.group(1)) and _FINITE_VERB_RE.match(lead, first.end(1)):
            return Attribution(first.group(1))  # "Elly Schlein risponde a Matteo Salvini:"
    passing = (
        m and not floor and (_bad_name(m.group(1)) or _complement(sentence, m.start(1)))
    )  # "va all'attacco a Piazza Pulita:"
    if (
        m
        and not passing
        and (fold(m.group(1).split()[0]) in first_names() or _ROLE_START.search(sentence[: m.start(1)]))
    ):
        head = _list_head(sentence, m.start(1))
        if head < m.start(1):  # "i consiglieri Fabrizio Ricca ed Elena Maccanti:": the first-named
            first = _NAME_RE.match(sentence, head)
            if first:
                return Attribution(first.group(1))
        return Attribution(m.group(1), _clean_role(m.group(2) or "") if m.group(2) else None)
    opener = _sentence_subject(stripped[:-1], people)
    if opener:
        return opener  # "Tajani replica anche a Matteo Salvini, che …:": the subject opening the sentence
    subject = _subject(stripped[:-1], people)
    if subject:
        return subject
    # "Intanto Biden chiederà al Congresso i fondi:": a surname opening the sentence, then its verb
    lead = _CONNECTIVE_RE.sub("", stripped)
    lone = _LONE_SUBJECT_RE.match(lead)
    if not lone or _bad_name(lone.group(1)) or _is_entity(lone.group(1), people):
        return None
    known = lead != stripped or any(fold(p.name.split()[-1]) == fold(lone.group(1)) for p in people)
    # "Legambiente ha diffuso una nota:": a body's name opening a sentence about its statement
    statement = bool(
        _STATEMENT_WORD_RE.search(lead[lone.end(1) :])
        and fold(lone.group(1)) not in first_names()
        and fold(lone.group(1)) not in _CALENDAR_WORDS
        and _SUBJECT_FOLLOWS_RE.match(lead, lone.end(1))
    )
    if (known or statement) and not _ROLE_START.fullmatch(lone.group(1)) and fold(lone.group(1)) not in comuni():
        return Attribution(lone.group(1), speaks=statement)
    return None


_CALENDAR_WORDS = frozenset(
    fold(w)
    for w in (
        'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica', 'gennaio', 'febbraio',
        'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre',
    )
)  # fmt: skip
_STATEMENT_WORD_RE = re.compile(
    r"\b(?:nota|comunicato|post|lettera|messaggio|dichiarazione|" + VERB + r")(?![\w'])", re.IGNORECASE
)


# A lead phrase opened by a preposition, a comma, then the subject of the verb of saying: a surname alone.
_LEAD_THEN_NAME_RE = re.compile(
    r"\s*(?:[Ss]u|[Ss]ul\w*|[Ss]ugli|[Ss]ui|[Ii]n|[Nn]el\w*|[Nn]ei|[Nn]egli|[Pp]er|[Dd]opo|[Ii]n\s+merito\s+a\w*"
    r"|[Rr]iguardo\s+a\w*|[Qq]uanto\s+a\w*|[Aa]\s+proposito\s+d\w*|[Ss]ul\s+tema\s+d\w*)\b[^,.;:«»]{3,160},\s*("
    + _PARTICLE
    + r"?"
    + _NAME_TOKEN
    + r")"
)
_NOUN_SOURCE_COLON_RE = re.compile(_NOUN_SOURCE.pattern + r"([^:]{2,100}?)\s*:$", re.IGNORECASE)
_BODY_COLON_RE = re.compile(r"(?:il|la|lo|l')\s*([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?)\s*:", re.IGNORECASE)
_LONE_SUBJECT_RE = re.compile(
    r"(" + _NAME_TOKEN + r")\s+(?:(?:ha|è|aveva|avrebbe|ha\s+poi|ha\s+anche)\s+)?[a-zà-ù]{3,}[^:«»\"“”]*:$"
)


def _subject_says(stripped: str, people: list[Person]) -> Attribution | None:
    """``Il primo cittadino e l'intera amministrazione esprimono "…"``: the quote is the object of a verb of
    saying whose subject opens the sentence (a role or a known person)."""
    m = _SUBJECT_SAYS_RE.match(stripped)
    if not m:
        return None
    parsed = _parse_attribution(m.group(1))
    if parsed.speaker and _known(parsed.speaker, people) or parsed.role_word and _ROLE_START.match(m.group(1)):
        return parsed
    return None


_PARTICIPLE_RE = re.compile(_longest_first(_PARTICIPLES))

# A reporting participle and its agent closing the lead-in: "come ricordato dal vescovo Anselmi,".
_PASSIVE_AGENT_RE = re.compile(
    r"\b"
    + _PARTICIPLE_RE.pattern
    + r"\s+d(?:all'\s*|(?:alla|allo|agli|alle|al|ai|a)\s+)([^.;:!?«»\"“”]{3,100}?)\s*[,:]?$",
    re.IGNORECASE,
)


def _passive_agent(stripped: str, people: list[Person]) -> Attribution | None:
    """``come ricordato dal vescovo Anselmi, «``: the agent of a reporting participle."""
    m = _PASSIVE_AGENT_RE.search(stripped)
    parsed = _parse_attribution(m.group(1)) if m else None
    return parsed if parsed and parsed.found else None


_FULL_NAME_COMMA_RE = re.compile(_NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + ")+,")
_SUBJECT_ASIDE_RE = re.compile(
    r"(?:" + _PARTICLE + r"?" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r")*|(?i:" + _ROLE_START.pattern + r")"
    r"[^,]{0,60}),[^,]{2,60}$"
)


def _verb_right_before(stripped: str, people: list[Person]) -> Attribution | None:
    """``perché, ha detto Sala “…”``, ``Questo, ha detto “…”`` (the last speaker): a reporting verb and
    maybe a name right before the opening mark, with no colon."""
    m = _VERB_RIGHT_BEFORE_RE.search(stripped)
    if not m:
        return None
    if not m.group(1):
        lead = stripped[: m.start()]
        if stripped[m.start() : m.start() + 1] == "," and _FULL_NAME_COMMA_RE.match(lead):
            # "Vincenzo Savo, capolista della Lista X, aggiunge:": the comma closes the subject's apposition
            named = _name_first(lead)
            if named and named.speaker and _known(named.speaker, people) and not _bad_name(named.speaker):
                return named
        opening = _OPENING_SUBJECT_RE.match(lead)
        head = lead[opening.end() if opening else 0 :]
        if stripped[m.start() : m.start() + 1] == "," and _SUBJECT_ASIDE_RE.match(head):
            # "Rossi, dal canto suo, ribatte:", "Il segretario, dal canto suo, replica:": the subject, an aside
            named = _parse_attribution(head.split(",")[0])
            whole = _parse_attribution(head) if not named.speaker else named
            named = whole if whole.speaker else named  # "Il legale di A, l'avvocato B, ha spiegato:"
            if named.speaker and (_known(named.speaker, people) or _ROLE_START.match(head)):
                return named
            if not named.speaker and named.role_word:
                return named
        role = _ROLE_START.match(head)
        if stripped[m.start() : m.start() + 1] == "," and role and _apposed_holder(head, role.end()):
            # "Il ministro degli Esteri, Tajani, in conferenza stampa con X, ha dichiarato:": the apposed holder
            named = _parse_attribution(head)
            if named.speaker:
                return named
        return Attribution(role_word=LAST_SPEAKER)
    parsed = _parse_attribution(m.group(1))
    return parsed if parsed.found else None


_SUBJECTLESS_RE = re.compile(
    r"(?:^|\s(?:e|ed|poi)\s)(?:" + VERB + r")(?:\s+(?:anche|poi|inoltre|ancora|infine))?\s+(?:che|come)\s*$",
    re.IGNORECASE,
)


# "E ricorda l'investitura ricevuta da X:": a sentence opening with its verb of saying, whose object follows;
# a name after it sits in a complement ("da X", "a X"), not in the subject.
_SUBJECTLESS_COLON_RE = re.compile(
    r"^\s*(?:(?:e|ed|poi|quindi|infine|ma|così)\s+)?(?:" + VERB + r")(?:\s+(?:anche|poi|ancora|inoltre|infine))?"
    r"[\s,]+(?=(?-i:[a-zà-ù]))(?!(?:" + _ROLE_START.pattern + r"))[^:«»\"“”]*:$",
    re.IGNORECASE,
)


_GERUNDS = (
    'affermando', 'aggiungendo', 'spiegando', 'sottolineando', 'ricordando', 'precisando', 'dichiarando',
    'evidenziando', 'osservando', 'ribadendo', 'concludendo', 'commentando', 'annunciando', 'assicurando',
    'rilevando', 'denunciando', 'sostenendo', 'rimarcando', 'ammettendo', 'auspicando', 'avvertendo',
    'lamentando', 'scrivendo', 'dicendo', 'raccontando', 'garantendo', 'confermando', 'chiarendo',
    'puntualizzando', 'ammonendo', 'insistendo', 'replicando', 'rispondendo', 'promettendo', 'annotando',
)  # fmt: skip
# ", affermando che «…»": the gerund's subject is the sentence's, a speaker already named
_GERUND_RE = re.compile(
    r"(?:^|[\s,])(?:" + "|".join(_GERUNDS) + r")(?:\s+(?:poi|anche|inoltre|ancora|infine))?"
    r"(?:\s*:|\s+(?:che|come)\b[^.!?:;«»\"“”]{0,80})\s*$",
    re.IGNORECASE,
)


# "… ha detto che «A» e che «B»": the second object clause of the verb that introduced the quote before
_AND_THAT_RE = re.compile(r"^\s*,?\s*(?:e|ed|ma|oltre)\s+(?:che|come|a\s+dire\s+che)\b[^.!?:;«»\"“”]{0,120}$")


# A lead-in that is only a time clause with no subject of its own, then a colon ("E dopo aver confermato la
# ricezione del decreto di X:", "Prima di lasciare la sala:"): its subject is the previous speaker.
_CLAUSE_ONLY_COLON_RE = re.compile(
    r"^\s*(?:(?:e|ed|ma|poi|quindi|infine)\s+)?(?:(?:subito\s+)?dopo\s+aver(?:e)?\s+(?:poi\s+|anche\s+)?"
    r"[a-zà-ù]{3,}(?:at|ut|it|st|tt|ss|rs)[oaie]|prima\s+di\s+[a-zà-ù]{3,}(?:are|ere|ire))\b[^,:;«»\"“”]*:$",
    re.IGNORECASE,
)


def _subjectless(stripped: str, people: list[Person]) -> Attribution | None:
    """``Annota che «…»``, ``… e rivendica che «…»``, ``E ricorda l'incontro con X: «…»``: a reporting verb
    with no subject of its own (Italian drops it) speaks for the previous speaker, else the person the piece is
    about (``che``) or the person named last before it (a colon)."""
    if _SUBJECTLESS_RE.search(stripped):
        return Attribution(role_word=PROTAGONIST)
    if _SUBJECTLESS_COLON_RE.match(stripped) or _GERUND_RE.search(stripped) or _AND_THAT_RE.match(stripped):
        return Attribution(role_word=LAST_SPEAKER)  # the subject of the sentences before goes on
    if _CLAUSE_ONLY_COLON_RE.match(stripped):
        return Attribution(role_word=LAST_SPEAKER)  # the subject of the sentences before goes on
    return None


_BODY_SUBJECT_BEFORE_RE = re.compile(
    r"(?:^|[\s,])(?:il|la|lo|l'|i|le|gli)\s*(" + _longest_first(_ORG_NOUNS) + r")(\s+[a-zà-ù]+)?\s*$",
    re.IGNORECASE,
)


_PRESENT_VERB_RE = re.compile(r"[a-zà-ù]{3,}(?:a|e|ano|ono)\b")


def _body_subject(stripped: str, span_text: str) -> Attribution | None:
    """``L'Amministrazione comunale «dichiara la propria soddisfazione …»``: a body right before a quote
    that goes on its sentence with a verb (a lower-case first word) is the body speaking."""
    m = _BODY_SUBJECT_BEFORE_RE.search(stripped)
    if not m or not _PRESENT_VERB_RE.match(span_text):
        return None
    return Attribution((m.group(1) + (m.group(2) or "")).strip(), speaks=True)


# A capital standing for its state ("Ankara chiede", "Mosca avverte"): the speaker is the country.
_CAPITAL_STATES = {
    fold(c): country
    for c, country in (
        ('Mosca', 'Russia'), ('Ankara', 'Turchia'), ('Kiev', 'Ucraina'), ('Washington', 'Stati Uniti'),
        ('Pechino', 'Cina'), ('Parigi', 'Francia'), ('Berlino', 'Germania'), ('Londra', 'Regno Unito'),
        ('Madrid', 'Spagna'), ('Teheran', 'Iran'), ('Gerusalemme', 'Israele'), ('Tel Aviv', 'Israele'),
        ('Atene', 'Grecia'), ('Varsavia', 'Polonia'), ('Budapest', 'Ungheria'), ('Vienna', 'Austria'),
        ('Il Cairo', 'Egitto'), ('Tokyo', 'Giappone'), ('Damasco', 'Siria'), ('Beirut', 'Libano'),
        ('Tripoli', 'Libia'), ('Tunisi', 'Tunisia'), ('Minsk', 'Bielorussia'), ('Kabul', 'Afghanistan'),
    )
}  # fmt: skip
_STATE_SAYS_RE = re.compile(
    r"\s*(?:(?:e|ma|intanto|poi|ora|oggi)\s+)?([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?)\s+(?:"
    + VERB
    + r"|"
    + _EXPRESS
    + r")\b[^«»\"“”.!?]*$",
    re.IGNORECASE,
)


def _state_says(stripped: str) -> Attribution | None:
    """``Ankara ribadisce il suo no e chiede alla Russia di «…»``: a capital made to speak is its country."""
    m = _STATE_SAYS_RE.match(stripped)
    country = _CAPITAL_STATES.get(fold(m.group(1))) if m else None
    return Attribution(country, speaks=True) if country else None


_SAYS_THEN_GERUND_RE = re.compile(
    r"(?:^|[.;]\s*)(?:(?i:lo|la|ne|l')\s*)?(?:" + VERB + r")\s+([^,.;:«»]{3,100}?)\s*,\s*[a-zà-ù]{3,}(?:ando|endo)"
    r"(?:\s+(?:anche|inoltre|poi))?\s+(?:che|come)\b[^.;:!?«»]{0,80}$",
    re.IGNORECASE,
)
_INCISE_RE = re.compile(r",\s*(?:" + VERB + r")\s+([^,.;:«»]{3,80}?)\s*,[^.;:!?«»]{3,}$", re.IGNORECASE)


def _subject_in_an_aside(stripped: str, people: list[Person]) -> Attribution | None:
    """``Lo comunica la Prefettura di Como, specificando che «``; ``I lavori, ha fatto sapere il comune in una
    nota, sono sospesi per le «``: the subject of a verb of saying set off by commas or before a gerund."""
    m = _SAYS_THEN_GERUND_RE.search(stripped) or _INCISE_RE.search(stripped)
    if not m:
        return None
    attr = _SUBORDINATE_RE.split(m.group(1), maxsplit=1)[0]
    org = _org_speaker(attr) if _ORG_RE.fullmatch(attr) or _MEDIUM_RE.match(attr) else None
    if org:
        return Attribution(org, speaks=True)  # "la Prefettura della Spezia": a body, named with its seat
    parsed = _parse_attribution(attr)
    return parsed if parsed.found else None


# Council sides and groups named as one body: "l'opposizione", "la minoranza", "i gruppi di opposizione".
_COLLECTIVE = (
    r"(?:gruppi?\s+(?:consiliar[ei]\s+)?(?:di|della|dell')\s*(?:opposizione|minoranza|maggioranza)"
    r"|opposizion[ei]|minoranz[ae]|maggioranz[ae]|consiglieri\s+di\s+(?:opposizione|minoranza|maggioranza))"
)
_COLLECTIVE_SUBJECT_RE = re.compile(
    r"^\s*(?:(?:Per|Secondo|Anche|Ora|Intanto|Poi)\s+)?(?i:l'|la\s+|le\s+|i\s+|il\s+)\s*(?i:(" + _COLLECTIVE + r"))"
    r"(?:\s*,[^,]{0,30},|\s+[a-zà-ù]+(?=\s*,))?(?:\s|,|:|$)"
)
_COLLECTIVE_COLON_RE = re.compile(r"\bd(?:ella|ell'|ei|egli)\s*(" + _COLLECTIVE + r")\s*:$", re.IGNORECASE)
_ASIDE_RE = re.compile(r"\s*\([^()]*\)")


def _collective(stripped: str) -> Attribution | None:
    """``L'opposizione (i consiglieri X e Y) chiede «``, ``Per i gruppi di opposizione, unanimi, …«``, ``La
    nota della minoranza: «``: a council side speaks as one; no member it lists is the speaker."""
    bare = _ASIDE_RE.sub("", stripped)
    m = _COLLECTIVE_SUBJECT_RE.match(bare) or _COLLECTIVE_COLON_RE.search(bare)
    if not m or _first_full_name(bare[m.end() :]):
        return None
    return Attribution(role=m.group(1), group=True)


_ROLE_COMMA_SURNAME_RE = re.compile(
    r"(?:^|\s)((?i:" + _ROLE_START.pattern + r")[^,.;:«»\"“”]{0,60}),\s*(" + _PARTICLE + r"?" + _NAME_TOKEN + r"),"
    r"\s+(?:ha|aveva|avrebbe|hanno|è|era|[a-zà-ù]+(?:a|e|ò))\s[^.;:!?«»\"“”]{0,120}$"
)


def _role_comma_surname(stripped: str) -> Attribution | None:
    """``il presidente della Provincia, Neri, aveva lanciato il messaggio «``: a surname set off by commas after
    a role is the subject of the sentence the quote closes."""
    m = _ROLE_COMMA_SURNAME_RE.search(stripped)
    if not m or _bad_name(m.group(2)) or _ROLE_START.fullmatch(m.group(2)):
        return None
    return Attribution(m.group(2), _clean_role(m.group(1)))


# A council group or list named after its noun: "il gruppo consiliare Pd-Bic", "la lista “Uniti per Assisi”".
_COUNCIL_GROUP_RE = re.compile(
    r"(?<![\w'])(?:(?:il|del|dal|al|nel)\s+)?(?i:gruppo|lista|movimento\s+civico)"
    r"(?:\s+(?i:consiliare|consigliare|civico|civica|di\s+(?:minoranza|opposizione|maggioranza)))?\s+"
    r"(?:(?:del|della|dei|di)\s+)?[«“\"]?((?:[A-ZÀ-Ý0-9][\w'’-]*)"
    r"(?:\s+(?:[A-ZÀ-Ý0-9][\w'’-]*|(?:d'|dell')[A-ZÀ-Ý][\w'’-]*|per|di|del|della|in|e|al))*)[»”\"]?"
)


_PER_SECONDO_LEAD_RE = re.compile(r"\s*(?:[Pp]er|[Ss]econdo)\s")
_FEW_LOWERCASE_WORDS_RE = re.compile(r"(?:[a-zà-ù']+\s*){1,4}")


def _council_group(stripped: str) -> Attribution | None:
    """A named council group or list leading into the quote (``Polemico il gruppo consiliare Pd-Bic:``, ``Per il
    gruppo “Scelgo Locri”``): the group's name is the speaker, as an organisation made to speak."""
    if not stripped.endswith((":", ",")) and not _PER_SECONDO_LEAD_RE.match(stripped):
        return None
    groups = list(_COUNCIL_GROUP_RE.finditer(stripped))
    m = groups[-1] if groups else None  # the last one, nearest the quote
    rest = stripped[m.end() :].strip(' ,:»”"') if m else ""
    verb_only = stripped.endswith(":") and _FEW_LOWERCASE_WORDS_RE.fullmatch(rest)  # "… Pd attacca:"
    if not m or rest and not verb_only or _first_full_name(m.group(1)):
        return None
    if _first_full_name(stripped[: m.start()]) or _ROLE_AT.search(stripped[: m.start()]):
        return None  # "Vincenzo Savo, capolista della Lista Cristofari, aggiunge:": the person speaks
    name = _TRAILING_PARTICLE_RE.sub("", m.group(1))
    return Attribution(name, speaks=True)


_BODY_HEADS = (
    'Comune', 'Regione', 'Provincia', 'Prefettura', 'Questura', 'Procura', 'Azienda', 'Società', 'Ente',
    'Associazione', 'Fondazione', 'Cooperativa', 'Consorzio', 'Università', 'Ospedale', 'Ministero', 'Agenzia',
    'Organizzazione', 'Comitato', 'Federazione', 'Istituto', 'Tribunale', 'Direzione', 'Amministrazione',
    'Capitaneria', 'Camera', 'Confederazione', 'Unione', 'Consiglio', 'Giunta', 'Autorità', 'Asl', 'Ausl',
)  # fmt: skip
# Words printed before a name that are never part of it, folded: the capitalised function words and bodies of
# ``_NOT_NAMES`` and every word heading a body's name ("in Prefettura Anna Maria Serafini").
_GLUED_WORD_KEYS = _NOT_NAMES | frozenset(fold(w) for w in _BODY_HEADS)
# A body printed with its proper name as the subject of a verb of saying that leads into the quote: "Il Comune di
# Perugia, con una nota, spiega che «", "la Direzione strategica della Asl di Bari ha riferito di aver «".
_NAMED_BODY_SAYS_RE = re.compile(
    r"(?:^|[.;!?]\s+|\bche\s+|\n)(?:(?i:il|la|lo|l')\s*|(?i:l)['’]\s*)((?:" + "|".join(_BODY_HEADS) + r")"
    r"(?:\s+(?:[A-ZÀ-Ý][\w'’-]*|(?:di|del|della|dello|dei|degli|delle)(?=\s+[A-ZÀ-Ý])|(?:dell|d)['’](?=[A-ZÀ-Ý])"
    r"|[a-zà-ù]{3,}(?=\s+(?:[A-ZÀ-Ý]|(?:di|del|della|dei)\s+[A-ZÀ-Ý]))))*)"
    r"\s*(?:,[^,.;:!?«»\"“”]{0,50},)?\s+(?:" + VERB + r")\b[^.;:!?«»\"“”A-ZÀ-Ý]{0,30}[:,]?\s*$"
)


def _named_body_says(stripped: str) -> Attribution | None:
    """A body named in full (``Il Comune di Perugia``) as the subject of the verb of saying leading in."""
    m = _NAMED_BODY_SAYS_RE.search(stripped)
    if not m:
        return None
    return Attribution(" ".join(m.group(1).split()), speaks=True)


def _before(sentence: str, people: list[Person], span_text: str = "") -> Attribution | None:
    """The sentence leading into the span names the speaker."""
    stripped = sentence.rstrip()
    return (
        _council_group(stripped)
        or _collective(stripped)
        or _body_subject(stripped, span_text)
        or _named_body_says(stripped)
        or _state_says(stripped)
        or _verb_then_subject(sentence, people)
        or _for_role_then_subject(stripped)
        or _passive_agent(stripped, people)
        or _verb_right_before(stripped, people)
        or _subjectless(stripped, people)
        or _relative_or_secondo(stripped, people)
        or _said_that(stripped, people)
        or _body_leads(stripped, people)
        or _body_who_says(stripped)
        or _body_says(stripped, people)
        or _group_subject_colon(stripped)
        or _colon(sentence, people)
        or _subject_says(stripped, people)
        or _subject_in_an_aside(stripped, people)
        or _role_comma_surname(stripped)
        or _sentence_subject(stripped, people)
    )


# A body opening the lead-in as its source or subject, the rest of the sentence naming nobody: "Secondo il M5s,
# avere in Aula i ministri dimostra che «", "E il Pd ha rincarato la dose: «".
_BODY_NAME = r"(?:il|la|lo|l'|i|gli|le)\s*(?-i:([A-ZÀ-Ý][\w'-]*(?:\s+[A-ZÀ-Ý][\w'-]*){0,2}))"
_SECONDO_BODY_RE = re.compile(
    r"\s*(?:(?:e|ma|anche|poi|invece|intanto)\s+)?secondo\s+" + _BODY_NAME + r"\s*,[^«»“”\"]*$", re.IGNORECASE
)  # never "Per il Giubileo,": "per" opens circumstances as often as opinions
# "Per" and a body's proper name right before the quote, maybe with a relative clause: the body's view ("Per
# Confcommercio, «", "Per l'Asp, che ne dà notizia, «"); the quote must follow at once, since "Per il Giubileo,"
# opens a circumstance as often as a view.
_PER_BODY_RE = re.compile(
    r"(?:^|,\s*)(?:(?:e|ma|anche|poi|invece|intanto)\s+)?per\s+(?:(?:il|la|lo|l'|i|gli|le)\s*)?"
    r"(?-i:([A-ZÀ-Ý][\w'-]*(?:\s+[A-ZÀ-Ý][\w'-]*){0,2}))(?:\s*,\s*che\s+[^,«»“”\"]{3,60})?\s*,?$",
    re.IGNORECASE,
)


def _per_body(text: str, stripped: str, people: list[Person]) -> Attribution | None:
    """``Per Confcommercio, «…»``: the body's view, when the piece elsewhere names a post held in it (``presidente
    di Confcommercio``) or makes it an agent (``premiati da Legambiente``), so never ``Per il Giubileo, «``."""
    m = _PER_BODY_RE.search(stripped)
    if not m:
        return None
    name = m.group(1)
    key = fold(name)
    first = key.split()[0]
    if first in first_names() or first in _NOT_NAMES or _ROLE_START.match(name) or _known(name, people):
        return None
    if key in comuni() or key in _REGION_KEYS or key in _CALENDAR_WORDS or key in _COUNTRIES:
        return None
    esc = re.escape(name)
    post = r"(?i:" + _ROLE_START.pattern + r")[\w ]{0,30}?\s+d(?:i|el|ella|ello|ell'|egli|ei)\s*" + esc + r"\b"
    agent = r"[a-zà-ù]{3,}(?:at|it|ut)[oaie]\s+da(?:l|lla|llo|ll'|i|gli|lle)?\s*" + esc + r"\b"
    if not re.search(post, text) and not re.search(agent, text):
        return None
    return Attribution(name, speaks=True)


_BODY_VERB_COLON_RE = re.compile(
    r"\s*(?:(?:e|ed|ma|anche|poi|invece|intanto|quindi)\s+)?" + _BODY_NAME + r"\s+(?:(?:ha|hanno)\s+(?:poi\s+|anche\s+|"
    r"subito\s+|invece\s+)?[a-zà-ù]{3,}(?:at|ut|it)[oa]|[a-zà-ù]{3,}(?:a|ano))\b[^:«»“”\"]{0,80}:$",
    re.IGNORECASE,
)


# An unnamed group opening the lead-in as the subject of a plural verb before a colon: "Così i capigruppo di Pd, M5s
# e Avs ieri hanno scritto al presidente X per rivendicare …:" — nobody speaks by name; X is an addressee. Anonymous
# sources open it with no article ("Fonti vicine al dossier riferiscono:"), and the guide gives them no speaker.
_GROUP_SUBJECT_COLON_RE = re.compile(
    r"\s*(?:(?:così|e|ed|ma|poi|quindi|intanto|anche|ora|infine)\s*,?\s+)?"
    r"(?:(?:i|gli|le)\s+(?:(?:due|tre|quattro|cinque)\s+)?|(?=(?:fonti|ambienti)\b))"  # sources need no article
    r"("
    + alternation(_GROUP_NOUNS)
    + r")\b([^:«»“”\"]{0,120}?)\s+(?:hanno|avevano|fanno|[a-zà-ù]{3,}(?:ano|ono))\b[^:«»“”\"]*:$",
    re.IGNORECASE,
)


_TIME_OR_VERB_SPLIT_RE = re.compile(r"\s+(?:ieri|oggi|stamattina|già|hanno|avevano)\b")


def _group_subject_colon(stripped: str) -> Attribution | None:
    """An unnamed group as the subject of the colon lead-in: no speaker, the group (with its tail) as role."""
    m = _GROUP_SUBJECT_COLON_RE.match(stripped)
    if not m or _first_full_name(m.group(2)):
        return None  # "i consiglieri Mario Rossi e Anna Bianchi hanno scritto:": the first-named speaks
    tail = _TIME_OR_VERB_SPLIT_RE.split(m.group(2), maxsplit=1)[0]
    return Attribution(role=_clean_role(m.group(1) + tail) or m.group(1), group=True)


# A body by its common noun (capitalised) and maybe an adjective, then "che" and a verb of saying right before the
# quote: "con l'Esercito israeliano che ha fatto sapere di «", "la Questura, che precisa come «".
_BODY_WHO_SAYS_RE = re.compile(
    r"(?:^|[\s,(])(?:il|la|lo|l')\s*(?-i:([A-ZÀ-Ý][a-zà-ù]+(?:\s+"
    + _POST_ADJECTIVE
    + r")?))\s*,?\s+che\s+(?:"
    + VERB
    + r")\b[^.!?:;«»“”\"]{0,40}$",
    re.IGNORECASE,
)


def _body_who_says(stripped: str) -> Attribution | None:
    """A body named by its noun (``l'Esercito israeliano``) as the antecedent of "che" + a verb of saying."""
    m = _BODY_WHO_SAYS_RE.search(stripped)
    if not m or fold(m.group(1).split()[0]) not in _ORG_NOUNS:
        return None
    return Attribution(m.group(1), speaks=True)


_PAIR_TAIL_RE = re.compile(r"\b(?:di|del|della|dei|delle|degli)\s+[A-ZÀ-Ý][\w'-]*\s+(?:e|ed)\s+$")


def _body_leads(stripped: str, people: list[Person]) -> Attribution | None:
    """A body, by its proper name, as the source (``Secondo il M5s,``) or the subject of any verb before a colon
    (``Il Pd ha rincarato la dose:``) of the lead-in; never a person, a post or a place, and only when the rest of
    the sentence names no person."""
    m = _SECONDO_BODY_RE.match(stripped) or _BODY_VERB_COLON_RE.match(stripped)
    return _speaking_body(m, stripped, people) if m else None


def _speaking_body(m: re.Match[str], stripped: str, people: list[Person]) -> Attribution | None:
    """The body whose name ``m`` caught in the lead-in, as the speaker: never a person, a post or a place, and only
    when the rest of the sentence names no person."""
    name = m.group(1)
    key = fold(name)
    first = key.split()[0]
    if first in first_names() or first in _NOT_NAMES and first not in _GENERIC_BODIES or _ROLE_START.match(name):
        return None
    if key in comuni() or key in regions() or key in _CALENDAR_WORDS or _known(name, people):
        return None
    rest = stripped[m.end(1) :]
    named = [n for n in _mentions_in(rest, people, rest) if not _PAIR_TAIL_RE.search(rest, 0, n[0])]
    if _first_full_name(rest) or _ROLE_AT.search(rest) or _subject_named(named, rest).name:
        return (
            None  # "Per il Pd, il segretario X ha detto:": the person speaks; not "i titolari di Giustizia e Interni"
        )
    return Attribution(name, speaks=True)


# An article as a word of its own: "la Turchia", "l'Italia", never the "Lo" of "Lombardia", the "I" of "Italia" or
# "INPS" (S13)
_ARTICLE_WORD = r"(?i:il|la|lo|le|i|gli)\s+|(?i:l)['’]\s*"

# A body by its proper name as the subject of a verb of saying that leads straight into the quote, with no colon:
# "Il Codacons fa notare «", "Palazzo Chigi ha osservato che «" (stop 42, S10).
_BODY_SAYS_RE = re.compile(
    r"(?:^|\bche\s+)(?:(?i:e|ed|ma|anche|poi|invece|intanto|quindi)\s+)?(?:" + _ARTICLE_WORD + r")?"
    r"([A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2})\s+(?i:" + VERB + r")\b[^.;:!?«»\"“”A-ZÀ-Ý]{0,60}$"
)


def _body_says(stripped: str, people: list[Person]) -> Attribution | None:
    """``Il Codacons fa notare «``: a body by its proper name says the quote, with no colon before it."""
    m = _BODY_SAYS_RE.search(stripped)
    return _speaking_body(m, stripped, people) if m else None


_OPENING_SUBJECT_RE = re.compile(
    r"\s*(?:(?:e|ed|ma|poi|infine|anche|intanto|invece|quindi|inoltre|allora|oggi|ieri)\s*,?\s+)*", re.IGNORECASE
)
_FINITE_VERB_RE = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*|,[^,.;:!?«»\"“”]{0,80},\s*)?(?:non\s+|si\s+|ne\s+|le\s+|lo\s+|ci\s+)*"
    r"(?:ha|hanno|è|sono|aveva|avevano|era|erano|[a-zà-ù]{3,}(?:a|e|ano|ono|ò|ì))\b"
)


_PARTICLED_NAME_TOKEN_SPACE_RE = re.compile(_PARTICLE + r"?" + _NAME_TOKEN + r"\s")
_AUX_OR_COMMA_SPLIT_RE = re.compile(r"\s(?:ha|hanno|è|sono|aveva|era)\s|[,(]")


def _sentence_subject(stripped: str, people: list[Person]) -> Attribution | None:
    """The subject opening the quote's own sentence, whatever its verb (``Don Paolo ha benedetto gli studenti e
    raccomandato loro di «…»``): a role or a known name, then a finite verb; the quote is that person's."""
    if any(c in stripped for c in '«»“”"'):
        return None
    opening = _OPENING_SUBJECT_RE.match(stripped)
    rest = stripped[opening.end() :] if opening else stripped
    if not (_ROLE_START.match(rest) or _NAME_RE.match(rest) or _PARTICLED_NAME_TOKEN_SPACE_RE.match(rest)):
        return None
    parsed = _parse_attribution(_AUX_OR_COMMA_SPLIT_RE.split(rest, maxsplit=1)[0])
    if not parsed.speaker or not (_ROLE_START.match(rest) or _known(parsed.speaker, people)):
        return None
    end = rest.find(parsed.speaker) + len(parsed.speaker)
    return parsed if _FINITE_VERB_RE.match(rest, end) else None


# A subordinate clause after the attribution's subject: the person it names answers to another speaker.
_SUBORDINATE_RE = re.compile(
    r"\s*,?\s+(?:dopo\s+che|dopo\s+(?:le|la|il|l')|mentre|in\s+risposta|rispondendo|replicando|a\s+seguito)\b"
)


_SENTENCE_TO_CAPITAL_RE = re.compile(r"[^\n]{0,300}?[.!?](?=\s+[A-ZÀ-Ý])")
_SHORT_TAIL_RE = re.compile(r"[^.!?«»“”\"\n]{0,150}[.!?]?\s*")
_CAPITAL_NEXT_RE = re.compile(r"\s*[A-ZÀ-Ý]")
_FA_SAPERE_LEAD_RE = re.compile(r"^(?:sapere|notare|presente)\s+")
_QUOTED_RE = re.compile(r"«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"")


def _names_nobody_outside_quotes(text: str, span: Span, people: list[Person]) -> bool:
    """The quote's paragraph has no verb of saying and names no person outside its quotes ("«…», in quanto aprono
    la strada ai progetti «…»"): its quotes are the words of whoever the next paragraph's attribution names."""
    start = text.rfind("\n", 0, span.mark_start) + 1
    end = text.find("\n", span.mark_end)
    outside = _QUOTED_RE.sub(" ", text[start : end if end >= 0 else len(text)])
    named = any(p.name.split()[-1] in outside for p in people)
    return not (named or _VERB_RE.search(outside) or _ROLE_AT.search(outside) or _first_full_name(outside))


def _subject_after_a_circumstance(whole: str, cut: re.Match[str]) -> str:
    """The attribution read past a phrase of time or circumstance that comes before its subject ("Lo hanno detto
    subito dopo la sentenza della Corte d'Assise Marco Ferri e …"): from the first name or post after the phrase."""
    rest = whole[cut.end() :]
    name = _first_full_name(rest)
    role = _ROLE_AT.search(rest)
    starts = [at for at in (name[0] if name else None, role.start() if role else None) if at is not None]
    return _SUBORDINATE_RE.split(rest[min(starts) :], maxsplit=1)[0] if starts else ""


def _next_sentence(text: str, span: Span, after: str, people: list[Person]) -> Attribution | None:
    """«…». Così il sindaco X.  /  «…». Lo ha detto X, ruolo."""
    m = _NEXT_SENTENCE.match(after)
    if not m:  # «…» come il riconoscimento di X. Lo ha detto Y: the attribution opens the next sentence
        end = _SENTENCE_TO_CAPITAL_RE.match(after)
        m = _NEXT_SENTENCE.match(after, end.end()) if end else None
    if not m and not span.open_end:
        # a paragraph that is only the quote (or ends with one clause after it), or quotes and narration naming
        # nobody, then "Così il presidente X, …" or "Lo ha detto X" opening the next one
        nxt = text.find("\n", span.mark_end)
        next_para = text[nxt : nxt + 400].lstrip(" .,;\n").split("\n\n")[0] if nxt >= 0 else ""
        opens = _NEXT_SENTENCE.match(next_para)
        ours = opens and _CAPITAL_NEXT_RE.match(next_para)  # (the paragraph's check only then: it reads it all)
        if ours and (_SHORT_TAIL_RE.fullmatch(after) or _names_nobody_outside_quotes(text, span, people)):
            after, m = next_para, opens
    if not m:
        return None
    whole = _SENTENCE_STOP_RE.split(after[m.end() :], maxsplit=1)[0]
    cut = _SUBORDINATE_RE.search(whole)
    attr = whole[: cut.start()] if cut else whole  # "…la Prefettura, dopo che il sindaco X aveva detto": not X
    if cut and not (_CAPITAL_WORD_START_RE.search(attr) or _ROLE_AT.search(attr)):
        attr = _subject_after_a_circumstance(whole, cut)  # the phrase came before the subject: "subito dopo la …"
    attr = _FA_SAPERE_LEAD_RE.sub("", attr)  # "È quanto fa sapere l'azienda"
    parsed = _parse_attribution(attr)
    if not parsed.found:
        parsed = _subject(attr, people) or parsed
    if parsed.found:
        return parsed
    org = _org_speaker(attr)
    return Attribution(org) if org else None


_GOAL_WORD_RE = re.compile(r"(?:obiettivo|scopo|finalità)\b", re.IGNORECASE)


_SENTENCE_OR_LINE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+|\n")


def _attribution(text: str, span: Span, people: Sequence[Person] = ()) -> Attribution | None:
    """Who speaks in a span: looked for inside it, after it, before it, then in the next sentence; None when
    unattributed (an empty Attribution: a reporting verb names nobody the rules can read)."""
    known = list(people)
    inside = _interrupted(text[span.start : span.end], known)
    if inside is not None:
        return inside
    after = "" if span.open_end else text[span.mark_end : span.mark_end + 400].split("\n\n")[0]
    empty: Attribution | None = None
    for reader in _AFTER_READERS:
        found = reader(after, known)
        if found is not None and (found.found or found.group):
            return found
        if found is not None:
            empty = found  # «…» chiede chiarezza: a verb after the quote naming nobody; the lead-in may name one
            break
    sentence = _sentence_before(text, span)
    not_source = _document_lead(sentence, text[span.start : span.start + 8])
    if not_source and not (_GOAL_WORD_RE.match(not_source.group(0)) and _SAID_THAT_RE.search(sentence.rstrip())):
        return empty  # "si legge nella nota «"; but "X ha spiegato che l'obiettivo è di «" is X's speech
    lead = _SENTENCE_OR_LINE_SPLIT_RE.split(text[max(0, span.mark_start - 200) : span.mark_start])[-1]
    before = _council_group(lead.rstrip()) or _before(sentence, known, text[span.start : span.start + 40])
    before = before or _per_body(text, sentence.rstrip(), known)  # "Per Confcommercio, «": the body's view
    if empty is not None:
        return before if before is not None and (before.found or before.group) else empty
    return (
        before  # the group's own name in marks ends no sentence: Per il gruppo “X” «
        or _next_sentence(text, span, after, known)
        or _body_speaks(text, sentence)
    )


_BODY_SUBJECT_RE = re.compile(
    r"(?:^|[\s,])(?:l'|la\s+|il\s+|lo\s+)(?:agenzia|organizzazione|associazione|fondazione|ong|onlus|"
    r"federazione|confederazione|autorità|organismo)\s+(?:" + VERB + r")(?:\s+[^\s:,]+){0,3}?\s*[:,]?\s*$",
    re.IGNORECASE,
)
_AGENCIES = frozenset({"ANSA", "AGI", "DIRE", "ADNKRONOS", "LAPRESSE", "ASKANEWS", "NOVA", "ITALPRESS", "AGENSIR"})


_CAPS_ACRONYM_RE = re.compile(r"\b[A-Z]{3,6}\b")
_ROMAN_NUMERAL_RE = re.compile(r"[IVXLC]+")


def _body_speaks(text: str, sentence: str) -> Attribution | None:
    """``l'Agenzia ha dichiarato: «`` in a piece about the UNRWA: the body is the acronym the piece names most
    (twice at least); nobody when it names none."""
    if not _BODY_SUBJECT_RE.search(sentence.rstrip()):
        return None
    counts: dict[str, int] = {}
    for acronym in _CAPS_ACRONYM_RE.findall(text):
        if acronym not in _AGENCIES and not _ROMAN_NUMERAL_RE.fullmatch(acronym):
            counts[acronym] = counts.get(acronym, 0) + 1
    best = max(counts, key=lambda a: counts[a], default=None)
    return Attribution(best, speaks=True) if best and counts[best] >= 2 else None


# A paragraph that is only a signature: "Name Surname, role.".
_SIGNATURE_RE = re.compile(r"(" + _NAME_TOKEN + _NAME_TAIL + r"{1,3}),\s*(.{3,200}?)\.?")


def _block_quotes(text: str, taken: Iterable[tuple[int, int]]) -> list[tuple[int, int, str, str | None]]:
    """Unmarked block quotes: a paragraph followed by a paragraph that is only ``Name Surname, role.``."""
    paras = paragraphs(text)
    taken = list(taken)
    out = []
    fnames = first_names()
    for (ps, pe), (qs, qe) in zip(paras, paras[1:], strict=False):
        sig = text[qs:qe].strip()
        m = _SIGNATURE_RE.fullmatch(sig)
        if not m or fold(m.group(1).split()[0]) not in fnames or not _ROLE_START.match(m.group(2)):
            continue
        if len(text[ps:pe].split()) < 8 or any(a < pe and ps < b for a, b in taken):
            continue
        out.append((ps, pe, m.group(1), _clean_role(m.group(2))))
    return out


def _quoted_words(text: str, span: Span) -> str:
    """The quoted text as printed; an attribution interrupting it (« … – ha spiegato X – … ») stays in place,
    as the press prints it and as the annotation rules take a quote's start."""
    return text[span.start : span.end].strip()


# A title, banner or name in quotes: «La vita è bella», the banner "Fuori la mafia".
_TITLE_BEFORE = re.compile(
    r"\b(?:film|libro|libri|romanzo|saggio|volume|canzone|brano|singolo|album|disco|spettacolo|mostra|opera|"
    r"rubrica|trasmissione|programma|serie|docufilm|documentario|podcast|festival|premio|rassegna|convegno|"
    r"evento|seminario|campagna|progetto|iniziativa|operazione|striscione|striscioni|cartello|cartelli|"
    r"scritta|scritte|slogan|motto|hashtag|titolo|titolone|titolava|titola|intitolat[oaie]|denominat[oaie]|"
    r"chiamat[oaie]|dal\s+titolo|dal\s+nome|ribattezzat[oaie]|etichetta|marchio|legge|decreto|piano|bando|"
    r"sezione|capitolo|tema|parola|parole|espressione|formula|definizione|voce)\s*$",
    re.IGNORECASE,
)
_COUNTRIES = frozenset(
    fold(c)
    for c in (
        'Italia', 'Francia', 'Germania', 'Spagna', 'Turchia', 'Russia', 'Ucraina', 'Cina', 'Israele', 'Iran',
        'Egitto', 'Libia', 'Tunisia', 'Grecia', 'Polonia', 'Ungheria', 'Austria', 'Svizzera', 'Regno Unito',
        'Inghilterra', 'Stati Uniti', 'America', 'Usa', 'Canada', 'Giappone', 'India', 'Brasile', 'Argentina',
        'Siria', 'Libano', 'Giordania', 'Qatar', 'Arabia Saudita', 'Afghanistan', 'Pakistan', 'Albania',
        'Serbia', 'Kosovo', 'Romania', 'Bulgaria', 'Croazia', 'Slovenia', 'Belgio', 'Olanda', 'Paesi Bassi',
        'Portogallo', 'Svezia', 'Norvegia', 'Finlandia', 'Danimarca', 'Marocco', 'Algeria', 'Nigeria',
        'Sudan', 'Etiopia', 'Eritrea', 'Somalia', 'Yemen', 'Iraq', 'Corea', 'Taiwan', 'Vaticano', 'Europa',
        'Ue', 'Onu', 'Nato', 'Unrwa', 'Unhcr', 'Unicef', 'Oms', 'Fmi', 'Bce', 'Gaza', 'Cisgiordania',
        'Palestina', 'Hamas', 'Hezbollah', 'Kiev', 'Mosca', 'Washington', 'Pechino', 'Bruxelles', 'Parigi',
        'Berlino', 'Londra', 'Madrid', 'Ankara', 'Teheran', 'Gerusalemme', 'Tel Aviv',
    )
)  # fmt: skip


_ARTICLE_LEAD_RE = re.compile(r"^(?:" + _ARTICLE_WORD + r")")


def _is_entity(name: str, people: list[Person]) -> bool:
    """A country, city, region or organisation rather than a person (a bare acronym or a place name)."""
    from rassegna.nlp.gazetteer import comuni, regions

    key = fold(_ARTICLE_LEAD_RE.sub("", name))
    if any(fold(p.name.split()[-1]) == key for p in people if len(p.name.split()) > 1):
        return False  # a surname of someone named in the piece
    if key in _COUNTRIES or key in regions():
        return True
    if len(name.split()) > 1 and key in comuni() and fold(name.split()[0]) not in first_names():
        return True  # "Celle Ligure", "San Miniato": a comune of more than one word is no person
    return len(name.split()) == 1 and (name.isupper() or key in comuni() and comuni()[key].capoluogo)


def _speaks(text: str, span: Span, name: str) -> bool:
    """The text makes an entity speak: ``la Turchia ha dichiarato: «``, ``«…», ha detto la Turchia``."""
    esc = re.escape(name)
    before = text[max(0, span.mark_start - 200) : span.mark_start]
    after = text[span.mark_end : span.mark_end + 200]
    return bool(
        re.search(esc + r"\s+(?:" + VERB + r")\b[^.!?«»]{0,60}[:,]?\s*$", before, re.IGNORECASE)
        or re.match(
            r"\s*[,.]?\s*[-–—]?\s*(?:" + VERB + r")\s+(?:\w+\s+){0,2}(?:l'|la\s+|il\s+|lo\s+|gli\s+|i\s+)?" + esc,
            after,
            re.IGNORECASE,
        )
    )


_DOUBLED_APOSTROPHE_RE = re.compile(r"''")


_DASH_LOOKALIKES = ("\u2212", "\u2012", "\u2015")  # minus sign, figure dash, horizontal bar


def _plain_dashes(text: str) -> str:
    """Dash look-alikes as "–", same length: an attribution set off by a minus sign reads as one set off by "–"."""
    for odd in _DASH_LOOKALIKES:
        if odd in text:
            text = text.replace(odd, "–")
    return text


def _agency_marks(text: str) -> str:
    """Agency double apostrophes as quotation marks, same length: ``''Faccio…''`` → `` "Faccio…" ``."""

    def mark(m: re.Match[str]) -> str:
        after = text[m.end() : m.end() + 1]
        return ' "' if after and not after.isspace() and after not in ".,;:!?)" else '" '

    return _DOUBLED_APOSTROPHE_RE.sub(mark, text)


@dataclass(frozen=True, slots=True)
class Piece:
    """A normalised text with what attribution needs: its paragraphs, the people it names, its headline."""

    text: str
    paras: list[tuple[int, int]]
    people: list[Person]
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Previous:
    """The quote found last and where its span ends (-1 before the first)."""

    quote: Quote | None = None
    end: int = -1

    def goes_on(self, piece: Piece, span: Span, reach: int = 1) -> bool:
        """Its speaker goes on speaking in ``span``: close by, nobody else named since."""
        q = self.quote
        return bool(
            q
            and q.speaker
            and _continues(piece.text, piece.paras, self.end, span, q.speaker, reach)
            and not _new_subject_between(piece, self.end, span, q.speaker)
        )


def _span_attribution(piece: Piece, span: Span, prev: Previous, near: bool) -> Attribution | None:
    """The attribution of a span, the previous speaker's when the span goes on their statement, an empty one
    for unattributed speech; None when the span is no quote (a title, a banner, a term)."""
    inner = piece.text[span.start : span.end].strip()
    if len(inner.split()) < 3 and not _opens_an_interrupted_statement(piece.text, span):
        return None  # titles, terms: “ponte”, "LgNet2"
    att = _attribution(piece.text, span, piece.people)
    if (att is None or att.cut is None) and _TITLE_BEFORE.search(
        piece.text[max(0, span.mark_start - 40) : span.mark_start]
    ):
        return None  # a title of a work, a banner, a name (unless an attribution interrupts it)
    if att is not None:
        return att
    told = (
        _qa_answer(piece, span)
        or _post_headline(piece, span)
        or _defined_by(piece, span)
        or _verbless_lead_in(piece, span)
    )
    if told is not None:
        return told  # an interview's answer, a live blog post's headline, "definita da X “…”", however short
    answer = _interview_answer(piece, span, prev)
    if answer is not None:
        return answer  # "Sulla formazione:" / «…»: an answer of the interview the piece introduced, however short
    if _not_speech(piece.text, span):
        return None
    said = _said_in_sentence(piece, span)
    if said is not None:
        return said  # "Parla di «…» il consigliere X": the sentence's own speaker before any carry-over
    introduced = _introduced_before(piece, span)
    if introduced is not None:
        return introduced  # "Rossi ha poi attacato la giunta. «…»": the new subject, not the last speaker
    if near and prev.quote and prev.goes_on(piece, span):
        return Attribution(prev.quote.speaker, prev.quote.role)  # «...», ha detto X. «...»: X goes on speaking
    if prev.quote and prev.quote.speaker and _after_its_attribution(piece, span, prev):
        return Attribution(prev.quote.speaker, prev.quote.role)  # «…» / È quanto ha detto X. / «…»
    return Attribution() if len(inner.split()) >= 4 else None  # direct speech the article does not attribute


_NOUN_SOURCE_END_RE = re.compile("(?:" + _NOUN_SOURCE.pattern + r")(?:[a-zà-ù']+\s+){0,3}$", re.IGNORECASE)
_AGENT_RE = re.compile(
    r"\b[a-zà-ù]{3,}(?:at|it|ut|s)[oaie]\s+(?:anche\s+)?d(?:a|al|alla|allo|all')\s*(?:[a-zà-ù]+\s+)?$"
)  # "condiviso da X": the agent of a passive, its logical subject


_SENTENCE_END_AT_END_RE = re.compile(r"[.!?]\s*$")
_SENTENCE_END_SPACE_RE = re.compile(r"[.!?]\s+")


def _introduced_before(piece: Piece, span: Span) -> Attribution | None:
    """A quote opening its sentence right after a sentence whose subject is a person (``Sul caso è intervenuta
    Giulia Bassi. «…»``, ``Un pensiero condiviso da Verdi, la quale … . «…»``): that person speaks, before any
    speaker carried from an earlier quote. The sentence is the quote's paragraph's last, or the paragraph before
    when the quote opens its own; one holding a quote of its own tells nothing."""
    text = piece.text
    para_start = text.rfind("\n", 0, span.mark_start) + 1
    before = text[para_start : span.mark_start]
    at = para_start
    if not before.strip():
        if para_start < 2:
            return None
        at = text.rfind("\n", 0, para_start - 1) + 1
        while at > 1 and not text[at:para_start].strip():
            at = text.rfind("\n", 0, at - 1) + 1
        before = text[at:para_start]
    elif not _SENTENCE_END_AT_END_RE.search(before):
        return None
    stripped = before.rstrip()
    ends = [e.end() for e in _SENTENCE_END_SPACE_RE.finditer(stripped)]
    start = ends[-1] if ends else 0
    sentence = stripped[start:]
    if not sentence or any(c in sentence for c in '«»“”"') or sentence.endswith("?"):
        return None
    named = _mentions_in(sentence, piece.people, text, at + start)
    sources = [n for n in named if _NOUN_SOURCE_END_RE.search(sentence[max(0, n[0] - 60) : n[0]])]
    subjects = sources or [
        n
        for k, n in enumerate(named)
        if (not _complement(sentence, n[0]) or _AGENT_RE.search(sentence[: n[0]]))
        and not (k and named[k - 1][2].name == n[2].name and _complement(sentence, named[k - 1][0]))
        and not _OBJECT_BEFORE_RE.search(sentence[max(0, n[0] - 40) : n[0]])
    ]  # "arriva la replica di X": the source the noun names; else the sentence's subject
    if not named:
        return _source_body(sentence, piece.people)  # "Parte l'invito della Caritas a tutti i volontari. «…»"
    if len({n[2].name for n in subjects}) != 1:
        return None  # nobody, or two people: which one speaks is not told
    person = subjects[-1][2]
    return Attribution(person.name, person.role)


# A noun of speech and the name of a body ("l'invito della Caritas", "il commento dell'Ufficio Studi"): the body
# speaks the quote that follows.
_SOURCE_BODY_RE = re.compile(
    _NOUN_SOURCE.pattern + r"(?-i:([A-ZÀ-Ý][\w'-]+(?:\s+(?:di\s+|del\s+|della\s+|dell')?[A-ZÀ-Ý][\w'-]+){0,3}))",
    re.IGNORECASE,
)


def _source_body(sentence: str, people: list[Person]) -> Attribution | None:
    """The body a noun of speech names in the sentence before a quote, when the sentence names no person."""
    m = _SOURCE_BODY_RE.search(sentence)
    name = m.group(1) if m else ""
    key = fold(name.split()[0]) if name else ""
    if not name or key in first_names() or key in _NOT_NAMES and key not in _GENERIC_BODIES or _known(name, people):
        return None
    return Attribution(name, speaks=True)


_HEADING_RE = re.compile(r"[^\n«»“”\"]{2,300}[:?]")


def _interview_answer(piece: Piece, span: Span, prev: Previous) -> Attribution | None:
    """A quote opening its paragraph after a heading paragraph (a topic, ``Sulla formazione:``, or a question,
    ``Che cosa cambia ora?``): an interview laid out as questions and answers. The answer goes to the speaker
    of the answer before the headings, else to the person the paragraph introducing them names as subject
    (``Mario Rossi risponde alle domande dei cronisti. Queste le sue parole:``)."""
    text = piece.text
    para_start = text.rfind("\n", 0, span.mark_start) + 1
    if text[para_start : span.mark_start].strip():
        return None
    pos, headings = para_start, 0
    while pos > 0:
        start = text.rfind("\n\n", 0, max(0, pos - 2))
        start = 0 if start < 0 else start + 2
        block = text[start:pos].strip()
        if not block:
            pos = start
            if start == 0:
                break
            continue
        if _HEADING_RE.fullmatch(block) and len(block.split()) <= (40 if block.endswith("?") else 15):
            headings += 1
            pos = start
            continue
        break
    if headings and pos <= 0:
        return _called(text)  # "Assessore X, cosa cambia ora?" opening the piece: the interviewee it calls
    if not headings:
        return None
    start = text.rfind("\n\n", 0, max(0, pos - 2))
    start = 0 if start < 0 else start + 2
    block = text[start:pos]
    q = prev.quote
    if (
        q
        and q.speaker
        and start <= prev.end <= pos
        and (block.lstrip()[:1] in '«“"' or not _mentions_in(block[prev.end - start :], piece.people, text))
    ):
        return Attribution(q.speaker, q.role)
    if any(c in block for c in '«»“”"'):
        return None
    lead = text[start:para_start]
    named = _mentions_in(lead, piece.people, text, start)
    person = _subject_named(named, lead)
    if not person.name and len({n[2].name for n in named}) == 1:
        person = named[0][2]  # "Intervista a Mario Rossi.": the one person the introduction names
    return Attribution(person.name, person.role) if person.name else None


# A question opening the piece by calling the interviewee, maybe by post: "Assessore Anna Neri, cosa cambia?",
# "Rossi, da cosa nasce la sua candidatura?".
_CALLED_RE = re.compile(
    r"(?:(?i:" + _ROLE_START.pattern + r")\s+)?(" + _PARTICLE + r"?" + _NAME_TOKEN + _NAME_TAIL + r"{0,3}),"
    r"\s[^\n«»“”\"]{3,400}\?\s*\n"
)


def _names_no_one_alone(name: str, key: str) -> bool:
    """A capitalised word opening a question or a headline that names no person by itself: a body's word, a post,
    capitals, a comune, a region, a country or a given name alone (``key``: the folded word the lists are read for)."""
    return (
        _bad_name(name)
        or _ROLE_START.fullmatch(name) is not None
        or name.isupper()
        or key in comuni()
        or key in _REGION_KEYS
        or key in _COUNTRIES
        or key in first_names()
    )


def _called(text: str) -> Attribution | None:
    """The person the question opening the piece calls by name (a surname alone too), never a place, a body's
    word or a post."""
    m = _CALLED_RE.match(text)
    if not m:
        return None
    name = m.group(1)
    key = fold(name)
    if key in _CONNECTIVES or _names_no_one_alone(name, key):
        return None  # "Milano, cosa cambia?": a place; "Marco, …?": a given name alone
    return Attribution(name, _clean_role(m.group(0)[: m.start(1)]) if m.start(1) else None)


# --- Interviews laid out as questions and answers, and live blogs ----------------------------------------------

_QUESTION_RE = re.compile(r"[^\n«»“”\"]{3,400}\?")  # a paragraph that is only a question of the interviewer


def _answers(piece: Piece) -> list[int]:
    """Starts of the answer paragraphs when the piece is an interview laid out as questions and answers (two
    answered questions at least): a paragraph opening with a quote mark right after a paragraph that is only a
    question."""
    text = piece.text
    if "?" not in text:
        return []
    found = [
        a
        for (qa, qb), (a, _b) in zip(piece.paras, piece.paras[1:], strict=False)
        if text[a] in '«“"' and _QUESTION_RE.fullmatch(text, qa, qb)
    ]
    return found if len(found) >= 2 else []


_WORD_APOSTROPHE_RE = re.compile(r"[\w']+")


# A headline opening on its speaker's name and a colon: "Lollobrigida: Rai commissariata? …", "Anna Neri: «…»".
_HEADLINE_NAME_RE = re.compile(r"\s*(" + _PARTICLE + r"?" + _NAME_TOKEN + _NAME_TAIL + r"{0,3})\s*:")


def _headline_opener(title: str, text: str, people: list[Person]) -> Person | None:
    """The person whose name opens the headline before a colon (a surname alone too): the one the piece names by
    that surname, else the name itself where the text prints it, never in lower case; never a place, a body's word
    or a post."""
    m = _HEADLINE_NAME_RE.match(title)
    if not m:
        return None
    name = m.group(1)
    surname = fold(name.split()[-1])
    if _names_no_one_alone(name, surname):
        return None
    holders = {p.name: p for p in people if fold(p.name.split()[-1]) == surname}
    if holders:
        return next(iter(holders.values())) if len(holders) == 1 else None
    if surname in _NOT_NAMES or name not in text or re.search(literal_not_after(name.lower()) + r"(?![\w'])", text):
        return None  # "Migranti: …": a common word the text prints in lower case
    return Person(name)


def _interviewee(piece: Piece, first_answer: int) -> Person | None:
    """Who answers: the one person of the piece whose surname the headline prints (``Piantedosi fra Trump e
    Zelensky``), else the one person the introduction before the first question names; nobody
    (an empty Person) when neither names one, as when the name is only in the headline; None when the headline
    names several (each answer then keeps its own attribution, as a double interview does)."""
    opener = _headline_opener(piece.title or "", piece.text, piece.people)
    if opener:
        return opener  # "Lollobrigida: Rai commissariata? … Fuortes …": the name before the colon answers
    title = set(_WORD_APOSTROPHE_RE.findall(fold(piece.title or "")))
    named = {p.name: p for p in piece.people if len(p.name.split()) > 1 and fold(p.name.split()[-1]) in title}
    if len(named) > 1:
        return None
    if named:
        return next(iter(named.values()))
    intro = piece.text[: max(0, piece.text.rfind("\n\n", 0, first_answer - 2))]  # up to the first question
    mentions = _mentions_in(intro, piece.people, piece.text)
    if not mentions:  # no introduction: the first question may call the interviewee ("Ministro X, …?")
        before = piece.text.rfind("\n\n", 0, first_answer - 2)
        question = piece.text[before + 2 if before >= 0 else 0 : first_answer]  # the piece may open with it
        called = _mentions_in(question[:80], piece.people, piece.text)
        if called and called[0][0] <= 30 and question[called[0][1] :].startswith(","):
            return called[0][2]
        alone = _called(question)  # "Rossi, da cosa nasce la sua candidatura?": a surname alone, no list holds
        if alone and alone.speaker:
            return Person(alone.speaker, alone.role)
    return mentions[0][2] if len({m[2].name for m in mentions}) == 1 else Person("")  # "L'intervista a X."


def _qa_answer(piece: Piece, span: Span) -> Attribution | None:
    """The speaker of an unattributed quote in an interview laid out as questions and answers: the interviewee
    for every answer, never a name printed inside an answer or a question; an answer of an interviewee the
    text does not name has no speaker. A quote outside the answers (the standfirst, "dirà di sé di “…”") goes to
    a named interviewee too."""
    answers = _answers(piece)
    if not answers:
        return None
    person = _interviewee(piece, answers[0])
    if person is None:
        return None
    if person.name:
        return Attribution(person.name, person.role)
    return Attribution(group=True) if span.mark_start in answers else None  # nobody named: no name from inside


# A live blog post opening with its time and the speaker's name, a party in brackets, then the quote:
# "Ore 20.18 - Tajani (FI): “…”", "18.02 – Ansa – Fitto: «…»".
_POST_HEADLINE_RE = re.compile(
    r"(?:[Oo]re\s+)?\d{1,2}[.:]\d{2}\s*[-–—]\s*(?:[^\n:«“\"]{1,30}?\s[-–—]\s*)?"
    r"(" + _PARTICLE + r"?" + _NAME_TOKEN + _NAME_TAIL + r"{0,3})"
    r"\s*(?:\([^()\n]{1,40}\))?\s*:\s*$"
)
_POST_STAMP_RE = re.compile(r"\n\s*(?:[Oo]re\s+)?\d{1,2}[.:]\d{2}\s*[-–—]")


def _post_headline(piece: Piece, span: Span) -> Attribution | None:
    """The speaker a live blog post's headline names before its first quote (``Ore 20.18 - Tajani (FI): “``)."""
    para_start = piece.text.rfind("\n", 0, span.mark_start) + 1
    m = _POST_HEADLINE_RE.fullmatch(piece.text, para_start, span.mark_start)
    if not m or _bad_name(m.group(1)):
        return None
    return Attribution(m.group(1))


# After a short quoted piece: an aside with a verb of saying, then the statement reopens («A», commenta X, «B»).
_ASIDE_THEN_REOPENED_RE = re.compile(r"\s*[,–—-]\s*([^,.!?:;«»“”\"\n]{3,100}?)\s*[,–—-]\s*[«“\"]")


def _opens_an_interrupted_statement(text: str, span: Span) -> bool:
    """A quoted piece of one or two words is a statement's first words, not a term, when an attribution with a
    verb of saying interrupts the statement and it reopens at once: «Ringrazio Zaia», commenta il sindaco, «che …»."""
    m = _ASIDE_THEN_REOPENED_RE.match(text, span.mark_end)
    return bool(m and not span.open_end and _VERB_RE.search(m.group(1)))


_DEFINED_BY_RE = re.compile(r"\bdefinit[oaie]\s+(?:anche\s+)?da(?:l|lla|llo|ll'|i|gli|lle)?\s*([^,;:.!?«»“”\"]{2,80})$")


def _defined_by(piece: Piece, span: Span) -> Attribution | None:
    """A short phrase given as a named person's words by a label verb and its agent (``l'emergenza, definita da
    Cenni “il problema centrale”``): the agent speaks, as a speaker in its sentence makes the phrase a quote."""
    m = _DEFINED_BY_RE.search(piece.text, max(0, span.mark_start - 120), span.mark_start)
    if not m:
        return None
    named = _mentions_in(m.group(1), piece.people, piece.text, m.start(1))
    return Attribution(named[0][2].name, named[0][2].role) if named and named[0][0] <= 20 else None


_LEAD_IN_START_RE = re.compile(r"[.!?»”\n]\s*")
_AUXILIARY_RE = re.compile(r"(?<![\w'])(?:ha|hanno|è|sono|era|erano|sarà|saranno|viene|vengono|aveva|avevano)(?![\w'])")


def _verbless_lead_in(piece: Piece, span: Span) -> Attribution | None:
    """A lead-in with no verb that ends with the speaker right before the opening mark, press-release style:
    ``Felice l'Assessore alle Politiche Sociali Peppino Landolfo “…”``, ``Soddisfatto il sindaco Mario Rossi
    «…»``; never a person named as a complement (``Grazie al sindaco Mario Rossi “…”``)."""
    text = piece.text
    window = text[max(0, span.mark_start - 160) : span.mark_start]
    starts = list(_LEAD_IN_START_RE.finditer(window))
    lead = window[starts[-1].end() :] if starts else window
    at = span.mark_start - len(lead)
    if not lead.strip() or len(lead.split()) > 14 or ":" in lead or _VERB_RE.search(lead) or _AUXILIARY_RE.search(lead):
        return None
    named = _mentions_in(lead, piece.people, text, at)
    if not named or named[-1][1] != len(lead.rstrip(" ,–-")):
        return None
    start, _end, person = named[-1]
    if _complement(lead, start) or _OBJECT_BEFORE_RE.search(lead[max(0, start - 40) : start]):
        return None
    return Attribution(person.name, person.role)


def _new_post_between(text: str, end: int, start: int) -> bool:
    """A live blog post opens between two quotes: no speaker is carried across posts."""
    return end >= 0 and bool(_POST_STAMP_RE.search(text, end, start))


_SAYING_RE = re.compile(r"(?<![\w'])(?:" + VERB + r"|parla(?:no)?\s+di|parole)(?![\w])")  # on lower-cased text


_SENTENCE_OR_QUOTE_STOP_RE = re.compile(r"[.!?\n«“\"]")


def _said_in_sentence(piece: Piece, span: Span) -> Attribution | None:
    """The person the quote's own sentence names, before or after the quote, when that sentence has a verb of
    saying (``Parla di «…» il consigliere regionale X``): Italian often puts the subject after the quote."""
    text = piece.text
    start = max(text.rfind("\n", 0, span.mark_start), *(text.rfind(c, 0, span.mark_start) for c in '.!?»”"')) + 1
    stop = _SENTENCE_OR_QUOTE_STOP_RE.search(
        text[span.mark_end : span.mark_end + 300]
    )  # a straight mark opens the next
    end = span.mark_end + (stop.start() if stop else 0)
    before, after = text[start : span.mark_start], text[span.mark_end : end]
    if not (_SAYING_RE.search(before.lower()) or _SAYING_RE.search(after.lower())):
        return None
    named = _mentions_in(before, piece.people, text, start)
    if named:
        person = _last_named(named, before)
        return Attribution(person.name, person.role)
    named = _mentions_in(after, piece.people, text, span.mark_end)
    return Attribution(named[0][2].name, named[0][2].role) if named else None


def _after_its_attribution(piece: Piece, span: Span, prev: Previous) -> bool:
    """A quote opening its paragraph right after a paragraph that only attributes the previous quote
    (``«…» / È quanto ha rimarcato X, … / «…»``): X goes on, as a statement reopened in a new paragraph."""
    text, speaker = piece.text, prev.quote.speaker if prev.quote else None
    para_start = text.rfind("\n", 0, span.mark_start) + 1
    if not speaker or text[para_start : span.mark_start].strip():
        return False
    last_para = text[text.rfind("\n\n", 0, para_start - 2) + 2 : para_start].strip()
    if not last_para or any(c in last_para for c in '«»“”"') or prev.end > para_start:
        return False
    between = text[prev.end : para_start]
    if between.count("\n\n") > 2 or speaker.split()[-1] not in last_para:
        return False
    return _continues(text, piece.paras, prev.end, span, speaker, 2)


_ROLE_TAIL_RE = re.compile(r"[A-ZÀ-Ý][\w']*\s+(" + _PARTICLE + r"?" + _NAME_TOKEN + r")$")


def _role_tail_surname(role: str, piece: Piece) -> str | None:
    """The surname closing a role (``ministro dell'Interno Piantedosi``): a surname of a person the piece
    names in full, or one it makes speak alone (``Piantedosi ha detto``); never a body's name (``Croce Rossa``)."""
    m = _ROLE_TAIL_RE.search(role)
    if (
        not m
        or _bad_name(m.group(1))
        or _ROLE_START.fullmatch(m.group(1))
        or fold(m.group(0).split()[0]) in _PLACE_HEADS
    ):
        return None  # "a Palazzo Madama": a place
    key = fold(m.group(1))
    if any(len(p.name.split()) > 1 and fold(p.name.split()[-1]) == key for p in piece.people):
        return m.group(1)
    alone = r"(?<![\w'])" + re.escape(m.group(1)) + r"\s+(?:" + VERB + r")\b"
    return m.group(1) if re.search(alone, piece.text) else None


def _post_word_as_surname(role: str, piece: Piece) -> str | None:
    """A post's word printed alone with a capital (``– ha spiegato Colonnello –``): the surname of the one person
    the piece names in full with it (``Margherita Colonnello``)."""
    if " " in role or not role[:1].isupper() or role.isupper():
        return None
    holders = {p.name for p in piece.people if len(p.name.split()) > 1 and p.name.split()[-1] == role}
    return role if len(holders) == 1 else None


def _names_a_body(word: str, piece: Piece) -> bool:
    """``word`` (after a role word) names a body: the piece prints it after "della", "dell'", "alla" and never
    as a person's surname (after a given name)."""
    key = fold(word)
    if any(fold(p.name.split()[-1]) == key for p in piece.people):
        return False
    esc = re.escape(word)
    fnames = first_names()
    if any(fold(m.group(1)) in fnames for m in re.finditer(r"([A-ZÀ-Ý][a-zà-ÿ]+)\s+" + esc + r"\b", piece.text)):
        return False
    body = r"\b(?:della|dell'|del|alla|all'|al|dalla|dall'|nella|nell'|sede|casse)\s*" + esc + r"\b"
    caps = r"(?<![\w'])" + re.escape(word.upper()) + r"(?![\w'])"
    if len(word) >= 3 and not word.isupper() and re.search(caps, piece.text):
        return True  # "il segretario Cgil" where the piece prints "CGIL": an acronym, a body
    return bool(re.search(body, piece.text))


_EPITHETS = frozenset({"leader", "capo", "numero uno", "ex", "manager", "dirigente", "responsabile", "esponente"})


def _holds(role_word: str, role: str | None) -> bool:
    """``role`` is none known or is the post ``role_word`` names (``sindaco`` in ``sindaco di Bari``)."""
    if not role or fold(role_word) in _EPITHETS:
        return True
    return bool(re.search(r"(?<![a-z])" + re.escape(_post_word(role_word)[:6]), fold(role)))


_ROLE_HEAD_RE = re.compile(r".*?[A-ZÀ-Ý][\w'-]*\s+[A-ZÀ-Ý][\w'-]*(?=\s+[a-zà-ù])")


# Generic nouns a piece uses for a body it has named ("il Comune" after "il Comune di Gorizia").
_GENERIC_BODIES = frozenset({
    'comune', 'regione', 'provincia', 'prefettura', 'questura', 'procura', 'azienda', 'società', 'ente',
    'associazione', 'fondazione', 'cooperativa', 'consorzio', 'università', 'ospedale', 'ministero', 'agenzia',
    'organizzazione', 'sindacato', 'comitato', 'federazione', 'istituto', 'tribunale', 'municipio', 'camera',
    'ong', 'onlus',
})  # fmt: skip


# Generic nouns that stand for one another ("l'azienda" after "la società Stellantis").
_BODY_CLASSES = (
    frozenset({'azienda', 'società', 'gruppo', 'impresa', 'ditta', 'compagnia', 'multinazionale'}),
    frozenset({'associazione', 'organizzazione', 'onlus', 'ong', 'fondazione', 'cooperativa', 'ente'}),
)  # fmt: skip
# Bodies a piece can make speak by their bare name ("La Cgil ha proclamato …", then "il sindacato"); the
# territorial ones ("il Comune") need their seat printed with the noun.
_NAMED_ALONE = frozenset({'azienda', 'società', 'ente', 'associazione', 'fondazione', 'cooperativa', 'consorzio',
                          'agenzia', 'organizzazione', 'sindacato', 'comitato', 'federazione'})  # fmt: skip
_BODY_SUBJECT_AT_RE = re.compile(
    r"(?:^|[.!?]\s+|\n|\b(?i:la|il|lo|l'|i|gli|le)\s*)(?!(?:La|Il|Lo|L'|I|Gli|Le)\b)"
    r"([A-ZÀ-Ý][\w'-]+(?:\s+(?:per\s+l'|di\s+|del\s+|della\s+|dei\s+)?[A-ZÀ-Ý][\w'-]+){0,3})"
    r"(?:\s*\([^()]{2,60}\))?\s+(?:ha|hanno|è|sono|aveva|[a-zà-ù]{3,}(?:a|ano))\b"
)


_TRAILING_CONNECTORS_RE = re.compile(r"(?:\s+(?:di|del|della|dei|e|per))+$")


def _named_body(noun: str, text: str, upto: int, people: Sequence[Person] = ()) -> str:
    """The body a generic noun stands for: the nearest ``Noun di X`` (``Comune di Gorizia``) or ``noun X``
    (``la società Stellantis`` → ``Stellantis``, with any noun of the same kind) printed before ``upto``, else the
    first after it; for a body that can be named alone, the nearest one the piece makes the subject of a verb
    (``La Cgil ha proclamato``); the noun itself when the piece names no such body."""
    key = fold(noun)
    nouns = next((c for c in _BODY_CLASSES if key in c), frozenset({key}))
    pattern = (
        r"(?<![\w'])((?i:" + "|".join(re.escape(n) for n in sorted(nouns)) + r"))"
        r"(\s+(?:di|del|della|dello|dell'|d'|dei|degli|delle)\s*|\s+)"
        r"((?:[A-ZÀ-Ý][\w'-]*)(?:\s+[A-ZÀ-Ý][\w'-]*|\s+(?:d'|dell'|per\s+l')[A-ZÀ-Ý][\w'-]*"
        r"|\s+(?:di|del|della|dei|e|per)(?=\s)){0,4})"
    )
    best: tuple[int, str] | None = None
    for m in re.finditer(pattern, text):
        name = _TRAILING_CONNECTORS_RE.sub("", m.group(3).rstrip())
        if not name[0].isupper() or fold(name.split()[0]) in _NOT_NAMES:
            continue
        if m.group(2).strip():
            full = text[m.start(1) : m.start(3) + len(name)]
            full = full[0].upper() + full[1:]
        else:
            full = name
        dist = upto - m.start() if m.start() < upto else len(text) + m.start()
        if best is None or dist < best[0]:
            best = (dist, full)
    if best is None and key in _NAMED_ALONE:
        for m in _BODY_SUBJECT_AT_RE.finditer(text, 0, upto):
            name = m.group(1)
            first = fold(name.split()[0])
            if first in _NOT_NAMES or first in first_names() or first in _GENERIC_BODIES or _ROLE_START.match(name):
                continue
            if (
                fold(name) in comuni()
                or fold(name) in _COUNTRIES
                or fold(name) in regions()
                or _known(name, list(people))
            ):
                continue
            best = (upto - m.start(), name)
    return best[1] if best else noun


def _subject_before(piece: Piece, span: Span) -> Person:
    """The person named last before the quote in its own paragraph as a subject (not after a preposition)."""
    text = piece.text
    para_start = text.rfind("\n", 0, span.mark_start) + 1
    before = text[para_start : span.mark_start]
    return _subject_named(_mentions_in(before, piece.people, text, para_start), before)


_SENTENCE_END_SPACE_AT_END_RE = re.compile(r"[.!?]\s+$")


def _opening_subject_before(piece: Piece, span: Span) -> Person | None:
    """The person opening a sentence of the quote's paragraph as the subject of a finite verb, the last such
    before the quote (``Anna Neri accetta la sfida, ma … anche Carlo Bianchi. «…», scrive la ministra``: Neri,
    not a name inside a subordinate clause); None when no sentence opens with a person."""
    text = piece.text
    para_start = text.rfind("\n", 0, span.mark_start) + 1
    before = text[para_start : span.mark_start]
    if any(c in before for c in '«»“”"'):
        return None
    found: Person | None = None
    for start, end, person in _mentions_in(before, piece.people, text, para_start):
        opens = not before[:start].strip() or _SENTENCE_END_SPACE_AT_END_RE.search(before[:start])
        if opens and _FINITE_VERB_RE.match(before, end):
            found = person
    return found


def _role_then_surname(role_word: str, piece: Piece, upto: int) -> Person:
    """The person a bare role refers back to when the piece names its holder by the role and a surname only
    (``il presidente Zelensky``): the mention nearest before ``upto``, else the first after; the full name when
    the piece prints one."""
    if role_word in (LAST_SPEAKER, PROTAGONIST) or fold(role_word) in _EPITHETS:
        return Person("")
    pattern = r"(?<![\w'])" + re.escape(role_word) + r"\s+(" + _PARTICLE + r"?" + _NAME_TOKEN + r")(?![\w'])"
    best: tuple[int, str] | None = None
    for m in re.finditer(pattern, piece.text, re.IGNORECASE):
        name = m.group(1)
        if _bad_name(name) or _ROLE_START.fullmatch(name) or fold(name) in comuni() or not name[0].isupper():
            continue
        if _names_a_body(name, piece):
            continue
        dist = upto - m.start() if m.start() < upto else len(piece.text) + m.start()
        if best is None or dist < best[0]:
            best = (dist, name)
    if best is None:
        return Person("")
    return _resolve(best[1], None, piece.people, None, piece.text)


# Between a post and its holder's name: a few words of the post's body or delegation, no verb and no quote mark.
_POST_TO_NAME_GAP_RE = re.compile(r"[^.;!?\n«»\"“”]{0,80}")
# A verb, a participle or a word joining someone else ("il sindaco e il presidente X", "convocata dal presidente X")
_NOT_THE_HOLDER_GAP_RE = re.compile(
    r"(?<![\w'])(?:è|ha|hanno|sono|era|aveva|sarà|viene|e|ed|con|tra|fra|da|dal|dalla|dallo|dai|dagli|[a-zà-ù]+"
    r"(?:ando|endo|ato|ata|uto|uta|ito|ita))(?![\w'])",
    re.IGNORECASE,
)
_GAP_WORDS = 8


def _holder_after_post(role_word: str, piece: Piece, upto: int) -> Person:
    """The person printed a few words after a mention of the post a bare role names (``il sindaco del comune
    casertano Dimitri Russo``): the mention nearest before ``upto``, else the first after."""
    if role_word in (LAST_SPEAKER, PROTAGONIST) or fold(role_word) in _EPITHETS:
        return Person("")
    rw = _post_word(role_word)
    same_post = _SAME_POST.get(rw)
    singular = re.escape(rw[:-1]) + "[oae]" if rw[-1] in "oae" else re.escape(rw)  # "sindaca", never "sindaci"
    forms = singular + (r"|" + same_post + r"[\w']*" if same_post else "")
    post = re.compile(r"(?<![\w'])(?<!vice )(?<!vice-)(?:" + forms + r")(?![\w'])", re.IGNORECASE)
    best: tuple[int, Person] | None = None
    for m in post.finditer(piece.text):
        gap = _POST_TO_NAME_GAP_RE.match(piece.text, m.end())
        run = _NAME_RE.search(piece.text, m.end(), gap.end() if gap else m.end())
        if run is None:
            continue
        between = piece.text[m.end() : run.start(1)]
        if len(between.split()) > _GAP_WORDS or _NOT_THE_HOLDER_GAP_RE.search(between):
            continue
        person = _holder_named(run.group(1), piece)
        dist = upto - m.start() if m.start() < upto else len(piece.text) + m.start()
        if person.name and (best is None or dist < best[0]):
            best = (dist, person)
    return best[1] if best else Person("")


def _holder_named(name: str, piece: Piece) -> Person:
    """The person a run of capitalised words names: one the piece knows, or a name whose surname it prints again."""
    known = next((p for p in piece.people if p.name == name or name.endswith(" " + p.name)), None)
    if known:
        return known
    again = re.compile(r"(?<![\w'])" + re.escape(name.split()[-1]) + r"(?![\w'])")
    if _bad_name(name) or fold(name) in comuni() or len(again.findall(piece.text)) < 2:
        return Person("")
    return Person(name)


_ROLE_SEAT_BEFORE_RE = re.compile(
    r"(?i:" + _ROLE_START.pattern + r")\s+(?:di|del|della|dello|dell'|d')\s*[A-ZÀ-Ý][\w'-]*(?:\s+[A-ZÀ-Ý][\w'-]*)?"
    r"\s+[a-zà-ù][^.;:!?«»\"“”]{0,60}$"
)


# The sentence before a quote says who gave the news by "Lo/La/Così + verb + body": "Lo precisa la Prefettura".
_LO_SAYS_RE = re.compile(r"\s*(?:Lo|La|Così)\s+(?:" + VERB + r")\s+(.*)", re.DOTALL)


_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+")


def _speaker(piece: Piece, span: Span, att: Attribution, prev: Previous, near: bool) -> Person:
    """The speaker (full name) and role a span's attribution resolves to; nobody for a place or a body that
    the text does not make speak."""
    role = att.role
    if att.group:
        return Person("", att.role)  # "hanno ribadito i consiglieri di minoranza": nobody named
    if att.role_word in (LAST_SPEAKER, PROTAGONIST):  # "– ha detto –", "Annota che": the last speaker goes on
        if prev.quote and prev.goes_on(piece, span, 2):
            person = Person(prev.quote.speaker or "", prev.quote.role)
        elif att.role_word == LAST_SPEAKER:
            para = piece.text[piece.text.rfind("\n", 0, span.mark_start) + 1 : span.mark_start].rstrip()
            last = _SENTENCE_SPLIT_RE.split(para[:-1])[-1] if para.endswith(".") else ""
            lead = _LO_SAYS_RE.match(last)  # "Lo precisa la Capitaneria di porto. «… – fanno sapere – …»"
            org = _org_speaker(lead.group(1)) if lead else None
            person = Person(org) if org else _named_before(piece.text, span, piece.people)
        else:
            person = _protagonist(f"{piece.title or ''}\n{piece.text}", piece.people)
    else:
        speaker, role_word = att.speaker, att.role_word
        if role_word and not speaker and att.role:
            head = _ROLE_HEAD_RE.match(att.role)  # "direttore dell'Ausl Bianchi relativo a …": up to the surname
            surname = _role_tail_surname(att.role, piece) or (head and _role_tail_surname(head.group(0), piece))
            surname = surname or _post_word_as_surname(att.role, piece)
            if surname:  # "il presidente della Regione Lombardo": the role's body, then the holder's surname
                speaker, role = surname, _clean_role(att.role[: att.role.rfind(surname)])
        elif role_word and speaker and " " not in speaker and _names_a_body(speaker, piece):
            # "continua il presidente Pro", "il delegato Anci": the body the role is held in, not a surname
            speaker, role = None, f"{role_word} {speaker}"
        person = _resolve(
            speaker, role_word, piece.people, prev.quote if near else None, piece.text, span.mark_start, att.role
        )
        if not person.name and not speaker and role_word and _role_body(att.role):
            # the holder the paragraph names: nearest the quote, else the last one named before it
            person = _nearest_speaker(piece.text, span, piece.people)
            person = person if person.name else _named_before(piece.text, span, piece.people)
        if not person.name and not speaker and role_word and prev.quote and prev.goes_on(piece, span, 3):
            # "La pm ha aggiunto:" two paragraphs after the prosecutor spoke, nobody else named since (the press
            # names one person by post and by epithet: "il procuratore" … "la pm", "il dirigente Onu")
            person = Person(prev.quote.speaker or "", prev.quote.role)
        if not person.name and not speaker and role_word:
            # "ha promesso il presidente ucraino" where the piece also prints "il presidente Zelensky"
            person = _role_then_surname(role_word, piece, span.mark_start)
        if not person.name and not speaker and role_word and role_word not in (LAST_SPEAKER, PROTAGONIST):
            # "Volodymyr Zelensky ha parlato … «…», ha promesso il presidente ucraino": the person named last
            # before the quote in its paragraph, when the piece gives them no other post
            person = _opening_subject_before(piece, span) or _subject_before(piece, span)
            person = person if person.name and _holds(role_word, person.role) else Person("")
        if not person.name and not speaker and role_word:
            # "dice il primo cittadino" after "il sindaco del comune casertano Dimitri Russo": the post's holder
            person = _holder_after_post(role_word, piece, span.mark_start)
        if not person.name and not speaker and role_word:
            # "ha dichiarato il sindaco" with no mayor named: the person the piece is about, if no other role
            person = _protagonist(f"{piece.title or ''}\n{piece.text}", piece.people)
            person = person if _holds(role_word, person.role) else Person("")
        if speaker and not role or not speaker and role_word and not role:
            role = person.role or (role_word if speaker else None)
        elif not speaker and role_word:
            role = person.role or role
    if person.name and fold(person.name) in _GENERIC_BODIES:
        person = Person(_named_body(person.name, piece.text, span.mark_start, piece.people), person.role)
    if person.name:
        person = _post_holder_of_body(person, piece, span, prev.quote if near else None)
    entity = person.name and _is_entity(person.name, piece.people)
    if entity and _ROLE_SEAT_BEFORE_RE.search(piece.text[max(0, span.mark_start - 200) : span.mark_start]):
        seat = fold(person.name)  # "Il sindaco di Celle Ligure rileva che «": the post's holder, not its seat
        holder = next((p for p in piece.people if p.role and seat in fold(p.role) and fold(p.name) != seat), None)
        if holder:
            return Person(holder.name, holder.role)
    if entity and not (att.speaks or _speaks(piece.text, span, person.name)):
        return Person("")  # a place or body named near the quote, not made to speak
    return Person(person.name, role or person.role)


# A post and the preposition of its body, right before the body's name: "il presidente di |Confagricoltura Arezzo"
_POST_OF_RE = re.compile(
    r"\b(" + _ROLE_WORD_OR_TITLE + r")\s+(?:di|del|della|dello|dell'|dei|degli|delle)\s*$", re.IGNORECASE
)


def _post_holder_of_body(person: Person, piece: Piece, span: Span, last: Quote | None) -> Person:
    """A body the attribution names as a post's complement ("– spiega il presidente di Confagricoltura Arezzo –")
    is not the speaker: the holder of that post the piece names is; the body only if it names none."""
    if fold(person.name.split()[0]) in first_names():
        return person  # a person's name
    text = piece.text

    def distance(i: int) -> int:  # a mention inside the quote (an interruption) is the nearest
        return 0 if span.mark_start <= i < span.mark_end else min(abs(i - span.mark_start), abs(i - span.mark_end))

    found = [m.start() for m in re.finditer(re.escape(person.name), text)]
    if not found:
        return person
    at = min(found, key=distance)  # the attribution's mention of the body
    post = _POST_OF_RE.search(text[max(0, at - 60) : at])
    if post is None:
        return person
    role = post.group(0).strip() + " " + person.name
    holder = _resolve(None, post.group(1), piece.people, last, text, span.mark_start, role)
    if not holder.name or fold(holder.name) == fold(person.name):
        return person
    return Person(holder.name, holder.role or role)


# A given name, a lower-case particle and a capitalised word: a surname with its particle ("Nadia dal Bono",
# "Umberto de Augustinis") when the piece prints the particle and the word again without the given name.
_LOW_PARTICLE_RE = re.compile(
    r"([A-ZÀ-Ý]"
    + _AFTER_NO_WORD
    + r"[a-zà-ÿ]+)"  # the capital first: see _WORD_THEN_WORD_RE
    + _GAP
    + r"(de|di|da|dal|dalla|del|della|lo|la)"
    + _GAP
    + r"([A-ZÀ-Ý][a-zà-ÿ]{2,})(?![\w'])"
)


def _words_before(text: str, particle: str, word: str) -> list[str]:
    """The word printed right before each ``particle word`` of the text (the pattern opens on the particle's letters,
    so the regex engine skips to them: one opening on a lookbehind or on any word tries every position)."""
    words = []
    for a in re.finditer(particle + r"\s+" + word + r"(?![\w'])", text):
        before = text[max(0, a.start() - 60) : a.start()]
        if before[-1:].isspace() and before.split():  # a word of its own, after a space: not "Bondi Latina"
            words.append(before.split()[-1])
    return words


def _lowercase_particles(text: str) -> tuple[str, dict[str, str]]:
    """The text with a lower-case particle of a surname capitalised (same length), so that the name rules read
    ``Nadia Dal Bono``, and the surnames so changed with their printed form; never a preposition before a place or
    a body (``Mario Rossi di Milano``)."""
    out, printed = text, {}
    tried: set[tuple[str, str, str]] = set()
    for m in _LOW_PARTICLE_RE.finditer(text):
        given, particle, word = m.groups()
        if (given, particle, word) in tried:
            continue
        tried.add((given, particle, word))
        cap = particle[0].upper() + particle[1:]
        # "Francesco di Gennaro … il Soprintendente Di Gennaro": the piece capitalises the particle mid-sentence
        capital = bool(f"{cap} {word}" in text and re.search(r"[\w,] " + cap + " " + word + r"(?![\w'])", text))
        # "de" is no Italian preposition: after a given name it opens a surname even when printed once
        # ("il sindaco Michele de Pascale"); "di", "da", "del" … stay prepositions unless the piece says otherwise
        capital = capital or particle == "de" and fold(given) in first_names()
        if text.count(f"{particle} {word}") < 2 and not capital:
            continue  # printed once: nothing says it is a surname (a cheap test before the patterns below)
        key, first = fold(word), fold(given)
        if key in _NOT_NAMES or key in _COUNTRIES or key in _PLACE_HEADS or word in _BODY_HEADS:
            continue
        if particle in ("di", "da") and (key in comuni() or key in regions()):
            continue  # "Mario Rossi di Genova … il sindaco di Genova": a place
        if key in _GENERIC_BODIES or first in _NOT_NAMES or _ROLE_START.fullmatch(given):
            continue
        again = [w for w in _words_before(text, particle, word) if w != given]
        said = any(  # "precisa dal Bono"; "il Sindaco de Augustinis" (never "presidente di Confcommercio": a body)
            w.lower() in _PRESENT_WORDS or particle == "de" and _ROLE_START.fullmatch(w) for w in again
        )
        if not capital and (not again or first not in first_names() and not said):
            continue  # "precisa dal Bono", "il Sindaco de Augustinis": the surname alone, as a person's
        if not said and (key in comuni() or key in regions()):
            continue  # "Nadia del Monte … via del Monte": a place unless the piece makes the surname speak
        out = re.sub(r"(?<![\w'])" + particle + r"(?=\s+" + word + r"(?![\w']))", cap, out)
        printed[f"{cap} {word}"] = f"{particle} {word}"
    return out, printed


def _route(att: Attribution, nearest: bool) -> str:
    """How a span's speaker was read: a name in its attribution, a role word resolved to a person, the last speaker
    going on, an unnamed group, or no pattern at all (the nearest person, the previous quote's sentence, nobody)."""
    if att.speaker:
        return "named"
    if att.role_word in (LAST_SPEAKER, PROTAGONIST):
        return "goes_on"
    if att.role_word:
        return "role_word"
    if att.group:
        return "group"
    return "nearest" if nearest else "unread"


def _as_printed(q: Quote, printed: dict[str, str]) -> Quote:
    """The quote with its speaker's particle as the piece prints it (``Umberto de Augustinis``)."""
    name = q.speaker or ""
    for capitalised, low in printed.items():
        name = name.replace(capitalised, low)
    return q if name == (q.speaker or "") else replace(q, speaker=name)


# Where a role read with its attribution runs on into the clause after the post ("presidente di Confcommercio
# continua", "sindaco ha citato il presidente", "ingegnere civile che ha deciso di …"), and a "role" that is a clause.
_CLAUSE_AFTER_POST_RE = re.compile(
    r"\s(?:che|ha|hanno|aveva|avevano|" + "|".join(sorted(_PRESENT_WORDS - {"secondo"})) + r")(?![\w'])"
)
_CLAUSE_FIRST_RE = re.compile(r"(?:è|ha|hanno|sono|era|aveva)(?![\w'])")
_TRAILING_AND_RE = re.compile(r"\s+(?:e|ed)$")


def _printed_role(role: str | None) -> str | None:
    """The role as a review prints it: the post alone, never the clause after it (the reading is unchanged)."""
    if not role or _CLAUSE_FIRST_RE.match(role):
        return None
    post = _CLAUSE_AFTER_POST_RE.split(role, maxsplit=1)[0]
    return _TRAILING_AND_RE.sub("", post).strip(" ,") or None


def extract_quotes(text: str, extra_people: Iterable[str] = (), title: str | None = None) -> list[Quote]:
    """Quotes of a text in order, each with speaker and role when the article gives them (the headline helps
    tell whom the piece is about)."""
    with given_names_shown(_given_names_the_piece_shows(text)):
        return _extract_quotes(text, extra_people, title)


def _extract_quotes(text: str, extra_people: Iterable[str], title: str | None) -> list[Quote]:
    """:func:`extract_quotes` with the piece's given names known."""
    reading = _read_quotes(text, extra_people, title)
    flags = list(reading.rules_flags)
    confidence = speaker_model.speaker_confidence()
    if confidence is not None:  # a learned confidence decides the flag (README)
        rows = reading.confidence_rows()
        for n, (start, _q) in enumerate(reading.found):
            if start not in reading.chosen:
                flags[n] = not confidence.sure(rows[n])
    return reading.quotes(flags)


@dataclass(frozen=True, slots=True)
class SpeakerEvidence:
    """A quote as :func:`extract_quotes` returns it before any learned flag, the rules' own flag, and the features
    the speaker confidence weighs."""

    quote: Quote
    rules_flag: bool
    features: speaker_model.Features


def speaker_confidence_evidence(
    text: str, extra_people: Iterable[str] = (), title: str | None = None
) -> list[SpeakerEvidence]:
    """Each quote of a text, in :func:`extract_quotes`' order, with what the speaker confidence reads of it (its
    trainer's examples, ``data/train_speaker_confidence.py``); the quotes carry the rules' own flag."""
    with given_names_shown(_given_names_the_piece_shows(text)):
        reading = _read_quotes(text, extra_people, title)
        rows = zip(reading.quotes(reading.rules_flags), reading.rules_flags, reading.confidence_rows(), strict=True)
        return [SpeakerEvidence(quote, flag, features) for quote, flag, features in rows]


@dataclass(frozen=True, slots=True)
class SpeakerCandidates:
    """A quote as :func:`extract_quotes` returns it with the rules' speaker and flag, and the candidates the speaker
    chooser reads of it (None for a block quote: the chooser leaves it alone)."""

    quote: Quote
    choice: speaker_model.QuoteChoice | None


def speaker_chooser_candidates(
    text: str, extra_people: Iterable[str] = (), title: str | None = None
) -> list[SpeakerCandidates]:
    """Each quote of a text, in :func:`extract_quotes`' order, with the candidates the speaker chooser reads of it
    (its trainer's examples, ``data/train_speaker_model.py``); the rules' speakers, whatever model is shipped."""
    with given_names_shown(_given_names_the_piece_shows(text)):
        reading = _read_quotes(text, extra_people, title, chooser=False)
        rows = zip(reading.quotes(reading.rules_flags), reading.speaker_choices(), strict=True)
        return [SpeakerCandidates(quote, choice) for quote, choice in rows]


@dataclass(frozen=True, slots=True)
class _QuoteReading:
    """What the rules read of a text: its quotes by start (block quotes too) with their own flags, and what the
    speaker confidence weighs them with."""

    found: list[tuple[int, Quote]]  # every quote, in order, with the speaker the chooser left
    rules_flags: list[bool]  # no speaker, or one no pattern read
    chosen: set[int]  # the spans whose speaker the chooser changed: they keep the rules' flag
    piece: Piece
    by_start: dict[int, Span]
    rules_found: list[tuple[int, Quote]]  # the quotes in spans with the rules' speakers, before the chooser
    chooser_read: list[tuple[int, Quote]]  # rules_found as the chooser read it (without a model, block quotes join it)
    read: dict[int, str | None]  # each span's speaker as its own attribution read it, before any was lent
    guessed: set[int]
    routes: dict[int, str]
    printed: dict[str, str]  # a speaker's particle as the piece prints it (:func:`_as_printed`)

    def confidence_rows(self) -> list[speaker_model.Features]:
        """The features the speaker confidence reads of each quote of :attr:`found`, in order."""
        routes = dict(self.routes)
        for start, q in self.rules_found:  # a speaker lent from a quote around, not read by the span's attribution
            if q.speaker != self.read.get(start):
                routes[start] = "lent"
        evidence = speaker_model.confidence_features(self.piece, self.by_start, self.rules_found, self.guessed, routes)
        return [evidence.get(start) or speaker_model.block_confidence_features(q) for start, q in self.found]

    def speaker_choices(self) -> list[speaker_model.QuoteChoice | None]:
        """The candidates the speaker chooser reads of each quote of :attr:`found`, in order (None: a block quote)."""
        read = self.chooser_read
        choices = {read[n][0]: choice for n, choice in speaker_model.quote_choices(self.piece, self.by_start, read)}
        return [choices.get(start) for start, _q in self.found]

    def quotes(self, flags: list[bool]) -> list[Quote]:
        """The quotes as returned: flagged where ``flags`` says, each speaker's particle as the piece prints it, each
        role without the clause it ran on into."""
        return [
            _as_printed(
                replace(q, role=_printed_role(q.role), speaker_to_check=flag or q.speaker_to_check), self.printed
            )
            for (_start, q), flag in zip(self.found, flags, strict=True)
        ]


def _read_quotes(text: str, extra_people: Iterable[str], title: str | None, chooser: bool = True) -> _QuoteReading:
    """The rules' reading of a text's quotes (:func:`extract_quotes` before any learned flag); ``chooser``: a
    shipped speaker chooser re-ranks the speakers."""
    _parse_attribution.cache_clear()  # caches for this piece only (the same attribution, the same surname, is
    _full_name.cache_clear()  # read many times; a piece read again is read at full cost)
    norm = _agency_marks(_plain_dashes(normalise(text)))
    norm, printed = _lowercase_particles(norm)  # "Umberto de Augustinis" read as a name
    named = _people(norm)  # the rules' own reading of names (a known given name, a surname)
    piece = Piece(norm, paragraphs(norm), named + [Person(p) for p in extra_people], title)
    found: list[tuple[int, Quote]] = []
    prev = Previous()
    spans = find_spans(norm)
    unread: set[int] = set()  # spans no pattern attributed and whose paragraph names nobody
    unnamed: set[int] = set()  # spans whose attribution names nobody and no group: a statement may go on
    guessed: set[int] = set()  # spans no pattern attributed, given the person named nearest: a reviewer's look
    routes: dict[int, str] = {}  # how each span's speaker was read (the desk's confidence weighs it)
    for span in spans:
        prev = Previous() if _new_post_between(norm, prev.end, span.mark_start) else prev  # live blog posts
        near = prev.quote is not None and _near(piece.paras, prev.end, span)
        att = _span_attribution(piece, span, prev, near)
        if att is None:
            continue
        person = _speaker(piece, span, att, prev, near)
        if not person.name and not att.found and not att.group and _same_sentence_piece(norm, prev, span):
            person = Person(prev.quote.speaker or "", prev.quote.role) if prev.quote else person
        if not person.name and not att.found and not att.group:  # no pattern read a speaker: the nearest person
            person = _nearest_speaker(norm, span, piece.people)
            (guessed if person.name else unread).add(span.start)
        if not person.name and not att.speaker and (not person.role or att.group):  # nobody, or only a group
            unnamed.add(span.start)
        routes[span.start] = _route(att, span.start in guessed | unread)
        q = Quote(text=_quoted_words(text, span), speaker=person.name or None, role=person.role)
        found.append((span.start, q))
        prev = Previous(q, span.mark_end)
    read_found = list(found)  # each span's speaker as its own attribution read it, before any is lent
    _lend_forward(norm, found, spans)
    by_start = {s.start: s for s in spans}
    for n, (start, q) in enumerate(found):
        if start in unread and not q.speaker:  # «…» alone in its paragraph: the person the paragraphs around name
            person = _neighbour_paragraph(norm, by_start[start], piece.people)
            found[n] = (start, Quote(q.text, person.name or None, person.role))
            guessed.add(start)
    _lend_back(norm, found, by_start, unnamed)
    for n in range(len(found) - 2, -1, -1):  # «…cosa» il presidente X «abbia in mente». Lo ha detto Y: both Y's
        (start, q), (nstart, nq) = found[n], found[n + 1]
        if (
            not q.speaker
            and not q.role  # a group speaks ("i capigruppo … hanno scritto:"): not the next quote's speaker
            and nq.speaker
            and _one_sentence_gap(norm[by_start[start].mark_end : by_start[nstart].mark_start])
        ):
            found[n] = (start, Quote(q.text, nq.speaker, nq.role))
    _statement_goes_on(piece, found, by_start, unnamed)
    rules_found, chooser_read = found, list(found)
    read = {start: q.speaker for start, q in read_found}
    if chooser:
        found = speaker_model.rerank_speakers(piece, by_start, found)  # a learned chooser, when one is shipped
    # a speaker the chooser changed keeps the rules' flag: the confidence weighs the rules' pick
    chosen = {s for (s, q), (_s, r) in zip(found, rules_found, strict=True) if q.speaker != r.speaker}
    taken = [(s.mark_start, s.mark_end) for s in spans]
    for ps, pe, name, role in _block_quotes(norm, taken):
        found.append((ps, Quote(text=text[ps:pe].strip(), speaker=name, role=role)))
    found.sort(key=lambda t: t[0])
    forms: dict[str, str] = {}
    # a given name alone takes a full name only from the rules' own names, none with a particle printed in lower case
    # ("Paola di Linea d'Ombra": an association, not Paola's surname)
    surnamed = frozenset(fold(p.name) for p in named if not any(particle in p.name for particle in printed))
    for n, (start, q) in enumerate(found):
        if q.speaker:
            if q.speaker not in forms:  # each speaker's name is completed once a piece
                forms[q.speaker] = _fullest_form(q.speaker, piece.people, surnamed)
            full = forms[q.speaker]
            if full != q.speaker:
                found[n] = (start, replace(q, speaker=full))
    # (measured on batches 15-21, unseen by the rules: a speaker no pattern read is right far less often, README
    # "What to check on the desk")
    flags = [not q.speaker or start in guessed for start, q in found]
    return _QuoteReading(
        found, flags, chosen, piece, by_start, rules_found, chooser_read, read, guessed, routes, printed
    )


def _glued_head(tok: str) -> bool:
    """A word glued before a given name that names a place or a body, not a person: ``Albenga``, ``Uil-Fpl``,
    ``Prefettura`` ("in Prefettura Anna Maria Serafini"), ``Consiglio`` ("il presidente del Consiglio Conte")."""
    key = fold(tok)
    return (
        key in comuni()
        or key in regions()
        or key in _GLUED_WORD_KEYS
        or bool(_ROLE_START.fullmatch(tok))
        or "-" in tok
        or tok.isupper()
    )


def _clean_name(name: str) -> str:
    """A name without a place or body word glued before its given name (``Albenga Eraldo Ciangherotti``) and with a
    surname printed twice in a row once (``Michele Pais Pais``)."""
    toks = name.split()
    if len(toks) >= 3 and toks[-1] == toks[-2]:
        toks = toks[:-1]  # a typing slip
    if not all(t[:1].isupper() for t in toks):
        return name  # "Comune di Perugia": a body's name, with its preposition
    while len(toks) >= 3 and _glued_head(toks[0]) and fold(toks[0]) not in first_names():
        toks = toks[1:]  # a given name no list holds: "Albenga Eraldo Ciangherotti" still loses "Albenga"
    return " ".join(toks)


def _fullest_form(speaker: str, people: list[Person], surnamed: frozenset[str]) -> str:
    """The fullest form of a speaker's name that the piece prints (the guide's rule): the name cleaned, and the one
    longer name of the piece that ends with it (a surname alone, ``Di Maio``; a given name and surname after a first
    given name, ``Michela Caligiuri`` → ``Fulvia Michela Caligiuri``) or, for given names alone (``ha detto Mario``),
    that begins with it among the names the rules read themselves (``surnamed``, folded)."""
    name = _clean_name(speaker)
    toks = name.split()
    if len(toks) > 3:
        return name
    opens_given = fold(toks[0]) in first_names()
    only_given = all(fold(t) in first_names() for t in toks)
    key = fold(name)
    longer = set()
    for p in people:
        other = _clean_name(p.name)
        parts = other.split()
        head = parts[: -len(toks)]
        ends = bool(head) and (" " + fold(other)).endswith(" " + key)
        if opens_given and not only_given:  # one more given name before a full name ("Rosa" too, a place's name)
            given = len(head) == 1 and (fold(head[0]) in first_names() or not _glued_head(head[0]))
            ends = ends and given and head[0][:1].isupper()
        else:
            ends = ends and not any(_glued_head(t) for t in head)
        tail = parts[len(toks) :]  # a surname: capitalised words, no title ("Don") or body ("Paola di Linea d'Ombra")
        surname = bool(tail) and all(t[:1].isupper() and not _glued_head(t) for t in tail)
        begins = only_given and surname and fold(p.name) in surnamed and (fold(other) + " ").startswith(key + " ")
        if ends or begins:
            longer.add(other)  # never "Palermo Leoluca Orlando" for "Leoluca Orlando": a place glued before
    return longer.pop() if len(longer) == 1 else name


_GOAL_BEFORE = re.compile(
    r"\b(?:obiettivo|scopo|finalità|missione|intento|mission|intenzione)\b[^.!?:]{0,40}\b(?:è|era|sarà|resta)\s+"
    r"(?:quello\s+)?(?:di|a)\s*$",
    re.IGNORECASE,
)


def _same_sentence_piece(text: str, prev: Previous, span: Span) -> bool:
    """The span goes on the previous one's sentence: a short gap with no sentence end and no verb of saying
    (``«A» ma «B» da parte della ministra Neri «C»``): the name in the gap is a topic of the quoted words."""
    if prev.quote is None or not prev.quote.speaker:
        return False
    return _one_sentence_gap(text[prev.end : span.mark_start])


_BREAK_LINE_OR_SOURCE_RE = re.compile(r"[.!?:;\n]|\b(?:per|secondo)\s")


def _one_sentence_gap(gap: str) -> bool:
    """Text between two quoted pieces of one sentence: short, no sentence end, no verb of saying, no "per X"."""
    return len(gap) <= 80 and not _BREAK_LINE_OR_SOURCE_RE.search(gap) and not _VERB_RE.search(gap)


_QUOTED_WORDS_RE = re.compile(r"«[^«»]*»|“[^“”]*”|(?:^|(?<=\n))[«“][^\n]*")  # a quote, or one never closed


def _named_before(text: str, span: Span, people: list[Person]) -> Person:
    """The person named last before the span in its paragraph (``l'appello del presidente, monsignor X.
    “I poveri – dice – …”``), the first of a pair for a joint statement; nobody when the paragraph names none."""
    para_start = text.rfind("\n\n", 0, span.mark_start) + 2 if "\n\n" in text[: span.mark_start] else 0
    before = _QUOTED_WORDS_RE.sub(lambda q: " " * len(q.group(0)), text[para_start : span.mark_start])
    named = _mentions_in(before, people, text, para_start)  # never a name inside another quote's words
    if not named and not before.strip() and para_start > 0:
        # a quote opening its paragraph ("«…» – spiega – …»"): the person the paragraph before is about
        last_start = text.rfind("\n\n", 0, para_start - 2) + 2 if "\n\n" in text[: para_start - 2] else 0
        before = text[last_start : para_start - 2]
        if not any(c in before for c in '«»“”"'):  # not the tail of another person's statement
            named = _mentions_in(before, people, text, last_start)
    return _last_named(named, before) if named else Person("")


def _protagonist(text: str, people: list[Person]) -> Person:
    """The person the piece names most often (by surname, twice at least); nobody when none stands out."""
    counts = [(len(re.findall(r"\b" + re.escape(p.name.split()[-1]) + r"\b", text)), p) for p in people]
    counts.sort(key=lambda c: -c[0])
    if not counts or counts[0][0] < 2 or len(counts) > 1 and counts[1][0] == counts[0][0]:
        return Person("")
    return counts[0][1]


# A capitalised word right after a noun: the noun is part of a proper name ("Sinistra Progetto Comune").
_NAME_GOES_ON_RE = re.compile(r"[A-ZÀ-Ý][\w'-]*\s+[A-ZÀ-Ý]")
_AGENT_AFTER_RE = re.compile(r"(?:definit[oaie]|detto)\s+(?:anche\s+)?da(?:l|lla|llo|ll'|i|gli|lle)?\s*[A-ZÀ-Ý]")
_CLAUSE_OPENING_RE = re.compile(r"\s*(?:che|perché|affinché)\s")  # «che non si riduca …»: no name opens so


def _document_lead(sentence: str, quoted: str) -> re.Match[str] | None:
    """The words before a quote that make it a document's, a project's or a label's rather than speech
    (_NOT_A_SOURCE), except a capitalised noun inside a proper name ("Secondo X di Sinistra Progetto Comune
    “…”"), a label verb whose agent is named ("l'emergenza, definita da Cenni “…”": Cenni's words), and a noun
    before a quoted clause that no name opens with ("un'iniziativa “che non si riduca a …”")."""
    m = _NOT_A_SOURCE.search(sentence)
    while m is not None:
        word = m.group(0)
        proper = word[0].isupper() and _NAME_GOES_ON_RE.match(sentence, m.start())
        agent = _AGENT_AFTER_RE.match(sentence, m.start())
        clause = (
            word[0].islower()
            and not word.startswith(("si ", "recita", "come ", "riporta"))
            and _CLAUSE_OPENING_RE.match(quoted)
        )
        if not (proper or agent or clause):
            return m
        m = _NOT_A_SOURCE.search(sentence, m.start() + 1)
    return None


_SENTENCE_OR_LINE_SPLIT_QUOTE_RE = re.compile(r"(?<=[.!?»”])\s+|\n")


def _not_speech(text: str, span: Span) -> bool:
    """Quoted text that is not speech: from a note or a document, a headline or a banner of its own."""
    before = text[max(0, span.mark_start - 200) : span.mark_start]
    sentence = _SENTENCE_OR_LINE_SPLIT_QUOTE_RE.split(before)[-1]
    if _document_lead(sentence, text[span.start : span.start + 8]) or _GOAL_BEFORE.search(sentence):
        return True
    para_start = text.rfind("\n", 0, span.mark_start) + 1
    para_end = text.find("\n", span.mark_end)
    para_end = len(text) if para_end < 0 else para_end
    rest = text[span.mark_end : para_end].strip(" .")
    # a paragraph that is only a short quoted line: a headline or a banner, not a statement
    return not text[para_start : span.mark_start].strip() and not rest and len(text[span.start : span.end].split()) < 8


def _lend_back(text: str, found: list[tuple[int, Quote]], by_start: dict[int, Span], unnamed: set[int]) -> None:
    """A quote left unnamed takes the name of the next quote whose attribution goes on: a role-only speaker («…».
    Così il delegato dell'Anci. / «… – ha proseguito Vecchi – …»), or nobody when the next one says it plainly
    (``«…» / «…», aggiunge ancora Santilli``: the guide's explicit reference)."""
    for n in range(len(found) - 2, -1, -1):
        (start, q), (nstart, nq) = found[n], found[n + 1]
        span, nspan = by_start.get(start), by_start.get(nstart)
        if q.speaker or not nq.speaker or span is None or nspan is None:
            continue
        if not q.role and start not in unnamed:
            continue  # a group, an anonymous source: no speaker on purpose
        gap = text[span.mark_end : nspan.mark_start]
        if gap.count("\n\n") > 1 or _first_full_name(gap) or len(gap) > 400:
            continue
        if q.role:
            went_on = _WENT_ON_RE.search(text, nspan.start, min(nspan.end + 120, len(text))) is not None
        else:  # the statement goes on within one post of a live blog
            again = _WENT_ON_AGAIN_RE.match(text, nspan.mark_end, min(nspan.mark_end + 60, len(text)))
            went_on = again is not None and not _new_post_between(text, span.mark_end, nspan.mark_start)
        if went_on:
            found[n] = (start, Quote(q.text, nq.speaker, q.role or nq.role))


_WENT_ON_RE = re.compile(r"\b(?:ha\s+)?(?:prosegu|continu|conclu|aggiun)\w*\s+(?:poi\s+)?(?:il\s+|la\s+)?[A-ZÀ-Ý]")
# The attribution right after a quote says its speaker spoke just before: "», aggiunge ancora Santilli", "» prosegue il
# sindaco Neri", "», ha concluso Neri".
_WENT_ON_AGAIN_RE = re.compile(
    r"[\s,–—-]*(?:(?:ha|hanno)\s+)?(?:[a-zà-ù]+\s+ancora|prosegu\w*|continu\w*|conclu\w*)\s+(?:poi\s+)?"
    r"[a-zà-ù' ]{0,40}?[A-ZÀ-Ý]"
)


_NEXT_LINE_RE = re.compile(r"\s*([^\n]+)")
_SENTENCE_SPLIT_ONE_SPACE_RE = re.compile(r"(?<=[.!?])\s")


def _neighbour_paragraph(text: str, span: Span, people: list[Person]) -> Person:
    """Who speaks an unattributed quote opening its paragraph: the person a following paragraph opens with
    (``«…» / Il presidente X traccia il bilancio …``) when the quote is the whole paragraph, else the one person
    the paragraph before names (``Il sindaco X ritira le dimissioni … / «…»``); nobody otherwise."""
    para_start = text.rfind("\n", 0, span.mark_start) + 1
    para_end = text.find("\n", span.mark_end)
    para_end = len(text) if para_end < 0 else para_end
    if text[para_start : span.mark_start].strip(' "') and not _DATELINE_RE.fullmatch(text, para_start, span.mark_start):
        return Person("")
    marks = '«»“”"'
    nxt = _NEXT_LINE_RE.match(text[para_end:])
    first = _SENTENCE_SPLIT_ONE_SPACE_RE.split(nxt.group(1), maxsplit=1)[0] if nxt else ""
    if nxt and first and not text[span.mark_end : para_end].strip(" .") and not any(c in first for c in marks):
        # the sentence that opens the next paragraph, not its later quotes ("Il sindaco X non nasconde … «…»")
        named = _mentions_in(first, people, text, para_end + nxt.start(1))
        opening = named and (named[0][0] <= 4 or _ROLE_OPENING_RE.fullmatch(first, 0, named[0][0]))
        if opening and _SUBJECT_THEN_VERB_RE.match(first, named[0][1]):
            return named[0][2]  # "«…» / Il sindaco Anna Neri non nasconde la soddisfazione …"
        inverted = _COPULA_FIRST_RE.match(first)
        if named and inverted and named[0][0] == inverted.end():
            return named[0][2]  # "«…» / È netto il sindaco di Borgo Anna Neri, …": the subject after its predicate
    if para_start < 2:
        return Person("")
    last_start = text.rfind("\n\n", 0, para_start - 2) + 2 if "\n\n" in text[: para_start - 2] else 0
    before = text[last_start:para_start]
    if any(c in before for c in marks):
        return Person("")
    named = _mentions_in(before, people, text, last_start)
    return named[0][2] if named and len({n[2].name for n in named}) == 1 else Person("")


# A dateline opening the quote's paragraph ("Avezzano. «…»", "ROMA – «…»"): nothing said before the quote.
_DATELINE_RE = re.compile(r"[A-ZÀ-Ý][\w'À-ÿ]*(?:\s+[A-ZÀ-Ý][\w'À-ÿ]*){0,2}\s*[.–—-]\s*")
# A post opening a sentence before its holder's name: "Il sindaco ", "La presidente della Regione ".
_ROLE_OPENING_RE = re.compile(r"(?:(?i:" + _ROLE_START.pattern + r"))(?:\s+[^\s.;:!?,]+){0,5}?\s+")
_COPULA_FIRST_RE = re.compile(r"(?:Ed?\s+)?(?:È|E'|É)\s+(?:[a-zà-ù]+\s+){1,2}?(?=(?:il|la|lo|l')\s*[^\W\d_])")
_SUBJECT_THEN_VERB_RE = re.compile(r"[\w' ]{0,60}?\s+[a-zà-ù]{3,}(?:a|e|ano|ono|ò|è)\b|\s+(?:ha|è)\b")


def _named_as_subject(gap: str) -> bool:
    """A full name in ``gap`` that is no complement (``tenuta dalla premier Anna Neri`` is one)."""
    full = _first_full_name(gap)
    while full and _complement(gap, full[0] - len(_role_tail_before(gap[: full[0]]))):
        nxt = _first_full_name(gap[full[1] :])
        full = (full[1] + nxt[0], full[1] + nxt[1]) if nxt else None
    return full is not None


_ROLE_TAIL_BEFORE_RE = re.compile(r"(?:(?i:" + _ROLE_START.pattern + r")\s+)?$")


def _role_tail_before(segment: str) -> str:
    """The post word closing ``segment`` (``dalla premier ``), or nothing."""
    m = _ROLE_TAIL_BEFORE_RE.search(segment)
    return m.group(0) if m else ""


_SENTENCE_STOP_CHAR_RE = re.compile(r"[.!?\n]")
_NEXT_PARAGRAPH_COLON_RE = re.compile(r"\s*[.,;]?\s*\n\n[^\n]{0,300}:\s*$")


def _lend_forward(text: str, found: list[tuple[int, Quote]], spans: list[Span]) -> None:
    """A paragraph that is only a quote takes the speaker the next paragraph introduces for its own quote:
    «…» / Non nasconde la soddisfazione l'assessore X: «…»."""
    by_start = {s.start: s for s in spans}
    for n in range(len(found) - 2, -1, -1):  # backwards: a chain of quotes takes the speaker of its last one
        (start, q), (nstart, nq) = found[n], found[n + 1]
        span, nspan = by_start.get(start), by_start.get(nstart)
        if q.speaker or q.role or not nq.speaker or span is None or nspan is None:
            continue  # a quote its own attribution gave a group or a post keeps it
        gap = text[span.mark_end : nspan.mark_start]
        if len(gap) <= 160 and not _SENTENCE_STOP_CHAR_RE.search(gap) and not _named_as_subject(gap):
            # «A» alla ditta ammontano «B», ha spiegato X: one sentence, its attribution after the last quote
            found[n] = (start, Quote(q.text, nq.speaker, nq.role))
            continue
        para_start = text.rfind("\n", 0, span.mark_start) + 1
        if text[para_start : span.mark_start].strip():
            continue
        next_para = gap.count("\n\n") == 1 and _NEXT_PARAGRAPH_COLON_RE.match(gap)
        # «…». Con la sindaca uscente «…». Queste le parole di X: same paragraph, nobody named between
        same_para = "\n" not in gap and len(gap) <= 200 and not _TWO_CAPS.search(gap)
        if next_para or same_para:
            found[n] = (start, Quote(q.text, nq.speaker, nq.role))


def _statement_goes_on(
    piece: Piece, found: list[tuple[int, Quote]], by_start: dict[int, Span], unnamed: set[int]
) -> None:
    """A quote nobody is named for goes on the statement of the quote before it, in a chain over paragraphs
    (``«…», ha detto X. / Un comportamento … / «…»``): same post, at most two paragraphs between, nobody else
    named between them or around the quote, no interview question between."""
    for n in range(1, len(found)):
        (pstart, pq), (start, q) = found[n - 1], found[n]
        if q.speaker or start not in unnamed or not pq.speaker:
            continue
        span, pspan = by_start.get(start), by_start.get(pstart)
        if span is None or pspan is None:
            continue
        group = _group_speaks(piece, span)
        if (q.role or group) and not (group and _joint_goes_on(piece, pspan, span)):
            continue  # a group speaks: only "i due/tre …" going on a joint statement of named people
        if _goes_on(piece, pspan.mark_end, span, pq.speaker):
            found[n] = (start, Quote(q.text, pq.speaker, q.role or pq.role))


def _group_speaks(piece: Piece, span: Span) -> bool:
    """A numbered group ("i due consiglieri") in the span's asides or after it in its paragraph."""
    stop = piece.text.find("\n", span.mark_end)
    return bool(_NUMBERED_GROUP_RE.search(piece.text, span.start, stop if stop >= 0 else len(piece.text)))


def _joint_goes_on(piece: Piece, pspan: Span, span: Span) -> bool:
    """``«…» – concludono i due consiglieri – «…»`` after a statement its paragraph gives to two named people or
    more: the numbered group is those signers, the first of them speaks (as for a joint statement)."""
    text = piece.text
    a = text.rfind("\n", 0, pspan.mark_start) + 1
    b = text.find("\n", pspan.mark_end)
    named = _mentions_in(text[a : b if b >= 0 else len(text)], piece.people, text, a)
    return len({p.name for _, _, p in named}) >= 2


_SENTENCE_TEXT_RE = re.compile(r"[^.!?\n]+")


def _goes_on(piece: Piece, end: int, span: Span, speaker: str) -> bool:
    """``speaker``'s statement, closed at ``end``, goes on in ``span``: see _statement_goes_on."""
    text, paras = piece.text, piece.paras
    p_last, p_now = _para_index(paras, end - 1), _para_index(paras, span.mark_start)
    if (
        p_last < 0
        or p_now < p_last
        or p_now - p_last > _GOES_ON_PARAGRAPHS
        or _new_post_between(text, end, span.mark_start)
    ):
        return False
    para_end = paras[p_now][1]
    for a, b in paras[p_last + 1 : p_now]:
        para = text[a:b].rstrip()
        if para.endswith("?"):
            return False  # an interview's question: the answer is the interviewee's, not the last speaker's
        if b - a > _NARRATIVE_CHARS and para.endswith(".") and not _MARK_RE.search(para):
            return False  # a paragraph of narration of its own: the piece has moved on (an intertitle has not)
    if _POST_OPENS_RE.search(text, end, span.mark_start):
        return False  # "Ore 20.00 Mosca: «…»": a new post of a live blog
    own = fold(speaker.split()[-1])
    around = _QUOTED_WORDS_RE.sub(lambda m: " " * len(m.group(0)), text[end:para_end])
    asides = " ".join(m.group(0) for m in _DASH_ASIDE_RE.finditer(text, span.start, span.end))
    if any(fold(p.name.split()[-1]) != own for _, _, p in _mentions_in(asides, piece.people, text)):
        return False  # «… – ha affermato il consigliere Y – …»: Y's own statement
    for m in _OTHER_SAYS_RE.finditer(f"{around} {asides}"):
        if not m.group(0).lower().startswith(("secondo", "per ")) and fold(m.group(1) or "") != own:
            return False  # "aggiunge fra Etjen", "– si è espresso Damato –", "commentano i segretari": another speaks
    for sentence in _SENTENCE_TEXT_RE.finditer(around):
        named = _mentions_in(sentence.group(0), piece.people, text, end + sentence.start())
        words = sentence.group(0)
        others = [(a, b) for a, b, p in named if fold(p.name.split()[-1]) != own and not _complement(words, a)]
        if others and (
            len(others) == len(named) or any(_SUBJECT_FOLLOWS_RE.match(words, b) for _, b in others)
        ):  # another person speaks or is the subject; "affermano X e Y": Y signs X's statement
            return False
    return True


_POST_OPENS_RE = re.compile(r"\n\s*(?:[Oo]re\s+)?\d{1,2}[.:]\d{2}\b")
_DASH_ASIDE_RE = re.compile(r"\s[-–—]\s[^-–—\n]{1,150}?\s[-–—](?=\s|$)")
_OTHER_SAYS_RE = re.compile(
    r"(?<![\w'])(?:" + VERB + r")\s+(?:(?:poi|anche|quindi|invece|ancora)\s+)?"
    r"(?:(?:i|gli|le)\s+(?!(?:due|tre|quattro|cinque)\s)[^\W\d_]|(?:(?:fra|don|suor|padre)\s+)?([A-ZÀ-Ý][\w'-]+))"
)
_NUMBERED_GROUP_RE = re.compile(r"\b(?:i|gli|le)\s+(?:due|tre|quattro|cinque)\s+[a-zà-ù]")
_NARRATIVE_CHARS = 120  # longer than an intertitle or a one-line comment ("Una struttura innovativa ed efficiente.")
_GOES_ON_PARAGRAPHS = 3  # the paragraph of the quote at most three after the one where the statement closed


def _para_index(paras: list[tuple[int, int]], pos: int) -> int:
    return next((i for i, (a, b) in enumerate(paras) if a <= pos <= b + 1), -1)


def _near(paras: list[tuple[int, int]], last_end: int, span: Span) -> bool:
    """The previous quote is close enough to lend its speaker: same paragraph, or the next one nearby."""
    if last_end < 0:
        return False
    p_last, p_now = _para_index(paras, last_end - 1), _para_index(paras, span.mark_start)
    return p_now == p_last or (p_now == p_last + 1 and span.mark_start - last_end <= 300)


_SUBJECT_FOLLOWS_RE = re.compile(
    r"\s+(?:(?:non|si|ne|lo|la|le|gli|ci|poi|anche|invece|però|già)\s+)*"
    r"(?:ha|hanno|è|aveva|[a-zà-ù]{3,}(?:a|e|ano|ono|ò))(?![\w'])"
)


_SENTENCE_OR_CONNECTIVE_BEFORE_RE = re.compile(
    r"(?:^|[.!?;]\s+|\n|\b(?i:intanto|mentre|poi|e|ma|quindi|infine|anche)\s+)$"
)


def _new_subject_between(piece: Piece, end: int, span: Span, speaker: str) -> bool:
    """Between the previous quote and this one another person of the piece opens a clause as the subject of a
    verb (``Intanto Salvini pensa … e ha affermato che «``): the previous speaker does not go on."""
    between = piece.text[end : span.mark_start]
    own = fold(speaker.split()[-1])
    for start, stop, person in _mentions_in(between, piece.people, piece.text, end):
        if fold(person.name.split()[-1]) == own or _complement(between, start):
            continue
        if not _SENTENCE_OR_CONNECTIVE_BEFORE_RE.search(between[:start]):
            continue
        verb = _SUBJECT_FOLLOWS_RE.match(between, stop)
        if verb and verb.group(0).split()[-1] not in _NOT_VERBS:
            return True
    return False


_SENTENCE_MARK_RE = re.compile(r"[.!?]")
_BREAK_OR_QUOTE_MARK_RE = re.compile(r"[.!?:;«»“”\"\n]")
_FEW_WORDS_AFTER_BREAK_RE = re.compile(r"[.!?:]\s*(?:\S+\s+){0,3}$")


def _continues(
    text: str, paras: list[tuple[int, int]], last_end: int, span: Span, speaker: str | None, reach: int = 1
) -> bool:
    """An unattributed span goes on with the previous speaker: close by, same or next paragraph, no new name."""
    if last_end < 0 or span.mark_start - last_end > 800 * reach:
        return False
    between = text[last_end : span.mark_start]
    if _NOT_A_SOURCE.search(_SENTENCE_OR_LINE_SPLIT_RE.split(between)[-1]):
        return False
    para_of = [i for i, (a, b) in enumerate(paras) if a <= last_end <= b + 1]
    para_now = [i for i, (a, b) in enumerate(paras) if a <= span.mark_start <= b]
    if not para_of or not para_now or para_now[0] - para_of[0] > reach:
        return False
    fnames = first_names()
    own = fold(speaker.split()[-1]) if speaker else ""
    for m in _NAME_RE.finditer(between):
        toks = m.group(1).split()
        if not any(fold(t) in fnames for t in toks[:-1]) or fold(toks[-1]) == own:
            continue  # not a person's full name ("Poi Anna Verdi" is one), or the speaker again
        # another person who speaks or leads a sentence takes over; one named in passing ("con la premier
        # Giorgia Meloni") does not
        if _complement(between, m.start(1)):
            continue  # "ricorda l'incontro con X: «…»": a complement, not a new speaker
        at_own = between.rfind(speaker.split()[-1], 0, m.start(1)) if speaker else -1
        follow = _SENTENCE_MARK_RE.split(between[m.end(1) : m.end(1) + 50], maxsplit=1)[0]
        if (
            at_own >= 0
            and not _BREAK_OR_QUOTE_MARK_RE.search(between[at_own : m.start(1)])
            and not _VERB_RE.search(follow)
            and not follow.lstrip().startswith(":")
        ):
            continue  # "dicono il sindaco X, l'assessore Y, l'assessore Z.": co-signers of X's joint statement
        if not between[m.end(1) :].strip(" ,:–—-"):
            return False  # "… anche il sindaco X «…»": a name right before the quote is its speaker
        lead = not between[: m.start(1)].strip() or _FEW_WORDS_AFTER_BREAK_RE.search(between[: m.start(1)])
        says = _SAYS_AFTER_NAME_RE.match(between[m.end(1) :])
        if lead or says:
            return False
    lead_in = _SURNAME_COLON_RE.search(between)  # "Posizione condivisa da Serafini: «…»": another one leads in
    if lead_in and fold(lead_in.group(1)) != own and fold(lead_in.group(1)) not in _NOT_NAMES:
        whole = _NAME_RUN_COLON_RE.search(between)
        last = _SENTENCE_OR_LINE_SPLIT_RE.split(between.rstrip())[-1]
        subjectless = whole and _complement(between, whole.start(1)) and _SUBJECTLESS_COLON_RE.match(last)
        if not subjectless and not _CLAUSE_ONLY_COLON_RE.match(last):  # "E dopo aver letto il decreto di X:"
            return False  # "Posizione condivisa da X:" leads X in; "E ricorda l'incontro con X:" does not
    verbs = _VERB_RE.finditer(between) if _NAME_THEN_STOP_RE.search(between) else ()
    for verb in verbs:  # "…, ha spiegato Corbelli. «…»": another speaker, by surname
        other = _SURNAME_AFTER_VERB_RE.match(between, verb.end())
        surname = other.group(1).split()[-1] if other else ""
        if other and fold(surname) != own and fold(surname) not in _NOT_NAMES:
            return False
    return True


_NAME_THEN_STOP_RE = re.compile(r"[A-ZÀ-Ý][\w']+\s*(?:[.,;:]|$)")  # a cheap test before the verb search
_NAME_RUN_COLON_RE = re.compile(r"(?<![\w'])((?:" + _NAME_TOKEN + r"\s+){0,2}" + _NAME_TOKEN + r")\s*:\s*$")
_SURNAME_COLON_RE = re.compile(r"(?<![\w'])(" + _NAME_TOKEN + r")\s*:\s*$")
_SURNAME_AFTER_VERB_RE = re.compile(
    r"\s+(?:anche\s+|poi\s+)?(" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){0,2})(?=\s*[.,;:]|\s*$)"
)


_CLOSERS = '»”"'


_CLAUSE_BREAK_RE = re.compile(r"[.;:!?\n]")


def _mentions_in(
    segment: str, people: list[Person], text: str, at: int = 0, roles_within: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, Person]]:
    """People named in a stretch of text, by position (start, end, person), overlaps dropped: full names and
    surnames of people the piece names, and roles (``il vescovo Anselmi``, ``l'assessore``) resolved to the
    person holding them (only the roles opening between the bounds of ``roles_within``, when given)."""
    found: list[tuple[int, int, Person]] = []
    for p in people:
        toks = p.name.split()
        for form in {p.name, toks[-1]} if len(toks) > 1 else {p.name}:
            pos = segment.find(form)
            while pos >= 0:  # str.find, not a pattern per person: this runs for every unread quote
                end = pos + len(form)
                if (pos == 0 or not (segment[pos - 1].isalnum() or segment[pos - 1] in "'_")) and (
                    end == len(segment) or not (segment[end].isalnum() or segment[end] == "_")
                ):
                    found.append((pos, end, p))
                pos = segment.find(form, pos + 1)
    # the whole piece (the speaker candidates' mentions) was scanned for roles already, for its people
    for r_start, r_end in _roles_at(segment) if segment is text else _roles_in(segment):
        if roles_within is not None and not any(a <= r_start < b for a, b in roles_within):
            continue
        parsed = _parse_attribution(_CLAUSE_BREAK_RE.split(segment[r_start : r_start + 120], maxsplit=1)[0])
        if parsed.speaker:
            person = _resolve(parsed.speaker, None, people, None, text)
        elif parsed.role_word and parsed.role_word not in ("capo", "ex", "leader"):
            person = _resolve(None, parsed.role_word, people, None, text, at + r_start)
        else:
            continue
        if person.name and not _is_entity(person.name, people):
            found.append((r_start, r_end, Person(person.name, person.role or parsed.role)))
    found.sort(key=lambda f: (f[0], -f[1]))
    kept: list[tuple[int, int, Person]] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            continue  # the surname inside a full name, a name inside its role's attribution
        kept.append(f)
    return kept


def _roles_in(segment: str) -> list[tuple[int, int]]:
    """Where a role opens in a stretch of text (``_ROLE_AT``): by the lower-cased pattern, 3× faster, when
    lower-casing keeps the offsets."""
    low = segment.lower()
    found = _ROLE_AT_LOWER.finditer(low) if len(low) == len(segment) else _ROLE_AT.finditer(segment)
    return [(r.start(), r.end()) for r in found]


@lru_cache(maxsize=1)
def _roles_at(text: str) -> list[tuple[int, int]]:
    """:func:`_roles_in` of a whole piece, read for the people it names and again for the mentions of the
    speaker candidates (``speaker_model``)."""
    return _roles_in(text)


# What joins the names of a pair or a list, with the first one's role between: ", ", " e ", ", della Uil, e ".
_PAIRED_RE = re.compile(r"\s*(?:,|e|ed)\s*|\s*,[^.;:!?«»\"“”]{1,80}?,?\s+(?:e|ed)\s+")


# A preposition right before a name: the person is a complement ("chiamato dal ministro X", "ricevuta da X",
# "insieme alla presidente X"), not the subject who speaks.
_COMPLEMENT_END_RE = re.compile(
    r"(?:^|[\s'])(?:da|dal|dalla|dallo|dall'|dai|dagli|dalle|a|ad|al|alla|allo|all'|ai|agli|alle|con|col|"
    r"coi|verso|contro|tra|fra|assieme\s+a|insieme\s+a)\s*(?:(?:il|la|lo|l'|i|gli|le)\s*)?$",
    re.IGNORECASE,
)


# A noun and a preposition before a name: the name is the object or topic of the sentence ("sugli attacchi di
# X", "sul processo a X", "contro X"), never its subject.
_OBJECT_BEFORE_RE = re.compile(
    r"(?:(?:^|\s)[a-zà-ù]{3,}\s+(?:(?:di|del|della|dello|dei|degli|delle|a|ad|al|alla)\s|dell'|d'|all')"
    r"|(?:^|\s)(?:(?:su|sul|sulla|sullo|sui|sugli|sulle|contro|verso|con|per|tra|fra|nei\s+confronti\s+d\w+)\s"
    r"|sull')(?:\s*(?:il|la|lo|i|gli|le)\s|\s*l')?)\s*(?:[a-zà-ù]+\s+)?$"
)


def _complement(segment: str, start: int) -> bool:
    """The name at ``start`` follows a preposition: a complement of the sentence, not its subject."""
    return bool(_COMPLEMENT_END_RE.search(segment[max(0, start - 30) : start]))


def _subject_named(named: list[tuple[int, int, Person]], segment: str) -> Person:
    """The person named last as a subject in ``segment``; nobody when every mention is a complement
    (``affiancato dal capitano X``)."""
    subjects = [
        k
        for k, (start, _, person) in enumerate(named)
        if not _complement(segment, start)
        and not _OBJECT_BEFORE_RE.search(segment[max(0, start - 40) : start])
        and not (k and named[k - 1][2].name == person.name and _complement(segment, named[k - 1][0]))
    ]  # "su attacchi Salvini", "con il sindaco X": a topic or a complement is no subject
    return _last_named(named[: subjects[-1] + 1], segment) if subjects else Person("")


_CLAUSE_BREAK_OR_PAREN_RE = re.compile(r"[.;:!?(]")
_CLAUSE_BREAK_OR_QUOTE_RE = re.compile(r"[.;:!?«»\"“”]")


def _last_named(named: list[tuple[int, int, Person]], segment: str) -> Person:
    """The person named last as a subject (not after "da", "con", "alla"), or the first of the pair or list it
    closes (``i consiglieri Alessandro Carrara e Alberto Ribolla`` speak through the first-named, as a joint
    statement is annotated)."""
    i = len(named) - 1
    comp: list[bool] = []
    for k, (start, _, person) in enumerate(named):
        same = k > 0 and named[k - 1][2].name == person.name and comp[k - 1]
        comp.append(
            _complement(segment, start)
            or bool(same and not _CLAUSE_BREAK_OR_PAREN_RE.search(segment[named[k - 1][1] : start]))
        )  # "dal ministro per la Protezione civile X": the role and its holder are one complement
    subject = next((k for k in range(i, -1, -1) if not comp[k]), None)
    i = i if subject is None else subject
    while i > 0 and (
        _PAIRED_RE.fullmatch(segment[named[i - 1][1] : named[i][0]])
        or named[i - 1][2].name == named[i][2].name
        and not _CLAUSE_BREAK_OR_QUOTE_RE.search(segment[named[i - 1][1] : named[i][0]])
        and named[i][0] - named[i - 1][1] <= 80
    ):  # "l'assessore ai Lavori pubblici, Manzoni": the role and the name are one mention
        i -= 1
    return named[i][2]


# The subject of the clause leading into a quote is an unnamed group: "le difese hanno chiesto", "i sindaci
# chiedono"; the quote has no named speaker (the group is no person).
_GROUP_SAYS_RE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:mentre|e|ma)\s+)(?:i|gli|le)\s+(?:(?:due|tre|quattro|cinque|tanti|molti)\s+)?"
    r"[a-zà-ù]{4,}(?:\s+[a-zà-ù]{4,})?\s+(?:hanno|avevano|avrebbero)\s+[a-zà-ù]+[^.;:!?«»\"“”]*$"
)


_GROUP_BEFORE_RE = re.compile(r"\b(?:i|gli|le)\s+" + alternation(_GROUP_NOUNS) + r"\s*$", re.IGNORECASE)


_BREAK_OR_SOURCE_RE = re.compile(r"[.!?:;]|\b(?:per|secondo)\s")


def _nearest_speaker(text: str, span: Span, people: list[Person]) -> Person:
    """The person the quote's own paragraph names nearest to it, when no attribution pattern read one:
    the last one named between the previous quote (or the paragraph's start) and the opening mark, else the
    first one named after the closing mark before the next quote. Nobody when the paragraph names nobody."""
    para_start = text.rfind("\n", 0, span.mark_start) + 1
    para_end = text.find("\n", span.mark_end)
    para_end = len(text) if para_end < 0 else para_end
    before_at = para_start + max(text[para_start : span.mark_start].rfind(c) for c in _CLOSERS) + 1
    before = text[before_at : span.mark_start]
    if _GROUP_SAYS_RE.search(before) or _GROUP_BEFORE_RE.search(before):
        return Person("")  # "mentre le difese hanno richiesto … «…»", "gli inquirenti «hanno …»": a group speaks
    named = _mentions_in(before, people, text, before_at)
    if named:
        return _last_named(named, before)
    after = "" if span.open_end else text[span.mark_end : para_end]
    cut = min((i for i in (after.find(c) for c in '«“"') if i >= 0), default=len(after))
    gap = after[:cut]
    if cut < len(after) and not _BREAK_OR_SOURCE_RE.search(gap) and not _VERB_RE.search(gap):
        return Person("")  # «…cosa» il presidente X «abbia in mente»: a name between two pieces of one sentence
    after = after[:cut]
    named = _mentions_in(after, people, text, span.mark_end)
    return named[0][2] if named else Person("")
