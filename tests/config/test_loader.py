"""Configuration loading: the bundled config, and errors that name file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from rassegna.config import CATEGORIES, ConfigError, load_outlets, load_settings
from rassegna.config.loader import DEFAULT_CONFIG, config_path, database_url

GOOD = """\
campaigns:
  - name: LgNet2
    keywords: [LgNet2]
outlets:
  - name: Torinoggi.it
    category: quotidiani
    audience: 1000
    domains: [www.Torinoggi.it]
"""


def write(tmp_path: Path, text: str, name: str = "config.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    return caught.value


def test_bundled_config_has_both_campaigns_and_every_reference_outlet(settings, reference_csv):
    import csv

    assert [c.name for c in settings.campaigns] == ["LgNet2", "LGNet3"]
    lgnet2 = settings.campaign("lgnet2")
    assert len(lgnet2.partner_cities) == 16 and "Latina" in lgnet2.partner_cities
    assert "Milano" in settings.campaign("LGNet3").partner_cities
    registry = {o.name: o for o in settings.outlets}
    with reference_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            outlet = registry[row["outlet"]]
            assert outlet.category == row["category"]
            assert outlet.audience == (int(row["audience"]) if row["audience"] else None)
    assert registry["Torinoggi.it"].domains == ["torinoggi.it"]
    assert registry["Ilmessaggero.it"].audience_source == "audiweb"
    assert registry["Facebook – Trieste Cafè"].domains == []


def test_a_good_file_loads_and_normalises_domains(tmp_path):
    settings = load_settings(write(tmp_path, GOOD))
    assert settings.outlets[0].domains == ["torinoggi.it"]
    assert settings.crawl.obey_robots_txt is True


@pytest.mark.parametrize(
    ("text", "line", "key", "message"),
    [
        (
            GOOD + "  - name: X\n    category: quotidiani\n    colour: red\n",
            11,
            "outlets[1].colour",
            "unknown key",
        ),
        (GOOD.replace("audience: 1000", "audience: mille"), 7, "outlets[0].audience", "integer"),
        (
            GOOD.replace("category: quotidiani", "category: blog"),
            6,
            "outlets[0].category",
            "unknown category 'blog'",
        ),
        ("crawl:\n  max_depth: 2\n  concurency: 4\n", 3, "crawl.concurency", "unknown key"),
        ("campaigns:\n  - name: A\n", 2, "campaigns[0].keywords", "required key is missing"),
        ("crawl: {download_timeout: -1}\n", 1, "crawl.download_timeout", "greater than 0"),
        (
            "schedule:\n  reports:\n    - {campaign: Nope, cron: '0 6 * * *'}\n",
            3,
            "schedule.reports[0].campaign",
            "Nope",
        ),
        ("campaigns: []\ncampaigns: []\n", 2, "campaigns", "duplicate key"),
    ],
)
def test_errors_name_the_file_the_line_and_the_key(tmp_path, text, line, key, message):
    path = write(tmp_path, text)
    error = error_of(path)
    assert (error.file, error.line, error.key) == (str(path), line, key)
    assert message in error.message
    assert f"line {line}" in str(error) and key in str(error)


def test_bad_yaml_reports_its_line(tmp_path):
    error = error_of(write(tmp_path, "campaigns:\n  - name: [unclosed\n  keywords: x\n"))
    assert error.line in (2, 3) and "invalid YAML" in error.message


def test_missing_and_non_utf8_files_are_clear_errors(tmp_path):
    assert "file not found" in str(error_of(tmp_path / "nope.yaml"))
    path = tmp_path / "latin1.yaml"
    path.write_bytes("campaigns: []\n# città\n".encode("latin-1"))
    assert "not UTF-8" in str(error_of(path))


def test_outlets_file_is_relative_to_the_config_and_its_errors_name_it(tmp_path):
    write(tmp_path, "- name: A\n  category: social\n- name: B\n  category: tv\n", "outlets.yaml")
    path = write(tmp_path, "outlets_file: outlets.yaml\n")
    error = error_of(path)
    assert error.file == str(tmp_path / "outlets.yaml") and error.line == 4 and error.key == "[1].category"
    write(tmp_path, "outlets:\n  - name: A\n    category: social\n", "outlets.yaml")
    assert [o.name for o in load_settings(path).outlets] == ["A"]
    assert [o.name for o in load_outlets(tmp_path / "outlets.yaml")] == ["A"]


def test_duplicate_outlet_names_are_refused(tmp_path):
    text = "outlets:\n  - {name: A, category: social}\n  - {name: a, category: social}\n"
    assert "duplicate outlet name" in str(error_of(write(tmp_path, text)))


def test_environment_overrides(monkeypatch, tmp_path, settings):
    monkeypatch.delenv("RASSEGNA_CONFIG", raising=False)
    monkeypatch.delenv("RASSEGNA_DATABASE_URL", raising=False)
    assert config_path(None) == DEFAULT_CONFIG
    assert database_url(None, settings) == "sqlite:///rassegna.db"
    monkeypatch.setenv("RASSEGNA_CONFIG", str(tmp_path / "x.yaml"))
    monkeypatch.setenv("RASSEGNA_DATABASE_URL", "sqlite:///env.db")
    assert config_path(None) == tmp_path / "x.yaml"
    assert config_path("cli.yaml") == Path("cli.yaml")
    assert database_url(None, settings) == "sqlite:///env.db"
    assert database_url("sqlite:///cli.db", settings) == "sqlite:///cli.db"
    monkeypatch.delenv("RASSEGNA_DATABASE_URL")
    assert database_url(None, settings.model_copy(update={"database_url": "sqlite:///cfg.db"})) == "sqlite:///cfg.db"


def test_the_seven_categories_in_report_order():
    assert list(CATEGORIES) == [
        "agenzie",
        "quotidiani",
        "periodici",
        "specializzati",
        "radio_tv",
        "social",
        "portali",
    ]
