"""Skip marks the NLP tests share."""

import pytest

from rassegna.nlp.speaker_model import CONFIDENCE_PATH
from tests.nlp.evaluation import UNSEEN_BATCHES

# a stop that could not annotate a new batch leaves none unseen: then there is nothing to refuse
NEEDS_UNSEEN = pytest.mark.skipif(not UNSEEN_BATCHES, reason="no batch is kept unseen (UNSEEN_BATCHES is empty)")

# the speaker flag's learned file is withdrawn when it fails its rule on an unseen batch: the rules' own flag then
NEEDS_SPEAKER_CONFIDENCE = pytest.mark.skipif(
    not CONFIDENCE_PATH.exists(), reason="speaker_confidence.json is withdrawn: the rules' own flag is the flag"
)
