"""Instructions one pass of rassegna.nlp over ``dev`` costs, counted by valgrind's callgrind: a figure that does not
depend on what else the machine runs, unlike a timing.

Run from the repository (valgrind installed, ``RASSEGNA_SHARED`` set as for benchmarks/nlp.py)::

    PYTHONPATH=$PWD python benchmarks/nlp_instructions.py [--passes N] [--set NAME]

It runs this same script twice, side by side, under ``valgrind --tool=callgrind``: both load the set, import and
warm up the pipeline (one pass of ``analyze_many`` over the set, which fills the caches), then one run analyses the
set N more times (default 1) and the other not at all. The difference of the two runs' instruction totals, divided by
N, is the cost of a pass; it prints it in millions. ``PYTHONHASHSEED`` is fixed (0) so that both runs, and runs of
two versions, iterate sets and dicts alike. The runs take several minutes (callgrind is 50 to 100 times slower).
``--keep DIR`` keeps the callgrind files (``callgrind_annotate DIR/callgrind.1.out`` shows where the pass went).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def inner(name: str, passes: int) -> int:
    """The measured process: warm up on the set, then ``passes`` passes of the analysis over it."""
    from rassegna.nlp import analyze_many
    from tests.nlp.evaluation import PARTNER_CITIES, load_articles, set_path

    articles = load_articles(set_path(name))
    items = [(a.get("title"), a["text"]) for a in articles]
    analyze_many(items, partner_cities=PARTNER_CITIES)  # warm-up: imports, gazetteer, caches, vocabulary
    for _ in range(passes):
        analyze_many(items, partner_cities=PARTNER_CITIES)
    return 0


def start(name: str, passes: int, out: Path) -> subprocess.Popen[bytes]:
    """One callgrind run of :func:`inner`, started (the two runs go side by side: a count does not depend on load)."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(REPO)}
    cmd = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        sys.executable,
        str(Path(__file__).resolve()),
        "--inner",
        "--set",
        name,
        "--passes",
        str(passes),
    ]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def total(run: subprocess.Popen[bytes], out: Path) -> int:
    """Total instructions (Ir) of a finished callgrind run."""
    if run.wait() != 0:
        raise RuntimeError(f"callgrind run failed ({run.returncode}): {' '.join(map(str, run.args))}")
    text = out.read_text(encoding="utf-8", errors="replace")
    found = re.search(r"^(?:summary|totals):\s+(\d+)", text, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"no instruction total in {out}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    """Print the instructions of a pass, in millions."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", dest="name", default="dev", help="annotated set (default: dev)")
    parser.add_argument("--passes", type=int, default=1, help="measured passes (default 1)")
    parser.add_argument("--keep", type=Path, help="keep the callgrind files in this folder")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        return inner(args.name, args.passes)
    if args.passes < 1:
        parser.error("--passes must be at least 1")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        outs = folder / f"callgrind.{args.passes}.out", folder / "callgrind.0.out"
        runs = start(args.name, args.passes, outs[0]), start(args.name, 0, outs[1])
        measured, base = total(runs[0], outs[0]), total(runs[1], outs[1])
    per_pass = (measured - base) / args.passes
    print(f"{per_pass / 1e6:,.1f} M instructions a pass of rassegna.nlp over {args.name} ({args.passes} measured)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
