"""One name per page (issue #30): the menu, the page's heading and the links to a situation guide
call a page by the same name, a provision with its number ("2. Apostille instead of …").

Readers met one page as "Research hires" in the menu and "Research talent" in lists, and a
provision under three names (menu, heading, lists).
"""

from __future__ import annotations

import pytest

EDITIONS = ("en", "zh")
# Not judged here: the home page (the menu says "Home").
NOT_JUDGED = {"index.html", "zh/index.html"}


def _text(element) -> str:
    for extra in element.select(".headerlink, .nav-status"):
        extra.decompose()
    return " ".join(element.get_text().split())


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_menu_calls_each_page_by_its_heading(built_site, edition):
    wrong = []
    for path in built_site.pages(edition):
        relative = path.relative_to(built_site.root).as_posix()
        soup = built_site.html(relative)
        heading, entry = soup.select_one("article h1"), soup.select_one(".md-nav--primary a.md-nav__link--active")
        if relative in NOT_JUDGED or heading is None or entry is None:
            continue
        if _text(heading) != _text(entry):
            wrong.append(f"{relative}: heading {_text(heading)!r}, menu {_text(entry)!r}")
    assert not wrong, f"pages with two names: {wrong}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_lists_call_a_guide_by_its_name(built_site, edition):
    """The "For:" and "See all for:" lines of cards and related provisions name a guide as its menu does."""
    prefix = "zh/" if edition == "zh" else ""
    names, checked, wrong = {}, 0, set()
    for path in built_site.pages(edition):
        relative = path.relative_to(built_site.root).as_posix()
        if relative.startswith(f"{prefix}audiences/") and relative != f"{prefix}audiences/index.html":
            entry = built_site.html(relative).select_one(".md-nav--primary a.md-nav__link--active")
            names[relative.removeprefix(prefix).removesuffix("index.html")] = _text(entry)
    for path in built_site.pages(edition):
        relative = path.relative_to(built_site.root).as_posix()
        for link in built_site.html(relative).select(LIST_LINKS):
            guide = "audiences/" + link["href"].split("#")[0].rstrip("/").rsplit("audiences/", 1)[-1] + "/"
            if guide in names:
                checked += 1
                if _text(link) != names[guide]:
                    wrong.add(f"{relative}: {_text(link)!r}, the guide is {names[guide]!r}")
    assert checked, "no list links to a situation guide found: the selectors are out of date"
    assert not wrong, f"a situation guide listed under another name: {sorted(wrong)}"


LIST_LINKS = ", ".join(f".{name} a[href*='audiences/']" for name in (
    "provision-cards__audiences", "related-provisions__audiences", "related-provisions__why", "audience-page__also"))
