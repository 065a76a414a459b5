"""Nothing a reader's browser asks for leaves the site, and nothing it asks for is missing.

In mainland China a request to a blocked host (fonts, analytics, CDNs) stalls the
page; a 404 is a broken feature. Every request of the browser context is recorded,
page scripts and the search worker included, while each page of both editions
loads and while searching.
"""

from __future__ import annotations

import pytest

from .site_ui import search, settle, visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page_loads(site, context, traffic) -> dict[str, dict[str, list[str]]]:
    """Load every page of both editions once, until its network is idle; what each one asked for."""
    tab = context.new_page()
    loads = {}
    for path in site.paths():
        traffic.clear()
        visit(tab, path)
        settle(tab, traffic)
        assert site.url(path) in traffic.requests, f"the request recording missed the page {path} itself"
        loads[path] = {
            "requests": list(traffic.requests),
            "foreign": list(traffic.foreign),
            "errors": list(traffic.errors),
        }
    tab.close()
    return loads


def test_no_page_load_requests_another_host(page_loads):
    leaks = {path: load["foreign"] for path, load in page_loads.items() if load["foreign"]}
    assert not leaks, (
        "pages asked another host than the site (a reader in China waits for these to time out): "
        f"{leaks}"
    )


def test_no_page_load_gets_an_error_response(page_loads):
    broken = {path: load["errors"] for path, load in page_loads.items() if load["errors"]}
    assert not broken, f"pages requested files that answered with an error: {broken}"


def test_language_selector_finds_the_sitemap_of_each_edition(site, page_loads):
    """Material fetches sitemap.xml beside every hreflang alternate to map pages between editions."""
    wanted = {site.url("/sitemap.xml"), site.url("/zh/sitemap.xml")}
    missing = {path: sorted(wanted - set(load["requests"])) for path, load in page_loads.items()}
    missing = {path: urls for path, urls in missing.items() if urls}
    assert not missing, f"pages whose language selector never fetched both editions' sitemaps: {missing}"


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
