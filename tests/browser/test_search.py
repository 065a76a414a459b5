"""Search, in both editions, puts the page a reader is looking for among the first three results.

Queries are typed into Material's own search box in a real browser, so this covers
the whole chain: jieba's segmentation at build time, the separator the browser
splits on, the index, and Material's ranking. Chinese is filled in at once (as an
input method delivers it) and then one key is pressed.
"""

from __future__ import annotations

import pytest

from playwright.sync_api import expect

from .site_ui import search, visit

pytestmark = pytest.mark.browser

# The provisions whose text names the certificate of no criminal record (the
# glossary lists provisions 2, 4 and 5): any of them answers the query.
CRIMINAL_RECORD = ("notices/ningbo-2023-work-permits/apostille/", "notices/ningbo-2023-work-permits/commitment-and-tolerance/", "notices/ningbo-2023-work-permits/same-job-transfer/")

FAMILY = ("notices/ningbo-2023-work-permits/expert-services/", "audiences/family/")
RENEWAL = ("notices/ningbo-2023-work-permits/work-residence-one-service/", "notices/ningbo-2023-work-permits/online-service/", "audiences/extension/")

# (edition, what a reader types, the pages that answer it, as paths inside the edition).
# English queries run in the English edition, Chinese ones in the Chinese edition.
QUERIES = [
    ("en", "apostille", ("notices/ningbo-2023-work-permits/apostille/",)),
    ("en", "criminal record", CRIMINAL_RECORD),
    ("en", "Lishe", ("port-visa-transfer/",)),
    ("en", "green channel", ("notices/ningbo-2023-work-permits/yrd-green-channel/",)),
    ("zh", "海牙", ("notices/ningbo-2023-work-permits/apostille/",)),
    ("zh", "口岸签证", ("port-visa-transfer/",)),
    ("zh", "港口签证", ("port-visa-transfer/",)),
    ("zh", "容缺", ("notices/ningbo-2023-work-permits/commitment-and-tolerance/",)),
    ("zh", "长三角", ("notices/ningbo-2023-work-permits/yrd-green-channel/",)),
    ("zh", "无犯罪记录", CRIMINAL_RECORD),
    # Everyday words (#30): a family member, and a renewal, which the site calls an extension.
    ("en", "spouse", FAMILY),
    ("en", "husband", FAMILY),
    ("zh", "配偶", FAMILY),
    ("en", "renewal", RENEWAL),
    ("zh", "续签", RENEWAL),
    ("zh", "续期", RENEWAL),
]


@pytest.mark.parametrize("edition, query, answers", QUERIES, ids=[f"{e}-{q}" for e, q, _ in QUERIES])
def test_query_finds_its_page_in_the_top_three(page, edition, query, answers):
    home = "/zh/" if edition == "zh" else "/"
    visit(page, home)
    top = search(page, query)[:3]
    wanted = [home + answer for answer in answers]
    assert set(wanted) & set(top), (
        f"a reader searching {query!r} in the {edition} edition does not see "
        f"{' or '.join(wanted)} among the first three results; they see {top or 'nothing'}"
    )


def test_chinese_query_starting_with_a_common_character_finds_pages_with_it(site, page):
    """Material cuts a Chinese query into words it finds in the index. 无 ("no") is on
    lunr's Chinese stop-word list: with the stop-word filter on, it is missing from the
    index, the cut fails and 无犯罪记录证明 finds nothing at all (mkdocs.yml, search pipeline)."""
    term = "无犯罪记录证明"
    visit(page, "/zh/")
    top = search(page, term)[:3]
    assert top, f"a reader searching {term} (certificate of no criminal record) finds nothing"
    without = [path for path in top if term not in site.html(path).get_text()]
    assert not without, f"searching {term}, the first results include pages that never mention it: {without}"


@pytest.mark.parametrize("edition, query", [("en", "port visa zebra"), ("zh", "口岸签证")])
def test_pasted_text_searches_and_results_read_cleanly_on_a_phone(mobile_page, edition, query):
    """Pasted or dictated text (an input event, no key) shows results; each result's title is one
    line, the names it matched go below it, and no "Missing:" line reads like an error (#30)."""
    visit(mobile_page, "/zh/" if edition == "zh" else "/")
    mobile_page.locator("label.md-header__button[for='__search']").tap()
    field = mobile_page.locator("input.md-search__input")
    expect(field).to_be_focused()
    field.evaluate("(e, q) => { e.value = q; e.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'})); }", query)
    titles = mobile_page.locator(".md-search-result__article h1")
    expect(titles.first, f"pasting {query!r} shows no results").to_be_visible()
    texts = titles.all_inner_texts()
    assert not [t for t in texts if " · " in t], f"result titles still carry the page's other names: {texts}"
    heights = titles.evaluate_all("hs => hs.map(h => h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight))")
    assert max(heights) < 1.5, f"result titles run over {max(heights):.1f} lines on a phone: {texts}"
    assert not mobile_page.locator(".md-search-result__terms:visible").count(), "a 'Missing:' line is shown"
    expect(mobile_page.locator(".search-result-also").first, "the matched other name is not shown").to_be_visible()
