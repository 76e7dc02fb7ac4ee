"""Retrain the desk's city confidence (``city_confidence.json``) and report it against the rules' own flag.

Run from the repository root: ``.venv/bin/python rassegna/nlp/data/train_city_confidence.py [--write]``. Needs
numpy (installed with spaCy); about half a minute.

The confidence (``rassegna.nlp.confidence.Confidence``, read by ``places.read_places``) is a logistic model of
whether the rules' city, or their "no city", is right, over the evidence the rules weighed
(``places.city_confidence_features``). A city it is less sure of than the threshold is flagged for the desk
(``city_to_check``); the answer itself never changes. It is trained only on ``OUT_OF_SAMPLE_BATCHES`` of
``tests/nlp/evaluation.py``, the batches no rule writer read, where the rules are as right as on new text. The
threshold is the lowest (fewest flags) whose unflagged cities are right at least 95 % of the time
leave-one-batch-out, over all the batches together (in every batch left out, as before stop 31, it flagged more
pieces than the rules' own flag).

It prints, for each batch left out, the rules' flag and the learned one (share flagged, unflagged cities right);
``--write`` then fits on every batch and writes ``city_confidence.json`` (delete it to go back to the rules' flag).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from rassegna.nlp.data.confidence_training import Example, main  # noqa: E402
from rassegna.nlp.gazetteer import DATA  # noqa: E402
from rassegna.nlp.places import city_confidence_features  # noqa: E402
from tests.nlp.evaluation import (  # noqa: E402
    OUT_OF_SAMPLE_BATCHES,
    PARTNER_CITIES,
    UNSEEN_BATCHES,
    batch_sets,
    load_articles,
    same_city,
    set_path,
)

OUT = DATA / "city_confidence.json"
THRESHOLDS = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # 0.50 … 0.95
L2 = 1.0


def examples(batches: Sequence[str] = tuple(OUT_OF_SAMPLE_BATCHES)) -> list[Example]:
    """Every article of the batches, with the rules' own flag (no explicit frame set the city: ``explicit_yes``
    is off), whatever confidence file is shipped."""
    out = []
    for batch in batches:
        for name in batch_sets(batch):
            for art in load_articles(set_path(name)):
                title, text = art.get("title"), art["text"]
                city, features = city_confidence_features(text, title, PARTNER_CITIES)
                rules_flag = not features["explicit_yes"]
                out.append(Example(batch, same_city(city, art.get("city")), rules_flag, features))
    return out


if __name__ == "__main__":
    main(__doc__, examples, tuple(OUT_OF_SAMPLE_BATCHES), OUT, THRESHOLDS, L2, unseen=UNSEEN_BATCHES)
