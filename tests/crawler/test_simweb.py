"""The simulated web: routing by host as a proxy, conditional requests, faults, request counts."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from rassegna.simweb import Resource, SimWeb, Site


def _opener(web: SimWeb) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({"http": web.proxy_url}))


def test_proxy_routing_conditional_and_faults() -> None:
    site = Site("www.esempio.test")
    site.add("/feed.xml", Resource("<rss/>", content_type="application/rss+xml"))
    site.add("/flaky", Resource("ok", behaviour="flaky", failures=1))
    site.add("/busy", Resource("ok", behaviour="throttle", failures=1, retry_after=7))
    with SimWeb([site]) as web:
        opener = _opener(web)
        first = opener.open("http://esempio.test/feed.xml")
        etag = first.headers["ETag"]
        assert first.status == 200 and etag
        request = urllib.request.Request("http://www.esempio.test/feed.xml", headers={"If-None-Match": etag})
        with pytest.raises(urllib.error.HTTPError) as info:
            opener.open(request)
        assert info.value.code == 304
        with pytest.raises(urllib.error.HTTPError) as info:
            opener.open("http://www.esempio.test/flaky")
        assert info.value.code == 503
        assert opener.open("http://www.esempio.test/flaky").read() == b"ok"
        with pytest.raises(urllib.error.HTTPError) as info:
            opener.open("http://www.esempio.test/busy")
        assert info.value.code == 429 and info.value.headers["Retry-After"] == "7"
        with pytest.raises(urllib.error.HTTPError) as info:
            opener.open("http://www.esempio.test/missing")
        assert info.value.code == 404
        assert web.hits("www.esempio.test", "/flaky") == 2
        assert web.hits("esempio.test", "/feed.xml") == 1
