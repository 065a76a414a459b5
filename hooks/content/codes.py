"""The QR code of a page's published address, as inline SVG made at build time with segno (no events).

Only a publishing build has an address to encode: mkdocs.yml sets `extra.published` from SITE_URL.
Without it (the local preview, the tests' default build) no code is made and the page says so.
"""

from __future__ import annotations

import segno
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# --- helpers ----------------------------------------------------------------


def published_address(config: MkDocsConfig, page: Page) -> str | None:
    """The page's address on the published site, or None when the build has none (no SITE_URL)."""
    return page.canonical_url if config.extra.get("published") and page.canonical_url else None


def page_code(config: MkDocsConfig, page: Page) -> tuple[str, Markup] | None:
    """(the page's published address, its QR code as SVG), or None when the build has no published address."""
    address = published_address(config, page)
    if address is None:
        return None
    svg = segno.make(address, error="m", micro=False).svg_inline(border=BORDER, omitsize=True, svgclass="page-code__svg", lineclass=None)
    # Decorative for assistive technology: the caption beside it gives the address as text.
    return address, Markup(svg.replace("<svg ", '<svg aria-hidden="true" ', 1))


# --- data -------------------------------------------------------------------

# Quiet zone around the code, in modules: the standard's 4, so a phone finds it on paper and on screen.
BORDER = 4
