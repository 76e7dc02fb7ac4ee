"""The review desk at work: inbox, decisions, corrections, stories, manual clippings, registry, dashboard."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlmodel import Session, select

from rassegna.domain import Analysis, Article, CampaignMatch, Quote
from rassegna.storage.db import session_scope
from rassegna.storage.models import AudienceFigure, AuditEntry, Clipping, ClippingCampaign, ClippingQuote, OutletRow
from rassegna.storage.queries import Selection, category_summary
from rassegna.storage.repository import store_article
from tests.web.conftest import csrf_of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore:Using `httpx`")
PERIOD = "start=2023-10-01&end=2023-12-31"


def post(client, path: str, data: dict[str, str]):  # noqa: ANN001, ANN201
    """POST a form with the session's CSRF token."""
    return client.post(path, data={**data, "csrf_token": csrf_of(client.get("/inbox").text)})


def clipping(engine, clipping_id: int) -> Clipping:  # noqa: ANN001
    with Session(engine) as session:
        return session.get(Clipping, clipping_id)


def audits(engine, clipping_id: int) -> list[AuditEntry]:  # noqa: ANN001
    with Session(engine) as session:
        return list(
            session.exec(
                select(AuditEntry)
                .where(AuditEntry.entity_id == clipping_id, AuditEntry.entity == "clipping")
                .order_by(AuditEntry.id)
            )
        )


def radio_clipping(engine, title: str, text: str, analysis: Analysis) -> int:  # noqa: ANN001
    """A crawled LgNet2 clipping of Radio Popolare stored with the given analysis; its id."""
    with session_scope(engine) as session:
        stored, _ = store_article(
            session,
            Article(
                outlet="Radio Popolare",
                title=title,
                published=date(2023, 12, 30),
                text=text,
                campaigns=[CampaignMatch("LgNet2", "LgNet2", text)],
            ),
            analysis,
        )
        return stored.id


def test_inbox_lists_new_clippings_newest_first_with_snippet(editor_client) -> None:  # noqa: ANN001
    html = editor_client.get("/inbox").text
    titles = re.findall(r'<h2><a href="/clippings/\d+">(.*?)</a></h2>', html)
    assert len(titles) == 7
    assert titles[0].startswith("Genova aderisce") and titles[-1].startswith("Migranti")
    assert "sportello del progetto LgNet2 a Torino" in html  # the keyword snippet


def test_accept_and_reject_keep_who_when_why(editor_client, seeded, engine) -> None:  # noqa: ANN001
    accepted, rejected = seeded["Ilmessaggero.it"], seeded["Genova24"]
    assert post(editor_client, f"/clippings/{accepted}/review", {"decision": "accept"}).status_code == 303
    refused = post(editor_client, f"/clippings/{rejected}/review", {"decision": "reject", "note": ""})
    assert refused.status_code == 303 and clipping(engine, rejected).review_status == "new"  # a reason is required
    post(
        editor_client,
        f"/clippings/{rejected}/review",
        {"decision": "reject", "note": "Omonimia, non è il progetto"},
    )
    a, r = clipping(engine, accepted), clipping(engine, rejected)
    assert (a.review_status, a.reviewed_by) == ("accepted", "redattrice") and a.reviewed_at is not None
    assert (r.review_status, r.review_note) == ("rejected", "Omonimia, non è il progetto")
    [entry] = audits(engine, rejected)
    assert entry.action == "reject" and entry.username == "redattrice"
    assert entry.before["review_status"] == "new" and entry.after["review_status"] == "rejected"
    inbox = editor_client.get("/inbox").text  # the message about the last decision goes once shown
    inbox = editor_client.get("/inbox").text
    assert "Genova aderisce" not in inbox and "Latina, il progetto" not in inbox
    assert "Genova aderisce" in editor_client.get("/inbox?status=rejected").text
    # Rejected clippings stay stored but leave every report; with review_required only accepted ones count.
    with Session(engine) as session:
        period = (date(2023, 10, 1), date(2023, 12, 31))
        assert category_summary(session, Selection("LgNet2", *period)).count == 6
        assert category_summary(session, Selection("LgNet2", *period, review_required=True)).count == 1
        unreviewed = Selection("LgNet2", *period, review_required=True, include_unreviewed=True)
        assert category_summary(session, unreviewed).count == 6


