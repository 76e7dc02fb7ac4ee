"""The scheduler behind ``rassegna schedule``: database lock, run history, crawl and report jobs, APScheduler."""
