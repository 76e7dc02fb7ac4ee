"""The scheduler behind ``rassegna schedule``: database lock, run history, crawl and report jobs, APScheduler.

Import the modules themselves (``jobs``, ``lock``, ``service``, ``history``): the package imports none of them, so
recording a manual run's history (every ``rassegna report``) does not import APScheduler.
"""
