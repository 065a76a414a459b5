"""hooks/paging.py: long generated lists continue on numbered pages, in both editions.

The small site is built with `extra.list_page_size: 1`, a provisions index
beside the home page (both show the cards) and two more Category A provisions,
so every list (cards, views index, audience pages) runs over several
pages and the glossary's "used in" for Category A has more pages than it names.
"""

from __future__ import annotations

import re

import pytest

from hook_fixtures import SMALL_SITE, build_small_site, link_target, provision_page


def _provision(number: int, language: str) -> str:
    title = f"Extra {number}" if language == "en" else f"附加条款{number}"
    return provision_page(
        number,
        f"provision-{number}",
        title,
        "[category-a]",
        "[]",
        "Category A rules.",
        "Category A applies. Second sentence.",
        "A类适用。第二句。",
        zh_first=language == "zh",
    )


def _provisions_index(title: str) -> str:
    return f"---\nid: provisions\nkind: index\ntitle: {title}\n---\n\n# {title} {{ #provisions }}\n\n<!-- provisions:cards -->\n"


CHANGES = {
    "mkdocs.yml": SMALL_SITE["mkdocs.yml"] + "extra:\n  list_page_size: 1\n",
    "docs/provisions/index.md": _provisions_index("Provisions"),
    "docs_zh/provisions/index.md": _provisions_index("条款"),
    **{f"docs/provisions/extra-{n}.md": _provision(n, "en") for n in (8, 9)},
    **{f"docs_zh/provisions/extra-{n}.md": _provision(n, "zh") for n in (8, 9)},
}
PROVISIONS = 5  # three in the small site, two added here


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory):
    site, returncode = build_small_site(tmp_path_factory.mktemp("paged"), CHANGES)
    assert returncode == 0, site.log
    return site


def _pages_of(site, first: str) -> list[str]:
    """The built pages of a list, following the pager's "next" link from its first page."""
    pages, page = [first], first
    while (following := site.html(page).select_one("nav.list-pager a[rel=next]")) is not None:
        target, _ = link_target(site, page, following["href"])
        page = target.relative_to(site.root).as_posix()
        assert page not in pages, f"the pager loops back to {page}"
        pages.append(page)
    return pages


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_the_cards_continue_one_per_page_until_every_provision_is_shown(paged_site, prefix):
    pages = _pages_of(paged_site, f"{prefix}provisions/index.html")
    assert pages[1] == f"{prefix}provisions/page-2/index.html", pages
    cards = [len(paged_site.html(page).select(".provision-cards > ul > li")) for page in pages]
    assert cards == [1] * PROVISIONS, f"cards per page: {cards}"


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_the_home_page_previews_the_cards_and_continues_on_the_provisions_index_pages(paged_site, prefix):
    soup = paged_site.html(f"{prefix}index.html")
    assert len(soup.select(".provision-cards > ul > li")) == 1
    following = soup.select_one("nav.list-pager a[rel=next]")
    target, _ = link_target(paged_site, f"{prefix}index.html", following["href"])
    assert target == paged_site.root / f"{prefix}provisions/page-2/index.html", target
    assert not (paged_site.root / f"{prefix}page-2").exists(), "the home page has continuation pages of its own"


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_the_views_index_shows_each_view_under_each_audience_once_across_its_pages(paged_site, prefix):
    seen = []
    for page in _pages_of(paged_site, f"{prefix}views/index.html"):
        soup = paged_site.html(page)
        for heading in soup.select("h2[id]"):
            listing = heading.find_next_sibling("ul")
            seen += [(heading["id"], a["href"].rstrip("/").split("/")[-1]) for a in listing.select("strong a")]
    category_a = sorted(view for group, view in seen if group == "category-a")
    assert category_a == ["extra-8", "extra-9", "green-channel", "research"], seen
    assert len(seen) == len(set(seen)), f"a view is listed twice under one audience: {seen}"


def test_an_audience_page_continues_and_every_pager_link_arrives(paged_site):
    pages = _pages_of(paged_site, "zh/audiences/category-a/index.html")
    assert len(pages) == 4, pages  # provisions 1, 3, 8 and 9
    for page in pages:
        for link in paged_site.html(page).select("nav.list-pager a[href]"):
            assert link_target(paged_site, page, link["href"])[0].exists(), f"{page}: {link['href']} leads nowhere"
        current = paged_site.html(page).select("nav.list-pager [aria-current=page]")
        assert [c.get_text() for c in current] == [str(pages.index(page) + 1)], f"{page}: current page {current}"


def test_a_continuation_page_has_its_own_title_and_its_counterpart_in_the_other_edition(paged_site):
    soup = paged_site.html("zh/views/page-2/index.html")
    assert re.fullmatch(r"观点（第 2/\d+ 页）", soup.h1.get_text(strip=True).rstrip("¶")), soup.h1
    switch = soup.select_one('a.md-select__link[hreflang="en"]')
    target, _ = link_target(paged_site, "zh/views/page-2/index.html", switch["href"])
    assert target == paged_site.root / "views/page-2/index.html", f"the English switch leads to {target}"


def test_the_sitemap_lists_continuation_pages(paged_site):
    sitemap = (paged_site.root / "sitemap.xml").read_text(encoding="utf-8")
    for loc in ("/views/page-2/</loc>", "/zh/audiences/category-a/page-2/</loc>"):
        assert loc in sitemap, f"search engines are not told about {loc}"


def test_the_glossary_names_a_few_pages_per_term_and_counts_the_rest(paged_site):
    heading = paged_site.html("glossary/index.html").find("h2", id="category-a")
    uses = heading.find_next_sibling("p", class_="term-uses")
    assert [a.get_text() for a in uses.select("a")] == ["Provision 1", "Provision 3", "Provision 8"], uses
    assert uses.get_text().endswith("and 1 more"), uses


def test_a_page_where_a_continuation_belongs_fails_the_build_naming_it(tmp_path):
    page = "---\nid: mine\nkind: about\ntitle: Mine\n---\n\n# Mine { #mine }\n\nText.\n"
    changes = {**CHANGES, "docs/views/page-2.md": page, "docs_zh/views/page-2.md": page}
    site, returncode = build_small_site(tmp_path, changes)
    assert returncode != 0, "the build went on with a page where the views index continues"
    expected = "docs/views/page-2.md: this path holds page 2 of the list on docs/views.md"
    assert expected in site.log, site.log[-3000:]
