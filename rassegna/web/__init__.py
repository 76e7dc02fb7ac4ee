"""The review desk: a server-rendered web application over the rassegna database (`rassegna serve`)."""
