"""hooks/cross_links.py: the "Related provisions" section at the foot of each provision page."""

from __future__ import annotations

from content.catalog import read_catalog
from content.strings import STRINGS
from cross_links import SHARED_TAG_LIMIT, related_items
from hook_fixtures import NOTICE_DIR, NOTICE_ID, ids_on, link_target, notice_page, provision_page, source_records


def _section(site, page):
    section = site.html(page).select_one(".related-provisions")
    assert section is not None, f"{page}: no Related provisions section"
    return section


def _linked_pages(site, page) -> list[str]:
    """Built pages the section's items lead to (titles' links), in order."""
    items = _section(site, page).select(":scope > ul > li")
    return [
        str(link_target(site, page, item.select_one("strong a")["href"])[0].relative_to(site.root)) for item in items
    ]


def test_a_page_lists_the_pages_that_name_it_in_their_related(small_site):
    # provision 2 (apostille) names provision 1 (green-channel) in `related`.
    for prefix in ("", "zh/"):
        linked = _linked_pages(small_site, f"{prefix}{NOTICE_DIR}/green-channel/index.html")
        assert f"{prefix}{NOTICE_DIR}/apostille/index.html" in linked, (
            f"page 1 does not list page 2, which names it: {linked}"
        )


def test_a_page_lists_the_pages_named_in_its_related(small_site):
    linked = _linked_pages(small_site, "port-visa/index.html")
    assert linked == ["notices/small-2024-notice/apostille/index.html"], linked


def test_a_page_lists_the_pages_sharing_an_audience_with_it(small_site):
    linked = _linked_pages(small_site, "notices/small-2024-notice/green-channel/index.html")
    assert "notices/small-2024-notice/research/index.html" in linked, "provisions 1 and 3 are both for Category A"


def test_titles_reasons_and_views_are_in_the_readers_language(small_site):
    text = _section(small_site, "zh/notices/small-2024-notice/green-channel/index.html").get_text("", strip=True)
    for part in (
        "第2条：以附加证明书代替认证",
        STRINGS["zh"]["related_names_this"],
        "现在附加证明书即可。",
        "同样适用于：A类（外国高端人才）",
    ):
        assert part in text, f"the Chinese page's related section lacks {part!r}: {text}"
    assert "Provision" not in text and "Reindeer View" not in text, "English words on a Chinese page"


def test_every_related_link_reaches_its_page_or_its_reindeer_view(small_site):
    for page in ("notices/small-2024-notice/green-channel/index.html", "zh/notices/small-2024-notice/apostille/index.html", "port-visa/index.html"):
        for link in _section(small_site, page).select("a[href]"):
            target, fragment = link_target(small_site, page, link["href"])
            assert target.exists(), f"{page}: {link['href']} leads nowhere"
            assert not fragment or fragment in ids_on(small_site, target), f"{page}: {link['href']} has no such anchor"
        views = [a for a in _section(small_site, page).select("a[href$='#reindeer-view']")]
        assert views, f"{page}: no related item links straight to its Reindeer View"


def test_an_unknown_related_id_is_skipped(small_site):
    # docs/notices/small-2024-notice/green-channel.md names provision-9, which does not exist.
    text = _section(small_site, "notices/small-2024-notice/green-channel/index.html").get_text(" ", strip=True)
    assert "provision-9" not in text


def test_items_come_named_first_then_naming_this_page_then_shared_audience(tmp_path):
    pages = {
        "index.md": notice_page(NOTICE_ID, "The notice"),
        "p1.md": provision_page(1, "provision-1", "One", "[family]", "[provision-3]", "x", "V.", "观。"),
        "p2.md": provision_page(2, "provision-2", "Two", "[family]", "[]", "x", "V.", "观。"),
        "p3.md": provision_page(3, "provision-3", "Three", "[extension]", "[]", "x", "V.", "观。"),
        "p4.md": provision_page(4, "provision-4", "Four", "[extension]", "[provision-1]", "x", "V.", "观。"),
    }
    cat = read_catalog(source_records(pages), "en")
    items = related_items(cat, cat.entries["provision-1"])
    words = STRINGS["en"]
    assert [(entry.id, why) for entry, why in items] == [
        ("provision-3", [words["related_named"]]),
        ("provision-4", [words["related_names_this"]]),
        ("provision-2", [words["related_shared"].format(tags="Accompanying family")]),
    ]


def test_pages_related_by_audience_alone_are_capped_but_named_ones_never_are(tmp_path):
    count = SHARED_TAG_LIMIT + 5
    pages = {"index.md": notice_page(NOTICE_ID, "The notice")} | {
        f"p{n}.md": provision_page(
            n, f"provision-{n}", f"P{n}", "[family]", f"[provision-{count}]" if n == 1 else "[]", "x", "V.", "观。"
        )
        for n in range(1, count + 1)
    }
    cat = read_catalog(source_records(pages), "en")
    items = [entry.id for entry, _ in related_items(cat, cat.entries["provision-1"])]
    assert items[0] == f"provision-{count}", "a page named in `related` was dropped by the cap"
    assert len(items) == SHARED_TAG_LIMIT + 1
