"""NLP of Italian news articles: main city and places, figures, quotes with speakers, journalist."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rassegna.domain import Analysis
from rassegna.nlp.byline import journalist_from, short_name
from rassegna.nlp.pipeline import load_pipeline, make_doc, pipeline_name

__all__ = ["analyze", "analyze_many", "journalist_from", "load_pipeline", "pipeline_name", "short_name"]


def analyze(
    text: str, title: str | None = None, *, author: str | None = None, partner_cities: Sequence[str] = ()
) -> Analysis:
    """Analyse one article: city, places, figures, quotes and journalist."""
    nlp = load_pipeline()
    doc = nlp(make_doc(text, title, author, partner_cities))
    return doc._.rassegna


def analyze_many(items: Iterable[tuple[str | None, str]], *, partner_cities: Sequence[str] = ()) -> list[Analysis]:
    """Analyse (title, text) pairs in a batch with ``nlp.pipe``; same results as :func:`analyze`."""
    nlp = load_pipeline()
    docs = (make_doc(text, title, None, partner_cities) for title, text in items)
    return [doc._.rassegna for doc in nlp.pipe(docs, batch_size=32)]
