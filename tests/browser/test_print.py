"""Printed, a provision page keeps both official texts and the Reindeer View and drops the site's chrome.

People bring a printout to the bureau. The print stylesheet (site.css) must hide the
header, navigation, search and footer, and must not lose either language of the
official text or the view.
"""

from __future__ import annotations

import pytest

from .site_ui import EDITIONS, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def printed(page):
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("edition", EDITIONS)
def test_print_hides_navigation_and_search(site, printed, edition):
    shown = {}
    for path in _provisions(site, edition):
        visit(printed, path)
        visible = [name for name, css in CHROME.items() if _shows(printed, css)]
        if visible:
            shown[path] = visible
    assert not shown, f"printed provision pages still show the site's chrome: {shown}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_print_keeps_both_official_texts_and_the_view(site, printed, edition):
    lost = {}
    for path in _provisions(site, edition):
        visit(printed, path)
        missing = [name for name, css in KEPT.items() if not _shows(printed, css)]
        if missing:
            lost[path] = missing
    assert not lost, f"printed provision pages lose what the reader printed them for: {lost}"


def _provisions(site, edition: str) -> list[str]:
    provisions = site.paths_with(".official-text", edition)
    assert provisions, f"no page of the {edition} edition has an official text to print"
    return provisions


def _shows(page, css: str) -> bool:
    """Some element matching css is rendered with a size (display, visibility and size checked)."""
    return page.locator(css).evaluate_all(
        """elements => elements.some(e => {
          const box = e.getBoundingClientRect();
          return e.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0;
        })"""
    )


# --- data -------------------------------------------------------------------

CHROME = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "footer": ".md-footer",
    "back-to-top button": ".md-top",
}
KEPT = {
    "official text in English": ".official-text > blockquote[lang='en']",
    "official text in Chinese": ".official-text > blockquote[lang='zh']",
    "Reindeer View heading": "#reindeer-view",
    "Reindeer View": ".reindeer-view",
}
