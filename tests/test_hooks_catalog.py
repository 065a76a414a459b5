"""hooks/content/catalog.py: what the cross-linking hooks read from the pages, on small inputs."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from content.catalog import (
    find_terms,
    opening_sentences,
    plain_text,
    read_catalog,
    term_ids_in,
    term_matcher,
    view_opening,
)
from content.model import Term
from content.pages import Edition
from content.render import href
from hook_fixtures import provision_page, source_records

VIEW = """## Reindeer View { #reindeer-view }

<div class="reindeer-view" markdown>
<p class="reindeer-view__label">Reindeer View</p>
<blockquote lang="en" markdown>

The [green channel](../glossary.md#green-channel) is **open**. Ask us.

Second paragraph.

</blockquote>
<blockquote lang="zh" markdown>

绿色通道已开通。欢迎咨询。

</blockquote>
</div>
"""


def parse_terms(items: list[dict]) -> tuple[Term, ...]:
    """Glossary terms as the model validates them (a meaning where the test gives none)."""
    return tuple(Term(**{"meaning": "m", **item}) for item in items)


def _found(terms, text: str) -> list[str]:
    """Ids of the terms found in `text`, in order."""
    return [term.id for _, term in find_terms(term_matcher(terms), text)]


def test_first_sentence_ends_at_a_full_stop_before_a_capital():
    assert opening_sentences("It is open. Ask us.", "en", 1) == "It is open."


def test_first_sentence_keeps_a_company_abbreviation_inside():
    text = "Reindeer Station Service Co., Ltd. confirmed it with the bureau. Then more."
    assert opening_sentences(text, "en", 1) == "Reindeer Station Service Co., Ltd. confirmed it with the bureau."


def test_first_sentence_ends_at_a_chinese_full_stop():
    assert opening_sentences("宁波已开始实施；长三角城市会参考。第二句。", "zh", 1) == "宁波已开始实施；长三角城市会参考。"


def test_view_opening_is_the_first_paragraph_of_the_editions_blockquote():
    assert view_opening(VIEW, "en") == "The green channel is open. Ask us."
    assert view_opening(VIEW, "zh") == "绿色通道已开通。欢迎咨询。"


def test_view_opening_is_empty_without_a_reindeer_view():
    assert view_opening("# A page\n\nNo view here.\n", "en") == ""


def test_plain_text_keeps_link_words_and_drops_markup():
    assert plain_text('See <span lang="zh">附加证明书</span> and [the FAQ](faq.md){ .x } `now`') == (
        "See 附加证明书 and the FAQ now"
    )


def test_term_matcher_finds_english_names_on_word_boundaries_only():
    terms = parse_terms([{"id": "category-a", "en": "Category A", "zh": "A类"}])
    assert _found(terms, "Category AB is different") == []
    assert _found(terms, "a category a holder") == ["category-a"]


def test_term_matcher_finds_english_names_broken_across_lines():
    terms = parse_terms([{"id": "bureau", "en": "Science and Technology Bureau", "zh": "科技局"}])
    assert _found(terms, "the Science and Technology\nBureau") == ["bureau"]


def test_term_matcher_finds_chinese_inside_a_run_of_characters():
    terms = parse_terms([{"id": "transfer", "en": "job transfer", "zh": "转聘"}])
    assert _found(terms, "人才转聘更快") == ["transfer"]


def test_term_matcher_prefers_the_longest_name():
    terms = tuple(
        parse_terms(
            [
                {"id": "bureau", "en": "Bureau", "zh": "科技局"},
                {"id": "ningbo-bureau", "en": "Ningbo Bureau", "zh": "宁波市科技局"},
            ]
        )
    )
    assert _found(terms, "the Ningbo Bureau and the Bureau") == ["ningbo-bureau", "bureau"]
    assert _found(terms, "宁波市科技局发布") == ["ningbo-bureau"]


def test_term_ids_in_names_each_term_once_by_any_of_its_names():
    terms = parse_terms(
        [
            {"id": "apostille", "en": "Apostille", "zh": "附加证明书", "also": ["apostille certificate"]},
            {"id": "bureau", "en": "Bureau", "zh": "科技局"},
            {"id": "visa", "en": "Visa", "zh": "签证"},
        ]
    )
    text = "An Apostille Certificate, an apostille and 附加证明书; the\nBureau (科技局)."
    assert term_ids_in(term_matcher(terms), text) == {"apostille", "bureau"}


def test_catalog_keeps_the_first_of_a_repeated_term_id():
    glossary = """---
id: glossary
kind: glossary
title: Glossary
description: Terms.
reviewed: 2024-01-10
terms:
  - {id: apostille, en: Apostille, zh: 附加证明书, meaning: first}
  - {id: apostille, en: Apostille, zh: 附加证明书, meaning: second}
---

# Glossary
"""
    terms = read_catalog(source_records({"glossary.md": glossary}), "en").terms
    assert [(t.id, t.meaning) for t in terms] == [("apostille", "first")]


def test_href_is_relative_to_the_linking_page_in_its_edition():
    views = File("views.md", "/docs", "/site", True, dest_uri="zh/views/index.html")
    provision = File(
        "notices/n/apostille.md", "/docs", "/site", True, dest_uri="zh/notices/n/apostille/index.html"
    )
    files = Files([views, provision])
    assert href(views, files, "notices/n/apostille.md", "reindeer-view") == "../notices/n/apostille/#reindeer-view"
    assert href(provision, files, "views.md") == "../../../views/"


def test_href_is_none_for_a_page_that_is_not_built():
    views = File("views.md", "/docs", "/site", True)
    assert href(views, Files([views]), "notices/n/missing.md") is None, "a list would link to a missing page"


def test_read_catalog_finds_backlinks_audiences_and_leaves_out_pages_with_problems():
    records = source_records(
        {
            "one.md": provision_page(1, "provision-1", "One", "[family]", "[provision-9]", "x", "V1.", "观一。"),
            "five.md": provision_page(5, "provision-5", "Five", "[family]", "[provision-1]", "x", "V5.", "观五。"),
            "bad.md": provision_page(6, "provision-6", "Bad", "[family, not-a-tag]", "[]", "x", "V6.", "观六。"),
            "about.md": "---\nid: about\nkind: about\ntitle: About\n---\n\n# About\n",
        }
    )
    cat = read_catalog(records, "en")
    assert list(cat.entries) == ["provision-1", "provision-5"], "provisions in number order, other kinds and invalid pages left out"
    assert cat.named_by["provision-1"] == ("provision-5",), "5 names 1, so 1 must know it"
    assert cat.entries["provision-1"].applies_to == ["family"]
    assert [e.id for e in cat.by_audience["family"]] == ["provision-1", "provision-5"]
    assert cat.entries["provision-1"].summary == "V1."


def test_catalog_is_made_once_per_edition_and_never_shared_between_editions():
    pages = {"one.md": provision_page(1, "provision-1", "One", "[family]", "[]", "x", "English view.", "中文观点。")}
    english = Edition("en", {"one.md": source_records(pages)[0]})
    chinese = Edition("zh", {"one.md": source_records(pages)[0]})
    assert english.catalog is english.catalog, "a build must not re-read its pages per page"
    assert chinese.catalog is not english.catalog
    assert chinese.catalog.entries["provision-1"].summary == "中文观点。", "the zh build saw the en build's views"


def test_read_catalog_survives_a_page_that_is_not_utf8():
    page = provision_page(1, "provision-1", "One", "[family]", "[]", "x", "V.", "观。").encode() + b"\n\xff\xfe broken bytes\n"
    assert list(read_catalog(source_records({"one.md": page}), "en").entries) == ["provision-1"]
