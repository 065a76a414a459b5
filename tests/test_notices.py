"""Notices as content: a notice page states what the notice is, and its provisions say which notice they belong to.

The first tests read the real site (the 2023 notice's facts; every notice page's cards, also on
the copy with a second notice, fixture `any_site`). The last ones build a temporary copy in which
a newer notice, written by hand with one provision, supersedes the 2023 notice: every provision of
the old notice then warns its reader, in both editions, and the lists name each provision with its
notice. Expected lists come from the content's front matter, so a notice added by staff keeps them true.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from conftest import BuiltSite, run_strict_build
from content.strings import STRINGS
from hook_fixtures import link_target
from project_copy import copy_project, run_tool, set_key

NOTICE = "ningbo-2023-work-permits"
TITLES = {"en": "The 2023 work permit notice", "zh": "2023年工作许可通知"}
NOTICE_PAGE = {"en": f"notices/{NOTICE}/index.html", "zh": f"zh/notices/{NOTICE}/index.html"}
PROVISIONS = (
    "yrd-green-channel", "apostille", "work-residence-one-service", "commitment-and-tolerance",
    "same-job-transfer", "online-service", "expert-services",
)
FACTS = {
    "en": (
        "Notice on Matters Related to Further Optimization of the Management Service of Work Permits for Foreigners in China",
        "Ningbo Science and Technology Bureau",
        "2023-12-25",
        "The sources do not say whether it still applies; ask the Ningbo Science and Technology Bureau.",
        "the Reindeer article",
    ),
    "zh": ("关于进一步优化外国人在华工作许可管理服务有关问题的通知", "宁波市科技局", "2023-12-25", "资料没有说明是否仍然有效，请向宁波市科技局确认。", "灵达文章"),
}
EDITIONS = ("en", "zh")


def _provision_page(edition: str, name: str) -> str:
    return f"{'zh/' if edition == 'zh' else ''}notices/{NOTICE}/{name}/index.html"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_notice_page_shows_its_name_issuer_date_and_status(built_site, edition):
    facts = built_site.html(NOTICE_PAGE[edition]).select_one(".notice-facts")
    assert facts is not None, f"{NOTICE_PAGE[edition]}: a reader does not see what the notice is"
    text = facts.get_text(" ", strip=True)
    missing = [fact for fact in FACTS[edition] if fact not in text]
    assert not missing, f"{NOTICE_PAGE[edition]}: the notice's facts lack {missing}: {text}"


def _content(site: BuiltSite, edition: str) -> dict[str, dict]:
    """Built page -> front matter, for the notice and provision pages of an edition (read from the sources)."""
    folder, prefix = site.sources(edition), ("zh/" if edition == "zh" else "")
    pages = {}
    for path in sorted((folder / "notices").rglob("*.md")):
        meta = get_data(path.read_text(encoding="utf-8"))[1]
        stem = path.relative_to(folder).with_suffix("").as_posix()
        pages[f"{prefix}{stem.removesuffix('/index') if stem.endswith('/index') else stem}/index.html"] = meta
    return pages


def _notice_pages(site: BuiltSite, edition: str) -> dict[str, tuple[str, dict]]:
    return {meta["id"]: (page, meta) for page, meta in _content(site, edition).items() if meta.get("kind") == "notice"}


def _provisions_of(site: BuiltSite, edition: str, notice: str) -> list[tuple[str, dict]]:
    """(built page, front matter) of a notice's provisions, by number."""
    found = [(page, meta) for page, meta in _content(site, edition).items() if meta.get("kind") == "provision" and meta.get("notice") == notice]
    return sorted(found, key=lambda item: item[1]["number"])


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_notice_page_lists_its_provisions_in_number_order(any_site, edition):
    for notice, (page, _) in _notice_pages(any_site, edition).items():
        links = [a["href"] for a in any_site.html(page).select(".provision-cards > ul > li strong a[href]")]
        reached = [link_target(any_site, page, href)[0] for href in links]
        expected = [any_site.root / provision for provision, _ in _provisions_of(any_site, edition, notice)]
        assert expected and reached == expected, f"{page}: the cards lead to {[str(p.relative_to(any_site.root)) for p in reached]}"


def test_the_2023_notice_has_its_seven_provisions(built_site):
    """Today's content, on purpose: the real site's 2023 notice is split into these seven pages."""
    names = [Path(page).parent.name for page, _ in _provisions_of(built_site, "en", NOTICE)]
    assert names == list(PROVISIONS), names


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_provision_page_links_its_notice_page(built_site, edition):
    for name in PROVISIONS:
        page = _provision_page(edition, name)
        line = built_site.html(page).select_one(".provision-notice")
        assert line is not None, f"{page}: a reader does not see which notice this provision is part of"
        links = [link_target(built_site, page, a["href"])[0] for a in line.select("a[href]")]
        assert built_site.root / NOTICE_PAGE[edition] in links, f"{page}: the notice line does not lead to the notice page"


# --- a newer notice supersedes the 2023 one (temporary copy) -----------------

NEWER = "ningbo-2025-work-permits"
NEWER_TITLES = {"en": "The 2025 work permit notice", "zh": "2025年工作许可通知"}


