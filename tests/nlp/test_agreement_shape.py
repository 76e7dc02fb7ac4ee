"""The second, blind annotation of batches 6 and 7 (benchmarks/agreement.py) covers the same articles and quotes."""

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.mark.parametrize("batch", ["6", "7"])
def test_second_annotation_has_every_article_and_quote_of_the_batch(batch: str) -> None:
    first = {a["id"]: a for p in CORPUS.glob(f"*-{batch}?.json") for a in json.loads(p.read_text("utf-8"))}
    second = json.loads((CORPUS / "agreement" / f"second-{batch}.json").read_text("utf-8"))
    assert sorted(a["id"] for a in second) == sorted(first)
    for article in second:
        starts = [q["start"] for q in first[article["id"]]["quotes"]]
        assert [q["start"] for q in article["quotes"]] == starts, article["id"]
        assert all("speaker_canonical" in q for q in article["quotes"]), article["id"]
