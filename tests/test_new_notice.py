"""A newcomer adds a second notice with three provisions: the scaffold, then Markdown, no code.

On a temporary copy of the project: an editor writes the pages of the new notice's two
sources (its text from the issuing authority's own page, its interpretation from another
firm), then `python -m tools.scaffold notice ...` writes the page pairs; the strict build
refuses them while the scaffold's placeholders remain; once the placeholders are replaced by
text (as an editor would) and the 2023 notice is marked as replaced by it, the notice page, every list, the audience pages, the glossary and
search show the new notice in both editions, each text labelled with its own source's words.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import BuiltSite
from hook_fixtures import link_target
from new_notice_copy import NOTICE, SUPERSEDED, TERM, TITLES
from project_copy import run_tool


@pytest.fixture(scope="module")
def scaffolded(new_notice_scaffolded):
    return new_notice_scaffolded


@pytest.fixture(scope="module")
def placeholder_build(new_notice_placeholder_build):
    return new_notice_placeholder_build


@pytest.fixture(scope="module")
def written(new_notice_site) -> BuiltSite:
    """The copy after an editor has replaced every placeholder, tagged the provisions and added a glossary term."""
    return new_notice_site


def test_scaffold_writes_the_notice_and_its_provisions_in_both_editions(scaffolded):
    project, result = scaffolded
    for folder in ("docs", "docs_zh"):
        names = sorted(p.name for p in (project / folder / "notices" / NOTICE).glob("*.md"))
        assert names == ["index.md", "provision-1.md", "provision-2.md", "provision-3.md"]
    assert result.stdout.count("wrote ") == 8


def test_scaffold_ends_with_what_only_a_person_can_do(scaffolded):
    _, result = scaffolded
    checklist = result.stdout.split("What only you can do", 1)[-1]
    assert "What only you can do" in result.stdout, result.stdout
    for step in ("REPLACE:", "applies_to", "related", "superseded_by", "docs/index.md", "docs/views.md",
                 f"./site.sh translations mark docs_zh/notices/{NOTICE}/index.md docs_zh/notices/{NOTICE}/provision-1.md",
                 f"docs_zh/notices/{NOTICE}/provision-3.md", "./site.sh check"):
        assert step in checklist, f"the scaffold's checklist does not say {step!r}:\n{checklist}"


def test_scaffold_refuses_to_overwrite(scaffolded):
    project, _ = scaffolded
    again = run_tool(project, "tools.scaffold", "notice", NOTICE, "--title", "x", "--title-zh", "x", "--name", "x",
                     "--name-zh", "x", "--issuer", "x", "--issuer-zh", "x", "--issued", "2025-03-02",
                     "--text-source", "zhejiang-bureau-page", "--view-source", "acme-note")
    assert again.returncode != 0 and "nothing written" in again.stderr.lower()


def test_strict_build_names_each_placeholder_until_it_is_replaced(placeholder_build):
    assert placeholder_build.returncode == 1
    lines = [line for line in placeholder_build.stderr.splitlines() if "placeholder left by the scaffold" in line]
    assert any(f"docs/notices/{NOTICE}/provision-2.md:" in line for line in lines)
    assert any(f"docs_zh/notices/{NOTICE}/index.md:" in line for line in lines)
    assert "Traceback" not in placeholder_build.stderr


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_new_notice_page_shows_its_facts_and_provisions(written, edition):
    prefix = "zh/" if edition == "zh" else ""
    page = written.html(f"{prefix}notices/{NOTICE}/index.html")
    facts = page.select_one(".notice-facts").get_text(" ", strip=True)
    assert "2025-03-01" in facts and ("浙江测试局" if edition == "zh" else "Zhejiang test bureau") in facts
    assert len(page.select(".provision-cards li")) == 3


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_lists_group_by_notice_and_name_provisions_with_their_notice(written, edition):
    prefix = "zh/" if edition == "zh" else ""
    home = written.html(f"{prefix}index.html")
    assert home.find(id=NOTICE) is not None and home.find(id=SUPERSEDED) is None, "the home page groups the notices in force"
    earlier = [link_target(written, f"{prefix}index.html", a["href"])[0] for a in home.select(".earlier-notices a[href]")]
    assert written.root / f"{prefix}notices/{SUPERSEDED}/index.html" in earlier, "the home page does not name the notice it replaced"
    audience = written.html(f"{prefix}audiences/category-a/index.html")
    assert audience.find(id=NOTICE) is not None
    titles = [a.get_text() for a in audience.select(".audience-page li strong a")]
    assert any(TITLES[edition] in title for title in titles), titles
    views = written.html(f"{prefix}views/index.html")
    assert views.find(id=NOTICE) is not None
    nav = [a.get_text(" ", strip=True) for a in written.html(f"{prefix}index.html").select(".md-nav--primary label, .md-nav--primary a")]
    assert any(TITLES[edition] in text for text in nav)


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_the_replaced_notice_warns_on_its_provisions_and_links_the_new_one(written, edition):
    prefix = "zh/" if edition == "zh" else ""
    page = f"{prefix}notices/{SUPERSEDED}/apostille/index.html"
    banner = written.html(page).select_one(".notice-banner")
    assert banner is not None, f"{page}: a reader is not told the notice was replaced"
    assert [link_target(written, page, a["href"])[0] for a in banner.select("a[href]")] == [written.root / f"{prefix}notices/{NOTICE}/index.html"]


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_search_index_holds_the_new_pages(written, edition):
    prefix = "zh/" if edition == "zh" else ""
    index = json.loads((written.root / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert f"notices/{NOTICE}/provision-2/" in locations


def test_provision_page_names_its_notice(written):
    page: BeautifulSoup = written.html(f"notices/{NOTICE}/provision-1/index.html")
    line = page.select_one(".provision-notice")
    assert "Notice on talent services (test)" in line.get_text() and line.find("a")["href"] == "../"


def _own_words(page: BeautifulSoup) -> str:
    """What a page says about itself: its content and the show view's labels, not the lists of other notices' pages."""
    content = page.select_one(".md-content")
    for other in content.select(".related-provisions"):
        other.decompose()
    labels = " ".join(f"{element.get('data-label-en', '')} {element.get('data-label-zh', '')}" for element in content.select("[data-label-en]"))
    return f"{content.get_text(' ', strip=True)} {labels}"


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_a_notice_from_other_sources_is_labelled_with_its_own_sources_words(written, edition):
    prefix = "zh/" if edition == "zh" else ""
    notice = written.html(f"{prefix}notices/{NOTICE}/index.html")
    facts = notice.select_one(".notice-facts").get_text(" ", strip=True)
    assert ("测试局网页" if edition == "zh" else "the bureau's own page") in facts, facts
    assert ("艾克米简报" if edition == "zh" else "the Acme note") in facts, facts
    provision = written.html(f"{prefix}notices/{NOTICE}/provision-1/index.html")
    labels = provision.select_one(".provision-notice")
    assert labels["data-label-en"] == "测试局自己的英文版本 · The bureau's own English version"
    assert labels["data-label-zh"] == "测试局网页所载通知原文 · The notice's own Chinese text, from the bureau's page"
    home_cards = written.html(f"{prefix}index.html").find(id=NOTICE).find_next(class_="provision-cards")
    assert ("艾克米观点 →" if edition == "zh" else "Acme View →") in home_cards.get_text(" ", strip=True)
    for page in (notice, provision, written.html(f"{prefix}notices/{NOTICE}/provision-2/index.html")):
        words = _own_words(page)
        for borrowed in ("Reindeer", "灵达", "as given in the Reindeer article"):
            assert borrowed not in words, f"{edition}: a page of the new notice says {borrowed!r}: {words[:400]}"


def test_scaffold_refuses_a_notice_whose_sources_have_no_page(scaffolded):
    project, _ = scaffolded
    result = run_tool(project, "tools.scaffold", "notice", "another-2025-notice", "--title", "x", "--title-zh", "x",
                      "--name", "x", "--name-zh", "x", "--issuer", "x", "--issuer-zh", "x", "--issued", "2025-03-02",
                      "--text-source", "no-such-source", "--view-source", "acme-note")
    assert result.returncode == 2 and "--text-source: the id of a source page" in result.stderr


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_a_glossary_term_naming_a_provision_of_the_new_notice_links_both_ways(written, edition):
    prefix = "zh/" if edition == "zh" else ""
    provision = written.html(f"{prefix}notices/{NOTICE}/provision-1/index.html")
    linked = [a["href"].rsplit("#", 1)[-1] for a in provision.select("a.glossary-term")]
    assert TERM["id"] in linked, f"{edition}: the provision does not link the new term: {linked}"
    entry = written.html(f"{prefix}glossary/index.html").find(id=TERM["id"])
    assert entry is not None, f"{edition}: the glossary has no entry for the new term"
    used_in = entry.find_next_sibling(class_="term-uses")
    assert used_in is not None and TITLES[edition] in used_in.get_text(" ", strip=True), (
        f"{edition}: the entry does not say the new notice's provision uses it: {used_in}"
    )
