"""Every text says what it is and when it dates from, facts name their source, and each
situation guide has its four sections (issue #16); glossary links leave sentences intact."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from content.catalog import term_matcher
from content.pages import read_page
from hook_fixtures import link_target
from content.model import Term
from cross_links import link_terms

EDITIONS = ("en", "zh")
PROVISIONS = (
    "yrd-green-channel", "apostille", "work-residence-one-service", "commitment-and-tolerance",
    "same-job-transfer", "online-service", "expert-services",
)
NOTICE = "notices/ningbo-2023-work-permits"
GUIDES = ("job-transfer", "first-application", "urgent-entry", "research-talent", "family")
GUIDE_SECTIONS = ["checklist", "who-files", "where-to-ask", "not-in-the-sources"]
# What each edition says of the notice's English text, and of the information's date.
NOT_OFFICIAL = {"en": "not an official translation", "zh": "不是官方译文"}
DATES_FROM = {"en": "Information dates from", "zh": "信息时间"}
CHECKED = {"en": "Checked against its sources on", "zh": "本站与资料来源核对日期"}


def _page(built_site, edition: str, path: str):
    return built_site.html(("zh/" if edition == "zh" else "") + (f"{path}/" if path else "") + "index.html")


def _text(soup) -> str:
    return soup.select_one("article").get_text(" ", strip=True)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("slug", PROVISIONS)
def test_provision_text_is_labelled_as_printed_in_the_reindeer_article(built_site, edition, slug):
    soup = _page(built_site, edition, f"{NOTICE}/{slug}")
    heading = soup.find(id="official-text").get_text(strip=True)
    assert "official text" not in heading.lower() and "官方原文" not in heading, f"{slug}: heading claims {heading!r}"
    assert NOT_OFFICIAL[edition] in _text(soup), f"{slug} ({edition}): never says the English is not an official translation"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("path", [*(f"{NOTICE}/{slug}" for slug in PROVISIONS), "port-visa-transfer"])
def test_provision_and_process_pages_say_when_their_information_dates_from(built_site, edition, path):
    soup = _page(built_site, edition, path)
    assert DATES_FROM[edition] in _text(soup), f"{path} ({edition}) does not say when its information dates from"
    checked = soup.select_one(".page-reviewed").get_text(" ", strip=True)
    assert checked.startswith(CHECKED[edition]) and "审核" not in checked, f"the check date reads {checked!r}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_change_badges_are_attributed_to_reindeer(built_site, edition):
    badges = [p.get_text() for p in _page(built_site, edition, NOTICE).select(".provision-cards__change")]
    assert badges and all(("Reindeer" if edition == "en" else "灵达") in badge for badge in badges), badges


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("path", ["faq", f"{NOTICE}/apostille", "glossary"])
def test_apostille_convention_dates_name_their_public_source(built_site, edition, path):
    text = _text(_page(built_site, edition, path))
    date = {"en": "7 November 2023", "zh": "2023年11月7日"}[edition]
    if date in text:
        assert "HCCH" in text, f"{path} ({edition}) gives the convention's dates without naming the HCCH"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("tag", GUIDES)
def test_each_guide_has_its_four_sections_then_the_provisions_that_apply(built_site, edition, tag):
    soup = _page(built_site, edition, f"audiences/{tag}")
    ids = [h2.get("id") for h2 in soup.select("article h2")]
    found = [anchor for anchor in ids if anchor in GUIDE_SECTIONS]
    assert found == GUIDE_SECTIONS, f"{tag} ({edition}): sections {ids}"
    assert ids.index("provisions") > ids.index("not-in-the-sources"), f"{tag}: the provisions list is not last"
    assert soup.select(".audience-page li"), f"{tag} ({edition}): no provision is listed"


@pytest.mark.parametrize("edition", EDITIONS)
def test_family_guide_says_whom_provision_7_covers(built_site, edition):
    text = _text(_page(built_site, edition, "audiences/family"))
    assert {"en": "provision 7", "zh": "第7条"}[edition] in text.lower(), f"the family guide ({edition}) never names provision 7"


@pytest.mark.parametrize("edition", EDITIONS)
def test_home_page_links_each_guide(built_site, edition):
    hrefs = [a["href"] for a in _page(built_site, edition, "").find(id="start-here").find_all_next("a", href=True)]
    for tag in GUIDES:
        assert any(f"audiences/{tag}/" in href for href in hrefs), f"Start here ({edition}) does not link the {tag} guide"


# --- glossary links leave the sentence intact --------------------------------

TERMS = term_matcher([Term(**item) for item in (
    {"id": "stb", "en": "Science and Technology Bureau", "zh": "科技局", "meaning": "the issuer"},
    {"id": "commitment", "en": "commitment system", "zh": "承诺制", "also": ["pledge"], "meaning": "a pledge"},
)])


def test_gloss_does_not_split_a_name_from_its_possessive():
    html = link_terms("<p>The Science and Technology Bureau's notice.</p>", TERMS, "../g/", "en")
    assert "Bureau</a>'s notice" in html and "科技局" not in html


def test_a_quoted_name_is_left_as_written_and_a_later_use_is_linked():
    html = link_terms("<p>The “Science and Technology Bureau” said so. The Science and Technology Bureau acts.</p>", TERMS, "../g/", "en")
    assert "“Science and Technology Bureau”" in html
    assert re.search(r"The <a [^>]*>Science and Technology Bureau</a> <span[^>]*>\(科技局\)</span> acts", html)


def test_a_verb_is_not_glossed_with_a_noun():
    html = link_terms("<p>You can pledge instead. A pledge is accepted.</p>", TERMS, "../g/", "en")
    assert "can pledge instead" in html, "the verb 'pledge' was linked or glossed"
    assert "A <a" in html, "the noun 'pledge' should still be linked"


# --- provenance: every generated label says no more than its source (issue #23) ------

# What the site must never claim of a text it took from a firm's article.
CLAIMS = ("the official text", "with the official text", "官方原文", "附官方", "Official name", "In force (as far as", "有效（据本站")


def _source(built_site, notice_key: str) -> dict:
    """The front matter of the source the 2023 notice names under `notice_key` (text_source, view_source)."""
    notice = read_page((ROOT / "docs" / NOTICE / "index.md").read_bytes(), "", "").page
    return read_page((ROOT / "docs/sources" / f"{getattr(notice, notice_key)}.md").read_bytes(), "", "").page


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_page_preview_or_manifest_calls_a_quoted_text_official(built_site, edition):
    said = []
    for path in [*built_site.pages(edition), built_site.root / ("zh/" if edition == "zh" else "") / "404.html"]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        previews = [meta.get("content", "") for meta in soup.select('meta[name="description"], meta[property^="og:"]')]
        said += [(path.relative_to(built_site.root).as_posix(), text) for text in [soup.get_text(" "), *previews]]
    manifest = built_site.root / ("zh/" if edition == "zh" else "") / "manifest.webmanifest"
    said.append((manifest.name, manifest.read_text(encoding="utf-8")))
    said.append(("bench/og-image.html (the link-preview images)", (ROOT / "bench/og-image.html").read_text(encoding="utf-8")))
    found = [(where, claim) for where, text in said for claim in CLAIMS if claim in text]
    assert not found, f"a reader is told a quoted text is official: {found[:5]}"


def test_link_preview_images_show_the_site_description():
    """The images are made from mkdocs.yml's descriptions, which the test above checks (re-run bench/make_og_images.py after changing them)."""
    script = (ROOT / "bench/make_og_images.py").read_text(encoding="utf-8")
    assert "site_description" in script and "lead" in (ROOT / "bench/og-image.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("slug", PROVISIONS)
def test_show_view_labels_are_the_declared_sources_words(built_site, edition, slug):
    source = _source(built_site, "text_source")
    line = _page(built_site, edition, f"{NOTICE}/{slug}").select_one(".provision-notice")
    assert line["data-label-en"] == f"{source.text_en['zh']} · {source.text_en['en']}"
    assert line["data-label-zh"] == f"{source.text_zh['zh']} · {source.text_zh['en']}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_badges_and_view_labels_name_the_declared_interpreter(built_site, edition):
    source = _source(built_site, "view_source")
    page = _page(built_site, edition, NOTICE)
    badges = [p.get_text() for p in page.select(".provision-cards__change")]
    assert badges and all(source.speaker[edition] in b and source.dated[edition] in b for b in badges), badges
    links = [a.get_text() for a in page.select('.provision-cards a[href$="#reindeer-view"]')]
    assert links and all(source.view_name[edition] in link for link in links), links


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_notice_status_says_the_sources_do_not_say_whether_it_still_applies(built_site, edition):
    facts = _page(built_site, edition, NOTICE).select_one(".notice-facts")
    assert not {"Official name", "正式名称"} & {dt.get_text(strip=True) for dt in facts.select("dt")}, "the English name is the source's rendering"
    status = facts.select_one(".notice-status").get_text(" ", strip=True)
    expected = {"en": "Issued on 2023-12-25. The sources do not say whether it still applies; ask the Ningbo Science and Technology Bureau.",
                "zh": "2023-12-25发布。资料没有说明是否仍然有效，请向宁波市科技局确认。"}
    assert status == expected[edition]


@pytest.mark.parametrize("edition", EDITIONS)
def test_list_excerpts_are_our_summaries_or_marked_where_cut(built_site, edition):
    summary = {"en": "Our summary of the", "zh": "本站对"}[edition]
    cut = []
    for path in built_site.pages(edition):
        page = path.relative_to(built_site.root).as_posix()
        for excerpt in built_site.html(page).select(".view-excerpt"):
            text = excerpt.get_text(" ", strip=True)
            if text.startswith(summary) or text.endswith(("…", "……")):
                continue
            link = excerpt.find_parent("li").select_one('a[href$="#reindeer-view"]')
            target, _ = link_target(built_site, page, link["href"])
            whole = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").select_one(f'.reindeer-view blockquote[lang="{edition}"]')
            if " ".join(whole.get_text(" ", strip=True).split()) not in " ".join(text.split()):
                cut.append((page, text))
    assert not cut, f"a list shows a shortened quotation without '…': {cut[:3]}"
