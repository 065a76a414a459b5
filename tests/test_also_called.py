"""A page's `also_called` names join its own search-index title (hooks/editions.py), and nothing else."""

from __future__ import annotations

import json

from editions import _segment, with_also_called

DOCS = [
    {"location": "port-visa-transfer/", "title": "Port visa transfer", "text": "..."},
    {"location": "port-visa-transfer/#timing", "title": "Timing", "text": "..."},
    {"location": "faq/", "title": "Frequently asked questions", "text": "..."},
]


def test_names_follow_the_page_title_as_the_glossary_writes_them():
    docs = with_also_called(DOCS, {"port-visa-transfer/": ["port visa", "HCCH"]})
    assert docs[0]["title"] == "Port visa transfer · port visa · HCCH"


def test_sections_and_pages_without_names_keep_their_titles():
    docs = with_also_called(DOCS, {"port-visa-transfer/": ["port visa"]})
    assert [doc["title"] for doc in docs[1:]] == ["Timing", "Frequently asked questions"]
    assert DOCS[0]["title"] == "Port visa transfer", "the input entries must not change"


def test_chinese_names_are_cut_into_words_as_the_search_plugin_cuts_page_text():
    assert _segment("YRD 长三角绿色通道") == "YRD \u200b长三角\u200b绿色通道"


def test_built_index_titles_carry_the_names_in_each_edition(built_site):
    for prefix, name in (("", "port visa"), ("zh/", "港口\u200b签证")):
        index = json.loads((built_site.root / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        titles = {doc["location"]: doc["title"] for doc in index["docs"]}
        assert name in titles["port-visa-transfer/"], f"{prefix or 'en'}: {titles['port-visa-transfer/']!r}"
        assert name not in titles.get("port-visa-transfer/#first-case", "")
