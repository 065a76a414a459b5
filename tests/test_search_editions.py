"""Each edition has its own search index (hooks/editions.py, on_post_build): a reader downloads their edition only.

Reads the built site's two index files, search/search_index.json (English) and
zh/search/search_index.json (Chinese), and the Chinese pages that load the latter.
"""

from __future__ import annotations

import json

import pytest

INDEX = {"en": "search/search_index.json", "zh": "zh/search/search_index.json"}


def _index(site, edition):
    return json.loads((site.root / INDEX[edition]).read_text(encoding="utf-8"))


def _page_of(site, edition, location):
    """The built file a search result's location opens, relative to its edition's root."""
    path = location.split("#")[0]
    root = site.root / "zh" if edition == "zh" else site.root
    return root / path / "index.html" if path == "" or path.endswith("/") else root / path


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_every_search_result_opens_a_page_of_its_own_edition(built_site, edition):
    docs = _index(built_site, edition)["docs"]
    assert docs, f"the {edition} search index is empty: searching finds nothing"
    for doc in docs:
        page = _page_of(built_site, edition, doc["location"])
        assert page.is_file(), f"{edition} result {doc['location']!r} ({doc['title']}) leads to a missing page"
        lang = built_site.html(str(page.relative_to(built_site.root))).html.get("lang")
        assert lang == edition, f"{edition} result {doc['location']!r} opens a page in {lang!r}"


def test_english_index_holds_no_chinese_pages(built_site):
    stray = [doc["location"] for doc in _index(built_site, "en")["docs"] if doc["location"].startswith("zh/")]
    assert not stray, f"English search would show Chinese pages: {stray[:5]}"


def test_chinese_index_holds_word_segmented_text(built_site):
    index = _index(built_site, "zh")
    assert "\\u200b" in index["config"]["separator"], "the browser would not split on jieba's zero-width spaces"
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b" in text, "Chinese pages are indexed as unsegmented runs of characters"


def test_both_indexes_keep_the_search_configuration(built_site):
    english, chinese = _index(built_site, "en")["config"], _index(built_site, "zh")["config"]
    assert english == chinese, "the editions would split and rank queries differently"


def test_chinese_pages_point_material_at_their_edition_root(built_site):
    for page in built_site.pages("zh"):
        soup = built_site.html(str(page.relative_to(built_site.root)))
        scripts = [script.get_text() for script in soup.find_all("script") if not script.get("src")]
        config = [text for text in scripts if "__config" in text and "j.base" in text]
        assert config and '"zh/"' in config[0], f"{page}: Chinese search would load the English index"
        assert "j.search=j.base+" in config[0], f"{page}: offline, Chinese search would need the English worker"

