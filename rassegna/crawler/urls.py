"""URL hygiene: one canonical form per article, whatever link, feed or sitemap led to it."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from rassegna.text.urls import host_of, site_domain

__all__ = ["canonical_url", "clipping_url", "domain_owner", "host_of", "same_site", "site_domain"]

# Query parameters that identify a campaign, a click, a session or a cache refresh, never the page.
_TRACKING = re.compile(
    r"^(utm_\w*|fbclid|gclid|gclsrc|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|"
    r"mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|wt\.mc_id|ito|cmpid|xtor|at_medium|at_campaign|"
    r"ref_src|ref_url|amp;utm_\w*|refresh_ce|nocache|cachebuster)$",
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


def domain_owner(host: str, domains: dict[str, str]) -> str | None:
    """The value ``domains`` maps ``host`` or its nearest parent domain to (``a.b.it`` → ``b.it``)."""
    host = host.lower().removeprefix("www.")
    while host:
        if host in domains:
            return domains[host]
        _, _, host = host.partition(".")
    return None


def same_site(url: str, other: str) -> bool:
    """True when both URLs are on one registrable domain (``m.esempio.it`` and ``www.esempio.it``)."""
    a, b = site_domain(url), site_domain(other)
    return bool(a) and a == b


def clipping_url(final_url: str, canonical: str | None) -> str:
    """The address to show for an article: its declared canonical address when on the same site, else the
    fetched one, both without tracking or cache-busting parameters."""
    if canonical:
        target = urljoin(final_url, canonical.strip())
        if urlsplit(target).scheme in ("http", "https") and same_site(final_url, target):
            return _clean(target)
    return _clean(final_url)
