"""Stories: copies of one press release group together; releases of different cities never merge."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from rassegna.domain import Article, CampaignMatch
from rassegna.reports.stories import group_stories, refresh_stories

NATIONAL = (
    "Intercettare i migranti in condizione di particolare vulnerabilità ed emarginazione sociale che vivono "
    "nelle "
    "nostre città e favorirne la presa in carico. È questo l'obiettivo del progetto LgNet2, finanziato con "
    "le "
    "risorse europee del Fondo FAMI 2014-2020 e coordinato dal Ministero dell'Interno in collaborazione con "
    "Anci "
    "e Cittalia.\n\nIl progetto si focalizza nel sostegno ad attività in tre ambiti di azione: progetti di "
    "impegno "
    "civico, presa in carico con one stop shop e unità mobili, housing e inclusione abitativa, per "
    "affrontare i "
    "fenomeni emergenziali originati dalla presenza di migranti non ancora del tutto integrati."
)
CITY = {
    "Torino": (
        "A Torino il progetto ha permesso di accogliere centosessanta persone in alloggi temporanei gestiti "
        "dalla "
        "rete cittadina, con percorsi di orientamento al lavoro, corsi di lingua e accompagnamento ai "
        "servizi "
        "sanitari; l'assessore ha ricordato il lavoro delle associazioni di quartiere e delle parrocchie."
    ),
    "Perugia": (
        "L'adesione del Comune di Perugia ha reso possibile attivare rifugi protetti e forme di coabitazione "
        "solidale per le emergenze, oltre a laboratori interculturali nei quartieri di Fontivegge e Ponte "
        "San "
        "Giovanni, dove giovani e adulti hanno lavorato insieme alla riqualificazione degli spazi comuni."
    ),
    "Napoli": (
        "Napoli ha puntato sulle unità di strada notturne che hanno incontrato oltre quattrocento persone "
        "nella "
        "zona della stazione centrale, offrendo visite mediche, pasti caldi e un primo ascolto legale con la "
        "collaborazione degli avvocati volontari e delle cooperative sociali del territorio."
    ),
}


def release(city: str, chrome: str = "") -> str:
    """A city's press release: the national paragraphs plus the city's own, with optional site chrome."""
    return f"{chrome}{NATIONAL}\n\nTra i 16 Comuni della rete anche {city}.\n\n{CITY[city]}"


def test_copies_group_and_cities_stay_apart() -> None:
    docs = [
        (1, "Torino fra i Comuni della rete LgNet2", release("Torino")),
        (2, "Torino nella rete LgNet2", release("Torino", "Leggi anche: meteo, oroscopo, traffico. ")),
        (3, "Perugia fra i Comuni della rete LgNet2", release("Perugia")),
        (
            4,
            "Perugia fra i Comuni della rete LgNet2",
            release("Perugia") + "\n\nRiproduzione riservata © Vivere",
        ),
        (5, "Napoli fra i Comuni della rete LgNet2", release("Napoli")),
        (6, "Perugia, LgNet2", CITY["Perugia"]),  # a paper's short version: the city paragraph only
    ]
    groups = group_stories(docs)
    assert [1, 2] in groups
    assert [3, 4, 6] in groups
    assert [5] in groups
    assert sorted(i for g in groups for i in g) == [1, 2, 3, 4, 5, 6]


def test_textless_clippings_group_by_title_on_close_dates() -> None:
    title = "Roma fra Comuni rete LgNet2, per inclusione delle città."
    docs = [
        (1, title, ""),
        (2, "Roma fra comuni rete LgNet2 per inclusione delle citta", ""),  # same words, other punctuation
        (3, title, ""),  # a month later: another story
        (4, "Latina fra Comuni rete LgNet2, per inclusione delle città.", ""),  # one word apart: another city
    ]
    dates = {1: date(2023, 11, 23), 2: date(2023, 11, 24), 3: date(2023, 12, 23), 4: date(2023, 11, 23)}
    assert group_stories(docs, dates=dates) == [[1, 2], [3], [4]]


def test_dev_articles_one_city_one_story(shared: Path) -> None:
    path = shared / "reference" / "articles-dev.json"
    if not path.exists():
        import pytest

        pytest.skip(f"{path} is absent")
    articles = json.loads(path.read_text(encoding="utf-8"))
    by_index = dict(enumerate(articles))
    groups = group_stories(
        [(i, a["title"], a["text"]) for i, a in by_index.items()],
        dates={i: date.fromisoformat(a["date"]) for i, a in by_index.items()},
    )
    named = [{by_index[i]["id"] for i in group} for group in groups]
    for copies in (
        {"s11", "s12", "s13", "s30", "s31"},  # Perugia
        {"s04", "s16", "s17", "s32", "s33", "s43"},  # Latina
        {"s20", "s34", "s35", "s36", "s44"},  # Potenza
        {"s14", "s27"},  # Milano
        {"s09", "s42"},  # Torino
        {"s06", "s07"},  # Roma (ANSA)
        {"s02", "s10", "s29"},  # Bolzano
    ):
        assert any(copies <= group for group in named), copies
    for group in groups:
        cities = {by_index[i]["city"] for i in group}
        assert len(cities) == 1, [by_index[i]["id"] for i in group]


def _article(outlet: str, title: str, text: str, day: int) -> Article:
    return Article(
        outlet=outlet, title=title, published=date(2023, 10, day), text=text, source="import",
        category="quotidiani", campaigns=[CampaignMatch("LgNet2", "LgNet2", "")],
    )  # fmt: skip


def test_refresh_stories_assigns_and_keeps_ids(sqlite_url: str) -> None:
    from sqlmodel import select

    from rassegna.storage import repository
    from rassegna.storage.db import create_db_engine, session_scope
    from rassegna.storage.models import Clipping, Story

    engine = create_db_engine(sqlite_url)
    with session_scope(engine) as session:
        for outlet, city, day in (("A.it", "Torino", 17), ("B.it", "Torino", 17), ("C.it", "Perugia", 23)):
            repository.store_article(session, _article(outlet, f"{city} fra i Comuni", release(city), day))
        repository.store_article(session, _article("D.it", "Edizione delle ore 19.30", "", 24))
        assert refresh_stories(session) == 4
        assert refresh_stories(session) == 0
    with session_scope(engine) as session:
        before = {c.id: c.story_id for c in session.exec(select(Clipping))}
        assert all(before.values())
        by_outlet = {c.outlet_id: c for c in session.exec(select(Clipping))}
        assert len(set(before.values())) == 3
        assert len(list(session.exec(select(Story)))) == 3
        # a later copy of the Perugia release joins the existing story; nothing else moves
        repository.store_article(session, _article("E.it", "Perugia nella rete", release("Perugia", "Home. "), 25))
        repository.store_article(session, _article("F.it", "Napoli fra i Comuni", release("Napoli"), 25))
        assert refresh_stories(session) == 2
    with session_scope(engine) as session:
        after = {c.id: c.story_id for c in session.exec(select(Clipping))}
        assert {k: after[k] for k in before} == before
        perugia = next(c for c in by_outlet.values() if c.title.startswith("Perugia"))
        newest = session.exec(select(Clipping).where(Clipping.title == "Perugia nella rete")).one()
        napoli = session.exec(select(Clipping).where(Clipping.title == "Napoli fra i Comuni")).one()
        assert newest.story_id == perugia.story_id
        assert napoli.story_id not in before.values()
    engine.dispose()
