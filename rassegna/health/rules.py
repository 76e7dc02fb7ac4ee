"""Health rules over a source's daily history: pure functions, each finding explained in words (Italian)."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from rassegna.config.models import HealthSettings
from rassegna.text.italian import it_date

FAULT_WORDS = {
    "http_404": "HTTP 404, pagina non trovata",
    "http_410": "HTTP 410, pagina rimossa",
    "http_403": "HTTP 403, accesso negato",
    "http_429": "HTTP 429, troppe richieste",
    "http_5xx": "errore del server",
    "timeout": "tempo di risposta scaduto",
    "dns": "nome del sito non risolto",
    "connection": "connessione rifiutata o interrotta",
    "malformed_feed": "feed illeggibile",
    "malformed_sitemap": "sitemap illeggibile",
}
MIN_PAGES = 3  # article pages needed before the extraction rules judge a streak
# How the report and the mail say what happened, by rule ("dal 12 al 18 ottobre X non ha risposto").
RULE_WORDS = {
    "failures": "non ha risposto",
    "robots": "ha vietato l'accesso con robots.txt",
    "extraction": "ha dato pagine senza il testo degli articoli",
    "short": "ha dato testi molto più corti del solito",
    "stale": "non ha aggiornato il feed",
    "yield": "ha dato molti meno articoli del solito",
    "moved": "ha spostato la fonte",
}


@dataclass(slots=True)  # not frozen: a year of 1,000 sources is built in one go, frozen init costs thrice
class DayStats:
    """One source's counts over one day (all the day's crawl runs)."""

    day: date
    runs: int = 0
    failed_runs: int = 0
    requests: int = 0
    ok_responses: int = 0
    pages: int = 0
    links: int = 0  # new article links announced
    articles: int = 0  # article pages with a main text: the source's yield
    relevant: int = 0
    empty: int = 0  # article pages extracted empty
    text_chars: int = 0
    robots: int = 0
    median_ms: int | None = None
    faults: str = ""  # "http_404=3;timeout=1"

    @property
    def failed(self) -> bool:
        """True when every run of the day failed."""
        return self.runs > 0 and self.failed_runs >= self.runs

    @property
    def mean_chars(self) -> float | None:
        """Mean main-text length of the day's articles."""
        return self.text_chars / self.articles if self.articles else None


@dataclass(frozen=True, slots=True)
class SourceHistory:
    """A source, its run-by-run failure streak and its daily history (oldest first)."""

    outlet: str
    kind: str
    url: str
    days: tuple[DayStats, ...] = ()
    consecutive_failures: int = 0
    last_fault: str | None = None
    failing_since: datetime | None = None
    moved_to: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """Why a source is unhealthy, in words, and the day the trouble began."""

    rule: str
    reason: str
    since: date


