"""One outlet model family: the config's Outlet and the OutletRow table share their fields and convert whole."""

from __future__ import annotations

from datetime import date

import pytest

from rassegna.config import Outlet
from rassegna.config.models import OUTLET_FIELDS, OutletFields
from rassegna.storage.db import create_db_engine, read_session, session_scope
from rassegna.storage.models import Clipping, OutletRow, id_of, table_of
from rassegna.storage.repository import find_outlet, outlet_row_to_config, upsert_outlet

FULL = Outlet(
    name="Torinoggi.it",
    category="quotidiani",
    audience=1_464_811,
    audience_source="audiweb",
    audience_date=date(2023, 9, 1),
    domains=["torinoggi.it"],
    feeds=["http://www.torinoggi.it/rss/"],
    sitemaps=["https://torinoggi.it/sitemap.xml"],
    start_urls=["https://torinoggi.it/"],
    text_policy="excerpt",
)


def test_config_and_table_share_one_definition_of_the_outlet():
    assert issubclass(Outlet, OutletFields) and issubclass(OutletRow, OutletFields)
    assert set(table_of(OutletRow).columns.keys()) >= OUTLET_FIELDS
    assert set(FULL.model_dump()) == OUTLET_FIELDS  # every field is set above: the round trip checks them all


def test_an_outlet_stored_and_read_back_is_the_same_outlet(db_url):
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        upsert_outlet(session, FULL)
    with read_session(engine) as session:
        row = find_outlet(session, "Torinoggi.it")
        assert row is not None and outlet_row_to_config(row) == FULL


def test_an_update_replaces_every_field_but_the_name(db_url):
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        upsert_outlet(session, FULL)
    changed = Outlet(name="TORINOGGI.IT", category="portali", domains=["torinoggi.com"])
    with session_scope(engine) as session:
        row = upsert_outlet(session, changed)
        assert outlet_row_to_config(row) == changed.model_copy(update={"name": "Torinoggi.it"})


def test_the_config_model_still_refuses_unknown_keys():
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        Outlet.model_validate({"name": "X", "category": "portali", "feed": ["http://x.it/rss"]})


def test_id_of_names_a_row_never_flushed():
    assert id_of(OutletRow(id=7, name="X", category="portali")) == 7
    with pytest.raises(ValueError, match="Clipping has no id yet"):
        id_of(Clipping(dedupe_key="k", outlet_id=1, category="portali", title="t"))
