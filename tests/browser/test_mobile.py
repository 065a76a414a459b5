"""On a phone (390x844, touch) the site is usable: the drawer opens, nothing scrolls sideways,
provision pages give the answer within two screens, and the side-by-side official text stacks
into one column.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .site_ui import EDITIONS, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("edition", EDITIONS)
def test_navigation_drawer_opens(mobile_page, edition):
    visit(mobile_page, "/zh/" if edition == "zh" else "/")
    drawer = mobile_page.locator(".md-sidebar--primary")
    expect(drawer, "the navigation drawer is on screen before anyone opened it").not_to_be_in_viewport()
    mobile_page.locator("label.md-header__button[for='__drawer']").click()
    expect(drawer, "tapping the menu button does not bring the navigation drawer on screen").to_be_in_viewport(
        ratio=0.9
    )
    expect(drawer.locator(".md-nav__link").first, "the open drawer shows no navigation link").to_be_visible()
    # A menu for thumbs (#30): tapping a section's name opens the section, on the same page.
    address = mobile_page.url
    name = NOTICE_SECTION[edition]
    drawer.locator(".md-nav__item--nested > .md-nav__link").get_by_text(name, exact=True).first.tap()
    nested = drawer.locator("nav.md-nav[data-md-level='1']", has_text=name).first
    expect(nested, f"tapping {name!r} does not open its section").to_be_in_viewport(ratio=0.9)
    assert mobile_page.url == address, f"tapping {name!r} left the page for {mobile_page.url}"
    entries = [" ".join(t.split()) for t in nested.locator(":scope > ul > li > a.md-nav__link").all_inner_texts()]
    assert any(entry.startswith("2. ") for entry in entries), f"the provisions in the menu have no numbers: {entries}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_page_scrolls_sideways(site, mobile_page, edition):
    too_wide = {}
    for path in site.paths(edition):
        visit(mobile_page, path)
        overflow = mobile_page.evaluate(OVERFLOW_SCRIPT, mobile_page.viewport_size["width"])
        if overflow["width"] > overflow["screen"]:
            too_wide[path] = overflow
    assert not too_wide, f"on a 390px phone these pages scroll sideways (widest elements given): {too_wide}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_provision_pages_on_a_phone(site, mobile_page, edition):
    """One visit per provision page: the answer first, the button near the top, the texts stacked."""
    provisions = site.paths_with(".official-text", edition)
    assert provisions, f"no page of the {edition} edition has an official text to check"
    screen = mobile_page.viewport_size["height"]
    wrong = {}
    for path in provisions:
        visit(mobile_page, path)
        answer = page_top(mobile_page, "#what-this-means")
        if answer is None or answer > 2 * screen:
            wrong.setdefault(path, []).append(f"'What this means for you' starts at {answer}px, below the first two screens ({2 * screen}px)")
        show = page_top(mobile_page, ".official-view-button")
        if show is None or show > screen:
            wrong.setdefault(path, []).append(f"the 'Show to an official' button is at {show}px, not on the first screen")
        quotes = mobile_page.locator(".official-text > blockquote")
        assert quotes.count() == 2, f"{path}: official text has {quotes.count()} texts, expected English and Chinese"
        first, second = quotes.nth(0).bounding_box(), quotes.nth(1).bounding_box()
        if second["y"] < first["y"] + first["height"]:
            wrong.setdefault(path, []).append(f"official texts side by side, squeezed into widths {first['width']:.0f}px and {second['width']:.0f}px")
    assert not wrong, f"on a 390x844 phone: {wrong}"


def test_port_visa_answer_within_two_screens(mobile_page):
    for path in ("/port-visa-transfer/", "/zh/port-visa-transfer/"):
        visit(mobile_page, path)
        answer = page_top(mobile_page, "#what-this-means")
        assert answer is not None and answer <= 2 * mobile_page.viewport_size["height"], (
            f"{path}: 'What this means for you' starts at {answer}px, below the first two screens of a phone")


def page_top(page, css: str) -> float | None:
    """Where an element starts, in CSS px from the top of the page (None if absent or hidden)."""
    return page.evaluate("css => { const e = document.querySelector(css); if (!e || !e.offsetParent) return null;"
                         " return e.getBoundingClientRect().top + window.scrollY; }", css)


# --- data -------------------------------------------------------------------

NOTICE_SECTION = {"en": "The 2023 work permit notice", "zh": "2023年工作许可通知"}

# Page width against the phone's screen, and the outermost elements that stick out (to fix
# them). Not against innerWidth: a mobile browser widens its layout viewport to fit content
# that is too wide, and the reader then pans sideways across a 390px screen.
OVERFLOW_SCRIPT = """screen => {
  const culprits = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.right > screen + 1 && box.width > 0 && !culprits.some(c => c.contains(element))) {
      culprits.push(element);
    }
  }
  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  return {
    width: document.documentElement.scrollWidth,
    screen,
    culprits: culprits.slice(0, 5).map(describe),
  };
}"""
