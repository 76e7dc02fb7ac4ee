"""Outlet categories of the press review, in report order."""

CATEGORIES: dict[str, str] = {
    "agenzie": "Agenzie",
    "quotidiani": "Quotidiani e quotidiani online",
    "periodici": "Periodici e periodici online",
    "specializzati": "Specializzati",
    "radio_tv": "Radio, TV e canali online",
    "social": "Social Network",
    "portali": "Portali ed E-zine",
}

# Category given to an outlet the crawler discovers on an unknown domain, until someone classifies it.
UNCLASSIFIED_CATEGORY = "portali"
