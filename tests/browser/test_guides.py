"""Guides in a browser (#26): one A4 page in print, QR codes that open the page, the home questions on a phone.

The served site is built with SITE_URL set to its own address, so every guide, provision and
process page carries a code; zxing-cpp decodes it from pixels Chromium draws from the page's SVG.
"""

from __future__ import annotations

import base64
import re

import pytest
import zxingcpp

from .conftest import PHONE, recorded_context
from .site_ui import EDITIONS, visit

pytestmark = pytest.mark.browser

# --- fixtures ---------------------------------------------------------------


@pytest.fixture(scope="module")
def phone_without_scripts(browser, site, traffic):
    """A 390 x 844 phone with JavaScript off: what the home page's questions must work with."""
    yield from recorded_context(browser, site, traffic, **PHONE, java_script_enabled=False)


# --- tests ------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_guide_prints_on_one_a4_page_with_its_code_and_the_other_language(site, page, edition):
    guides = site.paths_with(".journey", edition)
    assert len(guides) >= 8, f"{edition}: only {guides} have steps"
    pages, lost = {}, {}
    page.emulate_media(media="print")
    for path in guides:
        visit(page, path)
        pages[path] = _pdf_pages(page.pdf(format="A4"))
        missing = [name for name, css in PRINTED.items() if not _shows(page, css)]
        missing += [name for name, css in PRINTED_WHERE_GIVEN.items() if page.locator(css).count() and not _shows(page, css)]
        shown = [name for name, css in NOT_PRINTED.items() if _shows(page, css)]
        if missing or shown:
            lost[path] = {"missing": missing, "printed": shown}
    assert all(count == 1 for count in pages.values()), f"{edition}: A4 pages per guide printed from the browser: {pages}"
    assert not lost, f"{edition}: the printed guides lose what a reader takes to the window, or print the screen's extras: {lost}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_code_on_a_guide_and_a_provision_opens_the_page_it_is_on(site, page, context, edition):
    paths = [site.paths_with(".journey", edition)[0], site.paths_with(".official-text", edition)[0]]
    blank = context.new_page()
    try:
        for path in paths:
            visit(page, path)
            svg = page.locator(".md-content__inner > .page-code svg").evaluate("e => e.outerHTML")
            assert _decoded(blank, svg) == [site.url(path)], f"{path}: the code does not open {site.url(path)}"
    finally:
        blank.close()


def test_the_code_is_in_the_show_to_an_official_view_and_open_on_your_phone_is_for_wide_screens(site, page, mobile_page):
    path = site.paths_with(".official-text", "en")[0]
    visit(page, path)
    page.get_by_role("button", name="Show to an official").click()
    assert page.locator(".official-view .page-code svg").is_visible(), "the official's view has no code to open the page on a phone"
    page.keyboard.press("Escape")
    assert page.locator(".phone-code summary").is_visible(), "no 'Open on your phone' on a desktop"
    page.locator(".phone-code summary").click()
    assert page.locator(".phone-code svg").is_visible(), "'Open on your phone' shows no code"
    visit(mobile_page, path)
    assert not mobile_page.locator(".phone-code").is_visible(), "'Open on your phone' is offered on a phone"


@pytest.mark.parametrize("edition", EDITIONS)
def test_which_guide_is_mine_is_on_the_first_screen_of_a_phone_without_javascript(site, phone_without_scripts, edition):
    tab = phone_without_scripts.new_page()
    try:
        visit(tab, "/" if edition == "en" else "/zh/")
        heading = tab.locator("#start-here")
        links = tab.locator("#start-here + ul a")
        assert links.count() >= 8, f"{edition}: {links.count()} questions on the home page"
        bottoms = [box["y"] + box["height"] for box in (links.nth(i).bounding_box() for i in range(links.count()))]
        assert heading.is_visible() and max(bottoms) <= PHONE["viewport"]["height"], (
            f"{edition}: 'Which guide is mine?' runs to {max(bottoms):.0f} px, below the first screen of a 390 x 844 phone")
        links.first.click()
        assert "/audiences/" in tab.url, f"{edition}: a question does not open its guide without JavaScript"
    finally:
        tab.close()


# --- helpers ----------------------------------------------------------------


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def _shows(page, css: str) -> bool:
    return page.locator(css).evaluate_all(
        "els => els.some(e => e.checkVisibility({visibilityProperty: true}) && e.getBoundingClientRect().height > 0)")


def _decoded(blank, svg: str) -> list[str]:
    """The texts zxing-cpp reads from the SVG as Chromium draws it (a canvas of CODE_PIXELS, grey levels)."""
    if "xmlns=" not in svg:
        svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    grey = blank.evaluate(RASTERISE, [svg, CODE_PIXELS])
    pixels = memoryview(base64.b64decode(grey)).cast("B", shape=[CODE_PIXELS, CODE_PIXELS])
    return [found.text for found in zxingcpp.read_barcodes(pixels)]


# --- data -------------------------------------------------------------------

PRINTED = {
    "steps": ".journey > ol > li",
    "the other language beside each step": ".journey__twin",
    "the page's code": ".md-content__inner > .page-code svg",
    "the page's address, checked date and label": ".journey__label",
}
PRINTED_WHERE_GIVEN = {
    "source labels": ".journey__source",
    "the checklist": ".journey__bring li",
}
NOT_PRINTED = {
    "the page's other sections": "#where-to-ask",
    "'Open on your phone'": ".phone-code",
    "the note on keeping a copy": ".journey__keep",
}
CODE_PIXELS = 400
RASTERISE = """async ([svg, size]) => {
  const image = new Image();
  image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const draw = canvas.getContext("2d");
  draw.fillStyle = "#fff";
  draw.fillRect(0, 0, size, size);
  draw.drawImage(image, 0, 0, size, size);
  const rgba = draw.getImageData(0, 0, size, size).data;
  let grey = "";
  for (let i = 0; i < rgba.length; i += 4) grey += String.fromCharCode(rgba[i]);
  return btoa(grey);
}"""
