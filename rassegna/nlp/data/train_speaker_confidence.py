"""Retrain the desk's speaker confidence (``speaker_confidence.json``) and report it against the rules' own flag.

Run from the repository root: ``.venv/bin/python rassegna/nlp/data/train_speaker_confidence.py [--write]``. Needs
numpy (installed with spaCy); about half a minute.

The confidence (``rassegna.nlp.confidence.Confidence``, read by ``quotes.extract_quotes``) is a logistic model of
whether the rules' speaker of a quote, or their "no speaker", is right, over the structure the speaker chooser reads
(``speaker_model.confidence_features``: the rules' pick's candidate features, its rivals, whether the rules guessed,
the quote's shape; never a word). A speaker it is less sure of than the threshold is flagged for the desk
(``speaker_to_check``); the speaker itself never changes. It is trained only on ``OUT_OF_SAMPLE_BATCHES`` of
``tests/nlp/evaluation.py``, the batches no rule writer read, where the rules are as right as on new text. Each
annotated quote the NLP finds is one example (``quotes.speaker_confidence_evidence``: the reading ``extract_quotes``
does), matched and scored as ``tests/nlp/evaluation.py`` does (its first found quote with the annotated start; right
when the folded speakers are equal). The threshold is the lowest (fewest flags)
whose unflagged speakers are right at least 95 % of the time, leave-one-batch-out.

It prints, for each batch left out, the rules' flag and the learned one (share flagged, unflagged speakers right);
``--write`` then fits on every batch and writes ``speaker_confidence.json`` (delete it to go back to the rules'
flag). ``--judge BATCH`` judges the shipped file once on a new batch nobody has read, by its rule (at most 35 %
flagged; unflagged right 2 points more often than the rules' unflagged; at the rules' flag rate at least as right),
and exits 1 where it fails; a batch still in ``UNSEEN_BATCHES`` is refused until it is scored.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from rassegna.nlp import speaker_model  # noqa: E402
from rassegna.nlp.data.confidence_training import Example, main  # noqa: E402
from rassegna.nlp.pipeline import people_named_in  # noqa: E402
from rassegna.nlp.quotes import speaker_confidence_evidence  # noqa: E402
from rassegna.nlp.textutil import fold  # noqa: E402
from tests.nlp.evaluation import (  # noqa: E402
    OUT_OF_SAMPLE_BATCHES,
    UNSEEN_BATCHES,
    batch_sets,
    load_articles,
    quote_matches,
    set_path,
)

OUT = speaker_model.CONFIDENCE_PATH
# 0.50 … 0.95 by 0.01: the speakers' probabilities crowd near the top (most quotes are read by a pattern), where a
# step of 0.05 jumps by several points of flag rate (0.80: 21.5 % flagged, 94.7 % right; 0.85: 27.4 %, 96.0 %)
THRESHOLDS = tuple(round(0.5 + 0.01 * i, 2) for i in range(46))
# about 70 features, many of them sparse buckets: on the summed loss an L2 of 1 (the city's) let them overfit
# (leave-one-batch-out AUC 0.855); 100 gives 0.878, and 30-200 differ little
L2 = 100.0


def examples(batches: Sequence[str] = tuple(OUT_OF_SAMPLE_BATCHES)) -> list[Example]:
    """Every found annotated quote of the batches, with the rules' own flag, whatever confidence file is shipped."""
    out = []
    for batch in batches:
        for name in batch_sets(batch):
            articles = load_articles(set_path(name))
            people = people_named_in(art["text"] for art in articles)  # as the pipeline hands them to the quotes
            for art, named in zip(articles, people, strict=True):
                evidence = speaker_confidence_evidence(art["text"], named, art.get("title"))
                for g in art.get("quotes", []):
                    hit = next((e for e in evidence if quote_matches(e.quote.text, g["start"])), None)
                    if hit is None:
                        continue
                    gold = fold(g.get("speaker_canonical") or g.get("speaker") or "")
                    right = fold(hit.quote.speaker or "") == gold
                    out.append(Example(batch, right, hit.rules_flag, hit.features))
    return out


if __name__ == "__main__":
    main(__doc__, examples, tuple(OUT_OF_SAMPLE_BATCHES), OUT, THRESHOLDS, L2, unseen=UNSEEN_BATCHES)
