"""What axe does not judge, read from Chromium's own accessibility tree and the keyboard (#30).

axe runs on every page of both editions in test_every_page.py.
"""

from __future__ import annotations

import pytest

from .site_ui import EDITIONS, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_screen_reader_hears_named_controls_and_nothing_closed(mobile_page, edition):
    """On a phone: every control has a name, the closed search, language list and menu are not
    read out, and headings are named by their text while their permalinks keep a name."""
    visit(mobile_page, PROVISION[edition])
    nodes = _accessibility_tree(mobile_page)
    unnamed = [role for role, name in nodes if role in CONTROLS and not name.strip()]
    assert not unnamed, f"controls a screen reader announces without a name: {unnamed}"
    closed = {
        "search dialog": [name for role, name in nodes if role == "dialog"],
        "language list": [name for role, name in nodes if role == "link" and name in LANGUAGE_NAMES],
        "menu drawer": [name for role, name in nodes if role == "link" and name == HOME[edition]],
    }
    assert not any(closed.values()), f"closed things a screen reader still reads out: {closed}"
    buttons = {name for role, name in nodes if role == "button"}
    assert MENU[edition] in buttons and SEARCH[edition] in buttons, f"menu or search is no named button: {buttons}"
    pilcrows = [name for role, name in nodes if role == "heading" and "¶" in name]
    assert not pilcrows, f"headings whose name ends in the permalink's ¶: {pilcrows}"
    permalinks = [name for role, name in nodes if role == "link" and name.startswith(PERMALINK[edition])]
    assert len(permalinks) >= 4, f"headings' permalinks without their own name: {permalinks}"

    mobile_page.get_by_role("button", name=MENU[edition]).tap()
    nodes = _accessibility_tree(mobile_page)
    assert (("link", HOME[edition]) in nodes), "the opened menu is not read out"


@pytest.mark.parametrize("edition", EDITIONS)
def test_tab_stops_are_visible_and_stay_in_the_show_view(page, edition):
    visit(page, PROVISION[edition])
    invisible = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if not stop["seen"]:
            invisible.append(stop["what"])
    assert not invisible, f"Tab stops a keyboard user cannot see: {invisible}"

    page.locator(".official-view-button").click()
    left = []
    for key in ["Tab"] * 3 + ["Shift+Tab"] * 3:
        page.keyboard.press(key)
        if not page.evaluate("() => !!document.activeElement.closest('.official-view')"):
            left.append(f"{key}: {page.evaluate(FOCUSED)['what']}")
    assert not left, f"the keyboard left the 'Show to an official' view for the page behind it: {left}"
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.classList.contains('official-view-button')")


def _accessibility_tree(page) -> list[tuple[str, str]]:
    """(role, name) of every node Chromium exposes to assistive technology."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    return [(node.get("role", {}).get("value", ""), str(node.get("name", {}).get("value", "")).strip())
            for node in nodes if not node.get("ignored")]


# --- data -------------------------------------------------------------------

PROVISION = {"en": "/notices/ningbo-2023-work-permits/apostille/", "zh": "/zh/notices/ningbo-2023-work-permits/apostille/"}
MENU = {"en": "Navigation", "zh": "导航栏"}
SEARCH = {"en": "Search", "zh": "查找"}
HOME = {"en": "Home", "zh": "首页"}
PERMALINK = {"en": "Link to this section:", "zh": "本节链接："}
LANGUAGE_NAMES = {"English", "简体中文"}
CONTROLS = {"button", "link", "textbox", "searchbox", "checkbox", "radio", "combobox", "menuitem", "tab", "switch"}
# The focused element, and whether a sighted keyboard user sees it: it has a size, is not hidden,
# and lies on the page's canvas (opacity is left out: Material fades permalinks in on focus).
FOCUSED = """() => {
  const e = document.activeElement, box = e.getBoundingClientRect();
  const what = e.tagName.toLowerCase() + "." + String(e.className).trim().split(/\\s+/).join(".") +
    " " + (e.getAttribute("aria-label") || e.textContent.trim().slice(0, 30));
  const seen = box.width > 0 && box.height > 0 && e.checkVisibility({visibilityProperty: true}) &&
    box.right > 0 && box.left < innerWidth;
  return {what, seen};
}"""

