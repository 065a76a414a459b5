"""Every page describes itself to search engines and to link previews (WeChat, X, LinkedIn...).

Reads the built site's <head>: a meta description, Open Graph tags with an absolute
image URL that points at a shipped 1200x630 picture, and the edition's locale.
"""

from __future__ import annotations

import struct
from urllib.parse import urlparse

import pytest
from mkdocs.config import load_config

from conftest import ROOT

EDITIONS = ("en", "zh")
OG_LOCALE = {"en": "en_US", "zh": "zh_CN"}
REQUIRED_OG = ("og:title", "og:description", "og:image", "og:url")


def _heads(site, edition):
    for page in site.pages(edition):
        yield page.relative_to(site.root).as_posix(), site.html(str(page.relative_to(site.root))).head


def _og(head, prop):
    tag = head.find("meta", attrs={"property": prop})
    return tag.get("content", "").strip() if tag else ""


@pytest.fixture(scope="module")
def site_url():
    return load_config(str(ROOT / "mkdocs.yml")).site_url


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_has_a_meta_description(built_site, edition):
    for page, head in _heads(built_site, edition):
        tag = head.find("meta", attrs={"name": "description"})
        assert tag and tag.get("content", "").strip(), f"{page}: no meta description; search results would show a random snippet"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_has_open_graph_title_description_image_and_url(built_site, edition):
    for page, head in _heads(built_site, edition):
        missing = [prop for prop in REQUIRED_OG if not _og(head, prop)]
        assert not missing, f"{page}: a shared link would preview without {missing}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_og_image_is_an_absolute_url_of_a_shipped_file(built_site, edition, site_url):
    for page, head in _heads(built_site, edition):
        image = _og(head, "og:image")
        parsed = urlparse(image)
        assert parsed.scheme in ("http", "https") and parsed.netloc, (
            f"{page}: og:image {image!r} is not absolute; WeChat and X show no picture for it"
        )
        assert image.startswith(site_url), f"{page}: og:image {image!r} is not on the site ({site_url})"
        shipped = built_site.root / image[len(site_url):]
        assert shipped.is_file(), f"{page}: og:image {image!r} is not in the built site"


@pytest.mark.parametrize("edition", EDITIONS)
def test_og_url_is_the_pages_canonical_address(built_site, edition):
    for page, head in _heads(built_site, edition):
        canonical = head.find("link", rel="canonical")
        assert canonical is not None, f"{page}: no canonical link"
        assert _og(head, "og:url") == canonical["href"], f"{page}: a shared link would point somewhere else than the page"


@pytest.mark.parametrize("edition", EDITIONS)
def test_og_locale_names_the_edition(built_site, edition):
    for page, head in _heads(built_site, edition):
        assert _og(head, "og:locale") == OG_LOCALE[edition], (
            f"{page}: og:locale {_og(head, 'og:locale')!r}, previews would label the language wrongly"
        )


@pytest.mark.parametrize("edition", EDITIONS)
def test_og_title_names_the_page_not_just_the_site(built_site, edition):
    """A shared provision link must say which provision; only the home pages preview as the site."""
    for page, head in _heads(built_site, edition):
        if page in ("index.html", "zh/index.html"):
            continue
        title = _og(head, "og:title")
        assert title != _og(head, "og:site_name"), f"{page}: the preview would show only the site name"
        assert head.title.get_text().startswith(f"{title} - "), (
            f"{page}: preview title {title!r} differs from the browser tab {head.title.get_text()!r}"
        )


@pytest.mark.parametrize("edition", EDITIONS)
def test_preview_image_is_a_1200_by_630_png(edition):
    path = ROOT / "docs" / "assets" / "images" / f"og-{edition}.png"
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (1200, 630), f"{path.name} is {width}x{height}; previews would crop it"
