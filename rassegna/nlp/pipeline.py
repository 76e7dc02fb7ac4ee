"""The spaCy pipeline: an installed Italian model when present, else ``blank("it")`` + rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from rassegna.domain import Analysis
from rassegna.nlp.byline import journalist_from
from rassegna.nlp.figures import extract_figures
from rassegna.nlp.places import read_places
from rassegna.nlp.quotes import extract_quotes

MODELS = ("it_core_news_lg", "it_core_news_md", "it_core_news_sm")
COMPONENT = "rassegna_analysis"

if not Doc.has_extension("rassegna"):
    Doc.set_extension("rassegna", default=None)


@Language.component(COMPONENT)
def analysis_component(doc: Doc) -> Doc:
    """Run the extractors on the doc; title, author and partner cities come from ``doc.user_data``."""
    title = doc.user_data.get("rassegna_title")
    partners: Sequence[str] = doc.user_data.get("rassegna_partners", ())
    people = named_people(doc)
    # doc.text joins every token at each access; the tokenizer keeps the text exactly, so the input is it
    text = doc.user_data.get("rassegna_text")
    text = doc.text if text is None else text
    reading = read_places(text, title, partners)
    doc._.rassegna = Analysis(
        city=reading.city,
        city_to_check=reading.city_to_check,
        places=reading.places,
        figures=extract_figures(text),
        quotes=extract_quotes(text, extra_people=people, title=title),
        journalist=journalist_from(doc.user_data.get("rassegna_author"), text),
    )
    return doc


def named_people(doc: Doc) -> list[str]:
    """The people the pipeline's recogniser names, whom the quotes' speakers may be (none with ``blank("it")``)."""
    return [ent.text for ent in doc.ents if ent.label_ == "PER"]


def people_named_in(texts: Iterable[str]) -> list[list[str]]:
    """:func:`named_people` of each text, read by the pipeline without the analysis."""
    return [named_people(doc) for doc in load_pipeline().pipe(texts, batch_size=32, disable=[COMPONENT])]


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The cached pipeline; nothing is downloaded."""
    for name in MODELS:
        if spacy.util.is_package(name):
            nlp = spacy.load(name, exclude=["lemmatizer"])
            break
    else:
        nlp = spacy.blank("it")  # no sentencizer: the rules find their own sentences and paragraphs
    nlp.add_pipe(COMPONENT, last=True)
    return nlp


def pipeline_name() -> str:
    """``it_core_news_sm`` (or md/lg) when installed, else ``blank:it+rules``."""
    nlp = load_pipeline()
    if nlp.meta.get("name") and nlp.meta["name"] != "pipeline":
        return f"{nlp.meta.get('lang', 'it')}_{nlp.meta['name']}"
    return "blank:it+rules"


def make_doc(text: str, title: str | None = None, author: str | None = None, partners: Sequence[str] = ()) -> Doc:
    """A tokenised doc carrying the context the analysis component reads."""
    text = text or ""
    doc = load_pipeline().make_doc(text)
    doc.user_data["rassegna_text"] = text
    doc.user_data["rassegna_title"] = title
    doc.user_data["rassegna_author"] = author
    doc.user_data["rassegna_partners"] = tuple(partners)
    return doc
