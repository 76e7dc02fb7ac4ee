"""benchmarks/nlp_outputs.py: the identity check of a change meant to leave every analysis as it was."""

import json
import subprocess
import sys
from pathlib import Path

from tests.nlp.evaluation import REPO, UNSEEN_BATCHES
from tests.nlp.markers import NEEDS_UNSEEN

TOOL = REPO / "benchmarks" / "nlp_outputs.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, timeout=300)


def test_two_dumps_of_the_same_code_agree_and_a_changed_city_is_reported(tmp_path: Path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert run("dump", str(a), "--set", "corpus-dev").returncode == 0
    assert run("dump", str(b), "--set", "corpus-dev").returncode == 0
    same = run("compare", str(a), str(b))
    assert same.returncode == 0 and "110 articles compared, 0 differ" in same.stdout

    data = json.loads(b.read_text(encoding="utf-8"))
    data["corpus-dev"][0]["analysis"]["city"] = "Nowhere"
    b.write_text(json.dumps(data), encoding="utf-8")
    changed = run("compare", str(a), str(b))
    assert changed.returncode == 1
    assert "1 differ" in changed.stdout and "by field: city 1" in changed.stdout


@NEEDS_UNSEEN
def test_the_unseen_batches_are_never_dumped():
    unseen = max(UNSEEN_BATCHES)
    out = run("dump", "/dev/null", "--set", f"corpus-dev-{unseen}")
    assert out.returncode == 2 and "not a dumped set" in out.stderr
