"""Searching downloads only the reader's own edition's index, and finds pages of that edition.

hooks/editions.py writes one index per edition; overrides/main.html points
Material's search on Chinese pages at zh/search/search_index.json.
"""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, Traffic, recorded_context
from .site_ui import edition_of, search, visit

pytestmark = pytest.mark.browser

INDEX = {"en": "/search/search_index.json", "zh": "/zh/search/search_index.json"}
QUERY = {"en": "work permit", "zh": "工作许可"}


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_search_downloads_only_the_editions_own_index(site, browser, edition):
    # A reader new to the site: a context that visited the other edition has that edition's
    # offline copy (its search index included) saved, as it should.
    traffic = Traffic(site.origin)
    context = next(recorded_context(browser, site, traffic, viewport=DESKTOP))
    page = context.new_page()
    visit(page, "/zh/" if edition == "zh" else "/")
    search(page, QUERY[edition])
    page.wait_for_timeout(500)  # the service worker's saving of this edition, if it is under way
    context.close()
    other = "zh" if edition == "en" else "en"
    assert site.url(INDEX[edition]) in traffic.requests, f"the {edition} edition never loaded its own index"
    assert site.url(INDEX[other]) not in traffic.requests, (
        f"a reader of the {edition} edition also downloaded the {other} index"
    )


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_search_results_stay_in_the_readers_edition(page, edition):
    visit(page, "/zh/notices/ningbo-2023-work-permits/" if edition == "zh" else "/notices/ningbo-2023-work-permits/")
    results = search(page, QUERY[edition])
    assert results, f"searching {QUERY[edition]!r} in the {edition} edition found nothing"
    strays = [path for path in results if edition_of(path) != edition]
    assert not strays, f"{edition} search offered pages of the other edition: {strays[:3]}"