def test_correct_city_category_outlet_title_date(editor_client, seeded, engine) -> None:  # noqa: ANN001
    target = seeded["Radio Popolare"]
    values = {
        "title": "Intervista: LgNet2 a Milano",
        "published": "12 novembre 2023",
        "city": "Milano",
        "category": "radio_tv",
        "outlet": "ANSA",
        "journalist": "Maria Rossi",
    }
    response = post(editor_client, f"/clippings/{target}/edit", values)
    assert response.status_code == 303
    c = clipping(engine, target)
    assert (c.city, c.title, c.published, c.journalist) == (
        "Milano",
        values["title"],
        date(2023, 11, 12),
        "Maria Rossi",
    )
    with Session(engine) as session:
        assert session.get(OutletRow, c.outlet_id).name == "ANSA"
    [entry] = audits(engine, target)
    assert entry.before == {
        "title": "Intervista sul progetto LgNet2 a Milano",
        "city": None,
        "journalist": None,
        "outlet": "Radio Popolare",
        "audience": 200000,
    }
    assert entry.after["city"] == "Milano" and entry.after["outlet"] == "ANSA" and entry.after["audience"] is None
    assert "Maria Rossi" in editor_client.get(f"/clippings/{target}").text  # the trail is on the page


def test_bad_corrections_are_refused_field_by_field(editor_client, seeded, engine) -> None:  # noqa: ANN001
    target = seeded["ANSA"]
    values = {
        "title": "",
        "published": "31 febbraio",
        "city": "Roma",
        "category": "giornali",
        "outlet": "Nessuna",
    }
    response = post(editor_client, f"/clippings/{target}/edit", values)
    assert response.status_code == 422
    for message in (
        "il titolo è obbligatorio",
        "is not a date",
        "categoria sconosciuta",
        "testata non presente",
    ):
        assert message in response.text
    assert clipping(engine, target).title.startswith("Migranti") and not audits(engine, target)


def test_merge_and_split_stories(editor_client, seeded, engine) -> None:  # noqa: ANN001
    a, b, c = seeded["Ilmessaggero.it"], seeded["Torinoggi.it"], seeded["ANSA"]
    post(editor_client, f"/clippings/{a}/merge", {"target": str(b)})
    post(editor_client, f"/clippings/{c}/merge", {"target": f"#{a}"})
    story = clipping(engine, b).story_id
    assert story is not None and clipping(engine, a).story_id == story == clipping(engine, c).story_id
    page = editor_client.get(f"/clippings/{a}").text
    assert f"n. {b}" in page and f"n. {c}" in page
    assert "notizia ripresa da 3 testate" in editor_client.get("/inbox").text
    post(editor_client, f"/clippings/{c}/split", {})
    assert clipping(engine, c).story_id not in (None, story) and clipping(engine, a).story_id == story
    actions = [e.action for e in audits(engine, c)]
    assert actions == ["merge_story", "split_story"]
    assert post(editor_client, f"/clippings/{a}/merge", {"target": "99999"}).status_code == 303


def test_manual_clipping_uses_the_import_validation(editor_client, engine) -> None:  # noqa: ANN001
    bad = post(
        editor_client,
        "/clippings/new",
        {
            "outlet": "Radio Sconosciuta",
            "title": "Servizio",
            "date": "ieri",
            "audience": "tanti",
            "text": "niente di pertinente",
        },
    )
    assert bad.status_code == 422
    for field in ("is not a date", "is not an audience", "its category is required", "match no campaign"):
        assert field in bad.text
    good = post(
        editor_client,
        "/clippings/new",
        {
            "outlet": "Rai Radio 1",
            "category": "radio_tv",
            "audience": "1.200.000",
            "title": "GR1: il progetto LgNet2",
            "date": "18 ottobre 2023",
            "text": "Servizio sul progetto LgNet2.",
        },
    )
    assert good.status_code == 303
    new_id = int(good.headers["location"].rsplit("/", 1)[1])
    c = clipping(engine, new_id)
    assert (c.source, c.audience, c.published, c.review_status) == (
        "import",
        1200000,
        date(2023, 10, 18),
        "accepted",
    )
    assert [e.action for e in audits(engine, new_id)] == ["create"]
    again = post(
        editor_client,
        "/clippings/new",
        {"outlet": "Rai Radio 1", "title": "GR1: il progetto LgNet2", "date": "2023-10-18", "text": "LgNet2"},
    )
    assert again.status_code == 422 and "già presente" in again.text


