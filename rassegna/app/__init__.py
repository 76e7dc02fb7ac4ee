"""Wiring: the CLI, the scheduler and the glue that connects crawler, NLP, storage and reports."""
