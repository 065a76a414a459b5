"""hooks/cross_links.py (link_terms): the first use of each glossary term links to its entry."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup

from content.catalog import term_matcher
from content.model import Term
from content.glossary import link_terms
from hook_fixtures import ids_on, link_target

TERMS = tuple(
    Term(**item)
    for item in (
        [
            {
                "id": "apostille",
                "en": "Apostille",
                "zh": "附加证明书",
                "also": ["海牙认证"],
                "meaning": "Replaces legalisation.",
            },
            {"id": "category-a", "en": "Category A", "zh": "A类", "meaning": "High-end talent."},
        ]
    )
)
MATCHER = term_matcher(TERMS)


def _link(html: str, language: str = "en") -> BeautifulSoup:
    return BeautifulSoup(link_terms(html, MATCHER, "../glossary/", language), "html.parser")


def test_first_use_links_to_the_entry_with_the_meaning_on_hover():
    link = _link("<p>Get an apostille now.</p>").select_one("a.glossary-term")
    assert link is not None and link.get_text() == "apostille"
    assert link["href"] == "../glossary/#apostille"
    assert link["title"] == "Replaces legalisation."


def test_only_the_first_use_of_a_term_is_linked():
    soup = _link("<p>An Apostille here.</p><p>Another apostille, also called 海牙认证.</p>")
    assert [a.get_text() for a in soup.select("a.glossary-term")] == ["Apostille"]


def test_english_pages_show_the_chinese_term_after_the_first_use():
    text = _link("<p>Bring an Apostille.</p>").get_text()
    assert text == "Bring an Apostille (附加证明书).", text


def test_the_chinese_term_is_not_added_twice_when_the_text_gives_it():
    text = _link("<p>Bring an Apostille (附加证明书).</p>").get_text()
    assert text.count("附加证明书") == 1, text


def test_no_doubled_brackets_when_a_bracket_follows_the_term():
    soup = _link("<p>Recognised as Category A (high-end talent) here.</p>")
    assert soup.get_text() == "Recognised as Category A (high-end talent) here.", soup.get_text()
    assert soup.select_one("a.glossary-term")["title"] == "A类: High-end talent."


def test_no_doubled_brackets_when_the_bracket_follows_an_emphasised_term():
    soup = _link("<p><strong>Category A</strong> (high-end talent) applies.</p>")
    assert soup.get_text() == "Category A (high-end talent) applies.", soup.get_text()


def test_no_doubled_brackets_when_brackets_enclose_the_term():
    soup = _link("<p>Documents (such as those with an apostille) come first.</p>")
    assert soup.get_text() == "Documents (such as those with an apostille) come first.", soup.get_text()
    assert soup.select_one("a.glossary-term")["title"] == "附加证明书: Replaces legalisation."


def test_chinese_pages_link_the_term_and_add_nothing():
    soup = _link("<p>请办理附加证明书。</p>", language="zh")
    assert soup.get_text() == "请办理附加证明书。"
    assert soup.select_one("a.glossary-term")["href"] == "../glossary/#apostille"


def test_english_names_match_on_word_boundaries_only():
    soup = _link("<p>Category AB is not Category A.</p>")
    assert [a.get_text() for a in soup.select("a.glossary-term")] == ["Category A"]


def test_a_name_without_its_capitals_is_an_ordinary_word():
    soup = _link("<p>It does not say which visa category a port visa gives, nor who counts as category A.</p>")
    assert [a.get_text() for a in soup.select("a.glossary-term")] == ["category A"], soup


def test_only_the_first_letter_of_a_name_may_change_case():
    soup = _link("<p>Get an apostille from Category A staff.</p>")
    assert [a.get_text() for a in soup.select("a.glossary-term")] == ["apostille", "Category A"], soup


def test_built_glossary_links_keep_the_capitals_of_the_term(built_site):
    """Every glossary link on the real site reads as the term, not as an ordinary word ('category a')."""
    front = (built_site.sources("en") / "glossary.md").read_text(encoding="utf-8").split("---")[1]
    names = {}
    for term in yaml.safe_load(front)["terms"]:
        for name in (term["en"], term.get("zh") or "", *term.get("also", [])):
            names.setdefault(" ".join(name.split()).casefold(), []).append(" ".join(name.split()))
    wrong = []
    for page in built_site.pages("en"):
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a.glossary-term"):
            found = " ".join(link.get_text().split())
            written = names.get(found.casefold(), [])
            if not any(all(not w.isupper() or f.isupper() for w, f in zip(name[1:], found[1:])) for name in written):
                wrong.append(f"{page.relative_to(built_site.root)}: {found!r} (the term is written {written})")
    assert not wrong, f"glossary links on ordinary words, which change what the sentence says: {wrong}"


def test_headings_links_code_quoted_words_and_generated_lists_are_left_alone():
    html = (
        "<h2>Apostille</h2><p><a href='x'>Apostille</a> <code>Apostille</code></p>"
        "<div class='official-text'><blockquote><p>Apostille</p></blockquote></div>"
        "<div class='reindeer-view'><blockquote lang='en'><p>Apostille</p></blockquote></div>"
        "<p class='view-excerpt'>Apostille</p><p class='no-glossary'>Apostille</p>"
        "<div class='related-provisions cross-links'><ul><li><p>Apostille</p></li></ul></div>"
        "<div class='admonition'><p class='admonition-title'>Apostille</p></div><pre>Apostille</pre>"
        "<p>Then the Apostille.</p>"
    )
    soup = _link(html)
    links = soup.select("a.glossary-term")
    assert len(links) == 1 and links[0].parent.name == "p" and links[0].parent.get_text().startswith("Then"), soup


def test_a_page_without_terms_is_returned_untouched():
    html = "<p>Nothing to see<br>here.</p>"
    assert link_terms(html, MATCHER, "../glossary/", "en") is html


def test_built_pages_link_terms_to_the_entry_in_their_own_edition(small_site):
    for page, glossary in (
        ("notices/small-2024-notice/green-channel/index.html", "glossary/index.html"),
        ("zh/notices/small-2024-notice/green-channel/index.html", "zh/glossary/index.html"),
    ):
        links = small_site.html(page).select("a.glossary-term")
        assert links, f"{page}: no glossary links"
        for link in links:
            target, fragment = link_target(small_site, page, link["href"])
            assert str(target.relative_to(small_site.root)) == glossary, f"{page}: {link['href']} leaves the edition"
            assert fragment in ids_on(small_site, target), f"{page}: the glossary has no entry #{fragment}"


def test_built_pages_leave_headings_and_quoted_words_alone(small_site):
    for page in ("notices/small-2024-notice/green-channel/index.html", "views/index.html", "zh/audiences/category-a/index.html"):
        soup = small_site.html(page)
        touched = soup.select(
            ".official-text a.glossary-term, .reindeer-view a.glossary-term, .view-excerpt a.glossary-term, "
            "h1 a.glossary-term, h2 a.glossary-term"
        )
        assert not touched, f"{page}: glossary links inside quoted words or headings: {touched}"


def test_the_glossary_page_does_not_link_to_itself(small_site):
    assert not small_site.html("glossary/index.html").select("a.glossary-term")


def test_the_rest_of_the_page_is_written_back_byte_for_byte():
    html = (
        '<p>Tom &amp; Jerry<br>line<img alt="x > y" src="a.png"/></p><!-- Apostille -->'
        "<script>if (a < b) { Apostille(); }</script><pre><code>Apostille</code></pre>"
        "<p>Then an Apostille.</p>"
    )
    linked = link_terms(html, MATCHER, "../glossary/", "en")
    inserted = (
        '<a class="glossary-term" href="../glossary/#apostille" title="Replaces legalisation.">Apostille</a>'
        ' <span class="glossary-term__zh" lang="zh">(附加证明书)</span>'
    )
    assert linked == html.replace("Then an Apostille.", f"Then an {inserted}."), linked
