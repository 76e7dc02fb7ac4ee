"""The bundled outlet registry and campaigns: complete, sourced and usable on the real web."""

from __future__ import annotations

import re

import yaml

from rassegna.config import CATEGORIES, load_outlets
from rassegna.config.loader import DEFAULT_CONFIG
from rassegna.crawler.urls import domain_owner, host_of

OUTLETS_FILE = DEFAULT_CONFIG.with_name("outlets.yaml")
HOSTNAME = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")

_SOCIAL = "a page on a shared social platform: facebook.com/twitter.com cannot belong to one outlet"
_WIRE = "an ANSA subscriber wire; what ANSA publishes on the web is the outlet ANSA.it"
_SYNDICATED = "a copy republished on virgilio.it, the host of the outlet Virgilio.it"
# Outlets of the reference review that rightly have no domain of their own, and why.
WITHOUT_DOMAIN: dict[str, str] = {
    "ANSA - Politics News Service": _WIRE,
    "ANSA - Regional Service": _WIRE,
    "ANSA - General News": _WIRE,
    "Agir": "an agency whose web site no public source confirms",
    "TGR Basilicata": "a regional newscast whose pages are under rainews.it/tgr/, the host of Rainews.it",
    "Virgilio.it - Torinoggi.it": _SYNDICATED,
    "Virgilio.it – Liguria Business Journal": _SYNDICATED,
    "Virgilio.it – Genova 24": _SYNDICATED,
    "Facebook - Alto Adige": _SOCIAL,
    "Facebook – Vivere Perugia": _SOCIAL,
    "Twitter – Vivere Perugia": _SOCIAL,
    "Facebook – Mondoreale Quotidiano": _SOCIAL,
    "Facebook – LatinaNews": _SOCIAL,
    "Facebook – Il Mattino di Basilicata": _SOCIAL,
    "Facebook – SassiLive": _SOCIAL,
    "Twitter – SassiLive": _SOCIAL,
    "Facebook – Taranto BuonaSera": _SOCIAL,
    "Facebook – Mediterraneanews.org": _SOCIAL,
    "Facebook – Terzo settore ed i volontari della provincia di Caserta": _SOCIAL,
    "Facebook – Pubblica Now": _SOCIAL,
    "Facebook – Trieste Cafè": _SOCIAL,
}

LGNET3_PARTNERS = {
    "Aosta", "Bari", "Bologna", "Bolzano", "Cagliari", "Campobasso", "Caserta", "Catanzaro", "Firenze",
    "Genova", "Latina", "Milano", "Napoli", "Palermo", "Perugia", "Potenza", "Roma", "Sassari", "Taranto",
    "Torino", "Trieste", "Venezia",
}  # fmt: skip


def test_the_bundled_registry_loads_with_at_least_150_outlets(settings):
    outlets = load_outlets(OUTLETS_FILE)
    assert len(outlets) >= 150
    assert [o.name for o in settings.outlets] == [o.name for o in outlets]
    assert all(o.category in CATEGORIES for o in outlets)


def test_every_outlet_has_a_domain_unless_it_has_no_web_presence_of_its_own(settings):
    registry = {o.name: o for o in settings.outlets}
    assert set(WITHOUT_DOMAIN) <= set(registry), "the exemptions name outlets of the registry"
    missing = [o.name for o in settings.outlets if not o.domains and o.name not in WITHOUT_DOMAIN]
    assert missing == []
    assert [name for name in WITHOUT_DOMAIN if registry[name].domains] == []
    assert registry["AskaneWS"].domains == ["askanews.it"]
    assert registry["La Nuova Sardegna"].domains == ["lanuovasardegna.it"]
    assert registry["Virgilio.it"].domains == ["virgilio.it"] and registry["ANSA.it"].domains == ["ansa.it"]


def test_domains_in_the_file_are_bare_lower_case_hostnames():
    raw = yaml.safe_load(OUTLETS_FILE.read_text(encoding="utf-8"))["outlets"]
    bad = [
        (o["name"], d)
        for o in raw
        for d in o.get("domains") or []
        if not HOSTNAME.match(d) or d.startswith("www.") or host_of(f"https://{d}/") != d
    ]
    assert bad == []


def test_each_host_belongs_to_exactly_one_outlet(settings):
    claims: dict[str, list[str]] = {}
    for outlet in settings.outlets:
        for domain in outlet.domains:
            claims.setdefault(domain, []).append(outlet.name)
    assert {d: names for d, names in claims.items() if len(names) > 1} == {}
    owners = {d: names[0] for d, names in claims.items()}
    # Shared-host rule: a subdomain listed as its own outlet wins over its parent domain.
    assert [d for d, name in owners.items() if domain_owner(d, owners) != name] == []
    assert domain_owner("corrierefiorentino.corriere.it", owners) == "Corriere Fiorentino"
    assert domain_owner("milano.corriere.it", owners) == "Corriere della Sera"
    assert domain_owner("www.rainews.it", owners) == "Rainews.it"


def test_audience_only_with_its_source_and_month(settings):
    with_figure = [o for o in settings.outlets if o.audience is not None]
    assert with_figure and all(o.audience_source and o.audience_date for o in with_figure)
    assert all(o.audience_date.day == 1 for o in with_figure)  # a month, not a day
    assert [o.name for o in settings.outlets if o.audience is None and (o.audience_source or o.audience_date)] == []


def test_every_added_outlet_names_the_public_page_that_supports_it():
    lines = OUTLETS_FILE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "---- Part 2" in line)
    unsourced = [
        line
        for before, line in zip(lines[start:], lines[start + 1 :], strict=False)
        if line.startswith("  - name:") and not re.match(r"  # \S", before)
    ]
    assert unsourced == []
    part2 = [line for line in lines[start:] if line.startswith("  - name:")]
    assert len(part2) >= 95


def test_the_reference_outlets_keep_their_order_and_come_first(settings, reference_csv):
    import csv

    with reference_csv.open(encoding="utf-8") as handle:
        reference = list(dict.fromkeys(row["outlet"] for row in csv.DictReader(handle)))
    assert [o.name for o in settings.outlets[: len(reference)]] == reference


def test_lgnet3_names_its_partner_cities_each_with_its_source(settings):
    cities = settings.campaign("LGNet3").partner_cities
    assert set(cities) == LGNET3_PARTNERS and len(cities) == len(LGNET3_PARTNERS)
    assert {"Genova", "Latina", "Palermo", "Perugia", "Torino", "Trieste", "Milano"} <= set(cities)
    block = DEFAULT_CONFIG.read_text(encoding="utf-8").split("name: LGNet3", 1)[1].split("\n\n", 1)[0]
    items = [line for line in block.splitlines() if line.strip().startswith("- ")]
    assert len(items) == len(cities)
    assert [line for line in items if not re.search(r"# https://\S+", line)] == []


def test_both_campaigns_cover_the_lgnet2_cities(settings):
    assert set(settings.campaign("LgNet2").partner_cities) <= set(settings.campaign("LGNet3").partner_cities)
