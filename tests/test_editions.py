"""The bilingual foundation: one strict build makes two complete, linked editions."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import markdown
from mkdocs.config import load_config

from conftest import ROOT


def _counterpart(site, page: Path) -> Path:
    relative = page.relative_to(site.root)
    if relative.parts[0] == "zh":
        return site.root.joinpath(*relative.parts[1:])
    return site.root / "zh" / relative


def _resolve(site, page: Path, href: str) -> Path:
    """The built file a relative link on `page` points to."""
    page_url = "http://site/" + page.relative_to(site.root).as_posix()
    path = urlparse(urljoin(page_url, href)).path.lstrip("/")
    target = site.root / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def test_strict_build_reports_no_warnings(built_site):
    assert "WARNING" not in built_site.log, built_site.log


def test_every_page_exists_in_both_editions(built_site):
    english = built_site.pages("en")
    chinese = built_site.pages("zh")
    assert english, "the English edition has no pages"
    missing = [str(p.relative_to(built_site.root)) for p in english if not _counterpart(built_site, p).exists()]
    orphans = [str(p.relative_to(built_site.root)) for p in chinese if not _counterpart(built_site, p).exists()]
    assert not missing, f"English pages with no Chinese page: {missing}"
    assert not orphans, f"Chinese pages with no English page: {orphans}"


def test_html_lang_matches_the_edition(built_site):
    for edition in ("en", "zh"):
        for page in built_site.pages(edition):
            lang = built_site.html(str(page.relative_to(built_site.root))).html["lang"]
            assert lang == edition, f"{page}: <html lang={lang!r}>, a reader's browser would misread it"


def test_chinese_pages_show_the_chinese_sources(built_site):
    """Every zh page is read from docs_zh/, not the English fallback the i18n plugin lays out."""
    for page in built_site.pages("zh"):
        title = built_site.html(str(page.relative_to(built_site.root))).find("h1").get_text()
        assert re.search(r"[\u4e00-\u9fff]", title), f"{page}: heading {title!r} is not Chinese"


def test_hreflang_alternates_name_both_editions_and_resolve(built_site):
    for edition in ("en", "zh"):
        for page in built_site.pages(edition):
            soup = built_site.html(str(page.relative_to(built_site.root)))
            links = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
            assert set(links) == {"en", "zh"}, f"{page}: hreflang alternates {links}"
            for href in links.values():
                assert _resolve(built_site, page, href).exists(), f"{page}: alternate {href} leads nowhere"


def test_language_switch_links_each_page_to_its_counterpart(built_site):
    for edition in ("en", "zh"):
        other = "zh" if edition == "en" else "en"
        for page in built_site.pages(edition):
            soup = built_site.html(str(page.relative_to(built_site.root)))
            switch = soup.select_one(f'a.md-select__link[hreflang="{other}"]')
            assert switch is not None, f"{page}: no language switch to {other}"
            target = _resolve(built_site, page, switch["href"]) if not switch["href"].startswith("/") else built_site.root / switch["href"].lstrip("/") / "index.html"
            assert target == _counterpart(built_site, page), f"{page}: switch to {other} lands on {target}"


def test_each_edition_has_its_own_404_page(built_site):
    assert built_site.html("404.html").html["lang"] == "en"
    assert built_site.html("zh/404.html").html["lang"] == "zh"


def test_sitemaps_at_both_roots_list_both_editions_with_alternates(built_site):
    for name in ("sitemap.xml", "zh/sitemap.xml"):
        xml = (built_site.root / name).read_text(encoding="utf-8")
        assert "/zh/</loc>" in xml and 'hreflang="en"' in xml and 'hreflang="zh"' in xml, name


def test_search_index_holds_word_segmented_chinese(built_site):
    import json

    index = json.loads((built_site.root / "zh/search/search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"], "the browser would not split on jieba's zero-width spaces"
    chinese_text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b" in chinese_text, "Chinese pages are indexed as unsegmented runs of characters"


def test_headings_without_an_id_keep_their_unicode_slug():
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    html = md.convert("## 口岸签证\n\n## Reindeer View {#reindeer-view}\n")
    assert 'id="口岸签证"' in html and 'id="reindeer-view"' in html, html