def test_a_refused_manual_clipping_writes_nothing(editor_client, engine) -> None:  # noqa: ANN001
    """The request's write session rolls back what the refused form had already written (a new campaign link)."""
    values = {"outlet": "Rai Radio 1", "category": "radio_tv", "title": "GR1: il progetto", "date": "2023-10-18"}
    first = post(editor_client, "/clippings/new", {**values, "text": "Servizio sul progetto LgNet2."})
    assert first.status_code == 303
    clipping_id = int(first.headers["location"].rsplit("/", 1)[1])
    again = post(editor_client, "/clippings/new", {**values, "text": "Servizio sul progetto LGNet3.", "campaign": ""})
    assert again.status_code == 422 and "già presente" in again.text
    with Session(engine) as session:
        links = session.exec(select(ClippingCampaign.campaign).where(ClippingCampaign.clipping_id == clipping_id))
        assert list(links) == ["LgNet2"]
    assert [e.action for e in audits(engine, clipping_id)] == ["create"]


def test_registry_edits_record_audience_history(editor_client, engine) -> None:  # noqa: ANN001
    with Session(engine) as session:
        row = session.exec(select(OutletRow).where(OutletRow.name == "Genova24")).one()
        row.to_classify = True
        session.add(row)
        session.commit()
        outlet_id = row.id
    listing = editor_client.get("/outlets").text
    assert listing.index("Genova24") < listing.index("ANSA")  # to classify first
    values = {
        "category": "quotidiani",
        "audience": "1.641.811",
        "audience_source": "audiweb",
        "audience_month": "2023-09",
        "domains": "www.genova24.it\n",
        "feeds": "https://www.genova24.it/feed/",
        "sitemaps": "",
        "start_urls": "",
        "text_policy": "excerpt",
    }
    assert post(editor_client, f"/outlets/{outlet_id}", values).status_code == 303
    with Session(engine) as session:
        row = session.get(OutletRow, outlet_id)
        assert (row.category, row.audience, row.audience_source, row.audience_date, row.to_classify) == (
            "quotidiani",
            1641811,
            "audiweb",
            date(2023, 9, 1),
            False,
        )
        assert row.domains == ["genova24.it"] and row.text_policy == "excerpt"
        figures = list(session.exec(select(AudienceFigure).where(AudienceFigure.outlet_id == outlet_id)))
        assert [(f.audience, f.source) for f in figures] == [(1641811, "audiweb")]
        entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "outlet")).one()
        assert entry.before["to_classify"] is True and entry.after["audience"] == 1641811
    page = editor_client.get(f"/outlets/{outlet_id}").text
    assert "1.641.811" in page and "09/2023" in page
    bad = post(editor_client, f"/outlets/{outlet_id}", {**values, "audience": "molti", "feeds": "ftp://x"})
    assert bad.status_code == 422 and "is not an audience" in bad.text
    new = post(editor_client, "/outlets/new", {"name": "Il Piccolo", "category": "quotidiani", "audience": ""})
    assert new.status_code == 303
    assert post(editor_client, "/outlets/new", {"name": "il piccolo", "category": "quotidiani"}).status_code == 422


def test_dashboard_summary_coverage_timeline_and_crawl_health(editor_client, seeded) -> None:  # noqa: ANN001
    post(
        editor_client,
        f"/clippings/{seeded['Torinoggi.it']}/review",
        {"decision": "reject", "note": "doppione"},
    )
    html = editor_client.get(f"/dashboard?campaign=LgNet2&{PERIOD}").text
    summary = re.search(r'<table class="grid summary">.*?</table>', html, re.S).group(0)

    def cells(label: str) -> re.Match:
        return re.search(label + r"</td><td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)<", summary)

    assert cells("Quotidiani e quotidiani online").groups() == ("2", "1.544.811")  # Torinoggi rejected
    assert cells("Agenzie").groups() == ("1", "n.d.")  # audience unknown: n.d., not 0
    assert re.search(r"Totale</th><th class=\"num\">6</th><th class=\"num\">1.794.811<", summary)
    assert re.search(r'class="uncovered" data-city="Bologna"><span>Bologna</span>', html)
    assert re.search(r'class="covered" data-city="Latina"><span>Latina</span><span class="n">1<', html)
    assert 'class="uncovered" data-city="Torino"><span>Torino</span>' in html  # its only clipping was rejected
    assert html.count('class="bar"') == 14  # weeks (from Monday) of the quarter
    assert "Corriere di Prova" in html and "timed out after 30 s" in html


