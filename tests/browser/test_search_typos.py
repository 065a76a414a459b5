"""A misspelt search finds its answer through "Did you mean" (issue #18).

Material's search has no fuzzy matching, so a word misspelt by one letter finds nothing.
overrides/assets/javascripts/did-you-mean.js then suggests the query with each unknown word of
five or more letters replaced by the most frequent word of the edition's index one edit
away; tapping it runs that search. Checked here: the typo queries of
bench/search_queries.yml and two with every word misspelt show the suggestion, and the
page that answers is first after the tap; the suggestion stays out of the way when search
finds anything, when no word is near, and when the index cannot be fetched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from .conftest import DESKTOP
from .site_ui import search, suggestion, take_suggestion, visit

pytestmark = pytest.mark.browser

QUERIES_FILE = Path(__file__).resolve().parents[2] / "bench" / "search_queries.yml"
BENCH = {
    (row["edition"], row["query"]): row["answer"]
    for row in yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
}
HOME = {"en": "/", "zh": "/zh/"}

# The bench's typo queries that find nothing as typed, with their answers there ("tolerence
# acceptance" and "residense permit extension" find theirs by the correct word beside the typo).
NOTHING_AS_TYPED = [
    (edition, query, BENCH[(edition, query)]) for edition, query in [("en", "apostolle"), ("zh", "apostelle")]
]
# Every word misspelt, so nothing is found as typed (letters changed, dropped, added and
# swapped); the answer is the bench's for the query spelt right.
ALL_WORDS_MISSPELT = [
    ("en", "tolerence acceptanse", BENCH[("en", "What is tolerance acceptance?")]),
    ("en", "residense permitt extensoin", BENCH[("en", "Can I extend my work and residence permit online?")]),
]
TYPO = {"en": "apostolle", "zh": "apostelle"}
SPELT = {"en": "apostille", "zh": "海牙认证"}
LABEL = {"en": "Did you mean:", "zh": "您是不是要找："}
NO_NEAR_WORD = "xyzzyqwerty"

# --- fixtures ---------------------------------------------------------------


@pytest.fixture(scope="module")
def edition_pages(context):
    """One open tab per edition, kept for the module, each recording the page's errors."""
    tabs, errors = {}, {}
    for edition, home in HOME.items():
        tab = context.new_page()
        errors[edition] = watch_errors(tab)
        visit(tab, home)
        tabs[edition] = tab
    yield tabs, errors
    for tab in tabs.values():
        tab.close()


# --- tests ------------------------------------------------------------------


@pytest.mark.parametrize("edition, query, wanted", NOTHING_AS_TYPED + ALL_WORDS_MISSPELT, ids=str)
def test_typo_finds_answer_through_the_suggestion(edition_pages, page_ids, edition, query, wanted):
    tabs, errors = edition_pages
    tab = tabs[edition]
    assert search(tab, query) == [], f"{query!r} finds pages as typed: no longer a test of the suggestion"
    suggested = suggestion(tab)
    assert suggested, f"a reader searching {query!r} in the {edition} edition sees nothing and no suggestion"
    found = [page_ids.get(path, path) for path in take_suggestion(tab)]
    assert found[:1] == [wanted], (
        f"tapping 'Did you mean: {suggested}' after {query!r} shows {found[:3] or 'nothing'} first, "
        f"not the page that answers it ({wanted})"
    )
    expect(tab.locator(".did-you-mean"), "the suggestion stays up after it was tapped").to_be_hidden()
    assert not errors[edition], f"the {edition} edition logged errors: {errors[edition]}"


def test_suggestion_can_be_tapped_on_a_phone(mobile_page, page_ids):
    visit(mobile_page, "/")
    assert search(mobile_page, TYPO["en"]) == []
    assert suggestion(mobile_page), f"on a phone, {TYPO['en']!r} shows no suggestion"
    found = [page_ids.get(path, path) for path in take_suggestion(mobile_page)]
    assert found[:1] == [BENCH[("en", TYPO["en"])]], f"on a phone, the tapped suggestion shows {found[:3]} first"


@pytest.mark.parametrize("edition", HOME)
def test_suggestion_speaks_the_editions_language(edition_pages, edition):
    tabs, _ = edition_pages
    search(tabs[edition], TYPO[edition])
    assert suggestion(tabs[edition])
    expect(tabs[edition].locator(".did-you-mean")).to_contain_text(LABEL[edition])


@pytest.mark.parametrize("edition, query", [("en", "apostille"), ("zh", "海牙认证")])
def test_correct_spelling_shows_no_suggestion_even_after_a_typo(edition_pages, edition, query):
    tabs, errors = edition_pages
    search(tabs[edition], TYPO[edition])
    assert suggestion(tabs[edition]), f"{TYPO[edition]!r} shows no suggestion"
    assert search(tabs[edition], query), f"{query!r} finds nothing in the {edition} edition"
    assert suggestion(tabs[edition]) is None, f"{query!r} finds pages, yet a suggestion is shown"
    assert not errors[edition], f"the {edition} edition logged errors: {errors[edition]}"


@pytest.mark.parametrize("query", ["tolerence acceptance", "residense permit extension"])
def test_typo_beside_a_found_word_leaves_the_results_alone(edition_pages, page_ids, query):
    """Material's search finds pages by any query word, so the right word already finds the answer:
    the suggestion is for searches that find nothing, and does not stand between a reader and results."""
    tabs, _ = edition_pages
    found = [page_ids.get(path, path) for path in search(tabs["en"], query)]
    assert found[:1] == [BENCH[("en", query)]], f"{query!r} shows {found[:3]} first"
    assert suggestion(tabs["en"]) is None, f"{query!r} finds pages, yet a suggestion is shown"


@pytest.mark.parametrize("edition", HOME)
def test_no_near_word_no_suggestion_and_no_error(edition_pages, edition):
    tabs, errors = edition_pages
    assert search(tabs[edition], NO_NEAR_WORD) == []
    assert suggestion(tabs[edition]) is None, f"{NO_NEAR_WORD!r} got a suggestion"
    assert not errors[edition], f"the {edition} edition logged errors: {errors[edition]}"


@pytest.mark.parametrize("edition", HOME)
def test_index_that_cannot_be_fetched_means_no_suggestion_and_no_error(browser, site, edition):
    """Material's search loads the index when the page opens; every later fetch of it fails
    (a flaky connection), which is the one the suggestion would make. No service worker, so
    no saved copy answers instead."""
    context = browser.new_context(base_url=site.origin, viewport=DESKTOP, service_workers="block")
    tab = context.new_page()
    errors = watch_errors(tab)
    fetched = []

    def fail_after_the_first(route):
        fetched.append(route.request.url)
        route.continue_() if len(fetched) == 1 else route.abort("connectionfailed")

    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site.origin) else route.abort())
    tab.route("**/search/search_index.json", fail_after_the_first)
    try:
        visit(tab, HOME[edition])
        assert search(tab, TYPO[edition]) == []
        assert suggestion(tab) is None, "a suggestion without an index"
        assert len(fetched) == 2, f"the script did not try to fetch the index: {fetched}"
        assert search(tab, SPELT[edition]), "after the failed fetch, search itself stopped working"
        # Chromium's own line for the refused request is expected; nothing else is.
        script_errors = [error for error in errors if not error.startswith("Failed to load resource")]
        assert not script_errors, f"a failed index fetch logged errors: {script_errors}"
    finally:
        context.close()


# --- helpers ----------------------------------------------------------------


def watch_errors(tab) -> list[str]:
    errors = []
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    return errors
