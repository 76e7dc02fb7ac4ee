"""Hosts and registrable domains of addresses (what an outlet's ``domains`` are compared with)."""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import urlsplit


def host_of(url: str) -> str:
    """The lower-cased host of ``url`` without ``www.``."""
    return (urlsplit(url).hostname or "").lower().rstrip(".").removeprefix("www.")


@functools.cache
def _suffixes() -> Any:
    import tldextract

    # The public suffix list bundled with tldextract: nothing is downloaded at run time.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def site_domain(url: str) -> str:
    """The registrable domain of ``url``'s host (``m.esempio.it`` → ``esempio.it``), else its host without www."""
    host = host_of(url)
    if not host:
        return ""
    registered = _suffixes()(host).top_domain_under_public_suffix
    return registered or host
