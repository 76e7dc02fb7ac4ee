"""Bylines, campaign keywords and hosts: the helpers reports and storage share with the crawler and the NLP."""

from __future__ import annotations

import pytest

from rassegna.text.keywords import keyword_literal, keyword_pattern, keywords_regex
from rassegna.text.names import byline_short, short_name
from rassegna.text.runs import counts_text
from rassegna.text.urls import host_of, site_domain


@pytest.mark.parametrize(
    ("name", "short"),
    [("Alice Gipponi", "A. Gipponi"), ("Giovanni Di Meo", "G. Di Meo"), ("Anna Maria D'Angelo", "A. M. D'Angelo")],
)
def test_short_name(name: str, short: str) -> None:
    assert short_name(name) == short


def test_byline_short_collapses_spaces_and_keeps_none_empty() -> None:
    assert byline_short("  Alessandro   Gipponi ") == "A. Gipponi" and byline_short(None) == byline_short(" ") == ""


def test_keywords_are_matched_tolerantly_and_whole() -> None:
    pattern = keywords_regex(["LgNet", "LgNet2"])
    assert pattern is not None
    found = [m.group(0) for m in pattern.finditer("LG-Net 2, Ignet2, lgnet e LgNet25")]
    assert found == ["LG-Net 2", "Ignet2", "lgnet"]
    assert keywords_regex([" ", ""]) is None
    from rassegna.crawler import matcher

    assert matcher.keyword_pattern is keyword_pattern  # the matcher judges relevance with the same patterns


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("LgNet2 a Torino", ["LgNet2"]),  # at the very start of the text
        ("(LgNet2), «Ignet2» e _lgnet2", ["LgNet2", "Ignet2", "lgnet2"]),  # after brackets, quotes, an underscore
        ("xlgnet2, élgnet2, 9lgnet2, lgnet2x", []),  # glued to a letter or digit on either side
        ("Il progetto LgNetEA.", ["LgNetEA"]),
    ],
)
def test_keywords_are_whole_words_wherever_they_stand(text: str, found: list[str]) -> None:
    # the word check before a keyword sits after its first letter (speed): it must still see what comes before it
    pattern = keywords_regex(["LgNet2", "LgNetEA"])
    assert pattern is not None and [m.group(0) for m in pattern.finditer(text)] == found


@pytest.mark.parametrize(
    ("keyword", "text", "found"),
    [
        (
            "Città Metropolitana",
            "La CITTÀ METROPOLITANA e la città metropolitana",
            ["CITTÀ METROPOLITANA", "città metropolitana"],
        ),
        ("Forlì", "Da Forlì a forlì, non Forlimpopoli", ["Forlì", "forlì"]),
        ("Sant'Agata", "A Sant’Agata, Sant'Agata e Sant Agata", ["Sant’Agata", "Sant'Agata", "Sant Agata"]),
        ("Solidarietà", "la solidarietà, non solidarietàx", ["solidarietà"]),
    ],
)
def test_keywords_with_accents_and_apostrophes_match(keyword: str, text: str, found: list[str]) -> None:
    # Italian keywords carry accents and apostrophes: before, "Città" was cut to "Citt" and never matched
    pattern = keywords_regex([keyword])
    assert pattern is not None
    assert [m.group(0) for m in pattern.finditer(text)] == found


@pytest.mark.parametrize(
    ("keyword", "variants"),
    [
        ("LgNet2", ["LG-Net 2", "Ignet2", "lgnet2", "1gNET2", "|g.Net_2", "LGNET2"]),
        ("LGNET 3", ["LgNet3", "lgnet 3", "IGNET3"]),
        ("Local Government Network", ["LOCAL GOVERNMENT NETWORK", "local-government network"]),
        ("Cittalia", ["CITTALIA", "Citta1ia"]),
    ],
)
def test_every_variant_a_keyword_matches_contains_its_literal(keyword: str, variants: list[str]) -> None:
    # the matcher skips the pattern on a page whose lower-cased text lacks the literal: it must never lose a match
    literal, pattern = keyword_literal(keyword), keywords_regex([keyword])
    assert literal and pattern is not None
    for variant in variants:
        assert pattern.fullmatch(variant), variant
        assert literal in variant.lower(), variant


def test_a_keyword_of_tolerated_letters_only_has_no_literal() -> None:
    # l, i, k, s and 1 match more than themselves: such a keyword gives no literal, and every text is searched
    assert keyword_literal("Lil") == keyword_literal("SKI") == ""


def test_hosts_and_registrable_domains() -> None:
    assert host_of("https://WWW.Esempio.it./a") == "esempio.it"
    assert site_domain("https://m.notizie.esempio.co.uk/x") == "esempio.co.uk" and site_domain("nothing") == ""


def test_counts_text() -> None:
    assert counts_text({"pages": 12, "matched": 3, "new_clippings": 2, "errors": 0}) == (
        "pagine 12 · pertinenti 3 · nuove 2 · errori 0"
    )
    assert counts_text({"files": 2, "exit_code": 1, "period": ["a", "b"]}) == "file 2 · exit 1"
    assert counts_text({}) == ""
