"""hooks/cross_links.py on the small site: one generated page per audience, in both editions."""

from __future__ import annotations

from hook_fixtures import ids_on, link_target

USED_TAGS = {"category-a", "research-talent", "job-transfer", "first-application", "urgent-entry"}


def test_one_page_per_audience_in_use_in_both_editions(small_site):
    for folder in ("audiences", "zh/audiences"):
        made = {path.parent.name for path in (small_site.root / folder).glob("*/index.html")}
        assert made == USED_TAGS, f"{folder}: pages for {sorted(made)}; tags in use are {sorted(USED_TAGS)}"


def test_an_audience_page_looks_like_a_real_page(small_site):
    soup = small_site.html("zh/audiences/category-a/index.html")
    assert [h.get_text(strip=True).rstrip("¶") for h in soup.find_all("h1")] == ["A类（外国高端人才）"]
    assert soup.title.get_text().startswith("A类（外国高端人才）"), soup.title
    assert "A类（外国高端人才）" in soup.find("meta", attrs={"name": "description"})["content"]


def test_an_audience_page_lists_each_page_with_why_and_its_view(small_site):
    page = "audiences/category-a/index.html"
    items = small_site.html(page).select(".audience-page > ul > li")
    titles = [item.select_one("strong a").get_text() for item in items]
    assert titles == ["Provision 1: Green channel", "Provision 3: Research talent"], titles
    first = items[0].get_text(" ", strip=True)
    assert "Why it applies: About Green channel." in first, first
    for link in items[0].select("a[href]"):
        target, fragment = link_target(small_site, page, link["href"])
        assert target.exists() and (not fragment or fragment in ids_on(small_site, target)), link["href"]
    assert items[0].select_one("a[href$='#reindeer-view']") is not None, "no link straight to the view"


def test_audience_pages_are_in_the_navigation_in_the_readers_language(small_site):
    for page, section in (("index.html", "Who it applies to"), ("zh/index.html", "适用对象")):
        nav = small_site.html(page).select_one("nav.md-nav--primary")
        assert section in nav.get_text(" ", strip=True), f"{page}: no {section!r} in the navigation"
        hrefs = [link_target(small_site, page, a["href"])[0] for a in nav.select("a[href]")]
        expected = small_site.root / page.replace("index.html", "") / "audiences/category-a/index.html"
        assert expected in hrefs, f"{page}: the navigation does not lead to the Category A page"


def test_the_language_switch_on_an_audience_page_leads_to_its_counterpart(small_site):
    for page, other, counterpart in (
        ("audiences/urgent-entry/index.html", "zh", "zh/audiences/urgent-entry/index.html"),
        ("zh/audiences/urgent-entry/index.html", "en", "audiences/urgent-entry/index.html"),
    ):
        switch = small_site.html(page).select_one(f'a.md-select__link[hreflang="{other}"]')
        target, _ = link_target(small_site, page, switch["href"])
        assert target == small_site.root / counterpart, f"{page}: the {other} switch leads to {target}"


def test_the_sitemap_lists_the_audience_pages_of_both_editions(small_site):
    sitemap = (small_site.root / "sitemap.xml").read_text(encoding="utf-8")
    for loc in ("/audiences/category-a/</loc>", "/zh/audiences/category-a/</loc>"):
        assert loc in sitemap, f"search engines are not told about {loc}"
