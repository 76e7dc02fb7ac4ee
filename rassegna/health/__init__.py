"""Source health: pure rules over each source's daily history (no storage, no crawler)."""
