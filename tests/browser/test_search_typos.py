"""A misspelt search finds its answer: at once where the correction is certain, else through "Did you mean".

Material's search has no fuzzy matching, so a word misspelt by one letter finds nothing.
overrides/assets/javascripts/did-you-mean.js then replaces each unknown word of five or more
letters with the most frequent word of the edition's index one edit away. Where that is
certain (one word, one edit, one candidate; issue #25) it shows that search's results with
"Showing results for …; search instead for …"; otherwise it offers "Did you mean: …", and
tapping it runs that search. Checked here: the bench's one-letter typos are corrected at once
and the page that answers is first; "search instead" searches as typed and does not correct
again; queries with every word misspelt show the suggestion and its tap finds the answer;
both lines stay out of the way when search finds anything, when no word is near, and when
the index cannot be fetched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from .conftest import DESKTOP, watch_policy
from .site_ui import correction, result_paths, search, search_instead, suggestion, take_suggestion, visit

pytestmark = pytest.mark.browser

QUERIES_FILE = Path(__file__).resolve().parents[2] / "bench" / "search_queries.yml"
BENCH = {
    (row["edition"], row["query"]): row["answer"]
    for row in yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
}
HOME = {"en": "/", "zh": "/zh/"}

# The bench's typo queries that find nothing as typed, with their answers there: one word,
# one candidate, so corrected at once ("tolerence acceptance" and "residense permit extension"
# find theirs by the correct word beside the typo).
NOTHING_AS_TYPED = [
    (edition, query, BENCH[(edition, query)]) for edition, query in [("en", "apostolle"), ("zh", "apostelle")]
]
# Every word misspelt, so nothing is found as typed (letters changed, dropped, added and
# swapped), and more than one word changed: only suggested. The answer is the bench's for the
# query spelt right.
ALL_WORDS_MISSPELT = [
    ("en", "tolerence acceptanse", BENCH[("en", "What is tolerance acceptance?")]),
    ("en", "residense permitt extensoin", BENCH[("en", "Can I extend my work and residence permit online?")]),
]
TYPO = {"en": "apostolle", "zh": "apostelle"}
TWO_TYPOS = {"en": "apostolle certificatte", "zh": "apostelle certificatte"}
SPELT = {"en": "apostille", "zh": "海牙认证"}
LABEL = {"en": "Did you mean:", "zh": "您是不是要找："}
SHOWING = {"en": ("Showing results for", "search instead for"), "zh": ("以下是", "仍然搜索")}
NO_NEAR_WORD = "xyzzyqwerty"
TWO_NEAR_WORDS = "permitt"

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


@pytest.mark.parametrize("edition, query, wanted", NOTHING_AS_TYPED, ids=str)
def test_certain_typo_shows_the_corrected_search_at_once(edition_pages, page_ids, edition, query, wanted):
    tabs, errors = edition_pages
    tab = tabs[edition]
    assert search(tab, query) == [], f"{query!r} finds pages as typed: no longer a test of the correction"
    corrected = correction(tab, query)
    assert corrected, f"a reader searching {query!r} in the {edition} edition sees nothing, not the corrected search"
    found = [page_ids.get(path, path) for path in result_paths(tab)]
    assert found[:1] == [wanted], (
        f"the search corrected from {query!r} to {corrected!r} shows {found[:3] or 'nothing'} first, not {wanted}"
    )
    line = tab.locator(".did-you-mean-auto")
    for words in (*SHOWING[edition], corrected, query):
        expect(line, f"the correction line lacks {words!r}").to_contain_text(words)
    expect(tab.locator(".did-you-mean"), "a 'Did you mean' line beside the corrected results").to_be_hidden()
    assert not errors[edition], f"the {edition} edition logged errors: {errors[edition]}"


@pytest.mark.parametrize("edition", HOME)
def test_search_instead_searches_as_typed_and_is_not_corrected_again(edition_pages, edition):
    tabs, errors = edition_pages
    tab = tabs[edition]
    search(tab, TYPO[edition])
    assert correction(tab, TYPO[edition]), f"{TYPO[edition]!r} was not corrected"
    assert search_instead(tab) == [], f"'search instead for {TYPO[edition]}' shows results"
    expect(tab.locator(".did-you-mean"), "searching as typed leaves no way to the correction").to_be_visible()
    tab.wait_for_timeout(1000)  # longer than the script's pause before it corrects
    expect(tab.locator("input.md-search__input"), "the declined correction came back").to_have_value(TYPO[edition])
    assert not errors[edition], f"the {edition} edition logged errors: {errors[edition]}"


def test_typo_with_two_near_words_is_only_suggested(edition_pages):
    """'permitt' is one edit from both 'permit' and 'permits': not certain, so the reader chooses."""
    tabs, _ = edition_pages
    assert search(tabs["en"], TWO_NEAR_WORDS) == [], f"{TWO_NEAR_WORDS!r} finds pages as typed"
    assert correction(tabs["en"], TWO_NEAR_WORDS) is None, f"{TWO_NEAR_WORDS!r} was corrected without asking"
    assert suggestion(tabs["en"], TWO_NEAR_WORDS), f"{TWO_NEAR_WORDS!r} shows no suggestion"


@pytest.mark.parametrize("edition, query, wanted", ALL_WORDS_MISSPELT, ids=str)
def test_typo_finds_answer_through_the_suggestion(edition_pages, page_ids, edition, query, wanted):
    tabs, errors = edition_pages
    tab = tabs[edition]
    assert search(tab, query) == [], f"{query!r} finds pages as typed: no longer a test of the suggestion"
    suggested = suggestion(tab, query)
    assert suggested, f"a reader searching {query!r} in the {edition} edition sees nothing and no suggestion"
    assert correction(tab, query) is None, f"{query!r} changes two words, yet was corrected without asking"
    found = [page_ids.get(path, path) for path in take_suggestion(tab)]
    assert found[:1] == [wanted], (
        f"tapping 'Did you mean: {suggested}' after {query!r} shows {found[:3] or 'nothing'} first, "
        f"not the page that answers it ({wanted})"
    )
    expect(tab.locator(".did-you-mean"), "the suggestion stays up after it was tapped").to_be_hidden()
    assert not errors[edition], f"the {edition} edition logged errors: {errors[edition]}"


def test_suggestion_can_be_tapped_on_a_phone(mobile_page, page_ids):
    query, wanted = ALL_WORDS_MISSPELT[0][1:]
    visit(mobile_page, "/")
    assert search(mobile_page, query) == []
    assert suggestion(mobile_page, query), f"on a phone, {query!r} shows no suggestion"
    found = [page_ids.get(path, path) for path in take_suggestion(mobile_page)]
    assert found[:1] == [wanted], f"on a phone, the tapped suggestion shows {found[:3]} first"


@pytest.mark.parametrize("edition", HOME)
def test_suggestion_speaks_the_editions_language(edition_pages, edition):
    tabs, _ = edition_pages
    search(tabs[edition], TWO_TYPOS[edition])
    assert suggestion(tabs[edition], TWO_TYPOS[edition])
    expect(tabs[edition].locator(".did-you-mean")).to_contain_text(LABEL[edition])


@pytest.mark.parametrize("edition, query", [("en", "apostille"), ("zh", "海牙认证")])
def test_correct_spelling_shows_no_suggestion_even_after_a_typo(edition_pages, edition, query):
    tabs, errors = edition_pages
    search(tabs[edition], TWO_TYPOS[edition])
    assert suggestion(tabs[edition], TWO_TYPOS[edition]), f"{TWO_TYPOS[edition]!r} shows no suggestion"
    assert search(tabs[edition], query), f"{query!r} finds nothing in the {edition} edition"
    assert suggestion(tabs[edition], query) is None, f"{query!r} finds pages, yet a suggestion is shown"
    assert correction(tabs[edition], query) is None, f"{query!r} finds pages, yet a correction is shown"
    assert not errors[edition], f"the {edition} edition logged errors: {errors[edition]}"


@pytest.mark.parametrize("query", ["tolerence acceptance", "residense permit extension"])
def test_typo_beside_a_found_word_leaves_the_results_alone(edition_pages, page_ids, query):
    """Material's search finds pages by any query word, so the right word already finds the answer:
    the suggestion is for searches that find nothing, and does not stand between a reader and results."""
    tabs, _ = edition_pages
    found = [page_ids.get(path, path) for path in search(tabs["en"], query)]
    assert found[:1] == [BENCH[("en", query)]], f"{query!r} shows {found[:3]} first"
    assert suggestion(tabs["en"], query) is None, f"{query!r} finds pages, yet a suggestion is shown"
    assert correction(tabs["en"], query) is None, f"{query!r} finds pages, yet it was corrected"


@pytest.mark.parametrize("edition", HOME)
def test_no_near_word_no_suggestion_and_no_error(edition_pages, edition):
    tabs, errors = edition_pages
    assert search(tabs[edition], NO_NEAR_WORD) == []
    assert suggestion(tabs[edition], NO_NEAR_WORD) is None, f"{NO_NEAR_WORD!r} got a suggestion"
    assert correction(tabs[edition], NO_NEAR_WORD) is None, f"{NO_NEAR_WORD!r} was corrected"
    assert not errors[edition], f"the {edition} edition logged errors: {errors[edition]}"


@pytest.mark.parametrize("edition", HOME)
def test_index_that_cannot_be_fetched_means_no_suggestion_and_no_error(browser, site, edition):
    """Material's search loads the index when the page opens; every later fetch of it fails
    (a flaky connection), which is the one the suggestion would make. No service worker, so
    no saved copy answers instead."""
    context = browser.new_context(base_url=site.origin, viewport=DESKTOP, service_workers="block")
    watch_policy(context)
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
        assert suggestion(tab, TYPO[edition]) is None, "a suggestion without an index"
        assert correction(tab, TYPO[edition]) is None, "a correction without an index"
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