def test_dashboard_honours_review_required(client_factory, engine, seeded, web_settings) -> None:  # noqa: ANN001
    from fastapi.testclient import TestClient

    from rassegna.web.app import create_app
    from tests.web.conftest import EDITOR, PASSWORD

    strict = create_app(web_settings.model_copy(update={"review_required": True}), engine, analyse_manual=False)
    with TestClient(strict, follow_redirects=False) as client:
        token = csrf_of(client.get("/login").text)
        client.post("/login", data={"username": EDITOR, "password": PASSWORD, "csrf_token": token})
        post(client, f"/clippings/{seeded['ANSA']}/review", {"decision": "accept"})
        html = client.get(f"/dashboard?{PERIOD}").text
        assert re.search(r'<span class="kpi-value">1</span><span class="kpi-label">uscite', html)
        html = client.get(f"/dashboard?{PERIOD}&include_unreviewed=1").text
        assert re.search(r'<span class="kpi-value">7</span><span class="kpi-label">uscite', html)


@pytest.mark.parametrize("fmt", ["html", "xlsx"])
def test_report_download(viewer_client, seeded, fmt: str) -> None:  # noqa: ANN001
    response = post(
        viewer_client,
        "/reports",
        {"campaign": "LgNet2", "start": "2023-10-01", "end": "2023-12-31", "fmt": fmt},
    )
    assert response.status_code == 200
    assert (
        response.headers["content-disposition"] == f'attachment; filename="rassegna-LgNet2-2023-10-01-2023-12-31.{fmt}"'
    )
    assert len(response.content) > 1000
    if fmt == "html":
        assert "1.464.811" in response.text and "<script>alert" not in response.text


def test_full_text_search(editor_client, seeded) -> None:  # noqa: ANN001
    def titles(query: str) -> list[str]:
        html = editor_client.get("/search", params={"q": query}).text
        return re.findall(r'<h2><a href="/clippings/\d+">(.*?)</a></h2>', html)

    assert sorted(titles("sportello")) == [
        "Genova aderisce al progetto LgNet2",
        "Torino, sportello LgNet2 per i cittadini stranieri",
    ]
    assert titles("sportel") == titles("sportello")  # the last word is a prefix
    assert titles("napoli bilancio") == ["LgNet2, a Napoli il bilancio del primo anno"]
    assert titles("città") == titles("citta")  # accents folded
    for hostile in ('"', "AND OR NOT (", "NEAR(a b)", "*", "title:x", "' OR 1=1 --"):
        assert editor_client.get("/search", params={"q": hostile}).status_code == 200
    html = editor_client.get("/search", params={"q": "Latina"}).text
    assert "<mark>Latina</mark>" in html
    # Triggers keep the index in step with corrections.
    values = {
        "title": "Latina, accoglienza diffusa",
        "published": "2023-10-29",
        "city": "Latina",
        "category": "quotidiani",
        "outlet": "Ilmessaggero.it",
        "journalist": "",
    }
    post(editor_client, f"/clippings/{seeded['Ilmessaggero.it']}/edit", values)
    assert titles("diffusa") == ["Latina, accoglienza diffusa"] and titles("accoglie") == [
        "Latina, accoglienza diffusa"
    ]


def test_search_index_survives_a_table_rebuild(engine, seeded) -> None:  # noqa: ANN001
    from rassegna.storage.search import ensure_search_index, search_clippings

    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER clipping_fts_au")
        connection.exec_driver_sql("UPDATE clipping SET title = 'Parola rarissima zibaldone' WHERE id = 1")
    ensure_search_index(engine)
    with Session(engine) as session:
        assert [h.id for h in search_clippings(session, "zibaldone")] == [1]


