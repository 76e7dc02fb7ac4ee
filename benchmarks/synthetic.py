"""Shared vocabulary of the benchmarks' synthetic clippings (run from benchmarks/, which is on sys.path)."""

from __future__ import annotations

import random

# The sixteen LgNet2 partner cities, so synthetic clippings fill the coverage table like real ones.
CITIES = ["Bologna", "Caserta", "Firenze", "Genova", "Latina", "Milano", "Napoli", "Palermo",
          "Perugia", "Potenza", "Roma", "Sassari", "Taranto", "Torino", "Trieste", "Bolzano"]  # fmt: skip
WORDS = ["progetto", "rete", "comuni", "inclusione", "migranti", "servizi", "città", "accoglienza", "unità",
         "mobili", "housing", "sportello", "assessore", "sociale", "presa", "carico", "quartiere", "laboratori",
         "volontari", "cooperative"]  # fmt: skip


def prose(rng: random.Random, words: int) -> str:
    """``words`` words of project vocabulary, deterministic for a seeded ``rng``."""
    return " ".join(rng.choices(WORDS, k=words))
