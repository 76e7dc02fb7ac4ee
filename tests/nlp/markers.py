"""Skip marks the NLP tests share."""

import pytest

from tests.nlp.evaluation import UNSEEN_BATCHES

# a stop that could not annotate a new batch leaves none unseen: then there is nothing to refuse
NEEDS_UNSEEN = pytest.mark.skipif(not UNSEEN_BATCHES, reason="no batch is kept unseen (UNSEEN_BATCHES is empty)")
