"""Bundled sample outlets for ``rassegna demo``: sites, feeds and articles as data (``sites.yaml``)."""
