"""hooks/cross_links.py on the small site: the views index, grouped by whom each view concerns."""

from __future__ import annotations

from hook_fixtures import ids_on, link_target

VIEWS = {"en": "views/index.html", "zh": "zh/views/index.html"}


def _groups(site, edition) -> dict[str, list]:
    """Heading id -> the list items under that heading, for every group of the views index."""
    lists = site.html(VIEWS[edition]).select("ul.views-index")
    assert lists, f"{VIEWS[edition]}: no views index"
    return {ul.find_previous_sibling("h2")["id"]: ul.find_all("li", recursive=False) for ul in lists}


def test_views_are_grouped_under_one_heading_per_audience_in_schema_order(small_site):
    for edition in VIEWS:
        groups = list(_groups(small_site, edition))
        assert groups == ["category-a", "research-talent", "job-transfer", "first-application"], (
            f"{VIEWS[edition]}: groups {groups}; the process page has no view, so no urgent-entry group"
        )


def test_group_headings_are_in_the_readers_language(small_site):
    lists = small_site.html(VIEWS["zh"]).select("ul.views-index")
    headings = [ul.find_previous_sibling("h2").get_text(strip=True) for ul in lists]
    assert headings[0].startswith("A类（外国高端人才）"), headings


def test_each_view_links_to_its_page_and_straight_to_its_reindeer_view(small_site):
    for edition, page in VIEWS.items():
        for items in _groups(small_site, edition).values():
            for item in items:
                hrefs = [a["href"] for a in item.select("a[href]") if "glossary-term" not in (a.get("class") or [])]
                assert any(h.endswith("#reindeer-view") for h in hrefs), (
                    f"{page}: a view with no link to #reindeer-view"
                )
                for href in hrefs:
                    target, fragment = link_target(small_site, page, href)
                    assert target.exists(), f"{page}: {href} leads nowhere"
                    assert not fragment or fragment in ids_on(small_site, target), f"{page}: {href} has no such anchor"


def test_views_show_their_opening_lines_in_the_readers_language(small_site):
    english = _groups(small_site, "en")["category-a"][0].get_text(" ", strip=True)
    assert "holders get a faster" in english and "Category AB is not a category." in english, english
    assert "Category A again" not in english, "the index shows more than the view's opening lines"
    chinese = _groups(small_site, "zh")["category-a"][0].get_text("", strip=True)
    assert "A类人才转聘更快。第二句。" in chinese, chinese
