"""A newcomer adds a second notice with three provisions: the scaffold, then Markdown, no code.

On a temporary copy of the project: an editor writes the pages of the new notice's two
sources (its text from the issuing authority's own page, its interpretation from another
firm), then `python -m tools.scaffold notice ...` writes the page pairs; the strict build
refuses them while the scaffold's placeholders remain; once the placeholders are replaced by
text (as an editor would), the notice page, every list, the audience pages, the glossary and
search show the new notice in both editions, each text labelled with its own source's words.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import BuiltSite, run_strict_build
from project_copy import copy_project, run_tool

NOTICE = "zhejiang-2025-talent"
TITLES = {"en": "Zhejiang talent notice, 2025", "zh": "2025年浙江人才通知"}
# The new notice's sources, as an editor writes their pages (docs/sources/<id>.md, both editions).
SOURCES = {
    "zhejiang-bureau-page": """source_type: issuer
publisher: {en: Zhejiang test bureau, zh: 浙江测试局}
name: {en: the bureau's own page, zh: 测试局网页}
speaker: {en: the bureau, zh: 测试局}
dated: {en: 1 March 2025, zh: 2025年3月1日}
url: https://example.org/notice
text_en: {en: The bureau's own English version, zh: 测试局自己的英文版本}
text_zh: {en: "The notice's own Chinese text, from the bureau's page", zh: 测试局网页所载通知原文}""",
    "acme-note": """source_type: commentary
publisher: {en: Acme Advisers Ltd., zh: 艾克米咨询公司}
name: {en: the Acme note, zh: 艾克米简报}
speaker: {en: Acme, zh: 艾克米}
dated: {en: March 2025, zh: 2025年3月}
view_name: {en: Acme View, zh: 艾克米观点}""",
}


def source_page(source_id: str, facts: str, language: str) -> str:
    title = {"en": f"Source {source_id}", "zh": f"来源 {source_id}"}[language]
    return (f"---\nid: {source_id}\nkind: source\ntitle: {title}\ndescription: {title}.\nreviewed: 2025-03-02\n{facts}\n---\n\n"
            f"# {title} {{ #source }}\n\n{'一个来源。' if language == 'zh' else 'A source.'}\n")


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("new-notice") / "project")
    for source_id, facts in SOURCES.items():
        for folder, language in (("docs", "en"), ("docs_zh", "zh")):
            (project / folder / "sources" / f"{source_id}.md").write_text(source_page(source_id, facts, language), encoding="utf-8")
        assert run_tool(project, "tools.translations", "mark", f"docs_zh/sources/{source_id}.md").returncode == 0
    result = run_tool(
        project, "tools.scaffold", "notice", NOTICE,
        "--text-source", "zhejiang-bureau-page", "--view-source", "acme-note",
        "--title", TITLES["en"], "--title-zh", TITLES["zh"],
        "--name", "Notice on talent services (test)", "--name-zh", "关于人才服务的通知（测试）",
        "--issuer", "Zhejiang test bureau", "--issuer-zh", "浙江测试局", "--issued", "2025-03-01",
        "--provisions", "3",
    )
    assert result.returncode == 0, result.stderr
    return project, result


@pytest.fixture(scope="module")
def placeholder_build(scaffolded, tmp_path_factory):
    project, _ = scaffolded
    return run_strict_build(project, tmp_path_factory.mktemp("placeholders") / "site")


@pytest.fixture(scope="module")
def written(scaffolded, placeholder_build, tmp_path_factory) -> BuiltSite:
    """The copy after an editor has replaced every placeholder and tagged the provisions."""
    project, _ = scaffolded
    for folder in ("docs", "docs_zh"):
        for path in sorted((project / folder / "notices" / NOTICE).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            number = re.search(r"^number: (\d+)$", text, re.M)
            label = f"Talent measure {number.group(1)}" if number else "A notice on talent services."
            text = re.sub(r"REPLACE:[^{\n'\"]*", label + " ", text).replace("applies_to: []", "applies_to: [category-a]")
            path.write_text(text, encoding="utf-8")
        run = run_tool(project, "tools.translations", "mark", *[f"docs_zh/notices/{NOTICE}/{p.name}" for p in (project / "docs_zh/notices" / NOTICE).glob("*.md")]) if folder == "docs_zh" else None
        assert run is None or run.returncode == 0, run.stderr
    site = tmp_path_factory.mktemp("written") / "site"
    result = run_strict_build(project, site)
    assert result.returncode == 0, f"the written notice does not build:\n{result.stderr}"
    return BuiltSite(site, result.stderr)


def test_scaffold_writes_the_notice_and_its_provisions_in_both_editions(scaffolded):
    project, result = scaffolded
    for folder in ("docs", "docs_zh"):
        names = sorted(p.name for p in (project / folder / "notices" / NOTICE).glob("*.md"))
        assert names == ["index.md", "provision-1.md", "provision-2.md", "provision-3.md"]
    assert result.stdout.count("wrote ") == 8


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
    assert home.find(id=NOTICE) is not None and home.find(id="ningbo-2023-work-permits") is not None
    audience = written.html(f"{prefix}audiences/category-a/index.html")
    assert audience.find(id=NOTICE) is not None
    titles = [a.get_text() for a in audience.select(".audience-page li strong a")]
    assert any(TITLES[edition] in title for title in titles), titles
    views = written.html(f"{prefix}views/index.html")
    assert views.find(id=NOTICE) is not None
    nav = [a.get_text(" ", strip=True) for a in written.html(f"{prefix}index.html").select(".md-nav--primary label, .md-nav--primary a")]
    assert any(TITLES[edition] in text for text in nav)


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
