"""Searching asks nothing of another host and gets no error (page loads: test_every_page.py).

In mainland China a request to a blocked host (fonts, analytics, CDNs) stalls the
page; a 404 is a broken feature. Every request of the browser context is recorded,
the search worker's included.
"""

from __future__ import annotations

import pytest

from .site_ui import search, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("edition, query", [("en", "work permit"), ("zh", "工作许可")])
def test_searching_requests_nothing_from_another_host(site, page, traffic, edition, query):
    traffic.clear()
    visit(page, "/zh/" if edition == "zh" else "/")
    search(page, query)
    assert any(url.endswith("/search/search_index.json") for url in traffic.requests), (
        "the recording never saw the search worker load its index, so it cannot vouch for search"
    )
    assert not traffic.foreign, f"searching {query!r} asked other hosts: {traffic.foreign}"
    assert not traffic.errors, f"searching {query!r} got error responses: {traffic.errors}"