@dataclass(frozen=True, slots=True)
class Health:
    """A source's health: ``findings`` empty means ok."""

    source: SourceHistory
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no rule fired."""
        return not self.findings


def fault_words(kind: str | None) -> str:
    """A failure kind said in words."""
    if not kind:
        return "errore"
    return FAULT_WORDS.get(kind, kind.replace("_", " "))


def _num(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _streak(days: list[DayStats], bad: Callable[[DayStats], bool]) -> tuple[list[DayStats], list[DayStats]]:
    """(the trailing run of bad days, the days before it)."""
    n = len(days)
    while n and bad(days[n - 1]):
        n -= 1
    return days[n:], days[:n]


def _failures(h: SourceHistory, s: HealthSettings, today: date) -> Finding | None:
    if h.consecutive_failures < s.consecutive_failures:
        return None
    since = h.failing_since.date() if h.failing_since else today
    return Finding(
        "failures",
        f"non risponde: {h.consecutive_failures} esecuzioni consecutive fallite ({fault_words(h.last_fault)})",
        since,
    )


def _robots(ran: list[DayStats]) -> Finding | None:
    streak, before = _streak(ran, lambda d: d.robots > 0)
    if not streak or not before or any(d.robots for d in before):
        return None  # never forbidden, or forbidden since the start: nothing new
    return Finding(
        "robots",
        f"robots.txt ora vieta le pagine usate: {streak[-1].robots} richieste negate "
        f"dal {it_day(streak[0].day)} (prima nessuna)",
        streak[0].day,
    )


def _extraction(ran: list[DayStats], s: HealthSettings) -> Finding | None:
    pages = [d for d in ran if d.articles + d.empty]

    def empty(d: DayStats) -> bool:
        return d.empty / (d.articles + d.empty) >= s.empty_share

    streak, before = _streak(pages, empty)
    enough = sum(d.empty for d in streak) >= MIN_PAGES  # one empty page on a quiet day is no pattern
    if enough and len(before) >= 3 and sum(map(empty, before)) <= 0.2 * len(before):
        last = streak[-1]
        share = round(100 * last.empty / (last.empty + last.articles))
        return Finding(
            "extraction",
            f"estrazione vuota su {last.empty} pagine di articolo su {last.empty + last.articles} ({share} %): "
            "le pagine non contengono più il testo degli articoli",
            streak[0].day,
        )
    with_text = [d for d in ran if d.articles]
    if len(with_text) <= s.min_history_days:
        return None
    # The suspect days: the last ones far under the median of the whole history read (robust to the streak);
    # judged against the window before them: under the ratio of its median day and under its shortest day
    # (a source whose quiet days carry short pieces is irregular, not broken).
    overall = statistics.median(d.mean_chars or 0 for d in with_text)
    recent, before = _streak(with_text, lambda d: (d.mean_chars or 0) < s.short_text_ratio * overall)
    baseline = [d.mean_chars or 0 for d in before[-s.window_days :]]
    if not recent or len(baseline) < s.min_history_days or sum(d.articles for d in recent) < MIN_PAGES:
        return None  # nothing suspect, too little history, or a quiet day's one short article
    usual = statistics.median(baseline)
    if not all((d.mean_chars or 0) < min(s.short_text_ratio * usual, min(baseline)) for d in recent):
        return None
    return Finding(
        "short",
        f"testo estratto di {round(recent[-1].mean_chars or 0)} caratteri in media "
        f"contro i {round(usual)} abituali: l'estrazione perde il corpo degli articoli",
        recent[0].day,
    )


def _stale(h: SourceHistory, ran: list[DayStats], s: HealthSettings) -> Finding | None:
    if h.kind != "feed":
        return None
    streak, before = _streak(ran, lambda d: d.links == 0)
    baseline = before[-s.window_days :]
    if len(streak) < s.stale_feed_days or len(baseline) < min(7, s.min_history_days):
        return None
    share = sum(1 for d in baseline if d.links) / len(baseline)
    if share < s.daily_share:
        return None
    return Finding(
        "stale",
        f"feed senza nuove notizie da {len(streak)} giorni, mentre prima si aggiornava "
        f"quasi ogni giorno ({round(100 * share)} % dei giorni)",
        streak[0].day,
    )


def _yield(ran: list[DayStats], s: HealthSettings) -> Finding | None:
    # The longest run of last days all below the threshold of the window just before them (so a drop does not
    # drag its own baseline down as it lasts); prefix sums keep each candidate length O(1).
    values = [d.articles for d in ran]
    sums, squares = [0.0], [0.0]
    for v in values:
        sums.append(sums[-1] + v)
        squares.append(squares[-1] + v * v)
    best: tuple[int, float, float, int] | None = None
    highest = 0
    for length in range(1, len(values)):
        highest = max(highest, values[-length])
        end = len(values) - length
        begin = max(0, end - s.window_days)
        n = end - begin
        if n < s.min_history_days:
            break
        mean = (sums[end] - sums[begin]) / n
        sigma = max(0.0, (squares[end] - squares[begin]) / n - mean * mean) ** 0.5
        limit = mean - s.yield_sigmas * sigma
        if highest < limit:
            best = (length, mean, limit, n)
    if best is None or best[0] < s.yield_low_days:
        return None
    low_for, mean, threshold, used = best
    recent = ran[-low_for:]
    got = _num(statistics.fmean(d.articles for d in recent))
    return Finding(
        "yield",
        f"resa crollata: {got} articoli al giorno negli ultimi {low_for} giorni, sotto la sua media "
        f"di {_num(mean)} − {_num(s.yield_sigmas)}σ ({_num(threshold)}) sui {used} giorni precedenti",
        recent[0].day,
    )


def evaluate(h: SourceHistory, s: HealthSettings, today: date) -> Health:
    """The source's health on ``today``: the rules that fire, most telling first."""
    if h.moved_to:
        return Health(h)
    failed = _failures(h, s, today)
    if failed:
        return Health(h, [failed])
    ran = [d for d in h.days if d.runs and d.day <= today]
    if not ran or ran[-1].failed:
        return Health(h)  # a failure streak too short to count: the other rules would only echo it
    ran = [d for d in ran if not d.failed]
    found = [f for f in (_robots(ran), _extraction(ran, s), _stale(h, ran, s)) if f]
    # A fall in yield explained by the above says nothing new; a feed announcing nothing new is the stale rule's.
    if not found and not (h.kind == "feed" and ran[-1].links == 0):
        found = [f for f in (_yield(ran, s),) if f]
    return Health(h, found)


def evaluate_all(histories: Iterable[SourceHistory], s: HealthSettings, today: date) -> list[Health]:
    """Every source's health, the unhealthy first, then by outlet and URL."""
    results = [evaluate(h, s, today) for h in histories]
    return sorted(results, key=lambda r: (r.ok, r.source.outlet.casefold(), r.source.kind, r.source.url))


def merge_faults(a: str, b: str) -> str:
    """Two "kind=n;..." fault counts added up."""
    counts: dict[str, int] = {}
    for text in (a, b):
        for part in filter(None, text.split(";")):
            kind, _, n = part.partition("=")
            counts[kind] = counts.get(kind, 0) + int(n or 0)
    return ";".join(f"{k}={n}" for k, n in sorted(counts.items()))


def it_day(day: date, *, year: bool = False) -> str:
    """12 ottobre (2023)."""
    return it_date(day, year=year)


def period_words(start: date, end: date) -> str:
    """ "dal 12 al 18 ottobre", "dal 28 settembre al 3 ottobre", "il 12 ottobre"."""
    if start >= end:
        return f"il {it_day(start)}"
    first = str(start.day) if (start.month, start.year) == (end.month, end.year) else it_day(start)
    if start.year != end.year:
        first = it_day(start, year=True)
    return f"dal {first} al {it_day(end, year=start.year != end.year)}"


def incomplete_sentence(outlet: str, rule: str, start: date, end: date) -> str:
    """ "dal 12 al 18 ottobre Genova24.it non ha risposto: la rassegna può essere incompleta"."""
    words = RULE_WORDS.get(rule, "ha avuto problemi")
    return f"{period_words(start, end)} {outlet} {words}: la rassegna può essere incompleta"