def _newer_notice(edition: str) -> str:
    title = NEWER_TITLES[edition]
    description = "The notice of 2025 that replaces the 2023 notice (test)." if edition == "en" else "取代2023年通知的2025年通知（测试）。"
    intro = "Its provisions:" if edition == "en" else "本通知各条："
    return f"""---
id: {NEWER}
kind: notice
title: {title}
description: {description}
reviewed: 2026-11-22
issuer:
  en: Ningbo Science and Technology Bureau
  zh: 宁波市科技局
name:
  en: Notice on work permits for foreigners, 2025 (test)
  zh: 关于外国人工作许可的通知（2025年，测试）
issued: 2025-06-01
status: issued
text_source: reindeer-article
view_source: reindeer-article
---

# {title} {{ #notice }}

{intro}

<!-- provisions:cards -->
"""


def _newer_provision(edition: str) -> str:
    title = "Online service" if edition == "en" else "网上办理"
    description = "Everything online (test)." if edition == "en" else "全部网上办理（测试）。"
    official = ("Work permits are handled online.", "工作许可在网上办理。")
    view = ("Reindeer says it works.", "灵达说可行。")
    first, second = ("en", "zh") if edition == "en" else ("zh", "en")
    text = {"en": (official[0], view[0]), "zh": (official[1], view[1])}
    heading = {"en": ("Official text", "Reindeer View"), "zh": ("条文", "灵达观点")}[edition]
    return f"""---
id: provision-2025-1
kind: provision
title: {title}
description: {description}
reviewed: 2026-11-22
notice: {NEWER}
number: 1
applies_to: [category-a]
related: []
---

# 1. {title} {{ #provision }}

## {heading[0]} {{ #official-text }}

<div class="official-text" markdown>
<blockquote lang="{first}" markdown>
{text[first][0]}
</blockquote>
<blockquote lang="{second}" markdown>
{text[second][0]}
</blockquote>
</div>

## {heading[1]} {{ #reindeer-view }}

<div class="reindeer-view" markdown>
<blockquote lang="{first}" markdown>
{text[first][1]}
</blockquote>
<blockquote lang="{second}" markdown>
{text[second][1]}
</blockquote>
</div>
"""


@pytest.fixture(scope="module")
def superseded_site(tmp_path_factory) -> BuiltSite:
    root = tmp_path_factory.mktemp("superseded")
    project = copy_project(root / "project")
    for folder, edition in (("docs", "en"), ("docs_zh", "zh")):
        newer = project / folder / "notices" / NEWER
        newer.mkdir(parents=True)
        (newer / "index.md").write_text(_newer_notice(edition), encoding="utf-8")
        (newer / "online.md").write_text(_newer_provision(edition), encoding="utf-8")
        old = project / folder / "notices" / NOTICE / "index.md"
        set_key(old, "status", f"superseded\nsuperseded_by: {NEWER}")
    marked = run_tool(project, "tools.translations", "mark", "--all")
    assert marked.returncode == 0, marked.stderr
    result = run_strict_build(project, root / "site")
    assert result.returncode == 0, f"the copy with a superseding notice does not build:\n{result.stderr}"
    return BuiltSite(root / "site", result.stderr, project)


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_superseded_notice_warns_on_each_of_its_provisions_and_links_the_newer_notice(superseded_site, edition):
    newer_page = superseded_site.root / ("zh/" if edition == "zh" else "") / "notices" / NEWER / "index.html"
    for name in PROVISIONS:
        page = _provision_page(edition, name)
        banner = superseded_site.html(page).select_one(".notice-banner")
        assert banner is not None, f"{page}: a reader is not told the notice was replaced"
        links = [link_target(superseded_site, page, a["href"])[0] for a in banner.select("a[href]")]
        assert links == [newer_page], f"{page}: the banner does not lead to the newer notice: {links}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_with_two_notices_the_cards_name_each_provision_with_its_notice(superseded_site, edition):
    """The 2023 notice's page lists its own seven; the home page every provision of each notice in force."""
    of_notice = STRINGS[edition]["of_notice"]
    home = "zh/index.html" if edition == "zh" else "index.html"
    notices = _notice_pages(superseded_site, edition)
    assert notices[NOTICE][1]["status"] == "superseded" and NEWER in notices

    def titles(notice_id: str) -> list[str]:
        title = notices[notice_id][1]["title"]
        return [of_notice.format(notice=title, number=meta["number"]) for _, meta in _provisions_of(superseded_site, edition, notice_id)]

    in_force = [notice_id for notice_id, (_, meta) in notices.items() if meta.get("status") in ("in-force", "issued")]
    expected = {
        NOTICE_PAGE[edition]: titles(NOTICE),
        home: sorted(title for notice_id in in_force for title in titles(notice_id)),  # the notices in force
    }
    for page, wanted in expected.items():
        cards = superseded_site.html(page).select(".provision-cards > ul > li")
        shown = [card.select_one("p strong").get_text(" ", strip=True) for card in cards]
        if page == home:
            shown = sorted(shown)
        assert shown == wanted, f"{page}: with two notices a reader sees the cards {shown}"
