"""The command line as a user drives it: global options, exit codes, help, the outlet registry."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rassegna.app.cli import app

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def all_commands() -> list[list[str]]:
    import typer.main

    found: list[list[str]] = []

    def walk(command, path):
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


def test_every_command_has_help():
    commands = all_commands()
    names = {" ".join(c) for c in commands}
    assert {"crawl", "import", "report", "analyze", "outlets list", "outlets set"} <= names
    for command in commands:
        result = run(*command, "--help")
        assert result.exit_code == 0, (command, result.output)
        assert "Usage" in result.output


def test_the_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "rassegna", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("rassegna ")


def test_a_broken_config_exits_2_naming_file_and_line(tmp_path, sqlite_url):
    config = tmp_path / "bad.yaml"
    config.write_text("campaigns:\n  - name: X\n    keywords: [X]\n    colour: red\n", encoding="utf-8")
    for command in (["crawl"], ["report", "--campaign", "X", "--from", "2023-01-01", "--to", "2023-01-02"]):
        result = run("--config", str(config), "--db", sqlite_url, *command)
        assert result.exit_code == 2
        assert f"{config}, line 4: campaigns[0].colour: unknown key" in result.output


def test_config_comes_from_the_environment(monkeypatch, tmp_path, sqlite_url):
    config = tmp_path / "env.yaml"
    config.write_text("outlets:\n  - {name: Solo, category: social}\n", encoding="utf-8")
    monkeypatch.setenv("RASSEGNA_CONFIG", str(config))
    monkeypatch.setenv("RASSEGNA_DATABASE_URL", sqlite_url)
    names = [o["name"] for o in json.loads(run("outlets", "list", "--json").stdout)]
    assert names == ["Solo"]
    assert Path(sqlite_url.removeprefix("sqlite:///")).exists()


def test_import_reports_bad_rows_and_exits_1(tmp_path, sqlite_url):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "outlet,category,audience,title,date,journalist,url,text,campaign\nAgir,agenzie,,LgNet2,ieri,,,,\n",
        encoding="utf-8",
    )
    result = run("--db", sqlite_url, "import", str(bad), "--no-nlp")
    assert result.exit_code == 1
    assert f"{bad}, line 2, field 'date'" in result.output and "nothing imported" in result.output


def test_outlets_set_adds_and_updates_keeping_audience_history(sqlite_url):
    assert run("--db", sqlite_url, "outlets", "set", "Nuova Testata").exit_code == 2  # category needed
    result = run(
        "--db", sqlite_url, "outlets", "set", "Nuova Testata", "--category", "quotidiani",
        "--audience", "1.000", "--audience-source", "audiweb", "--audience-date", "2024-11", "--domain", "www.nuova.it",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    run("--db", sqlite_url, "outlets", "set", "nuova testata", "--audience", "2000", "--audience-date", "2025-11")
    listed = {o["name"]: o for o in json.loads(run("--db", sqlite_url, "outlets", "list", "--json").stdout)}
    outlet = listed["Nuova Testata"]
    assert (outlet["category"], outlet["audience"], outlet["audience_date"], outlet["domains"]) == (
        "quotidiani", 2000, "2025-11-01", ["nuova.it"]
    )  # fmt: skip
    from sqlmodel import select

    from rassegna.storage.db import engine_for, session_scope
    from rassegna.storage.models import AudienceFigure

    with session_scope(engine_for(sqlite_url)) as session:
        history = [(f.audience, f.source) for f in session.exec(select(AudienceFigure).order_by(AudienceFigure.id))]
    assert history[-2:] == [(1000, "audiweb"), (2000, "audiweb")]
    bad = run("--db", sqlite_url, "outlets", "set", "X", "--category", "blog")
    assert bad.exit_code == 2 and "unknown category" in bad.output


@pytest.mark.parametrize(
    "args", [["--from", "2023-13-01", "--to", "2023-12-31"], ["--from", "2023-12-31", "--to", "2023-01-01"]]
)
def test_report_refuses_bad_periods(sqlite_url, args):
    result = run("--db", sqlite_url, "report", "--campaign", "LgNet2", *args, "--format", "json")
    assert result.exit_code == 2


def test_report_refuses_an_unknown_campaign(sqlite_url, tmp_path):
    result = run("--db", sqlite_url, "report", "--campaign", "Nope", "--from", "2023-01-01", "--to", "2023-12-31",
                 "--format", "json", "--output", str(tmp_path / "r.json"))  # fmt: skip
    assert result.exit_code == 2 and "No campaign named 'Nope'" in result.output


def test_analyze_prints_the_contract_json(tmp_path):
    article = tmp_path / "torino.txt"
    article.write_text(
        "(ANSA) - TORINO, 18 OTT - Nella città di Torino hanno trovato una soluzione abitativa 160 persone.\n\n"
        '"Il progetto LgNet2 ha reso Torino più inclusiva - ha spiegato Jacopo Rosatelli, assessore alle '
        "Politiche sociali -. Ma l'impegno deve continuare\".",
        encoding="utf-8",
    )
    result = run("analyze", "--title", "Torino nel progetto LgNet2", str(article))
    assert result.exit_code == 0, result.output
    analysis = json.loads(result.stdout)
    # the contract's keys, and the flags that extend it: whether a reviewer should check the city and each speaker
    assert set(analysis) == {"campaigns", "city", "city_to_check", "places", "figures", "quotes", "journalist"}
    assert set(analysis["quotes"][0]) == {"text", "speaker", "role", "speaker_to_check"}
    assert analysis["campaigns"][0]["name"] == "LgNet2" and "LgNet2" in analysis["campaigns"][0]["snippet"]
    assert analysis["city"] == "Torino" and analysis["places"][0] == "Torino"
    assert {"value": 160, "unit": "persone", "qualifier": None, "text": "160 persone"} in analysis["figures"]
    assert analysis["quotes"][0]["speaker"] == "Jacopo Rosatelli"
    assert analysis["quotes"][0]["role"].startswith("assessore alle Politiche sociali")
    # "ha spiegato Jacopo Rosatelli" is an attribution pattern, "Nella città di Torino" an explicit frame
    assert analysis["quotes"][0]["speaker_to_check"] is False
    assert analysis["city_to_check"] is False


def test_analyze_reads_standard_input_and_says_when_nothing_matches():
    result = run("analyze", "-", input="Un articolo sul meteo a Bari, senza parole chiave.")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["campaigns"] == []