def test_users_command(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from rassegna.app.cli import app
    from rassegna.storage.db import engine_for
    from rassegna.web.auth import authenticate

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["--db", url, "users", "add", "anna", "--role", "editor", "--password-stdin"],
        input="una-password-lunga\n",
    )
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["--db", url, "users", "add", "anna", "--password-stdin"], input="x" * 12).exit_code == 1
    assert (
        runner.invoke(
            app,
            ["--db", url, "users", "add", "bob", "--role", "admin", "--password-stdin"],
            input="una-password-lunga\n",
        ).exit_code
        == 1
    )
    assert runner.invoke(app, ["--db", url, "users", "add", "bob", "--password-stdin"], input="corta\n").exit_code == 1
    listing = runner.invoke(app, ["--db", url, "users", "list"])
    assert listing.output.strip() == "anna\teditor"
    assert authenticate(engine_for(url), "anna", "una-password-lunga", "127.0.0.1").user.role == "editor"
    serve_help = runner.invoke(app, ["serve", "--help"])
    assert "127.0.0.1" in serve_help.output and "8000" in serve_help.output


@pytest.mark.postgres
def test_migration_and_search_on_postgresql(postgres_url: str) -> None:
    """The desk's tables and the Italian full-text index on PostgreSQL."""
    from rassegna.storage.db import create_db_engine
    from rassegna.storage.search import search_clippings
    from tests.web.conftest import seed

    engine = create_db_engine(postgres_url)
    try:
        seed(engine)
        with Session(engine) as session:
            assert [h.title for h in search_clippings(session, "sportelli")][:1] != []  # Italian stemming
            hits = search_clippings(session, "bilancio Napoli")
            assert [h.title for h in hits] == ["LgNet2, a Napoli il bilancio del primo anno"]
            assert "\x02" in hits[0].excerpt
            search_clippings(session, '" OR ( -:*')  # hostile input is not an error
            indexes = (
                session.connection()
                .exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'clipping'")
                .scalars()
                .all()
            )
            assert "ix_clipping_fts" in indexes
    finally:
        engine.dispose()


def test_outlet_page_shows_the_sources_found_from_its_home_page(editor_client, engine) -> None:  # noqa: ANN001
    """A domain-only outlet: the feeds and sitemaps the crawler found, with when, escaped as hostile text."""
    from datetime import UTC, datetime

    from rassegna.storage.repository import replace_found_sources

    found_at = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
    with Session(engine) as session:
        row = OutletRow(name="esempio.it", category="quotidiani", domains=["esempio.it"])
        session.add(row)
        session.flush()
        replace_found_sources(
            session,
            row,
            datetime(2026, 11, 27, 6, 0, tzinfo=UTC),
            [("feed", "https://esempio.it/rss?<script>x</script>", found_at, 0)],
        )
        session.commit()
        outlet_id = row.id
    page = editor_client.get(f"/outlets/{outlet_id}").text
    section = page[page.index('id="found-sources"') :]
    assert "Cercate dalla home page il 27/11/2026" in section
    assert "https://esempio.it/rss?&lt;script&gt;x&lt;/script&gt;" in section
    assert "20/11/2026" in section
    assert "<script>x" not in page


def test_the_desk_shows_what_the_nlp_is_unsure_of_until_an_editor_saves(editor_client, seeded, engine) -> None:  # noqa: ANN001
    analysis = Analysis(
        city="Pesaro",
        city_to_check=True,
        places=["Pesaro"],
        quotes=[
            Quote("Siamo pronti <script>alert(1)</script>", "Mario Rossi", "sindaco", speaker_to_check=True),
            Quote("Un passo avanti", "Anna Neri", None),
        ],
    )
    stored = radio_clipping(engine, "LgNet2 a Pesaro", "Il progetto LgNet2 arriva a Pesaro.", analysis)
    target = clipping(engine, stored)
    inbox = editor_client.get("/inbox").text
    item = inbox[inbox.index(f'id="clipping-{target.id}"') :].split("</li>", 1)[0]
    assert "città da verificare" in item
    page = editor_client.get(f"/clippings/{target.id}").text
    assert page.count("autore da verificare") == 1 and "Anna Neri" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page  # crawled text is escaped
    values = {"title": "LgNet2 a Pesaro", "published": "2023-12-30", "city": "Pesaro", "category": "radio_tv",
              "outlet": "Radio Popolare", "journalist": ""}  # fmt: skip
    assert post(editor_client, f"/clippings/{target.id}/edit", values).status_code == 303
    assert clipping(engine, target.id).city_to_check is False
    inbox = editor_client.get("/inbox").text
    assert "città da verificare" not in inbox[inbox.index(f'id="clipping-{target.id}"') :].split("</li>", 1)[0]

    # the flagged speaker corrected on the page: stored, no longer flagged, in the clipping's history
    with Session(engine) as session:
        mine = select(ClippingQuote).where(ClippingQuote.clipping_id == target.id, ClippingQuote.speaker_to_check)
        flagged = session.exec(mine).one()
    fix = {"speaker": "Anna Neri", "role": "assessora al Welfare"}
    assert post(editor_client, f"/clippings/{target.id}/quotes/{flagged.id}", fix).status_code == 303
    with Session(engine) as session:
        fixed = session.get(ClippingQuote, flagged.id)
        assert (fixed.speaker, fixed.role, fixed.speaker_to_check) == ("Anna Neri", "assessora al Welfare", False)
    [entry] = [e for e in audits(engine, target.id) if e.action == "edit-quote"]
    assert (entry.before["autore"], entry.after["autore"]) == ("Mario Rossi", "Anna Neri")
    assert "autore da verificare" not in editor_client.get(f"/clippings/{target.id}").text
    # a quote of another clipping is not reachable through this one
    other = seeded["Genova24"]
    assert post(editor_client, f"/clippings/{other}/quotes/{flagged.id}", fix).status_code == 404


