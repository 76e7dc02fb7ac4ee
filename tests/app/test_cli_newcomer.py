"""What a newcomer trips over at the command line: one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from rassegna.app.cli import app

runner = CliRunner()
HEADER = "outlet,category,audience,title,date,journalist,url,text,campaign\n"
ROW = 'Agir,agenzie,,"Latina fra i Comuni della rete LgNet2",2023-10-27,,,,LgNet2\n'


def run(*args: str):  # noqa: ANN201 - click Result
    return runner.invoke(app, list(args), catch_exceptions=False)


def one_line_error(result) -> str:  # noqa: ANN001
    """The error output, checked to be one line without a traceback."""
    output = result.output.strip()
    assert "Traceback" not in output and 'File "' not in output, output
    assert len(output.splitlines()) == 1, output
    return output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again: nothing listens there


# --- item 3: --db mistakes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("db", "expected"),
    [
        ("{tmp}", "is a folder, not a database URL: use sqlite:///{tmp}/rassegna.db"),
        ("sqlite:///{tmp}", "points at the folder {tmp}, not a database file"),
        ("{tmp}/press.db", "is not a database URL: for that file write sqlite:///{tmp}/press.db"),
        ("mysql://user:secret@localhost/press", "unsupported database 'mysql'"),
        ("postgresql://postgres@127.0.0.1:{port}/press", "cannot connect to PostgreSQL at 127.0.0.1:{port}"),
    ],
)
def test_a_database_url_mistake_is_one_clear_line_and_exit_2(tmp_path, db, expected):
    port = free_port()
    result = run("--db", db.format(tmp=tmp_path, port=port), "runs")
    assert result.exit_code == 2
    line = one_line_error(result)
    assert expected.format(tmp=tmp_path, port=port) in line
    assert "secret" not in line
    if "PostgreSQL" in expected:
        assert "is the server running?" in line


def test_every_command_opening_the_database_fails_the_same_way(tmp_path):
    for command in (["runs"], ["outlets", "list"], ["crawl"], ["import", str(tmp_path / "x.csv")]):
        result = run("--db", "mysql://localhost/x", *command)
        assert result.exit_code == 2, (command, result.output)
        assert "unsupported database 'mysql'" in one_line_error(result)


# --- item 7: a failed import leaves nothing behind ------------------------------------------------------------


def test_a_failed_import_creates_no_database_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RASSEGNA_DATABASE_URL", raising=False)
    monkeypatch.delenv("RASSEGNA_CONFIG", raising=False)
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + ROW.replace("2023-10-27", "ieri"), encoding="utf-8")
    for target in (bad, tmp_path / "missing.csv", tmp_path):
        result = run("import", str(target))
        assert result.exit_code == 1, result.output
        assert "nothing imported" in result.output
    assert not (tmp_path / "rassegna.db").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_importing_a_folder_says_it_is_a_folder(tmp_path, sqlite_url):
    result = run("--db", sqlite_url, "import", str(tmp_path))
    assert result.exit_code == 1
    assert "is a folder, not a file" in result.output and "not found" not in result.output


# --- item 8 and security 6: report --output, --format, periods ---------------------------------------------


@pytest.fixture
def imported(tmp_path, sqlite_url, reference_csv) -> str:
    result = run("--db", sqlite_url, "import", "--no-nlp", str(reference_csv))
    assert result.exit_code == 0, result.output
    return sqlite_url


def report(db: str, *args: str):  # noqa: ANN201
    return run("--db", db, "report", "--campaign", "LgNet2", *args)


def test_report_takes_the_format_from_the_extension(imported, tmp_path):
    for name, start in (("r.md", b"#"), ("r.json", b"{"), ("r.pdf", b"%PDF")):
        result = report(imported, "--from", "2023-10-01", "--to", "2023-12-31", "--output", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_bytes().lstrip().startswith(start)


def test_report_refuses_a_format_its_file_name_contradicts(imported, tmp_path):
    target = tmp_path / "r.html"
    result = report(imported, "--from", "2023-10-01", "--to", "2023-12-31", "--format", "pdf", "--output", str(target))
    assert result.exit_code == 2
    assert "does not end in .pdf" in one_line_error(result) and "r.pdf" in result.output
    assert not target.exists()
    result = report(imported, "--from", "2023-10-01", "--to", "2023-12-31", "--output", str(tmp_path / "r.txt"))
    assert result.exit_code == 2 and "cannot tell the format" in result.output


def test_report_does_not_create_a_missing_folder(imported, tmp_path):
    target = tmp_path / "nuova" / "cartella" / "r.pdf"
    result = report(imported, "--from", "2023-10-01", "--to", "2023-12-31", "--output", str(target))
    assert result.exit_code == 2
    assert f"{target.parent} does not exist: create it first" in one_line_error(result)
    assert not (tmp_path / "nuova").exists()


def test_an_empty_period_warns_and_writes_nothing_unless_asked(imported, tmp_path):
    target = tmp_path / "vuota.pdf"
    args = ("--from", "2020-01-01", "--to", "2020-12-31", "--output", str(target))
    result = report(imported, *args)
    assert result.exit_code == 3
    assert "no clipping of LgNet2 published from 2020-01-01 to 2020-12-31" in result.output
    assert not target.exists()
    result = report(imported, *args, "--allow-empty")
    assert result.exit_code == 0 and target.read_bytes().startswith(b"%PDF")
    assert "warning: no clipping" in result.output


@pytest.mark.parametrize("bad", ["9999-12-31", "0001-01-01"])
def test_a_date_out_of_range_is_a_clear_error(imported, bad):
    result = report(imported, "--from", "2023-10-01" if bad > "2" else bad, "--to", bad if bad > "2" else "2023-12-31")
    assert result.exit_code == 2
    assert "is out of range: use a date between 1900-01-01 and 2999-12-31" in one_line_error(result)


# --- item 6: manual runs are history --------------------------------------------------------------------------


def test_manual_reports_and_crawls_are_in_the_run_history(imported, tmp_path):
    from rassegna.simweb import SimWeb
    from tests.sample_sites import demo_config, demo_sites

    for fmt in ("md", "json"):
        result = report(imported, "--from", "2023-10-01", "--to", "2023-12-31", "--output", str(tmp_path / f"r.{fmt}"))
        assert result.exit_code == 0, result.output
    config = tmp_path / "rassegna.yaml"
    config.write_text(yaml.safe_dump(demo_config(), allow_unicode=True), encoding="utf-8")
    with SimWeb(demo_sites()) as web:
        argv = [sys.executable, "-m", "rassegna", "--config", str(config), "--db", imported, "crawl"]
        done = subprocess.run(argv, env=web.proxy_env(dict(os.environ)), capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    result = run("--config", str(config), "--db", imported, "runs", "--json")
    runs = json.loads(result.output)
    assert [(r["kind"], r["trigger"]) for r in runs] == [
        ("crawl", "manual"),
        ("report", "manual"),
        ("report", "manual"),
    ]
    # The sample web has a broken source on purpose: the crawl is partial, as its crawl run says.
    assert runs[0]["outcome"] in ("ok", "partial") and [r["outcome"] for r in runs[1:]] == ["ok", "ok"]
    crawl, latest_report = runs[0], runs[1]
    assert crawl["crawl_run_id"] is not None and crawl["counts"]["pages"] > 0 and crawl["counts"]["new_clippings"] > 0
    assert latest_report["counts"]["outputs"] == [str(tmp_path / "r.json")]
    assert latest_report["counts"]["period"] == ["2023-10-01", "2023-12-31"]
    table = run("--config", str(config), "--db", imported, "runs")
    assert "No runs recorded yet" not in table.output and "(manual)" in table.output


# --- item 10: help without Python types ---------------------------------------------------------------------


def test_help_shows_words_not_python_types():
    import typer.main

    def walk(command, path):  # noqa: ANN001
        yield path
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    for path in walk(typer.main.get_command(app), []):
        text = run(*path, "--help").output
        for python_type in ("<str>", "<bool>", "<int>", "<float>", "<path>", "<text>"):
            assert python_type not in text, (path, python_type, text)
    text = run("report", "--help").output
    assert "YYYY-MM-DD" in text and "PATH" in text


# --- item 4: the demo's advice works ------------------------------------------------------------------------


def test_the_command_the_demo_suggests_runs_without_rassegna_on_path(tmp_path, monkeypatch):
    from rassegna.app.demo import rassegna_command

    venv_bin = str(Path(sys.executable).parent)
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p != venv_bin)
    monkeypatch.setenv("PATH", path)
    if shutil.which("rassegna"):
        pytest.skip("another rassegna is on PATH")
    command = rassegna_command()
    assert command != "rassegna"
    done = subprocess.run(f"{command} --version", shell=True, capture_output=True, text=True, cwd=Path.cwd())
    assert done.returncode == 0 and done.stdout.startswith("rassegna "), done.stderr


def test_readme_says_how_to_run_rassegna_after_make_demo():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "source .venv/bin/activate" in readme and ".venv/bin/rassegna" in readme


# --- item 10: the package builds without setuptools' licence warning ------------------------------------------


def test_the_licence_is_an_spdx_string_for_a_setuptools_that_reads_it():
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"  # a table is deprecated (setuptools warns, and stops in 2027)
    assert "setuptools>=77" in project["build-system"]["requires"]  # the first to read an SPDX string
