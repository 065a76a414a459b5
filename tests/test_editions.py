"""The bilingual foundation: one strict build makes two complete, linked editions."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

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


def _moved_pages() -> dict[str, str]:
    """Old page path -> the page now standing there, from each English page's `moved_from`."""
    moved = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        meta = get_data(path.read_text(encoding="utf-8"))[1]
        for old in meta.get("moved_from") or []:
            moved[old] = path.relative_to(ROOT / "docs").as_posix()
    return moved


def _page_folder(src: str) -> str:
    """'notices/x/apostille.md' -> 'notices/x/apostille/'; 'notices/x/index.md' -> 'notices/x/'."""
    stem = src.removesuffix(".md").removesuffix("index")
    return stem if stem == "" or stem.endswith("/") else f"{stem}/"


def test_each_old_address_redirects_to_the_same_page_in_the_same_edition(built_site):
    moved = _moved_pages()
    assert moved, "no page records an old address (moved_from): nothing to check"
    for prefix in ("", "zh/"):
        for old, new in moved.items():
            old_page = built_site.root / prefix / _page_folder(old) / "index.html"
            assert old_page.is_file(), f"/{prefix}{_page_folder(old)}: a reader's bookmark now finds nothing"
            refresh = built_site.html(str(old_page.relative_to(built_site.root))).find(
                "meta", attrs={"http-equiv": lambda value: value and value.lower() == "refresh"}
            )
            assert refresh is not None, f"/{prefix}{_page_folder(old)}: not a redirect page"
            url = refresh["content"].split("url=", 1)[1].strip()
            target = _resolve(built_site, old_page, url)
            assert target.is_file(), f"/{prefix}{_page_folder(old)} redirects to {url}, which is missing"
            expected = built_site.root / prefix / _page_folder(new) / "index.html"
            assert target == expected, f"/{prefix}{_page_folder(old)} leads to {target}, not to {expected}"


@pytest.mark.parametrize("page", ["zh/404.html", "zh/503.html"])
def test_the_chinese_404_and_offline_pages_offer_both_edition_homes(built_site, page):
    """Not the language links of whichever page the build rendered last (the offline page had them)."""
    soup = built_site.html(page)
    links = {link["hreflang"]: link["href"] for link in soup.select("a.md-select__link[hreflang]")}
    assert links == {"en": "/", "zh": "/zh/"}, f"a reader on {page} is offered {links}"


# --- what the hooks assume about mkdocs-static-i18n ---------------------------------


def test_start_up_stops_when_the_i18n_plugin_lacks_what_the_hooks_use(monkeypatch):
    from mkdocs.exceptions import PluginError

    import editions

    config = load_config(str(ROOT / "mkdocs.yml"))
    editions.on_config(config)  # the installed plugin holds every assumption
    i18n = config.plugins["i18n"]
    older = type("OlderI18n", (), {"current_language": None, "default_language": "en", "config": i18n.config})()
    monkeypatch.setitem(config.plugins, "i18n", older)
    with pytest.raises(PluginError, match=r"mkdocs-static-i18n.*no longer true: the plugin's current_language.*; its on_files"):
        editions.on_config(config)


def test_start_up_stops_when_the_plugins_files_lack_their_language_attributes():
    import pytest
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File, Files

    import editions

    config = load_config(str(ROOT / "mkdocs.yml"))
    plain = Files([File("index.md", src_dir=config.docs_dir, dest_dir=config.site_dir, use_directory_urls=True)])
    with pytest.raises(PluginError, match="the plugin's files carry alternates"):
        editions.on_files(plain, config)
