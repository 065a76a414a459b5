"""What the browser tests know about our site and Material's UI.

Editions and page paths, and how a reader operates the widgets: search and its
"Did you mean" line, the language selector. Each helper acts as a person would (click,
hover, type) and waits for what a person would wait for (results shown, a page opened),
never a fixed time.
"""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

# --- helpers ----------------------------------------------------------------


def edition_of(path: str) -> str:
    return "zh" if path == "/zh/" or path.startswith("/zh/") else "en"


def counterpart(path: str) -> str:
    """The same page in the other edition: /x/ <-> /zh/x/."""
    if edition_of(path) == "zh":
        return path.removeprefix("/zh")
    return "/zh" + path


def other_edition(edition: str) -> str:
    return "en" if edition == "zh" else "zh"


def visit(page: Page, path: str, *, until: str = "load"):
    """Open a page of the served site."""
    return page.goto(path, wait_until=until)


def settle(page: Page, traffic, *, quiet: float = 0.25, timeout: float = 10.0) -> None:
    """Wait until the page's scripts stop fetching: no request open for `quiet` seconds.

    Playwright's "networkidle" waits a fixed half second per page; the site has
    about fifty pages, and the scripts' fetches (sitemaps, search index) start
    before "load", so a shorter quiet spell after it catches them all.
    """
    deadline = time.monotonic() + timeout
    while traffic.quiet_for() < quiet:
        assert time.monotonic() < deadline, (
            f"{page.url} still fetching after {timeout}s: {sorted(r.url for r in traffic.pending)}"
        )
        page.wait_for_timeout(50)


def search(page: Page, query: str) -> list[str]:
    """Type a query into Material's search; the paths of the result pages, best first.

    Chinese typed through an input method arrives without the key events a test
    types, so the query is filled in at once and then one key is pressed: that
    keyup is what Material's search listens to.
    """
    placeholder = material_translation(page, "search.result.placeholder")
    meta = page.locator(".md-search-result__meta")
    field = page.locator("input.md-search__input")
    # On a phone the closed search is hidden, and inert (assets/javascripts/accessible.js): open it.
    if not field.is_visible() or field.evaluate("e => e.closest('[inert]') !== null"):
        page.locator("label.md-header__button[for='__search']").click()
    field.fill("")
    field.press("End")
    # The placeholder replaces "Initializing search" once the worker has loaded the index.
    expect(meta, "search never became ready (the index did not load)").to_have_text(placeholder)
    field.fill(query)
    field.press("End")
    expect(meta, f"search for {query!r} never answered").not_to_have_text(placeholder)
    return [urlsplit(href).path for href in _result_links(page)]


def suggestion(page: Page, query: str) -> str | None:
    """After `search(page, query)`: the corrected query of the "Did you mean" line under it, or None.

    Waits until overrides/assets/javascripts/did-you-mean.js has decided for the query (its
    data-query), which after a search that found nothing takes the fetch of the search index.
    None too where the script searched a certain correction itself (`correction`).
    """
    _decided(page, query)
    line = page.locator(".did-you-mean")
    return line.locator(".did-you-mean__query").text_content() if line.is_visible() else None


def correction(page: Page, query: str) -> str | None:
    """After `search(page, query)`: the query did-you-mean.js searched instead, under "Showing
    results for", or None. Its results are then in the list (`result_paths`)."""
    _decided(page, query)
    line = page.locator(".did-you-mean-auto")
    return line.locator(".did-you-mean__corrected").text_content() if line.is_visible() else None


def search_instead(page: Page) -> list[str]:
    """Tap "search instead for <as typed>" under a correction; the paths of the results it brings (none)."""
    button = page.locator(".did-you-mean__original")
    query = button.text_content()
    button.click()
    expect(page.locator("input.md-search__input")).to_have_value(query)
    expect(page.locator(".did-you-mean-auto"), "the correction stays up after 'search instead'").to_be_hidden()
    # The script corrects only a search that found nothing: as typed, it finds nothing again.
    expect(page.locator(".md-search-result__meta")).to_have_text(material_translation(page, "search.result.none"))
    return result_paths(page)


def result_paths(page: Page) -> list[str]:
    """The paths of the result pages shown now, best first."""
    return [urlsplit(href).path for href in _result_links(page)]


def take_suggestion(page: Page) -> list[str]:
    """Tap the "Did you mean" query, as a reader does; the paths of the results it brings, best first."""
    button = page.locator(".did-you-mean__query")
    query = button.text_content()
    if page.evaluate("matchMedia('(pointer: coarse)').matches"):
        button.tap()  # a phone: a touch, not a mouse click
    else:
        button.click()
    expect(page.locator("input.md-search__input")).to_have_value(query)
    expect(
        page.locator(".did-you-mean"), f"tapping the suggestion {query!r} never ran its search"
    ).to_have_attribute("data-query", query)
    return result_paths(page)


def switch_language(page: Page, language: str) -> str:
    """Hover the header's language selector and click a language, as a reader does; the URL it opens.

    Returns as soon as the browser commits to the new address (the tests that need
    the new page itself wait for it).
    """
    page.locator(".md-header__option .md-select").hover()
    link = page.locator(f"a.md-select__link[hreflang='{language}']")
    expect(link, f"the language menu shows no visible link to {language!r}").to_be_visible()
    before = page.url
    link.click()
    page.wait_for_url(lambda url: url != before, wait_until="commit")
    return page.url


def material_translation(page: Page, key: str) -> str:
    """A UI string in the page's language, from the #__config block Material reads."""
    config = json.loads(page.locator("#__config").text_content())
    return config["translations"][key]


def _decided(page: Page, query: str) -> None:
    line = page.locator(".did-you-mean")
    expect(line, f"the did-you-mean script never decided for {query!r}").to_have_attribute("data-query", query)


def _result_links(page: Page) -> list[str]:
    return page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(item => item.querySelector('a.md-search-result__link').href)"
    )


# --- data -------------------------------------------------------------------

EDITIONS = ("en", "zh")
