"""``python -m rassegna`` runs the command line."""

from rassegna.app.cli import main

main()
