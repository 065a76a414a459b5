"""The header's language selector keeps a reader's place in the page (every page's switch: test_every_page.py).

Driven as a reader does it: hover the selector, click the language. A reader deep in
a provision page (at #reindeer-view) stays at the same place, because both editions
use the same heading ids and overrides/assets/javascripts/language-switch.js carries the
anchor over.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .site_ui import EDITIONS, counterpart, other_edition, switch_language, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("edition", EDITIONS)
def test_language_switch_keeps_the_reader_at_the_reindeer_view(site, page, edition):
    provisions = site.paths_with("#reindeer-view", edition)
    assert provisions, f"no page of the {edition} edition has a Reindeer View (#reindeer-view)"
    start = provisions[0]
    visit(page, f"{start}#reindeer-view")
    switch_language(page, other_edition(edition))
    page.wait_for_load_state("load")
    landed = urlsplit(page.url)
    assert (landed.path, landed.fragment) == (counterpart(start), "reindeer-view"), (
        f"from {start}#reindeer-view the switch lands on {page.url}: the reader loses their place"
    )
    heading = page.locator("#reindeer-view")
    assert heading.count() == 1, f"{landed.path} has no #reindeer-view heading to land on"
    assert heading.is_visible() and _in_viewport(page, heading), (
        f"{page.url} opens without the Reindeer View heading on screen"
    )


def _in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and 0 <= box["y"] < height
