"""URL hygiene: one canonical form per article, whatever link, feed or sitemap led to it."""

from __future__ import annotations

import functools
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that identify a campaign, a click or a session, never the page.
_TRACKING = re.compile(
    r"^(utm_\w*|fbclid|gclid|gclsrc|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|"
    r"mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|wt\.mc_id|ito|cmpid|xtor|at_medium|at_campaign|"
    r"ref_src|ref_url|amp;utm_\w*)$",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _clean(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    path = re.sub(r"/{2,}", "/", parts.path) or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def canonical_url(url: str, canonical: str | None = None) -> str:
    """The canonical form of ``url``: rel=canonical when given, tracking parameters and fragment dropped.

    ``url`` should be the final URL after redirects; ``canonical`` is the page's ``<link rel=canonical>``.
    """
    if canonical:
        target = urljoin(url, canonical.strip())
        if urlsplit(target).scheme in ("http", "https") and urlsplit(target).hostname:
            url = target
    return _clean(url)


def host_of(url: str) -> str:
    """The lower-cased host of ``url`` without ``www.``."""
    return (urlsplit(url).hostname or "").lower().rstrip(".").removeprefix("www.")


def domain_owner(host: str, domains: dict[str, str]) -> str | None:
    """The value ``domains`` maps ``host`` or its nearest parent domain to (``a.b.it`` → ``b.it``)."""
    host = host.lower().removeprefix("www.")
    while host:
        if host in domains:
            return domains[host]
        _, _, host = host.partition(".")
    return None


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
