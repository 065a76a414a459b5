"""Guides as journeys (#26): numbered steps, "Part of" links, the home page's questions, where to ask.

"Part of" is a rule, so it is checked on the real site and on the copy with a second notice, whose
editor gave a guide a step that the new notice explains (tests/new_notice_copy.py).

Read from the session's built site (no SITE_URL, so no QR code) and from the guides' own front
matter, which is what an editor writes; the browser tests print the guides and decode the codes.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from conftest import ROOT
from test_content import EDITIONS, built_path, front_matter, page_html, section, section_text

# --- tests: steps -------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_guide_shows_its_steps_numbered_each_naming_who_acts_and_linking_its_page(built_site, edition):
    for path, meta in _guides(edition):
        soup = page_html(built_site, edition, path)
        steps = soup.select(".journey > ol > li")
        assert len(steps) == len(meta["steps"]) > 0, f"{edition} {path}: {len(steps)} numbered steps shown, {len(meta['steps'])} written"
        for number, (step, written) in enumerate(zip(steps, meta["steps"], strict=True), start=1):
            own = step.select_one(".journey__own")
            who = own.select_one(".journey__who").get_text(strip=True)
            assert who, f"{edition} {path}: step {number} does not say who acts"
            assert _squash(written["does"]) in _squash(own.get_text()), f"{edition} {path}: step {number} does not say what its front matter says"
            links = [_page_id(built_site, edition, path, a["href"]) for a in own.select(".journey__page a[href]")]
            assert links == [written["page"]], f"{edition} {path}: step {number} links {links}, not the page {written['page']!r}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_and_or_appear_only_where_a_step_says_so(built_site, edition):
    words = {"en": {"and": "and", "or": "or"}, "zh": {"and": "并且", "or": "或者"}}[edition]
    for path, meta in _guides(edition):
        steps = page_html(built_site, edition, path).select(".journey > ol > li")
        for number, (step, written) in enumerate(zip(steps, meta["steps"], strict=True), start=1):
            join = step.select_one(".journey__join")
            expected = words.get(written.get("next")) if number < len(steps) else None
            shown = next(join.stripped_strings) if join else None
            assert shown == expected, f"{edition} {path}: after step {number} the page says {shown!r}, the front matter {expected!r}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_print_view_has_the_other_edition_beside_each_step(built_site, edition):
    other = "zh" if edition == "en" else "en"
    for path, meta in _guides(edition):
        twin = dict(_guides(other))[path]
        steps = page_html(built_site, edition, path).select(".journey > ol > li")
        for number, (step, written) in enumerate(zip(steps, twin["steps"], strict=True), start=1):
            beside = step.select_one(f".journey__twin[lang='{other}']")
            assert beside is not None and _squash(written["does"]) in _squash(beside.get_text()), (
                f"{edition} {path}: step {number} has no {other} text beside it for the official at the window")
            assert beside.has_attr("data-search-exclude"), f"{edition} {path}: the {other} twin of step {number} is indexed for search"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_a_guide_uses_says_part_of_that_guide(any_site, edition):
    used: dict[str, set[str]] = {}
    for path, meta in _guides(edition, any_site.project):
        for step in meta["steps"]:
            used.setdefault(step["page"], set()).add(path)
    for page_path, page_id in _relatable(edition, any_site.project).items():
        part_of = page_html(any_site, edition, page_path).select_one(".part-of")
        if page_id not in used:
            assert part_of is None, f"{edition} {page_path}: 'Part of' on a page no guide's steps use"
            continue
        assert part_of is not None, f"{edition} {page_path}: no 'Part of' line, though {sorted(used[page_id])} use it"
        targets = {urlparse(urljoin("http://site/" + built_path(edition, page_path), a["href"])) for a in part_of.select("a[href]")}
        expected = {built_path(edition, guide).removesuffix("index.html") for guide in used[page_id]}
        assert {t.path.lstrip("/") for t in targets} == expected, f"{edition} {page_path}: 'Part of' leads to {targets}, not {expected}"
        assert {t.fragment for t in targets} == {"steps"}, f"{edition} {page_path}: 'Part of' does not land on the steps"


# --- tests: home, where to ask, QR code without SITE_URL ------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_home_opens_with_which_guide_questions_leading_to_every_guide(built_site, edition):
    soup = page_html(built_site, edition, "index.md")
    h1 = soup.select_one("article h1")
    assert h1.find_next_sibling().get("id") == "start-here", f"{edition}: 'Which guide is mine?' is not the first section of the home page"
    questions = section(soup, "start-here")[1]
    assert questions.name == "ul", f"{edition}: the questions are not a plain list of links"
    linked = {urlparse(urljoin("http://site/" + built_path(edition, "index.md"), a["href"])).path.lstrip("/") for a in questions.select("a[href]")}
    expected = {built_path(edition, path).removesuffix("index.html") for path, _ in _guides(edition)}
    assert linked == expected, f"{edition}: the questions lead to {sorted(linked)}, the guides are {sorted(expected)}"
    assert not soup.select("#start-here ~ script"), f"{edition}: the questions need a script"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_guide_names_the_checked_hotline_with_its_sources_and_still_says_what_no_source_gives(built_site, edition):
    cited = {"en": ("12367", "China Daily", "12 April 2021", "Xinhua", "8 April 2024"),
             "zh": ("12367", "中国日报", "2021年4月12日", "新华社", "2024年4月8日")}[edition]
    silent = {"en": ("No checked source gives", "The sources give no"), "zh": ("经核对的公开资料没有给出", "资料没有给出")}[edition]
    for path, _ in _guides(edition):
        text = section_text(page_html(built_site, edition, path), "where-to-ask")
        missing = [word for word in cited if word not in text]
        assert not missing, f"{edition} {path}: 'Where to ask' lacks {missing}"
        assert any(words in text for words in silent), f"{edition} {path}: 'Where to ask' no longer says what no source gives"


@pytest.mark.parametrize("edition", EDITIONS)
def test_urgent_entry_says_the_usual_route_for_a_new_hire_is_not_covered(built_site, edition):
    text = section_text(page_html(built_site, edition, "audiences/urgent-entry.md"), "guide")
    said = {"en": ("usual route for a new hire", "not covered"), "zh": ("新聘人员的一般途径", "本站资料不涉及")}[edition]
    assert all(words in text for words in said), f"{edition}: the urgent-entry guide does not say the usual route is not covered"


@pytest.mark.parametrize("edition", EDITIONS)
def test_without_site_url_no_code_is_made_and_the_page_says_so(built_site, edition):
    said = {"en": "built without the site's published address", "zh": "构建时未设置网站的发布地址"}[edition]
    for path in [path for path, _ in _guides(edition)] + list(_relatable(edition)):
        soup = page_html(built_site, edition, path)
        codes = soup.select(".page-code")
        assert codes, f"{edition} {path}: no place for the page's code"
        for code in codes:
            assert code.find("svg") is None, f"{edition} {path}: a QR code in a build without SITE_URL points a phone at this computer"
            assert said in code.get_text(), f"{edition} {path}: the page does not say why it has no code"


# --- helpers ----------------------------------------------------------------


def _guides(edition: str, project: Path = ROOT) -> list[tuple[str, dict]]:
    found = []
    for file in sorted((project / "docs" / "audiences").glob("*.md")):
        path = f"audiences/{file.name}"
        meta = _front_matter(project, edition, path)
        if meta.get("kind") == "guide":
            found.append((path, meta))
    assert found, "no situation guide in docs/audiences/"
    return found


def _relatable(edition: str, project: Path = ROOT) -> dict[str, str]:
    """Source path -> id of every provision and process page."""
    found = {}
    for file in sorted((project / "docs").rglob("*.md")):
        path = file.relative_to(project / "docs").as_posix()
        meta = _front_matter(project, edition, path)
        if meta.get("kind") in ("provision", "process"):
            found[path] = meta["id"]
    return found


def _front_matter(project: Path, edition: str, path: str) -> dict:
    return front_matter(edition, path) if project == ROOT else yaml.safe_load(
        (project / ("docs_zh" if edition == "zh" else "docs") / path).read_text(encoding="utf-8").split("---\n", 2)[1])


def _page_id(site, edition: str, path: str, href: str) -> str | None:
    target = urlparse(urljoin("http://site/" + built_path(edition, path), href)).path.lstrip("/")
    file = Path(site.root) / target / "index.html"
    meta = site.html(file.relative_to(site.root).as_posix()).find("meta", attrs={"name": "page-id"}) if file.exists() else None
    return meta["content"] if meta else None


def _squash(text: str) -> str:
    return "".join(text.split())
