"""hooks/cross_links.py on the small site: one card per provision, in the reader's language."""

from __future__ import annotations

from hook_fixtures import ids_on, link_target

HOME = {"en": "index.html", "zh": "zh/index.html"}


def _cards(site, edition):
    return site.html(HOME[edition]).select(".provision-cards > ul > li")


def test_cards_list_every_provision_in_number_order_in_each_edition(small_site):
    expected = {
        "en": ["Green channel", "Apostille instead of legalisation", "Research talent"],
        "zh": ["绿色通道", "以附加证明书代替认证", "科研人才"],
    }
    for edition, titles in expected.items():
        shown = [card.select_one("strong a").get_text(strip=True) for card in _cards(small_site, edition)]
        assert shown == titles, f"{HOME[edition]}: a reader sees the cards {shown}"


def test_a_card_shows_number_description_and_audiences_in_the_readers_language(small_site):
    first = _cards(small_site, "zh")[0]
    text = first.get_text(" ", strip=True)
    for part in ("第1条", "About 绿色通道.", "A类（外国高端人才）", "更换用人单位"):
        assert part in text, f"the first Chinese card lacks {part!r}: {text}"


def test_card_links_reach_the_provision_its_reindeer_view_and_audience_pages(small_site):
    for edition, page in HOME.items():
        for card in _cards(small_site, edition):
            for link in card.select("a[href]"):
                target, fragment = link_target(small_site, page, link["href"])
                assert target.exists(), f"{page}: card link {link['href']} leads nowhere"
                if fragment:
                    assert fragment in ids_on(small_site, target), f"{page}: {link['href']} has no such anchor"
            view_links = [a["href"] for a in card.select("a[href]") if a["href"].endswith("#reindeer-view")]
            assert len(view_links) == 1, f"{page}: a card without one link straight to its Reindeer View"


def test_process_pages_get_no_card(small_site):
    titles = [card.get_text(" ", strip=True) for card in _cards(small_site, "en")]
    assert not any("Port visa" in title for title in titles), "the process page was shown as a provision"
