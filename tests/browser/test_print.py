"""Printed, a provision page keeps both official texts and the Reindeer View and drops the site's chrome.

People bring a printout to the bureau. The print stylesheet (site.css) must hide the
header, navigation, search, footer and every button, must not lose either language of the
official text or the view, and must fit a provision page on two A4 sheets (issue #30).
"""

from __future__ import annotations

import re

import pytest

from .site_ui import EDITIONS, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def printed(page):
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("edition", EDITIONS)
def test_printed_provision_pages(site, printed, edition):
    """One visit per provision page, printed from the browser's own menu: the texts kept, no site
    chrome, no buttons or controls, and at most two A4 sheets."""
    wrong = {}
    for path in _provisions(site, edition):
        visit(printed, path)
        problems = [f"shows the {name}" for name, css in CHROME.items() if _shows(printed, css)]
        problems += [f"loses the {name}" for name, css in KEPT.items() if not _shows(printed, css)]
        problems += [f"prints a control: {control}" for control in _controls(printed)]
        sheets = _sheets(printed)
        if sheets > MAX_SHEETS:
            problems.append(f"prints on {sheets} A4 sheets, more than {MAX_SHEETS}")
        if problems:
            wrong[path] = problems
    assert not wrong, f"printed provision pages: {wrong}"


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


def _controls(page) -> list[str]:
    """Buttons and form controls that would appear on paper."""
    return page.locator(CONTROLS).evaluate_all(
        """elements => elements.filter(e => {
          const box = e.getBoundingClientRect();
          return e.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0;
        }).map(e => e.outerHTML.slice(0, 80))"""
    )


def _sheets(page) -> int:
    """How many A4 sheets the page prints on (the PDF Chromium makes for the browser's Print)."""
    return len(PDF_PAGE.findall(page.pdf(format="A4")))


# --- data -------------------------------------------------------------------

CHROME = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "footer": ".md-footer",
    "back-to-top button": ".md-top",
}
CONTROLS = "button, input:not([type=hidden]), select, textarea, .md-button, [role=button]"
MAX_SHEETS = 2
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")
KEPT = {
    "official text in English": ".official-text > blockquote[lang='en']",
    "official text in Chinese": ".official-text > blockquote[lang='zh']",
    "Reindeer View heading": "#reindeer-view",
    "Reindeer View": ".reindeer-view",
}
