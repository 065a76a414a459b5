"""On a phone (390x844, touch) the site is usable: the drawer opens, nothing scrolls sideways,
and the side-by-side official text stacks into one column.
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
def test_official_text_stacks_on_a_phone(site, mobile_page, edition):
    provisions = site.paths_with(".official-text", edition)
    assert provisions, f"no page of the {edition} edition has an official text to check"
    side_by_side = {}
    for path in provisions:
        visit(mobile_page, path)
        quotes = mobile_page.locator(".official-text > blockquote")
        assert quotes.count() == 2, f"{path}: official text has {quotes.count()} texts, expected English and Chinese"
        first, second = quotes.nth(0).bounding_box(), quotes.nth(1).bounding_box()
        if second["y"] < first["y"] + first["height"]:
            side_by_side[path] = f"widths {first['width']:.0f}px and {second['width']:.0f}px"
    assert not side_by_side, f"official texts still side by side on a phone, squeezed into narrow columns: {side_by_side}"


# --- data -------------------------------------------------------------------

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
