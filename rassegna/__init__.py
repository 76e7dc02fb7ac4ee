"""rassegna: press-coverage tracking and media monitoring."""

__version__ = "0.1.0"
