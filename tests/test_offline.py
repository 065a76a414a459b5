"""hooks/offline.py: each edition's manifest, and a precache list of its own files only."""

from __future__ import annotations

import gzip
import json

import pytest

EDITIONS = {"en": "", "zh": "zh/"}
PRECACHE_LIMIT = 400 * 1024  # issue #17: at most 400 KB gzipped per edition


def precache(built_site, prefix: str) -> list[str]:
    """The site-relative files an edition's sw.js precaches (its `const PRECACHE = [...]` line)."""
    for line in (built_site.root / prefix / "sw.js").read_text(encoding="utf-8").splitlines():
        if line.startswith("const PRECACHE = "):
            addresses = json.loads(line.removeprefix("const PRECACHE = ").rstrip(";"))
            return [_file(prefix, address) for address in addresses]
    raise AssertionError(f"{prefix}sw.js has no PRECACHE line")


def _file(prefix: str, address: str) -> str:
    if address == "./":
        return prefix + "index.html"
    path = address[3:] if address.startswith("../") else prefix + address
    return path + "index.html" if path.endswith("/") else path


@pytest.mark.parametrize("language, name", [("en", "Ningbo Expat Work & Visa Guide"), ("zh", "宁波外籍人士工作与签证指南")])
def test_each_edition_has_its_own_manifest(built_site, language, name):
    prefix = EDITIONS[language]
    manifest = json.loads((built_site.root / prefix / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["lang"], manifest["start_url"]) == (name, language, "./")
    for icon in manifest["icons"]:
        assert (built_site.root / prefix / icon["src"]).resolve().is_file(), f"manifest icon {icon['src']} missing"
    for page in built_site.pages(language):
        link = built_site.html(page.relative_to(built_site.root).as_posix()).select_one("link[rel=manifest]")
        assert link is not None, f"{page} links no manifest"
        assert (page.parent / link["href"]).resolve() == (built_site.root / prefix / "manifest.webmanifest").resolve()


def test_english_precache_holds_no_chinese_file(built_site):
    files = precache(built_site, "")
    assert "search/search_index.json" in files and "index.html" in files
    assert not [path for path in files if path.startswith("zh/")], "the English worker would cache the Chinese edition"


def test_chinese_precache_holds_its_pages_and_index_and_shared_assets_only(built_site):
    files = precache(built_site, "zh/")
    assert "zh/search/search_index.json" in files and "zh/index.html" in files
    outside = [path for path in files if not path.startswith(("zh/", "assets/")) and path != "sitemap.xml"]
    assert not outside, f"the Chinese worker would cache English files: {outside}"


def test_chinese_search_scripts_lie_inside_the_chinese_workers_scope(built_site):
    """A worker script is served by the service worker whose scope holds its own address, not
    by the page's: the Chinese worker (scope zh/) can serve only a copy inside zh/."""
    scripts = [path for path in precache(built_site, "zh/") if "/workers/search." in path or "/lunr/" in path]
    assert len(scripts) >= 2, f"the Chinese precache has no search worker and lunr files: {scripts}"
    assert all(path.startswith("zh/assets/javascripts/") for path in scripts), scripts


@pytest.mark.parametrize("language", EDITIONS)
def test_precache_is_every_page_and_small(built_site, language):
    prefix = EDITIONS[language]
    files = precache(built_site, prefix)
    pages = {page.relative_to(built_site.root).as_posix() for page in built_site.pages(language)}
    assert pages <= set(files), f"pages a reader could not open offline: {sorted(pages - set(files))}"
    size = sum(len(gzip.compress((built_site.root / path).read_bytes())) for path in files)
    assert size <= PRECACHE_LIMIT, f"the {language} edition precaches {size / 1024:.0f} KB gzipped (limit 400)"
