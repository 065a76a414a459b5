"""Search finds a page by the pinyin of its Chinese names, in both editions (issue #25; hooks/content/search_terms.py)."""

from __future__ import annotations

import json

from content.search_terms import pinyin_names


def test_one_pinyin_word_per_chinese_word_and_a_short_name_run_together():
    assert pinyin_names(["口岸签证"]) == ["kouan qianzheng", "kouanqianzheng"]
    assert pinyin_names(["落地签"]) == ["luodi qian", "luodiqian"]


def test_a_long_title_is_not_run_together():
    assert pinyin_names(["同岗位转聘免交材料"]) == ["tong gangwei zhuanpin mianjiao cailiao"]


def test_readings_are_those_of_the_words_not_of_single_characters():
    # 长 is zhang alone; 长三角 is the Yangtze River Delta, changsanjiao. 居 of 居留 is ju.
    assert pinyin_names(["长三角"]) == ["changsanjiao"]
    assert pinyin_names(["居留许可"]) == ["juliu xuke", "juliuxuke"]


def test_latin_text_gives_nothing_and_repeats_are_dropped():
    assert pinyin_names(["port visa", "Category A"]) == []
    assert pinyin_names(["转聘", "转聘", "YRD 转聘"]) == ["zhuanpin"]


def test_built_index_titles_carry_the_pinyin_in_both_editions(built_site):
    for prefix in ("", "zh/"):
        index = json.loads((built_site.root / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        titles = {doc["location"]: doc["title"] for doc in index["docs"]}
        page = titles["port-visa-transfer/"]
        assert "kouan qianzheng" in page and "luodiqian" in page, f"{prefix or 'en'}: {page!r}"
        assert "kouan" not in titles["port-visa-transfer/#timing"], "a section took the page's pinyin"
        assert "juliu xuke" in titles["notices/ningbo-2023-work-permits/work-residence-one-service/"]
