"""The review desk's queries: inbox, stories, counts, audit trail and the dashboard's crawl facts."""

from __future__ import annotations

from datetime import date, timedelta

from rassegna.config import Outlet
from rassegna.domain import Article, CampaignMatch
from rassegna.storage import desk
from rassegna.storage.db import create_db_engine, read_session, session_scope
from rassegna.storage.models import AuditEntry, Clipping, CrawlError, CrawlRun, Story, utcnow
from rassegna.storage.queries import Selection
from rassegna.storage.repository import store_article, upsert_outlet


def _article(title: str, published: date | None, campaign: str = "LgNet2", outlet: str = "Torinoggi.it") -> Article:
    return Article(
        outlet=outlet,
        title=title,
        published=published,
        text=f"{title}: il progetto {campaign}.",
        url=None,
        canonical_url=None,
        category="quotidiani",
        source="import",
        campaigns=[CampaignMatch(campaign, campaign, f"il progetto {campaign}")],
    )


def _stored(engine, articles: list[Article]) -> list[int]:  # noqa: ANN001
    with session_scope(engine) as session:
        upsert_outlet(session, Outlet(name="Torinoggi.it", category="quotidiani"))
        return [store_article(session, a)[0].id for a in articles]


def test_inbox_pages_by_status_and_campaign_newest_first(db_url):
    engine = create_db_engine(db_url)
    undated, old, new, other = _stored(
        engine,
        [
            _article("Senza data", None),
            _article("Vecchio", date(2023, 10, 1)),
            _article("Nuovo", date(2023, 10, 20)),
            _article("Altra campagna", date(2023, 10, 25), campaign="Altro"),
        ],
    )
    with session_scope(engine) as session:
        session.get(Clipping, old).review_status = "accepted"
    with read_session(engine) as session:
        rows, total = desk.inbox_rows(session, status=None, campaign="lgnet2", offset=0, limit=50)
        assert [c.id for c, _ in rows] == [new, old, undated] and total == 3  # undated last
        assert {outlet for _, outlet in rows} == {"Torinoggi.it"}
        rows, total = desk.inbox_rows(session, status="new", campaign=None, offset=1, limit=1)
        assert [c.id for c, _ in rows] == [new] and total == 3  # other, new, undated: the second
        assert desk.review_status_counts(session) == {"new": 3, "accepted": 1}
        assert list(desk.clipping_counts_by_outlet(session).values()) == [4]
        assert desk.latest_publication(session, "LGNET2") == date(2023, 10, 20)
        assert desk.latest_publication(session, "Nessuna") is None
        links = desk.campaign_links(session, [new, other])
        assert {k: [link.campaign for link in v] for k, v in links.items()} == {new: ["LgNet2"], other: ["Altro"]}
        assert desk.outlet_names(session) == ["Torinoggi.it"]


def test_stories_members_and_sizes(db_url):
    engine = create_db_engine(db_url)
    first, second, alone = _stored(
        engine, [_article("Uno", date(2023, 10, 2)), _article("Due", date(2023, 10, 1)), _article("Tre", None)]
    )
    with session_scope(engine) as session:
        story = Story(label="Comunicato")
        session.add(story)
        session.flush()
        for clipping_id in (first, second):
            session.get(Clipping, clipping_id).story_id = story.id
        story_id = story.id
    with read_session(engine) as session:
        assert desk.story_sizes(session, [story_id]) == {story_id: 2}
        assert desk.story_sizes(session, []) == {}
        members = desk.story_members(session, session.get(Clipping, first))
        assert [(c.id, outlet) for c, outlet in members] == [(second, "Torinoggi.it")]
        assert desk.story_members(session, session.get(Clipping, alone)) == []
        assert sorted(c.id for c in desk.story_clippings(session, story_id)) == sorted([first, second])


def test_audit_entries_newest_first_and_filtered(db_url):
    engine = create_db_engine(db_url)
    now = utcnow()
    with session_scope(engine) as session:
        for minutes, entity, entity_id in ((3, "clipping", 1), (2, "outlet", 1), (1, "clipping", 2)):
            at = now - timedelta(minutes=minutes)
            session.add(AuditEntry(at=at, username="ada", action="edit", entity=entity, entity_id=entity_id))
    with read_session(engine) as session:
        every = desk.audit_entries(session)
        assert [(e.entity, e.entity_id) for e in every] == [("clipping", 2), ("outlet", 1), ("clipping", 1)]
        assert [e.entity_id for e in desk.audit_entries(session, entity="clipping")] == [2, 1]
        assert len(desk.audit_entries(session, entity="clipping", entity_id=1)) == 1
        assert len(desk.audit_entries(session, limit=2)) == 2


def test_desk_facts_count_the_backlog_of_the_selection_and_the_errors_of_recent_runs(db_url):
    engine = create_db_engine(db_url)
    _inside, _outside, accepted = _stored(
        engine,
        [
            _article("Dentro", date(2023, 10, 5)),
            _article("Fuori", date(2023, 12, 5)),
            _article("Ok", date(2023, 10, 6)),
        ],
    )
    with session_scope(engine) as session:
        session.get(Clipping, accepted).review_status = "accepted"
        upsert_outlet(session, Outlet(name="esempio.it", category="portali"), to_classify=True)
        runs = [CrawlRun(started_at=utcnow() - timedelta(hours=h)) for h in range(3)]
        session.add_all(runs)
        session.flush()
        session.add(CrawlError(crawl_run_id=runs[2].id, kind="timeout", message="oldest run"))
        session.add(CrawlError(crawl_run_id=runs[0].id, kind="http_404", message="newest run"))
    with read_session(engine) as session:
        facts = desk.desk_facts(session, Selection("LgNet2", date(2023, 10, 1), date(2023, 10, 31)), runs=2)
    assert facts.pending == 1  # "Dentro": new and in the period; "Ok" is accepted, "Fuori" outside
    assert facts.outlets_to_classify == 1
    assert [r.started_at for r in facts.runs] == sorted((r.started_at for r in facts.runs), reverse=True)
    assert len(facts.runs) == 2
    assert [e.message for e in facts.errors] == ["newest run"]  # the third run is not among the latest two
