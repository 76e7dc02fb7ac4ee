"""The report model: Italian formatting, text rule, cities, timeline, stories."""

from __future__ import annotations

from datetime import date

import pytest

from rassegna.reports.formatting import excerpt
from rassegna.text.italian import it_date, it_number
from rassegna.text.keywords import keywords_regex
from rassegna.text.names import byline_short

from .helpers import report_of, view


def test_italian_formatting() -> None:
    assert it_number(1641811) == "1.641.811"
    assert it_number(0) == "0" and it_number(None) == "" and it_number(None, empty="n.d.") == "n.d."
    assert it_date(date(2023, 10, 18)) == "18 ottobre 2023"
    assert it_date(date(2023, 12, 1), year=False) == "1 dicembre"


@pytest.mark.parametrize(
    ("name", "short"),
    [("Alessandro Gipponi", "A. Gipponi"), ("A. Gipponi", "A. Gipponi"), ("Giuseppe Di Meo", "G. Di Meo"),
     ("Redazione", "Redazione"), (None, "")],
)  # fmt: skip
def test_short_name(name: str | None, short: str) -> None:
    assert byline_short(name) == short


def test_keyword_is_matched_tolerantly() -> None:
    pattern = keywords_regex(["LgNet2"])
    for form in ("LgNet2", "LGNET2", "Lg-Net2", "LG NET 2", "IgNet2"):
        assert pattern.search(f"il progetto {form}, a Roma"), form
    assert not pattern.search("LgNet23")


def test_excerpt_cuts_at_a_word() -> None:
    text = "parola " * 100
    cut = excerpt(text)
    assert len(cut) <= 301 and cut.endswith("…") and not cut.endswith(" …")


def test_text_rule() -> None:
    long = "Testo dell'articolo su LgNet2. " * 40
    views = [
        view(1, text=long),
        view(2, text=long, rights_reserved=True),
        view(3, text=long, rights_reserved=True, text_policy="full"),  # the outlet's licence
        view(4, text=long, text_policy="excerpt"),
    ]
    full = {c.id: c.full_text for c in report_of(views).clippings}
    assert full == {1: True, 2: False, 3: True, 4: False}
    short = {c.id: c.full_text for c in report_of(views, text_policy="excerpt").clippings}
    assert short == {1: False, 2: False, 3: True, 4: False}
    with pytest.raises(ValueError, match="text policy"):
        report_of(views, text_policy="all")


def test_html_excerpt_shows_no_full_text() -> None:
    from rassegna.reports import render

    secret = "FRASE-RISERVATA-IN-FONDO"
    data = report_of([view(1, text="Inizio su LgNet2. " + "parole " * 100 + secret, rights_reserved=True)])
    html = render(data, "html").decode()
    assert secret not in html and "Riproduzione riservata" in html
    assert "titolo, estratto" in html  # the methodology box states the rule
    assert secret not in render(data, "md").decode()


def test_cities_timeline_and_stories() -> None:
    views = [
        view(1, city="Torino", date=date(2023, 10, 2), audience=100, story=7),
        view(2, title="Perugia nella rete LgNet2", date=date(2023, 10, 2), audience=None, story=7, outlet="B"),
        view(3, city="Roma", date=date(2023, 10, 20), audience=50, story=8),
    ]
    data = report_of(views)
    cities = {c.city: c for c in data.cities}
    assert list(cities)[:3] == ["Torino", "Perugia", "Napoli"]  # partners first, in campaign order
    assert cities["Torino"].count == 1 and cities["Perugia"].count == 1  # from the title, no NLP city
    assert data.uncovered_partners == ["Napoli"]
    assert not cities["Roma"].partner and cities["Roma"].count == 1
    assert data.timeline_unit == "day" and len(data.timeline) == 31
    assert [p.count for p in data.timeline if p.count] == [2, 1]
    assert [(s.key, s.count, s.audience) for s in data.stories] == [("s-7", 2, 100)]
    assert data.methodology.unique_stories == 2
    long = report_of(views, start=date(2023, 10, 1), end=date(2023, 12, 31))
    assert long.timeline_unit == "week" and long.timeline[0].start == date(2023, 9, 25)
    assert data.generated_at.isoformat() == "2023-11-02T08:00:00+01:00"
