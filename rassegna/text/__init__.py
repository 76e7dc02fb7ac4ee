"""Pure text helpers every package shares: Italian dates and numbers, accent folding, names, keywords, hosts.

A leaf package: it imports nothing of rassegna but ``rassegna.domain``, so storage, reports and the desk use
these helpers without importing the crawler or the NLP.
"""
