"""A simulated web for tests, benchmarks and the offline demo: sites by hostname on 127.0.0.1, a proxy."""

from rassegna.simweb.server import Resource, SimWeb, Site

__all__ = ["Resource", "SimWeb", "Site"]
