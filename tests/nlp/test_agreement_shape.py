"""The second, blind annotations (benchmarks/agreement.py) cover the same articles and quotes as the corpus: batches 6
and 7 (one file each) and 63 and 64 (two annotators' files each)."""

import pytest

from tests.nlp.evaluation import batch_articles, second_annotation


@pytest.mark.parametrize("batch", ["6", "7", "63", "64"])
def test_second_annotation_has_every_article_and_quote_of_the_batch(batch: str) -> None:
    first = {a["id"]: a for a in batch_articles(batch)}
    second = second_annotation(batch)
    assert sorted(a["id"] for a in second) == sorted(first)
    for article in second:
        assert set(article) <= {"id", "city", "quotes"}, article["id"]  # no title or text: the corpus has them
        starts = [q["start"] for q in first[article["id"]]["quotes"]]
        assert [q["start"] for q in article["quotes"]] == starts, article["id"]
        assert all("speaker_canonical" in q for q in article["quotes"]), article["id"]
