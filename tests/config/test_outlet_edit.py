"""The outlet-edit parser shared by the desk's form and `rassegna outlets set`."""

from __future__ import annotations

from datetime import date

import pytest

from rassegna.config import Outlet
from rassegna.config.outlet_edit import (
    OutletEditError,
    edit_outlet,
    parse_audience,
    parse_month,
    split_lines,
    typed_values,
)

CURRENT = Outlet(
    name="Torinoggi.it",
    category="quotidiani",
    audience=120_000,
    audience_source="audiweb",
    audience_date=date(2023, 9, 1),
    domains=["torinoggi.it"],
    feeds=["http://www.torinoggi.it/rss/"],
)


def test_a_change_of_none_leaves_the_field_as_it_is():
    edited = edit_outlet(CURRENT, CURRENT.name, {"audience": None, "feeds": None, "category": None})
    assert edited == CURRENT


def test_typed_values_are_parsed_like_a_person_writes_them():
    edited = edit_outlet(
        CURRENT,
        CURRENT.name,
        {
            "audience": "1.464.811",
            "audience_date": "2025-11",
            "domains": "www.Torinoggi.it\r\n\r\ntorinoggi.com ",
            "sitemaps": ["https://torinoggi.it/sitemap.xml"],
            "audience_source": "  ",
            "text_policy": "excerpt",
        },
    )
    assert edited.audience == 1_464_811
    assert edited.audience_date == date(2025, 11, 1)
    assert edited.domains == ["torinoggi.it", "torinoggi.com"]  # one per line, bare hosts
    assert edited.sitemaps == ["https://torinoggi.it/sitemap.xml"]
    assert edited.audience_source is None  # empty text: not set
    assert edited.text_policy == "excerpt"
    assert edited.feeds == CURRENT.feeds  # not sent: kept


@pytest.mark.parametrize("unknown", ["", "none", "N.D."])
def test_an_audience_can_be_said_unknown(unknown):
    assert edit_outlet(CURRENT, CURRENT.name, {"audience": unknown}).audience is None


def test_a_new_outlet_needs_its_category_and_gets_its_name():
    outlet = edit_outlet(None, "Nuova Testata", {"category": "portali", "domains": ["nuova.it"]})
    assert (outlet.name, outlet.category, outlet.domains) == ("Nuova Testata", "portali", ["nuova.it"])
    with pytest.raises(OutletEditError) as refused:
        edit_outlet(None, "Nuova Testata", {"category": ""})
    assert "unknown category ''" in refused.value.errors["category"]


def test_every_bad_field_is_named_at_once():
    with pytest.raises(OutletEditError) as refused:
        edit_outlet(
            CURRENT,
            CURRENT.name,
            {"audience": "tanti", "audience_date": "ottobre", "feeds": "torinoggi.it/rss\nftp://x.it/feed"},
        )
    errors = refused.value.errors
    assert set(errors) == {"audience", "audience_date", "feeds"}
    assert "is not an audience" in errors["audience"]
    assert "'ottobre' is not a month" in errors["audience_date"]
    assert errors["feeds"] == "not http(s) addresses: torinoggi.it/rss, ftp://x.it/feed"


def test_the_model_refuses_what_the_parser_lets_through():
    with pytest.raises(OutletEditError) as refused:
        edit_outlet(CURRENT, CURRENT.name, {"category": "blog", "text_policy": "tutto"})
    assert set(refused.value.errors) == {"category", "text_policy"}


def test_a_field_that_is_not_an_outlet_field_is_refused():
    with pytest.raises(OutletEditError) as refused:
        edit_outlet(CURRENT, CURRENT.name, {"audience_month": "2023-09"})
    assert refused.value.errors == {"audience_month": "not an outlet field"}


def test_helpers():
    assert parse_audience("1.464.811") == parse_audience("1464811") == parse_audience(1464811) == 1464811
    assert parse_audience(" ") is None
    with pytest.raises(ValueError, match="cannot be negative"):
        parse_audience(-3)
    assert parse_month("2023-09") == date(2023, 9, 1) and parse_month("2023-09-15") == date(2023, 9, 15)
    assert split_lines("a\n\n b \r\nc") == ["a", "b", "c"] and split_lines(None) == []


def test_typed_values_are_what_the_parser_reads_back():
    values = typed_values(CURRENT)
    assert values["audience"] == "120.000" and values["audience_date"] == "2023-09" and values["text_policy"] == ""
    assert edit_outlet(None, CURRENT.name, {k: v for k, v in values.items() if k != "name"}) == CURRENT
