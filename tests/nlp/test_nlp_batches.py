"""benchmarks/nlp_batches.py: per-batch totals for rule writers, refusing the batch kept unseen."""

import subprocess
import sys

from tests.nlp.evaluation import LAST_BATCH, REPO, UNSEEN_BATCHES
from tests.nlp.markers import NEEDS_UNSEEN

TOOL = REPO / "benchmarks" / "nlp_batches.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, timeout=300)


def test_it_prints_one_row_per_batch_and_the_total():
    out = run("2,4")
    assert out.returncode == 0, out.stderr
    rows = [line for line in out.stdout.splitlines() if line.startswith("| ") and "---" not in line]
    assert [r.split(" | ")[0] for r in rows] == ["| batch", "| 2", "| 4", "| **all**"]
    assert rows[1].split(" | ")[1] == "75" and rows[2].split(" | ")[1] == "60" and rows[3].split(" | ")[1] == "135"


@NEEDS_UNSEEN
def test_the_unseen_batch_is_refused_with_a_clear_error():
    unseen = max(UNSEEN_BATCHES)
    out = run(f"{min(UNSEEN_BATCHES) - 1},{unseen}")
    assert out.returncode == 2
    assert f"batch {unseen} is kept unseen" in out.stderr
    assert "| batch" not in out.stdout  # nothing scored, not even the batches before it


@NEEDS_UNSEEN
def test_several_unseen_batches_are_named_together():
    out = run(f"{min(UNSEEN_BATCHES) - 1}-{LAST_BATCH}")
    assert out.returncode == 2
    named = ", ".join(str(b) for b in sorted(UNSEEN_BATCHES))
    expected = f"batches {named} are kept unseen" if len(UNSEEN_BATCHES) > 1 else f"batch {named} is kept unseen"
    assert expected in out.stderr
    assert "| batch" not in out.stdout


def test_a_batch_the_corpus_does_not_have_is_refused():
    out = run(f"{LAST_BATCH + 1}")
    assert out.returncode == 2 and "no such batch" in out.stderr
    assert run("first-ten").returncode == 2
