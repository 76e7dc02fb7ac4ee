"""The health rules as pure functions over a synthesised daily history."""

from __future__ import annotations

from datetime import date, timedelta

from rassegna.config.models import HealthSettings
from rassegna.health.rules import DayStats, SourceHistory, evaluate, incomplete_sentence, period_words

DAY0 = date(2023, 9, 1)
SETTINGS = HealthSettings()


def _days(n: int, **counts: int) -> list[DayStats]:
    base = {"runs": 1, "requests": 6, "ok_responses": 6, "pages": 5, "links": 5, "articles": 5, "text_chars": 12000}
    return [DayStats(DAY0 + timedelta(days=i), **{**base, **counts}) for i in range(n)]


def _history(days: list[DayStats], kind: str = "start", **extra: object) -> SourceHistory:
    days = [DayStats(**{**{f: getattr(d, f) for f in DayStats.__slots__}, "day": DAY0 + timedelta(days=i)})
            for i, d in enumerate(days)]  # fmt: skip
    return SourceHistory("Genova24.it", kind, "http://www.genova24.test/", tuple(days), **extra)  # type: ignore[arg-type]


def _today(h: SourceHistory) -> date:
    return h.days[-1].day


def test_robots_newly_disallowing_the_paths_used() -> None:
    h = _history(_days(20) + _days(2, robots=5, articles=0, pages=0, links=0, text_chars=0))
    [finding] = evaluate(h, SETTINGS, _today(h)).findings
    assert finding.rule == "robots" and "robots.txt ora vieta le pagine usate: 5 richieste negate" in finding.reason
    always = _history(_days(20, robots=5))
    assert evaluate(always, SETTINGS, _today(always)).ok  # forbidden from the start: nothing new


def test_extraction_much_shorter_than_usual() -> None:
    h = _history(_days(20) + _days(2, text_chars=2000))  # 400 characters instead of 2,400
    [finding] = evaluate(h, SETTINGS, _today(h)).findings
    assert finding.rule == "short"
    assert finding.reason.startswith("testo estratto di 400 caratteri in media contro i 2400 abituali")
    recovered = _history(_days(20) + _days(2, text_chars=2000) + _days(1))
    assert evaluate(recovered, SETTINGS, _today(recovered)).ok


def test_no_yield_rule_without_enough_history() -> None:
    h = _history(_days(10) + _days(5, articles=0, links=0, pages=0, text_chars=0))
    assert evaluate(h, SETTINGS, _today(h)).ok  # ten days are too few to know the source's usual yield


def test_a_short_failure_streak_is_not_yet_unhealthy() -> None:
    failed = _days(2, failed_runs=1, ok_responses=0, articles=0, links=0, pages=0, text_chars=0)
    h = _history(_days(20) + failed, consecutive_failures=2, last_fault="timeout")
    assert evaluate(h, SETTINGS, _today(h)).ok
    h = _history(_days(20) + failed, consecutive_failures=3, last_fault="timeout")
    [finding] = evaluate(h, SETTINGS, _today(h)).findings
    assert finding.reason == "non risponde: 3 esecuzioni consecutive fallite (tempo di risposta scaduto)"


def test_thresholds_come_from_the_config() -> None:
    failed = _days(2, failed_runs=1, ok_responses=0, articles=0)
    h = _history(_days(20) + failed, consecutive_failures=2, last_fault="http_5xx")
    assert not evaluate(h, HealthSettings(consecutive_failures=2), _today(h)).ok


def test_period_words() -> None:
    assert period_words(date(2023, 10, 12), date(2023, 10, 18)) == "dal 12 al 18 ottobre"
    assert period_words(date(2023, 9, 28), date(2023, 10, 3)) == "dal 28 settembre al 3 ottobre"
    assert period_words(date(2023, 12, 30), date(2024, 1, 2)) == "dal 30 dicembre 2023 al 2 gennaio 2024"
    assert period_words(date(2023, 10, 12), date(2023, 10, 12)) == "il 12 ottobre"
    assert incomplete_sentence("Genova24.it", "failures", date(2023, 10, 12), date(2023, 10, 18)) == (
        "dal 12 al 18 ottobre Genova24.it non ha risposto: la rassegna può essere incompleta"
    )