def test_the_city_field_offers_the_places_the_article_names_first(editor_client, viewer_client, engine, seeded) -> None:  # noqa: ANN001, E501
    """Where the NLP was unsure of the city, the right comune is usually one the article names: the form offers those
    first, then the partner cities, and the page lists them (escaped like any crawled text)."""
    text = "Il progetto LgNet2 arriva a Fano e a Urbino, con la rete di Pesaro."
    analysis = Analysis(city=None, city_to_check=True, places=["Fano", "Urbino", "Pesaro <b>x</b>"])
    target = radio_clipping(engine, "LgNet2 nelle Marche", text, analysis)
    page = editor_client.get(f"/clippings/{target}").text
    datalist = page[page.index('<datalist id="city-choices">') :].split("</datalist>", 1)[0]
    offered = re.findall(r'<option value="([^"]*)">', datalist)
    assert offered[:3] == ["Fano", "Urbino", "Pesaro &lt;b&gt;x&lt;/b&gt;"]
    assert len(offered) > 3 and len(set(offered)) == len(offered)  # the partner cities after, each once
    assert "Luoghi nel testo: Fano, Urbino, Pesaro &lt;b&gt;x&lt;/b&gt;" in page
    assert "<b>x</b>" not in page
    assert "Fano, Urbino" in viewer_client.get(f"/clippings/{target}").text  # a viewer sees them too


def test_a_viewer_cannot_correct_a_speaker(viewer_client, engine, seeded) -> None:  # noqa: ANN001
    from rassegna.storage.repository import save_analysis

    target = seeded["Genova24"]
    with session_scope(engine) as session:
        analysis = Analysis(quotes=[Quote("Bene così", "Mario Rossi", None)])
        save_analysis(session, session.get(Clipping, target), analysis)
    with Session(engine) as session:
        quote = session.exec(select(ClippingQuote).where(ClippingQuote.clipping_id == target)).one()
    page = viewer_client.get(f"/clippings/{target}").text
    assert "Bene così" in page and f"/quotes/{quote.id}" not in page  # listed, with no form
    assert post(viewer_client, f"/clippings/{target}/quotes/{quote.id}", {"speaker": "X"}).status_code == 403
    with Session(engine) as session:
        assert session.get(ClippingQuote, quote.id).speaker == "Mario Rossi"


def test_the_inbox_filters_clippings_with_something_to_check(editor_client, seeded) -> None:  # noqa: ANN001
    html = editor_client.get("/inbox?to_check=true").text
    titles = re.findall(r'<h2><a href="/clippings/(\d+)">', html)
    assert titles == [str(seeded["Ilmessaggero.it"])]  # the one seeded clipping with a flagged speaker
    assert "1 autore da verificare" in html
    assert 'name="to_check" value="true" checked' in html
    assert "status=accepted&amp;campaign=&amp;to_check=true" in html  # the tabs keep the filter
    assert len(re.findall(r'<h2><a href="/clippings/', editor_client.get("/inbox").text)) == 7
