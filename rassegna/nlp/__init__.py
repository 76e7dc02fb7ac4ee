"""NLP of Italian news articles: main city and places, figures, quotes with speakers, journalist."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rassegna.domain import Analysis
from rassegna.nlp.byline import journalist_from
from rassegna.text.names import short_name

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["analyze", "analyze_many", "journalist_from", "load_pipeline", "pipeline_name", "short_name"]


def load_pipeline() -> Language:
    """The cached spaCy pipeline (imported on first use: spaCy takes a second to import)."""
    from rassegna.nlp.pipeline import load_pipeline as load

    return load()


def pipeline_name() -> str:
    """Which pipeline runs: an installed ``it_core_news_*`` model or ``blank:it+rules``."""
    from rassegna.nlp.pipeline import pipeline_name as name

    return name()


def analyze(
    text: str, title: str | None = None, *, author: str | None = None, partner_cities: Sequence[str] = ()
) -> Analysis:
    """Analyse one article: city, places, figures, quotes and journalist."""
    from rassegna.nlp.pipeline import make_doc

    nlp = load_pipeline()
    doc = nlp(make_doc(text, title, author, partner_cities))
    return doc._.rassegna


def analyze_many(items: Iterable[tuple[str | None, str]], *, partner_cities: Sequence[str] = ()) -> list[Analysis]:
    """Analyse (title, text) pairs in a batch with ``nlp.pipe``; same results as :func:`analyze`."""
    from rassegna.nlp.pipeline import make_doc

    nlp = load_pipeline()
    docs = (make_doc(text, title, None, partner_cities) for title, text in items)
    return [doc._.rassegna for doc in nlp.pipe(docs, batch_size=32)]
