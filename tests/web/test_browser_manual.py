"""In Chromium, with the NLP on: a clipping typed into the desk's form is analysed (city, figures, quotes)."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from rassegna.storage.models import Clipping, ClippingFigure, ClippingQuote
from tests.web.conftest import EDITOR, PASSWORD
from tests.web.test_browser import CHROMIUM, page, server  # noqa: F401 - the browser fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
    ),
]

TEXT = (
    "LATINA - Il progetto LgNet2 ha accolto oltre 450 persone nel 2023 grazie agli sportelli del Comune. "
    "«Abbiamo costruito una rete che funziona», ha dichiarato Michele Nasso, "
    "assessore ai Servizi sociali del Comune di Latina."
)


@pytest.fixture
def app(engine, seeded, web_settings):  # noqa: ANN001, ANN201
    """The desk with the NLP on for manual clippings, as `rassegna serve` runs it."""
    from rassegna.web.app import create_app

    return create_app(web_settings, engine, analyse_manual=True)


def test_a_clipping_added_by_form_is_analysed(page, server: str, engine) -> None:  # noqa: ANN001, F811
    page.goto(f"{server}/login")
    page.fill("input[name=username]", EDITOR)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Entra')")
    page.wait_for_url(f"{server}/inbox")
    page.goto(f"{server}/clippings/new")
    page.fill("input[name=outlet]", "Latina Oggi")
    page.select_option("select[name=category]", "quotidiani")
    page.fill("input[name=date]", "2023-11-03")
    page.fill("input[name=title]", "Latina, la rete LgNet2 accoglie 450 persone")
    page.fill("textarea[name=text]", TEXT)
    page.click("form[action='/clippings/new'] button[type=submit]")
    page.wait_for_selector(".flash")
    assert "aggiunto" in page.inner_text(".flash")
    # The clipping's page shows the city the NLP found (it was not typed in the form).
    assert page.input_value("#edit-form input[name=city]") == "Latina"
    with Session(engine) as session:
        clipping = session.exec(select(Clipping).where(Clipping.title.startswith("Latina, la rete"))).one()
        figures = session.exec(select(ClippingFigure).where(ClippingFigure.clipping_id == clipping.id)).all()
        quotes = session.exec(select(ClippingQuote).where(ClippingQuote.clipping_id == clipping.id)).all()
    assert clipping.analysed and clipping.city == "Latina"
    assert any(f.value == 450 for f in figures), figures
    assert [q.speaker for q in quotes] == ["Michele Nasso"], quotes
    assert "assessore" in (quotes[0].role or "").lower()
