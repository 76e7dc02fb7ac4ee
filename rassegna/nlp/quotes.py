"""Quotes: direct speech in « », “ ”, " " (and block quotes signed by a name), with speaker and role."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rassegna.domain import Quote
from rassegna.nlp.gazetteer import first_names
from rassegna.nlp.textutil import fold, normalise, paragraphs

# Reporting verbs as surface forms (lemmatisers get them wrong): present, and auxiliary + participle.
_PRESENT = (
    'dichiara', 'dichiarano', 'commenta', 'commentano', 'spiega', 'spiegano', 'sottolinea', 'sottolineano',
    'afferma', 'affermano', 'dice', 'dicono', 'aggiunge', 'aggiungono', 'precisa', 'osserva', 'conclude',
    'concludono', 'continua', 'prosegue', 'evidenzia', 'racconta', 'raccontano', 'ribadisce', 'annuncia',
    'sostiene', 'illustra', 'interviene', 'riferisce', 'rileva', 'puntualizza', 'ammette', 'assicura',
    'conferma', 'chiarisce', 'specifica', 'replica', 'risponde', 'esordisce', 'ricorda', 'rimarca',
    'auspica', 'scrive', 'fa sapere', 'fa notare', 'spiega ancora', 'dichiara ancora', 'aggiunge ancora',
    'commenta così', 'le parole di', 'parola di', 'secondo', 'ne parla', 'parla',
)  # fmt: skip
_PARTICIPLES = (
    'dichiarato', 'detto', 'spiegato', 'commentato', 'sottolineato', 'affermato', 'aggiunto', 'precisato',
    'osservato', 'concluso', 'continuato', 'evidenziato', 'raccontato', 'ribadito', 'annunciato',
    'sostenuto', 'illustrato', 'riferito', 'puntualizzato', 'ammesso', 'assicurato', 'confermato',
    'chiarito', 'specificato', 'replicato', 'risposto', 'esordito', 'rilevato', 'ricordato', 'rimarcato',
    'auspicato', 'scritto', 'fatto sapere', 'fatto notare', 'voluto sottolineare', 'tenuto a sottolineare',
    'voluto ricordare',
)  # fmt: skip
_AUX = r"(?:ha|hanno|aveva|avevano|avrebbe)\s+(?:poi\s+|anche\s+|inoltre\s+|infatti\s+|quindi\s+|così\s+)?"
VERB = (
    r"(?:" + _AUX + r"(?:" + "|".join(sorted(_PARTICIPLES, key=len, reverse=True)) + r")"
    r"|è\s+intervenut[oa]|(?:" + "|".join(sorted(_PRESENT, key=len, reverse=True)) + r"))"
)
_VERB_RE = re.compile(r"(?<![\w'])" + VERB + r"(?![\w])", re.IGNORECASE)

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
)  # fmt: skip
_ROLE_START = re.compile(
    r"(?:(?:l'|il\s+|la\s+|lo\s+|dell'|del\s+|della\s+)\s*)?(?:" + "|".join(ROLE_WORDS) + r")\b",
    re.IGNORECASE,
)
_NAME_TOKEN = r"(?:[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?'?|[A-ZÀ-Ý]{2,}(?![a-z]))"
_PARTICLE = (
    r"(?:D'|Dell'|De\s+|Di\s+|Del\s+|Della\s+|Dello\s+|Lo\s+|La\s+|Li\s+|Da\s+|Dal\s+|Dalla\s+|Mac|Mc)"
)
_NAME_RE = re.compile(
    r"(?<![\w'])("
    + _NAME_TOKEN
    + r"(?:\s+"
    + _NAME_TOKEN
    + r")?(?:\s+"
    + _PARTICLE
    + r"?"
    + _NAME_TOKEN
    + r")"
    r"(?:\s+" + _NAME_TOKEN + r")?)"
)
_OPEN_CLOSE = {"«": "»", "“": "”", "„": "“"}
_NOT_A_SOURCE = re.compile(
    r"\b(?:nota|comunicato|documento|slogan|motto|titolo|progetto|iniziativa|programma|campagna|logo|obiettivo|"
    r"scopo|finalità|denominat[oa]|chiamat[oa]|intitolat[oa]|detto|definit[oa])\b[^.!?,:]{0,40}$"
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


@dataclass(slots=True)
class Person:
    """A person named in the text."""

    name: str
    role: str | None = None


def find_spans(text: str) -> list[Span]:
    """Quoted passages of a normalised text, outermost first, ordered by position (no nesting)."""
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []

    def free(pos: int) -> bool:
        return not any(a <= pos < b for a, b in taken)

    for opener, closer in _OPEN_CLOSE.items():
        pos = 0
        while True:
            i = text.find(opener, pos)
            if i < 0:
                break
            j = text.find(closer, i + 1)
            if j < 0:
                break
            nested = text.find(opener, i + 1, j)
            if nested >= 0 and opener != closer:
                # a nested pair: skip to the matching closer
                depth, k = 0, i + 1
                while k < len(text):
                    if text[k] == opener:
                        depth += 1
                    elif text[k] == closer:
                        if depth == 0:
                            break
                        depth -= 1
                    k += 1
                j = k if k < len(text) else j
            if free(i):
                spans.append(Span(i + 1, j, i, j + 1))
                taken.append((i, j + 1))
            pos = j + 1
    # Straight quotes: pair an opening mark (after space or start) with the next closing one.
    open_at = None
    for m in re.finditer('"', text):
        i = m.start()
        if not free(i):
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            if (before.isspace() or before in "([-–—'’:,;") and not after.isspace():
                open_at = i
        elif not before.isspace() or after.isspace() or after in ".,;:!?)":
            if i - open_at < 4000:
                spans.append(Span(open_at + 1, i, open_at, i + 1))
                taken.append((open_at, i + 1))
            open_at = None
    spans.sort(key=lambda s: s.start)
    return spans


def _clean_role(role: str) -> str | None:
    role = re.split(
        r"\s+[-–—]\s*|\s*[-–—]\s+|[.;:!?\n()«»\"“”]|,\s*(?:sottolineando|spiegando|aggiungendo|evidenziando|che|"
        r"il quale|la quale|ha|hanno|nel corso|durante|in occasione|a margine|intervenut)\b",
        role,
    )[0]
    role = re.sub(r"^(?:l'|il\s+|la\s+|lo\s+)", "", role.strip(" ,"), flags=re.IGNORECASE).strip(" ,'")
    words = role.split()
    if not words or len(words) > 20:
        return None
    return role


def _trailing_name(attr: str) -> tuple[int, int] | None:
    """Offsets of a ``Name Surname`` closing the first clause of a role-first attribution, if any."""
    clause = re.split(
        r",\s*(?:sottolineando|spiegando|aggiungendo|evidenziando|che|il quale|la quale)\b|[;.\n]|\s[-–—]\s",
        attr,
    )[0].rstrip(" ,")
    m = re.search(r"(" + _NAME_TOKEN + r"\s+" + _PARTICLE + r"?" + _NAME_TOKEN + r")$", clause)
    if not m:
        return None
    prev = re.search(r"(\S+)\s*$", clause[: m.start(1)])
    prev_word = prev.group(1) if prev else ""
    if prev_word and not (
        prev_word[0].isupper() or prev_word.endswith(",") or _ROLE_START.fullmatch(prev_word)
    ):
        return None
    return m.start(1), m.end(1)


def _parse_attribution(attr: str) -> tuple[str | None, str | None, str | None]:
    """(speaker, role, bare role word) from an attribution like ``Mario Rossi, sindaco di Bari``."""
    attr = attr.strip(" ,-–—")
    names = list(_NAME_RE.finditer(attr))
    role_first = _ROLE_START.match(attr)
    fnames = first_names()
    if role_first:
        # "l'Assessore ai Servizi Sociali del Comune di Latina Michele Nasso, ..."
        person = None
        for m in names:
            toks = m.group(1).split()
            for t_i, tok in enumerate(toks):
                if fold(tok) in fnames and t_i + 1 < len(toks):
                    person = (m.start(1) + m.group(1).index(tok), m.end(1))
                    break
            if person:
                break
        if person:
            name = attr[person[0] : person[1]]
            role = _clean_role(attr[: person[0]])
            if role is None or not role.strip():
                role = _clean_role(attr[person[1] :].lstrip(" ,"))
            return name, role, None
        trailing = _trailing_name(attr)
        if trailing:
            name = attr[trailing[0] : trailing[1]]
            return name, _clean_role(attr[: trailing[0]]), None
        # "l'assessore Ficocelli" or "L'Assessore"
        word = role_first.group(0).split()[-1].split("'")[-1]
        rest = attr[role_first.end() :]
        sur = re.match(r"\s+(" + _PARTICLE + r"?" + _NAME_TOKEN + r")\s*(?:$|[,.;\-–—])", rest)
        if sur:
            return sur.group(1), None, word
        return None, _clean_role(attr), word
    first = re.match(r"\s*(" + _NAME_TOKEN + r"(?:\s+" + _PARTICLE + r"?" + _NAME_TOKEN + r"){0,3})", attr)
    if first and not _ROLE_START.match(first.group(1)):
        name = first.group(1)
        rest = attr[first.end() :]
        role = None
        rm = re.match(r"\s*(?:,|\(|[-–—])\s*(.+)", rest, re.DOTALL)
        if rm:
            role = _clean_role(rm.group(1))
        return name, role, None
    return None, None, None


def _people(text: str) -> list[Person]:
    """Full names (first name + surname) mentioned in the text, with a role when one follows."""
    fnames = first_names()
    out: list[Person] = []
    for m in _NAME_RE.finditer(text):
        toks = m.group(1).split()
        for t_i, tok in enumerate(toks):
            if fold(tok) in fnames and t_i + 1 < len(toks):
                name = " ".join(toks[t_i:])
                role = None
                rm = re.match(
                    r"\s*,\s*(" + _ROLE_START.pattern + r".*)", text[m.end(1) : m.end(1) + 200], re.I
                )
                if rm:
                    role = _clean_role(rm.group(1))
                else:
                    before = re.search(
                        r"(" + _ROLE_START.pattern + r"[^.;:«»\"“”]{0,120})$", text[: m.start(1)]
                    )
                    if before:
                        role = _clean_role(before.group(1))
                out.append(Person(name, role))
                break
    return out


def _resolve(speaker: str | None, role_word: str | None, people: list[Person], last: Quote | None) -> Person:
    """Surname-only or role-only speakers → the full name introduced earlier in the piece."""
    if speaker and len(speaker.split()) >= 2 and fold(speaker.split()[0]) in first_names():
        return Person(speaker)
    if speaker:
        key = fold(speaker.split()[-1])
        for p in people:
            if fold(p.name.split()[-1]) == key or fold(p.name).endswith(fold(speaker)):
                return Person(p.name, p.role)
        return Person(speaker)
    if role_word:
        rw = fold(role_word)
        if last and last.role and rw[:6] in fold(last.role):
            return Person(last.speaker or "", last.role)
        for p in reversed(people):
            if p.role and rw[:6] in fold(p.role):
                return Person(p.name, p.role)
        if last and last.speaker:
            return Person(last.speaker, last.role)
    return Person("")


_ATTR_TAIL = r"([^\n]*?)(?=\s+[-–—](?:\s|$)|[.;!?](?:\s|$)|$|\n)"


def _attribution(text: str, span: Span) -> tuple[str | None, str | None, str | None] | None:
    """Speaker, role and bare role word of a span, from inside, after or before it; None when unattributed."""
    inner = text[span.start : span.end]
    # 1. Interrupted: «... – ha spiegato X, ruolo – ...»
    for m in re.finditer(r"(?:^|\s)[-–—,]\s*(" + VERB + r")\s+", inner, re.IGNORECASE):
        tail = inner[m.end() :]
        end = re.search(r"\s[-–—](?:\s|$|\.)|[-–—]\s|$", tail)
        attr = tail[: end.start()] if end else tail
        parsed = _parse_attribution(attr)
        if parsed[0] or parsed[2]:
            return parsed
    after = text[span.mark_end : span.mark_end + 400]
    # 2. After: «...», dichiara X, ruolo.  /  «...» (X, ruolo)
    m = re.match(r"\s*[,.]?\s*[-–—]?\s*(" + VERB + r")\b[ \t]*" + _ATTR_TAIL, after, re.IGNORECASE)
    if m:
        attr = after[m.start(2) : m.start(2) + 300]
        attr = re.split(r"[.;!?](?:\s|$)|\n", attr)[0]
        parsed = _parse_attribution(attr)
        if parsed[0] or parsed[2]:
            return parsed
        return None, None, "ultimo"
    m = re.match(
        r"\s*[,(]\s*(" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){1,3})\s+(" + VERB + r")\b", after
    )
    if m:
        return m.group(1), None, None
    m = re.match(r"\s*\(([^()]{3,150})\)", after)
    if m:
        parsed = _parse_attribution(m.group(1))
        if parsed[0]:
            return parsed
    # 3. Before: "X, ruolo, ha dichiarato: «", "L'Assessore ha aggiunto: «", "Secondo X, «", "spiega X, «"
    before = text[max(0, span.mark_start - 400) : span.mark_start]
    sentence = re.split(r"(?<=[.!?»”])\s+|\n", before)[-1]
    if _NOT_A_SOURCE.search(sentence):
        return None
    stripped = sentence.rstrip()
    if stripped.endswith((":", ",")):
        m = re.search(r"(?:^|[\s,])(" + VERB + r")\s+([^:]*?)\s*[:,]\s*$", sentence, re.IGNORECASE)
        if m:
            parsed = _parse_attribution(m.group(2))
            if parsed[0] or parsed[2]:
                return parsed
    if stripped.endswith(":"):
        m = re.search(r"(?:^|[.;]\s*)([^.;]*?)\s+(" + VERB + r")\s*:\s*$", sentence, re.IGNORECASE)
        if m:
            parsed = _parse_attribution(m.group(1))
            if parsed[0] or parsed[2]:
                return parsed
        m = re.search(
            r"(?:^|\s)("
            + _NAME_TOKEN
            + r"(?:\s+"
            + _NAME_TOKEN
            + r"){1,3})\s*(?:\(([^()]{3,150})\))?\s*:\s*$",
            sentence,
        )
        if m and (fold(m.group(1).split()[0]) in first_names() or _ROLE_START.search(sentence[: m.start(1)])):
            return m.group(1), _clean_role(m.group(2) or "") if m.group(2) else None, None
    return None
    m = re.search(r"(?:^|[.;]\s*)([^.;]*?)\s+(" + VERB + r")\s*(.*?)\s*[:,]?\s*$", sentence, re.IGNORECASE)
    if m and (sentence.rstrip().endswith(":") or re.match(r"secondo|le parole|parola", m.group(2), re.I)):
        attr = m.group(1) if m.group(1).strip() else m.group(3)
        if re.match(r"secondo|le parole|parola", m.group(2), re.I):
            attr = m.group(3)
        parsed = _parse_attribution(attr)
        if parsed[0] or parsed[2]:
            return parsed
    m = re.search(
        r"(?:^|\s)(" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){1,3})\s*(?:\(([^()]{3,150})\))?\s*:\s*$",
        sentence,
    )
    if m and fold(m.group(1).split()[0]) in first_names():
        return m.group(1), _clean_role(m.group(2) or "") if m.group(2) else None, None
    return None


def _block_quotes(text: str, taken: Iterable[tuple[int, int]]) -> list[tuple[int, int, str, str | None]]:
    """Unmarked block quotes: a paragraph followed by a paragraph that is only ``Name Surname, role.``."""
    paras = paragraphs(text)
    taken = list(taken)
    out = []
    fnames = first_names()
    for (ps, pe), (qs, qe) in zip(paras, paras[1:], strict=False):
        sig = text[qs:qe].strip()
        m = re.fullmatch(
            r"(" + _NAME_TOKEN + r"(?:\s+" + _PARTICLE + r"?" + _NAME_TOKEN + r"){1,3}),\s*(.{3,200}?)\.?",
            sig,
        )
        if not m or fold(m.group(1).split()[0]) not in fnames or not _ROLE_START.match(m.group(2)):
            continue
        if len(text[ps:pe].split()) < 8 or any(a < pe and ps < b for a, b in taken):
            continue
        out.append((ps, pe, m.group(1), _clean_role(m.group(2))))
    return out


def extract_quotes(text: str, extra_people: Iterable[str] = ()) -> list[Quote]:
    """Quotes of a text in order, each with speaker and role when the article gives them."""
    norm = normalise(text)
    people = _people(norm) + [Person(p) for p in extra_people]
    found: list[tuple[int, Quote]] = []
    last: Quote | None = None
    spans = find_spans(norm)
    for span in spans:
        inner = norm[span.start : span.end].strip()
        if len(inner.split()) < 3:
            continue  # titles, terms: “ponte”, "LgNet2"
        att = _attribution(norm, span)
        if att is None:
            continue
        speaker, role, role_word = att
        if role_word == "ultimo":
            person = Person(last.speaker or "", last.role) if last else Person("")
        else:
            person = _resolve(speaker, role_word, people, last)
            if speaker and not role or not speaker and role_word and not role:
                role = person.role
            elif not speaker and role_word:
                role = person.role or role
        quoted = text[span.start : span.end].strip()
        q = Quote(text=quoted, speaker=person.name or None, role=role or person.role)
        found.append((span.start, q))
        last = q
    taken = [(s.mark_start, s.mark_end) for s in spans]
    for ps, pe, name, role in _block_quotes(norm, taken):
        found.append((ps, Quote(text=text[ps:pe].strip(), speaker=name, role=role)))
    found.sort(key=lambda t: t[0])
    return [q for _, q in found]
